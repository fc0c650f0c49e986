// The audit log: what is recorded, the filters, and that it cannot be written through the API.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'

import {
  COORD, GOOD_PASSWORD, assertError, assertList, createUser, startServer, uniqueName,
} from './harness.mjs'

let server
let admin
let coord
let coordId
let auditor

before(async () => {
  server = await startServer()
  ;[admin, coord, auditor] = await Promise.all([server.admin(), server.login(COORD.username, COORD.password), server.auditor()])
  coordId = (await coord.get('/api/v1/auth/me')).body.user.id
})

after(async () => {
  await server?.stop()
})

/** A request id we choose, so the audit row of one request can be found exactly. */
const requestId = (label) => `t-${label}-${randomBytes(6).toString('hex')}`

const ITEM_KEYS = ['action', 'at', 'detail', 'id', 'ip', 'object_id', 'object_type', 'outcome', 'request_id', 'user_id', 'username']
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

function assertItem(item) {
  assert.deepEqual(Object.keys(item).sort(), ITEM_KEYS)
  assert.ok(Number.isInteger(item.id))
  assert.match(item.at, ISO)
  assert.ok(item.user_id === null || Number.isInteger(item.user_id))
  for (const key of ['username', 'ip', 'action', 'object_type', 'object_id', 'detail', 'request_id']) {
    assert.equal(typeof item[key], 'string', key)
  }
  assert.ok(['success', 'failure'].includes(item.outcome), item.outcome)
}

/** The audit rows written by the request with id `rid` (searched among the newest 100). */
async function rowsOf(rid, query = '') {
  const body = assertList(await auditor.get(`/api/v1/audit?page_size=100${query}`))
  for (const item of body.items) assertItem(item)
  return body.items.filter((item) => item.request_id === rid)
}

/** Exactly one audit row for `rid`. */
async function rowOf(rid, query) {
  const rows = await rowsOf(rid, query)
  assert.equal(rows.length, 1, `expected one audit row for ${rid}, got ${JSON.stringify(rows)}`)
  return rows[0]
}

// --- access --------------------------------------------------------------------------------------

test('GET /audit (the audit administrator) answers {items, total}, newest first', async () => {
  // Two requests one after the other: the later one's row must come first.
  const [first, second] = [requestId('order-1'), requestId('order-2')]
  for (const rid of [first, second]) {
    const res = await server.client().post('/api/v1/auth/login', { username: uniqueName('ghost'), password: 'x' }, { headers: { 'X-Request-Id': rid } })
    assertError(res, 401, 'invalid_credentials')
  }
  const body = assertList(await auditor.get('/api/v1/audit?page_size=100'))
  assert.ok(body.items.length >= 4, 'the logins of before() and this test should be recorded')
  for (const item of body.items) assertItem(item)
  // `at` has second precision: it must never increase down the list.
  for (let i = 1; i < body.items.length; ++i) {
    assert.ok(body.items[i - 1].at >= body.items[i].at, `not newest first at position ${i}`)
  }
  const at = (rid) => body.items.findIndex((item) => item.request_id === rid)
  assert.ok(at(second) >= 0 && at(first) >= 0, 'rows of this test are missing')
  assert.ok(at(second) < at(first), 'the later request’s row should be listed first')
})

test('the coordinator and the system administrator (no audit.read) get 403 forbidden on GET /audit', async () => {
  assertError(await coord.get('/api/v1/audit'), 403, 'forbidden')
  assertError(await admin.get('/api/v1/audit'), 403, 'forbidden')
})

test('GET /audit without a session answers 401 unauthenticated', async () => {
  assertError(await server.client().get('/api/v1/audit'), 401, 'unauthenticated')
})

for (const method of ['PUT', 'DELETE', 'POST', 'PATCH']) {
  test(`${method} /audit answers 405 method_not_allowed (the log has no write routes)`, async () => {
    const res = await auditor.request(method, '/api/v1/audit', method === 'DELETE' ? {} : { json: {} })
    assertError(res, 405, 'method_not_allowed')
    assert.deepEqual((res.headers.get('allow') ?? '').split(',').map((m) => m.trim()), ['GET'])
  })
}

