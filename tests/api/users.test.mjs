// User administration: list/filter/sort, create, read, update, disable/enable, reset password.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'

import {
  COORD, GOOD_PASSWORD, allUsernames, assertError, assertList, assertNoUser, assertSession,
  assertUser, createUser, startServer, subtreeIds, uniqueName,
} from './harness.mjs'

let server
let admin
let coord
let adminId
let coordId
const region = {} // code → {id, name}
const fx = {} // fixture users for the list tests

const MAJIAN = '330781011000' // 马涧镇
const LANJIANG = '330781001000' // 兰江街道

before(async () => {
  server = await startServer()
  ;[admin, coord] = await Promise.all([server.admin(), server.login(COORD.username, COORD.password)])
  adminId = (await admin.get('/api/v1/auth/me')).body.user.id
  coordId = (await coord.get('/api/v1/auth/me')).body.user.id
  const regions = await admin.get('/api/v1/regions')
  assert.equal(regions.status, 200, regions.text)
  for (const item of regions.body.items) region[item.code] = item
  assert.ok(region[MAJIAN] && region[LANJIANG], 'demo regions missing')

  const tag = randomBytes(3).toString('hex')
  const made = await Promise.all([
    createUser(admin, { username: `findme${tag}`, display_name: '检索用户' }),
    createUser(admin, { display_name: '林黛玉' }),
    createUser(admin, { username: `qf_${tag}`, display_name: '下划线用户' }),
    createUser(admin, { roles: ['inspector'], display_name: '检查组成员甲' }),
    createUser(admin, { region_id: region[MAJIAN].id, display_name: '马涧镇用户' }),
    createUser(admin, { region_id: region[LANJIANG].id, display_name: '兰江街道用户' }),
  ])
  ;[fx.byName, fx.byDisplay, fx.underscore, fx.inspector, fx.majian, fx.lanjiang] = made.map((m) => m.user)
  fx.tag = tag
})

after(async () => {
  await server?.stop()
})

// --- permission ------------------------------------------------------------------------------

test('the coordinator (no user.manage) gets 403 forbidden on GET /users', async () => {
  assertError(await coord.get('/api/v1/users'), 403, 'forbidden')
})

test('the coordinator gets 403 forbidden on POST /users and nothing is written', async () => {
  const username = uniqueName('co')
  const res = await coord.post('/api/v1/users', {
    username, display_name: '越权创建', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
  })
  assertError(res, 403, 'forbidden')
  await assertNoUser(admin, username)
})

test('the coordinator gets 403 forbidden on GET /users/{id}, disable and reset-password', async () => {
  assertError(await coord.get(`/api/v1/users/${fx.inspector.id}`), 403, 'forbidden')
  assertError(await coord.post(`/api/v1/users/${fx.inspector.id}/disable`), 403, 'forbidden')
  assertError(await coord.post(`/api/v1/users/${fx.inspector.id}/reset-password`, { password: 'Other-Pass-2026' }), 403, 'forbidden')
  const check = await admin.get(`/api/v1/users/${fx.inspector.id}`)
  assert.equal(check.body.user.disabled, false)
})

test('GET /users without a session answers 401 unauthenticated', async () => {
  assertError(await server.client().get('/api/v1/users'), 401, 'unauthenticated')
})

// --- list ----------------------------------------------------------------------------------------

test('GET /users (admin) answers {items, total} with full user objects', async () => {
  // The demo holds more users than one page (the exam area's civil servants): read every page.
  const items = []
  let total
  for (let page = 1; ; ++page) {
    const body = assertList(await admin.get(`/api/v1/users?page_size=100&page=${page}`))
    total = body.total
    items.push(...body.items)
    if (body.items.length < 100) break
  }
  for (const user of items) assertUser(user)
  const names = items.map((user) => user.username)
  for (const name of ['admin', 'lanxi', fx.byName.username, fx.majian.username]) {
    assert.ok(names.includes(name), `${name} missing from the list`)
  }
  assert.equal(total, items.length)
  assert.equal(new Set(items.map((user) => user.id)).size, items.length, 'duplicate ids')
})

