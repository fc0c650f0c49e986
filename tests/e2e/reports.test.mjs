// Browser test of 履职报告 (issue #14): 市公安局's liaison has the unit's 2019 述职述法 drafted (the platform writes it
// from the records), opens it from the list, completes a paragraph, saves and downloads it as Word, and hands it in; the
// report page reads at 390 px.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, pageApi, signIn, sidewaysOf, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const LIAISON_USER = process.env.PUFA_LIAISON_USER || 'gongan'
const LIAISON_PASS = process.env.PUFA_LIAISON_PASS || 'Pufa-Police-2026'

let browser
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser({ acceptDownloads: true })
  step = stepper(browser.page, browser.shotDir, 'report-')
})

after(async () => {
  await browser?.close()
})

test('a liaison drafts the unit\'s report from the records, completes it, downloads Word and hands it in', async () => {
  const p = browser.page
  let id
  await step('01-drafted', async () => {
    await signIn(p, BASE, LIAISON_USER, LIAISON_PASS)
    // The liaison's unit, as its tasks name it.
    const tasks = await pageApi(p)('GET', '/api/v1/duty/tasks?year=2020&page_size=1')
    const made = await pageApi(p)('POST', '/api/v1/duty/reports', { unit_id: tasks.body.items[0].unit_id, year: 2019, kind: 'legal' })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    id = made.body.id
    await p.goto(`${BASE}/admin/duty/reports`)
    await p.locator(`[data-test="report-${id}"]`).click()
    await p.locator('[data-test="report-form"]').waitFor()
    assert.match(await p.locator('[data-test="report-body"]').inputValue(), /^一、学法情况/)
    await p.locator('[data-test="report-preview"] .h1').first().waitFor()
  })

  await step('02-completed-and-word', async () => {
    const body = p.locator('[data-test="report-body"]')
    await body.fill(`${await body.inputValue()}\n（一）补充。全年组织旁听庭审两次。`)
    const saved = p.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/duty/reports/${id}` && r.request().method() === 'PUT')
    await p.locator('[data-test="report-save"]').click()
    assert.equal((await saved).status(), 200)
    await p.locator('[data-test="report-preview"]').getByText('（一）补充。全年组织旁听庭审两次。').waitFor()
    const [download] = await Promise.all([p.waitForEvent('download'), p.locator('[data-test="report-docx"]').click()])
    assert.match(download.suggestedFilename(), /2019年度述职述法报告\.docx$/)
  })

  await step('03-handed-in', async () => {
    const sent = p.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/duty/reports/${id}/submit`)
    await p.locator('[data-test="report-submit"]').click()
    assert.equal((await sent).status(), 200)
    await p.locator('[data-test="report-status"]').getByText('已报送').waitFor()
    assert.ok(await p.locator('[data-test="report-body"]').isDisabled())
  })

  await p.setViewportSize({ width: 390, height: 844 })
  await step('04-on-a-phone', async () => {
    await p.reload()
    await p.locator('[data-test="report-preview"]').waitFor()
    assert.ok((await sidewaysOf(p)) <= 0, 'nothing scrolls sideways at 390 px')
  })
})
