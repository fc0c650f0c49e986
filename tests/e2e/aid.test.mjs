// Browser test of 法律援助 (issue #16, docs/service.md "法律援助"), on one demo server:
// (a) a resident on a phone (390×844) opens 法律服务 > 申请法律援助, is refused without the fields of the 法律援助申请表 and
//     the 个人诚信承诺 (in the form's words, under each field), fills them — 马涧镇 马坞村, 请求支付劳动报酬, the facts, name,
//     gender, a 身份证号 with its check digit, phone, address, household and income (the 经济困难 sentence written out
//     from them) — with a one-time code from the SMS outbox, gets the YZ… reference and the day the decision is due, the
//     token kept on the phone (localStorage), and the status page 待审查;
// (b) 马涧镇's 公共法律服务工作人员 (fuwu) at 1366 px follows the 待办 card to 法律援助 (待审查), finds the application
//     with its 7-day clock, opens it — the applicant masked, 查看 (pii.read) in full —, is refused 不予 without reasons,
//     then 给予法律援助 (the 3-day clock starts), 指派 the lawyer, and downloads the 决定书 as Word and PDF; the list and the
//     detail fit 390 px too;
// (c) the resident reloads the status page: 已指派 with the lawyer and firm.
// Needs a running `pufa serve` with the demo data (PUFA_URL) and its SMS outbox (PUFA_SMS_OUTBOX); see README.md.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'