test('DELETE /audit/{id} is not a route (404 not_found)', async () => {
  const first = assertList(await auditor.get('/api/v1/audit?page_size=1')).items[0]
  assertError(await auditor.delete(`/api/v1/audit/${first.id}`), 404, 'not_found')
  const again = assertList(await auditor.get('/api/v1/audit?page_size=100'))
  assert.ok(again.items.some((item) => item.id === first.id))
})

// --- what is recorded ----------------------------------------------------------------------------

test('a signed-in read refused with 403 is recorded (read.refused, the path without its query)', async () => {
  const rid = requestId('read-refused')
  assertError(await coord.get('/api/v1/audit?q=110105194912310029', { headers: { 'X-Request-Id': rid } }), 403, 'forbidden')
  const row = await rowOf(rid)
  assert.equal(row.action, 'read.refused')
  assert.equal(row.outcome, 'failure')
  assert.equal(row.username, 'lanxi')
  assert.equal(row.object_type, 'path')
  assert.equal(row.object_id, '/api/v1/audit')
  assert.equal(row.detail, 'forbidden')
  // Anonymous 401s are not (no one to name; the access log has them).
  const anonymous = requestId('read-anon')
  await server.client().get('/api/v1/users', { headers: { 'X-Request-Id': anonymous } })
  assert.equal((await rowsOf(anonymous)).length, 0)
})

test('a record outside the subtree answers 404 as a missing one, and the probe is recorded as refused', async () => {
  const majian = await server.login('majian', 'Pufa-Majian-2026')
  const city = (await coord.get('/api/v1/people?page_size=100')).body.items.find((p) => !p.region_name.includes('马涧镇'))
  assert.ok(city, 'a person outside 马涧镇')
  const rid = requestId('concealed')
  const res = await majian.get(`/api/v1/people/${city.id}`, { headers: { 'X-Request-Id': rid } })
  const missing = await majian.get('/api/v1/people/99999999')
  assert.equal(res.status, 404)
  assert.deepEqual({ ...res.body.error, request_id: '' }, { ...missing.body.error, request_id: '' }, 'the same answer as for no record')
  const row = await rowOf(rid)
  assert.equal(row.action, 'read.refused')
  assert.equal(row.detail, 'out_of_scope')
  assert.equal(row.object_id, `/api/v1/people/${city.id}`)
  // A missing record is not a refusal.
  assert.equal((await server.audit('action=read.refused')).filter((r) => r.object_id === '/api/v1/people/99999999').length, 0)
})

test('a phone, a 身份证号 or a password typed as the user name is kept masked in the audit', async () => {
  const cases = [
    ['13812345678', '138****5678'],
    ['330781199001011234', '330781********1234'],
    ['Mima@2026 zhen', 'mi***'],
  ]
  for (const [typed, kept] of cases) {
    const rid = requestId('masked-name')
    assertError(await server.client().post('/api/v1/auth/login', { username: typed, password: 'x' }, { headers: { 'X-Request-Id': rid } }), 401, 'invalid_credentials')
    const row = await rowOf(rid)
    assert.equal(row.username, kept, typed)
    assert.equal(row.object_id, kept, typed)
  }
  const all = JSON.stringify(await server.audit('action=auth.login'))
  for (const [typed] of cases) assert.ok(!all.includes(typed), `${typed} reached the audit`)
})

test('a login refused before the password check (an over-long name) is recorded', async () => {
  const rid = requestId('too-long')
  const res = await server.client().post('/api/v1/auth/login', { username: 'a'.repeat(40), password: 'x' }, { headers: { 'X-Request-Id': rid } })
  assertError(res, 401, 'invalid_credentials')
  const row = await rowOf(rid)
  assert.equal(row.detail, 'too_long')
  assert.equal(row.username, 'aa***')
})

test('a successful login is recorded (auth.login, success, the user, the request id)', async () => {
  const rid = requestId('login-ok')
  const client = server.client()
  const res = await client.post('/api/v1/auth/login', COORD, { headers: { 'X-Request-Id': rid } })
  assert.equal(res.status, 200, res.text)
  const row = await rowOf(rid)
  assert.equal(row.action, 'auth.login')
  assert.equal(row.outcome, 'success')
  assert.equal(row.username, 'lanxi')
  assert.equal(row.user_id, coordId)
  assert.equal(row.ip, '127.0.0.1')
})

