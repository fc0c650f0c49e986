// 履职评议 (issue #14): a round of units' performance reviews — units' reports, the public's ballots
// on phones with a one-time code (one per phone per round), signs of vote stuffing flagged and shown,
// panel and deputies' sheets, a weighted score graded by bands, published and frozen. Runs on the demo
// (docs/duty.md). Every ballot of this file comes from one address (the test's), which is what the
// stuffing flag looks for.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, startServer } from './harness.mjs'
import { readSheet, values } from './xlsx.mjs'

const POLICE = { username: 'gongan', password: 'Pufa-Police-2026' }
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }

let server
let coord
let police
let majian
let units
let phoneCounter = 0
const newPhone = () => `139${String(Date.now() % 10000).padStart(4, '0')}${String(1000 + ++phoneCounter).slice(-4)}`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The code the outbox holds for `phone` (the server runs with --sms-outbox). */
async function codeFor(phone) {
  for (let i = 0; i < 100; ++i) {
    const last = (await server.sms()).filter((m) => m.phone === phone).at(-1)
    if (last) return last.code
    await sleep(20)
  }
  throw new Error(`no code sent to ${phone}`)
}

const publicApi = () => server.client()
async function requestCode(id, phone) {
  const res = await publicApi().post(`/api/v1/public/duty/reviews/${id}/otp`, { phone })
  assert.equal(res.status, 202, res.text)
  return codeFor(phone)
}
const vote = (id, phone, code, marks) => publicApi().post(`/api/v1/public/duty/reviews/${id}/ballots`, { phone, code, marks })

before(async () => {
  server = await startServer()
  ;[coord, police, majian] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(POLICE.username, POLICE.password),
    server.login(MAJIAN.username, MAJIAN.password),
  ])
  const list = await coord.get('/api/v1/units?page_size=100&type=department')
  units = Object.fromEntries(list.body.items.map((u) => [u.name, u.id]))
})

after(async () => {
  await server?.stop()
})

describe('the demo', () => {
  test('the 2020 round is published with grades; the flagged burst is shown and was left out', async () => {
    const list = await coord.get('/api/v1/duty/reviews')
    assert.equal(list.status, 200, list.text)
    const summary = list.body.items.find((r) => r.year === 2020)
    assert.equal(summary.status, 'published')
    assert.equal(summary.entries, 12)
    const round = (await coord.get(`/api/v1/duty/reviews/${summary.id}`)).body
    assert.equal(round.exclude_flagged, true)
    assert.deepEqual(round.weights, { public: 40, panel: 40, members: 20 })
    assert.equal(round.flags.ballots, 390)
    assert.equal(round.flags.flagged, 25)
    assert.equal(round.flags.by_reason.address_burst, 25)
    assert.equal(round.flags.recent[0].reason, 'address_burst')
    assert.match(round.flags.recent[0].address_tag, /^[0-9a-f]{8}$/)
    assert.equal(round.sheets.filter((s) => s.source === 'panel').length, 5)
    const ranked = round.entries.filter((e) => e.rank !== null).sort((a, b) => a.rank - b.rank)
    assert.equal(ranked.length, 12)
    for (let i = 1; i < ranked.length; ++i) assert.ok(ranked[i - 1].score >= ranked[i].score)
    for (const e of ranked) {
      const expected = e.score >= 90 ? 'excellent' : e.score >= 80 ? 'good' : e.score >= 60 ? 'fair' : 'poor'
      assert.equal(e.grade, expected, `${e.unit_name} ${e.score}`)
      // The total is the weighted mean of its sources.
      const total = Math.round(((e.public.score * 40 + e.panel.score * 40 + e.members.score * 20) / 100) * 10) / 10
      assert.ok(Math.abs(total - e.score) <= 0.11, `${e.unit_name}: ${total} vs ${e.score}`)
    }
    // The portal shows it; a liaison sees the rounds its unit takes part in; a township liaison none.
    const portal = await publicApi().get(`/api/v1/public/duty/reviews/${summary.id}`)
    assert.equal(portal.body.results.length, 12)
    assert.equal(portal.body.voting_open, false)
    const seen = await police.get('/api/v1/duty/reviews')
    assert.ok(seen.body.items.length >= 2)
    // A liaison sees the results, not the sheets or the stuffing flags.
    const theirs = (await police.get(`/api/v1/duty/reviews/${summary.id}`)).body
    assert.deepEqual(theirs.sheets, [])
    assert.equal(theirs.flags.ballots, 0)
    assert.deepEqual((await majian.get('/api/v1/duty/reviews')).body.items, [])
    assertError(await majian.get(`/api/v1/duty/reviews/${summary.id}`), 403, 'out_of_scope')
    const open = (await publicApi().get('/api/v1/public/duty/reviews')).body.items.find((r) => r.status === 'open')
    assert.ok(open, 'a round of this year is open for votes')
    assert.equal((await publicApi().get(`/api/v1/public/duty/reviews/${open.id}`)).body.voting_open, true)
  })
})

