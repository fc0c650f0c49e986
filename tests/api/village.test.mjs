// 民主法治村(社区) (issue #16): one file per village with its level, plaque and entries; the overview's
// 1 / 19 / 110; versioned criteria; a round scored on two tiers (乡镇评分, 县审核得分) and published into
// the files; 复核 ending 保留 / 撤销 / 注销; scope by the tree. Runs on the demo.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, startServer } from './harness.mjs'

const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }
const MAWU = { username: 'mawu', password: 'Pufa-Mawu-2026' }
const POLICE = { username: 'gongan', password: 'Pufa-Police-2026' }

let server, coord, majian, mawu, police
let mawuId, townships, regions

async function ok(res, status = 200) {
  assert.equal(res.status, status, res.text)
  return res.body
}

before(async () => {
  server = await startServer()
  ;[coord, majian, mawu, police] = await Promise.all([
    server.login(COORD.username, COORD.password), server.login(MAJIAN.username, MAJIAN.password),
    server.login(MAWU.username, MAWU.password), server.login(POLICE.username, POLICE.password),
  ])
  regions = (await ok(await coord.get('/api/v1/regions'))).items
  townships = regions.filter((r) => r.level === 2)
  mawuId = regions.find((r) => r.name === '马坞村').id
})

after(async () => {
  await server?.stop()
})

describe('files', () => {
  test('the overview and the coverage count 1 national, 19 provincial and 110 Jinhua-level villages', async () => {
    const overview = await ok(await coord.get('/api/v1/stats/overview'))
    assert.equal(overview.villages_national, 1)
    assert.equal(overview.villages_provincial, 19)
    assert.equal(overview.villages_jinhua, 110)
    const coverage = await ok(await coord.get('/api/v1/village/coverage'))
    assert.equal(coverage.items.length, 16)
    assert.equal(coverage.total.villages, 350)
    assert.equal(coverage.total.national + coverage.total.provincial + coverage.total.jinhua, 130)
    assert.equal(coverage.total.named_rate, 130 / 350)
    const listed = await ok(await coord.get('/api/v1/village/files?level=provincial&page_size=100'))
    assert.equal(listed.total, 19)
    assert.ok(listed.items.every((f) => f.plaque === 'hung' && f.named_year && f.naming_doc))
  })

  test("a village operator reads its own file, with the live figures the criteria read; another village is 404", async () => {
    const file = await ok(await mawu.get(`/api/v1/village/files/${mawuId}`))
    assert.equal(file.name, '马坞村')
    assert.equal(file.township_name, '马涧镇')
    assert.equal(file.level, 'county')
    assert.ok(file.entries.length > 0)
    assert.ok(file.applications.some((a) => a.status === 'recommended'))
    assert.ok(file.live.legal_literate >= 1)
    assert.ok(['lawful', 'pending', 'none'].includes(file.live.village_rules))
    const other = regions.find((r) => r.level === 3 && r.id !== mawuId)
    assertError(await mawu.get(`/api/v1/village/files/${other.id}`), 404, 'not_found')
    const mine = await ok(await mawu.get('/api/v1/village/files'))
    assert.deepEqual(mine.items.map((f) => f.region_id), [mawuId])
    assertError(await mawu.put(`/api/v1/village/files/${mawuId}`, { level: 'national', named_year: 2026, plaque: 'hung' }), 403, 'forbidden')
  })

  test('the operator records a check; only the coordinator sets the level; bad values are refused', async () => {
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)
    const added = await ok(await mawu.post(`/api/v1/village/files/${mawuId}/entries`, { kind: 'check', on: today, title: '镇司法所日常检查', detail: '台账齐全' }), 201)
    assert.equal(added.entries[0].title, '镇司法所日常检查')
    assertError(await mawu.post(`/api/v1/village/files/${mawuId}/entries`, { kind: 'named', on: today, title: '自封国家级' }), 400, 'validation_failed', 'kind')
    assertError(await mawu.post(`/api/v1/village/files/${mawuId}/entries`, { kind: 'check', on: '2999-01-01', title: 'x' }), 400, 'validation_failed', 'on')
    assertError(await coord.put(`/api/v1/village/files/${mawuId}`, { level: 'galactic', plaque: 'hung' }), 400, 'validation_failed', 'level')
    assertError(await coord.put(`/api/v1/village/files/${mawuId}`, { level: 'provincial', plaque: 'hung' }), 400, 'validation_failed', 'named_year')
    const file = await ok(await coord.get(`/api/v1/village/files/${mawuId}`))
    assert.equal(file.level, 'county', 'nothing written')
  })
})

