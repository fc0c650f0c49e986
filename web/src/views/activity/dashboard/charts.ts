/** The dashboard's charts as ECharts options, from the figures of GET /dashboard/activities. */
import type { Bucket, MonthBucket } from '@/api/activity'
import { CHART_FONT_FAMILY, chartFontSize, COUNT_AXIS } from '@/utils/chart-style'
import { formatMonth } from '@/utils/format'
import type { ChartOption } from './echarts'

export interface ChartText {
  /** i18n of the page */
  t: (key: string, named?: Record<string, unknown>) => string
  /** numbers with thousands separators */
  num: (n: number) => string
  /** 适老化: bigger labels */
  large: boolean
}

const COLORS = ['#1f62c1', '#e6863a', '#2f9e6b', '#c0392b', '#8e5bbf', '#16a2b8', '#d4a017', '#5c6f82', '#e05d9c', '#7a9a01', '#3b7dd8', '#a0522d']

const fontSize = (c: ChartText) => chartFontSize(c.large)

function base(c: ChartText): ChartOption {
  return {
    color: COLORS,
    textStyle: { fontSize: fontSize(c), fontFamily: CHART_FONT_FAMILY },
    tooltip: { confine: true, textStyle: { fontSize: fontSize(c) + 1 } },
    animationDuration: 400,
  }
}

/** The tooltip of one bucket: its name, 场次 and 参与人次. */
function bucketTip(c: ChartText, name: string, b: Pick<Bucket, 'records' | 'people'>, records = 'activity.dash.records', people = 'activity.dash.people') {
  return `<strong>${escape(name)}</strong><br/>${c.t(records)}：${c.num(b.records)}<br/>${c.t(people)}：${c.num(b.people)}`
}

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!)

/** What a bucket is called: a township's or unit's name, a list's code in the reader's language, or the key as it is (themes, campaigns). */
export type Labeller = (key: string) => string
export const nameOf = (b: Bucket, label?: Labeller) => b.name ?? (label ? label(b.key) : b.key)

/** 各月: 场次 as bars (left axis), 参与人次 as a line (right axis). */
export function monthChart(c: ChartText, months: MonthBucket[], series: { records: string; people: string }): ChartOption {
  const fs = fontSize(c)
  return {
    ...base(c),
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { fontSize: fs + 1 },
      valueFormatter: (v) => c.num(Number(v ?? 0)),
    },
    legend: { top: 0, textStyle: { fontSize: fs } },
    grid: { left: 8, right: 8, top: 44, bottom: 4 },
    xAxis: { type: 'category', data: months.map((m) => formatMonth(m.month)), axisLabel: { fontSize: fs } },
    yAxis: [
      { ...COUNT_AXIS, name: c.t(series.records), nameTextStyle: { fontSize: fs }, axisLabel: { fontSize: fs, formatter: (v: number) => c.num(v) } },
      {
        ...COUNT_AXIS,
        name: c.t(series.people),
        nameTextStyle: { fontSize: fs },
        splitLine: { show: false },
        axisLabel: { fontSize: fs, formatter: (v: number) => c.num(v) },
      },
    ],
    series: [
      { type: 'bar', name: c.t(series.records), data: months.map((m) => m.records), barMaxWidth: 28 },
      { type: 'line', name: c.t(series.people), yAxisIndex: 1, smooth: 0.2, data: months.map((m) => m.people), symbolSize: 6 },
    ],
  }
}

/** Categories as horizontal bars, the biggest on top (themes, units): long Chinese names stay readable. */
export function hbarChart(c: ChartText, buckets: Bucket[], opts: { study?: boolean; label?: Labeller } = {}): ChartOption {
  const fs = fontSize(c)
  const names = buckets.map((b) => nameOf(b, opts.label))
  const [records, people] = opts.study ? ['activity.dash.sessions', 'activity.dash.attendees'] : ['activity.dash.records', 'activity.dash.people']
  return {
    ...base(c),
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { fontSize: fs + 1 },
      formatter: (p) => {
        const i = (p as { dataIndex: number }).dataIndex
        return bucketTip(c, names[i], buckets[i], records, people)
      },
    },
    // a margin on the left: ECharts measures the curly quotes of 民法典“四大行动” narrower than they draw
    grid: { left: 24, right: 48, top: 8, bottom: 4 },
    xAxis: { ...COUNT_AXIS, axisLabel: { fontSize: fs, formatter: (v: number) => c.num(v) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLabel: { fontSize: fs, width: c.large ? 190 : 140, overflow: 'truncate', interval: 0 },
    },
    series: [
      {
        type: 'bar',
        data: buckets.map((b) => b.records),
        barMaxWidth: 18,
        label: { show: true, position: 'right', fontSize: fs, formatter: (p) => c.num(Number(p.value)) },
      },
    ],
  }
}

/** Categories as vertical bars (形式, 乡镇): names below, turned when they crowd. */
export function vbarChart(c: ChartText, buckets: Bucket[], opts: { rotate?: number; label?: Labeller } = {}): ChartOption {
  const fs = fontSize(c)
  const names = buckets.map((b) => nameOf(b, opts.label))
  return {
    ...base(c),
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { fontSize: fs + 1 },
      formatter: (p) => {
        const i = (p as { dataIndex: number }).dataIndex
        return bucketTip(c, names[i], buckets[i])
      },
    },
    grid: { left: 8, right: 8, top: 24, bottom: 4 },
    xAxis: { type: 'category', data: names, axisTick: { alignWithLabel: true }, axisLabel: { fontSize: fs, interval: 0, rotate: opts.rotate ?? 0 } },
    yAxis: { ...COUNT_AXIS, axisLabel: { fontSize: fs, formatter: (v: number) => c.num(v) } },
    series: [
      {
        type: 'bar',
        data: buckets.map((b) => b.records),
        barMaxWidth: 36,
        label: { show: true, position: 'top', fontSize: fs, formatter: (p) => c.num(Number(p.value)) },
      },
    ],
  }
}

/** Shares as a ring, the legend beside it (对象, 法律六进, 学法类型). */
export function pieChart(c: ChartText, buckets: Bucket[], opts: { study?: boolean; label?: Labeller } = {}): ChartOption {
  const fs = fontSize(c)
  const names = buckets.map((b) => nameOf(b, opts.label))
  const [records, people] = opts.study ? ['activity.dash.sessions', 'activity.dash.attendees'] : ['activity.dash.records', 'activity.dash.people']
  return {
    ...base(c),
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { fontSize: fs + 1 },
      formatter: (p) => {
        const { dataIndex, percent } = p as { dataIndex: number; percent: number }
        return `${bucketTip(c, names[dataIndex], buckets[dataIndex], records, people)}<br/>${c.t('activity.dash.share')}：${percent}%`
      },
    },
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 0,
      top: 'middle',
      textStyle: { fontSize: fs },
      formatter: (name: string) => {
        const b = buckets[names.indexOf(name)]
        return b ? `${name}  ${c.num(b.records)}` : name
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['36%', '62%'],
        center: ['36%', '50%'],
        avoidLabelOverlap: true,
        label: { show: true, formatter: '{d}%', fontSize: fs },
        labelLine: { length: 6, length2: 6 },
        data: buckets.map((b, i) => ({ name: names[i], value: b.records })),
      },
    ],
  }
}

/** Nothing to draw: no bucket has a record. */
export const isEmpty = (buckets: { records: number }[] | undefined) => !buckets?.some((b) => b.records > 0)
