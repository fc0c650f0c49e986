// Sign-in, session, sign-out, password change, preferences and the role list.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import {
  ADMIN, COORD, GOOD_PASSWORD, assertError, assertList, assertSession, assertUser, createUsers, startServer,
  uniqueName,
} from './harness.mjs'

let server
let admin
let coord // a signed-in coordinator client for read-only tests
let pool // fresh examinee accounts, one per test that changes or fails logins

before(async () => {
  server = await startServer()
  admin = await server.admin()
  ;[coord, pool] = await Promise.all([server.login(COORD.username, COORD.password), createUsers(admin, 10)])
})

after(async () => {
  await server?.stop()
})

/** A fresh examinee account {user, username, password}, so tests do not share login state. */
function freshUser() {
  const user = pool.shift()
  assert.ok(user, 'the user pool is exhausted: raise the count in before()')
  return user
}

let steady
/**
 * One signed-in account {username, password, client} shared by the refusal tests: on their
 * success path nothing changes, and each checks that.
 */
async function steadyUser() {
  if (!steady) {
    const user = freshUser()
    steady = { ...user, client: await server.login(user.username, user.password) }
  }
  return steady
}

// --- login -----------------------------------------------------------------------------------

test('login as admin answers 200 with the user, a CSRF token and the session cookie', async () => {
  const client = server.client()
  const res = await client.post('/api/v1/auth/login', { username: ADMIN.username, password: ADMIN.password })
  assert.equal(res.status, 200, res.text)
  assertSession(res.body)
  const user = res.body.user
  assert.equal(user.username, 'admin')
  assert.deepEqual(user.roles, ['admin'])
  assert.ok(user.permissions.includes('user.manage'))
  assert.ok(!user.permissions.includes('audit.read'), 'the audit is the audit administrator’s (三员分立)')
  assert.ok(!user.permissions.includes('pii.read'), 'admin must not have pii.read')
  assert.equal(user.region_id, 1)
  assert.equal(user.region_name, '兰溪市')
  assert.equal(user.disabled, false)
  assert.equal(user.locked_until, null)
  assert.equal(user.must_change_password, false)
  assert.notEqual(user.last_login_at, null)

  const cookies = res.headers.getSetCookie()
  assert.equal(cookies.length, 1, `Set-Cookie: ${cookies}`)
  const [pair, ...attributes] = cookies[0].split(';').map((part) => part.trim())
  assert.match(pair, /^pufa_session=[A-Za-z0-9_-]{20,}$/)
  const lower = attributes.map((a) => a.toLowerCase())
  assert.ok(lower.includes('path=/'), `Path=/ missing: ${cookies[0]}`)
  assert.ok(lower.includes('httponly'), `HttpOnly missing: ${cookies[0]}`)
  assert.ok(lower.includes('samesite=strict'), `SameSite=Strict missing: ${cookies[0]}`)
  assert.ok(!lower.some((a) => a.startsWith('max-age') || a.startsWith('expires')),
    'the session cookie should be a browser-session cookie')
})

test('login as the coordinator gives coordinator permissions (pii.read, no user.manage)', async () => {
  const client = server.client()
  const body = await client.login(COORD.username, COORD.password)
  assertSession(body)
  assert.deepEqual(body.user.roles, ['coordinator'])
  assert.ok(body.user.permissions.includes('pii.read'))
  assert.ok(!body.user.permissions.includes('user.manage'))
  assert.ok(!body.user.permissions.includes('audit.read'))
})

test('usernames are case-insensitive: LANXI logs in as lanxi', async () => {
  const client = server.client()
  const res = await client.post('/api/v1/auth/login', { username: 'LANXI', password: COORD.password })
  assert.equal(res.status, 200, res.text)
  assertSession(res.body)
  assert.equal(res.body.user.username, 'lanxi')
  assert.ok(client.cookie)
})

test('a wrong password answers 401 invalid_credentials and sets no cookie', async () => {
  const { username } = freshUser()
  const client = server.client()
  const res = await client.post('/api/v1/auth/login', { username, password: 'Wrong-Pass-2026' })
  assertError(res, 401, 'invalid_credentials')
  assert.deepEqual(res.headers.getSetCookie(), [])
  assert.equal(client.cookie, null)
})

