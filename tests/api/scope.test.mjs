// Data scope by region: the region list, and an admin of 马涧镇 who may only manage 马涧镇.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import {
  COORD, GOOD_PASSWORD, assertError, assertList, assertNoUser, assertUser, createUser, startServer,
  subtreeIds, uniqueName,
} from './harness.mjs'

const ROOT = '330781' // 兰溪市
const MAJIAN = '330781011000' // 马涧镇
const LANJIANG = '330781001000' // 兰江街道

let server
let admin
let coord
let mj // signed-in client of mj_admin
let mjAdmin // its user object
let coordId
const region = {} // code → region item (as the root admin sees it)
const fx = {}

before(async () => {
  server = await startServer()
  ;[admin, coord] = await Promise.all([server.admin(), server.login(COORD.username, COORD.password)])
  coordId = (await coord.get('/api/v1/auth/me')).body.user.id
  const regions = await admin.get('/api/v1/regions')
  assert.equal(regions.status, 200, regions.text)
  for (const item of regions.body.items) region[item.code] = item
  assert.ok(region[MAJIAN] && region[LANJIANG], 'demo regions missing')

  const made = await Promise.all([
    createUser(admin, { username: 'mj_admin', display_name: '马涧镇管理员', roles: ['admin'], region_id: region[MAJIAN].id }),
    createUser(admin, { display_name: '马涧镇职员', region_id: region[MAJIAN].id, phone: '13700001234' }),
    createUser(admin, { display_name: '兰江街道职员', region_id: region[LANJIANG].id }),
  ])
  ;[mjAdmin, fx.majian, fx.lanjiang] = made.map((m) => m.user)
  mj = await server.login('mj_admin', GOOD_PASSWORD)
})

after(async () => {
  await server?.stop()
})

// --- regions -------------------------------------------------------------------------------------

// The demo tree is 兰溪市 and 16 townships (17 regions). The checks below count the top two
// levels, so that villages (level 3) added to the demo later do not break them.

test('GET /regions for the root admin lists 兰溪市 and its 16 townships', async () => {
  const res = await admin.get('/api/v1/regions')
  assert.equal(res.status, 200, res.text)
  assert.deepEqual(Object.keys(res.body), ['items'])
  const items = res.body.items
  for (const item of items) {
    for (const key of ['code', 'id', 'level', 'name', 'parent_id']) assert.ok(key in item, `region.${key} missing`)
    assert.ok(Number.isInteger(item.id) && Number.isInteger(item.level))
    assert.match(item.name, /^[\u4e00-\u9fff()（）]+$/)
  }
  assert.equal(items.filter((item) => item.level <= 2).length, 17)
  const root = items.find((item) => item.code === ROOT)
  assert.equal(root?.name, '兰溪市')
  assert.equal(root.parent_id, null)
  const majian = items.find((item) => item.name === '马涧镇')
  assert.equal(majian?.code, MAJIAN)
  assert.equal(majian.parent_id, root.id)
  assert.equal(items.filter((item) => item.parent_id === root.id).length, 16)
  assert.equal(subtreeIds(items, root.id).size, items.length, 'every region lies under 兰溪市')
})

test('GET /regions for the coordinator (root scope) lists the same regions as the root admin', async () => {
  const res = await coord.get('/api/v1/regions')
  assert.equal(res.status, 200, res.text)
  const codes = res.body.items.map((item) => item.code).sort()
  assert.equal(res.body.items.filter((item) => item.level <= 2).length, 17)
  assert.deepEqual(codes, Object.keys(region).sort())
})

test('GET /regions for a user placed in 马涧镇 lists only 马涧镇 (and what lies under it)', async () => {
  const res = await mj.get('/api/v1/regions')
  assert.equal(res.status, 200, res.text)
  const items = res.body.items
  assert.deepEqual(items.filter((item) => item.level <= 2).map((item) => [item.code, item.name]), [[MAJIAN, '马涧镇']])
  const inside = subtreeIds(Object.values(region), region[MAJIAN].id)
  for (const item of items) assert.ok(inside.has(item.id), `${item.name} is outside 马涧镇`)
})

test('GET /regions without a session answers 401 unauthenticated', async () => {
  assertError(await server.client().get('/api/v1/regions'), 401, 'unauthenticated')
})

// --- the 马涧镇 admin ----------------------------------------------------------------------------

test('mj_admin sees in GET /users only the users of 马涧镇', async () => {
  const body = assertList(await mj.get('/api/v1/users?page_size=100'))
  const names = body.items.map((user) => user.username)
  assert.ok(names.includes('mj_admin'))
  assert.ok(names.includes(fx.majian.username))
  for (const hidden of ['admin', 'lanxi', fx.lanjiang.username]) assert.ok(!names.includes(hidden), `${hidden} is visible`)
  const inside = subtreeIds(Object.values(region), region[MAJIAN].id)
  for (const user of body.items) assert.ok(inside.has(user.region_id), `${user.username} is outside 马涧镇`)
  assert.equal(body.total, body.items.length)
})

test('mj_admin’s user count matches the root admin’s count for region_id=马涧镇', async () => {
  const mine = assertList(await mj.get('/api/v1/users?page_size=100'))
  const root = assertList(await admin.get(`/api/v1/users?region_id=${region[MAJIAN].id}&page_size=100`))
  assert.equal(mine.total, root.total)
  assert.deepEqual(mine.items.map((user) => user.id).sort(), root.items.map((user) => user.id).sort())
})

test('mj_admin’s search (q=) stays inside 马涧镇', async () => {
  const body = assertList(await mj.get(`/api/v1/users?q=${encodeURIComponent('职员')}`))
  assert.deepEqual(body.items.map((user) => user.id), [fx.majian.id])
  assert.equal(body.total, 1)
})

