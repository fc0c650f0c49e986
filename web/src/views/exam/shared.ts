/** What the exam pages share: choice lists, tag colours and the shape of their table columns. */
import type { Audience, ExamKind, ExamStatus, MyExamState, QuestionType } from '@/api/exam'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const AUDIENCES: Audience[] = ['civil_servant', 'leader', 'youth', 'public']
export const QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'judge']
export const EXAM_KINDS: ExamKind[] = ['yearly', 'pre_appointment', 'practice']
export const DIFFICULTIES = [1, 2, 3, 4, 5]

/** A column of an exam list's table (the page draws each key's cell). */
export interface ExamColumn<K extends string> {
  key: K
  /** i18n key */
  label: string
  width?: number
  minWidth?: number
  align?: 'left' | 'center' | 'right'
  /** Long text cut to the cell, the whole in a tooltip. */
  tooltip?: boolean
}

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
