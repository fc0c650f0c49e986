/**
 * 题目: the list's columns and filters, the question form (its values, rules and body: the type decides
 * the options and how the answer is picked) and the import of a bank's questions.
 */
import type { FormRules } from 'element-plus'
import {
  importFormatOf,
  importQuestions,
  importTemplate,
  type Option,
  type Question,
  type QuestionType,
  type QuestionWrite,
} from '@/api/exam'
import type { Importer } from '@/components/importer'
import type { TableColumn } from '@/components/table/columns'
import { i18n } from '@/locales'
import { required } from '@/utils/validators'
import { JUDGE_OPTIONS, LETTERS } from '../shared'

export const questionColumns: TableColumn<'no' | 'stem' | 'type' | 'answer' | 'difficulty' | 'tags' | 'law_ref'>[] = [
  { key: 'no', label: 'exam.f.no', width: 56, card: false },
  { key: 'stem', label: 'exam.f.stem', minWidth: 320 },
  { key: 'type', label: 'exam.f.type', width: 90 },
  { key: 'answer', label: 'exam.f.answer', width: 80 },
  { key: 'difficulty', label: 'exam.f.difficulty', width: 80, align: 'center' },
  { key: 'tags', label: 'exam.f.tags', minWidth: 140 },
  { key: 'law_ref', label: 'exam.f.lawRef', minWidth: 160 },
]

export interface QuestionFilters {
  q: string
  type: QuestionType | ''
  tag: string
  difficulty: number | null
}

export const emptyQuestionFilters = (): QuestionFilters => ({ q: '', type: '', tag: '', difficulty: null })

/** Fields the server may name in an error (and in a refused import row), with their labels. */
const FIELD_LABELS: Record<string, string> = {
  type: 'exam.f.type',
  stem: 'exam.f.stem',
  options: 'exam.f.options',
  answer: 'exam.f.answer',
  explanation: 'exam.f.explanation',
  difficulty: 'exam.f.difficulty',
  tags: 'exam.f.tags',
  law_ref: 'exam.f.lawRef',
}
export const QUESTION_FIELDS = Object.keys(FIELD_LABELS)

export const MIN_OPTIONS = 2
export const DEFAULT_DIFFICULTY = 3

/** The dialog's values: one answer for single and true/false, several for multiple. */
export interface QuestionForm {
  type: QuestionType
  stem: string
  options: Option[]
  single: string
  multiple: string[]
  explanation: string
  difficulty: number
  tags: string[]
  law_ref: string
}

export const blankOptions = (): Option[] => LETTERS.slice(0, 4).map((key) => ({ key, text: '' }))
export const judgeOptions = (): Option[] => JUDGE_OPTIONS.map((o) => ({ ...o }))

export const questionForm = (q?: Question | null): QuestionForm => ({
  type: q?.type ?? 'single',
  stem: q?.stem ?? '',
  options: q ? q.options.map((o) => ({ ...o })) : blankOptions(),
  single: q && q.type !== 'multiple' ? (q.answer[0] ?? '') : '',
  multiple: q && q.type === 'multiple' ? [...q.answer] : [],
  explanation: q?.explanation ?? '',
  difficulty: q?.difficulty ?? DEFAULT_DIFFICULTY,
  tags: [...(q?.tags ?? [])],
  law_ref: typeof q?.law_ref === 'string' ? q.law_ref : (q?.law_ref?.text ?? ''),
})

export const answerOf = (f: QuestionForm): string[] =>
  f.type === 'multiple' ? [...f.multiple].sort() : f.single ? [f.single] : []

export const questionBody = (f: QuestionForm): QuestionWrite => ({
  type: f.type,
  stem: f.stem.trim(),
  options: f.options.map((o) => ({ key: o.key, text: o.text.trim() })),
  answer: answerOf(f),
  explanation: f.explanation.trim(),
  difficulty: f.difficulty,
  tags: f.tags.map((x) => x.trim()).filter(Boolean),
  law_ref: f.law_ref.trim(),
})

type Callback = (e?: Error) => void

export function questionRules(f: QuestionForm): FormRules {
  const t = i18n.global.t
  return {
    stem: [required(() => t('exam.v.stem'))],
    options: [
      {
        validator: (_r: unknown, _v: unknown, cb: Callback) =>
          f.options.every((o) => o.text.trim()) ? cb() : cb(new Error(t('exam.v.optionText'))),
      },
    ],
    answer: [
      {
        validator: (_r: unknown, _v: unknown, cb: Callback) => {
          const answer = answerOf(f)
          if (f.type === 'multiple' && answer.length < 2) return cb(new Error(t('exam.v.answerMultiple')))
          if (!answer.length) return cb(new Error(t('exam.v.answer')))
          cb()
        },
      },
    ],
  }
}

/**
 * 导入题目: .xlsx (template downloadable), .csv, .json or .jsonl (DISC-Law-Eval CSV and LexEval JSONL are
 * recognised) as raw bytes; duplicates are skipped and listed.
 */
export const questionImporter = (bankId: number): Importer => ({
  texts: 'exam.import',
  accept: '.xlsx,.csv,.json,.jsonl',
  accepts: (f) => importFormatOf(f.name) !== null,
  upload: (f, onProgress) => importQuestions(bankId, f, importFormatOf(f.name)!, onProgress),
  template: () => importTemplate(bankId),
  fieldLabel: (field) => (FIELD_LABELS[field] ? i18n.global.t(FIELD_LABELS[field]) : field || '-'),
})
