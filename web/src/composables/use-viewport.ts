/**
 * The window's width, shared by every component: phones (below 768 px, the breakpoint of the layout, the
 * portal and the sitting page) get full-screen forms and card lists; columns of a wide table may ask for
 * a wider screen than 1366 px.
 */
import { computed, readonly, ref } from 'vue'

export const PHONE_MAX = 768

const width = ref(typeof window === 'undefined' ? 1366 : window.innerWidth)
let listening = false

function listen() {
  if (listening || typeof window === 'undefined') return
  listening = true
  let frame = 0
  window.addEventListener('resize', () => {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => (width.value = window.innerWidth))
  })
}

const phone = computed(() => width.value < PHONE_MAX)

export function useViewport() {
  listen()
  return { width: readonly(width), phone }
}