test('GET /users pages: page_size limits items, pages do not overlap, total is the full count', async () => {
  const all = assertList(await admin.get('/api/v1/users?page_size=100'))
  const one = assertList(await admin.get('/api/v1/users?page=1&page_size=2'))
  const two = assertList(await admin.get('/api/v1/users?page=2&page_size=2'))
  assert.equal(one.items.length, 2)
  assert.equal(two.items.length, 2)
  assert.equal(one.total, all.total)
  assert.equal(two.total, all.total)
  const ids = new Set(one.items.map((user) => user.id))
  for (const user of two.items) assert.ok(!ids.has(user.id), 'page 2 repeats a user of page 1')
  assert.deepEqual([...one.items, ...two.items].map((user) => user.id), all.items.slice(0, 4).map((user) => user.id))
})

test('GET /users?page_size=100 is accepted', async () => {
  const body = assertList(await admin.get('/api/v1/users?page_size=100'))
  assert.ok(body.items.length >= 8)
})

for (const size of ['0', '101', '-1', 'abc']) {
  test(`GET /users?page_size=${size} answers 400 validation_failed field page_size`, async () => {
    assertError(await admin.get(`/api/v1/users?page_size=${size}`), 400, 'validation_failed', 'page_size')
  })
}

test('GET /users?page=0 answers 400 validation_failed field page', async () => {
  assertError(await admin.get('/api/v1/users?page=0'), 400, 'validation_failed', 'page')
})

test('GET /users?q= filters by a username substring', async () => {
  const body = assertList(await admin.get(`/api/v1/users?q=${fx.byName.username.slice(2)}`))
  assert.deepEqual(body.items.map((user) => user.username), [fx.byName.username])
  assert.equal(body.total, 1)
})

test('GET /users?q= filters by a display_name substring (Chinese)', async () => {
  const body = assertList(await admin.get(`/api/v1/users?q=${encodeURIComponent('黛玉')}`))
  assert.deepEqual(body.items.map((user) => user.id), [fx.byDisplay.id])
  assert.equal(body.total, 1)
})

test('GET /users?q= matches usernames case-insensitively on every engine (q=LANXI finds lanxi)', async () => {
  // Usernames are case-insensitive (LANXI logs in), so searching for one must be too.
  const body = assertList(await admin.get('/api/v1/users?q=LANXI'))
  assert.deepEqual(body.items.map((user) => user.username), ['lanxi'])
  assert.equal(body.total, 1)
})

test('GET /users?q= with no match answers an empty list and total 0', async () => {
  const body = assertList(await admin.get('/api/v1/users?q=nobody-has-this-name'))
  assert.deepEqual(body, { items: [], total: 0 })
})

