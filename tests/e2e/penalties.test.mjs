// Browser test of 以案释法 from enforcement (issue #14): 市公安局's liaison imports the unit's penalty decisions
// as Chinese Excel saves a CSV (GBK); the dialog says how many cases were drafted and which law the library
// lacks; the new decision shows its party masked and its 处罚依据 linked; the coordinator reveals the full
// name (pii.read); the page works at 390 px.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, sidewaysOf, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const LIAISON_USER = process.env.PUFA_LIAISON_USER || 'gongan'
const LIAISON_PASS = process.env.PUFA_LIAISON_PASS || 'Pufa-Police-2026'
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const DOC_NO = `兰公（治）行罚决字〔2026〕E2E${Date.now() % 100000}号`

let liaison
let coord
let lstep
let cstep

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  liaison = await openBrowser({ phone: true })
  coord = await openBrowser()
  lstep = stepper(liaison.page, liaison.shotDir, 'penalty-liaison-')
  cstep = stepper(coord.page, coord.shotDir, 'penalty-coord-')
})

after(async () => {
  await liaison?.close()
  await coord?.close()
})

const csv = () => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], {
  input: '当事人,当事人类别,决定书文号,违法行为类型,违法事实,处罚依据,处罚内容,决定日期\r\n' +
    `孙大力,自然人,${DOC_NO},殴打他人,孙大力在兰江街道殴打他人,` +
    '《中华人民共和国治安管理处罚法》第四十三条第一款、《浙江省公共场所治安管理规定》第五条,行政拘留五日,2026-03-08\r\n',
})

test('a liaison imports a GBK CSV of decisions on a phone; the coordinator reveals the party', async () => {
  const l = liaison.page
  await lstep('01-penalties-of-the-unit', async () => {
    await signIn(l, BASE, LIAISON_USER, LIAISON_PASS)
    await l.goto(`${BASE}/admin/duty/penalties`)
    await l.locator('[data-test="penalty-table"]').waitFor()
    await l.locator('[data-test="case-tag"]').first().waitFor()
    assert.ok((await sidewaysOf(l)) <= 0, 'nothing scrolls sideways at 390 px')
  })

  await lstep('02-import-dialog-done', async () => {
    await l.locator('[data-test="penalty-import"]').click()
    const dialog = l.locator('[data-test="import-dialog"]').last()
    await dialog.locator('[data-test="import-file"]').setInputFiles({ name: '处罚决定.csv', mimeType: 'text/csv', buffer: csv() })
    const done = l.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/duty/penalties/import')
    await dialog.locator('[data-test="import-start"]').click()
    const res = await done
    assert.equal(res.status(), 200, await res.text())
    assert.equal((await res.json()).imported, 1)
    await dialog.locator('[data-test="import-done"]').waitFor()
    await dialog.locator('[data-test="import-warnings"]').getByText('浙江省公共场所治安管理规定').waitFor()
    await dialog.locator('.el-dialog__footer').getByRole('button', { name: '关闭' }).click()
  })

  await lstep('03-the-new-decision-masked', async () => {
    await l.locator('[data-test="filter-q"]').fill(DOC_NO)
    await l.locator('[data-test="search"]').click()
    const row = l.locator('[data-test="penalty-table"]').getByText('孙*力').first()
    await row.waitFor()
    assert.equal(await l.getByText('孙大力').count(), 0, 'the full name is not on the page')
  })

  const c = coord.page
  await cstep('04-coordinator-reveals', async () => {
    await signIn(c, BASE, COORD_USER, COORD_PASS)
    await c.goto(`${BASE}/admin/duty/penalties`)
    await c.locator('[data-test="filter-q"]').fill(DOC_NO)
    await c.locator('[data-test="search"]').click()
    await c.locator('[data-test="penalty-table"]').getByText(DOC_NO).first().click()
    const detail = c.locator('[data-test="penalty-detail"]').last()
    await detail.locator('[data-test="detail-party"]').getByText('孙*力').waitFor()
    await detail.locator('[data-test="reveal"]').click()
    await detail.locator('[data-test="detail-party"]').getByText('孙大力').waitFor()
  })
})
