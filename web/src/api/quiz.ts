/**
 * 有奖竞答 (CONTRACTS.md "Public quiz"): open routes; a participant signs in with phone + one-time code
 * and is known by a token kept in sessionStorage and sent as X-Quiz-Token.
 */
import { request } from './http'
import type { Page } from './types'

const TOKEN_KEY = 'pufa.quizToken'

export interface QuizDraw {
  /** SHA-256 of the seed, published before the draw. */
  commitment: string
  committed_at: string
  /** pufa-draw-2: a public value named before the close, the pool hashed after it. */
  scheme?: 'pufa-draw-1' | 'pufa-draw-2'
  public_source?: string | null
  pool_hash?: string | null
  pool_fixed_at?: string | null
  public_value?: string | null
  seed?: string | null
  revealed_at?: string | null
  winners?: (string | { phone_masked: string; rank?: number; score?: number })[] | null
  /** How to re-run the draw, when the server explains it. */
  method?: string | null
}

export interface Quiz {
  id: number
  title: string
  intro: string
  opens_at: string
  closes_at: string
  questions_per_day: number
  qualify_rule: string
  prize: string
  draw: QuizDraw | null
}

export interface QuizQuestion {
  id: number
  type: 'single' | 'multiple' | 'judge'
  stem: string
  options: { key: string; text: string }[]
}

export interface QuizExplanation {
  id?: number
  question_id?: number
  stem?: string
  correct?: boolean
  your_answer?: string[]
  answer?: string[]
  correct_answer?: string[]
  explanation?: string
}

export interface QuizResult {
  correct: number
  total: number
  score: number
  qualified: boolean
  explanations: QuizExplanation[]
}

export interface QuizToday {
  date: string
  questions: QuizQuestion[]
  done: boolean
  result?: QuizResult | null
}

export interface LeaderRow {
  rank: number
  phone_masked: string
  score: number
  days: number
}

export interface QuizSession {
  token: string
  phone_masked: string
}

/** The session of this tab (a shared phone keeps no one signed in once the tab is closed). */
export const quizSession = {
  get(): QuizSession | null {
    try {
      const v = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null')
      return v && typeof v.token === 'string' ? (v as QuizSession) : null
    } catch {
      return null
    }
  },
  set(s: QuizSession) {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(s))
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY)
  },
}

function tokenHeader(): Record<string, string> {
  const s = quizSession.get()
  return s ? { 'X-Quiz-Token': s.token } : {}
}

// quiet401: a stale quiz token must not send a resident to the staff login page.
const open = { quiet401: true }

export const fetchCurrentQuiz = () => request<Quiz>('GET', '/quizzes/current', open)
/** `consent`: the person ticked 我已阅读并同意 under the explanation of how the number is used. */
export const requestCode = (quizId: number, phone: string, consent: boolean) =>
  request<{ retry_after_seconds: number }>('POST', `/quizzes/${quizId}/otp`, { ...open, body: { phone, consent } })
export const signInQuiz = (quizId: number, phone: string, code: string) =>
  request<QuizSession>('POST', `/quizzes/${quizId}/sessions`, { ...open, body: { phone, code } })
export const fetchToday = (quizId: number) =>
  request<QuizToday>('GET', `/quizzes/${quizId}/today`, { ...open, headers: tokenHeader() })
export const submitToday = (quizId: number, answers: Record<string, string[]>) =>
  request<QuizResult>('POST', `/quizzes/${quizId}/today`, { ...open, headers: tokenHeader(), body: { answers } })
export const fetchLeaderboard = (quizId: number) => request<Page<LeaderRow>>('GET', `/quizzes/${quizId}/leaderboard`, open)

// ---- staff (exam.manage): the quizzes, their seed commitment and the draw --------------------------------

export type QuizStatus = 'upcoming' | 'open' | 'closed'

export interface QuizWinner {
  rank: number
  participant_id: number
  phone_masked: string
}

/** The draw as the staff and the public see it: `seed`, `qualified`, `winners` stay null until the draw. */
export interface StaffQuizDraw {
  scheme: 'pufa-draw-1' | 'pufa-draw-2'
  commitment: string
  committed_at: string
  public_source: string | null
  pool_hash: string | null
  pool_fixed_at: string | null
  public_value: string | null
  seed: string | null
  revealed_at: string | null
  qualified: number[] | null
  winners: QuizWinner[] | null
  method: string | null
}

export interface QuizWrite {
  title: string
  intro: string
  opens_at: string
  closes_at: string
  questions_per_day: number
  bank_id: number
  qualify: { min_correct: number; min_days: number }
  prize: string
  winners_count: number
}

export interface StaffQuiz extends Omit<QuizWrite, 'bank_id'> {
  id: number
  bank_id: number | null
  bank_name: string
  status: QuizStatus
  qualify_rule: string
  participants: number
  created_at: string
  updated_at: string
  draw: StaffQuizDraw | null
}

export const listQuizzes = () => request<{ items: StaffQuiz[]; total: number }>('GET', '/quizzes')
export const getQuiz = (id: number) => request<StaffQuiz>('GET', `/quizzes/${id}`)
export const createQuiz = (q: QuizWrite) => request<StaffQuiz>('POST', '/quizzes', { body: q })
export const updateQuiz = (id: number, q: QuizWrite) => request<StaffQuiz>('PUT', `/quizzes/${id}`, { body: q })
/** The server draws a secret seed and publishes sha256 of it, with the public source named now. */
export const commitQuizSeed = (id: number, publicSource: string) =>
  request<StaffQuiz>('POST', `/quizzes/${id}/draw/commit`, { body: { public_source: publicSource } })
/** After the close: fixes the qualified list and publishes its hash. */
export const fixQuizPool = (id: number) => request<StaffQuiz>('POST', `/quizzes/${id}/draw/pool`)
export const drawQuiz = (id: number, publicValue: string) =>
  request<StaffQuiz>('POST', `/quizzes/${id}/draw`, { body: { public_value: publicValue } })
export const fetchQuizLeaderboard = (id: number, q: { page: number; page_size: number }) =>
  request<Page<LeaderRow>>('GET', `/quizzes/${id}/leaderboard`, { query: { ...q } })
