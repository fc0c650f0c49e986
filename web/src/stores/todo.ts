/**
 * The to-do centre's counts (GET /todo), refreshed on every navigation of the staff app and after an action
 * that changes them (approve, return, publish). The home page's 待办 card and the sidebar's badges read them.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { fetchTodo, type TodoItem } from '@/api/todo'
import { menuPathOf } from '@/components/todo/todo-links'

export const useTodoStore = defineStore('todo', () => {
  const items = ref<TodoItem[]>([])
  const loaded = ref(false)
  const error = ref<unknown>(null)
  let inFlight: Promise<void> | null = null
  let again = false

  /** One request at a time; a refresh asked for meanwhile runs once after it (the latest counts win). */
  function refresh(): Promise<void> {
    if (inFlight) {
      again = true
      return inFlight
    }
    inFlight = (async () => {
      try {
        const r = await fetchTodo()
        items.value = r.items.filter((i) => i.count > 0)
        error.value = null
      } catch (e) {
        error.value = e
      } finally {
        loaded.value = true
        inFlight = null
      }
      if (again) {
        again = false
        await refresh()
      }
    })()
    return inFlight
  }

  function clear() {
    items.value = []
    loaded.value = false
    error.value = null
  }

  const total = computed(() => items.value.reduce((s, i) => s + i.count, 0))

  /** What waits behind each menu entry: its own codes' counts; a parent entry sums those under it. */
  const byMenu = computed(() => {
    const out: Record<string, number> = {}
    for (const i of items.value) {
      const path = menuPathOf(i.code)
      if (path) out[path] = (out[path] ?? 0) + i.count
    }
    return out
  })
  /** An entry's own count; a group's (`group`) is the sum of the entries under it. */
  const badgeOf = (path: string, group = false) =>
    Object.entries(byMenu.value).reduce((s, [p, n]) => (p === path || (group && p.startsWith(`${path}/`)) ? s + n : s), 0)

  return { items, loaded, error, total, refresh, clear, badgeOf }
})