test('GET /users?q= finds a username that contains "_" (the substring is literal)', async () => {
  // fx.underscore.username is "qf_<tag>"; "_" must match itself, not be dropped or be a wildcard.
  const q = `qf_${fx.tag.slice(0, 4)}`
  const body = assertList(await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`))
  assert.deepEqual(body.items.map((user) => user.username), [fx.underscore.username])
  assert.equal(body.total, 1)
})

test('GET /users?q= treats "%" literally (it is not a wildcard)', async () => {
  const body = assertList(await admin.get(`/api/v1/users?q=${encodeURIComponent('%')}`))
  assert.deepEqual(body, { items: [], total: 0 })
})

test('GET /users?role= filters by role', async () => {
  // The demo has inspectors of its own (jiancha); the filter keeps every inspector and only them.
  const inspectors = assertList(await admin.get('/api/v1/users?role=inspector&page_size=100'))
  const ids = inspectors.items.map((user) => user.id)
  assert.ok(ids.includes(fx.inspector.id), 'the new inspector is listed')
  for (const other of [fx.byName, fx.byDisplay, fx.underscore, fx.majian, fx.lanjiang]) assert.ok(!ids.includes(other.id), other.username)
  for (const user of inspectors.items) assert.ok(user.roles.includes('inspector'), user.username)
  assert.equal(inspectors.total, inspectors.items.length)
  const everyone = assertList(await admin.get('/api/v1/users?page_size=100'))
  assert.ok(everyone.total > inspectors.total, 'the filter narrows the list')
  const coordinators = assertList(await admin.get('/api/v1/users?role=coordinator'))
  assert.ok(coordinators.items.some((user) => user.username === 'lanxi'))
  for (const user of coordinators.items) assert.ok(user.roles.includes('coordinator'), user.username)
  assert.ok(!coordinators.items.some((user) => user.username === 'admin'))
})

test('GET /users?region_id= filters to that region’s subtree', async () => {
  const majian = assertList(await admin.get(`/api/v1/users?region_id=${region[MAJIAN].id}&page_size=100`))
  assert.ok(majian.items.some((user) => user.id === fx.majian.id), 'the 马涧镇 user is missing')
  const inside = subtreeIds(Object.values(region), region[MAJIAN].id)
  for (const user of majian.items) assert.ok(inside.has(user.region_id), `${user.username} is outside 马涧镇`)
  assert.ok(!majian.items.some((user) => user.id === fx.lanjiang.id), 'the 兰江街道 user is listed')
  assert.equal(majian.total, majian.items.length)
  const root = assertList(await admin.get('/api/v1/users?region_id=1&page_size=100'))
  const all = assertList(await admin.get('/api/v1/users?page_size=100'))
  assert.equal(root.total, all.total, 'the root region covers every user')
  assert.ok(root.items.some((user) => user.id === fx.lanjiang.id))
})

test('GET /users?region_id= of a region that does not exist answers 400 field region_id', async () => {
  assertError(await admin.get('/api/v1/users?region_id=999999'), 400, 'validation_failed', 'region_id')
})

test('GET /users?region_id=abc answers 400 field region_id', async () => {
  assertError(await admin.get('/api/v1/users?region_id=abc'), 400, 'validation_failed', 'region_id')
})

test('GET /users?sort=username sorts ascending, sort=-username descending', async () => {
  const up = assertList(await admin.get('/api/v1/users?sort=username&page_size=100')).items.map((u) => u.username)
  const down = assertList(await admin.get('/api/v1/users?sort=-username&page_size=100')).items.map((u) => u.username)
  assert.ok(up.length >= 8)
  assert.deepEqual(up, [...up].sort())
  assert.deepEqual(down, [...down].sort().reverse())
  if (up.length < 100) assert.deepEqual(down, [...up].reverse())
})

test('GET /users without sort lists the newest users first', async () => {
  const latest = await createUser(admin, { display_name: '最新用户' })
  const body = assertList(await admin.get('/api/v1/users?page_size=1'))
  assert.equal(body.items[0].id, latest.user.id)
})

// --- create --------------------------------------------------------------------------------------

test('POST /users answers 201 with the new user (must_change_password, masked phone)', async () => {
  const username = uniqueName('new')
  const res = await admin.post('/api/v1/users', {
    username, display_name: '新用户', password: GOOD_PASSWORD, roles: ['lecturer', 'examinee'],
    region_id: region[MAJIAN].id, phone: '13812345678',
  })
  assert.equal(res.status, 201, res.text)
  assert.deepEqual(Object.keys(res.body), ['user'])
  const user = assertUser(res.body.user)
  assert.equal(user.username, username)
  assert.equal(user.display_name, '新用户')
  assert.deepEqual([...user.roles].sort(), ['examinee', 'lecturer'])
  assert.ok(user.permissions.includes('exam.take') && user.permissions.includes('activity.write'))
  assert.equal(user.region_id, region[MAJIAN].id)
  assert.equal(user.region_name, '马涧镇')
  assert.equal(user.phone, '138****5678')
  assert.equal(user.must_change_password, true)
  assert.equal(user.disabled, false)
  assert.equal(user.last_login_at, null)
  assert.equal(user.locked_until, null)

  const read = await admin.get(`/api/v1/users/${user.id}`)
  assert.equal(read.status, 200, read.text)
  assert.deepEqual(read.body, { user })
  assert.ok(!read.text.includes('13812345678'), 'the full phone number leaked')
})

test('POST /users lowercases the username', async () => {
  const username = uniqueName('Mixed')
  const res = await admin.post('/api/v1/users', {
    username: username.toUpperCase(), display_name: '大写', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
  })
  assert.equal(res.status, 201, res.text)
  assert.equal(res.body.user.username, username.toLowerCase())
})

test('POST /users with a taken username answers 409 conflict field username', async () => {
  const res = await admin.post('/api/v1/users', {
    username: fx.byName.username, display_name: '重名', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
  })
  assertError(res, 409, 'conflict', 'username')
  const read = await admin.get(`/api/v1/users/${fx.byName.id}`)
  assert.equal(read.body.user.display_name, '检索用户', 'the existing user was changed')
})

test('POST /users with a taken username in other case (LANXI) answers 409 conflict', async () => {
  const before = (await allUsernames(admin)).length
  const res = await admin.post('/api/v1/users', {
    username: 'LANXI', display_name: '重名', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
  })
  assertError(res, 409, 'conflict', 'username')
  assert.equal((await allUsernames(admin)).length, before)
})

for (const bad of ['a', '有中文', 'has space', 'x'.repeat(33)]) {
  test(`POST /users with the bad username "${bad.length > 10 ? `${bad.slice(0, 5)}…(${bad.length})` : bad}" answers 400 field username`, async () => {
    const before = (await allUsernames(admin)).length
    const res = await admin.post('/api/v1/users', {
      username: bad, display_name: '坏用户名', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
    })
    assertError(res, 400, 'validation_failed', 'username')
    assert.equal((await allUsernames(admin)).length, before, 'a user was written')
  })
}

for (const weak of ['short', 'alllowercase1', 'ALLUPPERCASE', '1234567890']) {
  test(`POST /users with the weak password "${weak}" answers 400 field password`, async () => {
    const username = uniqueName('weak')
    const res = await admin.post('/api/v1/users', {
      username, display_name: '弱密码', password: weak, roles: ['examinee'], region_id: 1,
    })
    assertError(res, 400, 'validation_failed', 'password')
    await assertNoUser(admin, username)
  })
}

test('POST /users with an unknown role answers 400 field roles', async () => {
  const username = uniqueName('role')
  const res = await admin.post('/api/v1/users', {
    username, display_name: '未知角色', password: GOOD_PASSWORD, roles: ['examinee', 'superuser'], region_id: 1,
  })
  assertError(res, 400, 'validation_failed', 'roles')
  await assertNoUser(admin, username)
})

test('POST /users with empty roles answers 400 field roles', async () => {
  const username = uniqueName('role')
  const res = await admin.post('/api/v1/users', {
    username, display_name: '无角色', password: GOOD_PASSWORD, roles: [], region_id: 1,
  })
  assertError(res, 400, 'validation_failed', 'roles')
  await assertNoUser(admin, username)
})

test('POST /users without roles answers 400 field roles', async () => {
  const username = uniqueName('role')
  const res = await admin.post('/api/v1/users', { username, display_name: '无角色', password: GOOD_PASSWORD, region_id: 1 })
  assertError(res, 400, 'validation_failed', 'roles')
  await assertNoUser(admin, username)
})

test('POST /users with the bad phone "12345" answers 400 field phone', async () => {
  const username = uniqueName('phone')
  const res = await admin.post('/api/v1/users', {
    username, display_name: '坏手机号', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1, phone: '12345',
  })
  assertError(res, 400, 'validation_failed', 'phone')
  await assertNoUser(admin, username)
})

test('POST /users with a region that does not exist answers 400 field region_id', async () => {
  const username = uniqueName('region')
  const res = await admin.post('/api/v1/users', {
    username, display_name: '无此区域', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 999999,
  })
  assertError(res, 400, 'validation_failed', 'region_id')
  await assertNoUser(admin, username)
})

test('POST /users with an empty display_name answers 400 field display_name', async () => {
  const username = uniqueName('name')
  const res = await admin.post('/api/v1/users', {
    username, display_name: '', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
  })
  assertError(res, 400, 'validation_failed', 'display_name')
  await assertNoUser(admin, username)
})

// --- read ----------------------------------------------------------------------------------------

test('GET /users/{id} answers {user}', async () => {
  const res = await admin.get(`/api/v1/users/${coordId}`)
  assert.equal(res.status, 200, res.text)
  assert.deepEqual(Object.keys(res.body), ['user'])
  assertUser(res.body.user)
  assert.equal(res.body.user.username, 'lanxi')
  assert.deepEqual(res.body.user.roles, ['coordinator'])
})

for (const id of ['abc', '999999', '0', '-1', '1x']) {
  test(`GET /users/${id} answers 404 not_found`, async () => {
    assertError(await admin.get(`/api/v1/users/${id}`), 404, 'not_found')
  })
}

test('GET /users/{id}?reveal=1 by the admin (no pii.read) answers 403 forbidden', async () => {
  const { user } = await createUser(admin, { phone: '13912345678' })
  const res = await admin.get(`/api/v1/users/${user.id}?reveal=1`)
  assertError(res, 403, 'forbidden')
  assert.ok(!res.text.includes('13912345678'))
})

test('no account holds user.manage with pii.read: an administrator role is held alone (三员分立)', async () => {
  const { user } = await createUser(admin, { phone: '13912345678' })
  const security = await server.login('anquan', 'Pufa-Security-2026')
  const res = await security.put(`/api/v1/users/${user.id}/roles`, { roles: ['admin', 'coordinator'] })
  assertError(res, 422, 'unprocessable', 'roles', /单独设账户/)
  assert.deepEqual((await admin.get(`/api/v1/users/${user.id}`)).body.user.roles, ['examinee'])
})

// --- update --------------------------------------------------------------------------------------

test('PUT /users/{id} updates display_name, roles, region and phone', async () => {
  const { user } = await createUser(admin, { display_name: '改前', roles: ['examinee'] })
  const res = await admin.put(`/api/v1/users/${user.id}`, {
    display_name: '改后', roles: ['mediator', 'grid_worker'], region_id: region[LANJIANG].id, phone: '15000001111',
  })
  assert.equal(res.status, 200, res.text)
  assert.deepEqual(Object.keys(res.body), ['user'])
  const updated = assertUser(res.body.user)
  assert.equal(updated.id, user.id)
  assert.equal(updated.username, user.username)
  assert.equal(updated.display_name, '改后')
  assert.deepEqual([...updated.roles].sort(), ['grid_worker', 'mediator'])
  assert.ok(updated.permissions.includes('mediation.handle'))
  assert.ok(!updated.permissions.includes('exam.take'))
  assert.equal(updated.region_id, region[LANJIANG].id)
  assert.equal(updated.region_name, '兰江街道')
  assert.equal(updated.phone, '150****1111')
  const read = await admin.get(`/api/v1/users/${user.id}`)
  assert.deepEqual(read.body.user, updated)
})

test('PUT /users/{id} without phone keeps the stored phone', async () => {
  const { user } = await createUser(admin, { phone: '13612345678' })
  const res = await admin.put(`/api/v1/users/${user.id}`, { display_name: '保留手机号', roles: ['examinee'] })
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.user.display_name, '保留手机号')
  assert.equal(res.body.user.phone, '136****5678')
  assert.equal(res.body.user.region_id, user.region_id, 'a missing region_id keeps the region')
})

test('PUT /users/{id} with phone null clears the phone', async () => {
  const { user } = await createUser(admin, { phone: '13612345678' })
  const res = await admin.put(`/api/v1/users/${user.id}`, { display_name: '清除手机号', roles: ['examinee'], phone: null })
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.user.phone, null)
  assert.equal((await admin.get(`/api/v1/users/${user.id}`)).body.user.phone, null)
})

test('PUT /users/{id} with an unknown role answers 400 field roles and changes nothing', async () => {
  const { user } = await createUser(admin, { display_name: '不变' })
  const res = await admin.put(`/api/v1/users/${user.id}`, { display_name: '变了', roles: ['nope'], region_id: 1 })
  assertError(res, 400, 'validation_failed', 'roles')
  const read = await admin.get(`/api/v1/users/${user.id}`)
  assert.equal(read.body.user.display_name, '不变')
  assert.deepEqual(read.body.user.roles, ['examinee'])
})

test('PUT /users/{id} with a bad phone answers 400 field phone', async () => {
  const res = await admin.put(`/api/v1/users/${fx.inspector.id}`, { display_name: '检查组成员甲', roles: ['inspector'], phone: '12345' })
  assertError(res, 400, 'validation_failed', 'phone')
})

test('PUT /users/{id} of an unknown id answers 404 not_found', async () => {
  const res = await admin.put('/api/v1/users/999999', { display_name: '无人', roles: ['examinee'] })
  assertError(res, 404, 'not_found')
})

test('PUT /users/{self} keeping the admin role answers 200', async () => {
  const res = await admin.put(`/api/v1/users/${adminId}`, { display_name: '系统管理员', roles: ['admin'], region_id: 1 })
  assert.equal(res.status, 200, res.text)
  assertUser(res.body.user)
  assert.deepEqual(res.body.user.roles, ['admin'])
})

test('the admin changing its own roles answers 403 forbidden and keeps the role', async () => {
  const res = await admin.put(`/api/v1/users/${adminId}`, { display_name: '系统管理员', roles: ['coordinator'], region_id: 1 })
  assertError(res, 403, 'forbidden', 'roles', /不能修改自己的角色/)
  const me = await admin.get('/api/v1/auth/me')
  assert.deepEqual(me.body.user.roles, ['admin'])
  assert.ok(me.body.user.permissions.includes('user.manage'))
})

// --- disable / enable ----------------------------------------------------------------------------

test('POST /users/{id}/disable disables the user, revokes its sessions and blocks login (403)', async () => {
  const target = await createUser(admin)
  const session = await server.login(target.username, target.password)
  const res = await admin.post(`/api/v1/users/${target.user.id}/disable`)
  assert.equal(res.status, 200, res.text)
  assert.deepEqual(Object.keys(res.body), ['user'])
  assertUser(res.body.user)
  assert.equal(res.body.user.disabled, true)
  assertError(await session.get('/api/v1/auth/me'), 401, 'unauthenticated')
  const login = await server.client().post('/api/v1/auth/login', { username: target.username, password: target.password })
  assertError(login, 403, 'account_disabled')
  assert.deepEqual(login.headers.getSetCookie(), [])
})

test('POST /users/{id}/enable lets a disabled user log in again', async () => {
  const target = await createUser(admin)
  assert.equal((await admin.post(`/api/v1/users/${target.user.id}/disable`)).status, 200)
  const res = await admin.post(`/api/v1/users/${target.user.id}/enable`)
  assert.equal(res.status, 200, res.text)
  assertUser(res.body.user)
  assert.equal(res.body.user.disabled, false)
  const body = await server.client().login(target.username, target.password)
  assertSession(body)
  assert.equal(body.user.disabled, false)
})

test('the admin disabling itself answers 422 unprocessable and stays signed in', async () => {
  const res = await admin.post(`/api/v1/users/${adminId}/disable`)
  assertError(res, 422, 'unprocessable')
  const me = await admin.get('/api/v1/auth/me')
  assert.equal(me.status, 200)
  assert.equal(me.body.user.disabled, false)
})

test('POST /users/{id}/disable of an unknown id answers 404 not_found', async () => {
  assertError(await admin.post('/api/v1/users/999999/disable'), 404, 'not_found')
})

// --- reset password ------------------------------------------------------------------------------

test('POST /users/{id}/reset-password answers 204; the user logs in with it and must change it', async () => {
  const target = await createUser(admin)
  const next = 'Reset-Pass-2026'
  const res = await admin.post(`/api/v1/users/${target.user.id}/reset-password`, { password: next })
  assert.equal(res.status, 204, res.text)
  assert.equal(res.text, '')
  const body = await server.client().login(target.username, next)
  assertSession(body)
  assert.equal(body.user.must_change_password, true)
  const old = await server.client().post('/api/v1/auth/login', { username: target.username, password: target.password })
  assertError(old, 401, 'invalid_credentials')
})

test('POST /users/{id}/reset-password revokes the user’s existing sessions', async () => {
  const target = await createUser(admin)
  const session = await server.login(target.username, target.password)
  const res = await admin.post(`/api/v1/users/${target.user.id}/reset-password`, { password: 'Reset-Pass-2026' })
  assert.equal(res.status, 204, res.text)
  assertError(await session.get('/api/v1/auth/me'), 401, 'unauthenticated')
})

test('POST /users/{id}/reset-password with a weak password answers 400 field password', async () => {
  const target = await createUser(admin)
  const res = await admin.post(`/api/v1/users/${target.user.id}/reset-password`, { password: 'short' })
  assertError(res, 400, 'validation_failed', 'password')
  const body = await server.client().login(target.username, target.password)
  assert.equal(body.user.username, target.username, 'the old password should still work')
})

test('POST /users/{id}/reset-password of an unknown id answers 404 not_found', async () => {
  assertError(await admin.post('/api/v1/users/999999/reset-password', { password: 'Reset-Pass-2026' }), 404, 'not_found')
})
