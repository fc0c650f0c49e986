/**
 * 公共法律服务 (docs/service.md): the stations (a registry), the work standard and the remote villages, the village
 * advisors' service days — generated as schedules, checked in with a six-digit code and verified by the village's
 * operator or a resident —, the service logs, the residents' bookings with their ratings and call-backs, and the
 * advisors' scorecards and the townships' compliance. The portal's routes (`/public/service/...`) need no sign-in.
 */
import { ApiError, download, http, type Query } from './http'
import type { Page } from './types'

/** The registry of the area (components/registry draws its page): the URL segment under /api/v1. */
export type ServiceEntity = 'service_stations'

// ---- codes ---------------------------------------------------------------------------------------------------

export type StationLevel = 'city' | 'township' | 'village'
export const STATION_LEVELS: StationLevel[] = ['city', 'township', 'village']

export type StationWindow = 'consult' | 'aid' | 'reception' | 'complaints'
export const STATION_WINDOWS: StationWindow[] = ['consult', 'aid', 'reception', 'complaints']

export type DayStatus = 'planned' | 'checked_in' | 'verified' | 'unverified' | 'missed'
export const DAY_STATUSES: DayStatus[] = ['planned', 'checked_in', 'verified', 'unverified', 'missed']

/** `full`: the listed day had no room left for the advisor (villages_per_day): the next working day with room. */
export type DayMoved = 'weekend' | 'holiday' | 'full'
export type VerifiedBy = 'operator_code' | 'resident_code' | 'operator'

export type LogKind = 'consult' | 'document' | 'contract_review' | 'lecture' | 'mediation' | 'aid_referral'
export const LOG_KINDS: LogKind[] = ['consult', 'document', 'contract_review', 'lecture', 'mediation', 'aid_referral']

/** The dispute categories (of a log and of a booking's question). */
export type Topic =
  | 'marriage_family' | 'neighbour' | 'housing_land' | 'damages' | 'contract' | 'land_contract' | 'expropriation'
  | 'labour' | 'village_affairs' | 'environment' | 'traffic' | 'medical' | 'property' | 'other'
export const TOPICS: Topic[] = [
  'marriage_family', 'neighbour', 'housing_land', 'damages', 'contract', 'land_contract', 'expropriation',
  'labour', 'village_affairs', 'environment', 'traffic', 'medical', 'property', 'other',
]

export type BookingStatus = 'submitted' | 'accepted' | 'proposed' | 'served' | 'cancelled'
export const BOOKING_STATUSES: BookingStatus[] = ['submitted', 'accepted', 'proposed', 'served', 'cancelled']

export type Rating = 'satisfied' | 'basic' | 'unsatisfied'
export const RATINGS: Rating[] = ['satisfied', 'basic', 'unsatisfied']

export type CallbackStatus = 'open' | 'closed'
export const CALLBACK_STATUSES: CallbackStatus[] = ['open', 'closed']

/** Lists answer `{items, total}` with the page they are of. */
export interface PageOf<T> extends Page<T> {
  page?: number
  page_size?: number
}

// ---- the work standard and the villages ------------------------------------------------------------------

export interface Standard {
  /** The listed 公共法律服务日 of every month (1–28, distinct, 1–6 of them). */
  days_of_month: number[]
  /** Service days a month in a village, and in a remote one (偏远村). */
  town_days: number
  remote_days: number
  /** How many villages one advisor serves on one day at most. */
  villages_per_day: number
  /** 法治讲座 per village and quarter. */
  lectures_per_quarter: number
  /** The time to answer a booking. */
  answer_hours: number
  /** Yuan per verified day. */
  subsidy_per_day: number
}

/** A village (level 3) of the caller's subtree with today's advisor contract. */
export interface ServiceVillage {
  id: number
  name: string
  township_id: number
  township_name: string
  remote: boolean
  advisor_id: number | null
  advisor_name: string | null
  firm: string | null
  contract_id: number | null
}

export const fetchStandard = () => http.get<Standard>('/service/standard')
export const saveStandard = (body: Standard) => http.put<Standard>('/service/standard', body)
export const listVillages = (q: Query) => http.get<PageOf<ServiceVillage>>('/service/villages', q)
export const setRemote = (id: number, remote: boolean) => http.put<ServiceVillage>(`/service/villages/${id}`, { remote })

// ---- schedules and service days --------------------------------------------------------------------------

export interface ScheduleResult {
  days: number
  moved: number
  villages: number
  without_advisor: number
}

