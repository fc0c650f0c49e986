/** What the 依法治理 pages share: permissions, tag colours, the clock's words. */
import type { Conclusion, EventKind, SubmissionStatus, SubmissionSummary } from '@/api/legality'
import { i18n } from '@/locales'

export const READ = 'legality.read'
export const SUBMIT = 'legality.submit'
export const REVIEW = 'legality.review'
export const CASES = 'legality.cases'

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export const STATUS_TAG: Record<SubmissionStatus, TagType> = {
  reviewing: 'primary',
  material_requested: 'warning',
  issued: 'success',
  closed: 'info',
  withdrawn: 'info',
}

export const CONCLUSION_TAG: Record<Conclusion, TagType> = {
  lawful: 'success',
  lawful_with_changes: 'warning',
  unlawful: 'danger',
}

export const EVENT_TAG: Record<EventKind, TagType> = {
  submitted: 'primary',
  material_requested: 'warning',
  material_supplied: 'primary',
  issued: 'success',
  adopted: 'success',
  withdrawn: 'info',
}

/** The review still runs (the clock counts or is paused). */
export const isOpen = (s: Pick<SubmissionSummary, 'status'>) => s.status === 'reviewing' || s.status === 'material_requested'

export interface ClockTag {
  text: string
  type: TagType
}

/**
 * The clock beside 审核期限: 暂停计时 while material is asked for, 逾期 (red) past the time limit, 剩 N 个工作日 while
 * it runs; after the opinion 按期出具 / 逾期出具. Nothing for a withdrawn one.
 */
export function clockTag(s: Pick<SubmissionSummary, 'status' | 'paused' | 'overdue' | 'days_left' | 'on_time'>): ClockTag | null {
  const { t } = i18n.global
  if (s.status === 'withdrawn') return null
  if (s.status === 'issued' || s.status === 'closed') {
    if (s.on_time === null || s.on_time === undefined) return null
    return s.on_time ? { text: t('legality.clock.onTime'), type: 'success' } : { text: t('legality.clock.late'), type: 'danger' }
  }
  if (s.paused) return { text: t('legality.clock.paused'), type: 'warning' }
  if (s.overdue) {
    const n = s.days_left !== null && s.days_left < 0 ? -s.days_left : 0
    return { text: n ? t('legality.clock.overdueDays', { n }) : t('legality.clock.overdue'), type: 'danger' }
  }
  if (s.days_left === null || s.days_left === undefined) return null
  if (s.days_left === 0) return { text: t('legality.clock.dueToday'), type: 'warning' }
  return { text: t('legality.clock.left', { n: s.days_left }), type: s.days_left <= 1 ? 'warning' : 'info' }
}

/** "18 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** `points.0.citations.1` and `points[0].citations[1]` as one key: `points[0].citations[1]`. */
export const fieldKey = (field: string) => field.replace(/\.(\d+)(?=\.|$)/g, '[$1]')

/** A point as the reviewer's form holds it: its text and the citations typed, empty ones included. */
export interface ScreenPoint {
  text: string
  citations: string[]
}

/** The points sent: empty ones left out, and each point's empty citations. */
export function sentPoints(screen: ScreenPoint[]): ScreenPoint[] {
  return screen
    .map((p) => ({ text: p.text.trim(), citations: p.citations.map((c) => c.trim()).filter(Boolean) }))
    .filter((p) => p.text || p.citations.length)
}

/**
 * The server names a sent point or citation (`points[1].citations[0]`); the form shows it where it was typed, empty
 * points and citations (not sent) counted in: the same key with the on-screen positions.
 */
export function screenField(field: string, screen: ScreenPoint[]): string {
  const m = /^points\[(\d+)\](?:\.citations\[(\d+)\])?(.*)$/.exec(fieldKey(field))
  if (!m) return fieldKey(field)
  const kept = screen.map((p, i) => ({ p, i })).filter(({ p }) => p.text.trim() || p.citations.some((c) => c.trim()))
  const point = kept[Number(m[1])]
  if (!point) return fieldKey(field)
  if (m[2] === undefined) return `points[${point.i}]${m[3]}`
  const typed = point.p.citations.map((c, j) => ({ c, j })).filter(({ c }) => c.trim())
  const j = typed[Number(m[2])]?.j ?? Number(m[2])
  return `points[${point.i}].citations[${j}]${m[3]}`
}
