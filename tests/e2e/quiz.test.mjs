// Browser test of the public prize quiz (有奖竞答) at phone size (390×844): a resident opens /quiz without
// any staff sign-in (a portal page: its header back home, its footer), reads how the phone number is used
// and agrees before a code can be asked for, signs in with it, answers today's questions, submits and sees
// the result with each question's options (letter and text) and explanations; the page never scrolls sideways.
// The demo sends codes to an SMS outbox file (--sms-outbox), never to the log. The test takes the code
// from the OTP answer when the server runs with PUFA_QUIZ_OTP_ECHO=1 (dev_code), else from the outbox
// at PUFA_SMS_OUTBOX (a JSON line {"at","phone","code","quiz"}).
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { CHROMIUM, CHROMIUM_ARGS, SHOTS, TIMEOUT_MS, chromium } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const SERVER_LOG = process.env.PUFA_SERVER_LOG ?? ''
const SMS_OUTBOX = process.env.PUFA_SMS_OUTBOX ?? ''
const PHONE = `139${String(Date.now()).slice(-8)}`
const MASKED = `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`
const CODE_WAIT_MS = 5_000

let browser
let context
let page
let shotDir

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  })
  context.setDefaultTimeout(TIMEOUT_MS)
  page = await context.newPage()
  shotDir = SHOTS || (await import('node:os')).tmpdir()
})

after(async () => {
  await browser?.close()
})

async function step(name, fn) {
  try {
    await fn()
    if (SHOTS) await page.screenshot({ path: join(shotDir, `quiz-${name}.png`), fullPage: true })
  } catch (e) {
    const file = join(shotDir, `FAILED-quiz-${name}.png`)
    await page.screenshot({ path: file, fullPage: true }).catch(() => {})
    e.message = `${e.message}\n(screenshot: ${file}, url: ${page.url()})`
    throw e
  }
}

/** The page fits the phone: nothing wider than the viewport. */
async function fitsPhone() {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `the page is ${width}px wide at a 390px viewport`)
}

