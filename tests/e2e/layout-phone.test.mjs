// Browser test of the staff app on a phone (390×844): the demo examinee signs in, the sidebar gives way to
// a drawer opened from the header's menu button, 我的考试 is chosen there (the drawer closes), the open exam
// is listed and nothing makes the page scroll sideways; 适老化 is named beside its switch. A village operator's
// ledger has no area tree (their scope is one village), its filters fit, and each row is a card with its
// fields and its actions.
// Needs a running `pufa serve` with the demo data (PUFA_URL) and the demo examinee (PUFA_EXAMINEE_USER /
// _PASS, default wangfang / Pufa-Exam-2026) with an open exam; see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_EXAMINEE_USER || 'wangfang'
const PASS = process.env.PUFA_EXAMINEE_PASS || 'Pufa-Exam-2026'
const PHONE = { width: 390, height: 844 }

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  await page.setViewportSize(PHONE)
  step = stepper(page, browser.shotDir, 'phone-')
})

after(async () => {
  await browser?.close()
})

/** How far the page is wider than the screen (0 when it fits). */
const overflowPx = () =>
  page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth)

const drawer = () => page.locator('[data-test="menu-drawer"]')

test('an examinee on a phone opens the menu drawer, goes to 我的考试 and sees the open exam', async () => {
  await step('01-sign-in', async () => {
    await signIn(page, BASE, USER, PASS)
    await page.waitForURL((u) => u.pathname === '/admin')
  })

  await step('02-compact-shell', async () => {
    await page.locator('[data-test="user-menu"]').waitFor({ state: 'visible' })
    assert.equal(await page.locator('[data-test="sidebar"]').count(), 0, 'no sidebar beside the page on a phone')
    assert.equal(await drawer().isVisible(), false, 'the menu drawer starts closed')
    const main = await page.locator('.layout-main').boundingBox()
    assert.ok(main.x <= 1 && main.width >= PHONE.width - 1, `the page takes the full width: ${JSON.stringify(main)}`)
    assert.ok((await overflowPx()) <= 0, `no horizontal overflow on the home page (${await overflowPx()} px)`)
  })

  await step('03-open-drawer', async () => {
    await page.getByRole('button', { name: '展开/收起菜单' }).click()
    await drawer().waitFor({ state: 'visible' })
    await drawer().getByText('首页', { exact: true }).first().waitFor()
    // settled: slid in fully against the left edge, narrower than the screen so the page shows beside it
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-test="menu-drawer"]')?.getBoundingClientRect()
      return box && Math.abs(box.left) < 1
    })
    const box = await drawer().boundingBox()
    assert.ok(box.width >= 180 && box.width < PHONE.width, `drawer width ${box.width}`)
  })

  const mine = { items: [] }
  await step('04-my-exams', async () => {
    await drawer().getByText('我的考试', { exact: true }).click()
    await page.waitForURL((u) => u.pathname === '/admin/my-exams')
    await page.locator('[data-test="my-exams"]').waitFor()
    await drawer().waitFor({ state: 'hidden' })
    const crumbs = await page.locator('[data-test="crumbs"]').innerText()
    assert.equal(crumbs.trim(), '我的考试', 'the header shows only the current title')
    const res = await page.evaluate(async () => {
      const r = await fetch('/api/v1/my/exams', { credentials: 'same-origin' })
      return { status: r.status, body: await r.json() }
    })
    assert.equal(res.status, 200, 'GET /my/exams')
    mine.items = res.body.items
    const open = mine.items.find((i) => i.state === 'open' || i.state === 'in_progress')
    assert.ok(open, `the demo examinee has an open exam: ${JSON.stringify(mine.items.map((i) => [i.exam.title, i.state]))}`)
    const card = page.locator(`[data-test="my-exam-${open.exam.id}"]`)
    await card.getByText(open.exam.title).waitFor({ state: 'visible' })
    assert.match(await card.locator('[data-test="state"]').innerText(), /可参加|答题中/)
    assert.ok((await overflowPx()) <= 0, `no horizontal overflow on 我的考试 (${await overflowPx()} px)`)
  })

  await step('05-user-menu', async () => {
    await page.locator('[data-test="user-menu"]').click()
    await page.locator('[data-test="logout"]').waitFor({ state: 'visible' })
    await page.locator('[data-test="user-menu"]').click()
    await page.locator('[data-test="logout"]').waitFor({ state: 'hidden' })
  })

  await step('06-large-font-fits', async () => {
    const label = page.locator('[data-test="large-font-label"]')
    assert.equal((await label.innerText()).trim(), '适老化', 'the switch is named on a phone, not a bare toggle')
    const box = await label.boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `the label is on screen: ${JSON.stringify(box)}`)
    // 适老化 enlarges everything: the compact header must still fit on the phone
    const toggle = async () => {
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/preferences') && r.request().method() === 'PUT')
      await page.locator('[data-test="large-font-switch"]').click()
      assert.equal((await saved).status(), 200, 'PUT /auth/preferences')
    }
    await toggle()
    const on = await page.locator('[data-test="large-font-switch"] input').getAttribute('aria-checked')
    assert.equal(on, 'true', 'large font switched on')
    assert.ok((await overflowPx()) <= 0, `no horizontal overflow in large font (${await overflowPx()} px)`)
    const user = await page.locator('[data-test="user-menu"]').boundingBox()
    assert.ok(user.x + user.width <= PHONE.width, `the user menu stays on screen: ${JSON.stringify(user)}`)
    if (process.env.PUFA_E2E_SHOTS) await page.screenshot({ path: `${browser.shotDir}/phone-06-large-font-on.png` })
    await toggle()
  })
})