export interface ServiceDay {
  id: number
  region_id: number
  village_name: string
  township_name: string
  advisor_id: number
  advisor_name: string
  firm: string | null
  /** The day it is on (a working day). */
  planned_on: string
  /** The listed day it was moved from (the same day when not moved). */
  nominal_on: string
  moved: DayMoved | null
  status: DayStatus
  checked_in_at: string | null
  verified_at: string | null
  verified_by: VerifiedBy | null
  /** The logs of that village on that day. */
  logs: number
}

/** A check-in's code: six digits, valid for 2 hours; checking in again the same day gives a new one. */
export interface CheckIn {
  code: string
  expires_at: string
}

export const generateSchedules = (body: { year: number; region_id: number | null }) =>
  http.post<ScheduleResult>('/service/schedules', body)
/** 法律顾问服务日程 of a year (.xlsx). */
export const exportSchedules = (q: { year: number; region_id?: number | null }) =>
  download('/service/schedules/export', { year: q.year, region_id: q.region_id ?? undefined })
export const listDays = (q: Query) => http.get<PageOf<ServiceDay>>('/service/days', q)
export const checkIn = (id: number) => http.post<CheckIn>(`/service/days/${id}/check-in`)
/** With the advisor's code (`operator_code`), or without one (`operator`: the operator saw them). */
export const confirmDay = (id: number, code?: string) =>
  http.post<ServiceDay | undefined>(`/service/days/${id}/confirm`, code ? { code } : {})

// ---- service logs ----------------------------------------------------------------------------------------

export interface ServiceLog {
  id: number
  region_id: number
  village_name: string
  township_name?: string
  advisor_id: number
  advisor_name: string
  served_on: string
  kind: LogKind
  topic: Topic | null
  /** Masked (张*, 欧阳**) unless revealed. */
  parties: string[]
  summary: string
  minutes: number | null
  /** The photos as the server lists them (`photo_ids` sent, `photos` read). */
  photos?: { id: number; url?: string; thumb_url?: string }[]
  photo_ids?: number[]
  day_id: number | null
  booking_id: number | null
  created_at?: string
  /** True when the answer was read with ?reveal=1. */
  revealed?: boolean
  /** The legal aid application it was referred to (a log of kind aid_referral), with its status. */
  aid?: AidLink | null
}

/** A log's photo ids, whether it lists `photos` or `photo_ids`. */
export const photoIdsOf = (l: Pick<ServiceLog, 'photos' | 'photo_ids'>): number[] => l.photos?.map((p) => p.id) ?? l.photo_ids ?? []

export interface LogInput {
  region_id: number
  served_on: string
  kind: LogKind
  topic: Topic | null
  parties: string[]
  summary: string
  minutes: number | null
  photo_ids: number[]
  day_id: number | null
  booking_id: number | null
}

export const createLog = (body: LogInput) => http.post<ServiceLog>('/service/logs', body)
export const listLogs = (q: Query) => http.get<PageOf<ServiceLog>>('/service/logs', q)
/** `reveal` needs pii.read and is audited: the parties unmasked. */
export const getLog = (id: number, reveal = false) => http.get<ServiceLog>(`/service/logs/${id}`, reveal ? { reveal: 1 } : undefined)

// ---- scorecards and compliance ---------------------------------------------------------------------------

/** The period of a scorecard or of the compliance table: a year, one of its quarters, or one of its months. */
export interface Period {
  year: number
  quarter?: number | null
  month?: number | null
}

export interface Scorecard {
  advisor_id: number
  advisor_name: string
  firm?: string | null
  villages: number
  required: number
  verified: number
  unverified: number
  missed: number
  lectures: number
  lectures_required: number
  logs: number
  days_with_log: number
  bookings: number
  answered_in_time: number
  rated: number
  satisfied: number
  basic: number
  unsatisfied: number
  /** (满意 + 基本满意) / rated; null without ratings. */
  satisfaction: number | null
  score: number
  meets_standard: boolean
  /** Yuan. */
  subsidy: number
}

export interface ComplianceRow {
  township_id?: number | null
  region_id?: number | null
  township_name?: string
  name?: string
  villages: number
  with_advisor: number
  required: number
  verified: number
  verified_rate: number | null
  villages_under: number
  lectures: number
  bookings: number
  unsatisfied: number
  callbacks_open: number
  subsidy: number
}

export interface Compliance {
  rows: ComplianceRow[]
  total: ComplianceRow | null
}