/** The code sent to this phone (the last one in the SMS outbox), waiting a little for it. */
async function codeFromLog() {
  assert.ok(SMS_OUTBOX, 'set PUFA_SMS_OUTBOX to the server\'s --sms-outbox file (tests/support/run-e2e.sh)')
  const deadline = Date.now() + CODE_WAIT_MS
  for (;;) {
    const text = await readFile(SMS_OUTBOX, 'utf8').catch(() => '')
    const sent = text.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((m) => m.phone === PHONE)
    if (sent.length) {
      const code = sent.at(-1).code
      const log = await readFile(SERVER_LOG, 'utf8').catch(() => '')
      assert.ok(!log.split('\n').some((l) => /otp/i.test(l) && l.includes(code)), 'a one-time code reached the server log')
      return code
    }
    assert.ok(Date.now() < deadline, `no code for ${MASKED} in ${SMS_OUTBOX}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

test('a resident takes the daily quiz on a phone and sees the result', async () => {
  let quiz
  await step('01-open', async () => {
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/quizzes/current')
    await page.goto(`${BASE}/quiz`)
    const res = await loaded
    assert.equal(res.status(), 200, 'a quiz is running in the demo')
    quiz = await res.json()
    assert.equal(new URL(page.url()).pathname, '/quiz', 'no staff sign-in asked')
    assert.equal((await page.locator('[data-test="quiz-title"]').innerText()).trim(), quiz.title)
    await page.locator('[data-test="quiz-login"]').waitFor()
    // the portal's page: its header (back home), column bar with 有奖竞答 current, footer
    await page.locator('[data-test="portal-site"]').waitFor()
    assert.equal(await page.locator('[data-test="portal-site"]').getAttribute('href'), '/')
    assert.equal(await page.locator('nav.nav a[aria-current="page"]').innerText(), '有奖竞答')
    await page.locator('[data-test="portal-crumbs"] a[href="/"]').waitFor()
    await page.locator('[data-test="staff-login"]').waitFor()
    await fitsPhone()
  })

  await step('02-code', async () => {
    await page.locator('[data-test="quiz-phone"]').fill(PHONE)
    // how the number is used, and no code before the resident agrees
    assert.match(await page.locator('[data-test="quiz-phone-use"]').innerText(), /仅用于本次竞答/)
    assert.ok(await page.locator('[data-test="quiz-send-code"]').isDisabled(), '获取验证码 waits for the consent')
    assert.ok(await page.locator('[data-test="quiz-login-submit"]').isDisabled(), 'and so does signing in')
    await page.locator('[data-test="quiz-consent"]').tap()
    assert.ok(await page.locator('[data-test="quiz-consent"] input').isChecked(), '我已阅读并同意 ticked')
    const sent = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/quizzes/${quiz.id}/otp`)
    await page.locator('[data-test="quiz-send-code"]').click()
    const res = await sent
    assert.equal(res.status(), 202, 'code requested')
    const body = await res.json()
    assert.ok(body.retry_after_seconds > 0)
    // the button counts down before another code may be asked for
    await page.waitForFunction(() => /秒后重发/.test(document.querySelector('[data-test="quiz-send-code"]')?.textContent ?? ''))
    assert.ok(await page.locator('[data-test="quiz-send-code"]').isDisabled())
    const code = body.dev_code ?? (await codeFromLog())
    await page.locator('[data-test="quiz-code"]').fill(code)
  })

  let today
  await step('03-sign-in', async () => {
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/quizzes/${quiz.id}/today`)
    await page.locator('[data-test="quiz-login-submit"]').click()
    const res = await loaded
    assert.equal(res.status(), 200)
    today = await res.json()
    assert.equal(today.done, false, 'a new phone has not answered today')
    assert.equal(today.questions.length, quiz.questions_per_day)
    await page.locator('[data-test="quiz-q-1"]').waitFor()
    await page.getByText(`当前手机号：${MASKED}`).waitFor()
    await fitsPhone()
  })

  let result
  await step('04-answer', async () => {
    for (let i = 0; i < today.questions.length; i++) {
      const options = page.locator(`[data-test="quiz-q-${i + 1}"] .option`)
      await options.nth(0).tap()
      if (today.questions[i].type === 'multiple') await options.nth(1).tap()
    }
    const submit = page.locator('[data-test="quiz-submit"]')
    assert.ok(await submit.isEnabled(), 'every question answered')
    const sent = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/quizzes/${quiz.id}/today`)
    await submit.tap()
    const res = await sent
    assert.equal(res.status(), 200, 'answers accepted')
    result = await res.json()
  })

  await step('05-result', async () => {
    await page.locator('[data-test="quiz-result"]').waitFor()
    assert.equal(Number(await page.locator('[data-test="quiz-correct"]').innerText()), result.correct)
    await page.getByText(`答对 ${result.correct} / ${result.total} 题，得 ${result.score} 分`).waitFor()
    // each question with its options, letter and text, the right ones marked, in the explanations too
    const first = today.questions[0]
    const options = page.locator('[data-test="quiz-result"] [data-test="quiz-result-options"]').first()
    for (const o of first.options) await options.getByText(`${o.key}. ${o.text}`, { exact: false }).first().waitFor()
    const right = result.explanations.find((e) => e.question_id === first.id)?.correct_answer ?? []
    if (right.length) {
      const text = first.options.find((o) => o.key === right[0]).text
      await page.locator('[data-test="quiz-result"]').getByText(`${right[0]}. ${text}`).first().waitFor()
    }
    const explained = result.explanations.filter((e) => e.explanation)
    if (explained.length) await page.getByText(explained[0].explanation, { exact: false }).first().waitFor()
    await fitsPhone()
    // the token kept for this tab says today is done
    const again = await page.evaluate(async (id) => {
      const s = JSON.parse(sessionStorage.getItem('pufa.quizToken') ?? 'null')
      const r = await fetch(`/api/v1/quizzes/${id}/today`, { headers: { 'X-Quiz-Token': s?.token ?? '' } })
      return { status: r.status, body: await r.json() }
    }, quiz.id)
    assert.equal(again.status, 200)
    assert.equal(again.body.done, true)
    assert.equal(again.body.result.correct, result.correct)
  })

  await step('06-leaderboard', async () => {
    await page.getByRole('tab', { name: '排行榜' }).tap()
    await page.locator('[data-test="quiz-board"] .el-table').waitFor()
    await fitsPhone()
  })
})
