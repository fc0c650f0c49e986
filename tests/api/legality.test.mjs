// 合法性审核 (issue #23): a township's draft through its 司法所's review on a clock of working days
// (paused while material is asked for), the numbered opinion citing the law library as .docx and
// .pdf, adoption, the register and the figures; 村规民约 reviewed by the township; 行政复议 and 诉讼
// with their rates; the working-day calendar. Runs on the demo and tests/fixtures/laws.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { ADMIN, COORD, assertError, createUser, startServer } from './harness.mjs'
import { readSheet, values } from './xlsx.mjs'

const LAWS = fileURLToPath(new URL('../fixtures/laws', import.meta.url))
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }
const SIFA = { username: 'sifa', password: 'Pufa-Sifa-2026' }
const FAZHI = { username: 'fazhi', password: 'Pufa-Fazhi-2026' }
const POLICE = { username: 'gongan', password: 'Pufa-Police-2026' }
const MAWU = { username: 'mawu', password: 'Pufa-Mawu-2026' }
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const DAY = 24 * 3600 * 1000

let server, coord, majian, sifa, fazhi, police, mawu, admin, government

const beijingToday = (offset = 0) => new Date(Date.now() + offset + 8 * 3600 * 1000).toISOString().slice(0, 10)

async function upload(client, name = '送审稿.pdf', bytes = PDF, type = 'application/pdf') {
  const res = await client.request('POST', `/api/v1/legality/files?name=${encodeURIComponent(name)}`, { body: bytes, type })
  assert.equal(res.status, 201, res.text)
  return res.body.id
}

async function submit(fields = {}) {
  const file = await upload(majian)
  const res = await majian.post('/api/v1/legality/submissions', {
    unit_id: government, kind: 'major_decision', title: '马涧镇杨梅产业发展扶持办法', basis: '《浙江省促进乡村振兴条例》',
    summary: '经镇党政班子会议研究', file_ids: [file], ...fields,
  })
  assert.equal(res.status, 201, res.text)
  return res.body
}

async function download(client, path) {
  const res = await fetch(server.url + path, { headers: { Cookie: client.cookie } })
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) }
}

// Sessions end when the clock moves past their idle time: everyone signs in again after a move.
async function signIn() {
  ;[coord, majian, sifa, fazhi, police, mawu, admin] = await Promise.all([
    server.login(COORD.username, COORD.password), server.login(MAJIAN.username, MAJIAN.password),
    server.login(SIFA.username, SIFA.password), server.login(FAZHI.username, FAZHI.password),
    server.login(POLICE.username, POLICE.password), server.login(MAWU.username, MAWU.password), server.admin(),
  ])
}

async function clockAt(at) {
  await server.clockAt(at)
  await signIn()
}

before(async () => {
  server = await startServer({ testClock: true })
  const imported = await new Promise((resolve) => execFile(process.env.PUFA_BIN, ['import', 'laws', LAWS, '--db', server.dbUrl],
    (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stderr })))
  assert.equal(imported.code, 0, imported.stderr)
  await signIn()
  const units = await majian.get('/api/v1/legality/units')
  assert.equal(units.status, 200, units.text)
  assert.deepEqual(units.body.items.map((u) => u.name), ['马涧镇人民政府'])
  government = units.body.items[0].id
})

after(async () => {
  await server?.stop()
})

