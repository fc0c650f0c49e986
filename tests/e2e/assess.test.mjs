// Browser test of 考核与总结验收 (issue #15): 马涧镇's liaison self-assesses a leaf with a ledger record as
// evidence, writes the 自查报告 and hands it in; the coordinator moves the round to 实地验收; the group leader,
// on a phone, scores 马涧镇 while the connection is gone (the score waits in the queue) and sees it sent once
// back online, adds a photo of what the group saw, then confirms; the coordinator reviews and locks, and the
// ranking shows 马涧镇. Then the coordinator sets up a new round in the dialog: all townships at a click, each
// on its type's sheet, and a group led by the demo inspector.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { makePng, openBrowser, pageApi, sidewaysOf, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const UNIT = '马涧镇人民政府'

let liaison
let coord
let inspector

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  ;[liaison, coord, inspector] = await Promise.all([openBrowser(), openBrowser(), openBrowser({ phone: true })])
})

after(async () => {
  await liaison?.close()
  await coord?.close()
  await inspector?.close()
})

const isApi = (r, pattern) => pattern.test(new URL(r.url()).pathname)
const confirmBox = (page) => page.locator('.el-message-box__btns .el-button--primary').click()

test('self-assessment, inspection through a dropped connection, the lock and the ranking', async () => {
  const l = liaison.page
  const lstep = stepper(l, liaison.shotDir, 'assess-liaison-')
  let roundId
  let ruId
  await signIn(l, BASE, 'majian', 'Pufa-Majian-2026')
  await lstep('01-rounds', async () => {
    await l.goto(`${BASE}/admin/assess/rounds`)
    await l.locator('[data-test="assess-rounds"]').waitFor()
    const rounds = (await pageApi(l)('GET', '/api/v1/assess/rounds')).body.items
    const current = rounds.find((r) => r.status === 'self_assess')
    assert.ok(current, 'the demo has a round in self-assessment')
    roundId = current.id
    await l.locator(`[data-test="round-${roundId}"]`).first().click()
    await l.locator(`[data-test="unit-${UNIT}"]`).first().click()
    await l.locator('[data-test="assess-sheet"]').waitFor()
    ruId = Number(new URL(l.url()).pathname.split('/').at(-1))
  })

  await lstep('02-self-score-with-evidence', async () => {
    const leaf = l.locator('[data-test="self-1.2"]')
    await leaf.locator('.el-input-number input').fill('3.5')
    await leaf.locator('input[data-test="self-note"], [data-test="self-note"] input').first().fill('党委专题研究 2 次，见会议纪要')
    await leaf.locator('[data-test="pick-evidence"]').click()
    // The demo's ledger ends in 2020: nothing in this year's period, so the liaison asks for any date.
    await l.locator('[data-test="candidates"]', { hasText: '没有符合条件的记录' }).waitFor()
    await l.locator('[data-test="candidates-any-date"]').click()
    const first = l.locator('[data-test="candidate"]').first()
    await first.waitFor()
    const picked = (await first.textContent()).trim()
    await first.click()
    const saved = l.waitForResponse((r) => r.request().method() === 'PUT' && isApi(r, /\/self\/\d+$/))
    await leaf.locator('[data-test="self-save"]').click()
    const res = await saved
    assert.equal(res.status(), 200)
    const body = await res.json()
    const row = body.leaves.find((x) => x.code === '1.2')
    assert.equal(row.self, 3.5)
    assert.equal(row.evidence.length, 1)
    assert.ok(picked.includes(row.evidence[0].title))
    // A measured leaf shows what the records found and offers no self score.
    assert.ok((await l.locator('[data-test="leaf-2.1.1"] [data-test="leaf-auto"]').textContent()).includes('每年不少于'))
    assert.equal(await l.locator('[data-test="self-2.1.1"]').count(), 0)
  })

  await lstep('03-report-and-submit', async () => {
    await l.locator('textarea[data-test="self-report"], [data-test="self-report"] textarea').first().fill('马涧镇2026年度普法依法治理工作自查报告：各项工作有序推进。')
    const saved = l.waitForResponse((r) => isApi(r, /\/report$/))
    await l.locator('[data-test="report-save"]').click()
    assert.equal((await saved).status(), 200)
    await l.locator('[data-test="sheet-submit"]').click()
    const submitted = l.waitForResponse((r) => isApi(r, /\/submit$/))
    await confirmBox(l)
    assert.equal((await submitted).status(), 200)
    await l.locator('[data-test="sheet-status"]', { hasText: '已上报' }).waitFor()
  })

  const c = coord.page
  const cstep = stepper(c, coord.shotDir, 'assess-coord-')
  await signIn(c, BASE, 'lanxi', 'Pufa-Lanxi-2026')
  const advance = async (to) => {
    await c.locator('[data-test="round-advance"]').click()
    const moved = c.waitForResponse((r) => isApi(r, /\/advance$/))
    await confirmBox(c)
    assert.equal((await moved).status(), 200)
    await c.locator('[data-test="round-status"]', { hasText: to }).waitFor()
  }
  await cstep('04-to-inspection', async () => {
    await c.goto(`${BASE}/admin/assess/rounds/${roundId}`)
    await c.locator('[data-test="assess-round"]').waitFor()
    await advance('实地验收')
  })

  const p = inspector.page
  const pstep = stepper(p, inspector.shotDir, 'assess-phone-')
  await signIn(p, BASE, 'jiancha', 'Pufa-Inspect-2026')
  await pstep('05-inspect-home', async () => {
    await p.goto(`${BASE}/admin/assess/inspect`)
    await p.locator(`[data-test="inspect-${UNIT}"]`).first().click()
    await p.locator('[data-test="inspect-unit"]').waitFor()
    assert.ok((await sidewaysOf(p)) <= 0, 'nothing scrolls sideways at 390 px')
  })

  await pstep('06-offline-score-queued', async () => {
    await inspector.context.setOffline(true)
    const leaf = p.locator('[data-test="inspect-leaf-1.2"]')
    await leaf.locator('.el-input-number input').fill('3')
    await leaf.locator('input[data-test="inspect-note"], [data-test="inspect-note"] input').first().fill('会议纪要缺一次')
    await leaf.locator('[data-test="inspect-save"]').click()
    await p.locator('[data-test="inspect-queue"]', { hasText: '待发送 1 项' }).waitFor()
  })

  await pstep('07-back-online-sent', async () => {
    await inspector.context.setOffline(false)
    await p.locator('[data-test="inspect-queue"]', { hasText: '已全部发送' }).waitFor({ timeout: 20_000 })
    const sheet = (await pageApi(p)('GET', `/api/v1/assess/rounds/${roundId}/units/${ruId}`)).body
    const row = sheet.leaves.find((x) => x.code === '1.2')
    assert.equal(row.inspection, 3)
    assert.equal(row.inspection_note, '会议纪要缺一次')
  })

  await pstep('07b-photo-on-site', async () => {
    const leaf = p.locator('[data-test="inspect-leaf-1.2"]')
    const up = p.waitForResponse((r) => r.request().method() === 'POST' && isApi(r, /\/photos$/))
    await leaf.locator('[data-test="photo-upload"] input[type="file"]').setInputFiles({ name: '宣传栏.png', mimeType: 'image/png', buffer: makePng(48, 32) })
    assert.equal((await up).status(), 201)
    const put = p.waitForResponse((r) => r.request().method() === 'PUT' && isApi(r, /\/inspection\/\d+$/))
    await leaf.locator('[data-test="inspect-save"]').click()
    const row = (await (await put).json()).leaves.find((x) => x.code === '1.2')
    assert.equal(row.photos.length, 1)
    assert.equal(row.inspection, 3)
    await p.locator('[data-test="inspect-queue"]', { hasText: '已全部发送' }).waitFor()
  })

  await pstep('08-leader-confirms', async () => {
    await p.locator('[data-test="inspect-confirm"]').click()
    const done = p.waitForResponse((r) => isApi(r, /\/confirm$/))
    await confirmBox(p)
    assert.equal((await done).status(), 200)
    await p.locator('[data-test="inspect-status"]', { hasText: '已确认' }).waitFor()
    assert.equal(await p.locator('[data-test="inspect-save"]').count(), 0)
  })

  await cstep('09-locked-and-ranked', async () => {
    await c.reload()
    await c.locator('[data-test="assess-round"]').waitFor()
    await advance('审核')
    await advance('已锁定')
    await c.getByRole('tab', { name: '最终得分' }).click()
    const table = c.locator('[data-test="results-township"]')
    await table.waitFor()
    const line = table.locator('tr', { hasText: UNIT }).first()
    await line.waitFor()
    const round = (await pageApi(c)('GET', `/api/v1/assess/rounds/${roundId}`)).body
    const result = round.results.find((r) => r.unit_name === UNIT)
    assert.ok(result.rank >= 1)
    assert.ok((await line.textContent()).includes(String(result.totals.final)))
    assert.equal(await c.locator('[data-test="round-advance"]').textContent().then((t) => t.includes('已公布')), true)
  })

  await lstep('10-liaison-sheet-at-390', async () => {
    await l.setViewportSize({ width: 390, height: 844 })
    await l.goto(`${BASE}/admin/assess/rounds/${roundId}/units/${ruId}`)
    await l.locator('[data-test="assess-sheet"]').waitFor()
    assert.ok((await sidewaysOf(l)) <= 0, 'nothing scrolls sideways at 390 px')
  })
})

