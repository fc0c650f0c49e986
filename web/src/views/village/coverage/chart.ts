/**
 * 覆盖情况 as a stacked bar per township (horizontal: the townships' names stay readable), the levels stacked from the
 * highest (全国, red as the plaques) to 未命名 (grey); the best covered township on top.
 */
import { LEVELS, type CoverageRow, type Level } from '@/api/village'
import { CHART_FONT_FAMILY, chartFontSize } from '@/utils/chart-style'
import { LEVEL_COLOUR } from '../shared'
import type { ChartOption } from './echarts'

export interface ChartText {
  t: (key: string, named?: Record<string, unknown>) => string
  /** A rate (0..1) as the page writes it. */
  rate: (rate: number | null) => string
  large: boolean
}

/** The townships, the least covered first (ECharts draws the first category at the bottom), ties by name. */
export const ordered = (rows: readonly CoverageRow[]) =>
  [...rows].sort((a, b) => a.named_rate - b.named_rate || b.name.localeCompare(a.name, 'zh-CN'))

export function coverageChart(c: ChartText, rows: readonly CoverageRow[]): ChartOption {
  const fs = chartFontSize(c.large)
  const towns = ordered(rows)
  return {
    textStyle: { fontSize: fs, fontFamily: CHART_FONT_FAMILY },
    legend: { top: 0, type: 'scroll', textStyle: { fontSize: fs }, data: LEVELS.map((l) => c.t(`village.levelShort.${l}`)) },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number }[]
        const r = towns[list[0]?.dataIndex ?? 0]
        if (!r) return ''
        const lines = LEVELS.map((l) => `${c.t(`village.levelShort.${l}`)}：${r[l]}`)
        return `<strong>${escape(r.name)}</strong><br/>${lines.join('<br/>')}<br/>${c.t('village.coverage.namedRate')}：${c.rate(r.named_rate)}`
      },
    },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fs } },
    yAxis: { type: 'category', data: towns.map((r) => r.name), axisLabel: { fontSize: fs, width: 110, overflow: 'truncate' } },
    series: LEVELS.map((l: Level) => ({
      name: c.t(`village.levelShort.${l}`),
      type: 'bar' as const,
      stack: 'villages',
      barMaxWidth: 22,
      itemStyle: { color: LEVEL_COLOUR[l] },
      emphasis: { focus: 'series' as const },
      data: towns.map((r) => r[l]),
    })),
  }
}

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!)