/** A period as sent: the quarter or the month only when one is chosen. */
export const periodQuery = (p: Period): Query => ({ year: p.year, quarter: p.quarter || undefined, month: p.month || undefined })

/** The rows of an answer, whether the server names them `items` or `rows`. */
export function rowsOf<T>(r: unknown): T[] {
  const o = r as { items?: unknown; rows?: unknown } | null
  if (Array.isArray(o?.items)) return o.items as T[]
  if (Array.isArray(o?.rows)) return o.rows as T[]
  return Array.isArray(r) ? (r as T[]) : []
}

/** A township's name in a compliance row (`township_name`, else `name`). */
export const townshipOf = (r: ComplianceRow) => r.township_name ?? r.name ?? ''

export const fetchScorecards = async (p: Period & { region_id?: number | null }) =>
  rowsOf<Scorecard>(await http.get<unknown>('/service/scorecards', { ...periodQuery(p), region_id: p.region_id ?? undefined }))

export async function fetchCompliance(p: Period): Promise<Compliance> {
  const r = await http.get<{ total?: ComplianceRow | null }>('/service/compliance', periodQuery(p))
  return { rows: rowsOf<ComplianceRow>(r), total: r?.total ?? null }
}
/** The compliance table as .xlsx, numbers as numbers. */
export const exportCompliance = (p: Period) => download('/service/compliance/export', periodQuery(p))

// ---- bookings and call-backs (staff) ---------------------------------------------------------------------

export interface Booking {
  id: number
  ref: string
  /** The village (the server names it `village_id`; `region_id` in older answers). */
  village_id?: number | null
  region_id?: number
  /** A booking at a station (no village): its station. */
  station_id?: number | null
  station_name?: string | null
  village_name: string
  township_name?: string
  topic: Topic
  question: string
  /** Masked (张*, 138****5678). */
  name: string
  phone: string
  preferred_on: string
  /** The day agreed (accepted: the preferred one; a proposed one once the resident confirms it). */
  agreed_on: string | null
  /** What the advisor proposed instead (status proposed), and why. */
  proposed_on: string | null
  proposal_note?: string | null
  status: BookingStatus
  advisor_id: number | null
  advisor_name: string | null
  created_at: string
  /** Set by accept or propose. */
  answered_at: string | null
  answered_in_time?: boolean | null
  served_at?: string | null
  served_note?: string | null
  rating: Rating | null
  rated_at?: string | null
  rating_comment?: string | null
  /** The legal aid application it was referred to (转介法律援助), with its status. */
  aid?: AidLink | null
}

/** A booking's village, whichever name the server gives it. */
export const bookingVillageOf = (b: Pick<Booking, 'village_id' | 'region_id'>): number | null => b.village_id ?? b.region_id ?? null

export interface Callback {
  id: number
  booking_id: number
  ref?: string
  village_name?: string
  township_name?: string
  advisor_name?: string | null
  /** Masked like the booking's; in full when read with ?reveal=1 (pii.read, audited). */
  name?: string
  phone?: string
  revealed?: boolean
  topic?: Topic | null
  question?: string | null
  agreed_on?: string | null
  rating?: Rating
  rating_comment: string | null
  status: CallbackStatus
  created_at: string
  closed_at: string | null
  closed_by_name?: string | null
  note: string | null
}

export const listBookings = (q: Query) => http.get<PageOf<Booking>>('/service/bookings', q)
export const getBooking = (id: number) => http.get<Booking>(`/service/bookings/${id}`)
export const acceptBooking = (id: number) => http.post<Booking | undefined>(`/service/bookings/${id}/accept`)
export const proposeBooking = (id: number, body: { on: string; note: string }) =>
  http.post<Booking | undefined>(`/service/bookings/${id}/propose`, body)
export const serveBooking = (id: number, note: string) => http.post<Booking | undefined>(`/service/bookings/${id}/serve`, { note })

export const listCallbacks = (q: Query) => http.get<PageOf<Callback>>('/service/callbacks', q)
/** `reveal` needs pii.read and is audited: the resident's name and phone to call. */
export const getCallback = (id: number, reveal = false) => http.get<Callback>(`/service/callbacks/${id}`, reveal ? { reveal: 1 } : undefined)
export const closeCallback = (id: number, note: string) => http.post<Callback | undefined>(`/service/callbacks/${id}/close`, { note })

// ---- the portal (no sign-in) -----------------------------------------------------------------------------

// quiet401: a resident has no session; a stale staff cookie must not send them to the staff login.
const open = { quiet401: true }

