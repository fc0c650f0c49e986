// GET /api/v1/search: a small law library written here (so it runs anywhere), then — when the
// shared statutes are present beside the repo — the relevance list in tests/search/queries.tsv.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { assertError, startServer } from './harness.mjs'
import { httpSearch, measure, report } from '../search/relevance.mjs'

const LAWS_DIR = process.env.PUFA_LAWS_DIR || fileURLToPath(new URL('../../../shared/data/laws', import.meta.url))
const enc = encodeURIComponent

function importLaws(dbUrl, dir) {
  return new Promise((resolve) => {
    execFile(process.env.PUFA_BIN, ['import', 'laws', dir, '--db', dbUrl], { maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }))
  })
}

function lawText(title, articles) {
  const body = articles.map((text, i) => `第${'一二三四五六七八九十'[i]}条 ${text}`).join('\n\n')
  return `# ${title}\n\n2020年1月1日 测试会议通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n${body}\n`
}

const LABOUR = [
  '为了保护劳动者的合法权益，制定本法。',
  '用人单位与劳动者约定试用期的，试用期的工资不得低于约定工资的百分之八十。',
  '本法所称试用期，是指用人单位与劳动者约定的相互考察的期间。',
  '在试用期中，用人单位不得随意解除劳动合同。',
  '违反试用期规定的，由劳动行政部门责令改正。标注<b>加粗</b>与 a & b 的文字。',
]
const MARRIAGE = [
  '婚姻自由受法律保护。',
  '自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以撤回离婚登记申请。',
]

