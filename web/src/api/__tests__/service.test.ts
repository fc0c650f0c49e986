import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../http'
import { isCodeInvalid, keptBookings, KEPT_BOOKINGS, periodQuery, photoIdsOf, rowsOf, stationDayOpen, townshipOf, townshipsOf } from '../service'

describe('the 公共法律服务 client', () => {
  afterEach(() => localStorage.clear())

  it('sends a period as the year with its quarter or month only when one is chosen', () => {
    expect(periodQuery({ year: 2026 })).toEqual({ year: 2026, quarter: undefined, month: undefined })
    expect(periodQuery({ year: 2026, quarter: 3, month: null })).toEqual({ year: 2026, quarter: 3, month: undefined })
    expect(periodQuery({ year: 2026, quarter: null, month: 12 })).toEqual({ year: 2026, quarter: undefined, month: 12 })
  })

  it('reads the rows of a table whether they come as items or rows, and a township by either name', () => {
    expect(rowsOf<number>({ items: [1, 2] })).toEqual([1, 2])
    expect(rowsOf<number>({ rows: [3] })).toEqual([3])
    expect(rowsOf<number>(null)).toEqual([])
    const row = { villages: 1, with_advisor: 1, required: 2, verified: 1, verified_rate: 0.5, villages_under: 1, lectures: 0,
      bookings: 0, unsatisfied: 0, callbacks_open: 0, subsidy: 200 }
    expect(townshipOf({ ...row, name: '马涧镇' })).toBe('马涧镇')
    expect(townshipOf({ ...row, township_name: '游埠镇', name: 'x' })).toBe('游埠镇')
  })

  it('takes the portal\'s townships from the stations, each once, the city\'s centre (no township) left out', () => {
    const stations = [
      { township_id: 0, township_name: '' },
      { township_id: null, township_name: null },
      { township_id: 12, township_name: '马涧镇' },
      { township_id: 12, township_name: '马涧镇' },
      { township_id: 7, township_name: '游埠镇' },
    ]
    expect(townshipsOf(stations)).toEqual([{ id: 12, name: '马涧镇' }, { id: 7, name: '游埠镇' }])
  })

  it('reads a log\'s photos as the server lists them or as sent', () => {
    expect(photoIdsOf({ photos: [{ id: 5, url: '/api/v1/photos/5' }, { id: 9 }] })).toEqual([5, 9])
    expect(photoIdsOf({ photo_ids: [3] })).toEqual([3])
    expect(photoIdsOf({})).toEqual([])
  })

  it('keeps the bookings made on this device, newest first, one entry a reference, and forgets one on request', () => {
    keptBookings.add({ ref: 'FW20261204001', token: 'a', village_name: '马坞村', preferred_on: '2026-12-08', at: 1 })
    keptBookings.add({ ref: 'FW20261204002', token: 'b', village_name: '马坞村', preferred_on: '2026-12-18', at: 2 })
    keptBookings.add({ ref: 'FW20261204001', token: 'c', village_name: '马坞村', preferred_on: '2026-12-08', at: 3 })
    expect(keptBookings.all().map((b) => b.ref)).toEqual(['FW20261204001', 'FW20261204002'])
    expect(keptBookings.tokenOf('FW20261204001')).toBe('c')
    expect(keptBookings.tokenOf('FW20991231001')).toBeNull()
    keptBookings.remove('FW20261204001')
    expect(keptBookings.all().map((b) => b.ref)).toEqual(['FW20261204002'])
    for (let i = 0; i < KEPT_BOOKINGS + 5; i++) keptBookings.add({ ref: `FW${i}`, token: 't', village_name: '', preferred_on: '', at: i })
    expect(keptBookings.all()).toHaveLength(KEPT_BOOKINGS)
    localStorage.setItem('pufa.serviceBookings', 'not json')
    expect(keptBookings.all()).toEqual([])
  })

  it('offers a station\'s working days from today to 60 days on', () => {
    // 2026-12-04 is a Friday
    expect(stationDayOpen('2026-12-04', '2026-12-04')).toBe(true)
    expect(stationDayOpen('2026-12-03', '2026-12-04')).toBe(false)
    expect(stationDayOpen('2026-12-05', '2026-12-04')).toBe(false)
    expect(stationDayOpen('2026-12-06', '2026-12-04')).toBe(false)
    expect(stationDayOpen('2026-12-07', '2026-12-04')).toBe(true)
    expect(stationDayOpen('2027-02-02', '2026-12-04')).toBe(true) // 60 days on, a Tuesday
    expect(stationDayOpen('2027-02-03', '2026-12-04')).toBe(false)
  })

  it('knows a refused code by its code or its field', () => {
    expect(isCodeInvalid(new ApiError(422, 'code_invalid', '验证码不正确'))).toBe(true)
    expect(isCodeInvalid(new ApiError(400, 'validation_failed', '请填写签到码', 'code'))).toBe(true)
    expect(isCodeInvalid(new ApiError(409, 'wrong_state', '该服务日已核实'))).toBe(false)
    expect(isCodeInvalid(new Error('x'))).toBe(false)
  })
})
