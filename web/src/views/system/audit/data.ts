/** 审计日志: columns, known actions with labels, outcome tags. */
import type { AuditEntry } from '@/api/types'
import { i18n } from '@/locales'

export interface AuditColumn {
  prop: keyof AuditEntry | 'object'
  label: string
  width?: number
  minWidth?: number
}

export const columns: AuditColumn[] = [
  { prop: 'at', label: 'audit.at', width: 165 },
  { prop: 'username', label: 'audit.username', width: 130 },
  { prop: 'ip', label: 'audit.ip', width: 130 },
  { prop: 'action', label: 'audit.action', minWidth: 130 },
  { prop: 'object', label: 'audit.object', minWidth: 120 },
  { prop: 'outcome', label: 'audit.outcome', width: 90 },
  { prop: 'detail', label: 'audit.detail', minWidth: 160 },
  { prop: 'request_id', label: 'audit.requestId', minWidth: 170 },
]

/** Actions the server is known to write; others still show, under their raw code. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password',
  'auth.preferences',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'pii.reveal',
]

const key = (action: string) => `audit.actions.${action.replace(/[.-]/g, '_')}`

export function actionLabel(action: string): string {
  const k = key(action)
  return i18n.global.te(k) ? i18n.global.t(k) : action
}

export function objectLabel(e: AuditEntry): string {
  if (!e.object_type) return '-'
  const k = `audit.objects.${e.object_type}`
  const type = i18n.global.te(k) ? i18n.global.t(k) : e.object_type
  if (e.object_id === null || e.object_id === undefined || e.object_id === '') return type
  return /^\d+$/.test(String(e.object_id)) ? `${type} #${e.object_id}` : `${type} ${e.object_id}`
}
