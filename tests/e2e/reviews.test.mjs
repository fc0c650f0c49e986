// Browser test of 履职评议 (issue #14): a resident opens the open round on the portal on a phone, rates two
// departments, gets a one-time code (from the SMS outbox), votes, and cannot vote twice with that phone; the
// coordinator sees the ballot in the round's page, enters a panel sheet, and the published 2020 round shows its
// grades on the portal at 390 px.
// Needs a running `pufa serve` with the demo data (PUFA_URL) and its SMS outbox (PUFA_SMS_OUTBOX); see README.md.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, sidewaysOf, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const SMS_OUTBOX = process.env.PUFA_SMS_OUTBOX ?? ''
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const PHONE = `136${String(Date.now()).slice(-8)}`

let phone
let coord
let pstep
let cstep

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  phone = await openBrowser({ phone: true })
  coord = await openBrowser()
  pstep = stepper(phone.page, phone.shotDir, 'review-phone-')
  cstep = stepper(coord.page, coord.shotDir, 'review-coord-')
})

after(async () => {
  await phone?.close()
  await coord?.close()
})

async function codeFor(number) {
  assert.ok(SMS_OUTBOX, 'set PUFA_SMS_OUTBOX to the server\'s --sms-outbox file (tests/support/run-e2e.sh)')
  const deadline = Date.now() + 10_000
  for (;;) {
    const text = await readFile(SMS_OUTBOX, 'utf8').catch(() => '')
    const sent = text.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((m) => m.phone === number)
    if (sent.length) return sent.at(-1).code
    assert.ok(Date.now() < deadline, 'no code in the outbox')
    await new Promise((r) => setTimeout(r, 200))
  }
}

const isApi = (r, path) => new URL(r.url()).pathname === path

test('a resident votes on a phone, once; the coordinator sees the ballot; published grades on the portal', async () => {
  const p = phone.page
  let roundId
  await pstep('01-open-round', async () => {
    await p.goto(`${BASE}/duty/reviews`)
    await p.locator('[data-test="duty-public-reviews"]').waitFor()
    const list = await (await p.request.get(`${BASE}/api/v1/public/duty/reviews`)).json()
    const open = list.items.find((r) => r.status === 'open')
    assert.ok(open, 'the demo has an open round')
    roundId = open.id
    await p.locator('[data-test="duty-public-reviews"] a', { hasText: open.title }).first().click()
    await p.locator('[data-test="review-units"]').waitFor()
    assert.ok((await sidewaysOf(p)) <= 0, 'nothing scrolls sideways at 390 px')
  })

  let entries
  await pstep('02-marks-and-code', async () => {
    entries = (await (await p.request.get(`${BASE}/api/v1/public/duty/reviews/${roundId}`)).json()).entries
    await p.locator(`[data-test="mark-${entries[0].id}"]`).getByText('满意', { exact: true }).click()
    await p.locator(`[data-test="mark-${entries[1].id}"]`).getByText('基本满意', { exact: true }).click()
    await p.locator('[data-test="vote-phone"]').fill(PHONE)
    const sent = p.waitForResponse((r) => isApi(r, `/api/v1/public/duty/reviews/${roundId}/otp`))
    await p.locator('[data-test="vote-otp"]').click()
    assert.equal((await sent).status(), 202)
    await p.locator('[data-test="vote-code"]').fill(await codeFor(PHONE))
  })

  await pstep('03-voted', async () => {
    const cast = p.waitForResponse((r) => isApi(r, `/api/v1/public/duty/reviews/${roundId}/ballots`))
    await p.locator('[data-test="vote-submit"]').click()
    const res = await cast
    assert.equal(res.status(), 201, await res.text())
    assert.equal((await res.json()).counted, 2)
    await p.locator('[data-test="vote-done"]').waitFor()
  })

  await pstep('04-not-twice', async () => {
    await p.reload()
    await p.locator('[data-test="review-units"]').waitFor()
    await p.locator(`[data-test="mark-${entries[0].id}"]`).getByText('不满意', { exact: true }).click()
    await p.locator('[data-test="vote-phone"]').fill(PHONE)
    const refused = p.waitForResponse((r) => isApi(r, `/api/v1/public/duty/reviews/${roundId}/otp`))
    await p.locator('[data-test="vote-otp"]').click()
    assert.equal((await refused).status(), 409)
    await p.getByText('本手机号已参加过本次测评').first().waitFor()
  })

  const c = coord.page
  await cstep('05-coordinator-sees-the-ballot', async () => {
    await signIn(c, BASE, COORD_USER, COORD_PASS)
    await c.goto(`${BASE}/admin/duty/reviews/${roundId}`)
    await c.locator('[data-test="review-entries"]').waitFor()
    await c.locator('[data-test="review-flags"]').waitFor()
    const round = await (await c.request.get(`${BASE}/api/v1/duty/reviews/${roundId}`)).json()
    assert.ok(round.flags.ballots >= 1)
    assert.equal(round.entries.find((e) => e.id === entries[0].id).public.satisfied >= 1, true)
  })

  await cstep('06-panel-sheet', async () => {
    await c.locator('[data-test="sheet-add"]').click()
    await c.locator('[data-test="sheet-scorer"]').fill('评审组 E2E')
    for (const e of entries) await c.locator(`[data-test="sheet-score-${e.id}"] input, input[data-test="sheet-score-${e.id}"]`).first().fill('85')
    const saved = c.waitForResponse((r) => isApi(r, `/api/v1/duty/reviews/${roundId}/sheets`))
    await c.locator('[data-test="sheet-save"]').click()
    assert.equal((await saved).status(), 200)
    await c.locator('[data-test="review-sheets"]').getByText('评审组 E2E').waitFor()
  })

  await pstep('07-published-grades', async () => {
    const list = await (await p.request.get(`${BASE}/api/v1/public/duty/reviews`)).json()
    const done = list.items.find((r) => r.status === 'published' && r.year === 2020)
    await p.goto(`${BASE}/duty/reviews/${done.id}`)
    await p.locator('[data-test="review-results"]').waitFor()
    await p.locator('[data-test="review-results"]').getByText('优秀').first().waitFor({ timeout: 5000 }).catch(async () => {
      await p.locator('[data-test="review-results"]').getByText('良好').first().waitFor()
    })
    assert.ok((await sidewaysOf(p)) <= 0, 'nothing scrolls sideways at 390 px')
  })
})
