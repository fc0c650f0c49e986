// Browser test of 三员分立 (issue #13): the system administrator (PUFA_ADMIN_USER / _PASS) creates an
// account and cannot pick a privileged role; the security administrator (PUFA_SECURITY_USER / _PASS)
// asks for 普法办协调员 in 分配角色, which waits; the second security administrator
// (PUFA_SECOND_SECURITY_USER / _PASS) finds it in the to-do card, approves it in 角色授予复核, and the
// account holds the role. On a phone the approval list is cards.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'

import { DESKTOP, PHONE, openBrowser, pageApi, sidewaysOf, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const ADMIN = [process.env.PUFA_ADMIN_USER || 'admin', process.env.PUFA_ADMIN_PASS || 'Pufa-Admin-2026']
const SECURITY = [process.env.PUFA_SECURITY_USER || 'anquan', process.env.PUFA_SECURITY_PASS || 'Pufa-Security-2026']
const AUDITOR = [process.env.PUFA_AUDIT_USER || 'shenji', process.env.PUFA_AUDIT_PASS || 'Pufa-Audit-2026']
const SECOND = [process.env.PUFA_SECOND_SECURITY_USER || 'fuhe', process.env.PUFA_SECOND_SECURITY_PASS || 'Pufa-Review-2026']

let browser
let page
let step
let api
const username = `grant${Date.now().toString(36)}`

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser({ acceptDownloads: true })
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

test('the system administrator unlocks an account locked by failed sign-ins', async () => {
  const locked = `lock${Date.now().toString(36)}`
  await step('05-unlock', async () => {
    await page.setViewportSize(DESKTOP)
    await signInAs(ADMIN)
    const made = await api('POST', '/api/v1/users', {
      username: locked, display_name: '锁定测试', password: 'Lock-Test-2026!', roles: ['examinee'], region_id: 1, must_change_password: false,
    })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    for (let i = 0; i < 5; i++) {
      await fetch(`${BASE}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: locked, password: 'Wrong-Pass-2026' }),
      })
    }
    await page.goto(`${BASE}/admin/system/users`)
    await page.locator('.page input').first().fill(locked)
    await page.getByRole('button', { name: '查询' }).click()
    const row = page.locator('.el-table__row').filter({ hasText: locked })
    await row.locator('.el-tag').filter({ hasText: '锁定' }).waitFor()
    await row.locator('[data-test="unlock"]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '解锁' }).click()
    await page.getByText('已解锁').waitFor()
    await row.locator('.el-tag').filter({ hasText: '正常' }).waitFor()
    assert.equal(await row.locator('[data-test="unlock"]').count(), 0)
    const again = await fetch(`${BASE}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: locked, password: 'Lock-Test-2026!' }),
    })
    assert.equal(again.status, 200)
  })

  await step('06-audit-export', async () => {
    // The audit administrator finds the unlock and exports what the search selects.
    await signInAs(AUDITOR)
    await page.goto(`${BASE}/admin/system/audit`)
    await page.locator('.search-form .el-select').first().click()
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '解锁用户' }).click()
    await page.getByRole('button', { name: '查询' }).click()
    const download = page.waitForEvent('download')
    const exported = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/audit/export')
    await page.locator('[data-test="audit-export"]').click()
    const res = await exported
    assert.equal(res.status(), 200)
    assert.equal(new URL(res.url()).searchParams.get('action'), 'user.unlock', 'the export asks for the searched rows')
    const file = await download
    assert.match(file.suggestedFilename(), /审计日志\.xlsx$/)
    const bytes = await readFile(await file.path())
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')
  })
})