export interface PublicStation {
  id: number
  name: string
  level: StationLevel
  township_id: number | null
  township_name: string | null
  region_name: string
  address: string | null
  phone: string | null
  hours: string | null
  windows: StationWindow[]
  brand: string | null
  brand_intro: string | null
}

export interface PublicVillage {
  id: number
  name: string
  advisor_name: string | null
}

export interface PublicVillageDetail {
  id: number
  name: string
  township_name: string
  advisor_name: string | null
  firm: string | null
  days_of_month: number[]
  /** 本村法律顾问陈律师，每月 8 日在村。 */
  sentence: string
  /** The coming service days (YYYY-MM-DD). */
  upcoming: string[]
  station: PublicStation | null
}

/** With a village's advisor on one of its service days, or at a station (its staff answer) on a working day. */
export type BookingPlace = { village_id: number; station_id?: never } | { station_id: number; village_id?: never }

export type BookingInput = BookingPlace & {
  topic: Topic
  preferred_on: string
  question: string
  name: string
  phone: string
  code: string
}

/** How far ahead a station takes bookings (days from today, the server's rule). */
export const STATION_DAYS_AHEAD = 60

/**
 * Whether a resident may ask a station for this day (YYYY-MM-DD): from today up to STATION_DAYS_AHEAD days on, Monday to
 * Friday. The holidays are the server's to refuse (400 on `preferred_on`).
 */
export function stationDayOpen(day: string, today: string): boolean {
  const utc = (s: string) => {
    const [y, m, d] = s.split('-').map(Number)
    return Date.UTC(y, m - 1, d)
  }
  const ahead = Math.round((utc(day) - utc(today)) / 86_400_000)
  const weekday = new Date(utc(day)).getUTCDay()
  return ahead >= 0 && ahead <= STATION_DAYS_AHEAD && weekday !== 0 && weekday !== 6
}

/** What the resident reads of their booking with its token. */
export interface PublicBooking {
  ref: string
  status: BookingStatus
  /** Empty (or null) for a booking at a station: then `station_name`. */
  village_name?: string | null
  station_id?: number | null
  station_name?: string | null
  township_name?: string
  topic?: Topic
  advisor_name: string | null
  firm?: string | null
  preferred_on?: string | null
  agreed_on: string | null
  proposed_on: string | null
  proposal_note?: string | null
  rating?: Rating | null
  rated_at?: string | null
}

export interface PublicCheckIn {
  village_name: string
  advisor_name: string
  planned_on: string
}

export const listPublicStations = (townshipId?: number | null) =>
  http.get<{ items: PublicStation[] }>('/public/service/stations', { township_id: townshipId ?? undefined }, open)
export const listPublicVillages = (townshipId: number) =>
  http.get<{ items: PublicVillage[] }>('/public/service/villages', { township_id: townshipId }, open)
export const getPublicVillage = (id: number) => http.get<PublicVillageDetail>(`/public/service/villages/${id}`, undefined, open)
/** Sent (202 `{sent, retry_after_seconds}`); 503 when the server has no SMS sender; 429 within the quiz's limits. */
export const requestBookingCode = (phone: string) =>
  http.post<{ sent?: boolean; retry_after_seconds?: number } | undefined>('/public/service/otp', { phone }, open)
export const createBooking = (body: BookingInput) =>
  http.post<{ ref: string; token: string } & Partial<PublicBooking>>('/public/service/bookings', body, open)
export const getPublicBooking = (ref: string, token: string) =>
  http.get<PublicBooking>(`/public/service/bookings/${encodeURIComponent(ref)}`, { token }, open)
export const confirmProposed = (ref: string, token: string) =>
  http.post<PublicBooking | undefined>(`/public/service/bookings/${encodeURIComponent(ref)}/confirm`, { token }, open)
export const cancelBooking = (ref: string, token: string) =>
  http.post<PublicBooking | undefined>(`/public/service/bookings/${encodeURIComponent(ref)}/cancel`, { token }, open)
export const rateBooking = (ref: string, body: { token: string; rating: Rating; comment: string }) =>
  http.post<PublicBooking | undefined>(`/public/service/bookings/${encodeURIComponent(ref)}/rating`, body, open)
/** A resident confirms the advisor is there: the village and the code on the advisor's phone. */
export const residentCheckIn = (body: { village_id: number; code: string }) =>
  http.post<PublicCheckIn>('/public/service/check-ins', body, open)

