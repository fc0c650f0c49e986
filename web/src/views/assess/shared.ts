/** What the 考核验收 pages share: permissions, tag colours, number words. */
import type { FixStatus, Grade, RoundStatus, UnitStatus } from '@/api/assess'

export const MANAGE = 'assess.manage'
export const SELF = 'assess.self'
export const INSPECT = 'assess.inspect'

type Tag = 'success' | 'warning' | 'danger' | 'info' | 'primary'
export const ROUND_TAG: Record<RoundStatus, Tag> = {
  draft: 'info', self_assess: 'primary', inspection: 'warning', review: 'warning', locked: 'success', published: 'success',
}
export const UNIT_TAG: Record<UnitStatus, Tag> = { pending: 'info', submitted: 'primary', confirmed: 'success' }
export const GRADE_TAG: Record<Grade, Tag> = { excellent: 'success', good: 'primary', pass: 'warning', fail: 'danger' }
export const FIX_TAG: Record<FixStatus, Tag> = { open: 'danger', answered: 'primary', returned: 'warning', accepted: 'success' }

/** 3, 0.5, 2.25 as sheets write points; '-' for none. */
export const pts = (v: number | null | undefined) => (v === null || v === undefined ? '-' : String(Math.round(v * 100) / 100))
