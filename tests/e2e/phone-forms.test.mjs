// Browser test of staff forms on a phone (390×844, touch): every area's dialogs open as full-screen sheets, one
// column, with the save button and every required field on screen; the full-page forms fit the width and keep
// their buttons in reach. A village operator (PUFA_OPERATOR_USER / _PASS, default mawu) records an activity on
// the phone: the region is their village already (no picker), 主办单位 their village's one unit (马坞村村民委员会),
// the new record is the first card of the ledger, and 查看 opens it full screen. The coordinator (PUFA_COORD_USER /
// _PASS) checks the bank, question, import and 退回 dialogs and the exam, quiz and article pages; the administrator
// (PUFA_ADMIN_USER / _PASS) the user and password dialogs and, holding regions.manage, the region dialog.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { PHONE, openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const OP_USER = process.env.PUFA_OPERATOR_USER || 'mawu'
const OP_PASS = process.env.PUFA_OPERATOR_PASS || 'Pufa-Mawu-2026'
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const ADMIN_USER = process.env.PUFA_ADMIN_USER || 'admin'
const ADMIN_PASS = process.env.PUFA_ADMIN_PASS || 'Pufa-Admin-2026'
const AUDIT_USER = process.env.PUFA_AUDIT_USER || 'shenji'
const AUDIT_PASS = process.env.PUFA_AUDIT_PASS || 'Pufa-Audit-2026'
const TITLE = `E2E 手机登记 ${Date.now()}`
/** Today in Beijing: the new activity is the ledger's latest, its first card. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')

/** The box lies within the phone's screen (both ways unless `across` only). */
function onScreen(box, what, { across = false } = {}) {
  assert.ok(box, `${what} is drawn`)
  const inX = box.x >= -0.5 && box.x + box.width <= PHONE.width + 0.5
  const inY = box.y >= -0.5 && box.y + box.height <= PHONE.height + 0.5
  assert.ok(inX && (across || inY), `${what} is on screen: ${JSON.stringify(box)}`)
}

/** The open dialog: a full-screen sheet, nothing wider than the screen, `save` and every required field in reach. */
async function checkSheet(page, save, what) {
  const sheet = page.locator('.el-dialog.pufa-sheet:visible').last()
  await sheet.waitFor()
  // settled: the opening animation has put it against the edges
  await page.waitForFunction(() => {
    const d = [...document.querySelectorAll('.el-dialog.pufa-sheet')].filter((e) => e.offsetParent).pop()
    const r = d?.getBoundingClientRect()
    return r && Math.abs(r.top) < 1 && Math.abs(r.left) < 1
  })
  const box = await sheet.boundingBox()
  assert.ok(box.width >= PHONE.width - 1 && box.height >= PHONE.height - 1, `${what}: the whole screen (${JSON.stringify(box)})`)
  const body = sheet.locator('.el-dialog__body')
  const sideways = await body.evaluate((e) => e.scrollWidth - e.clientWidth)
  assert.ok(sideways <= 1, `${what}: nothing wider than the screen (${sideways} px)`)
  onScreen(await sheet.locator(save).boundingBox(), `${what}: the save button`)
  const footer = await sheet.locator('.el-dialog__footer').boundingBox()
  const required = sheet.locator('.el-form-item.is-required')
  for (let i = 0; i < (await required.count()); i++) {
    const item = required.nth(i)
    await item.scrollIntoViewIfNeeded()
    const b = await item.boundingBox()
    const label = (await item.locator('.el-form-item__label').innerText()).trim()
    onScreen(b, `${what}: the required field ${label}`)
    assert.ok(b.y + b.height <= footer.y + 1, `${what}: ${label} is not under the footer`)
    onScreen(await item.locator('.el-form-item__content').boundingBox(), `${what}: the control of ${label}`, { across: true })
  }
  // the save button stays put whatever was scrolled
  onScreen(await sheet.locator(save).boundingBox(), `${what}: the save button after scrolling`)
  return sheet
}

