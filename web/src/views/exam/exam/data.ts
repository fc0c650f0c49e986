/**
 * 考试管理: the list's columns and filters, and the exam form: its values (window, grade bands, who may sit
 * it, a fixed or random paper), rules, and the body sent (and the form again from a stored exam).
 */
import type { FormRules } from 'element-plus'
import type { Exam, ExamKind, ExamStatus, ExamWrite, GradeBand, PaperRule } from '@/api/exam'
import { i18n } from '@/locales'
import { toUtcIso, toWallTime } from '@/utils/time'
import { required } from '@/utils/validators'
import type { TableColumn } from '@/components/table/columns'

/** 答题时长 and 及格分 give way on a 1366 px screen (the exam's page has them). */
export const examColumns: TableColumn<'title' | 'kind' | 'status' | 'window' | 'duration' | 'paper' | 'pass_mark'>[] = [
  { key: 'title', label: 'exam.f.title', minWidth: 200, tooltip: true },
  { key: 'kind', label: 'exam.f.kind', width: 110 },
  { key: 'status', label: 'exam.f.status', width: 90 },
  { key: 'window', label: 'exam.f.window', minWidth: 260 },
  { key: 'duration', label: 'exam.f.duration', width: 90, align: 'right', minScreen: 1440 },
  { key: 'paper', label: 'exam.f.paperShort', width: 130, align: 'right' },
  { key: 'pass_mark', label: 'exam.f.passMark', width: 80, align: 'right', minScreen: 1440 },
]

export interface ExamFilters {
  q: string
  status: ExamStatus | ''
  kind: ExamKind | ''
}

export const emptyExamFilters = (): ExamFilters => ({ q: '', status: '', kind: '' })

/** Exams are few: the list is fetched whole and searched here. */
export const examMatches = (e: Exam, f: ExamFilters) =>
  (!f.q.trim() || e.title.includes(f.q.trim())) && (!f.status || e.status === f.status) && (!f.kind || e.kind === f.kind)

/** Fields the server may name in an error; a window error lands on the date range. */
export const EXAM_FIELDS = ['title', 'notice', 'kind', 'opens_at', 'closes_at', 'duration_minutes', 'pass_mark', 'grade_bands', 'attempts_allowed', 'counts', 'eligibility', 'paper']

const DEFAULT_BANDS: GradeBand[] = [
  { min: 90, label: '优秀' },
  { min: 80, label: '良好' },
  { min: 60, label: '合格' },
]

export const newBand = (): GradeBand => ({ min: 0, label: '' })
export const newRule = (): PaperRule => ({ type: 'single', count: 5, score: 2 })

export interface ExamForm {
  title: string
  kind: ExamKind
  /** Shanghai wall times from the date-time picker (utils/time.ts). */
  window: [string, string] | null
  duration_minutes: number
  pass_mark: number
  grade_bands: GradeBand[]
  attempts_allowed: number
  counts: 'best' | 'last'
  unit_ids: number[]
  unit_names: string[]
  region_ids: number[]
  roles: string[]
  user_ids: number[]
  user_names: string[]
  shuffle_questions: boolean
  shuffle_options: boolean
  mode: 'fixed' | 'random'
  question_ids: number[]
  score_each: number
  bank_ids: number[]
  rules: PaperRule[]
  /** Rules by rank the form does not edit, kept as they are. */
  rank_rules: Record<string, PaperRule[]> | undefined
  /** The exam's own 考试须知; empty: the standard one (证书与须知设置). */
  notice: string
}

export const emptyExamForm = (): ExamForm => ({
  title: '',
  kind: 'yearly',
  window: null,
  duration_minutes: 60,
  pass_mark: 60,
  grade_bands: DEFAULT_BANDS.map((b) => ({ ...b })),
  attempts_allowed: 1,
  counts: 'best',
  unit_ids: [],
  unit_names: [],
  region_ids: [],
  roles: [],
  user_ids: [],
  user_names: [],
  shuffle_questions: true,
  shuffle_options: true,
  mode: 'random',
  question_ids: [],
  score_each: 2,
  bank_ids: [],
  // 100 points: the usual yearly paper
  rules: [
    { type: 'single', count: 30, score: 2 },
    { type: 'multiple', count: 10, score: 2 },
    { type: 'judge', count: 20, score: 1 },
  ],
  rank_rules: undefined,
  notice: '',
})

