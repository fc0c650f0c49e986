// Browser test of 民主法治村(社区) (issue #16, docs/village.md), on one demo server:
// (a) 马坞村's operator (mawu) on a phone (390×844): 村档案 opens its own file (the level with its year and document, this
//     year's platform figures, its application), adds a 日常检查 entry (the only kinds offered: 日常检查 and 整改复评) that
//     heads the timeline, and opens its application's score sheet — scored by 马涧镇: the five parts, each criterion's
//     评定标准 and 评分细则, the live-data line beside those with a source, 乡镇评分 read only, the total 81;
// (b) 马涧镇's liaison (majian) at 1366 px follows the 待办 card to the open round filtered to 已申报, opens 徐坑村's sheet, is
//     refused 评分并推荐 before every criterion has a score, scores all fifteen (the total follows), and recommends it
//     (asked once): 乡镇推荐 with 85; the sheet at 390 px too;
// (c) the coordinator (lanxi) at 1366 px reads the overview's 1 / 19 / 110, 覆盖情况 (the stacked bar chart by township and
//     the table with 合计 350), opens a 复核 of 马坞村 (实地抽查, today) under 复核, and finds the file 复核中 with the entry;
//     the area's pages fit 1366 and 390 px.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, openBrowser, pageApi, signIn, sidewaysOf, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const OP_USER = process.env.PUFA_OPERATOR_USER || 'mawu'
const OP_PASS = process.env.PUFA_OPERATOR_PASS || 'Pufa-Mawu-2026'
const LIAISON_USER = process.env.PUFA_LIAISON_USER || 'majian'
const LIAISON_PASS = process.env.PUFA_LIAISON_PASS || 'Pufa-Majian-2026'
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const VILLAGE = '马坞村'
const SCORED = '徐坑村'
const stamp = String(Date.now()).slice(-8)
const CHECK_TITLE = `E2E ${stamp} 第四季度日常检查`

assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')

let operator
let liaison
let coord
let ostep
let lstep
let cstep

before(async () => {
  operator = await openBrowser({ phone: true })
  liaison = await openBrowser()
  coord = await openBrowser()
  ostep = stepper(operator.page, operator.shotDir, 'village-operator-')
  lstep = stepper(liaison.page, liaison.shotDir, 'village-liaison-')
  cstep = stepper(coord.page, coord.shotDir, 'village-coord-')
})

after(async () => {
  for (const b of [operator, liaison, coord]) await b?.close()
})

const isApi = (r, path, method = 'GET') => new URL(r.url()).pathname === path && r.request().method() === method
const option = (page, text) => page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: text }).first()
const dialog = (page, name) => page.locator(`[data-test="${name}"]:visible`)
const settle = (page) => page.waitForTimeout(400)
const numberInput = (scope, name) => scope.locator(`[data-test="${name}"] input, input[data-test="${name}"]`).first()

