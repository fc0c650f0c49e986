/** 信息发布 (CONTRACTS "Content"): columns, articles with disclosure metadata, review, attachments. */
import { API_BASE, http, upload } from './http'
import type { Page } from './types'

export type ColumnCode = 'news' | 'dept' | 'cases' | 'notices' | 'plans'
export type ArticleStatus = 'draft' | 'review' | 'published' | 'returned' | 'withdrawn'
/** 公开方式: 主动公开 or 依申请公开 (labels: content.disclosure.<code>). */
export type Disclosure = 'active' | 'on_request'

export const ARTICLE_STATUSES: ArticleStatus[] = ['draft', 'review', 'returned', 'published', 'withdrawn']
export const DISCLOSURES: Disclosure[] = ['active', 'on_request']

export interface Column {
  code: ColumnCode
  name: string
  section: string
  sort?: number
}

export interface Attachment {
  id: number
  name: string
  size: number
  url: string
  content_type?: string
}

/** An article of a law cited by a case: `{law: "民法典", number: "第一千零七十七条"}` going in. */
export interface CitedRef {
  law: string
  number: string
}

export interface Cited extends CitedRef {
  law_id?: number | null
  law_title?: string
  /** 《民法典》第一千零七十七条 */
  label?: string
  /** /laws/{law}/articles/{number} when the law is in the library */
  url?: string | null
  text?: string | null
}

export interface CaseFields {
  facts: string
  analysis: string
  cited: Cited[]
}

/** The fields a reviewer's comment may be on (docs/content.md). */
export type CommentField =
  | 'title'
  | 'summary'
  | 'body_html'
  | 'publisher'
  | 'written_on'
  | 'disclosure'
  | 'case_facts'
  | 'case_analysis'
  | 'attachments'

export const COMMENT_FIELDS: CommentField[] = [
  'title',
  'summary',
  'body_html',
  'publisher',
  'written_on',
  'disclosure',
  'case_facts',
  'case_analysis',
  'attachments',
]
/** At most this many comments per return, each at most this long; the reason too. */
export const COMMENTS_MAX = 50
export const COMMENT_TEXT_MAX = 500
export const RETURN_REASON_MAX = 500

/** A reviewer's comment: on a field, and for the body on one top-level block (`paragraph`, from 0). */
export interface ReviewComment {
  field: CommentField
  paragraph?: number | null
  text: string
}

export type ReviewStep = 'submit' | 'return' | 'edit' | 'publish' | 'withdraw'

/** One step of the article's review (oldest first in `history`). */
export interface HistoryStep {
  step: ReviewStep | string
  user: { id: number | null; display_name: string }
  reason: string | null
  comments: ReviewComment[]
  at: string
}

export interface Article {
  id: number
  column: Column
  title: string
  summary: string
  body_html: string
  status: ArticleStatus
  /** 信息索引号, assigned on publishing */
  index_no: string | null
  /** 发布机构 */
  publisher: string
  /** 成文日期 YYYY-MM-DD */
  written_on: string | null
  published_at: string | null
  disclosure: Disclosure
  visits: number
  author: { id: number | null; display_name: string } | null
  /** 审核发布分离 is on: the author may not publish the article (one article's view only) */
  four_eyes?: boolean
  region_id?: number
  attachments: Attachment[]
  case: CaseFields | null
  return_reason: string | null
  created_at: string
  updated_at: string
  /** Staff view only: the comments of the return that sent it back, while it is `returned`. */
  review_comments?: ReviewComment[]
  /** Staff view only: every step of the review, oldest first. */
  history?: HistoryStep[]
}

export interface ArticleInput {
  column: ColumnCode
  title: string
  summary?: string
  body_html: string
  publisher: string
  written_on: string
  disclosure: Disclosure
  attachment_ids: number[]
  case?: { facts: string; analysis: string; cited: CitedRef[] }
}

export interface ArticleQuery {
  column?: string
  status?: string
  q?: string
  page?: number
  page_size?: number
}

export const listColumns = () => http.get<{ items: Column[] }>('/columns')
export const listArticles = (q: ArticleQuery) => http.get<Page<Article>>('/articles', { ...q })
export const getArticle = (id: number) => http.get<Article>(`/articles/${id}`)
export const createArticle = (body: ArticleInput) => http.post<Article>('/articles', body)
export const updateArticle = (id: number, body: ArticleInput) => http.put<Article>(`/articles/${id}`, body)
export const deleteArticle = (id: number) => http.delete(`/articles/${id}`)
export const submitArticle = (id: number) => http.post<Article>(`/articles/${id}/submit`)
export const returnArticle = (id: number, reason: string, comments: ReviewComment[] = []) =>
  http.post<Article>(`/articles/${id}/return`, { reason, comments })
export const publishArticle = (id: number) => http.post<Article>(`/articles/${id}/publish`)
export const withdrawArticle = (id: number) => http.post<Article>(`/articles/${id}/withdraw`)

/** What the server takes as an attachment, by file extension (the browser's MIME type is often empty). */
export const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
}
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024

export function attachmentType(name: string): string | undefined {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''
  return ATTACHMENT_TYPES[ext]
}

/** Raw bytes up, with progress: `POST /attachments?name=…` → {id, name, size, content_type}. */
export function uploadAttachment(file: File, onProgress?: (pct: number) => void) {
  const type = attachmentType(file.name) ?? file.type
  return upload<Attachment>(`/attachments?name=${encodeURIComponent(file.name)}`, file, type, onProgress)
}

export const attachmentUrl = (id: number) => `${API_BASE}/attachments/${id}`

/**
 * The attachments a body shows as pictures (`<img src="/api/v1/attachments/{id}">`): they belong to the
 * article (so that the portal may show them) without being listed among its downloads.
 */
export function inlineImageIds(html: string): number[] {
  const ids = new Set<number>()
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc="\/api\/v1\/attachments\/(\d+)"/g)) ids.add(Number(m[1]))
  return [...ids]
}

/** The attachments listed for download: those the body does not show as pictures. */
export const listedAttachments = (a: Pick<Article, 'attachments' | 'body_html'>) => {
  const inline = new Set(inlineImageIds(a.body_html ?? ''))
  return (a.attachments ?? []).filter((f) => !inline.has(f.id))
}
