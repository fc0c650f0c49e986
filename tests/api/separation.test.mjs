// 三员分立 (issue #13, hole 3): the system administrator keeps accounts, the security
// administrators grant roles — a privileged one only when a second approves — and the audit
// administrator alone reads the audit. No one changes their own roles; an administrator role is
// held alone; none of the three reads business data.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { AUDITOR, COORD, SECOND_SECURITY, SECURITY, assertError, createUser, startServer } from './harness.mjs'

let server
let admin
let security
let second
let auditor

before(async () => {
  server = await startServer()
  ;[admin, security, second, auditor] = await Promise.all([
    server.admin(),
    server.login(SECURITY.username, SECURITY.password),
    server.login(SECOND_SECURITY.username, SECOND_SECURITY.password),
    server.login(AUDITOR.username, AUDITOR.password),
  ])
})

after(async () => {
  await server?.stop()
})

const me = async (client) => (await client.get('/api/v1/auth/me')).body.user

test('the system administrator cannot grant itself or anyone a role that reads personal data', async () => {
  const adminId = (await me(admin)).id
  // The attack of the issue: PUT /users/1 adding coordinator, then ?reveal=1.
  const self = await admin.put(`/api/v1/users/${adminId}`, { display_name: '系统管理员', roles: ['admin', 'coordinator'], region_id: 1 })
  assertError(self, 403, 'forbidden', 'roles')
  const { user } = await createUser(admin, { phone: '13912345678' })
  const other = await admin.put(`/api/v1/users/${user.id}`, { display_name: '测试用户', roles: ['coordinator'], region_id: 1 })
  assertError(other, 403, 'forbidden', 'roles', /安全管理员/)
  const made = await admin.post('/api/v1/users', {
    username: `pii${Date.now()}`, display_name: '协调员', password: 'Strong-Pass-2026!', roles: ['coordinator'], region_id: 1,
  })
  assertError(made, 403, 'forbidden', 'roles')
  assert.deepEqual((await me(admin)).roles, ['admin'])
  assertError(await admin.get(`/api/v1/users/${user.id}?reveal=1`), 403, 'forbidden')
  // Ordinary roles stay the system administrator's.
  const ordinary = await admin.put(`/api/v1/users/${user.id}`, { display_name: '测试用户', roles: ['lecturer'], region_id: 1 })
  assert.equal(ordinary.status, 200, ordinary.text)
  assert.deepEqual(ordinary.body.user.roles, ['lecturer'])
})

test('administrators read no business data: the admin gets 403 on people, exam results and the audit', async () => {
  for (const path of ['/api/v1/people', '/api/v1/audit', '/api/v1/activities', '/api/v1/exams']) {
    assertError(await admin.get(path), 403, 'forbidden')
    assertError(await security.get(path), 403, 'forbidden')
  }
  const audit = await auditor.get('/api/v1/audit?page_size=5')
  assert.equal(audit.status, 200, audit.text)
  assertError(await auditor.get('/api/v1/people'), 403, 'forbidden')
  assertError(await auditor.get('/api/v1/users'), 403, 'forbidden')
})

test('a privileged grant waits for a second security administrator, and is applied only then', async () => {
  const { user, username, password } = await createUser(admin, { phone: '13812345678' })
  const asked = await security.put(`/api/v1/users/${user.id}/roles`, { roles: ['coordinator'] })
  assert.equal(asked.status, 202, asked.text)
  const request = asked.body.request
  assert.equal(request.state, 'pending')
  assert.deepEqual(request.roles, ['coordinator'])
  assert.deepEqual(request.previous_roles, ['examinee'])
  assert.deepEqual(asked.body.user.roles, ['examinee'], 'nothing is granted before the approval')
  // Not yet a coordinator.
  const subject = await server.login(username, password)
  assertError(await subject.get(`/api/v1/users/${user.id}?reveal=1`), 403, 'forbidden')
  // A second request for the same account waits for the first.
  assertError(await security.put(`/api/v1/users/${user.id}/roles`, { roles: ['coordinator', 'lecturer'] }), 409, 'conflict', 'roles')
  // The one who asked cannot approve; the system administrator holds no role.approve.
  assertError(await security.post(`/api/v1/role-requests/${request.id}/approve`), 403, 'forbidden', undefined, /另一名安全管理员/)
  assertError(await admin.post(`/api/v1/role-requests/${request.id}/approve`), 403, 'forbidden')
  // The second security administrator sees it in the to-do centre, then approves.
  const todo = await second.get('/api/v1/todo')
  assert.ok(todo.body.items.some((item) => item.code === 'roles.approve' && item.count >= 1), JSON.stringify(todo.body))
  const mine = await security.get('/api/v1/todo')
  assert.ok(!mine.body.items.some((item) => item.code === 'roles.approve'), 'the asker has nothing to approve')
  const approved = await second.post(`/api/v1/role-requests/${request.id}/approve`)
  assert.equal(approved.status, 200, approved.text)
  assert.equal(approved.body.request.state, 'approved')
  assert.equal(approved.body.request.decided_by_name, '安全管理员（复核）')
  assertError(await second.post(`/api/v1/role-requests/${request.id}/approve`), 409, 'conflict')
  const now = await me(subject)
  assert.deepEqual(now.roles, ['coordinator'])
  assert.ok(now.permissions.includes('pii.read'))
  // Both steps are in the audit, for the audit administrator.
  const rows = await server.audit(`action=role.&page_size=100`)
  const ours = rows.filter((row) => row.object_id === String(user.id))
  assert.deepEqual(ours.map((row) => row.action).sort(), ['role.approve', 'role.request'])
  assert.ok(ours.every((row) => row.detail === 'examinee → coordinator'), JSON.stringify(ours))
})

