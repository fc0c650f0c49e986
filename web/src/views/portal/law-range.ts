/**
 * The articles of one part of a law, for the reader. The API serves one article at a time
 * (docs/laws.md), so a part is fetched as the numbers first..last in parallel (a few at a
 * time), then each answer's `next` fills in what numbers alone miss (第十七条之一).
 */
import { ApiError } from '@/api/http'
import { articleKey, fetchLawArticle, type ArticleRef, type LawArticle } from '@/api/portal'

const PARALLEL = 6

const cmp = (a: ArticleRef, b: ArticleRef) => a.number - b.number || a.suffix - b.suffix

async function pooled<T, R>(inputs: T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(inputs.length)
  let next = 0
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++
      out[i] = await fn(inputs[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, inputs.length) }, worker))
  return out
}

export interface RangePage {
  items: LawArticle[]
  /** Where the next page starts, when the part has more than `limit` numbers. */
  more: ArticleRef | null
}

export async function loadRange(law: string, first: ArticleRef, last: ArticleRef | null, limit: number): Promise<RangePage> {
  const end = Math.min(last?.number ?? Number.MAX_SAFE_INTEGER, first.number + limit - 1)
  const inRange = (r: ArticleRef) => cmp(r, first) >= 0 && r.number <= end && (!last || cmp(r, last) <= 0)
  const got = new Map<string, LawArticle>()
  const asked = new Set<string>()
  let queue = [articleKey(first)]
  for (let n = first.number + 1; n <= end; n++) queue.push(String(n))
  while (queue.length) {
    queue.forEach((k) => asked.add(k))
    const answers = await pooled(queue, (key) =>
      fetchLawArticle(law, key).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null // a gap in the numbering, or past the end
        throw e
      }),
    )
    queue = []
    for (const a of answers) if (a) got.set(articleKey(a.article), a)
    for (const a of answers) {
      const key = a?.next ? articleKey(a.next) : ''
      if (a?.next && inRange(a.next) && !got.has(key) && !asked.has(key)) queue.push(key)
    }
  }
  const items = [...got.values()].sort((x, y) => cmp(x.article, y.article))
  const tail = items.at(-1)?.next ?? null
  const more = tail && (!last || cmp(tail, last) <= 0) ? tail : null
  return { items, more }
}
