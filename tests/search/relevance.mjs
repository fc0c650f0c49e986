// Relevance of GET /api/v1/search over the shared law texts: each query in queries.tsv names the
// article(s) a resident or civil servant is looking for; recall@1 and recall@10 are reported.
// Used by tests/api/search.test.mjs; also runnable on its own against a server that has
// imported ../shared/data/laws:   node tests/search/relevance.mjs http://127.0.0.1:8080
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const QUERIES_FILE = fileURLToPath(new URL('./queries.tsv', import.meta.url))

/** @returns {{query: string, expected: {law: string, label: string}[]}[]} */
export function loadQueries(file = QUERIES_FILE) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [query, expected] = line.split('\t')
      return {
        query,
        expected: expected.split('|').map((item) => {
          const [law, label] = item.trim().split(/\s+/)
          return { law, label }
        }),
      }
    })
}

const shortTitle = (title) => (title.startsWith('中华人民共和国') && title.length > 7 ? title.slice(7) : title)

/** The 1-based rank of the first expected article among the hits, or 0. */
export function rankOf(items, expected) {
  const index = items.findIndex((item) =>
    expected.some((e) => item.kind === 'law' && shortTitle(item.title) === e.law && item.heading === e.label))
  return index + 1
}

/**
 * @param {(query: string) => Promise<object[]>} search returns the top 10 items for a query
 */
export async function measure(search, queries = loadQueries()) {
  const rows = []
  for (const { query, expected } of queries) {
    const items = await search(query)
    rows.push({ query, rank: rankOf(items, expected), expected, top: items[0] && `${shortTitle(items[0].title)} ${items[0].heading}` })
  }
  const count = (predicate) => rows.filter(predicate).length
  return {
    queries: rows.length,
    recall1: count((r) => r.rank === 1) / rows.length,
    recall10: count((r) => r.rank >= 1 && r.rank <= 10) / rows.length,
    rows,
  }
}

export function httpSearch(baseUrl) {
  return async (query) => {
    const res = await fetch(`${baseUrl}/api/v1/search?q=${encodeURIComponent(query)}&kind=law&size=10`)
    if (!res.ok) throw new Error(`search ${query}: ${res.status} ${await res.text()}`)
    return (await res.json()).items
  }
}

export function report(result) {
  const lines = [`${result.queries} queries: recall@1 ${result.recall1.toFixed(3)}, recall@10 ${result.recall10.toFixed(3)}`]
  for (const row of result.rows) {
    if (row.rank !== 1) lines.push(`  ${row.rank === 0 ? 'miss' : `#${row.rank}`}  ${row.query}  (want ${row.expected.map((e) => `${e.law} ${e.label}`).join(' | ')}; top: ${row.top ?? '-'})`)
  }
  return lines.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const base = process.argv[2] || 'http://127.0.0.1:8080'
  const result = await measure(httpSearch(base))
  console.log(report(result))
}
