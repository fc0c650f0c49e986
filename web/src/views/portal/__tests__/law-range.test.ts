import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { articleKey, fetchLawArticle, type ArticleRef, type LawArticle } from '@/api/portal'
import { loadRange } from '../law-range'

vi.mock('@/api/portal', async (original) => ({ ...(await original<typeof import('@/api/portal')>()), fetchLawArticle: vi.fn() }))

const ref = (number: number, suffix = 0): ArticleRef => ({ label: `第${number}条${suffix ? `之${suffix}` : ''}`, number, suffix })

/** A law whose articles are these refs in order; each answer names the next one, as the API does. */
function lawOf(refs: ArticleRef[], opts: { failOn?: string } = {}) {
  let inFlight = 0
  let maxInFlight = 0
  vi.mocked(fetchLawArticle).mockImplementation(async (_law, key) => {
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    await new Promise((r) => setTimeout(r, 1))
    inFlight--
    if (key === opts.failOn) throw new ApiError(503, 'unavailable', '服务繁忙')
    const i = refs.findIndex((r) => articleKey(r) === key)
    if (i < 0) throw new ApiError(404, 'not_found', '该条不存在')
    return {
      law: { id: 1, title: '民法典', short_title: '民法典', category: '法律' },
      version_date: '2020-05-28',
      article: { ...refs[i], text: '', paragraphs: [], path: [] },
      previous: refs[i - 1] ?? null,
      next: refs[i + 1] ?? null,
    } satisfies LawArticle
  })
  return { maxInFlight: () => maxInFlight }
}

const keysOf = (items: LawArticle[]) => items.map((a) => articleKey(a.article))

beforeEach(() => {
  vi.mocked(fetchLawArticle).mockReset()
})

describe('loadRange', () => {
  it('fetches the articles first..last of a part, in order', async () => {
    lawOf([1, 2, 3, 4, 5, 6].map((n) => ref(n)))
    const r = await loadRange('民法典', ref(2), ref(5), 50)
    expect(keysOf(r.items)).toEqual(['2', '3', '4', '5'])
    expect(r.more).toBeNull()
  })

  it('finds the articles numbers alone miss (第十七条之一) through `next`', async () => {
    lawOf([ref(16), ref(17), ref(17, 1), ref(17, 2), ref(18)])
    const r = await loadRange('刑法', ref(16), ref(18), 50)
    expect(keysOf(r.items)).toEqual(['16', '17', '17之一', '17之二', '18'])
  })

  it('passes over gaps in the numbering (404)', async () => {
    lawOf([ref(1), ref(2), ref(4), ref(5)])
    const r = await loadRange('x', ref(1), ref(5), 50)
    expect(keysOf(r.items)).toEqual(['1', '2', '4', '5'])
  })

  it('stops after `limit` numbers and says where the next page starts', async () => {
    lawOf([1, 2, 3, 4, 5, 6, 7, 8].map((n) => ref(n)))
    const r = await loadRange('x', ref(1), ref(8), 3)
    expect(keysOf(r.items)).toEqual(['1', '2', '3'])
    expect(r.more).toEqual(ref(4))
  })

  it('reads an open-ended part up to the end of the law', async () => {
    lawOf([1, 2, 3].map((n) => ref(n)))
    const r = await loadRange('x', ref(1), null, 10)
    expect(keysOf(r.items)).toEqual(['1', '2', '3'])
    expect(r.more).toBeNull()
  })

  it('asks a few at a time, never more than six at once', async () => {
    const law = lawOf(Array.from({ length: 40 }, (_, i) => ref(i + 1)))
    const r = await loadRange('x', ref(1), ref(40), 40)
    expect(r.items).toHaveLength(40)
    expect(law.maxInFlight()).toBeLessThanOrEqual(6)
    expect(law.maxInFlight()).toBeGreaterThan(1)
  })

  it('fails on any other error', async () => {
    lawOf([1, 2, 3].map((n) => ref(n)), { failOn: '2' })
    await expect(loadRange('x', ref(1), ref(3), 10)).rejects.toMatchObject({ status: 503 })
  })
})