test('the coordinator sets up a round: units by type on their sheets, and a group', async () => {
  const c = coord.page
  const cstep = stepper(c, coord.shotDir, 'assess-setup-')
  await cstep('01-new-round', async () => {
    await c.setViewportSize({ width: 1366, height: 900 })
    await c.goto(`${BASE}/admin/assess/rounds`)
    await c.locator('[data-test="round-add"]').click()
    const dialog = c.locator('[data-test="round-form"]').last()
    await dialog.locator('input[data-test="round-title"], [data-test="round-title"] input').first().fill('2027年度普法依法治理工作考核')
    await dialog.locator('[data-test="add-all-township"]').click()
    await dialog.locator('[data-test="round-units-summary"]', { hasText: '乡镇街道 16 个' }).waitFor()
  })
  let round
  await cstep('02-saved', async () => {
    const made = c.waitForResponse((r) => r.request().method() === 'POST' && isApi(r, /\/assess\/rounds$/))
    await c.locator('[data-test="round-save"]').click()
    const res = await made
    assert.equal(res.status(), 201, await res.text())
    round = await res.json()
    assert.equal(round.units.length, 16)
    assert.ok(round.units.every((u) => u.category === 'township'))
    assert.equal(new Set(round.units.map((u) => u.set_id)).size, 1)
    await c.locator('[data-test="assess-round"]').waitFor()
    await c.locator('[data-test="round-status"]', { hasText: '草稿' }).waitFor()
  })
  await cstep('03-group', async () => {
    await c.locator('[data-test="round-groups"]').click()
    const dialog = c.locator('[data-test="groups-form"]').last()
    await dialog.locator('input[data-test="group-leader-name"], [data-test="group-leader-name"] input').first().fill('市人大常委会副主任 周某某')
    await dialog.locator('[data-test="group-leader"]').click()
    await c.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'jiancha' }).click()
    await dialog.locator('[data-test="group-units"]').click()
    await c.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: UNIT }).click()
    await dialog.locator('input[data-test="group-name"], [data-test="group-name"] input').first().click()
    const put = c.waitForResponse((r) => r.request().method() === 'PUT' && isApi(r, /\/groups$/))
    await c.locator('[data-test="groups-save"]').click()
    const res = await put
    assert.equal(res.status(), 200, await res.text())
    const body = await res.json()
    assert.equal(body.groups.length, 1)
    assert.equal(body.groups[0].name, '第一检查组')
    assert.equal(body.groups[0].round_unit_ids.length, 1)
    assert.ok(body.groups[0].member_ids.includes(body.groups[0].leader_user_id))
  })
  await cstep('04-at-390', async () => {
    await c.setViewportSize({ width: 390, height: 844 })
    await c.reload()
    await c.locator('[data-test="assess-round"]').waitFor()
    assert.ok((await sidewaysOf(c)) <= 0, 'nothing scrolls sideways at 390 px')
    await c.locator('[data-test="round-edit"]').click()
    await c.locator('[data-test="round-form"]').last().waitFor()
    assert.ok((await sidewaysOf(c)) <= 0, 'the round dialog fits at 390 px')
  })
})

