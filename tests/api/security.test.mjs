// Holes found by attacking the demo (issue #13), each with the test that failed on the code
// before the fix: the 身份证号 existence oracle, the region tree's writers, one-time codes in logs
// (quiz.test.mjs), addresses behind proxies (audit.test.mjs).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { COORD, assertError, assertList, startServer, uniqueName } from './harness.mjs'

const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }

let server
let coord
let majian
let regions
const byName = (name) => regions.find((r) => r.name === name)

before(async () => {
  server = await startServer()
  ;[coord, majian] = await Promise.all([server.login(COORD.username, COORD.password), server.login(MAJIAN.username, MAJIAN.password)])
  regions = (await coord.get('/api/v1/regions')).body.items
})
after(async () => server?.stop())

/** A registered 身份证号 in the region (read unmasked by the coordinator, who holds pii.read). */
async function registeredNumber(region) {
  const people = assertList(await coord.get(`/api/v1/people?region_id=${byName(region).id}&page_size=100`)).items
  for (const person of people) {
    const full = (await coord.get(`/api/v1/people/${person.id}?reveal=1`)).body.item
    if (full.id_number) return full.id_number
  }
  throw new Error(`no ID number in ${region}`)
}

test('a registered 身份证号 outside the caller’s scope is refused without confirming whose it is, and guesses are limited', async () => {
  const far = await registeredNumber('兰江街道')
  const near = await registeredNumber('马涧镇')
  const attempt = (id_number) => majian.post('/api/v1/people', { name: uniqueName('探'), region_id: byName('马坞村').id, id_number })

  const outside = assertError(await attempt(far), 409, 'conflict', 'id_number')
  assert.doesNotMatch(outside.message, /已登记/)
  assert.match(outside.message, /无法在此登记/)
  const inside = assertError(await attempt(near), 409, 'conflict', 'id_number')
  assert.match(inside.message, /已登记在您管理的人员中/)

  // Ten refusals an hour for one user; the eleventh answer says nothing about the number.
  for (let i = 2; i < 10; ++i) assertError(await attempt(far), 409, 'conflict', 'id_number')
  assertError(await attempt(far), 429, 'rate_limited')
  assertError(await attempt('110105194912310029'), 429, 'rate_limited')
  // Another user is not held back by it.
  assertError(await coord.post('/api/v1/people', { name: uniqueName('核'), region_id: byName('马坞村').id, id_number: far }), 409, 'conflict', 'id_number')
})

test('control and bidi characters are refused in names, titles, codes and file names', async () => {
  const village = byName('马坞村').id
  for (const bad of ['张\u202E三', '张\u0000三', '张\u0007三', '李\u2066四']) {
    const res = assertError(await majian.post('/api/v1/people', { name: bad, region_id: village }), 400, 'validation_failed', 'name')
    assert.match(res.message, /控制字符（U\+[0-9A-F]{4}）/)
  }
  assertError(await coord.post('/api/v1/question-banks', { name: '题库\u202Egpj.exe' }), 400, 'validation_failed', 'name')
  assertError(await majian.post('/api/v1/people', { name: '王五', region_id: village, tags: ['lecturer\u0000'] }), 400, 'validation_failed', 'tags')
  // Line breaks stay allowed where a text is long enough to have them.
  const multi = await majian.post('/api/v1/activities', {
    title: uniqueName('换行'), starts_on: '2020-06-08', region_id: village, theme: '民法典', form: 'lecture', participants: 5,
    description: '第一段\n第二段',
  })
  assert.equal(multi.status, 201, multi.text)
  const photo = await majian.post('/api/v1/photos', undefined, {
    body: Buffer.from('89504e470d0a1a0a', 'hex'), type: 'image/png', headers: { 'X-File-Name': encodeURIComponent('照片\u202Egnp.exe') },
  })
  assertError(photo, 400, 'validation_failed', 'name')
})

// Last in this file: it throttles this server's one address.
test('a password spray from one address is throttled before accounts lock', async () => {
  const client = server.client()
  for (let i = 0; i < 20; ++i) {
    assertError(await client.post('/api/v1/auth/login', { username: uniqueName('spray'), password: 'Wrong-Pass-2026' }), 401, 'invalid_credentials')
  }
  const throttled = assertError(await client.post('/api/v1/auth/login', { username: uniqueName('spray'), password: 'Wrong-Pass-2026' }), 429, 'rate_limited')
  assert.match(throttled.message, /本网络登录失败次数过多/)
  assert.ok(throttled.retry_after_seconds > 0)
  // Even the right password waits: the address, not the account, is held back.
  assertError(await client.post('/api/v1/auth/login', COORD), 429, 'rate_limited')
  const audit = await coord.get('/api/v1/audit?page_size=1')
  assert.equal(audit.status, 403) // (the coordinator has no audit.read; the admin reads it below)
  const admin = await server.admin().catch(() => null)
  assert.equal(admin, null, 'the admin login from the throttled address waits too')
})
