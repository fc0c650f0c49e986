import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/locales'
import { choiceLabel, useChoicesStore } from '../choices'

const LISTS = {
  lists: {
    unit_type: [
      { code: 'department', label: '机关部门' },
      { code: 'school', label: '学校' },
    ],
    // a code the locale does not know yet
    review_status: [
      { code: 'submitted', label: '已提交' },
      { code: 'archived', label: '已归档' },
    ],
  },
}

function serve(body: unknown, status = 200) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'zh-CN'
})
afterEach(() => {
  vi.unstubAllGlobals()
  i18n.global.locale.value = 'zh-CN'
})

describe('choiceLabel', () => {
  it('labels a code from the locale, in the reader’s language', () => {
    expect(choiceLabel('person_tag', 'legal_advisor')).toBe('法律顾问')
    i18n.global.locale.value = 'en'
    expect(choiceLabel('person_tag', 'legal_advisor')).toBe('Legal advisor')
    expect(choiceLabel('review_status', 'returned')).toBe('Returned')
  })

  it('falls back to the server’s label, then to the code, for a code the locale lacks', () => {
    expect(choiceLabel('review_status', 'archived', '已归档')).toBe('已归档')
    i18n.global.locale.value = 'en'
    expect(choiceLabel('review_status', 'archived', '已归档')).toBe('已归档')
    expect(choiceLabel('review_status', 'archived')).toBe('archived')
  })
})

describe('useChoicesStore', () => {
  it('asks GET /choices once, however many fields want it', async () => {
    const fetch = serve(LISTS)
    const store = useChoicesStore()
    await Promise.all([store.load(), store.load(), store.load()])
    await store.load()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(String(fetch.mock.calls[0]).startsWith('/api/v1/choices')).toBe(true)
  })

  it('offers a list in the server’s order, labelled by the locale', async () => {
    serve(LISTS)
    const store = useChoicesStore()
    await store.load()
    i18n.global.locale.value = 'en'
    expect(store.options('unit_type')).toEqual([
      { value: 'department', label: 'Government department' },
      { value: 'school', label: 'School' },
    ])
    expect(store.options('review_status')[1]).toEqual({ value: 'archived', label: '已归档' })
    expect(store.options('gender')).toEqual([])
  })

  it('labels a stored code, with the server’s label when the locale has none', async () => {
    serve(LISTS)
    const store = useChoicesStore()
    // before the lists come, the locale already labels what it knows
    expect(store.label('unit_type', 'school')).toBe('学校')
    await store.load()
    expect(store.label('review_status', 'archived')).toBe('已归档')
    expect(store.label('review_status', 'lost')).toBe('lost')
  })

  it('may load again after a failure', async () => {
    serve({ error: { code: 'unavailable', message: '服务繁忙，请稍后再试' } }, 503)
    const store = useChoicesStore()
    await expect(store.load()).rejects.toMatchObject({ status: 503 })
    const fetch = serve(LISTS)
    await store.load()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(store.options('unit_type')).toHaveLength(2)
  })
})