describe('a review from the draft to adoption', () => {
  test('the 司法所 asks for material, the clock pauses, the opinion cites the library and is numbered', async () => {
    const s = await submit()
    assert.equal(s.status, 'reviewing')
    assert.equal(s.reviewer_name, '马涧司法所')
    assert.equal(s.submitted_on, beijingToday())
    assert.equal(s.days_left, 5)
    assert.deepEqual(s.can, { review: false, supply: false, adopt: false, withdraw: true })
    assert.equal(s.files.length, 1)
    assert.equal((await sifa.get(`/api/v1/legality/submissions/${s.id}`)).body.can.review, true)
    const todo = async (client, code) => (await client.get('/api/v1/todo')).body.items.find((i) => i.code === code)?.count ?? 0
    assert.ok(await todo(sifa, 'legality.review') >= 1, 'the 司法所 has it to review')
    const bureau = (await fazhi.get('/api/v1/legality/submissions?status=reviewing&page_size=100')).body.items
    assert.equal(await todo(fazhi, 'legality.review'), bureau.filter((i) => i.reviewer_name === '兰溪市司法局').length, 'the bureau counts its own only')

    // The bureau reviews the departments', not a township's.
    assertError(await fazhi.post(`/api/v1/legality/submissions/${s.id}/request-material`, { note: '补充' }), 403, 'not_reviewer', undefined, /马涧司法所/)
    assertError(await majian.post(`/api/v1/legality/submissions/${s.id}/request-material`, { note: '补充' }), 403, 'forbidden')
    assertError(await sifa.post(`/api/v1/legality/submissions/${s.id}/request-material`, { note: ' ' }), 400, 'validation_failed', 'note')

    let res = await sifa.post(`/api/v1/legality/submissions/${s.id}/request-material`, { note: '请补充征求意见情况' })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.status, 'material_requested')
    assert.equal(res.body.paused, true)
    assert.equal(res.body.days_left, null)
    assert.ok(await todo(majian, 'legality.supply') >= 1, 'the township has material to supply')
    assertError(await sifa.post(`/api/v1/legality/submissions/${s.id}/opinion`, { conclusion: 'lawful' }), 409, 'wrong_state')

    // Three days later (the clock stood still meanwhile) the material comes: the five days start again from then.
    await clockAt(Date.now() + 3 * DAY)
    const material = await upload(majian, '征求意见情况.pdf')
    res = await majian.post(`/api/v1/legality/submissions/${s.id}/supply`, { note: '已补充', file_ids: [material] })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.status, 'reviewing')
    assert.ok(res.body.due_on > s.due_on, `${res.body.due_on} after ${s.due_on}`)
    assert.deepEqual(res.body.files.map((f) => f.stage), ['draft', 'material'])
    assert.deepEqual(res.body.events.map((e) => e.kind), ['submitted', 'material_requested', 'material_supplied'])

    // Bad opinions write nothing.
    assertError(await sifa.post(`/api/v1/legality/submissions/${s.id}/opinion`, { conclusion: 'unlawful', points: [] }), 400, 'validation_failed', 'points', /理由/)
    assertError(await sifa.post(`/api/v1/legality/submissions/${s.id}/opinion`, { conclusion: 'maybe' }), 400, 'validation_failed', 'conclusion')
    assertError(await sifa.post(`/api/v1/legality/submissions/${s.id}/opinion`, {
      conclusion: 'lawful_with_changes', points: [{ text: '删除罚款', citations: ['《行政处罚法》第三条', '《民法典》第九千条'] }],
    }), 400, 'validation_failed', 'points[0].citations[1]', /民法典/)
    assertError(await sifa.post(`/api/v1/legality/submissions/${s.id}/opinion`, {
      conclusion: 'lawful_with_changes', points: [{ text: '  ', citations: [] }],
    }), 400, 'validation_failed', 'points[0].text')
    assert.equal((await sifa.get(`/api/v1/legality/submissions/${s.id}`)).body.status, 'reviewing')

    res = await sifa.post(`/api/v1/legality/submissions/${s.id}/opinion`, {
      conclusion: 'lawful_with_changes', summary: '其他无意见。',
      points: [
        { text: '第五条“收回补助并罚款”属于设定行政处罚，建议删除罚款内容。', citations: ['行政处罚法 第3条'] },
        { text: '补助发放未规定公示程序，建议补充。', citations: ['《民法典》第三条'] },
      ],
    })
    assert.equal(res.status, 200, res.text)
    const year = beijingToday(3 * DAY).slice(0, 4)
    assert.match(res.body.opinion_no, new RegExp(`^马涧司审〔${year}〕\\d+号$`))
    assert.equal(res.body.on_time, true)
    assert.equal(res.body.opinion.points[0].citations[0].label, '《行政处罚法》第三条')
    assert.match(res.body.opinion.points[0].citations[0].url, /^\/laws\/\d+\/articles\/3$/)
    assert.match(res.body.opinion.points[0].citations[0].text, /行政处罚的设定和实施/)
    assert.deepEqual(res.body.can, { review: false, supply: false, adopt: false, withdraw: false })
    const number = res.body.opinion_no
    assert.ok(await todo(majian, 'legality.adopt') >= 1, 'the township has the adoption to record')

    // After the opinion nothing changes.
    assertError(await sifa.post(`/api/v1/legality/submissions/${s.id}/opinion`, { conclusion: 'lawful' }), 409, 'wrong_state')
    assertError(await majian.post(`/api/v1/legality/submissions/${s.id}/withdraw`, { reason: '不出台了' }), 409, 'wrong_state')

    const docx = await download(majian, `/api/v1/legality/submissions/${s.id}/opinion.docx`)
    assert.equal(docx.status, 200)
    assert.equal(docx.bytes.subarray(0, 2).toString(), 'PK')
    const pdf = await download(majian, `/api/v1/legality/submissions/${s.id}/opinion.pdf`)
    assert.equal(pdf.status, 200)
    assert.equal(pdf.type, 'application/pdf')
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-')
    assert.match(pdf.bytes.toString('latin1'), /\/FontFile\d?/, 'the fonts are embedded')
    assertError(await police.get(`/api/v1/legality/submissions/${s.id}/opinion.pdf`), 404, 'not_found')

    // Adoption: on or after the issue day, not in the future.
    assertError(await majian.post(`/api/v1/legality/submissions/${s.id}/adoption`, { outcome: 'with_changes', adopted_on: '2019-01-01' }), 400, 'validation_failed', 'adopted_on')
    assertError(await majian.post(`/api/v1/legality/submissions/${s.id}/adoption`, { outcome: 'with_changes', adopted_on: '2099-01-01' }), 400, 'validation_failed', 'adopted_on')
    assertError(await sifa.post(`/api/v1/legality/submissions/${s.id}/adoption`, { outcome: 'with_changes', adopted_on: beijingToday(3 * DAY) }), 403, 'forbidden')
    res = await majian.post(`/api/v1/legality/submissions/${s.id}/adoption`, { outcome: 'with_changes', adopted_on: beijingToday(3 * DAY), note: '已删除罚款条款' })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.status, 'closed')
    assert.deepEqual(res.body.adoption, { outcome: 'with_changes', on: beijingToday(3 * DAY), note: '已删除罚款条款' })
    assertError(await majian.post(`/api/v1/legality/submissions/${s.id}/adoption`, { outcome: 'as_reviewed', adopted_on: beijingToday(3 * DAY) }), 409, 'wrong_state')

    // The register of the year holds it with dates as dates and the working days it took.
    const register = await download(sifa, `/api/v1/legality/register?year=${year}`)
    assert.equal(register.status, 200)
    const rows = readSheet(register.bytes)
    assert.deepEqual(values(rows)[0], ['序号', '送审单位', '文件名称', '类别', '送审日期', '审核期限', '出具意见日期', '审核用时（工作日）',
      '是否按期', '审核结论', '意见书文号', '采纳情况', '备注'])
    const row = rows.find((cells) => cells?.[10]?.value === number)
    assert.ok(row, 'the register has the opinion')
    assert.equal(row[0].type, 'number')
    assert.equal(row[4].type, 'number', '送审日期 is a date cell')
    assert.deepEqual([row[1].value, row[3].value, row[8].value, row[9].value, row[11].value], ['马涧镇人民政府', '重大行政决策', '是', '修改后合法', '修改后通过'])

    const audit = await server.audit('action=legality.issue')
    assert.ok(audit.some((e) => e.object_id === String(s.id)), 'the opinion is audited')
    await clockAt(null)
  })

  test('a review past its working days is overdue, and a withdrawn one leaves the count', async () => {
    const s = await submit({ title: '马涧镇农村公路养护管理办法', kind: 'normative' })
    await clockAt(Date.now() + 12 * DAY)
    let res = await sifa.get('/api/v1/legality/submissions?status=open&overdue=1&page_size=100')
    assert.equal(res.status, 200, res.text)
    const item = res.body.items.find((i) => i.id === s.id)
    assert.ok(item, 'listed as overdue')
    assert.equal(item.overdue, true)
    assert.ok(item.days_left < 0)
    res = await sifa.post(`/api/v1/legality/submissions/${s.id}/opinion`, { conclusion: 'lawful' })
    assert.equal(res.body.on_time, false)
    assert.equal(res.body.overdue, true)
    await clockAt(null)

    const other = await submit({ title: '马涧镇会议室租赁合同', kind: 'contract' })
    assertError(await majian.post(`/api/v1/legality/submissions/${other.id}/withdraw`, { reason: '' }), 400, 'validation_failed', 'reason')
    res = await majian.post(`/api/v1/legality/submissions/${other.id}/withdraw`, { reason: '合同不再签订' })
    assert.equal(res.body.status, 'withdrawn')
    const figures = await coord.get(`/api/v1/legality/figures?year=${beijingToday(12 * DAY).slice(0, 4)}`)
    const row = figures.body.rows.find((r) => r.name === '马涧司法所')
    assert.ok(row.reviews >= 2 && row.issued >= 2, JSON.stringify(row))
    assert.ok(row.on_time_rate < 1, 'the late one counts against the on-time rate')
  })

  test('bad submissions are refused and write nothing', async () => {
    const before = (await majian.get('/api/v1/legality/submissions?page_size=1')).body.total
    assertError(await majian.post('/api/v1/legality/submissions', { unit_id: government, kind: 'major_decision', title: '无附件', file_ids: [] }),
      400, 'validation_failed', 'file_ids')
    const file = await upload(majian)
    assertError(await majian.post('/api/v1/legality/submissions', { unit_id: government, kind: 'decree', title: 'x', file_ids: [file] }), 400, 'validation_failed', 'kind')
    assertError(await majian.post('/api/v1/legality/submissions', { unit_id: government, kind: 'village_rules', title: 'x', file_ids: [file] }), 400, 'validation_failed', 'kind')
    assertError(await majian.post('/api/v1/legality/submissions', { unit_id: government, kind: 'normative', title: 'x', requested_by: '0202-01-01', file_ids: [file] }),
      400, 'validation_failed', 'requested_by')
    const police_units = (await police.get('/api/v1/legality/units')).body.items
    assertError(await majian.post('/api/v1/legality/submissions', { unit_id: police_units[0].id, kind: 'normative', title: 'x', file_ids: [file] }),
      403, 'out_of_scope', 'unit_id')
    // Another user's upload is not yours to attach.
    assertError(await police.post('/api/v1/legality/submissions', { unit_id: police_units[0].id, kind: 'normative', title: 'x', file_ids: [file] }),
      400, 'validation_failed', 'file_ids[0]')
    assertError(await majian.request('POST', '/api/v1/legality/files?name=a.pdf', { body: Buffer.from('not a pdf'), type: 'application/pdf' }),
      400, 'validation_failed', 'file')
    assert.equal((await majian.get('/api/v1/legality/submissions?page_size=1')).body.total, before)
  })

  test('scope: other townships, other units and other roles do not see a township\'s reviews', async () => {
    const s = await submit({ title: '马涧镇文明乡风建设实施意见', kind: 'other' })
    const town = (await admin.get('/api/v1/regions')).body.items.find((r) => r.name === '游埠镇')
    const youbu = await createUser(admin, { roles: ['legal_reviewer'], region_id: town.id })
    const other = await server.login(youbu.username, youbu.password)
    assertError(await other.get(`/api/v1/legality/submissions/${s.id}`), 404, 'not_found')
    assertError(await other.post(`/api/v1/legality/submissions/${s.id}/opinion`, { conclusion: 'lawful' }), 404, 'not_found')
    assert.ok(!(await other.get('/api/v1/legality/submissions?page_size=100')).body.items.some((i) => i.id === s.id))
    assertError(await police.get(`/api/v1/legality/submissions/${s.id}`), 404, 'not_found')
    assertError(await mawu.get(`/api/v1/legality/submissions/${s.id}`), 404, 'not_found')
    const examinee = await server.login('wangfang', 'Pufa-Exam-2026')
    assertError(await examinee.get('/api/v1/legality/submissions'), 403, 'forbidden')
    assertError(await admin.get('/api/v1/legality/submissions'), 403, 'forbidden')
    // The city sees it; the bureau's reviewer reads it but does not review it.
    assert.equal((await coord.get(`/api/v1/legality/submissions/${s.id}`)).status, 200)
    assert.equal((await fazhi.get(`/api/v1/legality/submissions/${s.id}`)).body.can.review, false)
  })

  test('the bureau reviews a department\'s draft; numbers run per office and year', async () => {
    const [unit] = (await police.get('/api/v1/legality/units')).body.items
    assert.equal(unit.name, '市公安局')
    const file = await upload(police)
    let res = await police.post('/api/v1/legality/submissions', { unit_id: unit.id, kind: 'normative', title: '兰溪市公安局警务公开办法', file_ids: [file] })
    assert.equal(res.status, 201, res.text)
    assert.equal(res.body.reviewer_name, '兰溪市司法局')
    assertError(await sifa.post(`/api/v1/legality/submissions/${res.body.id}/opinion`, { conclusion: 'lawful' }), 404, 'not_found')
    const issued = await fazhi.post(`/api/v1/legality/submissions/${res.body.id}/opinion`, { conclusion: 'lawful' })
    assert.equal(issued.status, 200, issued.text)
    assert.match(issued.body.opinion_no, /^兰溪司审〔\d{4}〕1号$/)
  })
})

