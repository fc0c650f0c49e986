/** 服务日核实率 by township as horizontal bars (long names stay readable), the best on top: 95 % and more green, under 80 % amber. */
import { townshipOf, type ComplianceRow } from '@/api/service'
import { CHART_FONT_FAMILY, chartFontSize } from '@/utils/chart-style'
import type { ChartOption } from './echarts'

export interface ChartText {
  t: (key: string, named?: Record<string, unknown>) => string
  /** A rate (0..1) as the page writes it ('-' for null). */
  rate: (rate: number | null) => string
  large: boolean
}

/** The townships that had service days due (a rate), as 0..100, lowest first (ECharts draws the first at the bottom). */
export function rateBars(rows: readonly ComplianceRow[]) {
  return rows
    .filter((r) => r.required > 0 && r.verified_rate !== null && r.verified_rate !== undefined)
    .map((r) => ({ name: townshipOf(r), value: Math.round((r.verified_rate ?? 0) * 1000) / 10, row: r }))
    .sort((a, b) => a.value - b.value)
}

export function verifiedRateChart(c: ChartText, rows: readonly ComplianceRow[]): ChartOption {
  const fs = chartFontSize(c.large)
  const data = rateBars(rows).map((d) => ({ ...d, itemStyle: { color: colourOf(d.value) } }))
  return {
    textStyle: { fontSize: fs, fontFamily: CHART_FONT_FAMILY },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const r = (p as { data: (typeof data)[number] }).data.row
        return `<strong>${escape(townshipOf(r))}</strong><br/>${c.t('service.compliance.verifiedRate')}：${c.rate(r.verified_rate)}<br/>`
          + `${c.t('service.compliance.verified')} ${r.verified} / ${c.t('service.compliance.required')} ${r.required}`
      },
    },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { fontSize: fs, formatter: '{value}%' } },
    yAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { fontSize: fs, width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', data, barMaxWidth: 22, label: { show: true, position: 'right', fontSize: fs, formatter: '{c}%' } }],
  }
}

const colourOf = (pct: number) => (pct >= 95 ? '#2f9e6b' : pct >= 80 ? '#1f62c1' : '#d48806')

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!)