test('a failed login is recorded with outcome failure (known user: its id)', async () => {
  const rid = requestId('login-bad')
  const res = await server.client().post('/api/v1/auth/login', { username: 'lanxi', password: 'Wrong-Pass-2026' }, { headers: { 'X-Request-Id': rid } })
  assertError(res, 401, 'invalid_credentials')
  const row = await rowOf(rid)
  assert.equal(row.action, 'auth.login')
  assert.equal(row.outcome, 'failure')
  assert.equal(row.username, 'lanxi')
  assert.equal(row.user_id, coordId)
  assert.ok(!row.detail.includes('Wrong-Pass-2026'), 'the password must not be logged')
  await server.client().login(COORD.username, COORD.password) // clear the failure count
})

test('a failed login of an unknown username is recorded with outcome failure and no user id', async () => {
  const rid = requestId('login-ghost')
  const ghost = uniqueName('ghost')
  const res = await server.client().post('/api/v1/auth/login', { username: ghost, password: 'Wrong-Pass-2026' }, { headers: { 'X-Request-Id': rid } })
  assertError(res, 401, 'invalid_credentials')
  const row = await rowOf(rid)
  assert.equal(row.action, 'auth.login')
  assert.equal(row.outcome, 'failure')
  assert.equal(row.username, ghost)
  assert.equal(row.user_id, null)
})

test('user.create is recorded with object_id = the new user’s id', async () => {
  const rid = requestId('create')
  const username = uniqueName('aud')
  const res = await admin.post('/api/v1/users', {
    username, display_name: '审计对象', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
  }, { headers: { 'X-Request-Id': rid } })
  assert.equal(res.status, 201, res.text)
  const row = await rowOf(rid)
  assert.equal(row.action, 'user.create')
  assert.equal(row.outcome, 'success')
  assert.equal(row.object_type, 'user')
  assert.equal(row.object_id, String(res.body.user.id))
  assert.equal(row.username, 'admin')
  assert.ok(!JSON.stringify(row).includes(GOOD_PASSWORD), 'the password must not be logged')
})

test('a refused write is recorded: coordinator POST /users → user.create failure detail forbidden', async () => {
  const rid = requestId('refused')
  const res = await coord.post('/api/v1/users', {
    username: uniqueName('no'), display_name: '越权', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
  }, { headers: { 'X-Request-Id': rid } })
  assertError(res, 403, 'forbidden')
  const row = await rowOf(rid)
  assert.equal(row.action, 'user.create')
  assert.equal(row.outcome, 'failure')
  assert.equal(row.detail, 'forbidden')
  assert.equal(row.username, 'lanxi')
  assert.equal(row.user_id, coordId)
})

test('a write refused for a missing CSRF token is recorded with detail csrf_failed', async () => {
  const rid = requestId('csrf')
  const res = await admin.post('/api/v1/users', {
    username: uniqueName('no'), display_name: '无令牌', password: GOOD_PASSWORD, roles: ['examinee'], region_id: 1,
  }, { csrf: false, headers: { 'X-Request-Id': rid } })
  assertError(res, 403, 'csrf_failed')
  const row = await rowOf(rid)
  assert.equal(row.action, 'user.create')
  assert.equal(row.outcome, 'failure')
  assert.equal(row.detail, 'csrf_failed')
})

test('logout is recorded (auth.logout, success, the user)', async () => {
  const client = await server.login(COORD.username, COORD.password)
  const rid = requestId('logout')
  const res = await client.post('/api/v1/auth/logout', undefined, { headers: { 'X-Request-Id': rid } })
  assert.equal(res.status, 204, res.text)
  const row = await rowOf(rid)
  assert.equal(row.action, 'auth.logout')
  assert.equal(row.outcome, 'success')
  assert.equal(row.username, 'lanxi')
  assert.equal(row.user_id, coordId)
})

test('disable, enable and reset-password are recorded with the target’s id', async () => {
  const { user } = await createUser(admin)
  const steps = [
    ['user.disable', `/api/v1/users/${user.id}/disable`, undefined],
    ['user.enable', `/api/v1/users/${user.id}/enable`, undefined],
    ['user.reset_password', `/api/v1/users/${user.id}/reset-password`, { password: 'Reset-Pass-2026' }],
  ]
  for (const [action, path, json] of steps) {
    const rid = requestId(action.replace(/[._]/g, '-'))
    const res = await admin.post(path, json, { headers: { 'X-Request-Id': rid } })
    assert.ok(res.status === 200 || res.status === 204, `${action}: ${res.status} ${res.text}`)
    const row = await rowOf(rid)
    assert.equal(row.action, action)
    assert.equal(row.outcome, 'success')
    assert.equal(row.object_type, 'user')
    assert.equal(row.object_id, String(user.id))
    assert.equal(row.username, 'admin')
  }
})

