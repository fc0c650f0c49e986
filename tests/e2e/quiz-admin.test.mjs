// Browser test of the staff pages of the prize quizzes (学法考试 › 有奖竞答): the coordinator opens the list,
// finds the demo quizzes, opens this year's (leaderboard and an uncommitted draw panel) and the 2020 one
// (ranked residents with masked phones, the revealed seed and the winners); then creates a quiz through the
// form (a server field error shown on its field first), finds it in the list and commits its seed.
// Needs a running `pufa serve` with the demo data (PUFA_URL) and the coordinator (PUFA_COORD_USER / _PASS).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER || 'lanxi'
const PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const NEW_TITLE = `浏览器测试竞答 ${Date.now()}`
const MASKED = /^1\d{2}\*{4}\d{4}$/

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  // a browser in Berlin: the quiz's window is still typed and read in Beijing time
  browser = await openBrowser({ timezoneId: 'Europe/Berlin' })
  page = browser.page
  step = stepper(page, browser.shotDir, 'quiz-admin-')
})

after(async () => {
  await browser?.close()
})

const api = (path) =>
  page.evaluate(async (path) => {
    const r = await fetch(path, { credentials: 'same-origin' })
    return { status: r.status, body: await r.json() }
  }, path)

const sidebar = () => page.locator('[data-test="sidebar"]')
const list = () => page.locator('[data-test="quiz-admin-list"]')

async function openList() {
  await sidebar().getByText('有奖竞答', { exact: true }).click()
  await list().waitFor()
  await list().locator('.el-table__body tr').first().waitFor()
}

test('a coordinator manages the prize quizzes: list, detail with leaderboard and draw, create, commit', async () => {
  await step('01-sign-in', async () => {
    await signIn(page, BASE, USER, PASS)
  })

  let quizzes
  await step('02-list', async () => {
    await sidebar().getByText('学法考试', { exact: true }).click()
    await openList()
    const r = await api('/api/v1/quizzes')
    assert.equal(r.status, 200)
    quizzes = r.body.items
    const year = new Date().getFullYear()
    for (const q of quizzes) await list().getByText(q.title, { exact: true }).waitFor()
    assert.ok(quizzes.some((q) => q.title.startsWith(`${year}年宪法宣传周`)), 'the demo quiz of this year is listed')
    assert.ok(quizzes.some((q) => q.title.startsWith('2020')), 'the demo 2020 quiz is listed')
  })

  await step('03-current-detail', async () => {
    const current = quizzes.find((q) => q.title.startsWith(`${new Date().getFullYear()}年宪法宣传周`))
    await list().locator(`[data-test="quiz-row-${current.id}"]`).click()
    const detail = page.locator('[data-test="quiz-admin-detail"]')
    await detail.locator('[data-test="quiz-title"]').getByText(current.title).waitFor()
    await detail.locator('[data-test="quiz-leaderboard"]').getByText('排行榜').waitFor()
    assert.equal(await detail.locator('[data-test="quiz-participants"]').innerText(), String(current.participants))
    const panel = detail.locator('[data-test="quiz-draw-panel"]')
    if (!current.draw) assert.ok(await panel.locator('[data-test="quiz-commit"]').isEnabled(), 'an open quiz can be committed')
    await panel.getByText('如何自行核对').waitFor()
  })

  await step('04-2020-detail', async () => {
    const old = quizzes.find((q) => q.title.startsWith('2020'))
    await page.goBack()
    await list().locator(`[data-test="quiz-row-${old.id}"]`).click()
    const detail = page.locator('[data-test="quiz-admin-detail"]')
    await detail.locator('[data-test="quiz-title"]').getByText(old.title).waitFor()
    const rows = detail.locator('[data-test="quiz-leaderboard"] .el-table__body tr')
    await rows.first().waitFor()
    assert.ok((await rows.count()) > 1, 'the 2020 leaderboard has residents')
    const phone = (await rows.first().locator('td').nth(1).innerText()).trim()
    assert.match(phone, MASKED, `the leaderboard masks phones: ${phone}`)
    const panel = detail.locator('[data-test="quiz-draw-panel"]')
    assert.equal((await panel.locator('[data-test="quiz-commitment"]').innerText()).trim(), old.draw.commitment)
    assert.equal((await panel.locator('[data-test="quiz-seed"]').innerText()).trim(), old.draw.seed)
    const winners = panel.locator('[data-test="quiz-winners"] .el-table__body tr')
    assert.equal(await winners.count(), old.draw.winners.length)
    assert.equal((await winners.first().locator('td').nth(1).innerText()).trim(), old.draw.winners[0].phone_masked)
  })

  await step('05-create', async () => {
    await sidebar().getByText('有奖竞答', { exact: true }).click()
    await list().waitFor()
    await list().locator('[data-test="quiz-add"]').click()
    const form = page.locator('[data-test="quiz-form"]')
    await form.waitFor()
    // a title the server refuses as taken: its message shows on the title field
    await form.locator('[data-test="quiz-title-input"]').fill(quizzes[0].title)
    await form.locator('[data-test="quiz-intro-input"]').fill('浏览器测试：每天 5 题。')
    const inputs = form.locator('.el-date-editor input')
    const y = new Date().getFullYear() + 1
    await inputs.nth(0).fill(`${y}-03-01 08:00`)
    await inputs.nth(1).fill(`${y}-03-15 20:00`)
    await inputs.nth(1).press('Enter')
    await form.locator('[data-test="quiz-bank"]').click()
    await page.locator('.el-select-dropdown__item').filter({ hasText: '宪法知识竞答题库' }).first().click()
    await form.locator('[data-test="quiz-save"]').click()
    await form.locator('.el-form-item.is-error').getByText('已有同名竞答').waitFor()
    await form.locator('[data-test="quiz-title-input"]').fill(NEW_TITLE)
    await form.locator('[data-test="quiz-save"]').click()
    await page.locator('[data-test="quiz-admin-detail"] [data-test="quiz-title"]').getByText(NEW_TITLE).waitFor()
  })

  await step('06-in-list-and-commit', async () => {
    await sidebar().getByText('有奖竞答', { exact: true }).click()
    await openList()
    const r = await api('/api/v1/quizzes')
    const made = r.body.items.find((q) => q.title === NEW_TITLE)
    assert.ok(made, 'the new quiz is stored')
    assert.equal(made.bank_name, '宪法知识竞答题库')
    // the picker reads the typed time as Beijing time, whatever the browser's zone: 08:00 is 00:00 UTC
    const y = new Date().getFullYear() + 1
    assert.equal(made.opens_at, `${y}-03-01T00:00:00Z`)
    assert.equal(made.closes_at, `${y}-03-15T12:00:00Z`)
    await list().getByText(NEW_TITLE, { exact: true }).waitFor()
    await list().locator(`[data-test="quiz-row-${made.id}"]`).click()
    const panel = page.locator('[data-test="quiz-draw-panel"]')
    await panel.locator('[data-test="quiz-commit"]').click()
    // the public source of randomness is named before the close, with a suggestion filled in
    const box = page.locator('.el-message-box')
    assert.match(await box.locator('input').inputValue(), /双色球/)
    await box.getByRole('button', { name: '确定' }).click()
    const hash = panel.locator('[data-test="quiz-commitment"]')
    await hash.waitFor()
    assert.match((await hash.innerText()).trim(), /^[0-9a-f]{64}$/)
    assert.match(await panel.locator('[data-test="quiz-public-source"]').innerText(), /双色球/)
    assert.ok(await panel.locator('[data-test="quiz-draw"]').isDisabled(), 'no draw before the close')
  })
})