/** The form of a stored exam: its own paper, the other kind's defaults. */
export function examForm(e: Exam): ExamForm {
  const base = emptyExamForm()
  return {
    ...base,
    title: e.title,
    kind: e.kind,
    window: [toWallTime(e.opens_at), toWallTime(e.closes_at)],
    duration_minutes: e.duration_minutes,
    pass_mark: e.pass_mark,
    grade_bands: e.grade_bands.map((b) => ({ ...b })),
    attempts_allowed: e.attempts_allowed,
    counts: e.counts,
    unit_ids: e.eligibility.unit_ids ?? [],
    unit_names: e.eligibility.unit_names ?? [],
    region_ids: e.eligibility.region_ids ?? [],
    roles: e.eligibility.roles ?? [],
    user_ids: e.eligibility.user_ids ?? [],
    user_names: e.eligibility.user_names ?? [],
    shuffle_questions: e.shuffle_questions,
    shuffle_options: e.shuffle_options,
    notice: e.notice ?? '',
    mode: e.paper.mode,
    ...(e.paper.mode === 'fixed'
      ? { question_ids: e.paper.question_ids, score_each: e.paper.score_each }
      : { bank_ids: e.paper.bank_ids, rules: e.paper.rules.map((r) => ({ ...r })), rank_rules: e.paper.rank_rules }),
  }
}

export const totalScoreOf = (f: ExamForm) =>
  f.mode === 'fixed' ? f.question_ids.length * f.score_each : f.rules.reduce((s, r) => s + (r.count || 0) * (r.score || 0), 0)

export const questionCountOf = (f: ExamForm) =>
  f.mode === 'fixed' ? f.question_ids.length : f.rules.reduce((s, r) => s + (r.count || 0), 0)

/** What is sent: grade bands highest first, a rule's tag and difficulty only when set. */
export function examBody(f: ExamForm): ExamWrite {
  const [opens, closes] = f.window!
  const clean = (r: PaperRule): PaperRule => ({
    type: r.type,
    count: r.count,
    score: r.score,
    ...(r.tag?.trim() ? { tag: r.tag.trim() } : {}),
    ...(r.difficulty ? { difficulty: r.difficulty } : {}),
  })
  return {
    title: f.title.trim(),
    kind: f.kind,
    opens_at: toUtcIso(opens),
    closes_at: toUtcIso(closes),
    duration_minutes: f.duration_minutes,
    pass_mark: f.pass_mark,
    grade_bands: f.grade_bands.map((b) => ({ min: b.min, label: b.label.trim() })).sort((a, b) => b.min - a.min),
    attempts_allowed: f.attempts_allowed,
    counts: f.counts,
    eligibility: { unit_ids: f.unit_ids, region_ids: f.region_ids, roles: f.roles, user_ids: f.user_ids },
    shuffle_questions: f.shuffle_questions,
    shuffle_options: f.shuffle_options,
    notice: f.notice.trim(),
    paper:
      f.mode === 'fixed'
        ? { mode: 'fixed', question_ids: f.question_ids, score_each: f.score_each }
        : { mode: 'random', bank_ids: f.bank_ids, rules: f.rules.map(clean), ...(f.rank_rules ? { rank_rules: f.rank_rules } : {}) },
  }
}

type Callback = (e?: Error) => void

export function examRules(f: ExamForm): FormRules {
  const t = i18n.global.t
  return {
    title: [required(() => t('exam.v.title'))],
    window: [
      {
        validator: (_r: unknown, v: unknown, cb: Callback) => {
          const w = v as [string, string] | null
          if (!w) return cb(new Error(t('exam.v.window')))
          if (w[1] <= w[0]) return cb(new Error(t('exam.v.windowOrder')))
          cb()
        },
      },
    ],
    pass_mark: [
      {
        validator: (_r: unknown, v: unknown, cb: Callback) => {
          const total = totalScoreOf(f)
          return total && Number(v) > total ? cb(new Error(t('exam.v.passMark', { n: total }))) : cb()
        },
      },
    ],
    grade_bands: [
      {
        validator: (_r: unknown, _v: unknown, cb: Callback) =>
          f.grade_bands.every((b) => b.label.trim()) ? cb() : cb(new Error(t('exam.v.bandLabel'))),
      },
    ],
    paper: [
      {
        validator: (_r: unknown, _v: unknown, cb: Callback) => {
          if (f.mode === 'fixed' && !f.question_ids.length) return cb(new Error(t('exam.v.fixedEmpty')))
          if (f.mode === 'random' && !f.bank_ids.length) return cb(new Error(t('exam.v.banks')))
          if (f.mode === 'random' && !f.rules.some((r) => r.count > 0)) return cb(new Error(t('exam.v.rules')))
          cb()
        },
      },
    ],
  }
}
