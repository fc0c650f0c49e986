// 以案释法 from enforcement (issue #14): 行政处罚决定 imported from the enforcement system's .xlsx or
// a GBK CSV, each becoming a draft 以案释法 case with the articles of its 处罚依据 linked; the
// unit's published cases answer its list's rule {"kind": "case"}. Runs on the demo (docs/duty.md).
import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, startServer } from './harness.mjs'
import { readSheet, values, workbook } from './xlsx.mjs'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const POLICE = { username: 'gongan', password: 'Pufa-Police-2026' } // 市公安局's liaison (bound to the unit)
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' } // 马涧镇's liaison (region scope)

// A made-up law of two articles (the product ships no law texts).
const TINY_LAW = `# 中华人民共和国治安管理处罚法

2012年10月26日 测试用文本

<!-- INFO END -->

## 第三章 违反治安管理的行为和处罚

第四十三条 测试条文：殴打他人的，或者故意伤害他人身体的，处五日以上十日以下拘留。

第四十九条 测试条文：盗窃、诈骗、哄抢、抢夺、敲诈勒索的，处五日以上十日以下拘留。
`

let server
let coord
let police
let majian
let units

const gbk = (text) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text })
const csvLine = (cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')
const HEADER = ['行政相对人名称', '行政相对人类别', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚内容', '处罚决定日期', '处罚机关']
const csv = (rows) => gbk([HEADER, ...rows].map(csvLine).join('\r\n') + '\r\n')
const importing = (client, body, query = '', type = 'text/csv') =>
  client.post(`/api/v1/duty/penalties/import${query}`, undefined, { body, type })

before(async () => {
  server = await startServer()
  ;[coord, police, majian] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(POLICE.username, POLICE.password),
    server.login(MAJIAN.username, MAJIAN.password),
  ])
  const list = await coord.get('/api/v1/units?page_size=100&type=department')
  units = Object.fromEntries(list.body.items.map((u) => [u.name, u.id]))
  const dir = await mkdtemp(join(tmpdir(), 'pufa-penalty-laws-'))
  try {
    await mkdir(join(dir, '行政法'))
    await writeFile(join(dir, '行政法', '治安管理处罚法(2012-10-26).md'), TINY_LAW)
    const res = await new Promise((resolve) => execFile(process.env.PUFA_BIN, ['import', 'laws', dir, '--db', server.dbUrl],
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr })))
    assert.equal(res.code, 0, res.stdout + res.stderr)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

after(async () => {
  await server?.stop()
})

describe('the demo', () => {
  test('50+ decisions of the enforcing departments, people masked, each with its case', async () => {
    const res = await coord.get('/api/v1/duty/penalties?page_size=100')
    assert.equal(res.status, 200, res.text)
    assert.ok(res.body.total >= 50, `total ${res.body.total}`)
    const people = res.body.items.filter((p) => p.party_kind === 'person')
    assert.ok(people.length > 10)
    for (const p of people) assert.match(p.party, /^\p{Script=Han}\*+\p{Script=Han}?$/u, p.party)
    assert.ok(res.body.items.every((p) => p.case_id && ['draft', 'published'].includes(p.case_status)))
    // Decisions citing the law the library now holds link its articles; the 道路运输条例 stays unlinked.
    const fight = res.body.items.find((p) => p.offence === '殴打他人')
    assert.deepEqual(fight.cited.map((c) => [c.article, c.found, c.url !== null]), [['第四十三条', true, true]])
    const transport = res.body.items.find((p) => p.unit_name === '市交通运输局')
    assert.equal(transport.cited[0].law_id, null)
    // A bound liaison sees its unit's only; a township liaison none of the city departments'.
    const own = await police.get('/api/v1/duty/penalties?page_size=100')
    assert.ok(own.body.total > 0 && own.body.items.every((p) => p.unit_name === '市公安局'))
    assert.equal((await majian.get('/api/v1/duty/penalties')).body.total, 0)
    assertError(await server.client().get('/api/v1/duty/penalties'), 401, 'unauthenticated')
  })

  test('a person is revealed only with pii.read, and audited', async () => {
    const list = await coord.get('/api/v1/duty/penalties?page_size=100')
    const person = list.body.items.find((p) => p.party_kind === 'person' && p.unit_name === '市公安局')
    const masked = await police.get(`/api/v1/duty/penalties/${person.id}`)
    assert.equal(masked.status, 200, masked.text)
    assert.equal(masked.body.party, person.party)
    assertError(await police.get(`/api/v1/duty/penalties/${person.id}?reveal=1`), 403, 'forbidden')
    const revealed = await coord.get(`/api/v1/duty/penalties/${person.id}?reveal=1`)
    assert.equal(revealed.status, 200, revealed.text)
    assert.equal(revealed.body.party_revealed, true)
    assert.doesNotMatch(revealed.body.party, /\*/)
    // The facts name the person as the list does, unless revealed.
    assert.ok(!masked.body.facts.includes(revealed.body.party), masked.body.facts)
    assert.ok(revealed.body.facts.includes(revealed.body.party), revealed.body.facts)
    const audit = await (await server.auditor()).get('/api/v1/audit?action=duty.penalty.reveal')
    assert.equal(audit.body.items[0].object_id, String(person.id))
    // Another unit's decision is out of the bound liaison's scope.
    const market = list.body.items.find((p) => p.unit_name === '市市场监管局')
    assertError(await police.get(`/api/v1/duty/penalties/${market.id}`), 403, 'out_of_scope')
  })
})

describe('importing decisions', () => {
  const rows = [
    ['赵大海', '自然人', '330781199001011232', '兰公（治）行罚决字〔2026〕901号', '殴打他人',
      '2026年3月5日，违法行为人赵大海（身份证号330781199001011232，电话13812345678）在兰江街道殴打他人。',
      '依据《中华人民共和国治安管理处罚法》第四十三条第一款、第九十九条和《浙江省公共场所治安管理规定》第五条之规定',
      '行政拘留五日', '2026/3/8', ''],
    ['兰溪市测试商行', '法人及非法人组织', '', '兰公（治）行罚决字〔2026〕902号', '盗窃', '经查，当事人盗窃他人财物。',
      '《治安管理处罚法》第四十九条', '罚款500元', '2026年3月9日', ''],
  ]

  test('a bound liaison imports a GBK CSV: cases drafted, people named 赵某, unknown laws reported by row', async () => {
    const res = await importing(police, csv(rows))
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.imported, 2)
    assert.deepEqual(res.body.unknown_laws, [{ law: '浙江省公共场所治安管理规定', article: null, rows: [2] }])
    assert.deepEqual(res.body.unknown_articles, [{ law: '中华人民共和国治安管理处罚法', article: '第九十九条', rows: [2] }])
    const list = await police.get(`/api/v1/duty/penalties?q=${encodeURIComponent('〔2026〕901')}`)
    assert.equal(list.body.total, 1)
    const [p] = list.body.items
    assert.equal(p.party, '赵*海')
    assert.equal(p.unit_name, '市公安局')
    assert.equal(p.decided_on, '2026-03-08')
    assert.equal(p.case_status, 'draft')
    assert.deepEqual(p.cited.map((c) => [c.law, c.article, c.found]), [
      ['中华人民共和国治安管理处罚法', '第四十三条', true],
      ['中华人民共和国治安管理处罚法', '第九十九条', false],
      ['浙江省公共场所治安管理规定', '第五条', false],
    ])
    // The draft case: 赵某, the ID and phone masked, the known article linked.
    const article = await police.get(`/api/v1/articles/${p.case_id}`)
    assert.equal(article.status, 200, article.text)
    assert.equal(article.body.column.code ?? article.body.column, 'cases')
    assert.equal(article.body.status, 'draft')
    assert.match(article.body.title, /^市公安局查处赵某殴打他人案$/)
    assert.doesNotMatch(JSON.stringify(article.body), /赵大海|330781199001011232|13812345678/)
    assert.match(article.body.case.facts, /330781\*{8}1232/)
    assert.deepEqual(article.body.case.cited.map((c) => c.number), ['第四十三条'])
    // The organisation keeps its name. Importing the file again skips both.
    const shop = (await police.get(`/api/v1/duty/penalties?q=${encodeURIComponent('902号')}`)).body.items[0]
    assert.equal(shop.party, '兰溪市测试商行')
    const again = await importing(police, csv(rows))
    assert.equal(again.body.imported, 0)
    assert.deepEqual(again.body.skipped.map((s) => s.row), [2, 3])
  })

  test('bad rows refuse the whole file, by row, and write nothing', async () => {
    const before = (await coord.get('/api/v1/duty/penalties')).body.total
    const bad = csv([
      ['钱一', '自然人', '', '兰公〔2026〕910号', '殴打他人', '事实', '《治安管理处罚法》第四十三条', '拘留', '2026-03-01', ''],
      ['钱二', '自然人', '', '兰公〔2026〕911号', '殴打他人', '事实', '按照有关规定从重处罚', '拘留', '2026-03-01', ''],
      ['钱三', '自然人', '', '兰公〔2026〕912号', '殴打他人', '', '《治安管理处罚法》第四十三条', '拘留', '下周一', ''],
    ])
    const res = await importing(police, bad)
    assertError(res, 422, 'import_failed', undefined, /未写入任何数据/)
    assert.deepEqual(res.body.error.rows.map((r) => [r.row, r.field]), [[3, 'basis'], [4, 'decided_on'], [4, 'facts']])
    assert.match(res.body.error.rows[0].message, /《法律名称》第X条/)
    assert.equal((await coord.get('/api/v1/duty/penalties')).body.total, before)
    // Not a spreadsheet, an .xls, no header.
    assertError(await importing(police, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '', 'application/vnd.ms-excel'),
      400, 'validation_failed', 'file', /另存为/)
    assertError(await importing(police, gbk('名称,备注\r\n甲,乙\r\n')), 400, 'validation_failed', 'file', /表头/)
  })

  test('the coordinator imports an .xlsx naming each 处罚机关; an unknown one is refused by row', async () => {
    const sheet = (enforcer, no) => workbook([{ name: '行政处罚', rows: [
      ['决定书文号', '当事人', '违法事实', '处罚依据', '处罚内容', '决定日期', '执法机关'],
      [`兰市监处罚〔2026〕${no}号`, '兰溪市某某食品店', '销售过期食品', '《中华人民共和国治安管理处罚法》第四十九条', '罚款', '2026-04-01', enforcer],
    ] }])
    const unknown = await importing(coord, sheet('兰溪市不存在局', 1), '', XLSX)
    assertError(unknown, 422, 'import_failed')
    assert.deepEqual(unknown.body.error.rows.map((r) => [r.row, r.field]), [[2, 'enforcer']])
    const res = await importing(coord, sheet('兰溪市市场监管局', 2), '', XLSX)
    assert.equal(res.status, 200, res.text)
    const [p] = (await coord.get(`/api/v1/duty/penalties?q=${encodeURIComponent('〔2026〕2号')}`)).body.items
    assert.equal(p.unit_name, '市市场监管局')
    assert.equal(p.enforcer, '兰溪市市场监管局')
    // A liaison cannot import for another unit; the template has the publicity columns.
    assertError(await importing(majian, sheet('', 3), `?unit_id=${units['市公安局']}`, XLSX), 403, 'out_of_scope')
    const template = await fetch(`${server.url}/api/v1/duty/penalties/template`, { headers: { Cookie: police.cookie } })
    assert.equal(template.status, 200)
    assert.deepEqual(values(readSheet(Buffer.from(await template.arrayBuffer())))[0].slice(0, 3), ['行政处罚决定书文号*', '行政相对人名称*', '行政相对人类别'])
  })
})

