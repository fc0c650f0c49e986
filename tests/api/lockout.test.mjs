// Login throttling: 5 failures for a username lock it (the 5th already answers 429).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { assertError, assertSession, createUsers, startServer, uniqueName } from './harness.mjs'

const THRESHOLD = 5
const WRONG = 'Wrong-Pass-2026'

let server
let admin
let pool

before(async () => {
  // Every failure here comes from one address: lift the per-address throttle (security.test.mjs has it).
  server = await startServer({ args: ['--login-address-failures', '1000'] })
  admin = await server.admin()
  pool = await createUsers(admin, 6)
})

after(async () => {
  await server?.stop()
})

const login = (username, password) => server.client().post('/api/v1/auth/login', { username, password })

/**
 * Fails `count` times (below the threshold), asserting 401 for each. The attempts run
 * concurrently: Argon2 dominates the run time, and the count must not depend on the order.
 */
async function failTimes(username, count, spell = () => username) {
  assert.ok(count < THRESHOLD)
  const results = await Promise.all(Array.from({ length: count }, (_, i) => login(spell(i), WRONG)))
  for (const res of results) assertError(res, 401, 'invalid_credentials')
}

test('4 failures answer 401; the 5th failure answers 429 account_locked', async () => {
  const { username } = pool[0]
  await failTimes(username, THRESHOLD - 1)
  const res = await login(username, WRONG)
  assertError(res, 429, 'account_locked')
  assert.deepEqual(res.headers.getSetCookie(), [])
})

test('each failure says how many tries remain; the lock says how long it lasts', async () => {
  const { username } = pool[4]
  for (const left of [4, 3, 2, 1]) {
    const failed = assertError(await login(username, WRONG), 401, 'invalid_credentials')
    assert.equal(failed.remaining_attempts, left)
    assert.equal(failed.message, `用户名或密码错误，还可尝试 ${left} 次，之后账户将锁定 15 分钟`)
    assert.ok(!failed.message.includes(failed.request_id), 'no request number in the message')
  }
  const locked = assertError(await login(username, WRONG), 429, 'account_locked')
  assert.equal(locked.message, '登录失败次数过多，账户已锁定，请 15 分钟后再试')
  assert.ok(locked.retry_after_seconds > 14 * 60 && locked.retry_after_seconds <= 15 * 60, String(locked.retry_after_seconds))
})

test('a locked account refuses even the right password with 429 and no cookie', async () => {
  const { username, password } = pool[0] // locked by the previous test
  const res = await login(username, password)
  assertError(res, 429, 'account_locked')
  assert.deepEqual(res.headers.getSetCookie(), [])
})

test('a locked account shows locked_until in GET /users/{id}; other accounts are unaffected', async () => {
  const locked = pool[0]
  const res = await admin.get(`/api/v1/users/${locked.user.id}`)
  assert.equal(res.status, 200, res.text)
  assert.match(res.body.user.locked_until ?? '', /^\d{4}-\d{2}-\d{2}T/)
  assert.ok(Date.parse(res.body.user.locked_until) > Date.now(), 'locked_until should be in the future')
  const other = pool[3]
  const ok = await login(other.username, other.password)
  assert.equal(ok.status, 200, ok.text)
  assertSession(ok.body)
  assert.equal(ok.body.user.locked_until, null)
})

test('unknown usernames lock the same way (no user enumeration)', async () => {
  const ghost = uniqueName('ghost')
  const known = pool[0].username // locked above
  await failTimes(ghost, THRESHOLD - 1)
  const fifth = assertError(await login(ghost, WRONG), 429, 'account_locked')
  const sixth = assertError(await login(ghost, 'Any-Other-2026'), 429, 'account_locked')
  const lockedKnown = assertError(await login(known, WRONG), 429, 'account_locked')
  assert.equal(fifth.message, lockedKnown.message)
  assert.equal(sixth.message, lockedKnown.message)
})

test('failures count per username case-insensitively (USER and user are one account)', async () => {
  const { username, password } = pool[1]
  await failTimes(username, THRESHOLD - 1, (i) => (i % 2 ? username.toUpperCase() : username))
  assertError(await login(username.toUpperCase(), WRONG), 429, 'account_locked')
  assertError(await login(username, password), 429, 'account_locked')
})

test('a successful login resets the failure count', async () => {
  const { username, password } = pool[2]
  await failTimes(username, THRESHOLD - 1)
  const ok = await login(username, password)
  assert.equal(ok.status, 200, ok.text)
  await failTimes(username, THRESHOLD - 1) // would lock at the 1st if the count had not reset
  assert.equal((await login(username, password)).status, 200)
})

test('the system administrator unlocks an account (POST /users/{id}/unlock); audited; others are refused', async () => {
  const { user, username, password } = pool[5]
  await failTimes(username, THRESHOLD - 1)
  assertError(await login(username, WRONG), 429, 'account_locked')
  assert.ok((await admin.get(`/api/v1/users/${user.id}`)).body.user.locked_until)

  const coord = await server.login('lanxi', 'Pufa-Lanxi-2026')
  assertError(await coord.post(`/api/v1/users/${user.id}/unlock`), 403, 'forbidden')
  assertError(await admin.post('/api/v1/users/99999999/unlock'), 404, 'not_found')
  assertError(await admin.post('/api/v1/users/abc/unlock'), 404, 'not_found')
  const res = await admin.post(`/api/v1/users/${user.id}/unlock`)
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.user.locked_until, null)
  const ok = await login(username, password)
  assert.equal(ok.status, 200, ok.text)
  // The coordinator's refusal is audited too (failure); the unlock itself once.
  const rows = (await server.audit('action=user.unlock&outcome=success')).filter((row) => row.object_id === String(user.id))
  assert.equal(rows.length, 1)
  assert.match(rows[0].detail, /^locked until \d{4}-\d\d-\d\d \d\d:\d\d Asia\/Shanghai$/)
  assert.equal((await server.audit('action=user.unlock&outcome=failure&username=lanxi')).length, 1)
})