test('an unknown user answers 401 invalid_credentials with the identical message', async () => {
  const { username } = freshUser()  // a first failure each: the same tries left
  const [wrong, unknown] = await Promise.all([
    server.client().post('/api/v1/auth/login', { username, password: 'Wrong-Pass-2026' }),
    server.client().post('/api/v1/auth/login', { username: uniqueName('ghost'), password: 'Wrong-Pass-2026' }),
  ])
  const a = assertError(wrong, 401, 'invalid_credentials')
  const b = assertError(unknown, 401, 'invalid_credentials')
  assert.equal(a.message, b.message)
  assert.deepEqual([wrong.body.error.remaining_attempts, unknown.body.error.remaining_attempts], [4, 4])
  assert.deepEqual(unknown.headers.getSetCookie(), [])
})

test('login without a password answers 400 validation_failed', async () => {
  const res = await server.client().post('/api/v1/auth/login', { username: 'admin' })
  assertError(res, 400, 'validation_failed', 'password')
})

// --- me / logout ---------------------------------------------------------------------------------

test('GET /auth/me answers the signed-in user and the same CSRF token as the login', async () => {
  const { username, password } = freshUser()
  const client = server.client()
  const login = await client.login(username, password)
  const res = await client.get('/api/v1/auth/me')
  assert.equal(res.status, 200, res.text)
  assertSession(res.body)
  assert.equal(res.body.csrf_token, login.csrf_token)
  assert.deepEqual(res.body.user, login.user)
})

test('GET /auth/me without a session answers 401 unauthenticated', async () => {
  const res = await server.client().get('/api/v1/auth/me')
  assertError(res, 401, 'unauthenticated')
})

test('GET /auth/me with a forged session cookie answers 401 unauthenticated', async () => {
  const client = server.client()
  client.cookie = 'pufa_session=forged-token-that-was-never-issued'
  const res = await client.get('/api/v1/auth/me')
  assertError(res, 401, 'unauthenticated')
})

test('POST /auth/logout answers 204 and the same cookie is then refused', async () => {
  const client = server.client()
  await client.login(COORD.username, COORD.password)
  const cookie = client.cookie
  assert.equal((await client.get('/api/v1/auth/me')).status, 200)
  const res = await client.post('/api/v1/auth/logout')
  assert.equal(res.status, 204, res.text)
  assert.equal(res.text, '')
  assert.equal(client.cookie, null, 'logout should clear the cookie')
  client.cookie = cookie // the old cookie, replayed
  assertError(await client.get('/api/v1/auth/me'), 401, 'unauthenticated')
})

test('POST /auth/logout without a session answers 401 unauthenticated', async () => {
  const res = await server.client().post('/api/v1/auth/logout')
  assertError(res, 401, 'unauthenticated')
})

test('POST /auth/logout without the CSRF token answers 403 csrf_failed and keeps the session', async () => {
  const client = server.client()
  await client.login(COORD.username, COORD.password)
  const res = await client.post('/api/v1/auth/logout', undefined, { csrf: false })
  assertError(res, 403, 'csrf_failed')
  const me = await client.get('/api/v1/auth/me')
  assert.equal(me.status, 200, me.text)
  assert.equal(me.body.user.username, 'lanxi')
})

test('logging out one session leaves the user’s other sessions signed in', async () => {
  const [one, two] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(COORD.username, COORD.password),
  ])
  assert.equal((await one.post('/api/v1/auth/logout')).status, 204)
  assertError(await one.get('/api/v1/auth/me'), 401, 'unauthenticated')
  const me = await two.get('/api/v1/auth/me')
  assert.equal(me.status, 200, me.text)
  assertSession(me.body)
})

// --- password change -----------------------------------------------------------------------------