/** The townships of the portal's pickers: those the stations name, in the server's order (by township). */
export function townshipsOf(stations: readonly Pick<PublicStation, 'township_id' | 'township_name'>[]): { id: number; name: string }[] {
  const seen = new Map<number, string>()
  for (const s of stations) if (s.township_id != null && s.township_name && !seen.has(s.township_id)) seen.set(s.township_id, s.township_name)
  return [...seen].map(([id, name]) => ({ id, name }))
}

// ---- the resident's bookings on this device --------------------------------------------------------------

const BOOKINGS_KEY = 'pufa.serviceBookings'
/** How many bookings a device remembers (the newest). */
export const KEPT_BOOKINGS = 20

/** A booking as this device keeps it: the token is what lets the resident read, confirm, cancel and rate it. */
export interface KeptBooking {
  ref: string
  token: string
  village_name: string
  preferred_on: string
  /** When it was made (ms since the epoch). */
  at: number
}

/**
 * What a device keeps of the records a resident made (a booking, a legal aid application) in localStorage, newest first,
 * one entry a reference, the newest KEPT_BOOKINGS: the token is what lets the resident read it days later on the same phone.
 */
export function keptOnDevice<T extends { ref: string; token: string }>(key: string) {
  return {
    all(): T[] {
      try {
        const v = JSON.parse(localStorage.getItem(key) ?? '[]')
        return Array.isArray(v) ? v.filter((b) => b && typeof b.ref === 'string' && typeof b.token === 'string') : []
      } catch {
        return []
      }
    },
    tokenOf(ref: string): string | null {
      return this.all().find((b) => b.ref === ref)?.token ?? null
    },
    add(b: T) {
      const rest = this.all().filter((x) => x.ref !== b.ref)
      localStorage.setItem(key, JSON.stringify([b, ...rest].slice(0, KEPT_BOOKINGS)))
    },
    remove(ref: string) {
      localStorage.setItem(key, JSON.stringify(this.all().filter((x) => x.ref !== ref)))
    },
  }
}

/** The bookings made on this device (to see the answer and rate the service). */
export const keptBookings = keptOnDevice<KeptBooking>(BOOKINGS_KEY)

/** 422 code_invalid: a wrong, expired or used code (a one-time code, or an advisor's check-in code). */
export const isCodeInvalid = (e: unknown) => e instanceof ApiError && (e.code === 'code_invalid' || e.field === 'code')

// ---- 法律援助 (legal aid, 法律援助法) ------------------------------------------------------------------------

/** 申请事项 (第三十一条). */
export type AidMatter =
  | 'state_compensation' | 'social_insurance' | 'pension' | 'support' | 'labour' | 'capacity' | 'environment' | 'injury'
  | 'criminal' | 'other'
export const AID_MATTERS: AidMatter[] = [
  'state_compensation', 'social_insurance', 'pension', 'support', 'labour', 'capacity', 'environment', 'injury', 'criminal', 'other',
]

/** 免予经济困难审查 (第四十二条): `none` — the means are reviewed. */
export type AidExemption = 'none' | 'vulnerable' | 'assistance' | 'migrant_worker' | 'other'
export const AID_EXEMPTIONS: AidExemption[] = ['none', 'vulnerable', 'assistance', 'migrant_worker', 'other']

export type AidStatus = 'submitted' | 'approved' | 'refused' | 'assigned' | 'closed'
export const AID_STATUSES: AidStatus[] = ['submitted', 'approved', 'refused', 'assigned', 'closed']
/** The list's status filter: `open` is submitted + approved + assigned. */
export type AidStatusFilter = AidStatus | 'open'
export const AID_STATUS_FILTERS: AidStatusFilter[] = ['open', ...AID_STATUSES]

export type AidOutcome = 'won' | 'mediated' | 'partly' | 'lost' | 'withdrawn' | 'terminated'
export const AID_OUTCOMES: AidOutcome[] = ['won', 'mediated', 'partly', 'lost', 'withdrawn', 'terminated']

export type Gender = 'male' | 'female'
export const GENDERS: Gender[] = ['male', 'female']

/** What a log or a booking shows of the application it was referred to. */
export interface AidLink {
  id: number
  ref: string
  status: AidStatus
  outcome: AidOutcome | null
}