describe('a round from setting up to publishing', () => {
  let round
  let police
  let education
  let court
  const body = (fields = {}) => ({
    year: 2026,
    title: '测试履职评议',
    intro: '说明',
    weights: { public: 40, panel: 40, members: 20 },
    bands: { excellent: 90, good: 80, fair: 60 },
    opens_at: new Date(Date.now() - 60_000).toISOString(),
    closes_at: new Date(Date.now() + 86_400_000).toISOString(),
    unit_ids: [units['市公安局'], units['市教育局'], units['市人民法院']],
    ...fields,
  })

  test('bad set-ups are refused by field; a liaison cannot set one up', async () => {
    assertError(await coord.post('/api/v1/duty/reviews', body({ weights: { public: 40, panel: 40, members: 10 } })), 400, 'validation_failed', 'weights')
    assertError(await coord.post('/api/v1/duty/reviews', body({ closes_at: new Date(Date.now() - 3_600_000).toISOString() })), 400, 'validation_failed', 'closes_at')
    assertError(await coord.post('/api/v1/duty/reviews', body({ unit_ids: [99999999] })), 422, 'unprocessable', 'unit_ids[0]')
    assertError(await coord.post('/api/v1/duty/reviews', body({ bands: { excellent: 80, good: 90, fair: 60 } })), 400, 'validation_failed', 'bands')
    assertError(await (await server.login(POLICE.username, POLICE.password)).post('/api/v1/duty/reviews', body()), 403, 'forbidden')
    const made = await coord.post('/api/v1/duty/reviews', body())
    assert.equal(made.status, 201, made.text)
    round = made.body
    assert.equal(round.status, 'draft')
    ;[police, education, court] = ['市公安局', '市教育局', '市人民法院'].map((n) => round.entries.find((e) => e.unit_name === n))
    assertError(await publicApi().get(`/api/v1/public/duty/reviews/${round.id}`), 404, 'not_found')
  })

  test('a liaison submits its own unit\'s report, not another\'s', async () => {
    const liaison = await server.login(POLICE.username, POLICE.password)
    const own = await liaison.put(`/api/v1/duty/reviews/${round.id}/entries/${police.id}`, { report: '本单位履职报告', video_url: 'https://example.org/v.mp4' })
    assert.equal(own.status, 200, own.text)
    const mine = own.body.entries.find((e) => e.id === police.id)
    assert.equal(mine.report, '本单位履职报告')
    assert.ok(mine.submitted_at)
    assert.equal(mine.can_edit, true)
    assert.equal(own.body.entries.find((e) => e.id === court.id).can_edit, false)
    assertError(await liaison.put(`/api/v1/duty/reviews/${round.id}/entries/${court.id}`, { report: 'x' }), 403, 'out_of_scope')
    assertError(await liaison.put(`/api/v1/duty/reviews/${round.id}/entries/${police.id}`, { report: 'x', video_url: 'javascript:alert(1)' }), 400, 'validation_failed', 'video_url')
    // Attachments: the liaison's own uploads, not another township's.
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    const upload = (client) => client.post(`/api/v1/attachments?name=${encodeURIComponent('履职报告附件.pdf')}`, undefined, { body: PDF, type: 'application/pdf' })
    const ownFile = await upload(liaison)
    assert.equal(ownFile.status, 201, ownFile.text)
    const theirs = await upload(majian)
    assert.equal(theirs.status, 201, theirs.text)
    assertError(await liaison.put(`/api/v1/duty/reviews/${round.id}/entries/${police.id}`, { report: '本单位履职报告', attachment_ids: [theirs.body.id] }),
      400, 'validation_failed', 'attachment_ids[0]')
    const attached = await liaison.put(`/api/v1/duty/reviews/${round.id}/entries/${police.id}`,
      { report: '本单位履职报告', video_url: 'https://example.org/v.mp4', attachment_ids: [ownFile.body.id] })
    assert.equal(attached.status, 200, attached.text)
    assert.deepEqual(attached.body.entries.find((e) => e.id === police.id).attachments.map((a) => [a.name, a.url]),
      [['履职报告附件.pdf', `/api/v1/attachments/${ownFile.body.id}`]])
    const file = await fetch(`${server.url}/api/v1/attachments/${ownFile.body.id}`, { headers: { Cookie: coord.cookie } })
    assert.equal(file.status, 200, 'the coordinator reads it')
    const opened = await coord.post(`/api/v1/duty/reviews/${round.id}/open`)
    assert.equal(opened.status, 200, opened.text)
    assert.equal(opened.body.status, 'open')
    // Voting has begun: the units and weights stay.
    assertError(await coord.put(`/api/v1/duty/reviews/${round.id}`, body({ unit_ids: [units['市公安局']] })), 409, 'wrong_state')
    const retitled = await coord.put(`/api/v1/duty/reviews/${round.id}`, body({ title: '测试履职评议（改）', opens_at: round.opens_at }))
    assert.equal(retitled.status, 200, retitled.text)
    assert.equal(retitled.body.title, '测试履职评议（改）')
  })

  test('one ballot per phone, after a valid code; bad ballots write nothing', async () => {
    const page = await publicApi().get(`/api/v1/public/duty/reviews/${round.id}`)
    assert.equal(page.body.voting_open, true)
    assert.equal(page.body.results, null)
    assert.equal(page.body.entries.length, 3)
    const phone = newPhone()
    const code = await requestCode(round.id, phone)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const marks = [{ entry_id: police.id, mark: 'satisfied' }, { entry_id: education.id, mark: 'basic' }]
    assertError(await vote(round.id, phone, wrong, marks), 422, 'code_invalid', 'code')
    assertError(await vote(round.id, phone, code, [{ entry_id: 99999999, mark: 'satisfied' }]), 400, 'validation_failed', 'marks[0].entry_id')
    assertError(await vote(round.id, phone, code, []), 400, 'validation_failed', 'marks')
    assertError(await vote(round.id, phone, code, [{ entry_id: police.id, mark: 'great' }]), 400, 'validation_failed', 'marks[0].mark')
    const cast = await vote(round.id, phone, code, marks)
    assert.equal(cast.status, 201, cast.text)
    assert.equal(cast.body.counted, 2)
    // The same phone again: no code, no ballot.
    assertError(await publicApi().post(`/api/v1/public/duty/reviews/${round.id}/otp`, { phone }), 409, 'already_voted', 'phone')
    assertError(await vote(round.id, phone, code, marks), 409, 'already_voted', 'phone')
    // A phone that never asked for a code.
    assertError(await vote(round.id, newPhone(), '123456', marks), 422, 'code_invalid', 'code')
    assertError(await publicApi().post(`/api/v1/public/duty/reviews/${round.id}/otp`, { phone: '12345' }), 400, 'validation_failed', 'phone')
    const staff = (await coord.get(`/api/v1/duty/reviews/${round.id}`)).body
    assert.equal(staff.flags.ballots, 1)
    assert.deepEqual(staff.entries.find((e) => e.id === police.id).public, { ballots: 1, satisfied: 1, basic: 0, unsatisfied: 0, score: 100 })
    // No phone is stored in the clear.
    assert.doesNotMatch(JSON.stringify(staff), new RegExp(phone))
  })

  test('many ballots from one address are flagged for the coordinator, not dropped', async () => {
    for (let i = 0; i < 5; ++i) {
      const phone = newPhone()
      const code = await requestCode(round.id, phone)
      const mark = i < 4 ? 'satisfied' : 'unsatisfied'
      const cast = await vote(round.id, phone, code, [{ entry_id: police.id, mark }])
      assert.equal(cast.status, 201, cast.text)
    }
    const staff = (await coord.get(`/api/v1/duty/reviews/${round.id}`)).body
    assert.equal(staff.flags.ballots, 6)
    assert.equal(staff.flags.flagged, 1, 'the sixth ballot from one address in ten minutes')
    assert.equal(staff.flags.recent[0].reason, 'address_burst')
    // Counted until the coordinator leaves flagged ballots out: 5 satisfied and 1 unsatisfied.
    assert.deepEqual(staff.entries.find((e) => e.id === police.id).public, { ballots: 6, satisfied: 5, basic: 0, unsatisfied: 1, score: 83.3 })
  })

  test('sheets, then the weighted score and grade; published results are frozen and public', async () => {
    const sheet = (source, scores) => coord.post(`/api/v1/duty/reviews/${round.id}/sheets`, { source, scorer: `${source} 甲`, scores })
    assertError(await sheet('panel', [{ entry_id: police.id, score: 80 }]), 400, 'validation_failed', 'scores')
    assertError(await sheet('panel', [{ entry_id: police.id, score: 101 }]), 400, 'validation_failed', 'scores[0].score')
    assertError(await sheet('jury', [{ entry_id: police.id, score: 80 }]), 400, 'validation_failed', 'source')
    const all = (p, e, c) => [{ entry_id: police.id, score: p }, { entry_id: education.id, score: e }, { entry_id: court.id, score: c }]
    assert.equal((await sheet('panel', all(80, 70, 95.5))).status, 200)
    const wrongSheet = await sheet('panel', all(10, 10, 10))
    const removed = await coord.delete(`/api/v1/duty/reviews/${round.id}/sheets/${wrongSheet.body.sheets.at(-1).id}`)
    assert.equal(removed.body.sheets.length, 1)
    assert.equal((await sheet('members', all(70, 60, 90))).status, 200)
    assertError(await coord.post(`/api/v1/duty/reviews/${round.id}/publish`, { exclude_flagged: true }), 409, 'wrong_state')
    assert.equal((await coord.post(`/api/v1/duty/reviews/${round.id}/close`)).status, 200)
    assertError(await vote(round.id, newPhone(), '123456', [{ entry_id: police.id, mark: 'basic' }]), 409, 'voting_closed')
    const published = await coord.post(`/api/v1/duty/reviews/${round.id}/publish`, { exclude_flagged: true })
    assert.equal(published.status, 200, published.text)
    const p = published.body.entries.find((e) => e.id === police.id)
    // Public 100 (the flagged ballot left out), panel 80, members 70: 40 + 32 + 14.
    assert.equal(p.public.score, 100)
    assert.equal(p.score, 86)
    assert.equal(p.grade, 'good')
    // The court has no ballots: its panel and members share the weight (95.5 × 40 + 90 × 20) / 60.
    const c = published.body.entries.find((e) => e.id === court.id)
    assert.equal(c.public.score, null)
    assert.equal(c.score, 93.7)
    assert.equal(c.grade, 'excellent')
    assert.equal(c.rank, 1)
    const portal = await publicApi().get(`/api/v1/public/duty/reviews/${round.id}`)
    assert.deepEqual(portal.body.results.map((r) => [r.rank, r.unit_name, r.grade]).slice(0, 2), [[1, '市人民法院', 'excellent'], [2, '市公安局', 'good']])
    assertError(await sheet('panel', all(1, 1, 1)), 409, 'wrong_state')
    const file = await fetch(`${server.url}/api/v1/duty/reviews/${round.id}/export`, { headers: { Cookie: coord.cookie } })
    assert.equal(file.status, 200)
    const rows = values(readSheet(Buffer.from(await file.arrayBuffer())))
    assert.deepEqual(rows[0], ['名次', '单位', '群众测评', '满意', '基本满意', '不满意', '评审组', '代表委员', '总分', '等次'])
    assert.deepEqual(rows[1].slice(0, 2).concat(rows[1].slice(8)), [1, '市人民法院', 93.7, '优秀'])
  })
})
