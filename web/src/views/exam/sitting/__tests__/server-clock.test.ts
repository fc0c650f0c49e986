import { effectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { formatRemaining, useServerClock } from '../server-clock'

const SERVER_NOW = Date.parse('2026-05-10T02:00:00Z')
const DEADLINE = '2026-05-10T03:00:00Z'
const HOUR = 3_600_000

/** The clock inside a scope, as a page has it; the scope is stopped after each test. */
function clockIn() {
  const scope = effectScope()
  const clock = scope.run(() => useServerClock())!
  scopes.push(scope)
  return clock
}
const scopes: ReturnType<typeof effectScope>[] = []

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  scopes.splice(0).forEach((s) => s.stop())
  vi.useRealTimers()
})

describe('server clock', () => {
  it('counts down to the deadline by the server clock when the client clock is an hour fast', () => {
    // the client believes it is 03:00; the server said 02:00 (the request took 200 ms)
    vi.setSystemTime(SERVER_NOW + HOUR)
    const sent = Date.now() - 200
    const clock = clockIn()
    clock.sync(new Date(SERVER_NOW - 100).toISOString(), DEADLINE, sent, Date.now())
    clock.start(vi.fn())
    expect(clock.offset.value).toBe(-HOUR)
    expect(clock.remainingMs.value).toBe(HOUR)
    expect(clock.serverNow()).toBe(SERVER_NOW)
  })

  it('takes half the round trip as the time the answer was on its way', () => {
    vi.setSystemTime(SERVER_NOW)
    const clock = clockIn()
    // sent at −400 ms, received now: the server's time was stamped at −200 ms
    clock.sync(new Date(SERVER_NOW - 200 + 5_000).toISOString(), DEADLINE, SERVER_NOW - 400, SERVER_NOW)
    expect(clock.offset.value).toBe(5_000)
  })

  it('trusts the client clock when the server sent no time', () => {
    vi.setSystemTime(SERVER_NOW)
    const clock = clockIn()
    clock.sync(undefined, DEADLINE, SERVER_NOW, SERVER_NOW)
    clock.start(vi.fn())
    expect(clock.offset.value).toBe(0)
    expect(clock.remainingMs.value).toBe(HOUR)
  })

  it('expires once at the deadline, and never below zero', async () => {
    vi.setSystemTime(SERVER_NOW)
    const clock = clockIn()
    clock.sync(new Date(SERVER_NOW).toISOString(), new Date(SERVER_NOW + 2_000).toISOString(), SERVER_NOW, SERVER_NOW)
    const expire = vi.fn()
    clock.start(expire)
    await vi.advanceTimersByTimeAsync(1_750)
    expect(expire).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(250)
    expect(expire).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(expire).toHaveBeenCalledTimes(1)
    expect(clock.remainingMs.value).toBe(0)
  })

  it('stops ticking when its scope ends (the page is left)', async () => {
    vi.setSystemTime(SERVER_NOW)
    const scope = effectScope()
    const clock = scope.run(() => useServerClock())!
    clock.sync(new Date(SERVER_NOW).toISOString(), new Date(SERVER_NOW + 1_000).toISOString(), SERVER_NOW, SERVER_NOW)
    const expire = vi.fn()
    clock.start(expire)
    scope.stop()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(expire).not.toHaveBeenCalled()
  })
})

describe('formatRemaining', () => {
  it('shows hours only when there are some, and rounds up to the second', () => {
    expect(formatRemaining(HOUR + 5 * 60_000 + 9_000)).toBe('1:05:09')
    expect(formatRemaining(5 * 60_000 + 9_000)).toBe('05:09')
    expect(formatRemaining(8_001)).toBe('00:09')
    expect(formatRemaining(0)).toBe('00:00')
  })
})