describe('search', () => {
  let server
  let anonymous
  let dir

  before(async () => {
    server = await startServer()
    anonymous = server.client()
    dir = await mkdtemp(join(tmpdir(), 'pufa-search-laws-'))
    await mkdir(join(dir, '社会法'))
    await mkdir(join(dir, '民法商法'))
    await writeFile(join(dir, '社会法', '测试劳动法(2020-01-01).md'), lawText('中华人民共和国测试劳动法', LABOUR))
    await writeFile(join(dir, '民法商法', '测试婚姻法(2021-06-01).md'), lawText('中华人民共和国测试婚姻法', MARRIAGE))
    const imported = await importLaws(server.dbUrl, dir)
    assert.equal(imported.code, 0, imported.stdout + imported.stderr)
  })

  after(async () => {
    await server?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const search = (query) => anonymous.get(`/api/v1/search?${query}`)

  test('is open to everyone and puts the article that defines the term first', async () => {
    const res = await search(`q=${enc('试用期')}`)
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body.terms, ['试用期'])
    assert.equal(res.body.total, 4)
    assert.equal(typeof res.body.took_ms, 'number')
    const [first] = res.body.items
    assert.equal(first.kind, 'law')
    assert.equal(first.title, '中华人民共和国测试劳动法')
    assert.equal(first.heading, '第三条')
    assert.equal(first.date, '2020-01-01')
    assert.equal(first.url, `/laws/${first.law_id}/articles/3`)
    assert.match(first.snippet, /本法所称<mark>试用期<\/mark>，是指/)
    const article = await anonymous.get(first.url.replace('/laws/', '/api/v1/laws/'))
    assert.equal(article.status, 200, article.text)
    assert.equal(article.body.article.label, '第三条')
  })

  test('words match in any order and the closer match ranks higher; everyday words find legal terms', async () => {
    const res = await search(`q=${enc('试用期工资')}`)
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body.terms, ['试用期', '工资'])
    assert.equal(res.body.items[0].heading, '第二条')
    const cooling = await search(`q=${enc('离婚冷静期')}&kind=law`)
    assert.deepEqual(cooling.body.terms, ['离婚', '冷静期'])
    assert.equal(cooling.body.items[0].title, '中华人民共和国测试婚姻法')
    assert.equal(cooling.body.items[0].heading, '第二条')
  })

  test('a query naming a law searches inside it', async () => {
    const res = await search(`q=${enc('测试婚姻法 离婚')}`)
    assert.equal(res.status, 200, res.text)
    assert.ok(res.body.items.length > 0)
    assert.ok(res.body.items.every((item) => item.title === '中华人民共和国测试婚姻法'))
  })

  test('snippets escape the text and mark the matches', async () => {
    const res = await search(`q=${enc('试用期 加粗')}&page_size=10`)
    const item = res.body.items.find((hit) => hit.heading === '第五条')
    assert.ok(item, res.text)
    assert.match(item.snippet, /&lt;b&gt;<mark>加粗<\/mark>&lt;\/b&gt;/)
    assert.match(item.snippet, /a &amp; b/)
    assert.doesNotMatch(item.snippet, /<b>/)
  })

  test('filters by kind, law and date; pages', async () => {
    // The demo content (articles, cases) is indexed too: kind=law keeps to the laws written here.
    const all = (await search(`q=${enc('试用期')}&kind=law&page_size=10`)).body
    assert.equal(all.total, 4)
    assert.ok(all.items.every((item) => item.kind === 'law'))
    const articles = (await search(`q=${enc('离婚')}&kind=article&page_size=50`)).body
    assert.ok(articles.items.every((item) => item.kind === 'article'), JSON.stringify(articles.items))
    assert.equal((await search(`q=${enc('试用期')}&kind=law&law=${enc('测试婚姻法')}`)).body.total, 0)
    assert.equal((await search(`q=${enc('试用期')}&law=${enc('中华人民共和国测试劳动法')}`)).body.total, 4)
    const byId = await search(`q=${enc('试用期')}&law=${all.items[0].law_id}`)
    assert.deepEqual(byId.body.items, all.items)
    assert.equal((await search(`q=${enc('试用期')}&kind=law&from=2020-06-01`)).body.total, 0)
    assert.equal((await search(`q=${enc('试用期')}&kind=law&to=2020-01-01`)).body.total, 4)
    const dated = (await search(`q=${enc('离婚登记')}&kind=law&from=2021-01-01&to=2021-12-31`)).body
    assert.deepEqual(dated.items.map((item) => [item.title, item.heading]), [['中华人民共和国测试婚姻法', '第二条']])
    const second = await search(`q=${enc('试用期')}&kind=law&page=2&page_size=1`)
    assert.equal(second.body.items.length, 1)
    assert.deepEqual(second.body.items[0], all.items[1])
    assert.equal(second.body.total, all.total)
  })

  test('bad input is 400 naming the field; a query of stop words finds nothing', async () => {
    assertError(await search('q='), 400, 'validation_failed', 'q')
    assertError(await search(`q=${enc('   ')}`), 400, 'validation_failed', 'q')
    assertError(await search(''), 400, 'validation_failed', 'q')
    assertError(await search(`q=${enc('法'.repeat(101))}`), 400, 'validation_failed', 'q')
    assert.equal((await search(`q=${enc('法'.repeat(100))}`)).status, 200)
    assertError(await search(`q=a&kind=news`), 400, 'validation_failed', 'kind')
    assertError(await search(`q=a&from=2020-13-01`), 400, 'validation_failed', 'from')
    assertError(await search(`q=a&to=yesterday`), 400, 'validation_failed', 'to')
    assertError(await search(`q=a&page_size=0`), 400, 'validation_failed', 'page_size')
    assertError(await search(`q=a&page_size=51`), 400, 'validation_failed', 'page_size')
    assertError(await search(`q=a&page=x`), 400, 'validation_failed', 'page')
    assertError(await search(`q=a&law=${enc('不存在的法')}`), 400, 'validation_failed', 'law')
    const stops = await search(`q=${enc('的了吗')}`)
    assert.equal(stops.status, 200)
    assert.equal(stops.body.total, 0)
  })

  test('re-importing keeps one document per article; a newer version replaces the old text', async () => {
    const before = (await search(`q=${enc('试用期')}&kind=law&page_size=10`)).body
    const again = await importLaws(server.dbUrl, dir)
    assert.match(again.stdout, /0 changed/)
    assert.deepEqual((await search(`q=${enc('试用期')}&kind=law&page_size=10`)).body.items, before.items)

    const newer = join(dir, '社会法', '测试劳动法(2022-01-01).md')
    await writeFile(newer, lawText('中华人民共和国测试劳动法', [...LABOUR.slice(0, 4), '违反试用期规定的，由劳动监察机构责令改正。']))
    const res = await importLaws(server.dbUrl, dir)
    assert.match(res.stdout, /1 changed/, res.stdout + res.stderr)
    const after = (await search(`q=${enc('试用期')}&kind=law&page_size=10`)).body
    assert.equal(after.total, before.total)
    assert.ok(after.items.every((item) => item.date === '2022-01-01'), JSON.stringify(after.items))
    const old = (await search(`q=${enc('劳动行政部门')}&kind=law`)).body.items
    assert.ok(old.every((item) => !item.snippet.replace(/<\/?mark>/g, '').includes('劳动行政部门')), JSON.stringify(old))
    assert.equal((await search(`q=${enc('劳动监察机构')}&kind=law`)).body.items[0].heading, '第五条')
  })
})

const present = existsSync(LAWS_DIR)
describe(present ? 'search relevance on the shared laws' : `search relevance (skipped: no law texts at ${LAWS_DIR})`,
  { skip: !present && 'no law texts' }, () => {
    let server

    before(async () => {
      server = await startServer()
      const imported = await importLaws(server.dbUrl, LAWS_DIR)
      assert.equal(imported.code, 0, imported.stdout + imported.stderr)
    })

    after(async () => {
      await server?.stop()
    })

    test('finds the expected article in the top 10 for at least 9 in 10 queries (tests/search/queries.tsv)', async (t) => {
      const result = await measure(httpSearch(server.url))
      t.diagnostic(report(result))
      assert.ok(result.queries >= 40)
      assert.ok(result.recall10 >= 0.9, report(result))
      assert.ok(result.recall1 >= 0.6, report(result))
    })

    test('民法典 离婚冷静期 finds 第一千零七十七条 first', async () => {
      const res = await server.client().get(`/api/v1/search?q=${enc('民法典 离婚冷静期')}`)
      assert.equal(res.status, 200, res.text)
      assert.equal(res.body.items[0].heading, '第一千零七十七条')
      assert.ok(res.body.items.every((item) => item.title === '中华人民共和国民法典'))
    })
  })
