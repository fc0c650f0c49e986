// Browser test of publishing (信息发布): the coordinator writes an article in 新闻动态 with the rich-text
// editor and a PDF attachment, submits it for review, publishes it (it gets its 信息索引号) and finds it on the portal's
// home page, where its page shows the same index number. Needs a running `pufa serve` with the demo
// data (PUFA_URL) and a coordinator (PUFA_COORD_USER / PUFA_COORD_PASS), who holds content.write and content.publish.
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { openBrowser, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER ?? ''
const PASS = process.env.PUFA_COORD_PASS ?? ''
const TITLE = `E2E 宪法宣传周活动走进马涧镇 ${Date.now()}`
const LINK = 'https://www.lanxi.gov.cn/'
const PARAGRAPH = '市司法局联合马涧镇在马坞村文化礼堂开展宪法宣传活动，向村民讲解宪法基本知识。'

let browser
let page
let step
let workDir
let pdfPath

/** A one-page PDF small enough to write here, so the test needs no file of its own. */
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  assert.ok(USER && PASS, 'set PUFA_COORD_USER and PUFA_COORD_PASS to a coordinator login')
  workDir = await mkdtemp(join(tmpdir(), 'pufa-e2e-content-'))
  pdfPath = join(workDir, '活动方案.pdf')
  await writeFile(pdfPath, PDF)
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'content-')
})

after(async () => {
  await browser?.close()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

const sidebar = () => page.locator('[data-test="sidebar"]')
const isApi = (r, path, method) => new URL(r.url()).pathname === path && r.request().method() === method
/** Element Plus keeps closed poppers in the DOM: the visible one's option with this text. */
const option = (text) => page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: text }).first()

test('coordinator: write, submit and publish a 新闻动态 article; it shows on the portal home', async () => {
  await step('01-login', async () => {
    await page.goto(`${BASE}/login`)
    await page.locator('input[name="username"]').fill(USER)
    await page.locator('input[name="password"]').fill(PASS)
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL((u) => u.pathname === '/admin')
    await sidebar().getByText('信息发布', { exact: true }).waitFor()
  })

  await step('02-list', async () => {
    await sidebar().getByText('信息发布', { exact: true }).click()
    const listed = page.waitForResponse((r) => isApi(r, '/api/v1/articles', 'GET'))
    await sidebar().getByText('文章管理', { exact: true }).click()
    await page.waitForURL((u) => u.pathname === '/admin/content/articles')
    assert.equal((await listed).status(), 200, 'GET /articles')
    await page.locator('[data-test="article-add"]').click()
    await page.waitForURL((u) => u.pathname === '/admin/content/articles/new')
  })

  await step('03-validation', async () => {
    await page.locator('[data-test="save"]').click()
    await page.getByText('请选择栏目').first().waitFor()
    await page.getByText('请输入标题').first().waitFor()
    assert.equal(new URL(page.url()).pathname, '/admin/content/articles/new', 'nothing is saved with empty fields')
  })

  let id
  await step('04-write-and-submit', async () => {
    await page.locator('[data-test="field-column"]').click()
    await option('新闻动态').click()
    await page.locator('[data-test="field-title"]').fill(TITLE)
    await page.locator('[data-test="field-summary"]').fill('宪法宣传周期间，市司法局走进马涧镇开展宪法宣传。')
    const editor = page.locator('[data-test="rich-editor"]')
    await editor.click()
    await page.locator('[data-test="editor-h2"]').click()
    await page.keyboard.type('活动概况')
    await page.keyboard.press('Enter')
    await page.locator('[data-test="editor-p"]').click()
    await page.keyboard.type(PARAGRAPH)
    await page.keyboard.press('Enter')
    await page.locator('[data-test="editor-link"]').click()
    await page.locator('.el-message-box input').fill(LINK)
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator(`[data-test="rich-editor"] a[href="${LINK}"]`).waitFor()
    const uploaded = page.waitForResponse((r) => isApi(r, '/api/v1/attachments', 'POST'))
    await page.locator('[data-test="attachments"] input[type="file"]').setInputFiles(pdfPath)
    const up = await uploaded
    assert.equal(up.status(), 201, 'POST /attachments takes the PDF')
    await page.locator('[data-test="attachments"]').getByText('活动方案.pdf').waitFor()
    const created = page.waitForResponse((r) => isApi(r, '/api/v1/articles', 'POST'))
    const submitted = page.waitForResponse((r) => /^\/api\/v1\/articles\/\d+\/submit$/.test(new URL(r.url()).pathname))
    await page.locator('[data-test="save-submit"]').click()
    const res = await created
    assert.equal(res.status(), 201, 'POST /articles creates a draft')
    const body = await res.json()
    id = body.id
    assert.equal(body.status, 'draft')
    assert.match(body.body_html, /<h2>活动概况<\/h2>/, 'the heading made with the toolbar is stored')
    assert.ok(body.body_html.includes(PARAGRAPH), 'the typed paragraph is stored')
    assert.ok(body.body_html.includes(`href="${LINK}"`), 'the link made with the toolbar is stored')
    assert.deepEqual(body.attachments.map((a) => a.name), ['活动方案.pdf'], 'the attachment belongs to the article')
    assert.equal((await submitted).status(), 200, 'POST /articles/{id}/submit')
    await page.waitForURL((u) => u.pathname === `/admin/content/articles/${id}`)
    await page.locator('[data-test="article-status"]').filter({ hasText: '待审核' }).waitFor()
  })

  let indexNo = ''
  await step('05-publish', async () => {
    await page.locator('[data-test="form-publish"]').click()
    const published = page.waitForResponse((r) => isApi(r, `/api/v1/articles/${id}/publish`, 'POST'))
    await page.locator('.el-message-box__btns .el-button--primary').click()
    const res = await published
    assert.equal(res.status(), 200, 'POST /articles/{id}/publish')
    indexNo = (await res.json()).index_no
    assert.match(indexNo ?? '', /^.+\/\d{4}-\d+$/, `index number "${indexNo}" is <publisher code>/<year>-<serial>`)
    await page.locator('[data-test="article-status"]').filter({ hasText: '已发布' }).waitFor()
    assert.ok((await page.locator('[data-test="article-index-no"]').innerText()).includes(indexNo))
    await page.locator('[data-test="form-preview"]').waitFor()
  })

  await step('06-portal-home', async () => {
    const home = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/public/home')
    await page.goto(`${BASE}/`)
    assert.equal((await home).status(), 200)
    const link = page.locator('[data-test="home-column-news"]').getByRole('link', { name: TITLE })
    await link.click()
    await page.waitForURL((u) => u.pathname === `/articles/${id}`)
    await page.locator('[data-test="article-title"]').filter({ hasText: TITLE }).waitFor()
    assert.ok((await page.locator('[data-test="meta-index_no"]').innerText()).includes(indexNo))
    assert.ok((await page.locator('[data-test="article-body"]').innerText()).includes(PARAGRAPH))
    const file = page.locator('[data-test="attachments"] a').filter({ hasText: '活动方案.pdf' })
    const href = await file.getAttribute('href')
    const got = await page.evaluate(async (u) => {
      const r = await fetch(u, { credentials: 'omit' })
      return { status: r.status, head: (await r.text()).slice(0, 5) }
    }, href)
    assert.deepEqual(got, { status: 200, head: '%PDF-' }, 'anyone can download the published article’s attachment')
  })
})

