import { describe, expect, it, vi } from 'vitest'
import type { Page } from '@/api/types'
import { pageOf, usePagedList, type PageQuery } from '../use-paged-list'

interface Filters {
  q: string
  status: string
  range: [Date, Date] | null
}
const filters = (): Filters => ({ q: '', status: '', range: null })
const page = <T>(items: T[], total = items.length): Page<T> => ({ items, total })
const flush = () => new Promise((r) => setTimeout(r, 0))

describe('usePagedList', () => {
  it('loads the first page with the form’s first values', async () => {
    const fetcher = vi.fn(async (_q: Filters & PageQuery) => page(['a', 'b'], 42))
    const list = usePagedList(fetcher, { filters })
    await list.load()
    expect(fetcher).toHaveBeenCalledWith({ q: '', status: '', range: null, page: 1, page_size: 20 })
    expect(list.rows).toEqual(['a', 'b'])
    expect(list.total).toBe(42)
    expect(list.loading).toBe(false)
    expect(list.error).toBeNull()
  })

  it('applies the form on search, from page 1; a new page keeps what was searched', async () => {
    const fetcher = vi.fn(async (_q: Filters & PageQuery) => page<string>([], 100))
    const list = usePagedList(fetcher, { filters, pageSize: 10 })
    list.query.q = '宪法'
    list.page.page = 3
    await list.search()
    expect(fetcher).toHaveBeenLastCalledWith(expect.objectContaining({ q: '宪法', page: 1, page_size: 10 }))
    // typed but not searched: paging shows more of the rows searched for
    list.query.q = '民法典'
    list.page.page = 2
    await list.load()
    expect(fetcher).toHaveBeenLastCalledWith(expect.objectContaining({ q: '宪法', page: 2 }))
  })

  it('keeps values as they are (a date range stays Dates)', async () => {
    const fetcher = vi.fn(async (_q: Filters & PageQuery) => page<string>([]))
    const list = usePagedList(fetcher, { filters })
    const range: [Date, Date] = [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T00:00:00Z')]
    list.query.range = range
    await list.search()
    const sent = fetcher.mock.calls.at(-1)![0]
    expect(sent.range?.[0]).toBeInstanceOf(Date)
    expect(sent.range?.[1].toISOString()).toBe('2026-01-31T00:00:00.000Z')
  })

  it('resets the form, the order and the page', async () => {
    const fetcher = vi.fn(async (_q: Filters & PageQuery) => page<string>([]))
    const list = usePagedList(fetcher, { filters, sort: '-id' })
    list.query.q = 'x'
    list.query.status = 'returned'
    await list.sortBy({ prop: 'name', order: 'ascending' })
    list.page.page = 4
    await list.reset()
    expect({ ...list.query }).toEqual(filters())
    expect(fetcher).toHaveBeenLastCalledWith({ q: '', status: '', range: null, page: 1, page_size: 20, sort: '-id' })
    await list.reset({ status: 'returned' })
    expect(fetcher).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'returned' }))
  })

  it('sorts by a column (descending with a minus), and back to the first order', async () => {
    const fetcher = vi.fn(async (_q: Filters & PageQuery) => page<string>([]))
    const list = usePagedList(fetcher, { filters, sort: '-created_at' })
    await list.sortBy({ prop: 'name', order: 'descending' })
    expect(fetcher.mock.calls.at(-1)![0].sort).toBe('-name')
    await list.sortBy({ prop: 'name', order: 'ascending' })
    expect(fetcher.mock.calls.at(-1)![0].sort).toBe('name')
    await list.sortBy({ prop: null, order: null })
    expect(fetcher.mock.calls.at(-1)![0].sort).toBe('-created_at')
  })

  it('sends no sort for a list that has none', async () => {
    const fetcher = vi.fn(async (_q: Filters & PageQuery) => page<string>([]))
    await usePagedList(fetcher, { filters }).load()
    expect(fetcher.mock.calls[0][0]).not.toHaveProperty('sort')
  })

  it('drops an answer that comes after a newer request was sent', async () => {
    const answers: ((p: Page<string>) => void)[] = []
    const list = usePagedList(() => new Promise<Page<string>>((r) => answers.push(r)), { filters })
    const first = list.load()
    const second = list.search()
    answers[1](page(['new']))
    await second
    answers[0](page(['old']))
    await first
    expect(list.rows).toEqual(['new'])
    expect(list.loading).toBe(false)
  })

  it('keeps the error and stops loading when the fetch fails', async () => {
    const failure = new Error('offline')
    const list = usePagedList(async () => Promise.reject(failure), { filters })
    await list.load()
    expect(list.error).toBe(failure)
    expect(list.loading).toBe(false)
  })

  it('goes back a page after deleting the last row of the last page', async () => {
    const fetcher = vi.fn(async (q: Filters & PageQuery) => page(q.page === 3 ? ['only'] : ['a', 'b'], 41))
    const list = usePagedList(fetcher, { filters })
    list.page.page = 3
    await list.load()
    await list.afterDelete()
    expect(fetcher.mock.calls.at(-1)![0].page).toBe(2)
    await list.afterDelete()
    await flush()
    expect(fetcher.mock.calls.at(-1)![0].page).toBe(2)
  })
})

describe('pageOf', () => {
  it('cuts one page out of a list fetched whole', () => {
    const all = Array.from({ length: 45 }, (_, i) => i)
    expect(pageOf(all, { page: 1, page_size: 20 })).toEqual({ items: all.slice(0, 20), total: 45 })
    expect(pageOf(all, { page: 3, page_size: 20 })).toEqual({ items: [40, 41, 42, 43, 44], total: 45 })
    expect(pageOf(all, { page: 4, page_size: 20 }).items).toEqual([])
  })
})
