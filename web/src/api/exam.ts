/** 学法考试 (CONTRACTS.md "Exams"): question banks, exams, results, and the examinee's attempts. */
import { download, http, upload, type Query } from './http'
import type { Page } from './types'

export type Audience = 'civil_servant' | 'leader' | 'youth' | 'public'
export type QuestionType = 'single' | 'multiple' | 'judge'
export type ExamKind = 'yearly' | 'pre_appointment' | 'practice'
export type ExamStatus = 'draft' | 'published' | 'closed'

export interface Bank {
  id: number
  name: string
  audience: Audience
  description?: string
  question_count: number
}

export interface BankWrite {
  name: string
  audience: Audience
  description?: string
}

export interface Option {
  key: string
  text: string
}

/** A law reference the server resolved against the library (absent when the law is not there). */
export interface LawRef {
  text: string
  law_id?: number | string
  number?: string
  url?: string
}

export interface Question {
  id: number
  bank_id?: number
  type: QuestionType
  stem: string
  options: Option[]
  answer: string[]
  explanation?: string
  difficulty: number
  tags: string[]
  /** The text as written, or resolved to a link. */
  law_ref?: string | LawRef | null
}

export interface QuestionWrite {
  type: QuestionType
  stem: string
  options: Option[]
  answer: string[]
  explanation?: string
  difficulty: number
  tags: string[]
  law_ref?: string
}

export interface ImportResult {
  imported: number
  skipped_duplicates: { row: number; stem: string }[]
}

export const listBanks = (q: Query = {}) => http.get<Page<Bank>>('/question-banks', q)
export const getBank = (id: number) => http.get<Bank>(`/question-banks/${id}`)
export const createBank = (b: BankWrite) => http.post<Bank>('/question-banks', b)
export const updateBank = (id: number, b: BankWrite) => http.put<Bank>(`/question-banks/${id}`, b)
export const deleteBank = (id: number) => http.delete(`/question-banks/${id}`)

export const listQuestions = (bankId: number, q: Query) => http.get<Page<Question>>(`/question-banks/${bankId}/questions`, q)
export const createQuestion = (bankId: number, b: QuestionWrite) => http.post<Question>(`/question-banks/${bankId}/questions`, b)
export const getQuestion = (id: number) => http.get<Question>(`/questions/${id}`)
export const updateQuestion = (id: number, b: QuestionWrite) => http.put<Question>(`/questions/${id}`, b)
export const deleteQuestion = (id: number) => http.delete(`/questions/${id}`)

export const importTemplate = (bankId: number) => download(`/question-banks/${bankId}/import-template`)

export type ImportFormat = 'xlsx' | 'csv' | 'json' | 'jsonl'
const IMPORT_TYPES: Record<ImportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
}

/** The format from the file name: the server sniffs too, but saying it avoids a wrong guess. */
export function importFormatOf(name: string): ImportFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase()
  return ext && ext in IMPORT_TYPES ? (ext as ImportFormat) : null
}

/**
 * The file's bytes as they are (all-or-nothing on the server: 422 import_failed lists the refused rows).
 * JSON files go without ?format: LexEval ships JSON Lines under a .json name, and the server tells them apart.
 */
export const importQuestions = (bankId: number, file: File, format: ImportFormat, onProgress?: (pct: number) => void) =>
  upload<ImportResult>(
    `/question-banks/${bankId}/import${format === 'xlsx' || format === 'csv' ? `?format=${format}` : ''}`,
    file,
    IMPORT_TYPES[format],
    onProgress,
  )

export interface GradeBand {
  min: number
  label: string
}

export interface Eligibility {
  unit_ids: number[]
  region_ids: number[]
  roles: string[]
  user_ids: number[]
  /** Display names the server may add beside the ids. */
  unit_names?: string[]
  user_names?: string[]
}

export interface PaperRule {
  type: QuestionType
  count: number
  score: number
  tag?: string
  difficulty?: number
}

export type Paper =
  | { mode: 'fixed'; question_ids: number[]; score_each: number }
  | { mode: 'random'; bank_ids: number[]; rules: PaperRule[]; rank_rules?: Record<string, PaperRule[]> }

export interface ExamWrite {
  title: string
  kind: ExamKind
  opens_at: string
  closes_at: string
  duration_minutes: number
  pass_mark: number
  grade_bands: GradeBand[]
  attempts_allowed: number
  counts: 'best' | 'last'
  eligibility: Eligibility
  shuffle_questions: boolean
  shuffle_options: boolean
  paper: Paper
  /** The exam's own 考试须知 (≤ 3000 characters); empty: the standard notice of the certificate settings. */
  notice?: string
}

export interface Exam extends ExamWrite {
  id: number
  status: ExamStatus
  total_score: number
  question_count: number
  created_at: string
}