describe('criteria and rounds', () => {
  test('a round is scored by the township, then by the city, and published into the files', async () => {
    const sets = await ok(await coord.get('/api/v1/village/criteria-sets'))
    const base = await ok(await coord.get(`/api/v1/village/criteria-sets/${sets.items[0].id}`))
    assert.equal(base.items.length, 15)
    assert.equal(sets.items[0].points, 100)
    assert.equal(sets.items[0].used, true)
    // A used set is not edited; a new version is made from it.
    assertError(await coord.put(`/api/v1/village/criteria-sets/${base.id}`, { name: base.name, items: base.items }), 409, 'wrong_state')
    const v2 = await ok(await coord.post('/api/v1/village/criteria-sets', { name: `${base.name}（修订）`, base_id: base.id, items: base.items.slice(0, 3) }), 201)
    assert.equal(v2.version, 2)
    assertError(await coord.post('/api/v1/village/criteria-sets', { name: 'x', items: [{ ...base.items[0], points: 0 }] }), 400, 'validation_failed', 'items[0].points')

    const round = await ok(await coord.post('/api/v1/village/rounds', { year: 2026, title: '测试省级评选', target_level: 'provincial', set_id: v2.id }), 201)
    assertError(await coord.post('/api/v1/village/rounds', { year: 2026, title: 'x', target_level: 'national', set_id: v2.id }), 400, 'validation_failed', 'target_level')
    const sheet = await ok(await mawu.post(`/api/v1/village/rounds/${round.id}/applications`, { region_id: mawuId, statement: '申报省级民主法治村' }), 201)
    assertError(await mawu.post(`/api/v1/village/rounds/${round.id}/applications`, { region_id: mawuId, statement: '再次' }), 409, 'wrong_state')
    const [a, b, c] = sheet.criteria
    // Scores above a criterion's points, unknown criteria, the wrong township: refused.
    assertError(await majian.put(`/api/v1/village/applications/${sheet.id}/township`, { scores: { [a.id]: a.points + 1 } }), 400, 'validation_failed', `scores.${a.id}`)
    assertError(await majian.put(`/api/v1/village/applications/${sheet.id}/township`, { scores: { 999999: 1 } }), 400, 'validation_failed', 'scores.999999')
    assertError(await majian.put(`/api/v1/village/applications/${sheet.id}/township`, { scores: { [a.id]: a.points }, recommend: true }), 400, 'validation_failed', 'scores')
    assertError(await police.put(`/api/v1/village/applications/${sheet.id}/township`, { scores: { [a.id]: 1 } }), 403, 'forbidden')
    assertError(await mawu.put(`/api/v1/village/applications/${sheet.id}/township`, { scores: { [a.id]: 1 } }), 403, 'forbidden')
    const scores = { [a.id]: a.points, [b.id]: b.points - 1, [c.id]: c.points / 2 }
    const township = await ok(await majian.put(`/api/v1/village/applications/${sheet.id}/township`, { scores, note: '同意推荐', recommend: true }))
    assert.equal(township.status, 'recommended')
    assert.equal(township.township_total, a.points + b.points - 1 + c.points / 2)
    assertError(await coord.put(`/api/v1/village/applications/${sheet.id}/county`, { scores, approve: true }), 409, 'wrong_state')
    await ok(await coord.post(`/api/v1/village/rounds/${round.id}/review`))
    assertError(await majian.put(`/api/v1/village/applications/${sheet.id}/township`, { scores, recommend: true }), 409, 'wrong_state')
    const county = await ok(await coord.put(`/api/v1/village/applications/${sheet.id}/county`, { scores: { ...scores, [c.id]: c.points }, approve: true }))
    assert.equal(county.status, 'approved')
    assert.equal(county.county_total, a.points + b.points - 1 + c.points)
    assertError(await coord.post(`/api/v1/village/rounds/${round.id}/publish`, {}), 400, 'validation_failed', 'naming_doc')
    const published = await ok(await coord.post(`/api/v1/village/rounds/${round.id}/publish`, { naming_doc: '浙司〔2026〕99号' }))
    assert.equal(published.status, 'published')
    const file = await ok(await mawu.get(`/api/v1/village/files/${mawuId}`))
    assert.equal(file.level, 'provincial')
    assert.equal(file.named_year, 2026)
    assert.equal(file.entries[0].kind, 'named')
    const overview = await ok(await coord.get('/api/v1/stats/overview'))
    assert.equal(overview.villages_provincial, 20)
  })

  test("the township sees its villages' applications only", async () => {
    const rounds = await ok(await majian.get('/api/v1/village/rounds'))
    const towns = new Set(rounds.items.flatMap((r) => r.applications.map((a) => a.township_name)))
    assert.deepEqual([...towns], ['马涧镇'])
    const all = await ok(await coord.get('/api/v1/village/rounds'))
    const foreign = all.items.flatMap((r) => r.applications).find((a) => a.township_name !== '马涧镇')
    assertError(await majian.get(`/api/v1/village/applications/${foreign.id}`), 404, 'not_found')
  })
})