import { PHONE, openBrowser, pageApi, signIn, sidewaysOf, smsCode, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const STAFF_USER = process.env.PUFA_SERVICE_STAFF_USER || 'fuwu'
const STAFF_PASS = process.env.PUFA_SERVICE_STAFF_PASS || 'Pufa-Fuwu-2026'
const TOWNSHIP = '马涧镇'
const VILLAGE = '马坞村'
const stamp = String(Date.now()).slice(-8)
const PHONE_NO = `136${stamp}`
const NAME = '赵建国'
const LAWYER = '钱律师'
const FIRM = '浙江兰江律师事务所'
const FACTS = `E2E ${stamp}：在镇上的建筑工地做了八个月，包工头拖欠工资三万二千元，多次讨要未果。`

assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')

/** A 身份证号 of Lanxi (330781) born on a day, with its GB 11643 check digit. */
function idNumber(born = '19700315', seq = stamp.slice(-3)) {
  const body = `330781${born}${seq}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((a, d, i) => a + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}
const ID_NUMBER = idNumber()

let resident
let staff
let rstep
let sstep

before(async () => {
  resident = await openBrowser({ phone: true })
  staff = await openBrowser({ acceptDownloads: true })
  rstep = stepper(resident.page, resident.shotDir, 'aid-resident-')
  sstep = stepper(staff.page, staff.shotDir, 'aid-staff-')
})

after(async () => {
  for (const b of [resident, staff]) await b?.close()
})

const isApi = (r, path, method = 'GET') => new URL(r.url()).pathname === path && r.request().method() === method
/** Element Plus keeps closed poppers in the DOM: the visible one's option with this text. */
const option = (page, text) => page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: text }).first()
const dialog = (page, name) => page.locator(`[data-test="${name}"]:visible`)
/** Tags zoom in and dialogs fade out: let them settle for the screenshot. */
const settle = (page) => page.waitForTimeout(400)
const beijingDay = (ms = Date.now()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms))
const plusDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** The code sent to this phone (the last one in the SMS outbox), waiting a little for it. */

test('法律援助: a resident applies on a phone, the station decides and assigns it, the resident sees the lawyer', async () => {
  const r = resident.page
  const today = beijingDay()
  let ref

  // ---- (a) the resident applies -------------------------------------------------------------------------------------
  await rstep('01-apply-from-legal-service', async () => {
    await r.goto(`${BASE}/service`)
    await r.locator('[data-test="portal-aid"]').click()
    await r.waitForURL((u) => u.pathname === '/service/aid')
    await r.locator('[data-test="aid-apply-form"]').waitFor()
    // nothing goes without the form's fields and the declaration
    await r.locator('[data-test="aid-submit"]').click()
    const form = r.locator('[data-test="aid-apply-form"]')
    await form.locator('.el-form-item__error').filter({ hasText: '请选择受理的乡镇（街道）' }).waitFor()
    await form.locator('.el-form-item__error').filter({ hasText: '请阅读并勾选个人诚信承诺' }).waitFor()
    await form.locator('.el-form-item__error').filter({ hasText: '请输入短信验证码' }).waitFor()
    assert.ok((await sidewaysOf(r)) <= 0, 'nothing scrolls sideways at 390 px')
    await settle(r)
  })

  await rstep('02-the-application-form', async () => {
    const villages = r.waitForResponse((x) => isApi(x, '/api/v1/public/service/villages'))
    await r.locator('[data-test="aid-township-select"]').click()
    await option(r, TOWNSHIP).click()
    assert.equal((await villages).status(), 200)
    await r.locator('[data-test="aid-village-select"]').click()
    await option(r, VILLAGE).click()
    await r.locator('[data-test="aid-matter"]').click()
    await option(r, '请求确认劳动关系或支付劳动报酬').click()
    await r.locator('[data-test="aid-opponent"]').fill('某建筑劳务公司')
    await r.locator('[data-test="aid-facts"]').fill(FACTS)
    await r.locator('[data-test="aid-name"]').fill(NAME)
    await r.locator('[data-test="gender-male"]').click()
    // a 身份证号 with a wrong check digit is refused before sending
    const wrong = ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1')
    await r.locator('[data-test="aid-id-number"]').fill(wrong)
    await r.locator('[data-test="aid-phone"]').fill(PHONE_NO)
    await r.locator('[data-test="aid-address"]').fill('兰溪市马涧镇马坞村 12 号')
    await r.locator('[data-test="aid-household"] input, input[data-test="aid-household"]').first().fill('3')
    await r.locator('[data-test="aid-income"] input, input[data-test="aid-income"]').first().fill('800')
    await r.locator('[data-test="aid-income"] input, input[data-test="aid-income"]').first().blur()
    await r.locator('[data-test="aid-means"]').getByText('本人家庭人口 3 人，家庭月人均收入 800 元').waitFor()
    await r.locator('[data-test="aid-declaration"]').click()
    await r.locator('[data-test="aid-submit"]').click()
    await r.locator('[data-test="aid-apply-form"] .el-form-item__error').filter({ hasText: '身份证号校验位不正确' }).waitFor()
    await r.locator('[data-test="aid-id-number"]').fill(ID_NUMBER)
    const sent = r.waitForResponse((x) => isApi(x, '/api/v1/public/service/otp', 'POST'))
    await r.locator('[data-test="aid-otp"]').click()
    const res = await sent
    assert.ok([202, 204].includes(res.status()), `POST /public/service/otp: ${res.status()} ${await res.text()}`)
    await r.locator('[data-test="aid-code"]').fill(await smsCode(PHONE_NO))
    assert.ok((await sidewaysOf(r)) <= 0, 'nothing scrolls sideways at 390 px')
    // the submit button is reachable on the phone's screen
    await r.locator('[data-test="aid-submit"]').scrollIntoViewIfNeeded()
    const box = await r.locator('[data-test="aid-submit"]').boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the submit button fits the phone (${JSON.stringify(box)})`)
    await settle(r)
  })

  await rstep('03-applied-with-its-reference', async () => {
    const created = r.waitForResponse((x) => isApi(x, '/api/v1/public/service/aid', 'POST'))
    await r.locator('[data-test="aid-submit"]').click()
    const res = await created
    assert.equal(res.status(), 201, await res.text())
    const body = await res.json()
    ref = body.ref
    assert.match(ref, /^YZ\d{11}$/)
    assert.equal(body.status, 'submitted')
    assert.equal(body.decide_by, plusDays(today, 7), 'the decision is due 7 days after receipt')
    assert.ok(body.token, 'a token')
    await r.locator('[data-test="aid-ref"]').getByText(ref).waitFor()
    const kept = await r.evaluate(() => JSON.parse(localStorage.getItem('pufa.serviceAid') ?? '[]'))
    assert.equal(kept[0]?.ref, ref, 'the phone keeps the application')
    assert.equal(kept[0]?.token, body.token, 'with its token')
    assert.ok((await sidewaysOf(r)) <= 0, 'nothing scrolls sideways at 390 px')
    await settle(r)
  })

  await rstep('04-status-submitted', async () => {
    await r.locator('[data-test="aid-status-link"]').click()
    await r.waitForURL((u) => u.pathname === `/service/aid/${ref}`)
    await r.locator('[data-test="status-badge"]').getByText('待审查').waitFor()
    await r.locator('[data-test="status-decide-by"]').waitFor()
    await r.goto(`${BASE}/service`)
    await r.locator(`[data-test="kept-${ref}"]`).waitFor()
    assert.ok((await sidewaysOf(r)) <= 0, 'nothing scrolls sideways at 390 px')
  })

  // ---- (b) the station decides and assigns --------------------------------------------------------------------------
  const s = staff.page
  let id
  await sstep('05-to-do-to-the-list', async () => {
    await signIn(s, BASE, STAFF_USER, STAFF_PASS)
    await s.goto(`${BASE}/admin`)
    await s.locator('[data-test="todo-service.aid.decide"] a').click()
    await s.waitForURL((u) => u.pathname === '/admin/service/aid' && u.searchParams.get('status') === 'submitted')
    const row = s.locator('[data-test="aid-table"] .el-table__body-wrapper tr', { hasText: ref }).first()
    await row.locator('[data-test="status-tag"]').getByText('待审查').waitFor()
    await row.locator('[data-test="decide-clock"]').getByText('剩 7 天').waitFor()
    assert.equal(await row.locator('[data-test="aid-name"]').innerText(), '赵*国', 'the applicant masked in the list')
    // the demo's application past its seven days is flagged
    await s.locator('[data-test="aid-table"] [data-test="decide-clock"]', { hasText: /逾期 \d+ 天/ }).first().waitFor()
    assert.ok((await sidewaysOf(s)) <= 0, 'the list fits 1366 px')
    await settle(s)
  })

  await sstep('06-the-application-revealed', async () => {
    const row = s.locator('[data-test="aid-table"] .el-table__body-wrapper tr', { hasText: ref }).first()
    await row.locator(`[data-test="aid-${ref}"]`).click()
    await s.waitForURL((u) => /^\/admin\/service\/aid\/\d+$/.test(u.pathname))
    id = Number(new URL(s.url()).pathname.split('/').pop())
    await s.locator('[data-test="aid-ref"]').getByText(ref).waitFor()
    await s.locator('[data-test="applicant-name"]').getByText('赵*国').waitFor()
    assert.match(await s.locator('[data-test="applicant-id"]').innerText(), /^330781\*+\w{4}$/)
    const revealed = s.waitForResponse((x) => isApi(x, `/api/v1/service/aid/${id}`) && new URL(x.url()).searchParams.get('reveal') === '1')
    await s.locator('[data-test="reveal"]').click()
    assert.equal((await revealed).status(), 200)
    await s.locator('[data-test="applicant-name"]').getByText(NAME).waitFor()
    await s.locator('[data-test="applicant-id"]').getByText(ID_NUMBER).waitFor()
    await s.locator('[data-test="applicant-phone"]').getByText(PHONE_NO).waitFor()
    await s.locator('[data-test="aid-case"]').getByText(FACTS).waitFor()
    assert.ok((await sidewaysOf(s)) <= 0, 'the detail fits 1366 px')
    await settle(s)
  })

  await sstep('07-refusal-needs-reasons', async () => {
    await s.locator('[data-test="action-decide"]').click()
    const d = dialog(s, 'aid-step-dialog')
    await d.locator('[data-test="decide-refuse"]').click()
    await d.locator('[data-test="step-save"]').click()
    await d.locator('.el-form-item__error').filter({ hasText: '不予法律援助的，应当书面说明理由' }).waitFor()
    await settle(s)
  })

  await sstep('08-decided-to-grant', async () => {
    const d = dialog(s, 'aid-step-dialog')
    await d.locator('[data-test="decide-approve"]').click()
    await d.locator('[data-test="decide-reason"]').fill('申请人经济困难，请求支付劳动报酬，符合法律援助条件。')
    const decided = s.waitForResponse((x) => isApi(x, `/api/v1/service/aid/${id}/decide`, 'POST'))
    await d.locator('[data-test="step-save"]').click()
    const res = await decided
    assert.equal(res.status(), 200, await res.text())
    const body = await res.json()
    assert.equal(body.status, 'approved')
    assert.equal(body.assign_by, plusDays(today, 3), 'the lawyer is due 3 days after the decision')
    await s.locator('[data-test="aid-status"]').getByText('准予援助（待指派）').waitFor()
    await s.locator('[data-test="assign-clock"]').getByText('剩 3 天').waitFor()
    await s.locator('[data-test="decide-clock"]').getByText('按期').waitFor()
    await settle(s)
  })

  await sstep('09-lawyer-assigned', async () => {
    await s.locator('[data-test="action-assign"]').click()
    const d = dialog(s, 'aid-step-dialog')
    await d.locator('[data-test="step-save"]').click()
    await d.locator('.el-form-item__error').filter({ hasText: '请填写承办律师' }).waitFor()
    await d.locator('[data-test="assign-lawyer"]').fill(LAWYER)
    await d.locator('[data-test="assign-firm"]').fill(FIRM)
    await d.locator('[data-test="assign-phone"]').fill('0579-88881234')
    const assigned = s.waitForResponse((x) => isApi(x, `/api/v1/service/aid/${id}/assign`, 'POST'))
    await d.locator('[data-test="step-save"]').click()
    const res = await assigned
    assert.equal(res.status(), 200, await res.text())
    assert.equal((await res.json()).status, 'assigned')
    await s.locator('[data-test="aid-status"]').getByText('已指派').waitFor()
    await s.locator('[data-test="aid-lawyer"]').getByText(LAWYER).waitFor()
    await s.locator('[data-test="action-close"]').waitFor()
    // revealed before the step: still revealed after it
    await s.locator('[data-test="applicant-name"]').getByText(NAME).waitFor()
    assert.ok((await sidewaysOf(s)) <= 0, 'the detail fits 1366 px')
    await settle(s)
  })

  await sstep('10-decision-documents', async () => {
    const [docx] = await Promise.all([s.waitForEvent('download'), s.locator('[data-test="decision-docx"]').click()])
    assert.match(docx.suggestedFilename(), /\.docx$/)
    assert.equal((await readFile(await docx.path())).subarray(0, 2).toString('latin1'), 'PK', 'a Word document')
    const [pdf] = await Promise.all([s.waitForEvent('download'), s.locator('[data-test="decision-pdf"]').click()])
    assert.match(pdf.suggestedFilename(), /\.pdf$/)
    assert.equal((await readFile(await pdf.path())).subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF')
    assert.match(docx.suggestedFilename(), /给予法律援助决定书/)
  })

  // the pages at phone size
  for (const [name, path, ready] of [
    ['11-detail-on-a-phone', () => `/admin/service/aid/${id}`, '[data-test="aid-steps"]'],
    ['12-list-on-a-phone', () => '/admin/service/aid', '[data-test="aid-table"] [data-test="data-card"]'],
    ['13-new-application-on-a-phone', () => '/admin/service/aid/new', '[data-test="aid-form"] [data-test="aid-facts"]'],
  ]) {
    await sstep(name, async () => {
      await s.setViewportSize(PHONE)
      await s.goto(`${BASE}${path()}`)
      await s.locator(ready).first().waitFor()
      assert.ok((await sidewaysOf(s)) <= 0, `${path()}: nothing scrolls sideways at 390 px`)
      await settle(s)
    })
  }

  // ---- (c) the resident sees the lawyer -----------------------------------------------------------------------------
  await rstep('14-status-assigned', async () => {
    await r.goto(`${BASE}/service/aid/${ref}`)
    await r.locator('[data-test="status-badge"]').getByText('已指派').waitFor()
    await r.locator('[data-test="status-lawyer"]').getByText(LAWYER).waitFor()
    await r.locator('[data-test="status-lawyer"]').getByText(FIRM).waitFor()
    await r.locator('[data-test="status-decided"]').waitFor()
    assert.ok((await sidewaysOf(r)) <= 0, 'nothing scrolls sideways at 390 px')
    // the application's JSON on the portal carries nothing of the applicant
    const api = pageApi(r)
    const token = await r.evaluate(() => JSON.parse(localStorage.getItem('pufa.serviceAid') ?? '[]')[0]?.token)
    const seen = await api('GET', `/api/v1/public/service/aid/${ref}?token=${token}`)
    assert.equal(seen.status, 200)
    assert.equal(seen.body.name, undefined, 'no name on the portal')
    assert.equal(seen.body.id_number, undefined, 'no 身份证号 on the portal')
    await settle(r)
  })
})
