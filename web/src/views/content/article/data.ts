/** The article workflow as the pages show it: the list's columns, status tags and which action each status allows. */
import type { Article, ArticleStatus } from '@/api/content'
import type { TableColumn } from '@/components/table/columns'

/** 信息索引号 and 作者 give way first on a 1366 px screen. */
export const articleColumns: TableColumn<
  'title' | 'column' | 'status' | 'publisher' | 'index_no' | 'author' | 'updated_at' | 'published_at'
>[] = [
  { key: 'title', label: 'content.fields.title', minWidth: 240 },
  { key: 'column', label: 'content.fields.column', width: 110 },
  { key: 'status', label: 'content.fields.status', width: 90 },
  { key: 'publisher', label: 'content.fields.publisher', width: 130, tooltip: true },
  { key: 'index_no', label: 'content.fields.indexNo', width: 220, tooltip: true, minScreen: 1600 },
  { key: 'author', label: 'content.fields.author', width: 120, tooltip: true, minScreen: 1440 },
  { key: 'updated_at', label: 'content.fields.updatedAt', width: 140 },
  { key: 'published_at', label: 'content.fields.publishedAt', width: 140 },
]

export const STATUS_TAG: Record<ArticleStatus, 'info' | 'warning' | 'danger' | 'success' | 'primary'> = {
  draft: 'info',
  review: 'warning',
  returned: 'danger',
  published: 'success',
  withdrawn: 'info',
}

/** `review` (审核) opens an article under review as the portal will show it, with 退回, 修改 and 发布. */
export type Action = 'edit' | 'submit' | 'review' | 'return' | 'publish' | 'withdraw' | 'delete' | 'preview'

/** Drafts and returned articles are the only ones the author may still change (the server agrees). */
export const editable = (s: ArticleStatus) => s === 'draft' || s === 'returned'

export function actionsFor(a: Pick<Article, 'status'>, canPublish: boolean): Action[] {
  const out: Action[] = []
  if (editable(a.status)) out.push('edit', 'submit', 'delete')
  if (a.status === 'review' && canPublish) out.push('review', 'publish', 'return')
  if (a.status === 'published') out.push('preview')
  if (a.status === 'published' && canPublish) out.push('withdraw')
  return out
}

/** The public page of a published article, opened in a new tab as the preview. */
export const publicUrl = (id: number) => `/articles/${id}`
