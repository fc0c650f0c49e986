/** The article workflow as the pages show it: status tags and which action each status allows. */
import type { Article, ArticleStatus } from '@/api/content'

export const STATUS_TAG: Record<ArticleStatus, 'info' | 'warning' | 'danger' | 'success' | 'primary'> = {
  draft: 'info',
  review: 'warning',
  returned: 'danger',
  published: 'success',
  withdrawn: 'info',
}

export type Action = 'edit' | 'submit' | 'return' | 'publish' | 'withdraw' | 'delete' | 'preview'

/** Drafts and returned articles are the only ones the author may still change (the server agrees). */
export const editable = (s: ArticleStatus) => s === 'draft' || s === 'returned'

export function actionsFor(a: Pick<Article, 'status'>, canPublish: boolean): Action[] {
  const out: Action[] = []
  if (editable(a.status)) out.push('edit', 'submit', 'delete')
  if (a.status === 'review' && canPublish) out.push('publish', 'return')
  if (a.status === 'published') out.push('preview')
  if (a.status === 'published' && canPublish) out.push('withdraw')
  return out
}

/** The public page of a published article, opened in a new tab as the preview. */
export const publicUrl = (id: number) => `/articles/${id}`
