// Browser test of 成绩统计 (学法考试 › 考试管理 › 成绩统计): the coordinator opens the demo's 2020 yearly exam from
// the exam list, reads the figures (180 sat, 131 passed, 参考率 and 合格率 as the server computed them, the
// pass-rate chart), downloads 导出统计 (the tables by unit and by township: one workbook, two sheets), pages
// through 成绩 (its column 是否合格) to an examinee with page events and opens the list of them, then the 排名 tab.
// Needs a running `pufa serve` with the demo data (PUFA_URL) and the coordinator (PUFA_COORD_USER / _PASS).
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
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
  browser = await openBrowser({ acceptDownloads: true })
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
      const card = [...document.querySelectorAll('[data-test="stats-cards"] .card')].find((c) => c.textContent.includes('参考人数'))
      return card && card.querySelector('strong')?.textContent.trim() === '180'
    })
    const text = (await cards.allTextContents()).join(' | ')
    assert.match(text, /合格人数\s*131/, text)
    assert.match(text, /平均分\s*70\.8/, text)
    await results().locator('[data-test="pass-rate-chart"] canvas').first().waitFor()
    // the rates are the server's, written as percentages
    const id = Number(new URL(page.url()).pathname.split('/').at(-2))
    const stats = await page.evaluate(async (i) => (await fetch(`/api/v1/exams/${i}/stats`)).json(), id)
    const pct = (r) => new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(r)
    assert.equal((await results().locator('[data-test="card-sat-rate"] strong').innerText()).trim(), pct(stats.participation_rate), '参考率')
    assert.equal((await results().locator('[data-test="card-pass-rate"] strong').innerText()).trim(), pct(stats.pass_rate), '合格率')
    assert.equal(pct(stats.participation_rate), '87.4%', '180 of 206')
  })

  await step('03b-export-stats', async () => {
    const headers = await results().locator('[data-test="stats-table"] .el-table__header th').allInnerTexts()
    assert.deepEqual(headers.map((h) => h.trim()).slice(0, 8), ['单位', '应考人数', '参考人数', '缺考人数', '参考率', '合格人数', '合格率', '平均分'])
    const [download] = await Promise.all([page.waitForEvent('download'), results().locator('[data-test="stats-export"]').click()])
    assert.match(download.suggestedFilename(), /成绩统计\.xlsx$/, download.suggestedFilename())
    const file = await readFile(await download.path())
    assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'an xlsx (a zip)')
    const names = file.toString('latin1')
    assert.ok(names.includes('xl/worksheets/sheet1.xml') && names.includes('xl/worksheets/sheet2.xml'), 'two sheets: by unit and by township')
  })

  await step('04-page-events', async () => {
    await results().locator('.el-tabs__item', { hasText: '成绩' }).first().click()
    const pane = results().locator('#pane-results')
    await pane.locator('.el-table__body tr').first().waitFor()
    const heads = (await pane.locator('.el-table__header th').allInnerTexts()).map((h) => h.trim())
    assert.ok(heads.includes('是否合格'), `the column reads 是否合格: ${heads.join(' | ')}`)
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