export const listExams = (q: Query = {}) => http.get<Page<Exam>>('/exams', q)
export const getExam = (id: number) => http.get<Exam>(`/exams/${id}`)
export const createExam = (b: ExamWrite) => http.post<Exam>('/exams', b)
export const updateExam = (id: number, b: ExamWrite) => http.put<Exam>(`/exams/${id}`, b)
export const deleteExam = (id: number) => http.delete(`/exams/${id}`)
export const publishExam = (id: number) => http.post<Exam>(`/exams/${id}/publish`)
export const closeExam = (id: number) => http.post<Exam>(`/exams/${id}/close`)

export interface ResultRow {
  user: { id: number; display_name: string; unit?: { id: number; name: string } | string | null; region?: string | null }
  score: number | null
  grade: string | null
  passed: boolean
  submitted_at: string | null
  attempts: number
  /** Page events (hidden, blur, visible…) of the counted attempt; null when not sat. */
  events: number | null
  /** The counted attempt (its events: listAttemptEvents); null when not sat. */
  attempt_id: number | null
}

/** Counts and, computed by the server, rates (0..1) and the average: null where nothing divides (nobody sat). */
export interface StatFigures {
  eligible: number
  sat: number
  not_sat: number
  passed: number
  /** 参考率: sat ÷ eligible */
  participation_rate: number | null
  /** 合格率: passed ÷ sat */
  pass_rate: number | null
  average: number | null
}

export interface StatRow extends StatFigures {
  id: number
  name: string
}

export interface ExamStats extends StatFigures {
  by_unit: StatRow[]
  by_region: StatRow[]
}

export interface RankRow {
  rank: number
  display_name: string
  unit?: string | null
  score: number
  duration_seconds: number
}

export const listResults = (id: number, q: Query) => http.get<Page<ResultRow>>(`/exams/${id}/results`, q)

/** One page event of an attempt: the page was hidden/shown, lost/got focus, or was reloaded. */
export interface PageEvent {
  kind: AttemptEvent
  at: string
}
export const listAttemptEvents = (attemptId: number) => http.get<Page<PageEvent>>(`/attempts/${attemptId}/events`)
export const exportResults = (id: number, q: Query) => download(`/exams/${id}/results.xlsx`, q)
export const fetchStats = (id: number) => http.get<ExamStats>(`/exams/${id}/stats`)
/** 导出统计: the tables by unit and by township as two sheets with a 合计 row. */
export const exportStats = (id: number) => download(`/exams/${id}/stats.xlsx`)
export const fetchRanking = (id: number, q: Query = {}) => http.get<Page<RankRow>>(`/exams/${id}/ranking`, q)

/** Examinee side. */
export type MyExamState = 'upcoming' | 'open' | 'in_progress' | 'submitted' | 'closed'

export interface Outcome {
  score: number
  grade: string | null
  passed: boolean
  /** The attempt this result comes from (certificate, review). */
  attempt_id?: number | null
}

export interface MyExam {
  exam: Pick<Exam, 'id' | 'title' | 'kind' | 'opens_at' | 'closes_at' | 'duration_minutes' | 'pass_mark' | 'total_score'>
  state: MyExamState
  attempts_used: number
  attempts_allowed: number
  best: Outcome | null
  /** The attempt in progress. */
  attempt_id?: number | null
}

/** 可参考人员 (exam.manage): accounts that may sit exams, searched by name, with unit and rank. */
export interface Examinee {
  user_id: number
  username: string
  display_name: string
  region_id: number
  region_name: string
  unit_id: number | null
  unit_name: string
  rank: string
}

export const listExaminees = (q: Query) => http.get<Page<Examinee>>('/exam-examinees', q)

export const listMyExams = () => http.get<Page<MyExam>>('/my/exams')

export type AttemptStatus = 'in_progress' | 'submitted' | 'expired'

export interface Attempt {
  id: number
  exam_id: number
  status: AttemptStatus
  started_at: string
  deadline: string
  server_now?: string
  score?: number | null
  grade?: string | null
  passed?: boolean | null
  submitted_at?: string | null
}

export interface PaperQuestion {
  id: number
  type: QuestionType
  stem: string
  score: number
  options: Option[]
}

export interface Sitting {
  attempt: Attempt
  exam: { title: string; duration_minutes: number; total_score: number; pass_mark?: number }
  questions: PaperQuestion[]
  answers: Record<string, string[]>
  events: number
}

export interface Submitted {
  attempt_id?: number
  status?: AttemptStatus
  score: number
  total_score: number
  grade: string | null
  passed: boolean
  submitted_at: string
}

export type AttemptEvent = 'blur' | 'focus' | 'hidden' | 'visible' | 'reload'

