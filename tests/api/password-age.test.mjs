// Periodic password change (issue #13, 等保 identification): with password_max_age_days set, a
// password older than that must be changed before anything else, as an initial one is.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { ADMIN, assertError, assertUser, createUser, startServer } from './harness.mjs'

const DAY = 24 * 3600 * 1000
const T0 = Date.now()
let server
let adminPassword = ADMIN.password

// Moving the clock ends every session; the administrator's own password ages too, so it is
// changed when it has expired (its own route answers, as for anyone).
async function signInAdmin() {
  const admin = await server.login(ADMIN.username, adminPassword)
  const me = await admin.get('/api/v1/auth/me')
  if (me.body.user.password_expired) {
    const next = `Renewed-Key-${Math.floor(Math.random() * 1e6)}-Aa`
    const res = await admin.post('/api/v1/auth/password', { old_password: adminPassword, new_password: next })
    assert.equal(res.status, 204, res.text)
    adminPassword = next
    return server.login(ADMIN.username, adminPassword)
  }
  return admin
}

before(async () => {
  server = await startServer({ testClock: true, args: ['--password-max-age-days', '90'] })
})

after(async () => {
  await server?.clockAt(null)
  await server?.stop()
})

test('a password older than password_max_age_days is changed before anything else', async () => {
  const { username, password, user } = await createUser(await signInAdmin())
  const fresh = await server.login(username, password)
  assert.equal(assertUser((await fresh.get('/api/v1/auth/me')).body.user).password_expired, false)
  assert.equal((await fresh.get('/api/v1/my/exams')).status, 200)

  // A session opened 10 minutes before the 90 days are up works; 10 minutes after (within the
  // session's idle time) that open session and a new login are both held at 修改密码.
  const MINUTE = 60 * 1000
  await server.clockAt(T0 + 90 * DAY - 10 * MINUTE)
  const open = await server.login(username, password)
  assert.equal((await open.get('/api/v1/my/exams')).status, 200)
  await server.clockAt(T0 + 90 * DAY + 10 * MINUTE)
  const message = /密码使用时间过长/
  assertError(await open.get('/api/v1/my/exams'), 403, 'password_change_required', undefined, message)
  const client = server.client()
  const body = await client.login(username, password)
  assertUser(body.user)
  assert.equal(body.user.password_expired, true)
  assert.equal(body.user.must_change_password, false)
  assert.equal((await client.get('/api/v1/auth/me')).body.user.password_expired, true)
  assertError(await client.get('/api/v1/my/exams'), 403, 'password_change_required', undefined, message)
  assert.equal((await client.put('/api/v1/auth/preferences', { large_font: false })).status, 200)

  // The administrator's list shows whose password has expired.
  const admin = await signInAdmin()
  const listed = await admin.get(`/api/v1/users/${user.id}`)
  assert.equal(listed.status, 200, listed.text)
  assert.equal(listed.body.user.password_expired, true)

  // Changing it (the same password is refused) opens the system again, for 90 days more.
  assertError(await client.post('/api/v1/auth/password', { old_password: password, new_password: password }),
    400, 'validation_failed', 'new_password')
  const changed = await client.post('/api/v1/auth/password', { old_password: password, new_password: 'Renewed-Pass-2026' })
  assert.equal(changed.status, 204, changed.text)
  const renewed = await server.login(username, 'Renewed-Pass-2026')
  assert.equal((await renewed.get('/api/v1/auth/me')).body.user.password_expired, false)
  assert.equal((await renewed.get('/api/v1/my/exams')).status, 200)
})

test('an administrator reset restarts the count and asks for a change at the next sign-in', async () => {
  await server.clockAt(null)
  const { username, user } = await createUser(await signInAdmin())
  await server.clockAt(T0 + 120 * DAY)
  const reset = await (await signInAdmin()).post(`/api/v1/users/${user.id}/reset-password`, { password: 'Reset-Pass-2026' })
  assert.equal(reset.status, 204, reset.text)
  const client = server.client()
  const body = await client.login(username, 'Reset-Pass-2026')
  assert.equal(body.user.password_expired, false)
  assert.equal(body.user.must_change_password, true)
  assertError(await client.get('/api/v1/my/exams'), 403, 'password_change_required', undefined, /初始密码/)
})
