// 审核发布分离 (four_eyes_publishing, issue #13): with the setting, an article's author cannot
// publish it; another reviewer does. Without it (content.test.mjs) the author may.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { COORD, assertError, createUser, startServer } from './harness.mjs'

let server
let coord

before(async () => {
  server = await startServer({ args: ['--four-eyes-publishing', 'true'] })
  coord = await server.login(COORD.username, COORD.password)
})

after(() => server?.stop())

const article = {
  column: 'news',
  title: '审核发布分离测试',
  body_html: '<p>市司法局开展宪法宣传周活动。</p>',
  written_on: '2026-12-01',
  disclosure: 'active',
  attachment_ids: [],
}

test('the author of an article cannot publish it; a second reviewer does', async () => {
  const made = await coord.post('/api/v1/articles', article)
  assert.equal(made.status, 201, made.text)
  assert.equal(made.body.four_eyes, true)
  const id = made.body.id
  assert.equal((await coord.post(`/api/v1/articles/${id}/submit`)).status, 200)
  assertError(await coord.post(`/api/v1/articles/${id}/publish`), 422, 'unprocessable', undefined, /作者不能发布自己撰写的文章/)
  assert.equal((await coord.get(`/api/v1/articles/${id}`)).body.status, 'review', 'nothing was written')
  const refused = await server.audit('action=articles.publish&outcome=failure')
  assert.equal(refused.length, 1)

  const { username, password } = await createUser(await server.admin(), { roles: ['coordinator'], region_id: 1 })
  const second = await server.login(username, password)
  const res = await second.post(`/api/v1/articles/${id}/publish`)
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.status, 'published')
  // The author may still withdraw and return (only publishing needs the second pair of eyes).
  assert.equal((await coord.post(`/api/v1/articles/${id}/withdraw`)).status, 200)
})
