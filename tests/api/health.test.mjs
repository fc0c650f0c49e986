// Health endpoint, unknown routes and wrong methods.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { assertError, engine, startServer } from './harness.mjs'

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  await server?.stop()
})

test('GET /health answers 200 with status, engine and version', async () => {
  const res = await server.client().get('/api/v1/health')
  assert.equal(res.status, 200, res.text)
  assert.match(res.headers.get('content-type'), /^application\/json/)
  assert.deepEqual(res.body, { status: 'ok', db: engine, version: '0.1.0' })
})

test('GET /health needs no session and sets no cookie', async () => {
  const res = await server.client().get('/api/v1/health')
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('set-cookie'), null)
  assert.equal(res.body.status, 'ok')
})

test('every response carries an X-Request-Id; a valid one sent by the client is echoed', async () => {
  const res = await server.client().get('/api/v1/health', { headers: { 'X-Request-Id': 'health-probe-1' } })
  assert.equal(res.status, 200)
  assert.equal(res.requestId, 'health-probe-1')
  const bad = await server.client().get('/api/v1/nope', { headers: { 'X-Request-Id': 'not valid!' } })
  assertError(bad, 404, 'not_found')
  assert.notEqual(bad.requestId, 'not valid!')
  assert.equal(bad.body.error.request_id, bad.requestId)
})

test('an unknown route under /api/v1 answers 404 not_found', async () => {
  const res = await server.client().get('/api/v1/nope')
  assertError(res, 404, 'not_found')
})

test('an unknown route answers 404 for writes too (before any session or CSRF check)', async () => {
  const res = await server.client().post('/api/v1/nope', { a: 1 })
  assertError(res, 404, 'not_found')
})

test('DELETE /health answers 405 method_not_allowed with an Allow header', async () => {
  const res = await server.client().delete('/api/v1/health')
  assertError(res, 405, 'method_not_allowed')
  const allow = res.headers.get('allow')
  assert.ok(allow, 'no Allow header')
  assert.deepEqual(allow.split(',').map((m) => m.trim()), ['GET'])
})

test('POST /health answers 405 with Allow: GET', async () => {
  const res = await server.client().post('/api/v1/health', {})
  assertError(res, 405, 'method_not_allowed')
  assert.match(res.headers.get('allow') ?? '', /\bGET\b/)
})

test('GET on a POST-only route (/auth/login) answers 405 with Allow: POST', async () => {
  const res = await server.client().get('/api/v1/auth/login')
  assertError(res, 405, 'method_not_allowed')
  assert.deepEqual((res.headers.get('allow') ?? '').split(',').map((m) => m.trim()), ['POST'])
})

test('a path with several methods lists them all in Allow (DELETE /users/{id})', async () => {
  const res = await server.client().delete('/api/v1/users/1')
  assertError(res, 405, 'method_not_allowed')
  const allow = (res.headers.get('allow') ?? '').split(',').map((m) => m.trim()).sort()
  assert.deepEqual(allow, ['GET', 'PUT'])
})
