import { afterEach, describe, expect, it } from 'vitest'
import { TODO_LINKS } from '@/components/todo/todo-links'
import { i18n } from '@/locales'
import { serviceRoutes } from '@/router/routes/service'
import { rateBars } from '../scores/chart'
import { addDays, confirmOptions, daysBetween, groupedCode, keptCodes, mayCheckIn, mayLog, quarterOf, spokenCode, yuan } from '../shared'

const row = (name: string, required: number, verified: number, rate: number | null) => ({
  name, villages: 3, with_advisor: 3, required, verified, verified_rate: rate, villages_under: 0, lectures: 0, bookings: 0,
  unsatisfied: 0, callbacks_open: 0, subsidy: verified * 200,
})

describe('公共法律服务 pages', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
    sessionStorage.clear()
  })

  it('shows the check-in code in two groups and words it digit by digit to read aloud', () => {
    expect(groupedCode('482915')).toBe('482 915')
    expect(groupedCode('12345')).toBe('12345')
    expect(spokenCode('482915')).toBe('四八二，九幺五')
    expect(spokenCode('070100')).toBe('零七零，幺零零')
    i18n.global.locale.value = 'en'
    expect(spokenCode('482915')).toBe('four eight two, nine one five')
  })

  it('counts calendar days across months and years whatever the zone', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-12-28', '2027-01-04')).toBe(7)
    expect(daysBetween('2026-12-04', '2026-12-01')).toBe(-3)
  })

  it('lets the village operator type the code on the day of a check-in, and confirm without one up to 7 days after', () => {
    const today = '2026-12-08'
    expect(confirmOptions({ status: 'checked_in', planned_on: today }, today)).toEqual({ code: true, without: true })
    expect(confirmOptions({ status: 'planned', planned_on: today }, today)).toEqual({ code: false, without: true })
    expect(confirmOptions({ status: 'missed', planned_on: '2026-12-01' }, today)).toEqual({ code: false, without: true })
    expect(confirmOptions({ status: 'unverified', planned_on: '2026-11-30' }, today)).toEqual({ code: false, without: false })
    expect(confirmOptions({ status: 'planned', planned_on: '2026-12-09' }, today)).toEqual({ code: false, without: false })
    expect(confirmOptions({ status: 'verified', planned_on: today }, today)).toEqual({ code: false, without: false })
  })

  it('lets the advisor check in on the day only, and log a day that has come', () => {
    expect(mayCheckIn({ status: 'planned', planned_on: '2026-12-08' }, '2026-12-08')).toBe(true)
    expect(mayCheckIn({ status: 'checked_in', planned_on: '2026-12-08' }, '2026-12-08')).toBe(true)
    expect(mayCheckIn({ status: 'verified', planned_on: '2026-12-08' }, '2026-12-08')).toBe(false)
    expect(mayCheckIn({ status: 'planned', planned_on: '2026-12-18' }, '2026-12-08')).toBe(false)
    expect(mayLog({ planned_on: '2026-12-08' }, '2026-12-08')).toBe(true)
    expect(mayLog({ planned_on: '2026-12-18' }, '2026-12-08')).toBe(false)
  })

  it('keeps a shown code in the tab until it expires', () => {
    const now = Date.parse('2026-12-08T02:00:00Z')
    keptCodes.set(31, { code: '482915', expires_at: '2026-12-08T04:00:00Z' }, now)
    keptCodes.set(32, { code: '111111', expires_at: '2026-12-08T01:00:00Z' }, now)
    expect(keptCodes.get(31, now)?.code).toBe('482915')
    expect(keptCodes.get(32, now)).toBeNull()
    expect(keptCodes.get(31, Date.parse('2026-12-08T04:00:01Z'))).toBeNull()
  })

  it('writes yuan and quarters as the scorecards read them', () => {
    expect(yuan(1200)).toBe('¥1,200')
    expect(yuan(null)).toBe('-')
    expect([1, 3, 4, 12].map(quarterOf)).toEqual([1, 1, 2, 4])
  })

  it('draws the townships with days due by their verified rate, lowest first, and leaves out those with none due', () => {
    const bars = rateBars([row('马涧镇', 10, 9, 0.9), row('柏社乡', 0, 0, null), row('游埠镇', 8, 4, 0.5), row('兰江街道', 4, 4, 1)])
    expect(bars.map((b) => [b.name, b.value])).toEqual([['游埠镇', 50], ['马涧镇', 90], ['兰江街道', 100]])
  })

  it('leads each to-do code of the area to its page, the count on that page\'s menu entry', () => {
    const pages = new Map((serviceRoutes.children ?? []).map((r) => [r.name, `/admin/service/${r.path}`]))
    for (const code of ['service.bookings.answer', 'service.days.check_in', 'service.days.confirm', 'service.callbacks.close']) {
      const link = TODO_LINKS[code]
      expect(link, code).toBeTruthy()
      const name = (link.to as { name: string }).name
      expect(pages.get(name), code).toBe(link.menu)
    }
  })
})
