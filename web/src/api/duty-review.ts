/**
 * 履职评议 (普法责任制, docs/duty.md): the yearly review of the units' legal-education responsibility. The
 * coordinator (duty.manage) sets up a round — the units, the weights of 群众测评 / 评审组 / 代表委员 and the
 * grade bands —, opens it to the public, enters the panel's and the members' score sheets, closes it and
 * publishes the results; a liaison (duty.respond) fills the unit's 述职报告. Residents vote on the portal with
 * phone + one-time code, one ballot per phone and round (满意 / 基本满意 / 不满意 for each unit they rate).
 * The server computes the results live until publishing freezes them; ballots it flags as suspected
 * ballot-stuffing are shown to the coordinator and counted unless the publish excludes them.
 */
import { ApiError, download, http } from './http'

export type ReviewStatus = 'draft' | 'open' | 'closed' | 'published'
export const REVIEW_STATUSES: ReviewStatus[] = ['draft', 'open', 'closed', 'published']

/** Where a part of the score comes from: the residents' ballots, or the sheets the coordinator enters. */
export type ScoreSource = 'public' | 'panel' | 'members'
export type SheetSource = Exclude<ScoreSource, 'public'>
export const SHEET_SOURCES: SheetSource[] = ['panel', 'members']

export type Mark = 'satisfied' | 'basic' | 'unsatisfied'
export const MARKS: Mark[] = ['satisfied', 'basic', 'unsatisfied']

export type Grade = 'excellent' | 'good' | 'fair' | 'poor'
export const GRADES: Grade[] = ['excellent', 'good', 'fair', 'poor']

export type FlagReason = 'address_burst' | 'phone_burst'
export const FLAG_REASONS: FlagReason[] = ['address_burst', 'phone_burst']

/** Percent of the total score of each source; they add up to 100. */
export interface Weights {
  public: number
  panel: number
  members: number
}

/** The lowest total of each grade (较差 below `fair`). */
export interface Bands {
  excellent: number
  good: number
  fair: number
}

export interface ReviewSummary {
  id: number
  year: number
  title: string
  status: ReviewStatus
  opens_at: string
  closes_at: string
  /** Units under review. */
  entries: number
  /** Public ballots cast. */
  ballots: number
}

export interface ReviewEntry {
  id: number
  unit_id: number
  unit_name: string
  report: string
  video_url: string
  submitted_at: string | null
  /** Files attached to the report (the staff's to read). */
  attachments: { id: number; name: string; size: number; content_type: string; url: string }[]
  /** The caller may write this unit's report (its liaison, while the round allows it). */
  can_edit: boolean
  public: { ballots: number; satisfied: number; basic: number; unsatisfied: number; score: number | null }
  panel: { sheets: number; score: number | null }
  members: { sheets: number; score: number | null }
  score: number | null
  grade: Grade | null
  rank: number | null
}

export interface SheetScore {
  entry_id: number
  score: number
}

export interface ReviewSheet {
  id: number
  source: SheetSource
  scorer: string
  scores: SheetScore[]
  entered_at: string
}

export interface FlaggedBallot {
  id: number
  reason: FlagReason
  cast_at: string
  /** A coarse label of where the ballot came from (never the address itself). */
  address_tag: string
}

export interface ReviewFlags {
  ballots: number
  flagged: number
  by_reason: Record<FlagReason, number>
  recent: FlaggedBallot[]
}

export interface Review {
  id: number
  year: number
  title: string
  intro: string
  status: ReviewStatus
  weights: Weights
  bands: Bands
  opens_at: string
  closes_at: string
  exclude_flagged: boolean
  published_at: string | null
  entries: ReviewEntry[]
  sheets: ReviewSheet[]
  flags: ReviewFlags
}

/** A draft takes all of it; an open round only title, intro and closes_at (the server enforces it). */
export interface ReviewInput {
  year: number
  title: string
  intro: string
  weights: Weights
  bands: Bands
  opens_at: string
  closes_at: string
  unit_ids: number[]
}

export interface SheetInput {
  source: SheetSource
  scorer: string
  scores: SheetScore[]
}

export const listReviews = () => http.get<{ items: ReviewSummary[] }>('/duty/reviews')
export const getReview = (id: number) => http.get<Review>(`/duty/reviews/${id}`)
export const createReview = (body: ReviewInput) => http.post<Review>('/duty/reviews', body)
export const updateReview = (id: number, body: ReviewInput) => http.put<Review>(`/duty/reviews/${id}`, body)
export const openReview = (id: number) => http.post<Review>(`/duty/reviews/${id}/open`)
export const closeReview = (id: number) => http.post<Review>(`/duty/reviews/${id}/close`)
export const publishReview = (id: number, excludeFlagged: boolean) =>
  http.post<Review>(`/duty/reviews/${id}/publish`, { exclude_flagged: excludeFlagged })
