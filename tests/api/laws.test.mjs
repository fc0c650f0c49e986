// The law library: `pufa import laws DIR`, then reading by article. On tests/fixtures/laws (a small
// library written for the tests, so these paths run on any clone), then, when the shared statute
// texts sit beside the repo (../shared/data/laws), their import figures.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { assertError, startServer } from './harness.mjs'

const LAWS_DIR = process.env.PUFA_LAWS_DIR || fileURLToPath(new URL('../../../shared/data/laws', import.meta.url))
const present = existsSync(LAWS_DIR)
const FIXTURE = fileURLToPath(new URL('../fixtures/laws', import.meta.url))
const AMENDED = fileURLToPath(new URL('../fixtures/laws-amended', import.meta.url))
const SUMMARY = /(\d+) files, (\d+) laws, (\d+) articles; (\d+) changed/

function importLaws(dbUrl, dir) {
  return new Promise((resolve) => {
    execFile(process.env.PUFA_BIN, ['import', 'laws', dir, '--db', dbUrl], { maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }))
  })
}

const enc = encodeURIComponent

describe('laws (tests/fixtures/laws)', () => {
  let server
  let user
  let firstImport

  before(async () => {
    server = await startServer()
    firstImport = await importLaws(server.dbUrl, FIXTURE)
    user = await server.admin()
  })

  after(async () => {
    await server?.stop()
  })

  test('the first import stores every file: 6 files (民法典 in 3 parts), 4 laws, 19 articles', () => {
    assert.equal(firstImport.code, 0, firstImport.stdout + firstImport.stderr)
    const [, files, laws, articles, changed] = SUMMARY.exec(firstImport.stdout) ?? []
    assert.deepEqual([files, laws, articles, changed].map(Number), [6, 4, 19, 4], firstImport.stdout)
  })

  test('GET /laws lists each law with its latest version and article count; q filters on the title', async () => {
    const res = await user.get('/api/v1/laws')
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.total, 4)
    const civil = res.body.items.find((law) => law.title === '中华人民共和国民法典')
    assert.ok(civil)
    assert.equal(civil.articles, 8)
    assert.equal(civil.short_title, '民法典')
    assert.equal(civil.category, '民法典')
    assert.equal(civil.version_date, '2020-05-28')
    assert.equal(res.body.items.reduce((total, law) => total + law.articles, 0), 19)
    // 宪法 first, then the categories in the national database's order (not code point order).
    assert.deepEqual(res.body.items.map((law) => law.category), ['宪法', '民法典', '行政法', '刑法'])
    const found = await user.get(`/api/v1/laws?q=${enc('行政处罚')}`)
    assert.equal(found.status, 200)
    assert.deepEqual(found.body.items.map((law) => [law.title, law.version_date]), [['中华人民共和国行政处罚法', '2021-01-22']])
  })

  test('the law routes are open: the public portal reads laws without signing in', async () => {
    const anonymous = server.client()
    assert.equal((await anonymous.get('/api/v1/laws')).body.total, 4)
    assert.equal((await anonymous.get(`/api/v1/laws/${enc('民法典')}`)).status, 200)
    const article = await anonymous.get(`/api/v1/laws/${enc('民法典')}/articles/1077`)
    assert.equal(article.status, 200, article.text)
    assert.equal(article.body.article.label, '第一千零七十七条')
  })

  test('第1077条 of the 民法典 is the cooling-off period, however the number is written', async () => {
    const civil = (await user.get(`/api/v1/laws?q=${enc('民法典')}`)).body.items[0]
    const byId = await user.get(`/api/v1/laws/${civil.id}/articles/1077`)
    assert.equal(byId.status, 200, byId.text)
    const { article, previous, next } = byId.body
    assert.equal(article.label, '第一千零七十七条')
    assert.equal(article.number, 1077)
    assert.match(article.text, /三十日/)
    assert.equal(article.paragraphs.length, 2)
    assert.deepEqual(article.path, ['第二编 婚姻家庭', '第四章 离婚'])
    assert.equal(previous.number, 1076)
    assert.equal(next.number, 1078)
    for (const spelling of ['第1077条', '第一千零七十七条', '一千零七十七']) {
      const res = await user.get(`/api/v1/laws/${civil.id}/articles/${enc(spelling)}`)
      assert.equal(res.status, 200, `${spelling}: ${res.text}`)
      assert.deepEqual(res.body, byId.body)
    }
    assert.deepEqual((await user.get(`/api/v1/laws/${enc('民法典')}/articles/1077`)).body, byId.body)
    assert.deepEqual((await user.get(`/api/v1/laws/${enc('中华人民共和国民法典')}/articles/1077`)).body, byId.body)
  })

  test('the parts of the 民法典 follow each other; the first and last articles have no neighbour on one side', async () => {
    const first = await user.get(`/api/v1/laws/${enc('民法典')}/articles/1`)
    assert.equal(first.body.previous, null)
    assert.deepEqual(first.body.article.path, ['第一编 总则', '第一章 基本规定'])
    const third = await user.get(`/api/v1/laws/${enc('民法典')}/articles/3`)
    assert.equal(third.body.next.label, '第一千零四十一条', 'the 婚姻家庭编 follows the 总则编')
    const last = await user.get(`/api/v1/laws/${enc('民法典')}/articles/1260`)
    assert.equal(last.body.next, null)
    assert.deepEqual(last.body.article.path, ['附则'])
  })

  test('the 宪法 has a 序言 with its text, then chapters', async () => {
    const res = await user.get(`/api/v1/laws/${enc('宪法')}`)
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.law.title, '中华人民共和国宪法')
    assert.equal(res.body.version.version_date, '2018-03-11')
    const [preamble, first, second] = res.body.structure
    assert.equal(preamble.kind, '序言')
    assert.equal(preamble.paragraphs.length, 2, 'the FORCE BREAK comment is not a paragraph')
    assert.equal(first.title, '第一章 总纲')
    assert.equal(first.first_article.label, '第一条')
    assert.equal(first.last_article.label, '第三条')
    assert.equal(second.first_article.label, '第三十三条')
    assert.equal(res.body.version.articles, 4)
  })

  test('刑法 第十七条之一 exists between 第十七条 and 第十八条, inside its 节', async () => {
    for (const spelling of ['第十七条之一', '17之一']) {
      const res = await user.get(`/api/v1/laws/${enc('刑法')}/articles/${enc(spelling)}`)
      assert.equal(res.status, 200, res.text)
      assert.equal(res.body.article.label, '第十七条之一')
      assert.equal(res.body.article.suffix, 1)
      assert.match(res.body.article.text, /七十五周岁/)
      assert.deepEqual(res.body.article.path, ['第一编 总则', '第二章 犯罪', '第一节 犯罪和刑事责任'])
      assert.equal(res.body.previous.label, '第十七条')
      assert.equal(res.body.next.label, '第十八条')
    }
    const law = await user.get(`/api/v1/laws/${enc('刑法')}`)
    assert.equal(law.body.version.version_date, '2020-12-26', 'the latest history date that is not only 施行')
  })

  test('an unknown article or law is 404 in Chinese; a bad number is 400 on field number', async () => {
    assertError(await user.get(`/api/v1/laws/${enc('民法典')}/articles/1261`), 404, 'not_found')
    assertError(await user.get(`/api/v1/laws/${enc('不存在法')}/articles/1`), 404, 'not_found')
    assertError(await user.get('/api/v1/laws/999999'), 404, 'not_found')
    assertError(await user.get(`/api/v1/laws/${enc('民法典')}/articles/abc`), 400, 'validation_failed', 'number')
    assertError(await user.get(`/api/v1/laws/${enc('民法典')}/articles/${enc('第1077')}`), 400, 'validation_failed', 'number')
  })

  test('the imported articles are found by search', async () => {
    const res = await server.client().get(`/api/v1/search?q=${enc('离婚冷静期')}&kind=law`)
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.items[0]?.heading, '第一千零七十七条', JSON.stringify(res.body.items.slice(0, 3)))
  })

  test('a second import changes nothing', async () => {
    const again = await importLaws(server.dbUrl, FIXTURE)
    assert.equal(again.code, 0, again.stdout + again.stderr)
    assert.match(again.stdout, /6 files, 4 laws, 19 articles; 0 changed/)
    assert.equal((await user.get('/api/v1/laws')).body.total, 4)
  })

  test('a file with a newer version date adds a version, which becomes the latest', async () => {
    const res = await importLaws(server.dbUrl, AMENDED)
    assert.equal(res.code, 0, res.stdout + res.stderr)
    assert.match(res.stdout, /1 files, 1 laws, 4 articles; 1 changed/)
    const law = await user.get(`/api/v1/laws/${enc('行政处罚法')}`)
    assert.equal(law.body.version.version_date, '2030-01-01')
    assert.deepEqual(law.body.versions, ['2030-01-01', '2021-01-22'])
    const article = await user.get(`/api/v1/laws/${enc('行政处罚法')}/articles/4`)
    assert.equal(article.body.version_date, '2030-01-01')
    assert.equal(article.body.next, null)
  })

  test('a missing folder fails the import with a message', async () => {
    const res = await importLaws(server.dbUrl, join(tmpdir(), 'pufa-no-such-laws-folder'))
    assert.notEqual(res.code, 0)
    assert.match(res.stderr, /not a folder/)
  })
})