test('民主法治村: the village reads its file and sheet, the township scores, the city reads coverage and opens a review', async () => {
  // ---- (a) the village's operator on a phone ------------------------------------------------------------------------
  const o = operator.page
  let fileId
  let sheetId
  await ostep('01-its-own-file', async () => {
    await signIn(o, BASE, OP_USER, OP_PASS)
    await o.goto(`${BASE}/admin/village/files`)
    await o.waitForURL((u) => /^\/admin\/village\/files\/\d+$/.test(u.pathname))
    fileId = Number(new URL(o.url()).pathname.split('/').pop())
    await o.locator('[data-test="file-name"]').getByText(VILLAGE).waitFor()
    await o.locator('[data-test="file-level"]').getByText(/民主法治(示范)?村（社区）/).waitFor()
    await o.locator('[data-test="file-naming-doc"]').getByText(/〔\d{4}〕\d+号/).waitFor()
    await o.locator('[data-test="file-live"] [data-test="live-advisor_days"]').waitFor()
    await o.locator('[data-test="file-applications"]').getByText('创建评选').first().waitFor()
    // the operator does not edit the file nor open a review
    assert.equal(await o.locator('[data-test="file-edit"]').count(), 0, 'no 编辑档案 for the village')
    assert.equal(await o.locator('[data-test="file-review"]').count(), 0, 'no 启动复核 for the village')
    assert.ok((await sidewaysOf(o)) <= 0, 'nothing scrolls sideways at 390 px')
    await settle(o)
  })

  await ostep('02-a-routine-check-entry', async () => {
    await o.locator('[data-test="entry-add"]').click()
    const d = dialog(o, 'entry-dialog')
    assert.equal(await d.locator('[data-test^="entry-kind-"]').count(), 2, 'a village records 日常检查 and 整改复评 only')
    await d.locator('[data-test="entry-save"]').click()
    await d.locator('.el-form-item__error').filter({ hasText: '请选择记录类别' }).waitFor()
    await d.locator('[data-test="entry-kind-check"]').click()
    await d.locator('[data-test="entry-title"]').fill(CHECK_TITLE)
    await d.locator('[data-test="entry-detail"]').fill('村务公开栏已按季度更新，法治书屋台账齐全。')
    const box = await d.locator('[data-test="entry-save"]').boundingBox()
    assert.ok(box && box.y + box.height <= 844 && box.x + box.width <= 390, `the save button is on the phone's screen (${JSON.stringify(box)})`)
    await settle(o)
    const saved = o.waitForResponse((x) => isApi(x, `/api/v1/village/files/${fileId}/entries`, 'POST'))
    await d.locator('[data-test="entry-save"]').click()
    const res = await saved
    assert.equal(res.status(), 201, await res.text())
    const first = o.locator('[data-test="file-entries"] [data-test="entry"]').first()
    await first.getByText(CHECK_TITLE).waitFor()
    assert.equal(await first.getAttribute('data-kind'), 'check')
    await settle(o)
  })

  await ostep('03-its-score-sheet', async () => {
    const link = o.locator('[data-test="file-applications"] [data-test^="sheet-"]').first()
    sheetId = Number((await link.getAttribute('data-test')).replace('sheet-', ''))
    await link.click()
    await o.waitForURL((u) => u.pathname === `/admin/village/applications/${sheetId}`)
    await o.locator('[data-test="sheet-village"]').getByText(VILLAGE).waitFor()
    await o.locator('[data-test="sheet-status"]').getByText('乡镇推荐').waitFor()
    const sheet = (await pageApi(o)('GET', `/api/v1/village/applications/${sheetId}`)).body
    assert.equal(sheet.criteria.length, 15)
    for (const part of ['organisation', 'democracy', 'rule_of_law', 'development', 'support']) await o.locator(`[data-test="part-${part}"]`).waitFor()
    const first = sheet.criteria[0]
    await o.locator(`[data-test="criterion-${first.id}"]`).getByText(first.standard).waitFor()
    await o.locator(`[data-test="township-value-${first.id}"]`).getByText(String(first.township_score)).waitFor()
    const sourced = sheet.criteria.find((c) => c.source === 'activities')
    await o.locator(`[data-test="live-${sourced.id}"]`).getByText(/年普法活动 \d+ 场/).waitFor()
    assert.equal(await o.locator('[data-test^="township-score-"]').count(), 0, 'the village reads the scores, it does not score')
    await o.locator('[data-test="township-total"]').getByText(String(sheet.township_total)).waitFor()
    assert.equal(sheet.township_total, Math.round(sheet.criteria.reduce((t, c) => t + (c.township_score ?? 0), 0) * 10) / 10)
    assert.ok((await sidewaysOf(o)) <= 0, 'nothing scrolls sideways at 390 px')
    await settle(o)
  })

  // ---- (b) the township scores and recommends -------------------------------------------------------------------------
  const l = liaison.page
  let scored
  let criteria
  await lstep('04-to-do-to-the-open-round', async () => {
    await signIn(l, BASE, LIAISON_USER, LIAISON_PASS)
    await l.goto(`${BASE}/admin`)
    await l.locator('[data-test="todo-village.applications.score"] a').click()
    await l.waitForURL((u) => /^\/admin\/village\/rounds\/\d+$/.test(u.pathname) && u.searchParams.get('status') === 'applied')
    const row = l.locator('[data-test="application-table"] .el-table__body-wrapper tr', { hasText: SCORED }).first()
    await row.locator('[data-test="app-status"]').getByText('已申报').waitFor()
    assert.equal(await l.locator('[data-test="application-table"] .el-table__body-wrapper tr', { hasText: VILLAGE }).count(), 0,
      'the list is filtered to 已申报')
    scored = Number((await row.locator('[data-test^="application-"]').getAttribute('data-test')).replace('application-', ''))
    assert.ok((await sidewaysOf(l)) <= 0, 'the round fits 1366 px')
    await settle(l)
  })

  await lstep('05-recommend-needs-every-score', async () => {
    await l.locator(`[data-test="application-${scored}"]`).click()
    await l.waitForURL((u) => u.pathname === `/admin/village/applications/${scored}`)
    await l.locator('[data-test="sheet-village"]').getByText(SCORED).waitFor()
    criteria = (await pageApi(l)('GET', `/api/v1/village/applications/${scored}`)).body.criteria
    await l.locator('[data-test="recommend"]').click()
    await l.getByText(`推荐前请为每一项评分（还有 ${criteria.length} 项）`).waitFor()
    await settle(l)
  })

  const expected = criteria => Math.round(criteria.reduce((a, c) => a + (c.points - 1), 0) * 10) / 10
  await lstep('06-scored', async () => {
    for (const c of criteria) {
      const input = numberInput(l, `township-score-${c.id}`)
      await input.fill(String(c.points - 1))
      await input.press('Tab')
    }
    await l.locator('[data-test="township-total"]').getByText(String(expected(criteria))).waitFor()
    await l.locator('[data-test="township-note"]').fill(`E2E ${stamp}：创建台账基本齐全，同意推荐。`)
    assert.ok((await sidewaysOf(l)) <= 0, 'the sheet fits 1366 px')
    await settle(l)
  })

  await lstep('07-recommended', async () => {
    await l.locator('[data-test="recommend"]').click()
    const box = l.locator('.el-message-box:visible')
    await box.getByText(`乡镇评分合计 ${expected(criteria)} 分`).waitFor()
    const saved = l.waitForResponse((x) => isApi(x, `/api/v1/village/applications/${scored}/township`, 'PUT'))
    await box.getByRole('button', { name: '评分并推荐' }).click()
    const res = await saved
    assert.equal(res.status(), 200, await res.text())
    const body = await res.json()
    assert.equal(body.status, 'recommended')
    assert.equal(body.township_total, expected(criteria))
    assert.equal(Object.keys((await res.request().postDataJSON()).scores).length, criteria.length, 'every criterion sent')
    await l.locator('[data-test="sheet-status"]').getByText('乡镇推荐').waitFor()
    await l.locator('[data-test="township-total"]').getByText(String(expected(criteria))).waitFor()
    await settle(l)
  })

  await lstep('08-the-sheet-on-a-phone', async () => {
    await l.setViewportSize(PHONE)
    await l.reload()
    await l.locator(`[data-test="criterion-${criteria[0].id}"]`).waitFor()
    assert.ok((await sidewaysOf(l)) <= 0, 'nothing scrolls sideways at 390 px')
    await settle(l)
  })

  // ---- (c) the coordinator: overview, coverage, a 复核 ------------------------------------------------------------------
  const c = coord.page
  await cstep('09-overview-figures', async () => {
    await signIn(c, BASE, COORD_USER, COORD_PASS)
    await c.goto(`${BASE}/admin/org/overview`)
    await c.locator('[data-test="card-villages_national"]').getByText('1', { exact: true }).waitFor()
    await c.locator('[data-test="card-villages_provincial"]').getByText('19', { exact: true }).waitFor()
    await c.locator('[data-test="card-villages_jinhua"]').getByText('110', { exact: true }).waitFor()
    await settle(c)
  })

  await cstep('10-coverage', async () => {
    await c.locator('[data-test="card-villages_jinhua"]').click()
    await c.waitForURL((u) => u.pathname === '/admin/village/files' && u.searchParams.get('level') === 'jinhua')
    await c.locator('[data-test="file-table"] .el-table__body-wrapper [data-test="level-tag"]').first().getByText('金华市级民主法治村（社区）').waitFor()
    await c.goto(`${BASE}/admin/village/coverage`)
    await c.locator('[data-test="coverage-chart"] canvas').waitFor()
    const total = c.locator('[data-test="coverage-table"] .el-table__body-wrapper tr', { hasText: '合计' })
    await total.getByText('350', { exact: true }).waitFor()
    await c.locator('[data-test="coverage-table"]').getByText('马涧镇').waitFor()
    assert.ok((await sidewaysOf(c)) <= 0, 'the page fits 1366 px')
    await settle(c)
  })

  let reviewed
  await cstep('11-review-opened', async () => {
    await c.goto(`${BASE}/admin/village/reviews`)
    await c.locator('[data-test="review-table"] .el-table__body-wrapper tr').first().waitFor()
    await c.locator('[data-test="review-add"]').click()
    const d = dialog(c, 'review-open-dialog')
    await d.locator('[data-test="review-open-save"]').click()
    await d.locator('.el-form-item__error').filter({ hasText: '请选择村（社区）' }).waitFor()
    const found = c.waitForResponse((x) => isApi(x, '/api/v1/village/files') && new URL(x.url()).searchParams.get('q') === '马坞')
    await d.locator('[data-test="review-village-select"]').click()
    await c.keyboard.type('马坞')
    await found
    await option(c, VILLAGE).click()
    await d.locator('[data-test="trigger-spot_check"]').click()
    await d.locator('[data-test="review-description"]').fill(`E2E ${stamp}：实地抽查发现村务公开栏内容未按季度更新。`)
    await settle(c)
    const opened = c.waitForResponse((x) => isApi(x, '/api/v1/village/reviews', 'POST'))
    await d.locator('[data-test="review-open-save"]').click()
    const res = await opened
    assert.equal(res.status(), 201, await res.text())
    reviewed = await res.json()
    assert.equal(reviewed.status, 'open')
    assert.equal(reviewed.region_id, fileId)
    const row = c.locator('[data-test="review-table"] .el-table__body-wrapper tr', { hasText: `E2E ${stamp}` }).first()
    await row.locator('[data-test="review-status"]').getByText('复核中').waitFor()
    await row.locator('[data-test="action-decide"]').waitFor()
    assert.ok((await sidewaysOf(c)) <= 0, 'the list fits 1366 px')
    await settle(c)
  })

  await cstep('12-the-file-under-review', async () => {
    await c.locator(`[data-test="review-village-${reviewed.id}"]`).click()
    await c.waitForURL((u) => u.pathname === `/admin/village/files/${fileId}`)
    await c.locator('[data-test="file-under-review"]').waitFor()
    await c.locator('[data-test="file-entries"] [data-test="entry"]').first().getByText('启动复核').waitFor()
    await c.locator('[data-test="file-entries"]').getByText(CHECK_TITLE).waitFor()
    assert.equal(await c.locator('[data-test="file-review"]').count(), 0, 'no second review while one is open')
    await c.locator('[data-test="file-edit"]').waitFor()
    await settle(c)
  })

  for (const [name, path, ready] of [
    ['13-rounds', '/admin/village/rounds', '[data-test="round-table"] .el-table__body-wrapper tr'],
    ['14-criteria', '/admin/village/criteria', '[data-test="set-table"] .el-table__body-wrapper tr'],
    ['15-criteria-set', '/admin/village/criteria/1', '[data-test="set-part-organisation"]'],
    ['16-files', '/admin/village/files', '[data-test="file-table"] .el-table__body-wrapper tr'],
  ]) {
    await cstep(name, async () => {
      await c.goto(`${BASE}${path}`)
      await c.locator(ready).first().waitFor()
      assert.ok((await sidewaysOf(c)) <= 0, `${path} fits 1366 px`)
      await settle(c)
    })
  }

  for (const [name, path, ready] of [
    ['17-files-on-a-phone', '/admin/village/files', '[data-test="file-table"] [data-test="data-card"]'],
    ['18-rounds-on-a-phone', '/admin/village/rounds', '[data-test="round-table"] [data-test="data-card"]'],
    ['19-reviews-on-a-phone', '/admin/village/reviews', '[data-test="review-table"] [data-test="data-card"]'],
    ['20-coverage-on-a-phone', '/admin/village/coverage', '[data-test="coverage-chart"] canvas'],
    ['21-criteria-on-a-phone', '/admin/village/criteria/new?base=1', '[data-test="item-0"]'],
  ]) {
    await cstep(name, async () => {
      await c.setViewportSize(PHONE)
      await c.goto(`${BASE}${path}`)
      await c.locator(ready).first().waitFor()
      assert.ok((await sidewaysOf(c)) <= 0, `${path}: nothing scrolls sideways at 390 px`)
      await settle(c)
    })
  }
})