describe('村规民约', () => {
  test('the village edits its text, sends it, and the township finds it lawful', async () => {
    let list = await mawu.get('/api/v1/legality/village-rules')
    assert.equal(list.status, 200, list.text)
    assert.deepEqual(list.body.summary, { villages: 1, with_rules: 1, reviewed_lawful: 0 })
    const [rules] = list.body.items
    assert.equal(rules.village_name, '马坞村')
    assert.equal(rules.lawful, false)
    const region = rules.region_id
    assertError(await mawu.post('/api/v1/legality/village-rules', { region_id: region, title: '马坞村村规民约', text: '第一条', adopted_on: '2020-01-01' }), 409, 'conflict', 'region_id')

    const detail = (await mawu.get(`/api/v1/legality/village-rules/${rules.id}`)).body
    let res = await mawu.put(`/api/v1/legality/village-rules/${rules.id}`, { title: detail.title, text: detail.text + '\n第十条 本村规民约经村民会议修订。', adopted_on: '2020-06-01' })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.version, 2)
    assertError(await mawu.put(`/api/v1/legality/village-rules/${rules.id}`, { title: detail.title, text: detail.text, adopted_on: '2099-01-01' }), 400, 'validation_failed', 'adopted_on')

    res = await mawu.post(`/api/v1/legality/village-rules/${rules.id}/submit`, { summary: '经村民会议讨论通过' })
    assert.equal(res.status, 201, res.text)
    assert.equal(res.body.kind, 'village_rules')
    assert.equal(res.body.unit_name, '马坞村村民委员会')
    assert.equal(res.body.reviewer_name, '马涧司法所')
    const submission = res.body.id
    assertError(await mawu.post(`/api/v1/legality/village-rules/${rules.id}/submit`, {}), 409, 'wrong_state')
    assertError(await mawu.put(`/api/v1/legality/village-rules/${rules.id}`, { title: detail.title, text: '改了', adopted_on: '2020-06-01' }), 409, 'wrong_state')

    res = await sifa.post(`/api/v1/legality/submissions/${submission}/opinion`, { conclusion: 'lawful' })
    assert.equal(res.status, 200, res.text)
    list = await mawu.get('/api/v1/legality/village-rules')
    assert.equal(list.body.items[0].lawful, true)
    assert.equal(list.body.summary.reviewed_lawful, 1)

    // A changed text is no longer the one found lawful.
    res = await mawu.put(`/api/v1/legality/village-rules/${rules.id}`, { title: detail.title, text: detail.text + '\n第十一条 新增。', adopted_on: '2020-06-01' })
    assert.equal(res.body.lawful, false)
    assert.equal(res.body.reviews.length, 1)
  })

  test('the city reads every village with its review; filters by review', async () => {
    const all = await coord.get('/api/v1/legality/village-rules?page_size=5')
    assert.equal(all.body.summary.villages, 350)
    assert.equal(all.body.summary.with_rules, 350)
    assert.ok(all.body.summary.reviewed_lawful > 200)
    const none = await coord.get('/api/v1/legality/village-rules?review=none&page_size=100')
    assert.ok(none.body.items.every((r) => r.review === null))
    const unlawful = await coord.get('/api/v1/legality/village-rules?review=unlawful&page_size=100')
    assert.ok(unlawful.body.items.length >= 1)
    assert.ok(unlawful.body.items.every((r) => !r.lawful && r.review.conclusion === 'unlawful'))
    assertError(await coord.get('/api/v1/legality/village-rules?review=maybe'), 400, 'validation_failed', 'review')
    assertError(await mawu.post('/api/v1/legality/village-rules', { region_id: 1, title: 'x', text: 'x', adopted_on: '2020-01-01' }), 400, 'validation_failed', 'region_id')
  })
})