test('a village operator on a phone: the ledger has no area tree to pick from, its filters fit, its rows are cards', async () => {
  await step('11-sign-in-operator', async () => {
    await page.context().clearCookies()
    await page.goto(`${BASE}/login`)
    await page.locator('input[name="username"]').fill(process.env.PUFA_OPERATOR_USER || 'mawu')
    await page.locator('input[name="password"]').fill(process.env.PUFA_OPERATOR_PASS || 'Pufa-Mawu-2026')
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL((u) => u.pathname === '/admin')
  })

  await step('12-ledger', async () => {
    await page.goto(`${BASE}/admin/activity/activities`)
    const form = page.locator('[data-test="search-form"]')
    await form.waitFor({ state: 'visible' })
    const formBox = await form.boundingBox()
    assert.ok(formBox.x >= 0 && formBox.x + formBox.width <= PHONE.width + 1,
      `the filter form fits the screen: ${JSON.stringify(formBox)}`)
    assert.equal(await page.locator('.tree-pane').count(), 0, 'a scope of one village has no area tree')
    assert.ok((await overflowPx()) <= 0, `no horizontal overflow on the ledger (${await overflowPx()} px)`)
  })

  await step('13-ledger-cards', async () => {
    const cards = page.locator('[data-test="registry-table"] [data-test="data-card"]')
    await cards.first().waitFor()
    assert.equal(await page.locator('[data-test="registry-table"] .el-table').count(), 0, 'no table on a phone')
    const card = cards.first()
    const title = (await card.locator('.data-card-title').innerText()).trim()
    assert.ok(title.length > 4 && !title.endsWith('…'), `the card shows the whole title: "${title}"`)
    for (const label of ['日期', '区域', '主办单位', '状态']) {
      await card.locator('.data-card-line dt', { hasText: label }).first().waitFor()
    }
    for (const action of ['view', 'edit', 'delete']) {
      const box = await card.locator(`[data-test="${action}"]`).boundingBox()
      assert.ok(box && box.height >= 44 && box.x >= 0 && box.x + box.width <= PHONE.width, `${action} is a large button on screen: ${JSON.stringify(box)}`)
    }
    const cardBox = await card.boundingBox()
    assert.ok(cardBox.x >= 0 && cardBox.x + cardBox.width <= PHONE.width, `the card fits: ${JSON.stringify(cardBox)}`)
  })
})
