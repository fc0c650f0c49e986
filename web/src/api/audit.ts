/** /audit: the read-only audit log (permission audit.read). */
import { download, http } from './http'
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
/** The rows the same filter selects as .xlsx, oldest first (audited as audit.export; at most 100,000). */
export const exportAudit = (q: Omit<AuditQuery, 'page' | 'page_size'>) => download('/audit/export', { ...q })
