// Browser test of the app shell: sign-in, menu by permission, 适老化 (large font) persisted, sign-out.
// Needs a running `pufa serve` (PUFA_URL) and a coordinator's login (PUFA_COORD_USER / PUFA_COORD_PASS).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER ?? ''
const PASS = process.env.PUFA_COORD_PASS ?? ''
const LARGE_FONT_MIN_PX = 18

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  assert.ok(USER && PASS, 'set PUFA_COORD_USER and PUFA_COORD_PASS to a coordinator login')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, '')
})

after(async () => {
  await browser?.close()
})

const rootFontPx = () =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))

const pathOf = () => new URL(page.url()).pathname

/** The session's user as the server sees it (same cookie as the page). */
const me = () =>
  page.evaluate(async () => {
    const r = await fetch('/api/v1/auth/me', { credentials: 'same-origin' })
    return { status: r.status, body: r.status === 200 ? await r.json() : null }
  })

async function setLargeFont(on) {
  const sw = page.locator('[data-test="large-font-switch"]')
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/auth/preferences') && r.request().method() === 'PUT',
  )
  await sw.click()
  const res = await saved
  assert.equal(res.status(), 200, 'PUT /auth/preferences should succeed')
  assert.equal((await res.json()).user.large_font, on, 'server echoes the new large_font')
}

test('coordinator: sign in, menu by permission, large font persisted, sign out', async () => {
  await step('01-anonymous-redirect', async () => {
    await page.goto(`${BASE}/admin`)
    await page.waitForURL((u) => u.pathname === '/login')
    assert.equal(new URL(page.url()).searchParams.get('redirect'), '/admin')
  })

  await step('02-login-validation', async () => {
    await page.locator('[data-test="login-submit"]').click()
    await page.getByText('请输入用户名').first().waitFor()
    assert.equal(pathOf(), '/login', 'empty form must not sign in')
  })

  await step('03-login', async () => {
    await page.locator('input[name="username"]').fill(USER)
    await page.locator('input[name="password"]').fill(PASS)
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL((u) => u.pathname === '/admin')
  })

  const { status, body } = await me()
  assert.equal(status, 200, 'GET /auth/me after login')
  const user = body.user
  assert.ok(user.roles.includes('coordinator'), `PUFA_COORD_USER should be a coordinator, has ${user.roles}`)

  await step('04-layout', async () => {
    const sidebar = page.locator('[data-test="sidebar"]')
    await sidebar.waitFor({ state: 'visible' })
    await assert.doesNotReject(sidebar.getByText('首页', { exact: true }).first().waitFor())
    const menuText = await sidebar.innerText()
    assert.ok(!menuText.includes('用户管理'), `用户管理 must not be in a coordinator's menu: ${menuText}`)
    assert.equal(user.permissions.includes('user.manage'), false, 'a coordinator holds no user.manage')
    const name = await page.locator('[data-test="user-name"]').innerText()
    assert.equal(name.trim(), user.display_name)
    const role = await page.locator('[data-test="user-role"]').innerText()
    assert.match(role, /普法办协调员/)
  })

  await step('05-forbidden-page', async () => {
    await page.goto(`${BASE}/admin/system/users`)
    await page.waitForURL((u) => u.pathname === '/admin/403')
    await page.locator('[data-test="page-403"]').waitFor()
    await page.goto(`${BASE}/admin`)
    await page.locator('[data-test="sidebar"]').waitFor()
  })

  await step('06-large-font-on', async () => {
    if (user.large_font) await setLargeFont(false)
    assert.ok((await rootFontPx()) < LARGE_FONT_MIN_PX, 'normal mode starts below the large size')
    await setLargeFont(true)
    assert.ok((await rootFontPx()) >= LARGE_FONT_MIN_PX, `root font ${await rootFontPx()}px`)
  })

  await step('07-large-font-after-reload', async () => {
    await page.reload()
    await page.locator('[data-test="sidebar"]').waitFor()
    assert.ok((await rootFontPx()) >= LARGE_FONT_MIN_PX, `root font after reload ${await rootFontPx()}px`)
    const sw = page.locator('[data-test="large-font-switch"] input')
    assert.equal(await sw.getAttribute('aria-checked'), 'true')
    assert.equal((await me()).body.user.large_font, true, 'server remembers large_font')
  })

  await step('08-large-font-off', async () => {
    await setLargeFont(false)
    assert.ok((await rootFontPx()) < LARGE_FONT_MIN_PX, `root font back to ${await rootFontPx()}px`)
  })

  await step('09-logout', async () => {
    await page.locator('[data-test="user-menu"]').click()
    await page.locator('[data-test="logout"]').click()
    await page.waitForURL((u) => u.pathname === '/login')
    assert.equal((await me()).status, 401, 'the session is gone on the server')
    await page.goto(`${BASE}/admin`)
    await page.waitForURL((u) => u.pathname === '/login')
  })
})

test('pages carry a Content-Security-Policy that admits no inline script or style sheet', async () => {
  const res = await fetch(`${BASE}/admin`)
  assert.equal(res.status, 200)
  const policy = res.headers.get('content-security-policy') ?? ''
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
  assert.deepEqual(directives['script-src'], ["'self'"])
  assert.deepEqual(directives['style-src'], ["'self'"])
  assert.deepEqual(directives['frame-ancestors'], ["'none'"])
  assert.deepEqual(directives['object-src'], ["'none'"])
  // Only style attributes (ECharts' tooltips) are inline.
  assert.deepEqual(Object.entries(directives).filter(([, v]) => v.includes("'unsafe-inline'")).map(([k]) => k), ['style-src-attr'])
  assert.equal(res.headers.get('x-frame-options'), 'DENY')
})
