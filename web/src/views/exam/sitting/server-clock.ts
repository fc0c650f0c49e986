/**
 * The time left of an attempt, by the SERVER's clock: the page learns how far the client clock is from
 * the server's (server_now when the paper arrived, less half the round trip) and counts down to the
 * server's deadline with that offset, so a client clock set wrong changes nothing.
 */
import { computed, onScopeDispose, ref } from 'vue'

const TICK_MS = 250

export function useServerClock() {
  /** server time − client time, in ms */
  const offset = ref(0)
  const deadline = ref<number | null>(null)
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  let onExpire: (() => void) | null = null
  let expired = false

  /** serverNow: the server's clock when it answered; sentAt/receivedAt: the client's, around the request. */
  function sync(serverNow: string | undefined, deadlineIso: string, sentAt: number, receivedAt: number) {
    const server = serverNow ? Date.parse(serverNow) : NaN
    offset.value = Number.isNaN(server) ? 0 : server - (sentAt + receivedAt) / 2
    deadline.value = Date.parse(deadlineIso)
    expired = false
  }

  const serverNow = () => Date.now() + offset.value
  const remainingMs = computed(() => (deadline.value === null ? null : Math.max(0, deadline.value - (now.value + offset.value))))

  function start(expire: () => void) {
    onExpire = expire
    stop()
    timer = setInterval(tick, TICK_MS)
    tick()
  }

  function tick() {
    now.value = Date.now()
    if (!expired && remainingMs.value === 0) {
      expired = true
      onExpire?.()
    }
  }

  function stop() {
    if (timer) clearInterval(timer)
    timer = undefined
  }

  // the page's scope: stops with the page
  onScopeDispose(stop)
  return { offset, remainingMs, sync, start, stop, serverNow }
}

/** 1:05:09 or 05:09 */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`
}