// --- filters -------------------------------------------------------------------------------------

test('GET /audit?outcome=failure lists only failures', async () => {
  const body = assertList(await auditor.get('/api/v1/audit?outcome=failure&page_size=100'))
  assert.ok(body.items.length > 0)
  for (const item of body.items) assert.equal(item.outcome, 'failure')
  const success = assertList(await auditor.get('/api/v1/audit?outcome=success&page_size=100'))
  for (const item of success.items) assert.equal(item.outcome, 'success')
  const all = assertList(await auditor.get('/api/v1/audit?page_size=1'))
  assert.equal(body.total + success.total, all.total)
})

test('GET /audit?outcome=bogus answers 400 validation_failed field outcome', async () => {
  assertError(await auditor.get('/api/v1/audit?outcome=bogus'), 400, 'validation_failed', 'outcome')
})

test('GET /audit?username= lists only that user’s rows', async () => {
  const body = assertList(await auditor.get('/api/v1/audit?username=lanxi&page_size=100'))
  assert.ok(body.items.length > 0)
  for (const item of body.items) assert.equal(item.username, 'lanxi')
})

test('GET /audit?action=user.create lists only user.create rows', async () => {
  const body = assertList(await auditor.get('/api/v1/audit?action=user.create&page_size=100'))
  assert.ok(body.items.length >= 2)
  for (const item of body.items) assert.equal(item.action, 'user.create')
})

test('GET /audit?from=&to= bounds the time: a past window is empty, an open one is not', async () => {
  const empty = assertList(await auditor.get('/api/v1/audit?from=2000-01-01T00:00:00Z&to=2000-12-31T23:59:59Z'))
  assert.deepEqual(empty, { items: [], total: 0 })
  const future = assertList(await auditor.get('/api/v1/audit?from=2099-01-01T00:00:00Z'))
  assert.equal(future.total, 0)
  // Times are bounded to the years 1900–2100.
  assertError(await auditor.get('/api/v1/audit?from=2999-01-01T00:00:00Z'), 400, 'validation_failed', 'from')
  const open = assertList(await auditor.get('/api/v1/audit?from=2000-01-01T00:00:00Z&page_size=1'))
  const all = assertList(await auditor.get('/api/v1/audit?page_size=1'))
  assert.ok(open.total > 0)
  assert.ok(open.total <= all.total)
})