/** What the examinee reads before the clock starts: 考试须知 and the integrity pledge (诚信承诺). */
export interface ExamNotice {
  exam: {
    id: number
    title: string
    duration_minutes: number
    total_score: number
    question_count: number
    pass_mark: number
    opens_at: string
    closes_at: string
  }
  state: MyExamState
  notice: string
  pledge: string
}

export const fetchNotice = (examId: number) => http.get<ExamNotice>(`/exams/${examId}/notice`)
/** Resumes the attempt in progress, or starts one: a start needs `pledged` (422 pledge_required otherwise). */
export const startAttempt = (examId: number, pledged = false) =>
  http.post<Sitting>(`/exams/${examId}/attempts`, pledged ? { pledge: true } : undefined)
export const saveAnswer = (attemptId: number, questionId: number, answer: string[]) =>
  http.put<{ saved_at: string }>(`/attempts/${attemptId}/answers/${questionId}`, { answer })
export const postEvent = (attemptId: number, kind: AttemptEvent) => http.post<void>(`/attempts/${attemptId}/events`, { kind })
export const submitAttempt = (attemptId: number) => http.post<Submitted>(`/attempts/${attemptId}/submit`)
export const getAttempt = (attemptId: number) =>
  http.get<{ attempt: Attempt; exam: Sitting['exam'] & { id?: number } }>(`/attempts/${attemptId}`)

export interface ReviewItem {
  id?: number
  type?: QuestionType
  stem: string
  options: Option[]
  your_answer: string[]
  correct_answer: string[]
  correct: boolean
  explanation?: string
  law_ref?: string | LawRef | null
  score?: number
}

export const fetchReview = (attemptId: number) =>
  http.get<{ items?: ReviewItem[]; questions?: ReviewItem[] } | ReviewItem[]>(`/attempts/${attemptId}/review`)

/** Whatever shape the review came in (a list, or an object holding one). */
export function reviewItems(r: Awaited<ReturnType<typeof fetchReview>>): ReviewItem[] {
  if (Array.isArray(r)) return r
  return r.items ?? r.questions ?? []
}

export interface Certificate {
  name: string
  unit?: string | null
  exam_title: string
  score: number
  grade: string | null
  /** The Beijing day of the submission, YYYY-MM-DD. */
  passed_on: string
  certificate_no: string
  /** 校验码: 8 characters, checked with the number on the public verification page. */
  check_code: string
  /** 发证机关 (the certificate settings); empty when none is set. */
  issuer: string
  /** The seal image printed over the issuer, or null when none was uploaded. */
  seal_url: string | null
  /** The public page that checks this certificate (what the QR code holds). */
  verify_url: string
  /** The QR code of verify_url as an SVG image. */
  qr_url: string
}

export const fetchCertificate = (attemptId: number) => http.get<Certificate>(`/attempts/${attemptId}/certificate`)

/** What the public check of a certificate answers (the name masked: 王*明). */
export interface CertificateCheck {
  valid: boolean
  name: string
  exam_title: string
  grade: string | null
  score: number
  passed_on: string
  certificate_no: string
  issuer: string
}

/** Open: no sign-in, and an expired staff session must not send a resident to the login page. */
export const verifyCertificate = (no: string, code: string) =>
  http.get<CertificateCheck>('/public/certificates/verify', { no, code }, { quiet401: true })

/** 证书与须知设置 (exam.manage): the issuer printed on certificates, the standard 考试须知 and the 诚信承诺. */
export interface ExamSettings {
  issuer: string
  notice: string
  pledge: string
  has_seal: boolean
  seal_url: string | null
}

export type ExamSettingsWrite = Pick<ExamSettings, 'issuer' | 'notice' | 'pledge'>

export const SEAL_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
export const SEAL_MAX_BYTES = 512 * 1024
export const SETTINGS_ISSUER_MAX = 60
export const NOTICE_MAX = 3000

export const fetchExamSettings = () => http.get<ExamSettings>('/exam-settings')
export const saveExamSettings = (b: ExamSettingsWrite) => http.put<ExamSettings>('/exam-settings', b)
/** The image's bytes as they are (PNG, JPEG or WebP; ≤ 512 KiB, ≤ 2000 px a side: else 413 / 415 / 400). */
export const uploadSeal = (file: File, onProgress?: (pct: number) => void) =>
  upload<ExamSettings>('/exam-settings/seal', file, file.type, onProgress, {}, 'PUT')
export const deleteSeal = () => http.delete('/exam-settings/seal')
export const SEAL_URL = '/api/v1/exam-settings/seal'

/** A law reference as text and, when resolved, a link. */
export function lawRefOf(r: Question['law_ref']): { text: string; url?: string } | null {
  if (!r) return null
  if (typeof r === 'string') return { text: r }
  return { text: r.text, url: r.url }
}
