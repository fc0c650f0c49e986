// Request-level checks that come before any business rule: session, CSRF, content type,
// JSON syntax, value types and body size. Each refusal must leave the data unchanged.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import {
  COORD, GOOD_PASSWORD, assertError, assertNoUser, createUser, rawHttp, startServer, uniqueName,
} from './harness.mjs'

let server
let admin
let coord

before(async () => {
  server = await startServer()
  ;[admin, coord] = await Promise.all([server.admin(), server.login(COORD.username, COORD.password)])
})

after(async () => {
  await server?.stop()
})

/** A valid POST /users body for a new user. */
const newUser = (fields = {}) => ({
  username: uniqueName('in'),
  display_name: '输入测试',
  password: GOOD_PASSWORD,
  roles: ['examinee'],
  region_id: 1,
  ...fields,
})

// --- CSRF ----------------------------------------------------------------------------------------

test('POST /users with the CSRF token creates the user (baseline for the CSRF tests)', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', input)
  assert.equal(res.status, 201, res.text)
  assert.equal(res.body.user.username, input.username)
})

test('POST /users without X-CSRF-Token answers 403 csrf_failed and creates nothing', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', input, { csrf: false })
  assertError(res, 403, 'csrf_failed')
  await assertNoUser(admin, input.username)
})

test('POST /users with a wrong X-CSRF-Token answers 403 csrf_failed and creates nothing', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', input, { csrf: `${admin.csrf}x` })
  assertError(res, 403, 'csrf_failed')
  await assertNoUser(admin, input.username)
})

test('the CSRF token of another session is refused (403 csrf_failed)', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', input, { csrf: coord.csrf })
  assertError(res, 403, 'csrf_failed')
  await assertNoUser(admin, input.username)
})

test('an empty X-CSRF-Token is refused (403 csrf_failed)', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', input, { csrf: '' })
  assertError(res, 403, 'csrf_failed')
  await assertNoUser(admin, input.username)
})

test('PUT /auth/preferences without the CSRF token answers 403 and changes nothing', async () => {
  const res = await coord.put('/api/v1/auth/preferences', { large_font: true, locale: 'en' }, { csrf: false })
  assertError(res, 403, 'csrf_failed')
  const me = await coord.get('/api/v1/auth/me')
  assert.equal(me.status, 200)
  assert.equal(me.body.user.large_font, false)
  assert.equal(me.body.user.locale, 'zh-CN')
})

test('PUT /users/{id} without the CSRF token answers 403 and changes nothing', async () => {
  const { user } = await createUser(admin, { display_name: '原来的名字' })
  const res = await admin.put(`/api/v1/users/${user.id}`, { display_name: '改过的名字', roles: ['examinee'] }, { csrf: false })
  assertError(res, 403, 'csrf_failed')
  const after = await admin.get(`/api/v1/users/${user.id}`)
  assert.equal(after.body.user.display_name, '原来的名字')
})

test('POST /users/{id}/disable without the CSRF token answers 403 and the user stays enabled', async () => {
  const { user } = await createUser(admin)
  const res = await admin.post(`/api/v1/users/${user.id}/disable`, undefined, { csrf: false })
  assertError(res, 403, 'csrf_failed')
  const after = await admin.get(`/api/v1/users/${user.id}`)
  assert.equal(after.body.user.disabled, false)
})

test('POST /users without a session answers 401 unauthenticated and creates nothing', async () => {
  const input = newUser()
  const res = await server.client().post('/api/v1/users', input, { csrf: admin.csrf })
  assertError(res, 401, 'unauthenticated')
  await assertNoUser(admin, input.username)
})

test('GET requests need no CSRF token', async () => {
  const res = await admin.get('/api/v1/users?page_size=1')
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.items.length, 1)
})

// --- content type --------------------------------------------------------------------------------

test('a JSON body with Content-Type "application/json; charset=utf-8" is accepted', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', input, { type: 'application/json; charset=utf-8' })
  assert.equal(res.status, 201, res.text)
  assert.equal(res.body.user.username, input.username)
})

