// Browser test of what people read when something is wrong: a wrong password says so without a request number;
// an article a law does not have says 该法律没有第X条 under the law's name with the way back to the law (an
// unknown law leads back to the library); an exam that does not exist (/exam/999999, its 成绩统计) shows the
// error page, not an error over figures reading 0.
// Needs a running `pufa serve` with the demo data and laws (PUFA_URL) and the coordinator (PUFA_COORD_USER / _PASS).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER || 'lanxi'
const PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const MISSING = 999999

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'errors-')
})

after(async () => {
  await browser?.close()
})

test('wrong password, a missing law article, a missing exam: a sentence and a way on', async () => {
  await step('01-wrong-password', async () => {
    await page.goto(`${BASE}/login`)
    // an account that does not exist: no real account's failed-login counter moves
    await page.locator('input[name="username"]').fill(`nobody${Date.now()}`)
    await page.locator('input[name="password"]').fill('not-the-password')
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/login')
    await page.locator('[data-test="login-submit"]').click()
    const res = await answered
    assert.equal(res.status(), 401)
    const requestId = (await res.json()).error.request_id
    const notice = page.locator('.login-card [role="alert"]')
    await notice.waitFor()
    const text = await page.locator('.login-card').innerText()
    assert.match(text, /用户名或密码错误/)
    assert.ok(!text.includes('请求编号') && !text.includes(requestId), `no request number for a sign-in error: ${text}`)
  })

  await step('01b-tries-left', async () => {
    // a demo civil servant no other test signs in as: two wrong passwords leave three tries before the lockout
    const user = process.env.PUFA_TRIES_USER || 'gwy199'
    const attempt = async () => {
      await page.locator('input[name="username"]').fill(user)
      await page.locator('input[name="password"]').fill('not-the-password')
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/login')
      await page.locator('[data-test="login-submit"]').click()
      const res = await answered
      assert.equal(res.status(), 401)
      return (await res.json()).error
    }
    const first = await attempt()
    assert.equal(typeof first.remaining_attempts, 'number', `the server says how many tries are left: ${JSON.stringify(first)}`)
    await page.locator('.login-card [role="alert"]').filter({ hasText: first.message }).waitFor()
    assert.ok(first.message.includes(String(first.remaining_attempts)), 'the zh-CN sentence says it itself')
    assert.equal(await page.locator('[data-test="login-remaining"]').count(), 0, 'not said twice')
    // in English the sentence is the locale's, and the count is added
    await page.locator('.login-top').getByText('English', { exact: true }).click()
    const second = await attempt()
    await page.locator('[data-test="login-remaining"]').filter({ hasText: `${second.remaining_attempts} more tries` }).waitFor()
    const text = await page.locator('.login-card').innerText()
    assert.ok(!text.includes(second.request_id) && !/request/i.test(text), `no request number: ${text}`)
    await page.locator('.login-top').getByText('中文', { exact: true }).click()
  })

  await step('02-missing-law-article', async () => {
    const laws = await page.evaluate(async () => (await (await fetch('/api/v1/laws')).json()).items)
    assert.ok(laws.length, 'the law library is imported')
    const law = laws[0]
    await page.goto(`${BASE}/laws/${law.id}/articles/99999`)
    const missing = page.locator('[data-test="law-article-missing"]')
    await missing.getByText('该法律没有第99999条').waitFor()
    const back = missing.locator('[data-test="back-to-law"]')
    assert.equal(await back.getAttribute('href'), `/laws/${law.id}`)
    assert.match(await back.innerText(), new RegExp(law.title))
    const crumbs = await page.locator('[data-test="portal-crumbs"]').innerText()
    assert.ok(crumbs.includes(law.title) && !crumbs.includes('99999'), `the crumbs name the law, not numbers: ${crumbs}`)
    assert.ok(!(await missing.innerText()).includes('条号应为'), 'no format hint for an article that is not there')
  })

  await step('03-missing-law', async () => {
    await page.goto(`${BASE}/laws/${MISSING}/articles/1`)
    const missing = page.locator('[data-test="law-article-missing"]')
    await missing.getByText('未找到该法律').waitFor()
    assert.equal(await missing.locator('a').getAttribute('href'), '/laws')
  })

  await step('04-missing-exam', async () => {
    await signIn(page, BASE, USER, PASS)
    await page.goto(`${BASE}/exam/${MISSING}`)
    await page.locator('[data-test="page-404"]').getByText('考试不存在', { exact: true }).waitFor()
    await page.goto(`${BASE}/admin/exam/exams/${MISSING}/results`)
    await page.locator('[data-test="page-404"]').getByText('考试不存在', { exact: true }).waitFor()
    assert.equal(await page.locator('[data-test="stats-cards"]').count(), 0, 'no figures reading 0 beside the error')
  })
})