test('GET /audit?from=&to= around a request include its row; windows before or after exclude it', async () => {
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')
  const start = Date.now() - 2000
  const rid = requestId('window')
  const res = await server.client().post('/api/v1/auth/login', { username: uniqueName('ghost'), password: 'x' }, { headers: { 'X-Request-Id': rid } })
  assertError(res, 401, 'invalid_credentials')
  const end = Date.now() + 2000
  const q = (from, to) => `&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
  assert.equal((await rowsOf(rid, q(iso(start), iso(end)))).length, 1)
  assert.equal((await rowsOf(rid, q(iso(end), iso(end + 60_000)))).length, 0, 'a later window must exclude the row')
  assert.equal((await rowsOf(rid, q(iso(start - 60_000), iso(start)))).length, 0, 'an earlier window must exclude the row')
})

test('GET /audit?from=notadate answers 400 validation_failed field from', async () => {
  assertError(await auditor.get('/api/v1/audit?from=notadate'), 400, 'validation_failed', 'from')
})

test('GET /audit?to=2026-13-01 answers 400 validation_failed field to', async () => {
  assertError(await auditor.get('/api/v1/audit?to=2026-13-01'), 400, 'validation_failed', 'to')
})

test('GET /audit?page_size=101 answers 400 field page_size; paging splits the list', async () => {
  assertError(await auditor.get('/api/v1/audit?page_size=101'), 400, 'validation_failed', 'page_size')
  const one = assertList(await auditor.get('/api/v1/audit?page=1&page_size=2'))
  const two = assertList(await auditor.get('/api/v1/audit?page=2&page_size=2'))
  assert.equal(one.items.length, 2)
  assert.equal(one.total, two.total)
  const four = assertList(await auditor.get('/api/v1/audit?page=1&page_size=4'))
  assert.deepEqual([...one.items, ...two.items].map((item) => item.id), four.items.map((item) => item.id))
})

// --- behind a reverse proxy -------------------------------------------------------------------

test('X-Forwarded-For is ignored unless the request comes from a trusted proxy', async () => {
  const rid = requestId('xff-ignored')
  const res = await server.client().post('/api/v1/auth/login', COORD, { headers: { 'X-Request-Id': rid, 'X-Forwarded-For': '203.0.113.9' } })
  assert.equal(res.status, 200, res.text)
  assert.equal((await rowOf(rid)).ip, '127.0.0.1')
})

test('behind a trusted proxy the audit records the client’s address, not the proxy’s or a forged one', async () => {
  const proxied = await startServer({ args: ['--trusted-proxies', '127.0.0.1,10.0.0.0/8'] })
  try {
    const auditor = await proxied.auditor()
    const rid = requestId('xff-trusted')
    // The client forged 1.2.3.4; the edge proxy appended the address it saw, then an inner proxy its own.
    const res = await proxied.client().post('/api/v1/auth/login', COORD, {
      headers: { 'X-Request-Id': rid, 'X-Forwarded-For': '1.2.3.4, 198.51.100.23, 10.0.0.5' },
    })
    assert.equal(res.status, 200, res.text)
    const rows = assertList(await auditor.get('/api/v1/audit?page_size=50')).items.filter((item) => item.request_id === rid)
    assert.equal(rows.length, 1)
    assert.equal(rows[0].ip, '198.51.100.23')
    // The access log keeps no query string (it may carry a searched number).
    await auditor.get('/api/v1/people?q=110105194912310029')
    await new Promise((r) => setTimeout(r, 200))
    assert.ok(!proxied.stdout().includes('110105194912310029'), 'a query string reached the access log')
    assert.match(proxied.stdout(), /"GET \/api\/v1\/people\?…"/)
  } finally {
    await proxied.stop()
  }
})

// --- tamper evidence (last: it edits the log) ----------------------------------------------------

test('pufa audit verify: intact after real traffic; a changed row, a deleted row and a cut tail are found', async () => {
  const ok = await server.pufa(['audit', 'verify'])
  assert.equal(ok.code, 0, ok.stdout + ok.stderr)
  const rows = Number(/intact: (\d+) rows/.exec(ok.stdout)?.[1])
  assert.ok(rows > 5, ok.stdout)

  const [middle] = await server.sql('SELECT id FROM audit_log WHERE seq IS NOT NULL ORDER BY seq LIMIT 1 OFFSET 3')
  const [detail] = await server.sql(`SELECT detail FROM audit_log WHERE id = ${middle}`)
  await server.sql(`UPDATE audit_log SET detail = 'changed afterwards' WHERE id = ${middle}`)
  const changed = await server.pufa(['audit', 'verify'])
  assert.equal(changed.code, 1, changed.stdout)
  assert.match(changed.stdout, new RegExp(`BROKEN after 3 intact rows: row id ${middle} .*does not match its MAC`))
  await server.sql(`UPDATE audit_log SET detail = '${(detail ?? '').replace(/'/g, "''")}' WHERE id = ${middle}`)
  assert.equal((await server.pufa(['audit', 'verify'])).code, 0, 'restored, the chain holds again')

  await server.sql('DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)')
  const cut = await server.pufa(['audit', 'verify'])
  assert.equal(cut.code, 1)
  assert.match(cut.stdout, /rows at the end are missing/)

  const [second] = await server.sql('SELECT id FROM audit_log WHERE seq IS NOT NULL ORDER BY seq LIMIT 1 OFFSET 1')
  await server.sql(`DELETE FROM audit_log WHERE id = ${second}`)
  const deleted = await server.pufa(['audit', 'verify'])
  assert.equal(deleted.code, 1)
  assert.match(deleted.stdout, new RegExp(`BROKEN after 1 intact rows: row id \\d+ \\(seq 3\\): sequence gap`))
})