describe('行政复议 and 行政诉讼', () => {
  test('cases are checked, the applicant is masked, the rates follow the outcomes', async () => {
    const [unit] = (await police.get('/api/v1/legality/units')).body.items
    const base = { kind: 'litigation', case_no: '（2026）浙0781行初999号', unit_id: unit.id, cause: '不服行政处罚决定', applicant: '王建国',
      filed_on: '2026-03-02', closed_on: '2026-06-30', outcome: 'revoked', head_appeared: true }
    assertError(await police.post('/api/v1/legality/cases', base), 403, 'forbidden')
    assertError(await coord.post('/api/v1/legality/cases', { ...base, closed_on: null }), 400, 'validation_failed', 'closed_on')
    assertError(await coord.post('/api/v1/legality/cases', { ...base, closed_on: '2026-01-01' }), 400, 'validation_failed', 'closed_on')
    assertError(await coord.post('/api/v1/legality/cases', { ...base, kind: 'reconsideration', outcome: 'revoked' }), 400, 'validation_failed', 'head_appeared')
    assertError(await coord.post('/api/v1/legality/cases', { ...base, outcome: 'terminated' }), 400, 'validation_failed', 'outcome')
    assertError(await coord.post('/api/v1/legality/cases', { ...base, unit_id: 999999 }), 400, 'validation_failed', 'unit_id')
    let res = await coord.post('/api/v1/legality/cases', base)
    assert.equal(res.status, 201, res.text)
    assert.equal(res.body.applicant, '王*国')
    assertError(await coord.post('/api/v1/legality/cases', base), 409, 'conflict', 'case_no')
    const id = res.body.id
    res = await coord.post('/api/v1/legality/cases', { ...base, case_no: '（2026）浙0781行初1000号', outcome: 'upheld', head_appeared: false })
    assert.equal(res.status, 201, res.text)
    res = await coord.post('/api/v1/legality/cases', { ...base, case_no: '（2026）浙0781行初1001号', closed_on: null, outcome: null, head_appeared: false })
    assert.equal(res.status, 201, res.text)

    const figures = await coord.get('/api/v1/legality/case-figures?year=2026')
    const row = figures.body.rows.find((r) => r.unit_id === unit.id)
    assert.deepEqual([row.lawsuits, row.lawsuits_closed, row.lost, row.loss_rate, row.hearings, row.head_appeared],
      [3, 2, 1, 0.5, 3, 1])
    assert.ok(Math.abs(row.appearance_rate - 1 / 3) < 1e-9)

    // An edit without the applicant keeps it.
    res = await coord.put(`/api/v1/legality/cases/${id}`, { ...base, applicant: undefined, outcome: 'upheld' })
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.applicant, '王*国')
    const police_cases = await police.get('/api/v1/legality/cases?year=2026')
    assert.ok(police_cases.body.items.every((c) => c.unit_id === unit.id))
    const demo = await coord.get('/api/v1/legality/case-figures?year=2020')
    assert.ok(demo.body.total.reconsiderations >= 10 && demo.body.total.lawsuits >= 5, JSON.stringify(demo.body.total))

    // The assessment scores a measured leaf on the same register: 1 of 3 lawsuits with the head in court.
    const set = await coord.post('/api/v1/assess/sets', {
      name: '出庭应诉测试', edition: '测试', category: 'department', bonus_cap: 0,
      items: [{ kind: 'group', title: '依法行政', children: [
        { title: '行政机关负责人出庭应诉', standard: '达到80%，每低1个百分点扣0.1分', points: 5, method: 'auto', evidence: '应诉台账',
          measure: { source: 'head_appearance_rate' } },
      ] }],
    })
    assert.equal(set.status, 201, set.text)
    assert.equal((await coord.post(`/api/v1/assess/sets/${set.body.id}/activate`)).status, 200)
    const round = await coord.post('/api/v1/assess/rounds', { year: 2026, title: '出庭应诉测试', period_from: '2026-01-01', period_to: '2026-12-31',
      phases: [{ phase: 'self_assess', starts_on: '2026-07-01', ends_on: '2026-07-31' }], units: [{ unit_id: unit.id, set_id: set.body.id }] })
    assert.equal(round.status, 201, round.text)
    const sheet = await coord.get(`/api/v1/assess/rounds/${round.body.id}/units/${round.body.units[0].id}`)
    assert.equal(sheet.status, 200, sheet.text)
    const measured = sheet.body.leaves.find((l) => l.auto)
    assert.ok(Math.abs(measured.auto.found - 100 / 3) < 0.01, JSON.stringify(measured.auto))

    // The 述职述法 report drafts the year's 复议 and 诉讼 from the register.
    const report = await police.post('/api/v1/duty/reports', { unit_id: unit.id, year: 2026, kind: 'legal' })
    assert.equal(report.status, 201, report.text)
    assert.match(report.body.body, /全年被申请行政复议 0 件，被纠错 0 件；行政诉讼 3 件，败诉 0 件，行政机关负责人出庭应诉 1 件/)
  })
})

