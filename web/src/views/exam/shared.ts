/** What the exam pages share: choice lists and tag colours. */
import type { Audience, ExamKind, ExamStatus, MyExamState, QuestionType } from '@/api/exam'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const AUDIENCES: Audience[] = ['civil_servant', 'leader', 'youth', 'public']
export const QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'judge']
export const EXAM_KINDS: ExamKind[] = ['yearly', 'pre_appointment', 'practice']
export const DIFFICULTIES = [1, 2, 3, 4, 5]


export const STATE_TAGS: Record<MyExamState, TagType> = {
  upcoming: 'info',
  open: 'primary',
  in_progress: 'warning',
  submitted: 'success',
  closed: 'info',
}

export const STATUS_TAGS: Record<ExamStatus, TagType> = {
  draft: 'info',
  published: 'success',
  closed: 'warning',
}

/** A true/false question's two options, as the server stores them. */
export const JUDGE_OPTIONS = [
  { key: 'A', text: '正确' },
  { key: 'B', text: '错误' },
]

export const LETTERS = 'ABCDEFGH'.split('')
