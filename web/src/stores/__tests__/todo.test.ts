import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTodoStore } from '../todo'

function answer(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

describe('the to-do store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('puts each count on its menu entry and sums them on the group above', async () => {
    vi.stubGlobal('fetch', vi.fn(async () =>
      answer({
        items: [
          { code: 'activities.review', count: 3 },
          { code: 'activities.returned', count: 2 },
          { code: 'study_records.review', count: 4 },
          { code: 'articles.review', count: 1 },
          { code: 'mediation.cases', count: 7 },
        ],
        total: 17,
      }),
    ))
    const todo = useTodoStore()
    await todo.refresh()
    expect(todo.total).toBe(17)
    expect(todo.badgeOf('/admin/activity/activities')).toBe(5)
    expect(todo.badgeOf('/admin/activity/study')).toBe(4)
    expect(todo.badgeOf('/admin/activity', true)).toBe(9)
    expect(todo.badgeOf('/admin/content', true)).toBe(1)
    // the home entry is no group: it carries nothing of its own
    expect(todo.badgeOf('/admin')).toBe(0)
    // a code the web does not know has no menu entry, but counts in the total and stays in the list
    expect(todo.items.map((i) => i.code)).toContain('mediation.cases')
    expect(todo.badgeOf('/admin/exam', true)).toBe(0)
  })

  it('asks once at a time, and once more when asked meanwhile', async () => {
    let n = 0
    const fetch = vi.fn(async () => answer({ items: [{ code: 'exams.open', count: ++n }], total: n }))
    vi.stubGlobal('fetch', fetch)
    const todo = useTodoStore()
    await Promise.all([todo.refresh(), todo.refresh(), todo.refresh()])
    await vi.waitFor(() => expect(todo.items[0]?.count).toBe(2))
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})