describe('复核', () => {
  test('a complaint opens a review that ends 撤销: the level goes, the plaque comes down, the file keeps it all', async () => {
    const provincial = (await ok(await coord.get('/api/v1/village/files?level=provincial&page_size=100'))).items.find((f) => f.region_id !== mawuId)
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)
    assertError(await coord.post('/api/v1/village/reviews', { region_id: provincial.region_id, trigger: 'rumour', description: 'x', on: today }), 400, 'validation_failed', 'trigger')
    const none = (await ok(await coord.get('/api/v1/village/files?level=none&page_size=1'))).items[0]
    assertError(await coord.post('/api/v1/village/reviews', { region_id: none.region_id, trigger: 'complaint', description: 'x', on: today }), 400, 'validation_failed', 'region_id')
    const review = await ok(await coord.post('/api/v1/village/reviews', {
      region_id: provincial.region_id, trigger: 'negative_event', description: '村委会主任涉嫌职务侵占被立案', on: today,
    }), 201)
    assert.equal(review.status, 'open')
    assertError(await coord.post('/api/v1/village/reviews', { region_id: provincial.region_id, trigger: 'complaint', description: 'x', on: today }), 409, 'wrong_state')
    const flagged = await ok(await coord.get('/api/v1/village/files?under_review=1&page_size=100'))
    assert.ok(flagged.items.some((f) => f.region_id === provincial.region_id && f.under_review))
    assertError(await majian.post(`/api/v1/village/reviews/${review.id}/decide`, { decision: 'keep', note: 'x' }), 403, 'forbidden')
    assertError(await coord.post(`/api/v1/village/reviews/${review.id}/decide`, { decision: 'revoke' }), 400, 'validation_failed', 'note')
    const decided = await ok(await coord.post(`/api/v1/village/reviews/${review.id}/decide`, { decision: 'revoke', note: '经复核，撤销命名' }))
    assert.equal(decided.decision, 'revoke')
    const file = await ok(await coord.get(`/api/v1/village/files/${provincial.region_id}`))
    assert.equal(file.level, 'none')
    assert.equal(file.plaque, 'removed')
    assert.ok(file.entries.some((e) => e.kind === 'review' && e.title.includes('撤销')))
    assertError(await coord.post(`/api/v1/village/reviews/${review.id}/decide`, { decision: 'keep', note: 'x' }), 409, 'wrong_state')
  })
})