test('POST /auth/password changes the password: old no longer logs in, new does', async () => {
  const { username, password } = freshUser()
  const client = await server.login(username, password)
  const next = 'Changed-Pass-2026'
  const res = await client.post('/api/v1/auth/password', { old_password: password, new_password: next })
  assert.equal(res.status, 204, res.text)
  assert.equal(res.text, '')
  const [old, again] = await Promise.all([
    server.client().post('/api/v1/auth/login', { username, password }),
    server.client().post('/api/v1/auth/login', { username, password: next }),
  ])
  assertError(old, 401, 'invalid_credentials')
  assert.equal(again.status, 200, again.text)
  assertSession(again.body)
  assert.equal(again.body.user.must_change_password, false, 'a changed password clears must_change_password')
})

test('POST /auth/password with a wrong old password answers 400 field old_password, nothing changes', async () => {
  const { username, password, client } = await steadyUser()
  const res = await client.post('/api/v1/auth/password', { old_password: 'Not-The-Old-2026', new_password: 'Changed-Pass-2026' })
  assertError(res, 400, 'validation_failed', 'old_password')
  const [changed, old] = await Promise.all([
    server.client().post('/api/v1/auth/login', { username, password: 'Changed-Pass-2026' }),
    server.client().post('/api/v1/auth/login', { username, password }),
  ])
  assertError(changed, 401, 'invalid_credentials')
  assert.equal(old.status, 200, old.text)
})

for (const weak of ['short', 'alllowercase1']) {
  test(`POST /auth/password with a weak new password "${weak}" answers 400 field new_password`, async () => {
    const { username, password, client } = await steadyUser()
    const res = await client.post('/api/v1/auth/password', { old_password: password, new_password: weak })
    assertError(res, 400, 'validation_failed', 'new_password')
    assertError(await server.client().post('/api/v1/auth/login', { username, password: weak }), 401, 'invalid_credentials')
    assert.equal((await client.get('/api/v1/auth/me')).status, 200, 'the session survives a refused change')
  })
}

test('POST /auth/password revokes the user’s other sessions and keeps the current one', async () => {
  const { username, password } = freshUser()
  const [current, other] = await Promise.all([server.login(username, password), server.login(username, password)])
  const res = await current.post('/api/v1/auth/password', { old_password: password, new_password: 'Changed-Pass-2026' })
  assert.equal(res.status, 204, res.text)
  assertError(await other.get('/api/v1/auth/me'), 401, 'unauthenticated')
  const me = await current.get('/api/v1/auth/me')
  assert.equal(me.status, 200, me.text)
  assert.equal(me.body.user.username, username)
})

test('POST /auth/password does not touch other users’ sessions', async () => {
  const a = freshUser()
  const b = freshUser()
  const [clientA, clientB] = await Promise.all([server.login(a.username, a.password), server.login(b.username, b.password)])
  const res = await clientA.post('/api/v1/auth/password', { old_password: a.password, new_password: 'Changed-Pass-2026' })
  assert.equal(res.status, 204, res.text)
  assert.equal((await clientB.get('/api/v1/auth/me')).status, 200)
})

test('POST /auth/password without a session answers 401 unauthenticated', async () => {
  const res = await server.client().post('/api/v1/auth/password', { old_password: 'x', new_password: 'Changed-Pass-2026' })
  assertError(res, 401, 'unauthenticated')
})

// --- preferences ---------------------------------------------------------------------------------

test('PUT /auth/preferences sets large_font and locale and they persist across logins', async () => {
  const { username, password } = freshUser()
  const client = await server.login(username, password)
  const res = await client.put('/api/v1/auth/preferences', { large_font: true, locale: 'en' })
  assert.equal(res.status, 200, res.text)
  assert.deepEqual(Object.keys(res.body), ['user'])
  assertUser(res.body.user)
  assert.equal(res.body.user.large_font, true)
  assert.equal(res.body.user.locale, 'en')
  assert.equal(res.body.user.username, username)

  const later = await server.client()
  await later.login(username, password)
  const me = await later.get('/api/v1/auth/me')
  assert.equal(me.status, 200)
  assert.equal(me.body.user.large_font, true)
  assert.equal(me.body.user.locale, 'en')
})