test('reviewer: 退回 with a reason from 待审核; the list shows 已退回 and the reason', async () => {
  const title = `E2E 待退回的稿件 ${Date.now()}`
  const reason = '请补充活动时间和参加人数'
  // A draft submitted for review, made through the API with this session's CSRF token.
  const made = await page.evaluate(async (t) => {
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('pufa.csrf') ?? '' }
    const body = { column: 'news', title: t, body_html: '<p>待审核的稿件正文。</p>', written_on: '2026-01-05', disclosure: 'active', attachment_ids: [] }
    const r = await fetch('/api/v1/articles', { method: 'POST', headers, body: JSON.stringify(body) })
    const a = await r.json()
    const s = await fetch(`/api/v1/articles/${a.id}/submit`, { method: 'POST', headers })
    return { created: r.status, submitted: s.status, id: a.id }
  }, title)
  assert.deepEqual([made.created, made.submitted], [201, 200], 'draft created and submitted')

  await step('11-review-list', async () => {
    const listed = page.waitForResponse((r) => isApi(r, '/api/v1/articles', 'GET') && new URL(r.url()).searchParams.get('status') === 'review')
    await page.goto(`${BASE}/admin/content/review`)
    assert.equal((await listed).status(), 200)
    const row = page.locator('[data-test="article-table"] tbody tr').filter({ hasText: title })
    await row.locator('[data-test="action-return"]').click()
    await page.locator('.el-message-box').waitFor()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.getByText('请填写退回原因').waitFor()
    await page.locator('.el-message-box input').fill(reason)
    const returned = page.waitForResponse((r) => isApi(r, `/api/v1/articles/${made.id}/return`, 'POST'))
    await page.locator('.el-message-box__btns .el-button--primary').click()
    assert.equal((await returned).status(), 200, 'POST /articles/{id}/return')
    await row.waitFor({ state: 'detached' })
  })

  await step('12-returned-in-list', async () => {
    await page.goto(`${BASE}/admin/content/articles`)
    await page.locator('[data-test="filter-q"]').fill(title)
    const found = page.waitForResponse((r) => isApi(r, '/api/v1/articles', 'GET') && new URL(r.url()).searchParams.get('q') === title)
    await page.locator('[data-test="search"]').click()
    assert.equal((await found).status(), 200)
    const row = page.locator('[data-test="article-table"] tbody tr').filter({ hasText: title })
    await row.locator('[data-test="status-tag"]').filter({ hasText: '已退回' }).waitFor()
    assert.ok((await row.innerText()).includes(reason), 'the reason is shown with the row')
    await row.locator('[data-test="action-edit"]').waitFor()
  })
})
