/**
 * Autosave of an attempt's answers: one request at a time, in the order the answers were given, so a
 * slow network can never let an older answer overwrite a newer one. Each question keeps only its
 * latest answer: a question changed three times while the line waits is sent once, with the last value.
 * A failed save stays marked 保存失败 and is tried again (by the user, or after a back-off).
 */
import { reactive } from 'vue'
import { ApiError } from '@/api/http'

export type SaveState = 'saving' | 'saved' | 'failed'

export interface SaveQueueOptions {
  send: (questionId: number, answer: string[]) => Promise<unknown>
  /** The attempt is over on the server (409 attempt_closed): nothing more can be saved. */
  onClosed: (err: ApiError) => void
  /** Back-off before a failed save is tried again on its own (ms); doubles up to 30 s. */
  retryMs?: number
}

const MAX_RETRY_MS = 30_000

/** Errors that sending again will not fix (the answer is refused, not lost on the way). */
const permanent = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429

export function useSaveQueue(opts: SaveQueueOptions) {
  const state = reactive<Record<number, SaveState>>({})
  const errors = reactive<Record<number, string>>({})
  const latest = new Map<number, string[]>()
  const line: number[] = []
  let running = false
  let closed = false
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let backoff = opts.retryMs ?? 3000
  const idleWaiters: (() => void)[] = []

  function put(questionId: number, answer: string[]) {
    if (closed) return
    latest.set(questionId, [...answer])
    state[questionId] = 'saving'
    delete errors[questionId]
    if (!line.includes(questionId)) line.push(questionId)
    void pump()
  }

  async function pump() {
    if (running) return
    running = true
    try {
      while (line.length && !closed) {
        // out of the line before sending: an answer changed while this one travels goes back in
        const qid = line.shift()!
        const answer = latest.get(qid) ?? []
        try {
          await opts.send(qid, answer)
          if (!line.includes(qid)) state[qid] = 'saved'
          backoff = opts.retryMs ?? 3000
        } catch (e) {
          if (e instanceof ApiError && e.code === 'attempt_closed') {
            closed = true
            state[qid] = 'failed'
            opts.onClosed(e)
            break
          }
          if (!line.includes(qid)) {
            state[qid] = 'failed'
            errors[qid] = e instanceof Error ? e.message : String(e)
          }
          if (!permanent(e)) scheduleRetry()
        }
      }
    } finally {
      running = false
      if (!line.length) idleWaiters.splice(0).forEach((f) => f())
    }
  }

  function scheduleRetry() {
    if (retryTimer || closed) return
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      backoff = Math.min(backoff * 2, MAX_RETRY_MS)
      retryFailed()
    }, backoff)
  }

  /** Puts every failed answer back in the line (the 重试 button, the back-off, and before submitting). */
  function retryFailed() {
    for (const [qid, s] of Object.entries(state)) {
      if (s === 'failed') put(Number(qid), latest.get(Number(qid)) ?? [])
    }
  }

  function retry(questionId: number) {
    if (state[questionId] === 'failed') put(questionId, latest.get(questionId) ?? [])
  }

  /** Resolves once the line is empty (every answer saved or failed). */
  function idle(): Promise<void> {
    if (!line.length && !running) return Promise.resolve()
    return new Promise((resolve) => idleWaiters.push(resolve))
  }

  const failedIds = () => Object.keys(state).filter((k) => state[Number(k)] === 'failed').map(Number)

  function stop() {
    closed = true
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = undefined
    idleWaiters.splice(0).forEach((f) => f())
  }

  /** Answers already stored on the server when the attempt was opened. */
  function seed(saved: Record<string, string[]>) {
    for (const [qid, a] of Object.entries(saved)) {
      latest.set(Number(qid), a)
      state[Number(qid)] = 'saved'
    }
  }

  return { state, errors, put, retry, retryFailed, idle, failedIds, stop, seed, pending: () => line.length }
}
