// Browser test of reviewing the activity ledger (普法活动 › 活动台账) and of the to-do centre: 马坞村's operator
// (PUFA_OPERATOR_USER / _PASS, default mawu) records an activity (主办单位 preset to the village's one unit,
// 马坞村村民委员会); it is 待审核. The coordinator (PUFA_COORD_USER / _PASS) sees 待审核的普法活动 on the home
// page's 待办 card with the server's count, the same count on the sidebar's 活动台账, and the group's sum on
// 普法活动; the card leads to the ledger filtered to 待审核; 通过 asks once, approves (POST …/approve), the count
// goes down by one and the record reads 已审核 under that filter, its 通过 greyed. Returned, it reaches the
// operator's 待办 as 被退回的普法活动, whose link lists only their own returned records; saved again it is 待审核.
// On a phone a card has 通过 and 退回 in reach and the detail's 审核通过 works.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, openBrowser, pageApi, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const OP_USER = process.env.PUFA_OPERATOR_USER || 'mawu'
const OP_PASS = process.env.PUFA_OPERATOR_PASS || 'Pufa-Mawu-2026'
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const TITLE = `E2E 马坞村宪法进农家 ${Date.now()}`
const UNIT = '马坞村村民委员会'
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const REASON = '请补充活动照片'

let op
let coord
let step
let ostep

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  op = await openBrowser()
  coord = await openBrowser()
  step = stepper(coord.page, coord.shotDir, 'activity-review-')
  ostep = stepper(op.page, op.shotDir, 'activity-review-op-')
})

after(async () => {
  await op?.close()
  await coord?.close()
})

const isApi = (r, path, method) => new URL(r.url()).pathname === path && r.request().method() === method
/** The visible dropdown's option with exactly this text. */
const option = (page, text) => page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: new RegExp(`^${text}$`) }).first()
/** The ledger's row of the test's record (el-table draws a fixed column twice: the visible cells). */
const rowOf = (page) => page.locator('[data-test="registry-table"] .el-table__body-wrapper tr', { hasText: TITLE }).first()
const badge = (page, path) => page.locator(`[data-test="sidebar"] [data-test="menu-badge"][data-path="${path}"]`)
const count = async (locator) => Number((await locator.innerText()).trim())

