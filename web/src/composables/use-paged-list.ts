/**
 * A list page's search form, table and pager in one place (the one paging contract: `page` from 1 and
 * `page_size`): `query` is the search form's model; `search()` applies it from page 1 and `reset()` puts
 * the form's first values back; a new page or page size keeps the applied filters. An answer that comes
 * back after a newer request was sent is dropped.
 */
import { reactive, ref, shallowRef, toRaw } from 'vue'
import type { Page } from '@/api/types'

export const PAGE_SIZES = [10, 20, 50, 100]
export const DEFAULT_PAGE_SIZE = 20

export interface PageQuery {
  page: number
  page_size: number
  /** Present when the list sorts (`created_at`, `-id`). */
  sort?: string
}

export interface PagedListOptions<F> {
  /** The search form's first values (reset puts them back). */
  filters: () => F
  pageSize?: number
  /** The order before the user sorts a column (`-id`); absent: the list has no sorting. */
  sort?: string
}

export type Fetcher<T, F> = (query: F & PageQuery) => Promise<Page<T>>

/** el-table's sort-change event. */
export interface SortChange {
  prop: string | null
  order: string | null
}

export function usePagedList<T, F extends object>(fetcher: Fetcher<T, F>, opts: PagedListOptions<F>) {
  const query = reactive(opts.filters())
  /** The filters of the rows shown (the form may hold values not searched yet). */
  let applied = opts.filters()
  const page = reactive<PageQuery>({ page: 1, page_size: opts.pageSize ?? DEFAULT_PAGE_SIZE, sort: opts.sort })
  const rows = shallowRef<T[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let seq = 0

  /** The applied filters with the page, as sent (an export of the same rows leaves the page out). */
  function params(): F & PageQuery {
    const { sort, ...at } = page
    return { ...applied, ...at, ...(sort ? { sort } : {}) }
  }

  /** Fetches the current page with the applied filters. */
  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const r = await fetcher(params())
      if (mine !== seq) return
      rows.value = r.items
      total.value = r.total
    } catch (e) {
      if (mine === seq) error.value = e
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** 查询: the form's values apply, from page 1. */
  function search(): Promise<void> {
    // Values as they are (a date range stays two Dates), without Vue's proxies.
    applied = structuredClone(toRaw(query) as F)
    page.page = 1
    return load()
  }

  /** 重置: the first values (with `values` over them) and the first order, then search. */
  function reset(values: Partial<F> = {}): Promise<void> {
    Object.assign(query, opts.filters(), values)
    page.sort = opts.sort
    return search()
  }

  /** A column header was clicked: sort by it (`-prop` descending), or back to the first order. */
  function sortBy({ prop, order }: SortChange): Promise<void> {
    page.sort = prop && order ? `${order === 'descending' ? '-' : ''}${prop}` : opts.sort
    return search()
  }

  /** After deleting a row: the page before when it was the last row of its page. */
  function afterDelete(): Promise<void> {
    if (rows.value.length === 1 && page.page > 1) page.page--
    return load()
  }

  return reactive({ query, page, rows, total, loading, error, params, load, search, reset, sortBy, afterDelete })
}

/** What the pager needs of a list. */
export interface PagerSource {
  page: PageQuery
  total: number
  load: () => Promise<void>
  search: () => Promise<void>
}

/** One page of a list fetched whole (banks, exams), cut here as the server would. */
export function pageOf<T>(items: T[], q: PageQuery): Page<T> {
  const from = (q.page - 1) * q.page_size
  return { items: items.slice(from, from + q.page_size), total: items.length }
}
