/** 题库: the list's columns and filters, and the bank form (name, audience, description). */
import type { FormRules } from 'element-plus'
import type { Audience, Bank, BankWrite } from '@/api/exam'
import { i18n } from '@/locales'
import { required } from '@/utils/validators'
import type { TableColumn } from '@/components/table/columns'

export const bankColumns: TableColumn<'name' | 'audience' | 'question_count' | 'description'>[] = [
  { key: 'name', label: 'exam.f.bankName', minWidth: 220 },
  { key: 'audience', label: 'exam.f.audience', width: 140 },
  { key: 'question_count', label: 'exam.f.questionCount', width: 120, align: 'right' },
  { key: 'description', label: 'exam.f.description', minWidth: 220, tooltip: true },
]

export interface BankFilters {
  q: string
  audience: Audience | ''
}

export const emptyBankFilters = (): BankFilters => ({ q: '', audience: '' })

/** The server sends every bank (a handful): they are searched here. */
export const bankMatches = (b: Bank, f: BankFilters) =>
  (!f.audience || b.audience === f.audience) && (!f.q.trim() || b.name.includes(f.q.trim()))

/** Fields the server may name in an error, so its message lands under the field. */
export const BANK_FIELDS = ['name', 'audience', 'description']

export const bankForm = (b?: Bank | null): BankWrite => ({
  name: b?.name ?? '',
  audience: b?.audience ?? 'civil_servant',
  description: b?.description ?? '',
})

export const bankBody = (f: BankWrite): BankWrite => ({ name: f.name.trim(), audience: f.audience, description: (f.description ?? '').trim() })

export const bankRules = (): FormRules => ({ name: [required(() => i18n.global.t('exam.v.name'))] })
