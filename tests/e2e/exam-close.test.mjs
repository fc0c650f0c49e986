// Browser test of ending an exam and of the figures by unit (学法考试 › 考试管理): the coordinator
// (PUFA_COORD_USER / _PASS) publishes a practice exam of their own for one demo civil servant (made through
// the API, so the demo's exams stay as they are); in the list 结束考试 is not beside 成绩统计 but under 更多,
// asks once and says what ends; the exam is then 已结束. Its 成绩统计 gives the unit's 参考率 (0 %, nobody sat)
// and '-' for the average rather than 0; the 2020 exam's table gives each unit's 参考率 as sat ÷ eligible.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER || 'lanxi'
const PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const TITLE = `E2E 结束考试 ${Date.now()}`
const YEARLY = '2020年度兰溪市国家工作人员学法用法考试'
/** A demo civil servant who is not the examinee of the exam test (wangfang). */
const EXAMINEE = 'gwy001'
const HOUR = 3_600_000

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'exam-close-')
})

after(async () => {
  await browser?.close()
})

const api = (method, path, body) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const csrf = sessionStorage.getItem('pufa.csrf')
      const r = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...(csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : null }
    },
    { method, path, body },
  )

const row = () => page.locator('[data-test="exam-exams"] .el-table__body tr', { hasText: TITLE }).first()
const statsRow = (name) => page.locator('[data-test="stats-table"] .el-table__body tr', { hasText: name }).first()

test('结束考试 sits under 更多, asks once saying what ends; 成绩统计 shows 参考率 and no 0 average', async () => {
  let exam
  let examinee
  await step('01-sign-in-and-publish', async () => {
    await signIn(page, BASE, USER, PASS)
    examinee = (await api('GET', `/api/v1/exam-examinees?q=${EXAMINEE}&page_size=1`)).body.items[0]
    assert.ok(examinee?.unit_name, `the demo has ${EXAMINEE} with a unit`)
    const bank = (await api('GET', '/api/v1/question-banks')).body.items.find((b) => b.audience === 'civil_servant')
    const now = Date.now()
    const made = await api('POST', '/api/v1/exams', {
      title: TITLE,
      kind: 'practice',
      opens_at: new Date(now - HOUR).toISOString(),
      closes_at: new Date(now + 24 * HOUR).toISOString(),
      duration_minutes: 30,
      pass_mark: 1,
      grade_bands: [],
      attempts_allowed: 1,
      counts: 'best',
      eligibility: { unit_ids: [], region_ids: [], roles: [], user_ids: [examinee.user_id] },
      shuffle_questions: false,
      shuffle_options: false,
      paper: { mode: 'random', bank_ids: [bank.id], rules: [{ type: 'judge', count: 2, score: 1 }] },
    })
    assert.equal(made.status, 201, `POST /exams: ${JSON.stringify(made.body)}`)
    exam = made.body
    assert.equal((await api('POST', `/api/v1/exams/${exam.id}/publish`)).status, 200, 'published')
  })

  await step('02-close-under-more', async () => {
    await page.goto(`${BASE}/admin/exam/exams`)
    await row().waitFor()
    const actions = row().locator('td.col-actions')
    await actions.locator(`[data-test="results-${exam.id}"]`).waitFor()
    assert.ok(!(await actions.innerText()).includes('结束'), `no 结束 beside 成绩统计: ${await actions.innerText()}`)
    await actions.locator(`[data-test="more-${exam.id}"]`).click()
    await page.locator('.el-dropdown-menu:visible [data-test="exam-close"]').click()
    const box = page.locator('.el-message-box:visible')
    await box.waitFor()
    const text = await box.innerText()
    assert.match(text, /考试将立即结束/, text)
    assert.match(text, /未交卷的答卷按已答内容自动交卷/, text)
    assert.ok(text.includes(TITLE), 'it names the exam')
    const closed = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/exams/${exam.id}/close`)
    await box.getByRole('button', { name: '结束考试' }).click()
    assert.equal((await closed).status(), 200, 'POST /exams/{id}/close once')
    await row().locator('.el-tag', { hasText: '已结束' }).waitFor()
  })

  await step('03-stats-nobody-sat', async () => {
    await row().locator(`[data-test="results-${exam.id}"]`).click()
    await page.locator('[data-test="stats-table"]').waitFor()
    const headers = await page.locator('[data-test="stats-table"] .el-table__header th').allInnerTexts()
    assert.ok(headers.some((h) => h.includes('参考率')), `a 参考率 column: ${headers.join(' | ')}`)
    const cells = (await statsRow(examinee.unit_name).locator('td').allInnerTexts()).map((s) => s.trim())
    const at = (label) => cells[headers.findIndex((h) => h.includes(label))]
    assert.equal(at('应考'), '1')
    assert.equal(at('参考人数'), '0')
    assert.equal(at('参考率'), '0%')
    assert.equal(at('平均分'), '-', 'nobody sat: no average, not 0')
  })

  await step('04-stats-2020', async () => {
    const exams = (await api('GET', '/api/v1/exams?page_size=100')).body.items
    const yearly = exams.find((e) => e.title === YEARLY)
    const stats = (await api('GET', `/api/v1/exams/${yearly.id}/stats`)).body
    const unit = stats.by_unit.find((u) => u.eligible > u.sat && u.sat > 0) ?? stats.by_unit[0]
    await page.goto(`${BASE}/admin/exam/exams/${yearly.id}/results`)
    await statsRow(unit.name).waitFor()
    const headers = await page.locator('[data-test="stats-table"] .el-table__header th').allInnerTexts()
    const cells = (await statsRow(unit.name).locator('td').allInnerTexts()).map((s) => s.trim())
    const rate = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(unit.sat / unit.eligible)
    assert.equal(cells[headers.findIndex((h) => h.includes('参考率'))], rate, `${unit.name}: ${unit.sat} ÷ ${unit.eligible}`)
  })
})
