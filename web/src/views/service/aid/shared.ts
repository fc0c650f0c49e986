/**
 * What the 法律援助 pages share (staff and portal): the two clocks (the decision within 7 days of receipt, the lawyer
 * within 3 days of the decision — calendar days, 法律援助法 第四十三条) as tags, the 身份证号's check digit (GB 11643),
 * and the checks of the 法律援助申请表 before it is sent.
 */
import type { Aid, AidInput, AidStatus } from '@/api/service'
import { i18n } from '@/locales'
import { idNumberOk, MOBILE_RE } from '@/utils/validators'
import { daysBetween } from '../shared'

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export interface ClockTag {
  text: string
  type: TagType
  /** Past its day while the step waits: drawn dark. */
  overdue?: boolean
}

/** The clock of a step still waiting: 剩 N 天, 今日到期, 逾期 N 天 (red). */
function waiting(by: string, today: string): ClockTag {
  const { t } = i18n.global
  const left = daysBetween(today, by)
  if (left < 0) return { text: t('service.aid.clock.overdueDays', { n: -left }), type: 'danger', overdue: true }
  if (left === 0) return { text: t('service.aid.clock.dueToday'), type: 'warning' }
  return { text: t('service.aid.clock.left', { n: left }), type: left <= 1 ? 'warning' : 'info' }
}

type ClockOf = Pick<Aid, 'status' | 'decide_by' | 'decided_on' | 'assign_by' | 'assigned_on'> & Partial<Pick<Aid, 'decided_late' | 'assigned_late'>>

/** The clock beside 审查期限: while 待审查 the days left (or past); once decided 按期 / 逾期办理. */
export function decideClock(a: ClockOf, today: string): ClockTag | null {
  const { t } = i18n.global
  if (a.status === 'submitted') return waiting(a.decide_by, today)
  if (!a.decided_on) return null
  const late = a.decided_late ?? a.decided_on > a.decide_by
  return late ? { text: t('service.aid.clock.late'), type: 'danger' } : { text: t('service.aid.clock.onTime'), type: 'success' }
}

/** The clock beside 指派期限: while 准予援助（待指派）the days left (or past); once assigned 按期 / 逾期办理; nothing before the decision or after a refusal. */
export function assignClock(a: ClockOf, today: string): ClockTag | null {
  const { t } = i18n.global
  if (!a.assign_by) return null
  if (a.status === 'approved') return waiting(a.assign_by, today)
  if (!a.assigned_on) return null
  const late = a.assigned_late ?? a.assigned_on > a.assign_by
  return late ? { text: t('service.aid.clock.late'), type: 'danger' } : { text: t('service.aid.clock.onTime'), type: 'success' }
}

/** The applications whose steps are still to be taken (the status filter 办理中). */
export const isOpenAid = (s: AidStatus) => s === 'submitted' || s === 'approved' || s === 'assigned'

/** A 18-digit 公民身份号码 (GB 11643): its shape, then its check digit. */
export function idNumberProblem(raw: string): 'shape' | 'check' | null {
  const v = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(v)) return 'shape'
  return idNumberOk(v) ? null : 'check'
}

/** The application's fields as they are sent: trimmed, the 身份证号's x upper case, an empty opponent as null. */
export function aidBody(f: AidInput): AidInput {
  return {
    township_id: f.township_id,
    village_id: f.village_id ?? null,
    name: f.name.trim(),
    gender: f.gender,
    id_number: f.id_number.trim().toUpperCase(),
    phone: f.phone.trim(),
    address: f.address.trim(),
    matter: f.matter,
    opponent: f.opponent?.trim() || null,
    facts: f.facts.trim(),
    household_size: f.household_size,
    monthly_income: f.monthly_income,
    exemption: f.exemption,
    declaration: f.declaration,
  }
}

/** The fields of the form the server names (`id_number`, `declaration` …). */
export const AID_FIELDS = [
  'township_id', 'village_id', 'name', 'gender', 'id_number', 'phone', 'address', 'matter', 'opponent', 'facts', 'household_size',
  'monthly_income', 'exemption', 'declaration',
] as const

/** What is wrong with the form before it goes, by field (empty: nothing). */
export function aidErrors(f: AidInput): Record<string, string> {
  const { t } = i18n.global
  const e: Record<string, string> = {}
  if (!f.township_id) e.township_id = t('service.aid.v.township')
  if (!f.name.trim()) e.name = t('service.aid.v.name')
  if (!f.gender) e.gender = t('service.aid.v.gender')
  const id = idNumberProblem(f.id_number)
  if (id) e.id_number = t(id === 'check' ? 'service.aid.v.idCheck' : 'service.aid.v.idNumber')
  if (!MOBILE_RE.test(f.phone.trim())) e.phone = t('service.aid.v.phone')
  if (!f.address.trim()) e.address = t('service.aid.v.address')
  if (!f.matter) e.matter = t('service.aid.v.matter')
  if (!f.facts.trim()) e.facts = t('service.aid.v.facts')
  if (f.household_size === null || !Number.isInteger(f.household_size) || f.household_size < 1 || f.household_size > 20) {
    e.household_size = t('service.aid.v.household')
  }
  if (f.monthly_income === null || !Number.isFinite(f.monthly_income) || f.monthly_income < 0 || f.monthly_income > 100000) {
    e.monthly_income = t('service.aid.v.income')
  }
  if (!f.declaration) e.declaration = t('service.aid.v.declaration')
  return e
}

/** An empty 申请表. */
export const emptyAid = (): AidInput => ({
  township_id: null,
  village_id: null,
  name: '',
  gender: '',
  id_number: '',
  phone: '',
  address: '',
  matter: '',
  opponent: '',
  facts: '',
  household_size: null,
  monthly_income: null,
  exemption: 'none',
  declaration: false,
})
