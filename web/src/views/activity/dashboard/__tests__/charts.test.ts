import { describe, expect, it } from 'vitest'
import type { Bucket, MonthBucket } from '@/api/activity'
import { passRateChart } from '@/views/exam/results/chart'
import { hbarChart, monthChart, vbarChart, type ChartText } from '../charts'

const text = (large: boolean): ChartText => ({ t: (k) => k, num: String, large })
const months: MonthBucket[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, records: i % 3, people: i * 2 }))
const buckets: Bucket[] = [
  { key: 'lecture', records: 3, people: 40 },
  { key: 'law_fair', records: 1, people: 12 },
]

// ECharts options are loosely typed: read the parts under test as plain objects.
type Axis = { minInterval?: number; axisLabel?: { fontSize?: number } }
const axes = (a: unknown): Axis[] => (Array.isArray(a) ? a : [a]) as Axis[]

describe('dashboard charts', () => {
  it('tick at whole numbers on every axis that counts (3 records never read 0.5, 1.5…)', () => {
    expect(axes(monthChart(text(false), months, { records: 'r', people: 'p' }).yAxis).map((a) => a.minInterval)).toEqual([1, 1])
    expect(axes(hbarChart(text(false), buckets).xAxis)[0].minInterval).toBe(1)
    expect(axes(vbarChart(text(false), buckets).yAxis)[0].minInterval).toBe(1)
  })

  it('draw larger text in 适老化 mode', () => {
    const normal = axes(vbarChart(text(false), buckets).xAxis)[0].axisLabel?.fontSize ?? 0
    const large = axes(vbarChart(text(true), buckets).xAxis)[0].axisLabel?.fontSize ?? 0
    expect(normal).toBe(12)
    expect(large).toBeGreaterThanOrEqual(16)
    const row = { id: 1, name: '市司法局', eligible: 4, sat: 2, not_sat: 2, passed: 1, participation_rate: 0.5, pass_rate: 0.5, average: 70 }
    expect(axes(passRateChart({ t: (k) => k, rate: () => '', large: true }, [row]).yAxis)[0].axisLabel?.fontSize).toBe(large)
  })

  it('name their fonts: on a canvas `inherit` drops the whole font and every size with it', () => {
    const family = (o: unknown) => (o as { textStyle?: { fontFamily?: string } }).textStyle?.fontFamily
    expect(family(monthChart(text(true), months, { records: 'r', people: 'p' }))).toMatch(/sans-serif$/)
    expect(family(passRateChart({ t: (k) => k, rate: () => '', large: true }, []))).toMatch(/sans-serif$/)
  })

  it('bar the pass rate the server computed, leaving out the units nobody sat', () => {
    const rows = [
      { id: 1, name: '甲', eligible: 3, sat: 3, not_sat: 0, passed: 2, participation_rate: 1, pass_rate: 0.667, average: 71 },
      { id: 2, name: '乙', eligible: 2, sat: 0, not_sat: 2, passed: 0, participation_rate: 0, pass_rate: null, average: null },
    ]
    const series = passRateChart({ t: (k) => k, rate: () => '', large: false }, rows).series as { data: { name: string; value: number }[] }[]
    expect(series[0].data.map((d) => [d.name, d.value])).toEqual([['甲', 66.7]])
  })
})
