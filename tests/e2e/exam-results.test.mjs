// Browser test of 成绩统计 (学法考试 › 考试管理 › 成绩统计): the coordinator opens the demo's 2020 yearly exam from
// the exam list, reads the figures (180 sat, 131 passed, the pass-rate chart), pages through 成绩 to an
// examinee with page events and opens the list of them, then the 排名 tab.
// Needs a running `pufa serve` with the demo data (PUFA_URL) and the coordinator (PUFA_COORD_USER / _PASS).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER || 'lanxi'
const PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const YEARLY = '2020年度兰溪市国家工作人员学法用法考试'

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'exam-results-')
})

after(async () => {
  await browser?.close()
})

const sidebar = () => page.locator('[data-test="sidebar"]')
const results = () => page.locator('[data-test="exam-results"]')

test('a coordinator reads the results of the 2020 exam: figures, chart, page events, ranking', async () => {
  await step('01-sign-in', async () => {
    await signIn(page, BASE, USER, PASS)
  })

  await step('02-open-from-the-list', async () => {
    await sidebar().getByText('学法考试', { exact: true }).click()
    await sidebar().getByText('考试管理', { exact: true }).click()
    const row = page.locator('[data-test="exam-exams"] .el-table__body tr', { hasText: YEARLY })
    await row.first().waitFor()
    await row.first().locator('[data-test^="results-"]').click()
    await results().waitFor()
    await results().locator('h2', { hasText: YEARLY }).waitFor()
  })

  await step('03-figures', async () => {
    const cards = results().locator('[data-test="stats-cards"] .card')
    await cards.first().waitFor()
    await page.waitForFunction(() => {
      const card = [...document.querySelectorAll('[data-test="stats-cards"] .card')].find((c) => c.textContent.includes('实考'))
      return card && card.querySelector('strong')?.textContent.trim() === '180'
    })
    const text = (await cards.allTextContents()).join(' | ')
    assert.match(text, /合格\s*131/, text)
    assert.match(text, /平均分\s*70\.8/, text)
    await results().locator('[data-test="pass-rate-chart"] canvas').first().waitFor()
  })

  await step('04-page-events', async () => {
    await results().locator('.el-tabs__item', { hasText: '成绩' }).first().click()
    const pane = results().locator('#pane-results')
    await pane.locator('.el-table__body tr').first().waitFor()
    const events = pane.locator('[data-test="page-events"]')
    // About one examinee in twelve left the page: page on until one shows up.
    for (let i = 0; i < 12 && (await events.count()) === 0; i++) {
      const next = pane.locator('.el-pagination .btn-next')
      if (await next.isDisabled()) break
      const first = await pane.locator('.el-table__body tr').first().textContent()
      await next.click()
      await page.waitForFunction(
        (before) => document.querySelector('#pane-results .el-table__body tr')?.textContent !== before,
        first,
      )
    }
    assert.ok((await events.count()) > 0, 'no examinee with page events in the results')
    const count = Number((await events.first().textContent()).trim())
    await events.first().click()
    const popover = page.locator('.el-popover', { hasText: '的页面事件' })
    await popover.locator('ol.events li').first().waitFor()
    assert.equal(await popover.locator('ol.events li').count(), count)
    assert.match(await popover.textContent(), /离开页面[\s\S]*返回页面/)
  })

  await step('05-ranking', async () => {
    await page.keyboard.press('Escape')
    await results().locator('.el-tabs__item', { hasText: '排名' }).first().click()
    const first = results().locator('[data-test="ranking"] .el-table__body tr').first()
    await first.waitFor()
    assert.match(await first.textContent(), /^\s*1/)
  })
})