/** A full-page form: one column as wide as the screen, every required field across it, `save` reachable. */
async function checkPageForm(page, form, save, what) {
  await page.locator(form).first().waitFor()
  assert.ok((await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth)) <= 0, `${what}: no sideways scrolling`)
  const required = page.locator(`${form} .el-form-item.is-required`)
  assert.ok((await required.count()) > 0, `${what} has required fields`)
  for (let i = 0; i < (await required.count()); i++) {
    const item = required.nth(i)
    await item.scrollIntoViewIfNeeded()
    const label = (await item.locator('.el-form-item__label').innerText()).trim()
    onScreen(await item.boundingBox(), `${what}: ${label}`)
    const label_ = await item.locator('.el-form-item__label').boundingBox()
    const content = await item.locator('.el-form-item__content').boundingBox()
    assert.ok(content.y >= label_.y + label_.height - 1, `${what}: the label of ${label} is above its field (one column)`)
  }
  const button = page.locator(save).first()
  await button.scrollIntoViewIfNeeded()
  onScreen(await button.boundingBox(), `${what}: ${save}`)
}

async function closeSheet(page) {
  await page.locator('.el-dialog.pufa-sheet:visible .el-dialog__headerbtn').last().click()
  await page.locator('.el-dialog.pufa-sheet:visible').waitFor({ state: 'hidden' })
}

/** The visible dropdown's option with exactly this text. */
const option = (page, text) =>
  page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).first()

