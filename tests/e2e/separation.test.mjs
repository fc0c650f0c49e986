// Browser test of 三员分立 (issue #13): the system administrator (PUFA_ADMIN_USER / _PASS) creates an
// account and cannot pick a privileged role; the security administrator (PUFA_SECURITY_USER / _PASS)
// asks for 普法办协调员 in 分配角色, which waits; the second security administrator
// (PUFA_SECOND_SECURITY_USER / _PASS) finds it in the to-do card, approves it in 角色授予复核, and the
// account holds the role. On a phone the approval list is cards.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, openBrowser, pageApi, sidewaysOf, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const ADMIN = [process.env.PUFA_ADMIN_USER || 'admin', process.env.PUFA_ADMIN_PASS || 'Pufa-Admin-2026']
const SECURITY = [process.env.PUFA_SECURITY_USER || 'anquan', process.env.PUFA_SECURITY_PASS || 'Pufa-Security-2026']
const SECOND = [process.env.PUFA_SECOND_SECURITY_USER || 'fuhe', process.env.PUFA_SECOND_SECURITY_PASS || 'Pufa-Review-2026']

let browser
let page
let step
let api
const username = `grant${Date.now().toString(36)}`

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  api = pageApi(page)
  step = stepper(page, browser.shotDir, 'separation-')
})

after(async () => {
  await browser?.close()
})

async function signInAs([user, pass]) {
  await page.context().clearCookies()
  await signIn(page, BASE, user, pass)
}

test('a privileged role is granted by one security administrator and approved by another', async () => {
  let userId
  await step('01-admin-creates', async () => {
    await signInAs(ADMIN)
    const made = await api('POST', '/api/v1/users', {
      username, display_name: '授予测试', password: 'Grant-Test-2026!', roles: ['examinee'], region_id: 1, must_change_password: false,
    })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    userId = made.body.user.id
    await page.goto(`${BASE}/admin/system/users`)
    await page.getByRole('button', { name: '新增' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '新增用户' })
    await dialog.locator('.el-select').first().click()
    const option = page.locator('.el-select-dropdown__item:visible').filter({ hasText: '普法办协调员' })
    await option.waitFor()
    assert.match(await option.getAttribute('class'), /is-disabled/, 'the system administrator cannot pick 普法办协调员')
    await page.keyboard.press('Escape')
    await dialog.getByText('由安全管理员分配').waitFor()
  })

  await step('02-security-asks', async () => {
    await signInAs(SECURITY)
    await page.goto(`${BASE}/admin/system/users?q=${username}`)
    await page.locator('.page input').first().fill(username)
    await page.getByRole('button', { name: '查询' }).click()
    const row = page.locator('.el-table__row').filter({ hasText: username })
    await row.getByRole('button', { name: '分配角色' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '分配角色' })
    await dialog.getByText('需复核').first().waitFor()
    await dialog.locator('label').filter({ hasText: '普法办协调员' }).click()
    await dialog.locator('label').filter({ hasText: '考生' }).click()
    await dialog.getByRole('button', { name: '保存' }).click()
    await page.getByText('已提交复核').waitFor()
    const user = await api('GET', `/api/v1/users/${userId}`)
    assert.deepEqual(user.body.user.roles, ['examinee'], 'nothing granted before the approval')
    // The asker has no approve button on its own request.
    await page.goto(`${BASE}/admin/system/role-requests`)
    const mine = page.locator('.el-table__row').filter({ hasText: username })
    await mine.getByRole('button', { name: '撤回' }).waitFor()
    assert.equal(await mine.getByRole('button', { name: '通过' }).count(), 0)
  })

  await step('03-second-approves', async () => {
    await signInAs(SECOND)
    await page.goto(`${BASE}/admin`)
    await page.locator('[data-test="todo-card"]').getByText('待复核的角色授予').click()
    await page.waitForURL((u) => u.pathname.endsWith('/system/role-requests'))
    const row = page.locator('.el-table__row').filter({ hasText: username })
    await row.getByRole('button', { name: '通过' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '通过' }).click()
    await page.getByText('已通过，角色已生效').waitFor()
    const user = await api('GET', `/api/v1/users/${userId}`)
    assert.deepEqual(user.body.user.roles, ['coordinator'])
  })

  await step('04-phone', async () => {
    await page.setViewportSize(PHONE)
    await page.goto(`${BASE}/admin/system/role-requests`)
    await page.getByRole('radio', { name: '已通过' }).click({ force: true })
    const card = page.locator('[data-test="data-card"]').filter({ hasText: username })
    await card.locator('.el-tag').filter({ hasText: '已通过' }).waitFor()
    await card.locator('.el-tag').filter({ hasText: '普法办协调员' }).waitFor()
    assert.ok((await sidewaysOf(page)) <= 0, 'no sideways scrolling')
  })
})