test('POST /users with Content-Type text/plain answers 415 unsupported_media_type, nothing written', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', undefined, { body: JSON.stringify(input), type: 'text/plain' })
  assertError(res, 415, 'unsupported_media_type')
  await assertNoUser(admin, input.username)
})

test('POST /users with a JSON body but no Content-Type answers 415, nothing written', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', undefined, { body: JSON.stringify(input) })
  assertError(res, 415, 'unsupported_media_type')
  await assertNoUser(admin, input.username)
})

test('POST /auth/login with Content-Type text/plain answers 415 and sets no cookie', async () => {
  const res = await server.client().post('/api/v1/auth/login', undefined, {
    body: JSON.stringify({ username: COORD.username, password: COORD.password }),
    type: 'text/plain',
  })
  assertError(res, 415, 'unsupported_media_type')
  assert.deepEqual(res.headers.getSetCookie(), [])
})

test('POST /users/{id}/disable with a text/plain body answers 415 and the user stays enabled', async () => {
  const { user } = await createUser(admin)
  const res = await admin.post(`/api/v1/users/${user.id}/disable`, undefined, { body: 'please', type: 'text/plain' })
  assertError(res, 415, 'unsupported_media_type')
  assert.equal((await admin.get(`/api/v1/users/${user.id}`)).body.user.disabled, false)
})

test('media types are case-insensitive: Content-Type "Application/JSON" is accepted', async () => {
  // RFC 9110 §8.3.1: type and subtype are case-insensitive.
  const input = newUser()
  const res = await admin.post('/api/v1/users', undefined, { body: JSON.stringify(input), type: 'Application/JSON' })
  assert.equal(res.status, 201, res.text)
  assert.equal(res.body.user.username, input.username)
})

// --- JSON syntax and types -----------------------------------------------------------------------

test('POST /users with malformed JSON answers 400 malformed_json, nothing written', async () => {
  const input = newUser()
  const text = JSON.stringify(input).slice(0, -1) // missing closing brace
  const res = await admin.post('/api/v1/users', undefined, { body: text, type: 'application/json' })
  assertError(res, 400, 'malformed_json')
  await assertNoUser(admin, input.username)
})

test('POST /users with a JSON array answers 400 malformed_json, nothing written', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', [input])
  assertError(res, 400, 'malformed_json')
  await assertNoUser(admin, input.username)
})

test('POST /users with Content-Type application/json and an empty body answers 400 malformed_json', async () => {
  const res = await admin.post('/api/v1/users', undefined, { body: '', type: 'application/json' })
  assertError(res, 400, 'malformed_json')
})

test('POST /auth/login with malformed JSON answers 400 malformed_json', async () => {
  const res = await server.client().post('/api/v1/auth/login', undefined, { body: '{"username": "lanxi",', type: 'application/json' })
  assertError(res, 400, 'malformed_json')
  assert.deepEqual(res.headers.getSetCookie(), [])
})

test('"roles": "admin" (a string, not a list) answers 400 validation_failed field roles', async () => {
  const input = newUser({ roles: 'admin' })
  const res = await admin.post('/api/v1/users', input)
  assertError(res, 400, 'validation_failed', 'roles')
  await assertNoUser(admin, input.username)
})

test('"roles": [1] (a list of numbers) answers 400 validation_failed field roles', async () => {
  const input = newUser({ roles: [1] })
  const res = await admin.post('/api/v1/users', input)
  assertError(res, 400, 'validation_failed', 'roles')
  await assertNoUser(admin, input.username)
})

test('"region_id": "x" answers 400 validation_failed field region_id', async () => {
  const input = newUser({ region_id: 'x' })
  const res = await admin.post('/api/v1/users', input)
  assertError(res, 400, 'validation_failed', 'region_id')
  await assertNoUser(admin, input.username)
})

