import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { enqueue, flush, merge, readQueue } from '../queue'

function memory() {
  const data = new Map<string, string>()
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

const body = (score: number) => ({ score, note: '' })

describe('the inspector queue', () => {
  it('keeps one entry per leaf, the newest', () => {
    const q = merge(merge([], { item: 1, body: body(3), at: 1 }), { item: 1, body: body(2), at: 2 })
    expect(q).toEqual([{ item: 1, body: body(2), at: 2 }])
  })

  it('sends what waits and keeps the rest when the network fails again', async () => {
    const store = memory()
    enqueue(store, 'k', { item: 1, body: body(3), at: 1 })
    enqueue(store, 'k', { item: 2, body: body(4), at: 2 })
    let calls = 0
    const out = await flush(store, 'k', async () => {
      if (++calls === 2) throw new ApiError(0, 'network_error', '无法连接到服务器')
    })
    expect(out.sent).toBe(1)
    expect(out.left).toBe(1)
    expect(readQueue(store, 'k').map((p) => p.item)).toEqual([2])
  })

  it('drops a save the server refused, with its error', async () => {
    const store = memory()
    enqueue(store, 'k', { item: 1, body: body(30), at: 1 })
    const out = await flush(store, 'k', async () => {
      throw new ApiError(422, 'score_out_of_range', '得分超出该项分值范围')
    })
    expect(out.refused.map((r) => r.item)).toEqual([1])
    expect(readQueue(store, 'k')).toEqual([])
  })
})