describe('figures and the calendar', () => {
  test('the demo\'s figures and the overview', async () => {
    const figures = await coord.get('/api/v1/legality/figures?year=2020')
    assert.equal(figures.status, 200, figures.text)
    assert.equal(figures.body.rows[0].name, '兰溪市司法局')
    assert.equal(figures.body.rows.length, 17)
    assert.ok(figures.body.total.unlawful > 0 && figures.body.total.with_changes > 0)
    assert.ok(figures.body.total.on_time_rate > 0.7 && figures.body.total.on_time_rate < 1)
    assert.ok(figures.body.rows.every((r) => r.issued === 0 || r.reviews > 0))
    const mine = await sifa.get('/api/v1/legality/figures?year=2020')
    assert.deepEqual(mine.body.rows.map((r) => r.name), ['马涧司法所'])
    const overview = await coord.get('/api/v1/stats/overview')
    assert.equal(typeof overview.body.legality_reviews, 'number')
    assert.ok(overview.body.legality_reviews > 0)
    assert.ok(overview.body.legality_on_time_rate > 0 && overview.body.legality_on_time_rate <= 1)
  })

  test('the holidays as data: known years, 调休 on weekends only, the administrator alone writes', async () => {
    let res = await coord.get('/api/v1/holidays?year=2020')
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.known, true)
    assert.ok(res.body.days.some((d) => d.day === '2020-10-01' && d.kind === 'holiday'))
    assert.ok(res.body.days.some((d) => d.day === '2020-09-27' && d.kind === 'workday'))
    assert.equal((await coord.get('/api/v1/holidays?year=2030')).body.known, false)
    assertError(await coord.put('/api/v1/holidays/2030-01-01', { kind: 'holiday', name: '元旦' }), 403, 'forbidden')
    assertError(await admin.put('/api/v1/holidays/2030-01-02', { kind: 'workday', name: '调休' }), 400, 'validation_failed', 'kind')
    res = await admin.put('/api/v1/holidays/2030-01-01', { kind: 'holiday', name: '元旦' })
    assert.equal(res.status, 200, res.text)
    assert.equal((await coord.get('/api/v1/holidays?year=2030')).body.known, true)
    assert.equal((await admin.delete('/api/v1/holidays/2030-01-01')).status, 204)
    assertError(await admin.delete('/api/v1/holidays/2030-01-01'), 404, 'not_found')
    assertError(await admin.put('/api/v1/holidays/2030-02-30', { kind: 'holiday', name: 'x' }), 404, 'not_found')
  })
})