test('record → 待办 → 通过 → 已审核; returned → the operator’s 待办 → resubmitted', async () => {
  const p = op.page
  await ostep('01-operator-records-with-the-unit-preset', async () => {
    await signIn(p, BASE, OP_USER, OP_PASS)
    await p.goto(`${BASE}/admin/activity/activities`)
    await p.locator('[data-test="add"]').click()
    const form = p.locator('[data-test="registry-form"]')
    await form.waitFor()
    const unit = form.locator('[data-test="field-unit_id"]')
    await unit.getByText(UNIT).waitFor()
    await form.locator('[data-test="field-title"] input').fill(TITLE)
    const date = form.locator('[data-test="field-starts_on"] input')
    await date.fill(TODAY)
    await date.press('Enter')
    await form.locator('[data-test="field-theme"] .el-select__wrapper').click()
    await option(p, '宪法').click()
    await form.locator('[data-test="field-form"] .el-select__wrapper').click()
    await option(p, '讲座').click()
    await form.locator('[data-test="field-participants"] input').fill('36')
    const saved = p.waitForResponse((r) => isApi(r, '/api/v1/activities', 'POST'))
    await p.locator('[data-test="form-save"]').click()
    const res = await saved
    assert.equal(res.status(), 201, await res.text())
    const item = (await res.json()).item
    assert.equal(item.unit_name, UNIT, '主办单位 preset to the village’s one unit')
    assert.equal(item.status, 'submitted')
    await rowOf(p).locator('.el-tag', { hasText: '待审核' }).waitFor()
  })

  const c = coord.page
  const capi = pageApi(c)
  let waiting
  await step('02-todo-card-and-badges', async () => {
    await signIn(c, BASE, COORD_USER, COORD_PASS)
    const todo = (await capi('GET', '/api/v1/todo')).body
    const of = (code) => todo.items.find((i) => i.code === code)?.count ?? 0
    waiting = of('activities.review')
    assert.ok(waiting >= 1, 'the new record waits')
    const item = c.locator('[data-test="todo-card"] [data-test="todo-activities.review"]')
    await item.waitFor()
    assert.equal(await count(item.locator('[data-test="todo-count"]')), waiting)
    assert.match(await item.innerText(), /待审核的普法活动/)
    const group = badge(c, '/admin/activity')
    assert.equal(await count(group), waiting + of('study_records.review'), '普法活动 sums its entries')
    await c.locator('[data-test="sidebar"]').getByText('普法活动', { exact: true }).click()
    assert.equal(await count(badge(c, '/admin/activity/activities')), waiting, '活动台账 carries its own count')
  })

  await step('03-filtered-ledger', async () => {
    const listed = c.waitForResponse((r) => isApi(r, '/api/v1/activities', 'GET'))
    await c.locator('[data-test="todo-activities.review"] a').click()
    const url = new URL((await listed).url())
    assert.equal(url.searchParams.get('status'), 'submitted', 'the ledger asks for 待审核 only')
    await c.locator('[data-test="registry-table"] .el-table__body tr').first().waitFor()
    assert.equal(await c.locator('[data-test="total"]').innerText(), `共 ${waiting} 条`)
    const tags = await c.locator('[data-test="registry-table"] .el-table__body-wrapper td.col-status .el-tag').allInnerTexts()
    assert.ok(tags.length > 0 && tags.every((t) => t.trim() === '待审核'), `only 待审核: ${tags}`)
  })

  await step('04-approve', async () => {
    await c.locator('[data-test="search-q"]').fill(TITLE)
    await c.locator('[data-test="search"]').click()
    await rowOf(c).waitFor()
    await rowOf(c).locator('[data-test="approve"]').click()
    const box = c.locator('.el-message-box:visible')
    await box.waitFor()
    assert.ok((await box.innerText()).includes(TITLE), 'asks once, naming the record')
    const approved = c.waitForResponse((r) => /^\/api\/v1\/activities\/\d+\/approve$/.test(new URL(r.url()).pathname))
    await box.getByRole('button', { name: '审核通过' }).click()
    const res = await approved
    assert.equal(res.status(), 200)
    assert.equal((await res.json()).item.status, 'approved')
    // no longer waiting: gone from the filtered list, one fewer on the badge
    await rowOf(c).waitFor({ state: 'detached' })
    await c.waitForFunction(
      (n) => document.querySelector('[data-test="menu-badge"][data-path="/admin/activity/activities"]')?.textContent?.trim() === String(n),
      waiting - 1,
    )
  })

  await step('05-approved-status', async () => {
    await c.locator('[data-test="filter-status"] .el-select__wrapper').click()
    await option(c, '已审核').click()
    await rowOf(c).locator('.el-tag--success', { hasText: '已审核' }).waitFor()
    assert.equal(await rowOf(c).locator('[data-test="approve"]').isDisabled(), true, '通过 only for 待审核')
  })

  await step('06-return', async () => {
    await rowOf(c).locator('[data-test="return"]').click()
    await c.locator('.el-message-box:visible textarea').fill(REASON)
    const returned = c.waitForResponse((r) => /^\/api\/v1\/activities\/\d+\/return$/.test(new URL(r.url()).pathname))
    await c.locator('.el-message-box:visible').getByRole('button', { name: '确认退回' }).click()
    assert.equal((await returned).status(), 200)
  })

  await ostep('07-operator-sees-it-returned', async () => {
    await p.goto(`${BASE}/admin`)
    const item = p.locator('[data-test="todo-card"] [data-test="todo-activities.returned"]')
    await item.waitFor()
    assert.match(await item.innerText(), /被退回的普法活动/)
    const listed = p.waitForResponse((r) => isApi(r, '/api/v1/activities', 'GET'))
    await item.locator('a').click()
    const url = new URL((await listed).url())
    assert.equal(url.searchParams.get('status'), 'returned')
    assert.equal(url.searchParams.get('mine'), '1', 'only the operator’s own records')
    await p.locator('[data-test="mine-only"]').waitFor()
    const row = rowOf(p)
    await row.locator('.el-tag', { hasText: '已退回' }).waitFor()
    await row.locator('[data-test="edit"]').click()
    await p.locator('[data-test="returned-notice"]').filter({ hasText: REASON }).waitFor()
    await p.locator('[data-test="registry-form"] [data-test="field-participants"] input').fill('40')
    const saved = p.waitForResponse((r) => /^\/api\/v1\/activities\/\d+$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT')
    await p.locator('[data-test="form-save"]').click()
    const res = await saved
    assert.equal((await res.json()).item.status, 'submitted', 'saved again, it waits for review')
    // nothing is waiting for the operator any more: the badge goes
    await badge(p, '/admin/activity/activities').waitFor({ state: 'detached' })
  })
})

test('on a phone: a card’s 通过 and 退回 are in reach, and the detail approves', async () => {
  const phone = await openBrowser({ phone: true })
  const p = phone.page
  try {
    await signIn(p, BASE, COORD_USER, COORD_PASS)
    await p.goto(`${BASE}/admin/activity/activities?status=submitted`)
    const card = p.locator('[data-test="registry-table"] [data-test="data-card"]').first()
    await card.waitFor()
    for (const b of ['approve', 'return']) {
      const box = await card.locator(`[data-test="${b}"]`).boundingBox()
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width && box.height >= 32, `${b} in reach: ${JSON.stringify(box)}`)
    }
    const title = (await card.locator('.data-card-title').innerText()).trim()
    await card.locator('[data-test="view"]').tap()
    const drawer = p.locator('.el-drawer:visible')
    await drawer.getByText(title).first().waitFor()
    const approveBox = await drawer.locator('[data-test="detail-approve"]').boundingBox()
    assert.ok(approveBox.y + approveBox.height <= PHONE.height, `审核通过 on screen: ${JSON.stringify(approveBox)}`)
    await drawer.locator('[data-test="detail-approve"]').tap()
    const approved = p.waitForResponse((r) => /^\/api\/v1\/activities\/\d+\/approve$/.test(new URL(r.url()).pathname))
    await p.locator('.el-message-box:visible').getByRole('button', { name: '审核通过' }).tap()
    assert.equal((await approved).status(), 200)
    await drawer.locator('.el-tag', { hasText: '已审核' }).first().waitFor()
    assert.equal(await drawer.locator('[data-test="detail-approve"]').count(), 0, 'nothing more to approve')
  } finally {
    await phone.close()
  }
})
