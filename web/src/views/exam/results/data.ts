/** 成绩统计: the columns of the tables by unit or township, of the results and of the ranking, and the figures' text. */
import type { StatRow } from '@/api/exam'
import type { TableColumn } from '@/components/table/columns'
import { formatNumber, formatRate } from '@/utils/format'

/** The headers are the export's (stats.xlsx): 应考人数 … 平均分, so the sheet and the screen read alike. */
export const statColumns = (by: 'unit' | 'region'): TableColumn<keyof StatRow>[] => [
  { key: 'name', label: by === 'unit' ? 'exam.f.unit' : 'exam.f.region', minWidth: 180 },
  { key: 'eligible', label: 'exam.stats.eligibleCol', minWidth: 80, align: 'right' },
  { key: 'sat', label: 'exam.stats.satCol', minWidth: 80, align: 'right' },
  { key: 'not_sat', label: 'exam.stats.notSatCol', minWidth: 80, align: 'right' },
  { key: 'participation_rate', label: 'exam.stats.satRate', minWidth: 80, align: 'right', hint: 'exam.stats.satRateHint' },
  { key: 'passed', label: 'exam.stats.passedCol', minWidth: 80, align: 'right' },
  { key: 'pass_rate', label: 'exam.stats.passRate', minWidth: 80, align: 'right', hint: 'exam.stats.passRateHint' },
  { key: 'average', label: 'exam.stats.average', minWidth: 80, align: 'right' },
]

export const resultColumns: TableColumn<'name' | 'unit' | 'score' | 'grade' | 'outcome' | 'attempts' | 'events' | 'submitted_at'>[] = [
  { key: 'name', label: 'exam.stats.name', minWidth: 120 },
  { key: 'unit', label: 'exam.f.unit', minWidth: 180 },
  { key: 'score', label: 'exam.stats.score', width: 90, align: 'right' },
  { key: 'grade', label: 'exam.stats.grade', width: 90 },
  { key: 'outcome', label: 'exam.stats.outcome', width: 100 },
  { key: 'attempts', label: 'exam.stats.attempts', width: 90, align: 'right' },
  { key: 'events', label: 'exam.stats.leftPage', width: 100, align: 'right', hint: 'exam.stats.leftPageHint' },
  { key: 'submitted_at', label: 'exam.stats.submittedAt', width: 150 },
]

export const rankColumns: TableColumn<'rank' | 'display_name' | 'unit' | 'score' | 'time'>[] = [
  { key: 'rank', label: 'exam.stats.rank', width: 80, align: 'center' },
  { key: 'display_name', label: 'exam.stats.name', minWidth: 120, card: 'title' },
  { key: 'unit', label: 'exam.f.unit', minWidth: 180 },
  { key: 'score', label: 'exam.stats.score', width: 90, align: 'right' },
  { key: 'time', label: 'exam.stats.timeUsed', width: 140, align: 'right' },
]

/** An average to one decimal; '-' where nobody sat (the server's null: a 0 there would read as everyone scoring nothing). */
export const averageText = (average: number | null | undefined) =>
  average == null ? '-' : formatNumber(Math.round(average * 10) / 10)

/** 参考率 (sat ÷ eligible) and 合格率 (passed ÷ sat) as the server computed them; '-' where it has none. */
export const rateText = (rate: number | null | undefined) => formatRate(rate)
