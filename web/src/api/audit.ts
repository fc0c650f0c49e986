/** /audit: the read-only audit log (permission audit.read). */
import { http } from './http'
import type { AuditEntry, Page } from './types'

export interface AuditQuery {
  page: number
  page_size: number
  username?: string
  action?: string
  outcome?: '' | 'success' | 'failure'
  from?: string
  to?: string
}

export const listAudit = (q: AuditQuery) => http.get<Page<AuditEntry>>('/audit', { ...q })