describe(present ? 'laws (the shared statutes)' : `laws (the shared statutes: skipped, none at ${LAWS_DIR})`,
  { skip: !present && 'no law texts' }, () => {
    let server

    before(async () => {
      server = await startServer()
    })

    after(async () => {
      await server?.stop()
    })

    test('92 files, 85 laws, 8007 articles; 民法典 1260 articles, 宪法 143; a second import changes nothing', async () => {
      const first = await importLaws(server.dbUrl, LAWS_DIR)
      assert.equal(first.code, 0, first.stdout + first.stderr)
      assert.match(first.stdout, /92 files, 85 laws, 8007 articles; 85 changed/)
      const user = await server.admin()
      const laws = (await user.get('/api/v1/laws')).body
      assert.equal(laws.total, 85)
      assert.equal(laws.items[0].title, '中华人民共和国宪法')
      assert.match(laws.items[1].title, /宪法修正案/)
      const order = ['宪法', '宪法相关法', '民法典', '民法商法', '行政法', '经济法', '社会法', '刑法', '诉讼与非诉讼程序法', '行政法规']
      const seen = [...new Set(laws.items.map((law) => law.category))]
      assert.deepEqual(seen, order.filter((c) => seen.includes(c)))
      assert.equal(laws.items.find((law) => law.short_title === '民法典').articles, 1260)
      assert.equal((await user.get(`/api/v1/laws/${enc('宪法')}`)).body.version.articles, 143)
      const article = await user.get(`/api/v1/laws/${enc('民法典')}/articles/1077`)
      assert.deepEqual(article.body.article.path, ['第五编 婚姻家庭', '第四章 离婚'])
      const again = await importLaws(server.dbUrl, LAWS_DIR)
      assert.match(again.stdout, /92 files, 85 laws, 8007 articles; 0 changed/)
    })
  })
