/** What the 公共法律服务 pages share: permissions, tag colours, the check-in code as shown and as read aloud, dates. */
import type { AidStatus, BookingStatus, CallbackStatus, DayStatus, Rating, ServiceDay } from '@/api/service'
import { i18n } from '@/locales'

export const READ = 'service.read'
export const MANAGE = 'service.manage'
export const LOG = 'service.log'
export const CONFIRM = 'service.confirm'

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export const DAY_TAG: Record<DayStatus, TagType> = {
  planned: 'info',
  checked_in: 'warning',
  verified: 'success',
  unverified: 'danger',
  missed: 'danger',
}

export const BOOKING_TAG: Record<BookingStatus, TagType> = {
  submitted: 'warning',
  accepted: 'primary',
  proposed: 'warning',
  served: 'success',
  cancelled: 'info',
}

export const RATING_TAG: Record<Rating, TagType> = {
  satisfied: 'success',
  basic: 'primary',
  unsatisfied: 'danger',
}

export const CALLBACK_TAG: Record<CallbackStatus, TagType> = {
  open: 'danger',
  closed: 'success',
}

/** "482915" as it is shown: two groups of three ("482 915"), easier to read out and to type. */
export const groupedCode = (code: string) => (/^\d{6}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code)

/**
 * The code as the advisor reads it aloud, digit by digit in the reader's language: 四八二，九一五 (幺 for 1, as
 * numbers are read out in Chinese), "four eight two, nine one five".
 */
export function spokenCode(code: string): string {
  const { t } = i18n.global
  const words = (s: string) => [...s].map((d) => t(`service.digits.${d}`)).join(t('service.digitGap'))
  if (!/^\d+$/.test(code)) return code
  if (code.length !== 6) return words(code)
  return `${words(code.slice(0, 3))}${t('service.groupGap')}${words(code.slice(3))}`
}

/** A day (YYYY-MM-DD) moved by `n` days (negative: back), as calendar days whatever the browser's zone. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const at = new Date(Date.UTC(y, m - 1, d + n))
  return at.toISOString().slice(0, 10)
}

/** How many days after `from` is `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number)
    return Date.UTC(y, m - 1, d)
  }
  return Math.round((ms(to) - ms(from)) / 86_400_000)
}

/** How long after the day the village operator may still confirm an advisor's day without a code. */
export const CONFIRM_WINDOW_DAYS = 7

/**
 * What the village operator may do with a day today: type the advisor's code (checked in, today), confirm without a
 * code (on the day or within 7 days after it, not yet verified), or nothing (verified, or out of the window).
 */
export function confirmOptions(day: Pick<ServiceDay, 'status' | 'planned_on'>, today: string): { code: boolean; without: boolean } {
  if (day.status === 'verified') return { code: false, without: false }
  const after = daysBetween(day.planned_on, today)
  const inWindow = after >= 0 && after <= CONFIRM_WINDOW_DAYS
  return { code: day.status === 'checked_in' && after === 0, without: inWindow }
}

/** The advisor may check in on the day only (Beijing), on a day not verified yet. */
export const mayCheckIn = (day: Pick<ServiceDay, 'status' | 'planned_on'>, today: string) =>
  day.planned_on === today && (day.status === 'planned' || day.status === 'checked_in')

/** A log may be written for a day that has come (served_on not in the future). */
export const mayLog = (day: Pick<ServiceDay, 'planned_on'>, today: string) => day.planned_on <= today

/** Yuan as the pages print it: ¥1,200. */
export function yuan(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-'
  return new Intl.NumberFormat(i18n.global.locale.value, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(n)
}

/** A score to one decimal ('-' for none). */
export const scoreText = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(1))

/** The quarter (1–4) a month (1–12) is in. */
export const quarterOf = (month: number) => Math.ceil(month / 3)

/** The check-in codes of this tab, kept until they expire so that a reload still shows the one on the phone. */
const CODES_KEY = 'pufa.serviceCodes'
export interface KeptCode {
  code: string
  expires_at: string
}
export const keptCodes = {
  all(): Record<string, KeptCode> {
    try {
      const v = JSON.parse(sessionStorage.getItem(CODES_KEY) ?? '{}')
      return v && typeof v === 'object' ? (v as Record<string, KeptCode>) : {}
    } catch {
      return {}
    }
  },
  /** The code of a day while it is valid. */
  get(dayId: number, now = Date.now()): KeptCode | null {
    const c = this.all()[String(dayId)]
    return c && Date.parse(c.expires_at) > now ? c : null
  },
  set(dayId: number, c: KeptCode, now = Date.now()) {
    const kept = Object.fromEntries(Object.entries(this.all()).filter(([, v]) => Date.parse(v.expires_at) > now))
    kept[String(dayId)] = c
    sessionStorage.setItem(CODES_KEY, JSON.stringify(kept))
  },
}

export const AID_TAG: Record<AidStatus, TagType> = {
  submitted: 'warning',
  approved: 'primary',
  refused: 'info',
  assigned: 'primary',
  closed: 'success',
}