test('"region_id": 1.5 answers 400 validation_failed field region_id', async () => {
  const input = newUser({ region_id: 1.5 })
  const res = await admin.post('/api/v1/users', input)
  assertError(res, 400, 'validation_failed', 'region_id')
  await assertNoUser(admin, input.username)
})

test('"username": 123 answers 400 validation_failed field username', async () => {
  const res = await admin.post('/api/v1/users', newUser({ username: 123 }))
  assertError(res, 400, 'validation_failed', 'username')
})

test('"display_name": ["x"] answers 400 validation_failed field display_name', async () => {
  const input = newUser({ display_name: ['x'] })
  const res = await admin.post('/api/v1/users', input)
  assertError(res, 400, 'validation_failed', 'display_name')
  await assertNoUser(admin, input.username)
})

test('login with "username": 42 answers 400 validation_failed field username', async () => {
  const res = await server.client().post('/api/v1/auth/login', { username: 42, password: 'x' })
  assertError(res, 400, 'validation_failed', 'username')
})

// --- body size -----------------------------------------------------------------------------------

/** A JSON text of exactly `size` bytes: `fields` plus a padding member. */
function sized(fields, size) {
  const base = Buffer.byteLength(JSON.stringify({ ...fields, pad: '' }))
  assert.ok(base <= size)
  const text = JSON.stringify({ ...fields, pad: 'x'.repeat(size - base) })
  assert.equal(Buffer.byteLength(text), size)
  return text
}

test('a login body of exactly 4 KiB is accepted', async () => {
  const client = server.client()
  const res = await client.post('/api/v1/auth/login', undefined, {
    body: sized({ username: COORD.username, password: COORD.password }, 4096),
    type: 'application/json',
  })
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.user.username, COORD.username)
})

test('a login body over 4 KiB answers 413 payload_too_large and signs nobody in', async () => {
  const res = await server.client().post('/api/v1/auth/login', undefined, {
    body: sized({ username: COORD.username, password: COORD.password }, 4097),
    type: 'application/json',
  })
  assertError(res, 413, 'payload_too_large')
  assert.deepEqual(res.headers.getSetCookie(), [])
})

test('POST /users accepts a body larger than the login limit (5 KiB: the default limit is 64 KiB)', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', undefined, { body: sized(input, 5 * 1024), type: 'application/json' })
  assert.equal(res.status, 201, res.text)
  assert.equal(res.body.user.username, input.username)
})

test('POST /users with a body of exactly 64 KiB is accepted', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', undefined, { body: sized(input, 64 * 1024), type: 'application/json' })
  assert.equal(res.status, 201, res.text)
})

test('POST /users with a body over 64 KiB answers 413 payload_too_large, nothing written', async () => {
  const input = newUser()
  const res = await admin.post('/api/v1/users', undefined, { body: sized(input, 64 * 1024 + 1), type: 'application/json' })
  assertError(res, 413, 'payload_too_large')
  await assertNoUser(admin, input.username)
})

test('a chunked login body over 4 KiB (no Content-Length) answers 413 payload_too_large', async () => {
  const text = sized({ username: COORD.username, password: COORD.password }, 6000)
  const chunks = []
  for (let at = 0; at < text.length; at += 1000) {
    const piece = text.slice(at, at + 1000)
    chunks.push(`${piece.length.toString(16)}\r\n${piece}\r\n`)
  }
  const request = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
    `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks.join('')}0\r\n\r\n`
  const res = await rawHttp(server.url, request)
  assert.equal(res.status, 413, res.text)
  assert.equal(res.body?.error?.code, 'payload_too_large')
  assert.equal(res.headers['set-cookie'], undefined)
})

test('a chunked login body under 4 KiB is accepted', async () => {
  const text = JSON.stringify({ username: COORD.username, password: COORD.password })
  const request = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
    `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n0\r\n\r\n`
  const res = await rawHttp(server.url, request)
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body?.user?.username, COORD.username)
  assert.match(res.headers['set-cookie'] ?? '', /^pufa_session=/)
})
