/** 合格率 by unit or region as horizontal bars (long Chinese names stay readable), best on top. */
import type { StatRow } from '@/api/exam'
import { CHART_FONT_FAMILY, chartFontSize } from '@/utils/chart-style'
import type { ChartOption } from './echarts'

export interface ChartText {
  t: (key: string, named?: Record<string, unknown>) => string
  /** A rate (0..1) as the page writes it ('-' for null). */
  rate: (rate: number | null) => string
  large: boolean
}

/** The server's pass rate among those who sat, as 0..100; rows nobody sat (rate null) are left out: they have no rate. */
export function passRateChart(c: ChartText, rows: StatRow[]): ChartOption {
  const fs = chartFontSize(c.large)
  const data = rows
    .filter((r) => r.sat > 0 && r.pass_rate != null)
    .map((r) => ({ name: r.name, value: Math.round((r.pass_rate ?? 0) * 1000) / 10, row: r }))
    .sort((a, b) => a.value - b.value)
  return {
    color: ['#2f9e6b'],
    textStyle: { fontSize: fs, fontFamily: CHART_FONT_FAMILY },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const d = (p as { data: (typeof data)[number] }).data
        const r = d.row
        return `<strong>${escape(r.name)}</strong><br/>${c.t('exam.stats.passRate')}：${c.rate(r.pass_rate)}<br/>${c.t('exam.stats.passedCol')} ${r.passed} / ${c.t('exam.stats.satCol')} ${r.sat}`
      },
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { fontSize: fs, formatter: '{value}%' } },
    yAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { fontSize: fs, width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data,
        barMaxWidth: 22,
        label: { show: true, position: 'right', fontSize: fs, formatter: '{c}%' },
      },
    ],
  }
}

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!)