test('PUT /auth/preferences with locale "fr" answers 400 field locale and changes nothing', async () => {
  const { client } = await steadyUser()
  const res = await client.put('/api/v1/auth/preferences', { large_font: true, locale: 'fr' })
  assertError(res, 400, 'validation_failed', 'locale')
  const me = await client.get('/api/v1/auth/me')
  assert.equal(me.body.user.locale, 'zh-CN')
  assert.equal(me.body.user.large_font, false)
})

test('PUT /auth/preferences with a non-boolean large_font answers 400 field large_font', async () => {
  const { client } = await steadyUser()
  const res = await client.put('/api/v1/auth/preferences', { large_font: 'yes' })
  assertError(res, 400, 'validation_failed', 'large_font')
  assert.equal((await client.get('/api/v1/auth/me')).body.user.large_font, false)
})

test('PUT /auth/preferences without a session answers 401 unauthenticated', async () => {
  const res = await server.client().put('/api/v1/auth/preferences', { large_font: true })
  assertError(res, 401, 'unauthenticated')
})

// --- roles ---------------------------------------------------------------------------------------

test('GET /roles lists the 15 roles with Chinese names', async () => {
  const res = await coord.get('/api/v1/roles')
  assert.equal(res.status, 200, res.text)
  assert.deepEqual(Object.keys(res.body), ['items'])
  const codes = res.body.items.map((role) => role.code)
  assert.deepEqual(codes.slice().sort(), [
    'admin', 'advisor', 'audit_admin', 'coordinator', 'examinee', 'grid_worker', 'inspector', 'lecturer', 'legal_reviewer',
    'mediator', 'public', 'security_admin', 'service_staff', 'unit_operator', 'village_operator',
  ])
  for (const role of res.body.items) {
    assert.match(role.name, /^[\u4e00-\u9fff()（）]+$/, `role ${role.code} name ${role.name}`)
    assert.ok(Array.isArray(role.permissions))
  }
  const byCode = Object.fromEntries(res.body.items.map((role) => [role.code, role]))
  assert.ok(byCode.admin.permissions.includes('user.manage'))
  assert.ok(byCode.coordinator.permissions.includes('pii.read'))
  // 三员分立: the three administrators, held alone; privileged roles need a second approval.
  assert.deepEqual(res.body.items.filter((role) => role.administrator).map((role) => role.code).sort(),
    ['admin', 'audit_admin', 'security_admin'])
  assert.deepEqual(res.body.items.filter((role) => role.privileged).map((role) => role.code).sort(),
    ['admin', 'audit_admin', 'coordinator', 'security_admin', 'service_staff'])
  assert.ok(!byCode.admin.permissions.includes('audit.read'))
  assert.deepEqual(byCode.audit_admin.permissions, ['audit.read'])
})

test('GET /roles without a session answers 401 unauthenticated', async () => {
  assertError(await server.client().get('/api/v1/roles'), 401, 'unauthenticated')
})

test('a newly created user signs in with the initial password and must change it before anything else', async () => {
  // The default of POST /users (the harness's pool turns it off).
  const username = uniqueName('init')
  const created = await admin.post('/api/v1/users', { username, display_name: '新考生', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1 })
  assert.equal(created.status, 201, created.text)
  assert.equal(created.body.user.must_change_password, true)
  const client = server.client()
  const body = await client.login(username, GOOD_PASSWORD)
  assertSession(body)
  assert.equal(body.user.must_change_password, true)
  // Until the password is changed only the account's own routes answer.
  assert.equal((await client.get('/api/v1/auth/me')).status, 200)
  assertError(await client.get('/api/v1/my/exams'), 403, 'password_change_required')
  assertError(await client.get('/api/v1/regions'), 403, 'password_change_required')
  assert.equal((await client.put('/api/v1/auth/preferences', { large_font: true })).status, 200)
  const changed = await client.post('/api/v1/auth/password', { old_password: GOOD_PASSWORD, new_password: 'Changed-Pass-2026' })
  assert.equal(changed.status, 204, changed.text)
  const again = await server.client().login(username, 'Changed-Pass-2026')
  assert.equal(again.user.must_change_password, false)
  assertList(await (await server.login(username, 'Changed-Pass-2026')).get('/api/v1/my/exams'))
})