describe('the rule "以案释法 ≥ N"', () => {
  test('published cases from the unit\'s decisions complete its list item', async () => {
    const year = Number(new Date().toISOString().slice(0, 4))
    const made = await police.post('/api/v1/duty/lists', { unit_id: units['市公安局'], year, items: [
      { content: '结合执法办案开展以案释法', standard: '全年发布以案释法案例不少于 1 篇', rule: { kind: 'case', min: 1 } },
    ] })
    assert.equal(made.status, 201, made.text)
    assert.deepEqual(made.body.items[0].rule, { kind: 'case', min: 1, period: 'year' })
    assert.equal((await police.post(`/api/v1/duty/lists/${made.body.id}/submit`)).status, 200)
    assert.equal((await coord.post(`/api/v1/duty/lists/${made.body.id}/approve`)).status, 200)
    const task = async () => (await police.get(`/api/v1/duty/tasks?year=${year}`)).body.items.find((t) => t.rule.kind === 'case')
    const open = await task()
    assert.equal(open.state, 'open')
    assert.equal(open.progress.count, 0)
    // The liaison submits the case drafted from 901号, the coordinator publishes it.
    const [p] = (await police.get(`/api/v1/duty/penalties?q=${encodeURIComponent('〔2026〕901')}`)).body.items
    assert.equal((await police.post(`/api/v1/articles/${p.case_id}/submit`)).status, 200)
    assert.equal((await coord.post(`/api/v1/articles/${p.case_id}/publish`)).status, 200)
    const done = await task()
    assert.equal(done.state, 'done')
    assert.equal(done.progress.count, 1)
    const one = await police.get(`/api/v1/duty/tasks/${done.id}`)
    assert.equal(one.body.state, 'done')
    assert.deepEqual(one.body.progress.records.map((r) => [r.kind, r.id]), [['case', p.case_id]])
    assert.equal((await police.get(`/api/v1/duty/penalties/${p.id}`)).body.case_status, 'published')
    // A rule naming another kind is refused.
    assertError(await police.put(`/api/v1/duty/lists/${made.body.id}`, { reason: '调整', items: [
      { content: 'x', standard: 'y', rule: { kind: 'cases', min: 1 } }] }), 400, 'validation_failed', 'items[0].rule.kind')
  })

  test('a list of a year carries the laws the library holds of that year (新颁法律法规)', async () => {
    const made = await coord.post('/api/v1/duty/lists', { unit_id: units['市公安局'], year: 2012, items: [] })
    assert.equal(made.status, 201, made.text)
    assert.deepEqual(made.body.annex.new_laws.map((l) => [l.title, l.version_date, l.amended]),
      [['中华人民共和国治安管理处罚法', '2012-10-26', false]])
    const other = await coord.post('/api/v1/duty/lists', { unit_id: units['市公安局'], year: 2013, items: [] })
    assert.deepEqual(other.body.annex.new_laws, [])
  })

  test('the demo\'s enforcing departments are judged from their published cases', async () => {
    const tasks = await coord.get(`/api/v1/duty/tasks?year=2020&unit_id=${units['市市场监管局']}`)
    const item = tasks.body.items.find((t) => t.rule.kind === 'case')
    assert.ok(item, 'the 2020 list has a 以案释法 item')
    assert.equal(item.progress.required, 8)
    assert.ok(item.progress.count > 0)
  })
})
