// Browser test of the one rule for time: the wire carries UTC, people read Asia/Shanghai — whatever the
// browser's zone. In a browser set to Los Angeles (16 hours behind Beijing) the coordinator (PUFA_COORD_USER /
// _PASS) reads the demo 2020 exam's window in Beijing time, the 计划总结 article's 发布时间 as the seed page
// prints it (2020-08-10 18:12), the 宣传日历 opening on Beijing's today, and a new article's 成文日期 set to it,
// its calendar marking Beijing's today.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER || 'lanxi'
const PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const YEARLY = '2020年度兰溪市国家工作人员学法用法考试'
const PLAN_INDEX_NO = '1133078173379010XA/2020-97511'

/** What a Beijing clock reads at this instant: "2026-12-02 02:02" (and the date alone). */
const beijing = (instant) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  )
  return { minute: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`, day: `${p.year}-${p.month}-${p.day}` }
}

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser({ timezoneId: 'America/Los_Angeles' })
  page = browser.page
  step = stepper(page, browser.shotDir, 'time-zone-')
})

after(async () => {
  await browser?.close()
})

const apiGet = (path) =>
  page.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' })
    return { status: r.status, body: await r.json() }
  }, path)

test('in a Los Angeles browser every date and time reads in Beijing time', async () => {
  await step('01-sign-in', async () => {
    await signIn(page, BASE, USER, PASS)
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
    assert.equal(zone, 'America/Los_Angeles', 'the browser is not in Beijing')
  })

  await step('02-exam-window', async () => {
    const exams = await apiGet('/api/v1/exams?page_size=100')
    const exam = exams.body.items.find((e) => e.title === YEARLY)
    assert.ok(exam, `the demo has ${YEARLY}`)
    await page.goto(`${BASE}/admin/exam/exams`)
    const row = page.locator('[data-test="exam-exams"] .el-table__body tr', { hasText: YEARLY }).first()
    await row.waitFor()
    const window = `${beijing(exam.opens_at).minute} ~ ${beijing(exam.closes_at).minute}`
    assert.ok((await row.innerText()).includes(window), `the window reads ${window}: ${await row.innerText()}`)
  })

  await step('03-published-at', async () => {
    const list = await apiGet('/api/v1/public/articles?column=plans&page=1&page_size=50')
    let id = 0
    for (const a of list.body.items) {
      if ((await apiGet(`/api/v1/public/articles/${a.id}`)).body.index_no === PLAN_INDEX_NO) id = a.id
    }
    assert.ok(id, `the 计划总结 article ${PLAN_INDEX_NO}`)
    await page.goto(`${BASE}/articles/${id}`)
    const meta = page.locator('[data-test="meta-published_at"]')
    await meta.waitFor()
    assert.match(await meta.innerText(), /2020-08-10 18:12/, 'the seed page’s 发布时间, in Beijing time')
  })

  const today = beijing(Date.now()).day
  await step('04-calendar-today', async () => {
    await page.goto(`${BASE}/admin/activity/calendar`)
    await page.locator('[data-test="calendar"]').waitFor()
    assert.match(await page.locator('[data-test="cal-year"]').innerText(), new RegExp(today.slice(0, 4)))
    const month = new Intl.DateTimeFormat('zh-CN', { month: 'long', timeZone: 'UTC' }).format(new Date(`${today}T12:00:00Z`))
    assert.equal((await page.locator('[data-test="cal-month"]').innerText()).trim(), month, 'the month of Beijing’s today')
    await page.locator(`td.is-selected [data-test="day-${today}"]`).waitFor()
    assert.equal(await page.locator('[data-test="calendar"] .cell.today').getAttribute('data-test'), `day-${today}`, 'today is marked on Beijing’s day')
  })

  await step('05-article-written-on', async () => {
    await page.goto(`${BASE}/admin/content/articles/new`)
    const input = page.locator('.el-form-item', { hasText: '成文日期' }).locator('input').first()
    await input.waitFor()
    assert.equal(await input.inputValue(), today, '成文日期 starts on today in Beijing')
    // The calendar marks Beijing's today, which is not the browser's today in Los Angeles.
    await input.click()
    const marked = page.locator('.el-date-table td.is-beijing-today:visible')
    await marked.first().waitFor()
    assert.equal(await marked.count(), 1)
    assert.equal((await marked.innerText()).trim(), String(Number(today.slice(8, 10))))
    await page.keyboard.press('Escape')
  })
})
