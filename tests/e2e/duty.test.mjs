// Browser test of 普法责任制 (issue #14): 市公安局's liaison (gongan, bound to the unit) opens 任务落实, reports a
// manual task by picking one of the unit's own ledger activities in the dialog (another unit's never offered);
// the coordinator confirms it and issues a bulletin, where 市公安局 scores higher than in the bulletin issued
// just before; the published list opens on the portal at phone size with its 信息索引号, items and versions.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, pageApi, signIn, sidewaysOf, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const LIAISON_USER = process.env.PUFA_LIAISON_USER || 'gongan'
const LIAISON_PASS = process.env.PUFA_LIAISON_PASS || 'Pufa-Police-2026'
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const UNIT = '市公安局'

let liaison
let coord
let phone
let lstep
let cstep
let pstep

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  liaison = await openBrowser()
  coord = await openBrowser()
  phone = await openBrowser({ phone: true })
  lstep = stepper(liaison.page, liaison.shotDir, 'duty-liaison-')
  cstep = stepper(coord.page, coord.shotDir, 'duty-coord-')
  pstep = stepper(phone.page, phone.shotDir, 'duty-phone-')
})

after(async () => {
  await liaison?.close()
  await coord?.close()
  await phone?.close()
})

const isApi = (r, path, method) => new URL(r.url()).pathname === path && r.request().method() === method
const scoreOf = (bulletin) => bulletin.rows.find((r) => r.unit_name === UNIT)

