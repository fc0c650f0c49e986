/**
 * The inspector's saves, kept through a dropped connection: each leaf's latest score waits in localStorage
 * (one entry per round unit and leaf, a newer save replacing an older one) until the server has it. A save
 * the network refused stays queued and is sent again when the browser is back online or on the next try;
 * one the server refused (4xx) leaves the queue with its error, so it is not retried forever.
 */
import { ApiError } from '@/api/http'
import type { LeafSave } from '@/api/assess'

export interface Pending {
  item: number
  body: LeafSave
  at: number
}

export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
export type Send = (item: number, body: LeafSave) => Promise<unknown>

export const queueKey = (round: number, ru: number) => `pufa.assess.inspection.${round}.${ru}`

export function readQueue(store: Store, key: string): Pending[] {
  try {
    const parsed = JSON.parse(store.getItem(key) ?? '[]')
    return Array.isArray(parsed) ? parsed : []
  } catch {
    return []
  }
}

/** The queue with this save in it: a leaf appears once, with its newest body. */
export function merge(queue: Pending[], save: Pending): Pending[] {
  return [...queue.filter((p) => p.item !== save.item), save]
}

function write(store: Store, key: string, queue: Pending[]) {
  if (queue.length) store.setItem(key, JSON.stringify(queue))
  else store.removeItem(key)
}

export function enqueue(store: Store, key: string, save: Pending): Pending[] {
  const next = merge(readQueue(store, key), save)
  write(store, key, next)
  return next
}

export interface FlushOutcome {
  sent: number
  left: number
  refused: { item: number; error: ApiError }[]
  last?: unknown
}

/** Sends what waits, oldest first; stops at the first network failure (the rest stays for the next try). */
export async function flush(store: Store, key: string, send: Send): Promise<FlushOutcome> {
  const out: FlushOutcome = { sent: 0, left: 0, refused: [] }
  for (const p of readQueue(store, key)) {
    try {
      out.last = await send(p.item, p.body)
      out.sent++
      write(store, key, readQueue(store, key).filter((q) => !(q.item === p.item && q.at === p.at)))
    } catch (e) {
      if (e instanceof ApiError && e.status > 0) {
        out.refused.push({ item: p.item, error: e })
        write(store, key, readQueue(store, key).filter((q) => !(q.item === p.item && q.at === p.at)))
        continue
      }
      break
    }
  }
  out.left = readQueue(store, key).length
  return out
}
