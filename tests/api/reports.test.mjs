// 履职报告 and 述职述法 (issue #14): a unit's report of the year drafted from its records (the ledger, its
// tasks as judged, its list, its penalty decisions and cases), edited and handed in by the unit, sent back
// by the coordinator; reports and bulletins as Word files. Runs on the demo (docs/duty.md).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { COORD, assertError, startServer } from './harness.mjs'
import { unzip } from './xlsx.mjs'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const POLICE = { username: 'gongan', password: 'Pufa-Police-2026' }
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }

let server
let coord
let police
let majian
let units

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

async function docxText(client, path) {
  const res = await fetch(`${server.url}${path}`, { headers: { Cookie: client.cookie } })
  assert.equal(res.status, 200, path)
  assert.equal(res.headers.get('content-type'), DOCX)
  const files = unzip(Buffer.from(await res.arrayBuffer()))
  for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) assert.ok(files.has(part), part)
  const xml = files.get('word/document.xml').toString('utf8')
  return { xml, text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|') }
}

test('a liaison drafts its unit\'s report from the records, edits and hands it in; the coordinator sends it back', async () => {
  const made = await police.post('/api/v1/duty/reports', { unit_id: units['市公安局'], year: 2020, kind: 'performance' })
  assert.equal(made.status, 201, made.text)
  const report = made.body
  assert.equal(report.title, '市公安局2020年度普法履职报告')
  assert.equal(report.status, 'draft')
  // Drafted from the records: its list, its tasks as judged, its ledger, its cases.
  assert.match(report.body, /^一、基本情况\n/)
  assert.match(report.body, /编制并公开了2020年度普法责任清单（第 2 版）/)
  assert.match(report.body, /全年共承担普法责任任务 \d+ 项，按时完成 \d+ 项/)
  assert.match(report.body, /全年在普法台账登记普法活动 \d+ 场次/)
  assert.match(report.body, /全年作出行政处罚决定 12 件，发布以案释法案例 \d+ 篇/)
  assertError(await police.post('/api/v1/duty/reports', { unit_id: units['市公安局'], year: 2020, kind: 'performance' }), 409, 'conflict', 'kind')
  assertError(await police.post('/api/v1/duty/reports', { unit_id: units['市教育局'], year: 2020, kind: 'performance' }), 403, 'out_of_scope')
  assertError(await police.post('/api/v1/duty/reports', { unit_id: units['市公安局'], year: 2020, kind: 'summary' }), 400, 'validation_failed', 'kind')
  assertError(await majian.get(`/api/v1/duty/reports/${report.id}`), 403, 'out_of_scope')

  const edited = await police.put(`/api/v1/duty/reports/${report.id}`, { title: report.title, body: `${report.body}\n（二）补充说明。本单位另开展了警营开放日活动。` })
  assert.equal(edited.status, 200, edited.text)
  const submitted = await police.post(`/api/v1/duty/reports/${report.id}/submit`)
  assert.equal(submitted.body.status, 'submitted')
  assertError(await police.put(`/api/v1/duty/reports/${report.id}`, { title: 'x', body: 'y' }), 409, 'wrong_state')
  assertError(await police.post(`/api/v1/duty/reports/${report.id}/return`, { reason: '请补充' }), 403, 'forbidden')
  const back = await coord.post(`/api/v1/duty/reports/${report.id}/return`, { reason: '请补充以案释法的典型案例' })
  assert.equal(back.body.status, 'returned')
  assert.equal(back.body.return_reason, '请补充以案释法的典型案例')
  const list = await coord.get('/api/v1/duty/reports?year=2020')
  assert.ok(list.body.items.some((r) => r.id === report.id && r.unit_name === '市公安局' && r.body === undefined))

  // As a Word file: the title, the headings, the added paragraph, the unit signing.
  const { xml, text } = await docxText(police, `/api/v1/duty/reports/${report.id}/docx`)
  assert.match(text, /^市公安局2020年度普法履职报告\|一、基本情况\|/)
  assert.match(text, /（二）补充说明。本单位另开展了警营开放日活动。/)
  assert.match(xml, /<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">二、主要工作和成效/)
  assert.match(text, /市公安局\|\d{4}年\d{1,2}月\d{1,2}日$/)

  // And as PDF, the Chinese fonts inside it.
  const pdf = await fetch(`${server.url}/api/v1/duty/reports/${report.id}/pdf`, { headers: { Cookie: police.cookie } })
  assert.equal(pdf.status, 200)
  assert.equal(pdf.headers.get('content-type'), 'application/pdf')
  const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1')
  assert.ok(bytes.startsWith('%PDF-') && /\/FontFile\d?/.test(bytes) && /NotoS(erif|ans)CJK/.test(bytes))
})

test('述职述法 is drafted on its own outline', async () => {
  const made = await coord.post('/api/v1/duty/reports', { unit_id: units['市市场监管局'], year: 2020, kind: 'legal' })
  assert.equal(made.status, 201, made.text)
  assert.equal(made.body.title, '市市场监管局2020年度述职述法报告')
  assert.match(made.body.body, /^一、学法情况\n.*\n二、依法履职情况/)
})

test('a bulletin as a Word file ranks the units in a table', async () => {
  const bulletins = await coord.get('/api/v1/duty/bulletins?year=2020')
  const first = bulletins.body.items.at(-1)
  const { xml, text } = await docxText(coord, `/api/v1/duty/bulletins/${first.id}/docx`)
  assert.match(text, /^2020年上半年普法责任制落实情况通报\|（统计截至2020年7月10日）/)
  assert.match(text, /名次\|单位\|任务数\|按时完成\|逾期完成\|逾期未完成\|进行中\|得分/)
  assert.ok((xml.match(/<w:tr>/g) ?? []).length >= 13, 'a header row and a row per unit')
  assert.match(text, /兰溪市普法办\|2020年7月10日$/)
  const pdf = await fetch(`${server.url}/api/v1/duty/bulletins/${first.id}/pdf`, { headers: { Cookie: coord.cookie } })
  assert.equal(pdf.status, 200)
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-')
})

test('催办 reminds each unit that owes tasks, once a day, through the sender', async () => {
  assertError(await police.post('/api/v1/duty/reminders', { year: 2020 }), 403, 'forbidden')
  const run = await coord.post('/api/v1/duty/reminders', { year: 2020 })
  assert.equal(run.status, 200, run.text)
  assert.equal(run.body.channel, true)
  const police2020 = run.body.units.find((u) => u.unit_name === '市公安局')
  assert.ok(police2020.open > 0, 'the demo leaves 市公安局 tasks open')
  assert.equal(police2020.recipients, 1, 'gongan, bound to the unit')
  assert.equal(run.body.sent, run.body.units.reduce((n, u) => n + u.recipients, 0))
  const sent = (await server.reminders()).filter((r) => r.unit === '市公安局')
  assert.equal(sent.length, 1)
  assert.equal(sent[0].user, '市公安局普法联络员')
  assert.match(sent[0].text, new RegExp(`^【兰溪普法】市公安局：您单位2020年度尚有 ${police2020.open} 项普法责任任务未完成`))
  // Again the same day: nobody is reminded twice.
  const again = await coord.post('/api/v1/duty/reminders', { year: 2020 })
  assert.equal(again.body.reminded, 0)
  assert.ok(again.body.units.every((u) => u.already_today))
  assert.equal((await server.reminders()).filter((r) => r.unit === '市公安局').length, 1)
  assertError(await coord.post('/api/v1/duty/reminders', { year: 1999 }), 400, 'validation_failed', 'year')
})

test('a manual task is answered with the unit\'s own article or channel item, never another unit\'s', async () => {
  const list = await police.post('/api/v1/duty/lists', { unit_id: units['市公安局'], year: 2027, items: [
    { content: '在部门微普法栏目和本单位公众号开展宣传', standard: '发布宣传文章', rule: { kind: 'manual' } }] })
  assert.equal(list.status, 201, list.text)
  assert.equal((await police.post(`/api/v1/duty/lists/${list.body.id}/submit`)).status, 200)
  assert.equal((await coord.post(`/api/v1/duty/lists/${list.body.id}/approve`)).status, 200)
  const task = (await police.get('/api/v1/duty/tasks?year=2027')).body.items[0]
  // An article published with the unit as 发布机构, and one of another unit.
  const article = async (publisher, title) => {
    const made = await coord.post('/api/v1/articles', { column: 'dept', title, body_html: '<p>正文</p>', publisher, disclosure: 'active', attachment_ids: [] })
    assert.equal(made.status, 201, made.text)
    assert.equal((await coord.post(`/api/v1/articles/${made.body.id}/submit`)).status, 200)
    assert.equal((await coord.post(`/api/v1/articles/${made.body.id}/publish`)).status, 200)
    return made.body.id
  }
  const own = await article('市公安局', '市公安局开展防范电信诈骗宣传')
  const foreign = await article('市教育局', '市教育局开展校园安全宣传')
  const offered = await police.get(`/api/v1/duty/tasks/${task.id}/candidates?kind=article`)
  assert.equal(offered.status, 200, offered.text)
  assert.equal(offered.body.items[0].id, own, 'the newest of the unit\'s published articles first')
  assert.ok(!offered.body.items.some((a) => a.id === foreign), 'another unit\'s article is never offered')
  assertError(await police.post(`/api/v1/duty/tasks/${task.id}/answer`, { evidence: [{ kind: 'article', id: foreign }] }), 422, 'evidence_not_own', 'evidence[0]')
  // A channel the unit runs, and an item of it.
  const channel = await coord.post('/api/v1/channels', { name: '平安兰溪', kind: 'wechat_account', region_id: 1, unit_id: units['市公安局'] })
  assert.equal(channel.status, 201, channel.text)
  const item = await coord.post('/api/v1/channel_items', { channel_id: channel.body.item.id, published_on: '2027-03-01', title: '反诈小课堂第一期' })
  assert.equal(item.status, 201, item.text)
  const items = await police.get(`/api/v1/duty/tasks/${task.id}/candidates?kind=channel_item`)
  assert.deepEqual(items.body.items.map((i) => [i.id, i.title]), [[item.body.item.id, '反诈小课堂第一期']])
  const answered = await police.post(`/api/v1/duty/tasks/${task.id}/answer`, { evidence: [{ kind: 'article', id: own }, { kind: 'channel_item', id: item.body.item.id }] })
  assert.equal(answered.status, 200, answered.text)
  assert.deepEqual(answered.body.evidence.map((e) => [e.kind, e.title]), [['article', '市公安局开展防范电信诈骗宣传'], ['channel_item', '反诈小课堂第一期']])
  assertError(await police.get(`/api/v1/duty/tasks/${task.id}/candidates?kind=photo`), 400, 'validation_failed', 'kind')
})

test('an exam the unit\'s examinees sat answers a task of the unit; an exam it did not sit is refused', async () => {
  const all = await coord.get('/api/v1/units?page_size=100')
  const township = all.body.items.find((u) => u.name === '兰江街道办事处') ?? (await coord.get(`/api/v1/units?q=${encodeURIComponent('兰江街道办事处')}`)).body.items[0]
  assert.ok(township, 'the demo has 兰江街道办事处')
  const made = await coord.post('/api/v1/duty/lists', { unit_id: township.id, year: 2028, items: [
    { content: '组织干部参加年度学法考试', standard: '参考率 100%', rule: { kind: 'manual' } }] })
  assert.equal(made.status, 201, made.text)
  assert.equal((await coord.post(`/api/v1/duty/lists/${made.body.id}/submit`)).status, 200)
  assert.equal((await coord.post(`/api/v1/duty/lists/${made.body.id}/approve`)).status, 200)
  const task = (await coord.get(`/api/v1/duty/tasks?year=2028&unit_id=${township.id}`)).body.items[0]
  const sittings = await coord.get(`/api/v1/duty/tasks/${task.id}/candidates?kind=exam`)
  assert.equal(sittings.status, 200, sittings.text)
  assert.ok(sittings.body.items.length >= 1, 'the demo examinees of the office sat an exam')
  const sitting = sittings.body.items[0]
  assert.match(sitting.title, /（参考 \d+ 人，合格 \d+ 人）$/)
  // 兰溪广播电台 has no examinees: the same exam is not its record.
  const radio = all.body.items.find((u) => u.name === '兰溪广播电台') ?? (await coord.get(`/api/v1/units?q=${encodeURIComponent('兰溪广播电台')}`)).body.items[0]
  const police2028 = await coord.post('/api/v1/duty/lists', { unit_id: radio.id, year: 2028, items: [
    { content: '组织干部参加年度学法考试', standard: '参考率 100%', rule: { kind: 'manual' } }] })
  assert.equal((await coord.post(`/api/v1/duty/lists/${police2028.body.id}/submit`)).status, 200)
  assert.equal((await coord.post(`/api/v1/duty/lists/${police2028.body.id}/approve`)).status, 200)
  const policeTask = (await coord.get(`/api/v1/duty/tasks?year=2028&unit_id=${radio.id}`)).body.items[0]
  assertError(await coord.post(`/api/v1/duty/tasks/${policeTask.id}/answer`, { evidence: [{ kind: 'exam', id: sitting.id }] }), 422, 'evidence_not_own', 'evidence[0]')
  const answered = await coord.post(`/api/v1/duty/tasks/${task.id}/answer`, { evidence: [{ kind: 'exam', id: sitting.id }] })
  assert.equal(answered.status, 200, answered.text)
  assert.deepEqual(answered.body.evidence.map((e) => [e.kind, e.id]), [['exam', sitting.id]])
})