test('a liaison answers a task with a ledger activity; the bulletin ranks the unit higher; the list on a phone', async () => {
  const c = coord.page
  const api = pageApi(c)
  let before
  await cstep('01-bulletin-before', async () => {
    await signIn(c, BASE, COORD_USER, COORD_PASS)
    const issued = await api('POST', '/api/v1/duty/bulletins', { year: 2020, title: 'E2E 通报（前）' })
    assert.equal(issued.status, 201, JSON.stringify(issued.body))
    before = scoreOf(issued.body)
    assert.ok(before, `${UNIT} is ranked`)
  })

  const l = liaison.page
  let taskId
  let picked
  await lstep('02-tasks-of-the-unit-only', async () => {
    await signIn(l, BASE, LIAISON_USER, LIAISON_PASS)
    await l.goto(`${BASE}/admin/duty/tasks`)
    const table = l.locator('[data-test="task-table"]')
    await table.locator('.el-table__body-wrapper tr').first().waitFor()
    const units = await table.locator('.el-table__body-wrapper tr td:nth-child(2)').allInnerTexts()
    assert.ok(units.length > 0 && units.every((u) => u.trim() === UNIT), `only ${UNIT}: ${units.join(',')}`)
  })

  await lstep('03-answer-dialog-with-own-records', async () => {
    const row = l.locator('[data-test="task-table"] .el-table__body-wrapper tr', { has: l.locator('[data-test="action-answer"]') }).first()
    const title = (await row.locator('[data-test^="task-"]').first().getAttribute('data-test')) ?? ''
    taskId = Number(title.replace('task-', ''))
    assert.ok(taskId > 0, 'an answerable task')
    const candidates = l.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/duty/tasks/${taskId}/candidates`)
    await row.locator('[data-test="action-answer"]').click()
    const offered = await (await candidates).json()
    assert.ok(offered.items.length > 0, 'the unit has activities to pick')
    const dialog = l.locator('[data-test="answer-dialog"]').last()
    await dialog.locator('[data-test="candidates"]').waitFor()
    picked = offered.items[0]
    await dialog.locator(`[data-test="candidate-${picked.id}"]`).click()
    await dialog.locator('[data-test="picked"]').getByText(picked.title).waitFor()
    await dialog.locator('[data-test="answer-note"]').fill('已开展，佐证见台账')
  })

  await lstep('04-answered', async () => {
    const saved = l.waitForResponse((r) => isApi(r, `/api/v1/duty/tasks/${taskId}/answer`, 'POST'))
    await l.locator('[data-test="answer-dialog"] [data-test="answer-save"]').last().click()
    const res = await saved
    assert.equal(res.status(), 200, await res.text())
    const task = await res.json()
    assert.equal(task.state, 'answered')
    assert.deepEqual(task.evidence.map((e) => e.id), [picked.id])
    await l.locator(`[data-test="task-${taskId}"]`).waitFor()
    const row = l.locator('[data-test="task-table"] .el-table__body-wrapper tr', { has: l.locator(`[data-test="task-${taskId}"]`) }).first()
    await row.getByText(picked.title).first().waitFor()
  })

  await cstep('05-coordinator-confirms', async () => {
    await c.goto(`${BASE}/admin/duty/tasks?state=answered`)
    const row = c.locator('[data-test="task-table"] .el-table__body-wrapper tr', { has: c.locator(`[data-test="task-${taskId}"]`) }).first()
    await row.waitFor()
    const confirmed = c.waitForResponse((r) => isApi(r, `/api/v1/duty/tasks/${taskId}/confirm`, 'POST'))
    await row.locator('[data-test="action-confirm"]').click()
    const res = await confirmed
    assert.equal(res.status(), 200, await res.text())
    assert.ok(['done', 'late'].includes((await res.json()).state))
  })

  await cstep('05b-remind-units', async () => {
    await c.goto(`${BASE}/admin/duty/tasks`)
    const reminded = c.waitForResponse((r) => isApi(r, '/api/v1/duty/reminders', 'POST'))
    await c.locator('[data-test="tasks-remind"]').click()
    const res = await reminded
    assert.equal(res.status(), 200, await res.text())
    await c.getByText(/已催办 \d+ 个单位/).first().waitFor()
  })

  await cstep('06-bulletin-ranks-the-unit-higher', async () => {
    await c.goto(`${BASE}/admin/duty/bulletins`)
    await c.locator('[data-test="bulletin-add"]').click()
    const dialog = c.locator('[data-test="bulletin-dialog"]').last()
    await dialog.locator('[data-test="bulletin-year"] input').fill('2020')
    const issued = c.waitForResponse((r) => isApi(r, '/api/v1/duty/bulletins', 'POST'))
    await dialog.locator('[data-test="bulletin-issue"]').click()
    const res = await issued
    assert.equal(res.status(), 201, await res.text())
    const after = scoreOf(await res.json())
    assert.ok(after.score > before.score, `score ${before.score} → ${after.score}`)
    assert.ok(after.rank <= before.rank, `rank ${before.rank} → ${after.rank}`)
    await c.waitForURL(/\/admin\/duty\/bulletins\/\d+$/)
    const line = c.locator('[data-test="bulletin-rows"] .el-table__body-wrapper tr', { hasText: UNIT }).first()
    await line.getByText(after.score.toFixed(1)).waitFor()
  })

  const p = phone.page
  await pstep('07-published-list-on-a-phone', async () => {
    await p.goto(`${BASE}/duty/lists`)
    await p.locator('[data-test="duty-public-lists"]').waitFor()
    await p.locator('[data-test="duty-public-lists"] a', { hasText: `${UNIT}2020年普法责任清单` }).click()
    await p.locator('[data-test="duty-list-title"]').waitFor()
    assert.equal((await p.locator('[data-test="duty-list-title"]').innerText()).trim(), `${UNIT}2020年普法责任清单`)
    assert.match(await p.locator('[data-test="duty-index-no"]').innerText(), /^1133078173379010XA\/2020-\d{5}$/)
    assert.ok((await p.locator('[data-test="duty-item"]').count()) >= 3)
    await p.locator('[data-test="duty-versions"]').getByText('第 1 版').waitFor()
    assert.ok((await sidewaysOf(p)) <= 0, 'nothing scrolls sideways at 390 px')
  })

  await pstep('08-an-older-version', async () => {
    await p.locator('[data-test="duty-versions"] a', { hasText: '第 1 版' }).click()
    await p.waitForURL(/version=1/)
    await p.getByText('全年开展主题普法活动不少于 3 次').first().waitFor()
  })

  await pstep('08b-a-public-bulletin', async () => {
    await p.goto(`${BASE}/duty/lists`)
    await p.locator('[data-test="duty-public-bulletins"] a').first().click()
    await p.locator('[data-test="duty-public-bulletin"]').waitFor()
    assert.ok((await p.locator('[data-test="bulletin-rows"] li').count()) >= 10)
    assert.ok((await sidewaysOf(p)) <= 0, 'nothing scrolls sideways at 390 px')
  })
})

test('the pages of the area at 1366 and 390 px', async () => {
  const c = coord.page
  await cstep('09-list-form', async () => {
    await c.goto(`${BASE}/admin/duty/lists?status=submitted`)
    await c.locator('[data-test="list-table"] .el-table__body-wrapper tr').first().waitFor()
    await c.locator('[data-test="list-table"] [data-test="action-open"]:visible').first().click()
    await c.locator('[data-test="duty-list-form"] [data-test="list-approve"]').waitFor()
    assert.ok((await sidewaysOf(c)) <= 0)
  })
  await cstep('10-plan-form', async () => {
    await c.goto(`${BASE}/admin/duty/plans`)
    await c.locator('[data-test="plan-table"] .el-link:visible').first().click()
    await c.locator('[data-test="duty-plan-form"] [data-test="point-0"]').waitFor()
  })
  await c.setViewportSize({ width: 390, height: 844 })
  await cstep('11-tasks-on-a-phone', async () => {
    await c.goto(`${BASE}/admin/duty/tasks`)
    await c.locator('[data-test="task-table"]').waitFor()
    await c.getByText('开展民法典“四大行动”集中宣传').first().waitFor()
    assert.ok((await sidewaysOf(c)) <= 0, 'nothing scrolls sideways at 390 px')
  })
  await c.setViewportSize({ width: 1366, height: 800 })

  // The answer dialog on a phone, as the coordinator (who may answer for any unit; 市公安局's are answered above).
  await c.setViewportSize({ width: 390, height: 844 })
  await cstep('12-answer-dialog-on-a-phone', async () => {
    await c.goto(`${BASE}/admin/duty/tasks`)
    const card = c.locator('[data-test="data-card"]', { has: c.locator('[data-test="action-answer"]') }).first()
    await card.locator('[data-test="action-answer"]').click()
    const sheet = c.locator('.pufa-sheet', { has: c.locator('[data-test="candidates"]') })
    await sheet.waitFor()
    await c.waitForTimeout(400) // the sheet's fade-in, for the screenshot
    const box = await sheet.boundingBox()
    assert.ok(box && box.width >= 389, `full-screen sheet: ${box?.width}`)
    assert.ok((await sidewaysOf(c)) <= 0, 'nothing scrolls sideways at 390 px')
  })
  await c.setViewportSize({ width: 1366, height: 800 })
})
