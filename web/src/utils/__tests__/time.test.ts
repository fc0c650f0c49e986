import { describe, expect, it } from 'vitest'
import {
  dayAsLocalDate,
  daysInMonth,
  formatDate,
  formatDateTime,
  formatLongDate,
  localDateAsDay,
  todayInShanghai,
  toUtcIso,
  toWallTime,
  yearInShanghai,
} from '../time'

describe('time: UTC on the wire, Asia/Shanghai on screen', () => {
  it('reads an instant in Beijing time: 2026-12-01T18:02Z is 2026-12-02 02:02', () => {
    expect(formatDateTime('2026-12-01T18:02:00Z')).toBe('2026-12-02 02:02')
    expect(formatDateTime('2026-12-01T18:02:07Z', { seconds: true })).toBe('2026-12-02 02:02:07')
    expect(formatDate('2026-12-01T18:02:00Z')).toBe('2026-12-02')
    expect(formatDate(Date.parse('2026-12-01T15:59:59Z'))).toBe('2026-12-01')
    expect(formatDate(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02')
  })

  it('shows a calendar day from the wire as it is, and nothing as "-"', () => {
    expect(formatDate('2018-10-26')).toBe('2018-10-26')
    expect(formatDate(null)).toBe('-')
    expect(formatDateTime(undefined)).toBe('-')
    expect(formatDateTime('')).toBe('-')
    expect(formatDateTime('not a time')).toBe('not a time')
  })

  it("takes today and this year from Shanghai's calendar", () => {
    expect(todayInShanghai(Date.parse('2026-12-01T18:02:00Z'))).toBe('2026-12-02')
    expect(todayInShanghai(Date.parse('2026-12-01T15:00:00Z'))).toBe('2026-12-01')
    expect(yearInShanghai(Date.parse('2026-12-31T16:30:00Z'))).toBe(2027)
    expect(yearInShanghai(Date.parse('2026-12-31T15:30:00Z'))).toBe(2026)
    expect(todayInShanghai()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it("turns a date-time picker's Shanghai wall time into the UTC instant and back", () => {
    expect(toUtcIso('2026-12-02 02:02:00')).toBe('2026-12-01T18:02:00Z')
    expect(toUtcIso('2027-03-01 08:00')).toBe('2027-03-01T00:00:00Z')
    expect(toUtcIso('2026-01-01 00:00:00')).toBe('2025-12-31T16:00:00Z')
    expect(toWallTime('2026-12-01T18:02:00Z')).toBe('2026-12-02 02:02:00')
    expect(toUtcIso(toWallTime('2020-08-10T10:12:30Z'))).toBe('2020-08-10T10:12:30Z')
    expect(() => toUtcIso('yesterday')).toThrow(RangeError)
  })

  it('writes a long date in the reader language, on the Shanghai day', () => {
    expect(formatLongDate('2026-11-30', 'zh-CN')).toBe('2026年11月30日')
    expect(formatLongDate('2026-11-30T17:00:00Z', 'zh-CN')).toBe('2026年12月1日')
    expect(formatLongDate('2026-11-30', 'en-US')).toBe('November 30, 2026')
  })

  it('hands calendar days to Element Plus as local dates and back', () => {
    const d = dayAsLocalDate('2026-12-02')
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2026, 12, 2])
    expect(localDateAsDay(d)).toBe('2026-12-02')
    expect(localDateAsDay(dayAsLocalDate(todayInShanghai()))).toBe(todayInShanghai())
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2026, 2)).toBe(28)
    expect(daysInMonth(2026, 12)).toBe(31)
  })
})