test('mj_admin can read a 马涧镇 user (GET /users/{id} → 200)', async () => {
  const res = await mj.get(`/api/v1/users/${fx.majian.id}`)
  assert.equal(res.status, 200, res.text)
  assertUser(res.body.user)
  assert.equal(res.body.user.username, fx.majian.username)
})

test('mj_admin gets 403 out_of_scope on GET /users/{id of lanxi}', async () => {
  const res = await mj.get(`/api/v1/users/${coordId}`)
  assertError(res, 403, 'out_of_scope')
  assert.ok(!res.text.includes('lanxi'))
})

test('mj_admin gets 403 out_of_scope on GET /users?region_id=兰江街道', async () => {
  assertError(await mj.get(`/api/v1/users?region_id=${region[LANJIANG].id}`), 403, 'out_of_scope')
})

test('mj_admin can create a user in 马涧镇 (201)', async () => {
  const username = uniqueName('mjnew')
  const res = await mj.post('/api/v1/users', {
    username, display_name: '马涧镇新人', password: GOOD_PASSWORD, roles: ['village_operator'], region_id: region[MAJIAN].id,
  })
  assert.equal(res.status, 201, res.text)
  assert.equal(res.body.user.region_id, region[MAJIAN].id)
})

test('a user created by mj_admin without region_id is placed in 马涧镇', async () => {
  const username = uniqueName('mjdef')
  const res = await mj.post('/api/v1/users', { username, display_name: '默认区域', password: GOOD_PASSWORD, roles: ['examinee'] })
  assert.equal(res.status, 201, res.text)
  assert.equal(res.body.user.region_id, region[MAJIAN].id)
  assert.equal(res.body.user.region_name, '马涧镇')
})

test('mj_admin gets 403 out_of_scope creating a user in 兰江街道, and nothing is written', async () => {
  const username = uniqueName('mjout')
  const res = await mj.post('/api/v1/users', {
    username, display_name: '越界用户', password: GOOD_PASSWORD, roles: ['examinee'], region_id: region[LANJIANG].id,
  })
  assertError(res, 403, 'out_of_scope')
  await assertNoUser(admin, username)
})

test('mj_admin gets 403 out_of_scope creating a user at the root (兰溪市)', async () => {
  const username = uniqueName('mjroot')
  const res = await mj.post('/api/v1/users', {
    username, display_name: '越界用户', password: GOOD_PASSWORD, roles: ['examinee'], region_id: region[ROOT].id,
  })
  assertError(res, 403, 'out_of_scope')
  await assertNoUser(admin, username)
})

test('mj_admin gets 403 out_of_scope updating lanxi, and lanxi is unchanged', async () => {
  const res = await mj.put(`/api/v1/users/${coordId}`, { display_name: '被改了', roles: ['examinee'] })
  assertError(res, 403, 'out_of_scope')
  const read = await admin.get(`/api/v1/users/${coordId}`)
  assert.equal(read.body.user.display_name, '市司法局普法办')
  assert.deepEqual(read.body.user.roles, ['coordinator'])
})

test('mj_admin gets 403 out_of_scope moving a 马涧镇 user to 兰江街道', async () => {
  const res = await mj.put(`/api/v1/users/${fx.majian.id}`, {
    display_name: '马涧镇职员', roles: ['examinee'], region_id: region[LANJIANG].id, phone: '13700001234',
  })
  assertError(res, 403, 'out_of_scope')
  const read = await admin.get(`/api/v1/users/${fx.majian.id}`)
  assert.equal(read.body.user.region_id, region[MAJIAN].id)
})

test('mj_admin gets 403 out_of_scope moving itself to the root region', async () => {
  const res = await mj.put(`/api/v1/users/${mjAdmin.id}`, { display_name: '马涧镇管理员', roles: ['admin'], region_id: region[ROOT].id })
  assertError(res, 403, 'out_of_scope')
  const me = await mj.get('/api/v1/auth/me')
  assert.equal(me.body.user.region_id, region[MAJIAN].id)
  const regions = (await mj.get('/api/v1/regions')).body.items
  assert.deepEqual(regions.filter((item) => item.level <= 2).map((item) => item.code), [MAJIAN])
})

test('mj_admin gets 403 out_of_scope disabling lanxi, and lanxi can still sign in', async () => {
  assertError(await mj.post(`/api/v1/users/${coordId}/disable`), 403, 'out_of_scope')
  const read = await admin.get(`/api/v1/users/${coordId}`)
  assert.equal(read.body.user.disabled, false)
  assert.equal((await coord.get('/api/v1/auth/me')).status, 200, 'lanxi’s session was revoked')
})

test('mj_admin gets 403 out_of_scope resetting lanxi’s password', async () => {
  const res = await mj.post(`/api/v1/users/${coordId}/reset-password`, { password: 'Taken-Over-2026' })
  assertError(res, 403, 'out_of_scope')
  assert.equal((await coord.get('/api/v1/auth/me')).status, 200, 'lanxi’s session was revoked')
})

test('mj_admin can disable and enable a 马涧镇 user', async () => {
  const { user } = await createUser(admin, { region_id: region[MAJIAN].id })
  const off = await mj.post(`/api/v1/users/${user.id}/disable`)
  assert.equal(off.status, 200, off.text)
  assert.equal(off.body.user.disabled, true)
  const on = await mj.post(`/api/v1/users/${user.id}/enable`)
  assert.equal(on.status, 200, on.text)
  assert.equal(on.body.user.disabled, false)
})

test('the root admin sees users of every region (GET /users/{id} of a 兰江街道 user → 200)', async () => {
  const res = await admin.get(`/api/v1/users/${fx.lanjiang.id}`)
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.user.region_name, '兰江街道')
  assert.equal(mjAdmin.region_name, '马涧镇')
})
