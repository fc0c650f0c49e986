// Browser test of the staff home and 概览 by role: a village operator (PUFA_OPERATOR_USER / _PASS, default
// mawu) sees no 区域管理 / 学校管理 in the menu or among the home page's shortcuts (a direct visit is 403), and
// 概览 shows the figures of a village — this year's activities, places, people — without township, school or
// coverage cards; on a phone the home page's welcome table reads one pair a line. The coordinator
// (PUFA_COORD_USER / _PASS) still has the city's cards and pages.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const OP_USER = process.env.PUFA_OPERATOR_USER || 'mawu'
const OP_PASS = process.env.PUFA_OPERATOR_PASS || 'Pufa-Mawu-2026'
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'role-home-')
})

after(async () => {
  await browser?.close()
})

const apiGet = (path) =>
  page.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' })
    return { status: r.status, body: await r.json() }
  }, path)

const cardTexts = async () => (await page.locator('[data-test="overview-cards"] .card').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '))

test('a village operator: the pages and figures of a village, a welcome table that reads on a phone', async () => {
  await step('01-sign-in', async () => {
    await signIn(page, BASE, OP_USER, OP_PASS)
    const me = await apiGet('/api/v1/auth/me')
    const regions = await apiGet('/api/v1/regions')
    assert.equal(regions.body.items.find((r) => r.id === me.body.user.region_id)?.level, 3, `${OP_USER} works in a village`)
  })

  await step('02-menu-and-shortcuts', async () => {
    const sidebar = page.locator('[data-test="sidebar"]')
    await sidebar.getByText('组织与队伍', { exact: true }).click()
    await sidebar.getByText('人员管理', { exact: true }).waitFor()
    const menu = await sidebar.innerText()
    for (const hidden of ['区域管理', '学校管理']) assert.ok(!menu.includes(hidden), `no ${hidden} in a village's menu: ${menu}`)
    await page.goto(`${BASE}/admin`)
    const shortcuts = page.locator('[data-test="shortcuts"]')
    await shortcuts.getByText('活动台账', { exact: true }).waitFor()
    const text = await shortcuts.innerText()
    for (const hidden of ['区域管理', '学校管理']) assert.ok(!text.includes(hidden), `no ${hidden} shortcut: ${text}`)
    await page.goto(`${BASE}/admin/org/regions`)
    await page.locator('[data-test="page-403"]').waitFor()
  })

  await step('03-overview', async () => {
    const counted = page.waitForResponse((r) => {
      const u = new URL(r.url())
      return u.pathname === '/api/v1/activities' && u.searchParams.get('starts_on_from') === `${YEAR}-01-01`
    })
    await page.goto(`${BASE}/admin/org/overview`)
    const activities = (await (await counted).json()).total
    await page.locator('[data-test="card-activities_this_year"]').waitFor()
    const overview = (await apiGet('/api/v1/stats/overview')).body
    const cards = await cardTexts()
    const figure = async (key) => (await page.locator(`[data-test="card-${key}"] strong`).innerText()).replace(/,/g, '')
    assert.equal(await figure('activities_this_year'), String(activities), '本年普法活动: the village’s activities this year')
    assert.equal(await figure('places'), String(overview.places))
    assert.equal(await figure('people'), String(overview.people))
    for (const gone of ['乡镇（街道）', '村（社区）', '学校', '覆盖率']) {
      assert.ok(!cards.some((c) => c.includes(gone)), `no "${gone}" card at a village: ${cards.join(' | ')}`)
    }
    const link = await page.locator('[data-test="card-activities_this_year"]').getAttribute('href')
    assert.ok(link.includes(`starts_on_from=${YEAR}-01-01`), `the card opens this year's ledger: ${link}`)
  })

  await step('04-welcome-on-a-phone', async () => {
    await page.setViewportSize(PHONE)
    await page.goto(`${BASE}/admin`)
    const welcome = page.locator('[data-test="welcome"]')
    await welcome.waitFor()
    const cells = await welcome.locator('.el-descriptions__cell').evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent.trim(), width: e.getBoundingClientRect().width, height: e.getBoundingClientRect().height })),
    )
    for (const c of cells) {
      // a character a line would make a four-character label at least four lines high
      assert.ok(c.height < 64 && c.width > 56, `"${c.text}" reads on one line: ${JSON.stringify(c)}`)
    }
    assert.ok((await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth)) <= 0, 'no sideways scrolling')
  })
})

test('the coordinator keeps the city’s pages and cards', async () => {
  await step('11-sign-in', async () => {
    await page.setViewportSize({ width: 1366, height: 800 })
    await page.context().clearCookies()
    await signIn(page, BASE, COORD_USER, COORD_PASS)
  })

  await step('12-overview', async () => {
    await page.goto(`${BASE}/admin/org/overview`)
    await page.locator('[data-test="card-townships"]').waitFor()
    const cards = await cardTexts()
    for (const want of ['乡镇（街道）', '学校', '覆盖率', '本年普法活动']) {
      assert.ok(cards.some((c) => c.includes(want)), `the city has "${want}": ${cards.join(' | ')}`)
    }
    const sidebar = page.locator('[data-test="sidebar"]')
    await sidebar.getByText('区域管理', { exact: true }).waitFor()
    await sidebar.getByText('学校管理', { exact: true }).waitFor()
  })
})
