// The to-do centre (GET /api/v1/todo): what waits for each user, counted by the areas that
// have such work — ledger records to review and records returned to their author (approve and
// return), articles to review and articles returned, exams open to sit.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, assertList, startServer } from './harness.mjs'

const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }
const MAWU = { username: 'mawu', password: 'Pufa-Mawu-2026' }
const EXAMINEE = { username: 'wangfang', password: 'Pufa-Exam-2026' }
const q = (params) => new URLSearchParams(params).toString()

let server, coord, majian, mawu, examinee, regions

before(async () => {
  server = await startServer()
  ;[coord, majian, mawu, examinee] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(MAJIAN.username, MAJIAN.password),
    server.login(MAWU.username, MAWU.password),
    server.login(EXAMINEE.username, EXAMINEE.password),
  ])
  regions = (await coord.get('/api/v1/regions')).body.items
})
after(async () => server?.stop())

/** The caller's to-do as { code: count }, checking the shape and the total. */
async function todo(client) {
  const res = await client.get('/api/v1/todo')
  assert.equal(res.status, 200, res.text)
  assert.equal(res.headers.get('cache-control'), 'no-store')
  for (const item of res.body.items) {
    assert.deepEqual(Object.keys(item).sort(), ['code', 'count'])
    assert.ok(item.count > 0, `${item.code} listed with 0`)
  }
  assert.equal(res.body.total, res.body.items.reduce((n, i) => n + i.count, 0))
  return Object.fromEntries(res.body.items.map((i) => [i.code, i.count]))
}

const count = (items, code) => items[code] ?? 0

describe('the ledger: review, approve, return', () => {
  test('the demo leaves December 2020 waiting for the coordinator; a village sees none of it', async () => {
    const mine = await todo(coord)
    const waiting = assertList(await coord.get(`/api/v1/activities?${q({ status: 'submitted', page_size: 1 })}`)).total
    assert.ok(waiting > 0)
    assert.equal(count(mine, 'activities.review'), waiting)
    assert.equal(count(await todo(mawu), 'activities.review'), 0, 'operators do not review')
  })

  test('a record filed by a village waits for review, comes back to its author, and is approved', async () => {
    const before = count(await todo(coord), 'activities.review')
    const body = {
      title: '待办测试活动', starts_on: '2020-06-08', region_id: regions.find((r) => r.name === '马坞村').id, theme: '民法典',
      audience: ['public'], six_place: 'villages', form: 'lecture', participants: 30,
    }
    const created = await mawu.post('/api/v1/activities', body)
    assert.equal(created.status, 201, created.text)
    const id = created.body.item.id
    assert.equal(created.body.item.status, 'submitted')
    assert.equal(typeof created.body.item.created_by, 'number')
    assert.equal(count(await todo(coord), 'activities.review'), before + 1)

    assert.equal((await coord.post(`/api/v1/activities/${id}/return`, { reason: '请补充照片' })).status, 200)
    assert.equal(count(await todo(coord), 'activities.review'), before)
    assert.equal(count(await todo(mawu), 'activities.returned'), 1)
    assert.equal(count(await todo(majian), 'activities.returned'), 0, 'returned to its author, not to the township')
    const mine = assertList(await mawu.get(`/api/v1/activities?${q({ mine: 1, status: 'returned' })}`))
    assert.deepEqual(mine.items.map((a) => a.id), [id])
    assertError(await coord.get(`/api/v1/channels?${q({ mine: 1 })}`), 400, 'validation_failed', 'mine')

    assertError(await coord.post(`/api/v1/activities/${id}/approve`), 422, 'unprocessable', 'status')  // returned: not waiting
    assert.equal((await mawu.put(`/api/v1/activities/${id}`, { participants: 35 })).status, 200)
    assert.equal(count(await todo(mawu), 'activities.returned'), 0)
    assert.equal(count(await todo(coord), 'activities.review'), before + 1)

    assertError(await mawu.post(`/api/v1/activities/${id}/approve`), 403, 'forbidden')
    const approved = await coord.post(`/api/v1/activities/${id}/approve`)
    assert.equal(approved.status, 200, approved.text)
    assert.equal(approved.body.item.status, 'approved')
    assert.equal(count(await todo(coord), 'activities.review'), before)
    assertError(await coord.post(`/api/v1/activities/${id}/approve`), 422, 'unprocessable', 'status')
    assertError(await coord.post('/api/v1/activities/99999999/approve'), 404, 'not_found')
    // An approved record that is changed is reviewed again.
    assert.equal((await mawu.put(`/api/v1/activities/${id}`, { participants: 36 })).body.item.status, 'submitted')
  })
})

describe('articles and exams', () => {
  test('an article sent for review waits for the publisher; a returned one goes back to its author', async () => {
    const before = await todo(coord)
    const created = await majian.post('/api/v1/articles', {
      column: 'news', title: '待办测试文章', body_html: '<p>正文</p>', written_on: '2026-05-20', disclosure: 'active', attachment_ids: [],
    })
    assert.equal(created.status, 201, created.text)
    const id = created.body.id
    assert.equal((await majian.post(`/api/v1/articles/${id}/submit`)).status, 200)
    assert.equal(count(await todo(coord), 'articles.review'), count(before, 'articles.review') + 1)
    assert.equal(count(await todo(majian), 'articles.review'), 0, 'liaisons do not publish')
    assert.equal((await coord.post(`/api/v1/articles/${id}/return`, { reason: '标题请写明时间' })).status, 200)
    assert.equal(count(await todo(majian), 'articles.returned'), 1)
    assert.equal(count(await todo(coord), 'articles.review'), count(before, 'articles.review'))
  })

  test('the examinee sees the exam open to sit; staff without exams see no exam item', async () => {
    assert.equal(count(await todo(examinee), 'exams.open'), 1)
    assert.equal(count(await todo(coord), 'exams.open'), 0)
  })

  test('the to-do needs a session', async () => {
    assertError(await server.client().get('/api/v1/todo'), 401, 'unauthenticated')
  })
})