/** What the resident reads of their application with its token (nothing else of it). */
export interface PublicAid {
  ref: string
  status: AidStatus
  township_id?: number
  township_name?: string
  matter?: AidMatter
  received_on: string
  /** 7 days after receipt (calendar days, 第四十三条). */
  decide_by: string
  decided_on: string | null
  refusal_reason: string | null
  /** 3 days after the decision. */
  assign_by?: string | null
  assigned_on?: string | null
  lawyer: string | null
  firm: string | null
  outcome: AidOutcome | null
  closed_on: string | null
  overdue?: boolean
}

/** An application as staff read it: the applicant masked (张*, 330781********1234) unless revealed. */
export interface Aid extends PublicAid {
  id: number
  township_id: number
  township_name: string
  matter: AidMatter
  village_id: number | null
  village_name: string
  name: string
  gender: Gender
  id_number: string
  phone: string
  /** （已隐藏） unless revealed. */
  address: string
  opponent: string | null
  facts: string
  household_size: number
  monthly_income: number
  exemption: AidExemption
  /** A note on an approval (a refusal's reasons are `refusal_reason`). */
  note: string | null
  assign_by: string | null
  assigned_on: string | null
  lawyer_phone: string | null
  close_note: string | null
  followed_up_on: string | null
  follow_up_note: string | null
  satisfaction: Rating | null
  /** Referred from a consultation: the log or the booking (its FW… reference). */
  origin: { kind: 'log' | 'booking'; id: number; ref: string | null } | null
  referred_by_name: string
  /** A step past its day: the decision after decide_by, the assignment after assign_by. */
  overdue: boolean
  decided_late: boolean
  assigned_late: boolean
  revealed: boolean
  created_at: string
}

/** The fields of the 法律援助申请表. */
export interface AidInput {
  township_id: number | null
  village_id?: number | null
  name: string
  gender: Gender | ''
  id_number: string
  phone: string
  address: string
  matter: AidMatter | ''
  opponent: string | null
  facts: string
  household_size: number | null
  monthly_income: number | null
  exemption: AidExemption
  /** 个人诚信承诺: 承诺所填内容真实 (required). */
  declaration: boolean
}

export interface AidOrigin {
  kind: 'log' | 'booking'
  id: number
}

export const listAids = (q: Query) => http.get<PageOf<Aid>>('/service/aid', q)
/** `reveal` needs pii.read and is audited: the applicant's name, 身份证号, phone, address and the opponent in full. */
export const getAid = (id: number, reveal = false) => http.get<Aid>(`/service/aid/${id}`, reveal ? { reveal: 1 } : undefined)
/** Staff or an advisor on the resident's behalf; with `origin` a referral of a log (aid_referral) or a booking. */
export const createAid = (body: AidInput & { origin?: AidOrigin | null }) => http.post<Aid>('/service/aid', body)
/** 审查决定: 给予 (approve) or 不予 with the reasons (required). */
export const decideAid = (id: number, body: { approve: boolean; reason: string }) => http.post<Aid>(`/service/aid/${id}/decide`, body)
/** 指派 the lawyer (within 3 days of the decision). */
export const assignAid = (id: number, body: { lawyer: string; firm: string; phone: string }) => http.post<Aid>(`/service/aid/${id}/assign`, body)
export const closeAid = (id: number, body: { outcome: AidOutcome; note: string }) => http.post<Aid>(`/service/aid/${id}/close`, body)
/** 回访 after closing, once. */
export const followUpAid = (id: number, body: { note: string; satisfaction: Rating }) => http.post<Aid>(`/service/aid/${id}/follow-up`, body)
/** 给予/不予法律援助决定书 (service.manage; the applicant named with pii.read, the reading audited). */
export const aidDecisionDocx = (id: number) => download(`/service/aid/${id}/decision.docx`)
export const aidDecisionPdf = (id: number) => download(`/service/aid/${id}/decision.pdf`)

/** The resident's application (after POST /public/service/otp): the YZ… reference and the token to read it with. */
export const applyForAid = (body: AidInput & { code: string }) =>
  http.post<PublicAid & { token: string }>('/public/service/aid', body, open)
export const getPublicAid = (ref: string, token: string) =>
  http.get<PublicAid>(`/public/service/aid/${encodeURIComponent(ref)}`, { token }, open)

const AIDS_KEY = 'pufa.serviceAid'

/** An application as this device keeps it: the token is what lets the resident read its status. */
export interface KeptAid {
  ref: string
  token: string
  township_name: string
  /** When it was made (ms since the epoch). */
  at: number
}

/** The applications made on this device (to follow the decision and the lawyer). */
export const keptAids = keptOnDevice<KeptAid>(AIDS_KEY)
