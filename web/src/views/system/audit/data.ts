/** 审计日志: columns, known actions with labels, outcome tags. */
import type { AuditEntry } from '@/api/types'
import type { TableColumn } from '@/components/table/columns'
import { i18n } from '@/locales'

export const columns: TableColumn<keyof AuditEntry | 'object'>[] = [
  { key: 'at', label: 'audit.at', width: 165 },
  { key: 'username', label: 'audit.username', width: 130 },
  { key: 'ip', label: 'audit.ip', width: 130 },
  { key: 'action', label: 'audit.action', minWidth: 130, card: 'title' },
  { key: 'object', label: 'audit.object', minWidth: 120 },
  { key: 'outcome', label: 'audit.outcome', width: 90 },
  { key: 'detail', label: 'audit.detail', minWidth: 160, tooltip: true },
  { key: 'request_id', label: 'audit.requestId', minWidth: 170, minScreen: 1440 },
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
  'user.unlock',
  'pii.reveal',
  'user.roles',
  'role.request',
  'role.approve',
  'role.reject',
  'read.refused',
  'exam.attempt.start',
  'exam.attempt.event',
  'audit.export',
  'audit.prune',
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