describe('staff forms on a phone', () => {
  let browser
  let page
  let step

  before(async () => {
    browser = await openBrowser({ phone: true })
    page = browser.page
    step = stepper(page, browser.shotDir, 'phone-forms-')
  })

  after(async () => {
    await browser?.close()
  })

  test('a village operator records an activity on a phone: a full-screen form with the village preset', async () => {
    await step('01-sign-in', async () => {
      await signIn(page, BASE, OP_USER, OP_PASS)
    })

    await step('02-ledger-add', async () => {
      await page.goto(`${BASE}/admin/activity/activities`)
      await page.locator('[data-test="registry-table"] [data-test="data-card"]').first().waitFor()
      await page.locator('[data-test="add"]').click()
      await checkSheet(page, '[data-test="form-save"]', '新增普法活动')
      const decided = page.locator('[data-test="registry-form"] [data-test="field-region_id"] [data-test="decided"]')
      assert.equal((await decided.innerText()).trim(), '马坞村', 'the region is the village, shown, not picked')
      assert.equal(await page.locator('[data-test="field-region_id"] .el-select__wrapper').count(), 0, 'no region picker')
      // the village has one unit: 主办单位 starts as it
      await page.locator('[data-test="registry-form"] [data-test="field-unit_id"]').getByText('马坞村村民委员会').waitFor()
    })

    await step('03-fill-and-save', async () => {
      const form = page.locator('[data-test="registry-form"]')
      await form.locator('[data-test="field-title"] input').fill(TITLE)
      const date = form.locator('[data-test="field-starts_on"] input')
      await date.fill(TODAY)
      await date.press('Enter')
      await form.locator('[data-test="field-theme"] .el-select__wrapper').tap()
      await option(page, '宪法').tap()
      await form.locator('[data-test="field-form"] .el-select__wrapper').tap()
      await option(page, '讲座').tap()
      await form.locator('[data-test="field-participants"] input').fill('28')
      const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/activities' && r.request().method() === 'POST')
      await page.locator('[data-test="form-save"]').tap()
      const res = await saved
      assert.equal(res.status(), 201, `POST /activities: ${await res.text()}`)
      const item = (await res.json()).item
      assert.equal(item.region_id, (await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).user.region_id)))
      assert.equal(item.unit_name, '马坞村村民委员会', 'saved with the preset 主办单位')
      await page.locator('[data-test="registry-form"]').waitFor({ state: 'hidden' })
    })

    await step('04-first-card-and-detail', async () => {
      const card = page.locator('[data-test="registry-table"] [data-test="data-card"]').first()
      await card.locator('.data-card-title', { hasText: TITLE }).waitFor()
      await card.locator('.data-card-line', { hasText: TODAY }).waitFor()
      await card.locator('[data-test="view"]').tap()
      const detail = page.locator('.el-drawer:visible')
      await detail.getByText(TITLE).first().waitFor()
      await page.waitForFunction(() => {
        const r = [...document.querySelectorAll('.el-drawer')].find((d) => d.offsetParent)?.getBoundingClientRect()
        return r && Math.abs(r.left) < 1
      })
      const box = await detail.boundingBox()
      assert.ok(box.width >= PHONE.width - 1, `the detail takes the screen: ${JSON.stringify(box)}`)
      onScreen(await detail.getByRole('button', { name: '编辑' }).boundingBox(), 'the detail’s 编辑')
      await detail.getByRole('button', { name: '关闭', exact: true }).tap()
    })

    await step('05-other-registries', async () => {
      for (const [path, what] of [
        ['/admin/org/people', '新增人员'],
        ['/admin/org/places', '新增法治阵地'],
        ['/admin/activity/study', '新增学法记录'],
      ]) {
        await page.goto(`${BASE}${path}`)
        await page.locator('[data-test="add"]').click()
        await checkSheet(page, '[data-test="form-save"]', what)
        await closeSheet(page)
      }
    })
  })

  test('the coordinator’s dialogs and full-page forms fit a phone', async () => {
    await step('11-sign-in', async () => {
      await page.context().clearCookies()
      await signIn(page, BASE, COORD_USER, COORD_PASS)
    })

    await step('13-bank-question-import', async () => {
      await page.goto(`${BASE}/admin/exam/banks`)
      await page.locator('[data-test="bank-add"]').click()
      await checkSheet(page, '[data-test="bank-save"]', '新增题库')
      await closeSheet(page)
      await page.locator('[data-test="exam-banks"] [data-test="data-card"] .data-card-title .el-button').first().click()
      await page.locator('[data-test="question-add"]').click()
      await checkSheet(page, '[data-test="question-save"]', '新增题目')
      await closeSheet(page)
      await page.locator('[data-test="question-import"]').click()
      await checkSheet(page, '[data-test="import-start"]', '导入题目')
      await closeSheet(page)
    })

    await step('14-return-prompt', async () => {
      await page.goto(`${BASE}/admin/activity/activities`)
      await page.locator('[data-test="registry-table"] [data-test="data-card"] [data-test="return"]').first().click()
      const box = page.locator('.el-message-box:visible')
      await box.waitFor()
      onScreen(await box.boundingBox(), '退回 asks for the reason on screen')
      onScreen(await box.locator('.el-message-box__btns .el-button--primary').boundingBox(), '确认退回')
      await box.locator('.el-message-box__btns .el-button').first().click()
    })

    await step('15-page-forms', async () => {
      await page.goto(`${BASE}/admin/exam/exams/new`)
      await checkPageForm(page, '.exam-form', '[data-test="exam-save"]', '新增考试')
      await page.goto(`${BASE}/admin/exam/quizzes/new`)
      await checkPageForm(page, '[data-test="quiz-form"]', '[data-test="quiz-save"]', '新建有奖竞答')
      await page.goto(`${BASE}/admin/content/articles/new`)
      await checkPageForm(page, '.form', '[data-test="save-submit"]', '新增文章')
    })
  })

  test('the administrator’s user dialogs fit a phone, and the lists are cards', async () => {
    await step('21-sign-in', async () => {
      await page.context().clearCookies()
      await signIn(page, BASE, ADMIN_USER, ADMIN_PASS)
    })

    await step('22-user-dialogs', async () => {
      await page.goto(`${BASE}/admin/system/users`)
      const card = page.locator('[data-test="data-card"]').first()
      await card.waitFor()
      await page.getByRole('button', { name: '新增' }).click()
      await checkSheet(page, '.el-dialog__footer .el-button--primary', '新增用户')
      await closeSheet(page)
      await card.getByRole('button', { name: '重置密码' }).click()
      await checkSheet(page, '.el-dialog__footer .el-button--warning', '重置密码')
      await closeSheet(page)
    })

    await step('22b-region', async () => {
      // the region tree is the administrator's to change (regions.manage): 新增下级 is theirs, on a full-screen sheet
      const roles = await page.evaluate(async () => (await (await fetch('/api/v1/roles')).json()).items)
      const manages = roles.find((r) => r.code === 'admin')?.permissions.includes('regions.manage')
      await page.goto(`${BASE}/admin/system/regions`)
      await page.locator('.el-tree-node__content').first().waitFor()
      const add = page.getByRole('button', { name: '新增下级' })
      if (!manages) {
        // a server whose administrator may not change regions shows no button to do it
        assert.equal(await add.count(), 0)
        return
      }
      await add.first().click()
      await checkSheet(page, '.el-dialog__footer .el-button--primary', '新增区域')
      await closeSheet(page)
    })

    await step('23-audit-cards', async () => {
      await page.context().clearCookies()
      await signIn(page, BASE, AUDIT_USER, AUDIT_PASS)
      await page.goto(`${BASE}/admin/system/audit`)
      const card = page.locator('[data-test="data-card"]').first()
      await card.waitFor()
      onScreen(await card.boundingBox(), 'an audit card', { across: true })
      assert.ok((await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth)) <= 0, 'no sideways scrolling')
    })
  })
})
