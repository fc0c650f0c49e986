/** The public portal's reads (open routes, no sign-in): home, column lists, article pages, laws. */
import { API_BASE, http } from './http'
import type { Article, Column } from './content'
import type { Page } from './types'

export interface HomeItem {
  id: number
  title: string
  published_at: string
  summary?: string
}

export interface HomeColumn extends Column {
  items: HomeItem[]
}

/**
 * A breadcrumb: the home page (no label: the portal names it), a section or column (named by the
 * server), or a page of the portal's own (named by the page).
 */
export type Crumb = { kind: 'home'; url: string } | { kind?: 'section' | 'column'; label: string; url?: string }

export interface PublicArticle extends Article {
  breadcrumbs: Crumb[]
  qr_url?: string
}

// Portal reads must not send a resident to the staff login when a session has expired.
const quiet = { quiet401: true }

export const fetchHome = () => http.get<{ columns: HomeColumn[] }>('/public/home', undefined, quiet)
export const fetchColumns = () => http.get<{ items: Column[] }>('/columns', undefined, quiet)
export const listPublicArticles = (column: string, page: number, pageSize: number) =>
  http.get<Page<HomeItem>>('/public/articles', { column, page, page_size: pageSize }, quiet)
export const fetchPublicArticle = (id: number) => http.get<PublicArticle>(`/public/articles/${id}`, undefined, quiet)
export const qrUrl = (id: number) => `${API_BASE}/public/articles/${id}/qr.svg`

// ---- law library (docs/laws.md) ----

export interface Law {
  id: number
  title: string
  short_title: string
  category: string
}

export interface LawListItem extends Law {
  version_date: string
  articles: number
}

export interface ArticleRef {
  label: string
  number: number
  suffix: number
}

export interface LawNode {
  kind: string
  title: string
  children: LawNode[]
  paragraphs?: string[]
  first_article?: ArticleRef
  last_article?: ArticleRef
}

export interface LawDetail {
  law: Law
  version: { version_date: string; history: string[]; articles: number }
  versions: string[]
  structure: LawNode[]
}

export interface LawArticle {
  law: Law
  version_date: string
  article: ArticleRef & { text: string; paragraphs: string[]; path: string[] }
  previous: ArticleRef | null
  next: ArticleRef | null
}

export const listLaws = (q?: string) => http.get<Page<LawListItem>>('/laws', { q }, quiet)
export const fetchLaw = (law: string | number) => http.get<LawDetail>(`/laws/${encodeURIComponent(String(law))}`, undefined, quiet)
export const fetchLawArticle = (law: string | number, number: string) =>
  http.get<LawArticle>(`/laws/${encodeURIComponent(String(law))}/articles/${encodeURIComponent(number)}`, undefined, quiet)

/** The path segment of an article: 1077, or 17之一 for a 第十七条之一 (suffix 1). */
export function articleKey(ref: ArticleRef): string {
  return ref.suffix ? `${ref.number}之${SUFFIXES[ref.suffix] ?? ref.suffix}` : String(ref.number)
}
const SUFFIXES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