test('a rejected grant changes nothing and keeps its reason; removing a privileged role is immediate', async () => {
  const { user } = await createUser(admin)
  const asked = await security.put(`/api/v1/users/${user.id}/roles`, { roles: ['audit_admin'] })
  assert.equal(asked.status, 202, asked.text)
  assertError(await second.post(`/api/v1/role-requests/${asked.body.request.id}/reject`, {}), 400, 'validation_failed', 'reason')
  const rejected = await second.post(`/api/v1/role-requests/${asked.body.request.id}/reject`, { reason: '未经审批' })
  assert.equal(rejected.status, 200, rejected.text)
  assert.equal(rejected.body.request.state, 'rejected')
  assert.equal(rejected.body.request.reason, '未经审批')
  assert.deepEqual((await admin.get(`/api/v1/users/${user.id}`)).body.user.roles, ['examinee'])
  const list = await security.get('/api/v1/role-requests?state=rejected')
  assert.ok(list.body.items.some((item) => item.id === asked.body.request.id))
  assertError(await security.get('/api/v1/role-requests?state=bogus'), 400, 'validation_failed', 'state')

  // Granted through both, then taken away by one security administrator at once.
  await server.grantRoles(user.id, ['coordinator'])
  const removed = await security.put(`/api/v1/users/${user.id}/roles`, { roles: ['examinee'] })
  assert.equal(removed.status, 200, removed.text)
  assert.deepEqual(removed.body.user.roles, ['examinee'])
})

test('no one changes their own roles, security administrators included', async () => {
  const securityId = (await me(security)).id
  assertError(await security.put(`/api/v1/users/${securityId}/roles`, { roles: ['security_admin', 'coordinator'] }), 403, 'forbidden', 'roles')
  assertError(await security.put(`/api/v1/users/${securityId}/roles`, { roles: ['coordinator'] }), 403, 'forbidden', 'roles', /自己的角色/)
  assertError(await security.put(`/api/v1/users/${securityId}/roles`, { roles: [] }), 400, 'validation_failed', 'roles')
  assert.deepEqual((await me(security)).roles, ['security_admin'])
  // Nor approves a request about their own account.
  const secondId = (await me(second)).id
  const asked = await security.put(`/api/v1/users/${secondId}/roles`, { roles: ['audit_admin'] })
  assert.equal(asked.status, 202, asked.text)
  assertError(await second.post(`/api/v1/role-requests/${asked.body.request.id}/approve`), 403, 'forbidden')
  assertError(await second.post(`/api/v1/role-requests/${asked.body.request.id}/reject`, { reason: '撤回' }), 403, 'forbidden')
  // The one who asked may withdraw it.
  const withdrawn = await security.post(`/api/v1/role-requests/${asked.body.request.id}/reject`, { reason: '撤回' })
  assert.equal(withdrawn.status, 200, withdrawn.text)
  assert.deepEqual((await me(second)).roles, ['security_admin'])
})

test('role routes answer 401 without a session and 403 to every business role', async () => {
  assertError(await server.client().get('/api/v1/role-requests'), 401, 'unauthenticated')
  const coord = await server.login(COORD.username, COORD.password)
  assertError(await coord.get('/api/v1/role-requests'), 403, 'forbidden')
  assertError(await coord.put('/api/v1/users/1/roles', { roles: ['coordinator'] }), 403, 'forbidden')
  assertError(await security.put('/api/v1/users/999999/roles', { roles: ['examinee'] }), 404, 'not_found')
  assertError(await security.put('/api/v1/users/1/roles', { roles: ['superuser'] }), 400, 'validation_failed', 'roles')
})