export const saveReport = (id: number, entryId: number, body: { report: string; video_url: string; attachment_ids: number[] }) =>
  http.put<Review>(`/duty/reviews/${id}/entries/${entryId}`, body)
export const addSheet = (id: number, body: SheetInput) => http.post<Review>(`/duty/reviews/${id}/sheets`, body)
export const deleteSheet = (id: number, sheetId: number) => http.delete<Review>(`/duty/reviews/${id}/sheets/${sheetId}`)
export const exportReview = (id: number) => download(`/duty/reviews/${id}/export`)

// ---- public (no sign-in): the portal's list, a round, the one-time code and the ballot -------------------

export interface PublicReviewSummary {
  id: number
  year: number
  title: string
  status: Extract<ReviewStatus, 'open' | 'published'>
  opens_at: string
  closes_at: string
}

export interface PublicEntry {
  id: number
  unit_name: string
  report: string
  video_url: string
}

export interface PublicResult {
  rank: number
  unit_name: string
  public: number | null
  panel: number | null
  members: number | null
  score: number | null
  grade: Grade | null
}

export interface PublicReview {
  id: number
  year: number
  title: string
  intro: string
  status: ReviewStatus
  opens_at: string
  closes_at: string
  /** Open and inside its window: ballots are taken now. */
  voting_open: boolean
  weights: Weights
  entries: PublicEntry[]
  /** Once published. */
  results: PublicResult[] | null
}

export interface BallotMark {
  entry_id: number
  mark: Mark
}

// quiet401: a resident has no session; a stale staff cookie must not send them to the staff login.
const open = { quiet401: true }

export const listPublicReviews = () => http.get<{ items: PublicReviewSummary[] }>('/public/duty/reviews', undefined, open)
export const getPublicReview = (id: number) => http.get<PublicReview>(`/public/duty/reviews/${id}`, undefined, open)
/** `dev_code`: the code itself, only when the server echoes codes for demos (never in production). */
export const requestVoteCode = (id: number, phone: string) =>
  http.post<{ sent: boolean; retry_after_seconds?: number; dev_code?: string }>(`/public/duty/reviews/${id}/otp`, { phone }, open)
export const castBallot = (id: number, body: { phone: string; code: string; marks: BallotMark[] }) =>
  http.post<{ counted: number }>(`/public/duty/reviews/${id}/ballots`, body, open)

// ---- pure helpers the pages share (tested in views/duty/__tests__/reviews.test.ts) -----------------------

export const REVIEW_TAG: Record<ReviewStatus, 'success' | 'warning' | 'danger' | 'info' | 'primary'> = {
  draft: 'info',
  open: 'primary',
  closed: 'warning',
  published: 'success',
}

export const GRADE_TAG: Record<Grade, 'success' | 'primary' | 'warning' | 'danger'> = {
  excellent: 'success',
  good: 'primary',
  fair: 'warning',
  poor: 'danger',
}

/** The weights' total, to one decimal (three number inputs; floating sums such as 33.3 × 3 stay exact). */
export const weightSum = (w: Weights) => Math.round((w.public + w.panel + w.members) * 10) / 10

export const weightsOk = (w: Weights) =>
  [w.public, w.panel, w.members].every((v) => Number.isFinite(v) && v >= 0 && v <= 100) && weightSum(w) === 100

/** 100 ≥ 优秀 > 良好 > 一般 ≥ 0. */
export const bandsOk = (b: Bands) => b.excellent <= 100 && b.excellent > b.good && b.good > b.fair && b.fair >= 0

export const DEFAULT_WEIGHTS: Weights = { public: 40, panel: 30, members: 30 }
export const DEFAULT_BANDS: Bands = { excellent: 90, good: 80, fair: 60 }

/** A score as the pages print it: one decimal, '-' for none yet. */
export const scoreText = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(1))

/** A 述职 video link: http or https only. An empty link is fine (the video is optional). */
export function videoUrlOk(url: string): boolean {
  const v = url.trim()
  if (!v) return true
  try {
    const u = new URL(v)
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname
  } catch {
    return false
  }
}

/** The marks of a ballot: the units the resident rated, in the order shown. */
export function ballotMarks(entries: { id: number }[], picks: Record<number, Mark | '' | undefined>): BallotMark[] {
  return entries.flatMap((e) => {
    const mark = picks[e.id]
    return mark ? [{ entry_id: e.id, mark }] : []
  })
}

/** Seconds to wait before asking for another code: a 429's `retry_after_seconds`, else none. */
export function retryAfter(e: unknown): number {
  return e instanceof ApiError && e.status === 429 ? Math.max(0, Math.ceil(e.details.retry_after_seconds ?? 60)) : 0
}

/** Entries by rank (unranked last, then by unit name), for the results table. */
export function byRank<T extends { rank: number | null; unit_name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit_name.localeCompare(b.unit_name, 'zh-CN'))
}