test('anyone reads the published results on the portal, on a phone', async () => {
  const visitor = await openBrowser({ phone: true })
  try {
    const v = visitor.page
    const vstep = stepper(v, visitor.shotDir, 'assess-portal-')
    let rounds
    await vstep('01-list', async () => {
      await v.goto(`${BASE}/assess`)
      await v.locator('[data-test="assess-public-rounds"]').waitFor()
      rounds = (await pageApi(v)('GET', '/api/v1/public/assess/rounds')).body.items
      assert.ok(rounds.some((r) => r.year === 2020), 'the 2020 acceptance is published')
      assert.ok((await sidewaysOf(v)) <= 0, 'nothing scrolls sideways at 390 px')
    })
    await vstep('02-ranking', async () => {
      const seven = rounds.find((r) => r.year === 2020)
      await v.locator(`[data-test="public-round-${seven.id}"] a`).click()
      const towns = v.locator('[data-test="public-results-township"]')
      await towns.waitFor()
      assert.equal(await towns.locator('[data-test="public-result-row"]').count(), 16)
      assert.equal(await v.locator('[data-test="public-results-department"] [data-test="public-result-row"]').count(), 20)
      assert.ok((await sidewaysOf(v)) <= 0, 'nothing scrolls sideways at 390 px')
    })
  } finally {
    await visitor.close()
  }
})
