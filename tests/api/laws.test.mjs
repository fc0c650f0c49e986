// The law library: `pufa import laws DIR` on the shared statute texts, then reading by article.
// Skipped when the data folder (../shared/data/laws beside the repo) is absent.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { assertError, startServer } from './harness.mjs'

const LAWS_DIR = process.env.PUFA_LAWS_DIR || fileURLToPath(new URL('../../../shared/data/laws', import.meta.url))
const present = existsSync(LAWS_DIR)
const SUMMARY = /(\d+) files, (\d+) laws, (\d+) articles; (\d+) changed/

function importLaws(dbUrl, dir = LAWS_DIR) {
  return new Promise((resolve) => {
    execFile(process.env.PUFA_BIN, ['import', 'laws', dir, '--db', dbUrl], { maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }))
  })
}

const enc = encodeURIComponent

describe(present ? 'laws' : `laws (skipped: no law texts at ${LAWS_DIR})`, { skip: !present && 'no law texts' }, () => {
  let server
  let user
  let firstImport

  before(async () => {
    server = await startServer()
    firstImport = await importLaws(server.dbUrl)
    user = await server.admin()
  })

  after(async () => {
    await server?.stop()
  })

  test('the first import stores every file: 92 files, 85 laws, 8007 articles', () => {
    assert.equal(firstImport.code, 0, firstImport.stdout + firstImport.stderr)
    const [, files, laws, articles, changed] = SUMMARY.exec(firstImport.stdout) ?? []
    assert.deepEqual([files, laws, articles, changed].map(Number), [92, 85, 8007, 85], firstImport.stdout)
  })

  test('GET /laws lists each law with its latest version and article count; q filters on the title', async () => {
    const res = await user.get('/api/v1/laws')
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.total, 85)
    const civil = res.body.items.find((law) => law.title === '中华人民共和国民法典')
    assert.ok(civil)
    assert.equal(civil.articles, 1260)
    assert.equal(civil.short_title, '民法典')
    assert.equal(civil.category, '民法典')
    assert.match(civil.version_date, /^\d{4}-\d{2}-\d{2}$/)
    const sum = res.body.items.reduce((total, law) => total + law.articles, 0)
    assert.equal(sum, 8007)
    const found = await user.get(`/api/v1/laws?q=${enc('行政处罚')}`)
    assert.equal(found.status, 200)
    assert.deepEqual(found.body.items.map((law) => [law.title, law.version_date]), [['中华人民共和国行政处罚法', '2021-01-22']])
  })

  test('the law routes are open: the public portal reads laws without signing in', async () => {
    const anonymous = server.client()
    const list = await anonymous.get('/api/v1/laws')
    assert.equal(list.status, 200, list.text)
    assert.equal(list.body.total, 85)
    const law = await anonymous.get(`/api/v1/laws/${enc('民法典')}`)
    assert.equal(law.status, 200, law.text)
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
    assert.ok(article.paragraphs.length >= 2)
    assert.deepEqual(article.path, ['第五编 婚姻家庭', '第四章 离婚'])
    assert.equal(previous.number, 1076)
    assert.equal(next.number, 1078)
    for (const spelling of ['第1077条', '第一千零七十七条', '一千零七十七']) {
      const res = await user.get(`/api/v1/laws/${civil.id}/articles/${enc(spelling)}`)
      assert.equal(res.status, 200, `${spelling}: ${res.text}`)
      assert.deepEqual(res.body, byId.body)
    }
    const byName = await user.get(`/api/v1/laws/${enc('民法典')}/articles/1077`)
    assert.deepEqual(byName.body, byId.body)
  })

  test('the first and last articles have no neighbour on one side', async () => {
    const first = await user.get(`/api/v1/laws/${enc('民法典')}/articles/1`)
    assert.equal(first.body.previous, null)
    assert.deepEqual(first.body.article.path.slice(0, 1), ['第一编 总则'])
    const last = await user.get(`/api/v1/laws/${enc('民法典')}/articles/1260`)
    assert.equal(last.body.next, null)
    assert.deepEqual(last.body.article.path, ['附则'])
  })

  test('the 宪法 has a 序言 with its text, then chapters', async () => {
    const res = await user.get(`/api/v1/laws/${enc('宪法')}`)
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.law.title, '中华人民共和国宪法')
    assert.equal(res.body.version.version_date, '2018-03-11')
    const [preamble, first] = res.body.structure
    assert.equal(preamble.kind, '序言')
    assert.ok(preamble.paragraphs.length >= 10)
    assert.equal(first.title, '第一章 总纲')
    assert.equal(first.first_article.label, '第一条')
    assert.equal(res.body.version.articles, 143)
  })

  test('刑法 第十七条之一 exists between 第十七条 and 第十八条', async () => {
    for (const spelling of ['第十七条之一', '17之一']) {
      const res = await user.get(`/api/v1/laws/${enc('刑法')}/articles/${enc(spelling)}`)
      assert.equal(res.status, 200, res.text)
      assert.equal(res.body.article.label, '第十七条之一')
      assert.equal(res.body.article.suffix, 1)
      assert.match(res.body.article.text, /七十五周岁/)
      assert.equal(res.body.previous.label, '第十七条')
      assert.equal(res.body.next.label, '第十八条')
    }
  })

  test('an unknown article or law is 404 in Chinese; a bad number is 400 on field number', async () => {
    assertError(await user.get(`/api/v1/laws/${enc('民法典')}/articles/1261`), 404, 'not_found')
    assertError(await user.get(`/api/v1/laws/${enc('不存在法')}/articles/1`), 404, 'not_found')
    assertError(await user.get('/api/v1/laws/999999'), 404, 'not_found')
    assertError(await user.get(`/api/v1/laws/${enc('民法典')}/articles/abc`), 400, 'validation_failed', 'number')
    assertError(await user.get(`/api/v1/laws/${enc('民法典')}/articles/${enc('第1077')}`), 400, 'validation_failed', 'number')
  })

  test('a second import changes nothing', async () => {
    const again = await importLaws(server.dbUrl)
    assert.equal(again.code, 0, again.stdout + again.stderr)
    assert.match(again.stdout, /92 files, 85 laws, 8007 articles; 0 changed/)
    const res = await user.get('/api/v1/laws')
    assert.equal(res.body.total, 85)
  })

  test('a file with a newer version date adds a version, which becomes the latest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pufa-laws-'))
    try {
      await mkdir(join(dir, '行政法'))
      await copyFile(join(LAWS_DIR, '行政法', '行政处罚法(2021-01-22).md'), join(dir, '行政法', '行政处罚法(2030-01-01).md'))
      const res = await importLaws(server.dbUrl, dir)
      assert.equal(res.code, 0, res.stdout + res.stderr)
      assert.match(res.stdout, /1 files, 1 laws, 86 articles; 1 changed/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    const law = await user.get(`/api/v1/laws/${enc('行政处罚法')}`)
    assert.equal(law.body.version.version_date, '2030-01-01')
    assert.deepEqual(law.body.versions, ['2030-01-01', '2021-01-22'])
    const article = await user.get(`/api/v1/laws/${enc('行政处罚法')}/articles/86`)
    assert.equal(article.body.version_date, '2030-01-01')
    assert.equal(article.body.next, null)
  })

  test('a missing folder fails the import with a message', async () => {
    const res = await importLaws(server.dbUrl, join(tmpdir(), 'pufa-no-such-laws-folder'))
    assert.notEqual(res.code, 0)
    assert.match(res.stderr, /not a folder/)
  })
})
