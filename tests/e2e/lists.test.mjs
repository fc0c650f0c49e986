// Browser test of the staff lists at 1366×800: the 普法活动台账 asks for the latest activities first
// (sort=-starts_on, the 日期 header showing it) and, like the other lists, fits its columns without a sideways
// scrollbar. The coordinator (PUFA_COORD_USER / _PASS) opens the ledger, 学法记录, 考试管理 and 文章管理; the
// administrator (PUFA_ADMIN_USER / _PASS) 用户管理 and 审计日志.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { DESKTOP, openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const ADMIN_USER = process.env.PUFA_ADMIN_USER || 'admin'
const ADMIN_PASS = process.env.PUFA_ADMIN_PASS || 'Pufa-Admin-2026'
const AUDIT_USER = process.env.PUFA_AUDIT_USER || 'shenji'
const AUDIT_PASS = process.env.PUFA_AUDIT_PASS || 'Pufa-Audit-2026'

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'lists-')
})

after(async () => {
  await browser?.close()
})

/** The list's table is no wider than its card: how far it scrolls sideways (0 when it fits). */
async function sideways(table) {
  await page.locator(`${table} .el-table__body tr`).first().waitFor()
  return page.locator(`${table} .el-table__body-wrapper .el-scrollbar__wrap`).first().evaluate((e) => e.scrollWidth - e.clientWidth)
}

async function fits(path, table, what) {
  await page.goto(`${BASE}${path}`)
  const px = await sideways(table)
  assert.ok(px <= 1, `${what} fits at ${DESKTOP.width} px (scrolls ${px} px sideways)`)
  assert.ok((await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth)) <= 0, `${what}: the page does not scroll sideways`)
}

test('the ledger lists the latest first, and every list fits a 1366 px screen', async () => {
  await step('01-sign-in', async () => {
    await signIn(page, BASE, COORD_USER, COORD_PASS)
  })

  await step('02-ledger-latest-first', async () => {
    const first = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/activities')
    await page.goto(`${BASE}/admin/activity/activities`)
    const url = new URL((await first).url())
    assert.equal(url.searchParams.get('sort'), '-starts_on', `the ledger asks for the latest first: ${url.search}`)
    const table = '[data-test="registry-table"]'
    await page.locator(`${table} .el-table__body tr`).first().waitFor()
    assert.match(await page.locator(`${table} th.col-starts_on`).getAttribute('class'), /descending/, 'the 日期 header shows the order')
    const dates = (await page.locator(`${table} .el-table__body td.col-starts_on`).allInnerTexts()).map((s) => s.trim())
    assert.deepEqual(dates, [...dates].sort().reverse(), `newest first: ${dates.join(', ')}`)
    const px = await sideways(table)
    assert.ok(px <= 1, `the ledger fits at 1366 px (scrolls ${px} px sideways)`)
    const title = page.locator(`${table} .el-table__body td.col-title`).first()
    assert.ok((await title.boundingBox()).width >= 200, 'the title has the room')
    // no cramped cells: the row's actions on one line, its status tag whole
    const tops = await page.locator(`${table} .el-table__body tr`).first().locator('td.col-actions .el-button')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))
    assert.equal(new Set(tops).size, 1, `查看 编辑 删除 退回 on one line: ${tops}`)
    const tag = page.locator(`${table} .el-table__body td.col-status .el-tag`).first()
    const cut = await tag.evaluate((e) => e.closest('.cell').scrollWidth - e.closest('.cell').clientWidth)
    assert.ok(cut <= 0, `the status tag is not cut (${cut} px)`)
  })

  await step('03-other-lists', async () => {
    await fits('/admin/activity/study', '[data-test="registry-table"]', '学法记录')
    await fits('/admin/exam/exams', '[data-test="exam-exams"]', '考试管理')
    await fits('/admin/content/articles', '[data-test="article-table"]', '文章管理')
  })

  await step('04-admin-lists', async () => {
    await page.context().clearCookies()
    await signIn(page, BASE, ADMIN_USER, ADMIN_PASS)
    await fits('/admin/system/users', '.page', '用户管理')
    // 三员分立: the audit is the audit administrator's
    await page.context().clearCookies()
    await signIn(page, BASE, AUDIT_USER, AUDIT_PASS)
    await fits('/admin/system/audit', '.page', '审计日志')
  })
})
