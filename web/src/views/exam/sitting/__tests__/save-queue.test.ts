import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useSaveQueue } from '../save-queue'

/** A send whose answers the test settles one by one, in the order they were asked. */
function controlledSend() {
  const calls: { qid: number; answer: string[]; resolve: () => void; reject: (e: unknown) => void }[] = []
  let inFlight = 0
  let maxInFlight = 0
  const send = vi.fn(
    (qid: number, answer: string[]) =>
      new Promise<void>((resolve, reject) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        const done = (f: () => void) => () => {
          inFlight--
          f()
        }
        calls.push({ qid, answer, resolve: done(resolve), reject: (e) => done(() => reject(e))() })
      }),
  )
  return { send, calls, maxInFlight: () => maxInFlight }
}

const offline = () => new ApiError(0, 'network_error', '无法连接到服务器')
const flush = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('save queue: order', () => {
  it('sends one answer at a time, in the order they were given', async () => {
    const s = controlledSend()
    const q = useSaveQueue({ send: s.send, onClosed: vi.fn() })
    q.put(1, ['A'])
    q.put(2, ['B'])
    q.put(3, ['C'])
    expect(s.calls.map((c) => c.qid)).toEqual([1])
    for (let i = 0; i < 3; i++) {
      s.calls[i].resolve()
      await flush()
    }
    expect(s.calls.map((c) => c.qid)).toEqual([1, 2, 3])
    expect(s.maxInFlight()).toBe(1)
    expect({ ...q.state }).toEqual({ 1: 'saved', 2: 'saved', 3: 'saved' })
  })

  it('sends only the latest answer of a question changed while the line waits', async () => {
    const s = controlledSend()
    const q = useSaveQueue({ send: s.send, onClosed: vi.fn() })
    q.put(1, ['A'])
    q.put(2, ['A'])
    q.put(2, ['B'])
    q.put(2, ['C'])
    s.calls[0].resolve()
    await flush()
    s.calls[1].resolve()
    await flush()
    expect(s.calls.map((c) => [c.qid, c.answer])).toEqual([
      [1, ['A']],
      [2, ['C']],
    ])
  })

  it('sends a question again when it changed while its answer was on the way, and is saved only then', async () => {
    const s = controlledSend()
    const q = useSaveQueue({ send: s.send, onClosed: vi.fn() })
    q.put(1, ['A'])
    q.put(1, ['B'])
    s.calls[0].resolve()
    await flush()
    expect(q.state[1]).toBe('saving')
    s.calls[1].resolve()
    await flush()
    expect(s.calls.map((c) => c.answer)).toEqual([['A'], ['B']])
    expect(q.state[1]).toBe('saved')
  })

  it('idle() waits until the line is empty', async () => {
    const s = controlledSend()
    const q = useSaveQueue({ send: s.send, onClosed: vi.fn() })
    q.put(1, ['A'])
    let idle = false
    q.idle().then(() => (idle = true))
    await flush()
    expect(idle).toBe(false)
    s.calls[0].resolve()
    await flush()
    expect(idle).toBe(true)
  })

  it('starts from the answers the server already has', () => {
    const q = useSaveQueue({ send: vi.fn(), onClosed: vi.fn() })
    q.seed({ 7: ['A'], 8: ['B', 'C'] })
    expect({ ...q.state }).toEqual({ 7: 'saved', 8: 'saved' })
    expect(q.pending()).toBe(0)
  })
})

describe('save queue: retry', () => {
  it('marks a failed save and tries it again after the back-off', async () => {
    const s = controlledSend()
    const q = useSaveQueue({ send: s.send, onClosed: vi.fn(), retryMs: 1000 })
    q.put(1, ['A'])
    s.calls[0].reject(offline())
    await flush()
    expect(q.state[1]).toBe('failed')
    expect(q.errors[1]).toBe('无法连接到服务器')
    expect(q.failedIds()).toEqual([1])
    await vi.advanceTimersByTimeAsync(999)
    expect(s.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(s.calls).toHaveLength(2)
    expect(q.state[1]).toBe('saving')
    s.calls[1].resolve()
    await flush()
    expect(q.state[1]).toBe('saved')
    expect(q.errors[1]).toBeUndefined()
  })

  it('doubles the back-off while it keeps failing (offline), up to 30 s, and saves once back online', async () => {
    const s = controlledSend()
    const q = useSaveQueue({ send: s.send, onClosed: vi.fn(), retryMs: 1000 })
    q.put(1, ['A'])
    q.put(2, ['B'])
    // offline: every request fails on the way
    s.calls[0].reject(offline())
    await flush()
    s.calls[1].reject(offline())
    await flush()
    expect(q.failedIds()).toEqual([1, 2])
    const retriesAt: number[] = []
    let clock = 0
    for (const wait of [1000, 2000, 4000]) {
      await vi.advanceTimersByTimeAsync(wait - 1)
      const before = s.calls.length
      await vi.advanceTimersByTimeAsync(1)
      clock += wait
      expect(s.calls.length).toBe(before + 1)
      retriesAt.push(clock)
      // still offline: this try fails, and so does the other answer it lined up
      s.calls.at(-1)!.reject(offline())
      await flush()
      s.calls.at(-1)!.reject(offline())
      await flush()
    }
    expect(retriesAt).toEqual([1000, 3000, 7000])
    // back online
    await vi.advanceTimersByTimeAsync(8000)
    s.calls.at(-1)!.resolve()
    await flush()
    s.calls.at(-1)!.resolve()
    await flush()
    expect({ ...q.state }).toEqual({ 1: 'saved', 2: 'saved' })
  })

  it('does not retry by itself an answer the server refused, but 重试 sends it again', async () => {
    const s = controlledSend()
    const q = useSaveQueue({ send: s.send, onClosed: vi.fn(), retryMs: 1000 })
    q.put(1, ['Z'])
    s.calls[0].reject(new ApiError(400, 'validation_failed', '答案无效'))
    await flush()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(s.calls).toHaveLength(1)
    expect(q.state[1]).toBe('failed')
    q.retry(1)
    expect(s.calls).toHaveLength(2)
    expect(s.calls[1].answer).toEqual(['Z'])
  })

  it('retries 429 and 408 like a lost answer', async () => {
    const s = controlledSend()
    const q = useSaveQueue({ send: s.send, onClosed: vi.fn(), retryMs: 500 })
    q.put(1, ['A'])
    s.calls[0].reject(new ApiError(429, 'rate_limited', '操作过于频繁'))
    await flush()
    await vi.advanceTimersByTimeAsync(500)
    expect(s.calls).toHaveLength(2)
  })

  it('stops at 409 attempt_closed: the sitting is over, nothing more is sent', async () => {
    const s = controlledSend()
    const onClosed = vi.fn()
    const q = useSaveQueue({ send: s.send, onClosed })
    q.put(1, ['A'])
    q.put(2, ['B'])
    const closed = new ApiError(409, 'attempt_closed', '答卷已结束')
    s.calls[0].reject(closed)
    await flush()
    expect(onClosed).toHaveBeenCalledWith(closed)
    expect(s.calls).toHaveLength(1)
    q.put(3, ['C'])
    await flush()
    expect(s.calls).toHaveLength(1)
    expect(q.state[1]).toBe('failed')
  })
})
