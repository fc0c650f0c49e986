// 考核与总结验收 (issue #15): indicator sets as data with standards that parse, scores from the
// records, a round's self-assessment with evidence, inspection groups scoring their own units,
// rectifications, the lock that freezes everything, Excel and Word files. Runs on the demo
// (docs/assess.md).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, createUser, startServer } from './harness.mjs'
import { makePng } from './images.mjs'
import { readSheet, values, workbook } from './xlsx.mjs'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }
const POLICE = { username: 'gongan', password: 'Pufa-Police-2026' }
const INSPECTOR = { username: 'jiancha', password: 'Pufa-Inspect-2026' }

let server
let coord
let majian
let police
let jiancha
let units

before(async () => {
  server = await startServer()
  ;[coord, majian, police, jiancha] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(MAJIAN.username, MAJIAN.password),
    server.login(POLICE.username, POLICE.password),
    server.login(INSPECTOR.username, INSPECTOR.password),
  ])
  const list = await coord.get('/api/v1/units?page_size=100&type=department')
  units = Object.fromEntries(list.body.items.map((u) => [u.name, u.id]))
})

after(async () => {
  await server?.stop()
})

// A to-do count of the caller (GET /api/v1/todo), 0 when the centre lists none of that code.
const todoCount = async (client, code) => {
  const res = await client.get('/api/v1/todo')
  assert.equal(res.status, 200, res.text)
  return res.body.items.find((i) => i.code === code)?.count ?? 0
}

const leavesOf = (items) => items.flatMap((i) => (i.kind === 'group' ? leavesOf(i.children) : [i]))
const sheetOf = async (client, round, ru) => {
  const res = await client.get(`/api/v1/assess/rounds/${round}/units/${ru}`)
  assert.equal(res.status, 200, res.text)
  return res.body
}

describe('the demo', () => {
  test('the 七五 and 八五 sheets are active, 100 points each, with bonus and veto items', async () => {
    const res = await coord.get('/api/v1/assess/sets')
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.items.length, 4)
    for (const head of res.body.items) {
      assert.equal(head.status, 'active')
      assert.equal(head.total, 100)
      assert.equal(head.bonus_cap, 5)
      const set = (await coord.get(`/api/v1/assess/sets/${head.id}`)).body
      const leaves = leavesOf(set.items)
      assert.ok(leaves.length >= 25 && leaves.length <= 35, `${set.name}: ${leaves.length}`)
      assert.ok(leaves.some((l) => l.kind === 'bonus'))
      assert.ok(leaves.some((l) => l.kind === 'veto'))
      assert.ok(leaves.filter((l) => l.measure).length >= 8)
      const sum = leaves.filter((l) => l.kind === 'normal').reduce((a, l) => a + l.points, 0)
      assert.equal(sum, 100)
    }
  })

  test('the 2020 acceptance: 4 groups led by city leaders visited 4 townships and 12 departments, ranked and frozen', async () => {
    const overview = await coord.get('/api/v1/stats/overview')
    assert.equal(overview.status, 200, overview.text)
    assert.equal(overview.body.inspection_groups, 4)
    assert.equal(overview.body.inspected_townships, 4)
    assert.equal(overview.body.inspected_departments, 12)
    assert.equal(overview.body.inspection_year, 2020)
    const rounds = (await coord.get('/api/v1/assess/rounds')).body.items
    const summary = rounds.find((r) => r.year === 2020)
    assert.equal(summary.status, 'published')
    assert.equal(summary.units, 36)
    const round = (await coord.get(`/api/v1/assess/rounds/${summary.id}`)).body
    assert.equal(round.groups.length, 4)
    for (const g of round.groups) {
      assert.match(g.leader_name, /^市/)
      assert.equal(g.round_unit_ids.length, 4)
    }
    assert.equal(round.results.length, 36)
    for (const category of ['township', 'department']) {
      const ranked = round.results.filter((r) => r.category === category)
      for (let i = 1; i < ranked.length; ++i) assert.ok(ranked[i - 1].totals.final >= ranked[i].totals.final)
      assert.equal(ranked[0].rank, 1)
    }
    for (const r of round.results) {
      const f = r.totals.final
      const expected = f >= 90 ? 'excellent' : f >= 80 ? 'good' : f >= 60 ? 'pass' : 'fail'
      assert.equal(r.totals.grade, expected, `${r.unit_name} ${f}`)
    }
    // A measured leaf shows what the ledger found, and the records behind it.
    const majianUnit = round.units.find((u) => u.unit_name === '马涧镇人民政府')
    const sheet = await sheetOf(coord, round.id, majianUnit.id)
    const civil = sheet.leaves.find((l) => l.auto && sheet.set && l.code === '2.2.2')
    assert.ok(civil.auto.found >= 1)
    assert.equal(civil.auto.records.length, Math.min(civil.auto.found, 50))
    assert.match(civil.auto.words, /不少于 3：找到 \d+/)
    for (const r of civil.auto.records) assert.equal(r.kind, 'activity')
    // Frozen: the results are the round's, published for everyone.
    const pub = await server.client().get(`/api/v1/public/assess/rounds/${round.id}`)
    assert.equal(pub.status, 200, pub.text)
    assert.equal(pub.body.results.length, 36)
    assert.equal(pub.body.groups, undefined)
  })

  test('a liaison sees its units only; other roles get 403', async () => {
    const rounds = (await majian.get('/api/v1/assess/rounds')).body.items
    assert.ok(rounds.length >= 1)
    const current = rounds.find((r) => r.status === 'self_assess')
    const round = (await majian.get(`/api/v1/assess/rounds/${current.id}`)).body
    assert.deepEqual(round.units.map((u) => u.unit_name).sort(), ['马涧镇人民政府'])
    const wangfang = await server.login('wangfang', 'Pufa-Exam-2026')
    assertError(await wangfang.get('/api/v1/assess/rounds'), 403, 'forbidden')
    assertError(await jiancha.post('/api/v1/assess/sets', { name: 'x', category: 'township', items: [] }), 403, 'forbidden')
  })
})

// A small sheet: a measured leaf, a manual leaf, a bonus and a veto.
const sheetBody = (name = '测试评分表') => ({
  name,
  edition: '测试',
  category: 'township',
  bonus_cap: 2,
  items: [
    {
      kind: 'group',
      title: '工作落实',
      children: [
        { title: '民法典学习宣传', standard: '不少于三次，每少一次扣1分，累计扣分不超过该项分值', points: 4, method: 'auto',
          evidence: '活动台账', measure: { source: 'activity', theme: '民法典' } },
        { title: '组织领导', standard: '根据情况酌情扣分', points: 10, method: 'ledger', evidence: '会议纪要' },
        { title: '参考率', standard: '达到95%，每低1个百分点扣0.5分', points: 6, method: 'report', evidence: '' },
      ],
    },
    { kind: 'group', title: '加分项', children: [{ kind: 'bonus', title: '获表彰', standard: '每获一次加1分，最高加2分', points: 2, method: 'ledger' }] },
    { kind: 'group', title: '一票否决', children: [{ kind: 'veto', title: '重大事件', standard: '', method: 'report' }] },
  ],
})

describe('indicator sets', () => {
  test('standards that do not parse, depth, points and measures are refused, naming the field', async () => {
    const bad = sheetBody()
    bad.items[0].children[1].standard = '每季度检查，发现问题扣分'
    assertError(await coord.post('/api/v1/assess/sets', bad), 422, 'rule_invalid', 'items[0].children[1].standard')
    const rate = sheetBody()
    rate.items[0].children[0].measure = { source: 'exam_pass_rate' }
    assertError(await coord.post('/api/v1/assess/sets', rate), 422, 'rule_invalid', 'items[0].children[0].standard')
    const theme = sheetBody()
    theme.items[0].children[0].measure = { source: 'activity', theme: '没有这个主题' }
    assertError(await coord.post('/api/v1/assess/sets', theme), 422, 'unprocessable', 'items[0].children[0].measure.theme')
    const points = sheetBody()
    points.items[0].children[1].points = 0
    assertError(await coord.post('/api/v1/assess/sets', points), 400, 'validation_failed', 'items[0].children[1].points')
    const flat = sheetBody()
    flat.items.push({ title: '顶层评分项', points: 1, standard: '' })
    assertError(await coord.post('/api/v1/assess/sets', flat), 400, 'validation_failed', 'items[3].kind')
    const deep = sheetBody()
    deep.items[0].children = [{ kind: 'group', title: 'a', children: [{ kind: 'group', title: 'b', children: [{ title: 'c', points: 1 }] }] }]
    assertError(await coord.post('/api/v1/assess/sets', deep), 400, 'validation_failed', 'items[0].children[0].children[0].children')
    assert.equal((await coord.get('/api/v1/assess/sets')).body.items.length >= 4, true)
  })

  test('a set parses its standards, is activated, frozen, and versioned', async () => {
    const res = await coord.post('/api/v1/assess/sets', sheetBody('版本测试'))
    assert.equal(res.status, 201, res.text)
    const set = res.body
    assert.equal(set.status, 'draft')
    assert.equal(set.total, 20)
    const [measured, manual, rate] = set.items[0].children
    assert.deepEqual(measured.rule, { form: 'count', required: 3, per_year: false, step: 1, cap: null })
    assert.equal(measured.method, 'auto')
    assert.equal(manual.rule.form, 'manual')
    assert.equal(rate.rule.form, 'rate')
    assert.equal(rate.rule.required, 95)
    assert.equal(set.items[1].children[0].rule.form, 'bonus')
    assert.equal(set.items[2].children[0].points, 0)
    const body = sheetBody('版本测试')
    body.items[0].children[1].points = 12
    const edited = await coord.put(`/api/v1/assess/sets/${set.id}`, body)
    assert.equal(edited.status, 200, edited.text)
    assert.equal(edited.body.total, 22)
    assert.equal((await coord.post(`/api/v1/assess/sets/${set.id}/activate`)).status, 200)
    assertError(await coord.put(`/api/v1/assess/sets/${set.id}`, body), 409, 'set_in_use')
    const next = await coord.post(`/api/v1/assess/sets/${set.id}/versions`)
    assert.equal(next.status, 201, next.text)
    assert.equal(next.body.version, 2)
    assert.equal(next.body.code, set.code)
    assert.equal(next.body.status, 'draft')
    assert.equal(next.body.total, 22)
  })

  test('Excel: the layout in use imports all or nothing, and an export imports back the same', async () => {
    const header = ['序号', '项目(分)', '具体内容及评分标准', '考核依据', '标准分', '自评分', '检查组打分']
    const good = workbook([{ name: '评分表', rows: [
      ['兰溪市普法考核评分表'],
      header,
      ['一、', '组织领导（7分）', '', '', ''],
      ['1', '', '专题研究普法工作不少于3次，每少一次扣0.5分', '查阅台账：会议纪要', 4],
      ['2', '', '制定年度计划\n未制定的不得分', '查阅台账', 3],
      ['3', '依法治理（5分）', '村规民约修订，酌情扣分', '实地查看：村规民约文本', 5],
      ['一、', '加分项（3分）', '', '', ''],
      ['4', '', '获市级以上表彰，每次加1分，最高加3分', '查阅台账', 3],
      ['', '一票否决', '', '', ''],
      ['5', '', '发生重大群体性事件的', '听取汇报', ''],
    ] }])
    const imported = await coord.post('/api/v1/assess/sets/import?name=' + encodeURIComponent('导入的评分表') + '&category=township&edition=' + encodeURIComponent('八五'), undefined, { body: good, type: XLSX })
    assert.equal(imported.status, 201, imported.text)
    const set = imported.body
    assert.equal(set.total, 12)
    assert.equal(set.bonus_cap, 3)
    assert.deepEqual(set.items.map((i) => i.title), ['组织领导', '依法治理', '加分项', '一票否决'])
    const [first, second] = set.items[0].children
    assert.equal(first.rule.form, 'count')
    assert.equal(first.method, 'ledger')
    assert.equal(first.evidence, '会议纪要')
    assert.equal(second.title, '制定年度计划')
    assert.equal(second.rule.form, 'all_or_nothing')
    assert.equal(set.items[1].children[0].method, 'onsite')
    assert.equal(set.items[2].children[0].kind, 'bonus')
    assert.equal(set.items[3].children[0].kind, 'veto')

    // Every bad row is named; nothing is written.
    const before = (await coord.get('/api/v1/assess/sets')).body.items.length
    const bad = workbook([{ name: '评分表', rows: [
      header,
      ['一、', '组织领导（9分）', '', '', ''],
      ['1', '', '专题研究，每季度发现问题扣分', '查阅台账', 4],
      ['2', '', '制定年度计划', '查阅台账', '三分'],
      ['3', '', '', '查阅台账', 2],
    ] }])
    const failed = await coord.post('/api/v1/assess/sets/import?name=x&category=township', undefined, { body: bad, type: XLSX })
    const error = assertError(failed, 422, 'import_failed')
    const rows = failed.body.error.rows.map((r) => `${r.row}:${r.field}`)
    assert.ok(rows.includes('3:content'), rows.join(' '))
    assert.ok(rows.includes('4:points'), rows.join(' '))
    assert.ok(rows.includes('5:content'), rows.join(' '))
    assert.ok(error)
    assert.equal((await coord.get('/api/v1/assess/sets')).body.items.length, before)

    // The demo sheet exported, imported back: the same tree and points.
    const demo = (await coord.get('/api/v1/assess/sets')).body.items.find((s) => s.code === 'qiwu-township')
    const file = await fetch(`${coord.base}/api/v1/assess/sets/${demo.id}/xlsx`, { headers: { Cookie: coord.cookie } })
    assert.equal(file.status, 200)
    const bytes = Buffer.from(await file.arrayBuffer())
    const shown = values(readSheet(bytes))
    assert.deepEqual(shown[0], header)
    const again = await coord.post('/api/v1/assess/sets/import?name=round-trip&category=township', undefined, { body: bytes, type: XLSX })
    assert.equal(again.status, 201, again.text)
    const original = (await coord.get(`/api/v1/assess/sets/${demo.id}`)).body
    assert.equal(again.body.total, original.total)
    assert.equal(again.body.bonus_cap, original.bonus_cap)
    const strip = (items) => leavesOf(items).map((l) => [l.kind, l.points, l.rule.form, l.evidence])
    assert.deepEqual(strip(again.body.items), strip(original.items))
  })
})

describe('a round from self-assessment to the lock', () => {
  let set
  let round
  let mj // 马涧镇人民政府's round unit
  let zg // 诸葛镇人民政府's
  let member
  let leaf // the leaves by title

  test('set up: units on active sheets, groups of inspectors', async () => {
    set = (await coord.post('/api/v1/assess/sets', sheetBody('轮次测试'))).body
    const draftRound = { year: 2020, title: '测试考核', period_from: '2020-01-01', period_to: '2020-12-31',
      phases: [{ phase: 'self_assess', starts_on: '2020-07-01', ends_on: '2020-07-31' }],
      units: [{ unit_id: units['马涧镇人民政府'], set_id: set.id }] }
    assertError(await coord.post('/api/v1/assess/rounds', draftRound), 422, 'unprocessable', 'units[0].set_id')
    await coord.post(`/api/v1/assess/sets/${set.id}/activate`)
    assertError(await coord.post('/api/v1/assess/rounds', { ...draftRound, period_from: '2021-01-01' }), 400, 'validation_failed', 'period_from')
    assertError(await coord.post('/api/v1/assess/rounds', { ...draftRound, units: [...draftRound.units, ...draftRound.units] }), 400, 'validation_failed', 'units[1].unit_id')
    assertError(await majian.post('/api/v1/assess/rounds', draftRound), 403, 'forbidden')
    const created = await coord.post('/api/v1/assess/rounds', {
      ...draftRound, units: [{ unit_id: units['马涧镇人民政府'], set_id: set.id }, { unit_id: units['诸葛镇人民政府'], set_id: set.id }] })
    assert.equal(created.status, 201, created.text)
    round = created.body
    assert.equal(round.status, 'draft')
    mj = round.units.find((u) => u.unit_name === '马涧镇人民政府')
    zg = round.units.find((u) => u.unit_name === '诸葛镇人民政府')
    // A liaison does not see a draft.
    assertError(await majian.get(`/api/v1/assess/rounds/${round.id}`), 403, 'out_of_scope')

    const admin = await server.admin()
    member = await createUser(admin, { roles: ['inspector'], display_name: '检查组成员乙' })
    const inspectors = (await coord.get('/api/v1/assess/inspectors')).body.items.map((i) => i.username)
    assert.ok(inspectors.includes('jiancha') && inspectors.includes(member.user.username))
    const jianchaId = (await jiancha.get('/api/v1/auth/me')).body.user.id
    const notInspector = (await majian.get('/api/v1/auth/me')).body.user.id
    const groups = (extra = []) => ({ groups: [
      { name: '第一组', leader_name: '市人大常委会副主任 周某某', leader_user_id: jianchaId, member_ids: [jianchaId, ...extra], round_unit_ids: [mj.id] },
      { name: '第二组', leader_name: '副市长 陈某某', member_ids: [member.user.id], round_unit_ids: [zg.id] },
    ] })
    assertError(await coord.put(`/api/v1/assess/rounds/${round.id}/groups`, groups([notInspector])), 422, 'unprocessable', 'groups[0].member_ids')
    const both = groups()
    both.groups[1].round_unit_ids = [zg.id, mj.id]
    assertError(await coord.put(`/api/v1/assess/rounds/${round.id}/groups`, both), 400, 'validation_failed', 'groups[1].round_unit_ids')
    const placed = await coord.put(`/api/v1/assess/rounds/${round.id}/groups`, groups())
    assert.equal(placed.status, 200, placed.text)
    assert.equal(placed.body.groups.length, 2)
    assert.equal(placed.body.groups[0].member_names, '第一检查组组长')

    const advanced = await coord.post(`/api/v1/assess/rounds/${round.id}/advance`, { to: 'self_assess' })
    assert.equal(advanced.status, 200, advanced.text)
    assertError(await coord.post(`/api/v1/assess/rounds/${round.id}/advance`, { to: 'locked' }), 409, 'wrong_state')
    const sheet = await sheetOf(majian, round.id, mj.id)
    leaf = Object.fromEntries(sheet.leaves.map((l) => [leavesOf(sheet.set.items).find((i) => i.id === l.item_id).title, l]))
    assert.equal(sheet.can.self, true)
    assert.equal(sheet.can.inspect, false)
  })

  test('self-assessment: own evidence, scores within the leaf, measured leaves from the records', async () => {
    const path = (ru, item) => `/api/v1/assess/rounds/${round.id}/units/${ru}/self/${item}`
    const picks = await majian.get(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/candidates?kind=activity`)
    assert.equal(picks.status, 200, picks.text)
    assert.ok(picks.body.items.length > 0)
    // The picker offers the records of the round's period (2020) unless asked for any date.
    assert.ok(picks.body.items.every((r) => r.date >= '2020-01-01' && r.date <= '2020-12-31'), JSON.stringify(picks.body.items[0]))
    const anyDate = (await majian.get(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/candidates?kind=study_record&all=1`)).body.items
    const inPeriod = (await majian.get(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/candidates?kind=study_record`)).body.items
    assert.ok(inPeriod.every((r) => r.date.startsWith('2020')))
    assert.ok(anyDate.some((r) => !r.date.startsWith('2020')), 'older records are there when asked for')
    const own = picks.body.items[0]
    const other = (await coord.get(`/api/v1/assess/rounds/${round.id}/units/${zg.id}/candidates?kind=activity`)).body.items[0]
    const manual = leaf['组织领导']
    assertError(await majian.put(path(mj.id, manual.item_id), { score: 10.5 }), 422, 'score_out_of_range', 'score')
    assertError(await majian.put(path(mj.id, manual.item_id), { score: -1 }), 422, 'score_out_of_range', 'score')
    assertError(await majian.put(path(mj.id, leaf['民法典学习宣传'].item_id), { score: 4 }), 422, 'auto_scored', 'score')
    const foreign = (await coord.get('/api/v1/assess/sets')).body.items.find((s) => s.code === 'qiwu-township')
    const foreignLeaf = leavesOf((await coord.get(`/api/v1/assess/sets/${foreign.id}`)).body.items)[0]
    assertError(await majian.put(path(mj.id, foreignLeaf.id), { score: 1 }), 422, 'item_not_in_sheet', 'item_id')
    assertError(await majian.put(path(mj.id, manual.item_id), { score: 8, evidence: [{ kind: 'activity', id: other.id }] }), 422, 'evidence_not_own', 'evidence[0]')
    assertError(await majian.put(path(zg.id, manual.item_id), { score: 8 }), 403, 'out_of_scope')
    assertError(await police.put(path(mj.id, manual.item_id), { score: 8 }), 403, 'out_of_scope')
    assertError(await jiancha.put(path(mj.id, manual.item_id), { score: 8 }), 403, 'forbidden')
    let sheet = await sheetOf(majian, round.id, mj.id)
    assert.equal(sheet.leaves.find((l) => l.item_id === manual.item_id).self, null, 'nothing written by the refusals')

    const saved = await majian.put(path(mj.id, manual.item_id), { score: 8.5, note: '见会议纪要', evidence: [{ kind: 'activity', id: own.id }] })
    assert.equal(saved.status, 200, saved.text)
    const row = saved.body.leaves.find((l) => l.item_id === manual.item_id)
    assert.equal(row.self, 8.5)
    assert.equal(row.evidence[0].title, own.title)
    const veto = saved.body.leaves.find((l) => l.kind === 'veto')
    assertError(await majian.put(path(mj.id, veto.item_id), { score: 0.5 }), 422, 'score_out_of_range', 'score')
    // The measured leaf: what the ledger holds for 2020, scored by the standard.
    const measured = saved.body.leaves.find((l) => l.item_id === leaf['民法典学习宣传'].item_id)
    const expected = Math.max(0, 4 - Math.max(0, 3 - measured.auto.found))
    assert.equal(measured.auto.score, expected)
    assert.equal(measured.self, expected)
    // Gaps before the visit.
    const gaps = await majian.get(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/gaps`)
    assert.equal(gaps.status, 200, gaps.text)
    assert.ok(gaps.body.items.some((g) => g.title === '参考率' && g.reason === 'not_scored'))
    assert.ok(!gaps.body.items.some((g) => g.title === '组织领导'))

    assertError(await majian.post(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/submit`), 400, 'validation_failed', 'report')
    const report = await majian.put(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/report`, { report: '马涧镇自查报告：各项工作有序推进。', attachment_ids: [] })
    assert.equal(report.status, 200, report.text)
    const toSubmit = await todoCount(majian, 'assess.sheets.submit')
    assert.ok(toSubmit >= 1, 'the liaison has the sheet to hand in among its to-dos')
    const submitted = await majian.post(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/submit`)
    assert.equal(submitted.status, 200, submitted.text)
    assert.equal(await todoCount(majian, 'assess.sheets.submit'), toSubmit - 1)
    assert.equal(submitted.body.unit.status, 'submitted')
    assertError(await majian.put(path(mj.id, manual.item_id), { score: 9 }), 409, 'wrong_state')
    sheet = await sheetOf(coord, round.id, mj.id)
    assert.equal(sheet.unit.report, '马涧镇自查报告：各项工作有序推进。')
  })

  test('inspection: a group scores its own units only, on site, and its leader confirms', async () => {
    const path = (ru, item) => `/api/v1/assess/rounds/${round.id}/units/${ru}/inspection/${item}`
    const manual = leaf['组织领导']
    assertError(await jiancha.put(path(mj.id, manual.item_id), { score: 7 }), 409, 'wrong_state')
    assert.equal((await coord.post(`/api/v1/assess/rounds/${round.id}/advance`, { to: 'inspection' })).status, 200)
    assertError(await majian.put(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/self/${manual.item_id}`, { score: 9 }), 409, 'wrong_state')
    assertError(await jiancha.put(path(zg.id, manual.item_id), { score: 7 }), 403, 'not_in_group')
    assertError(await coord.put(path(mj.id, manual.item_id), { score: 7 }), 403, 'forbidden')
    assertError(await jiancha.put(path(mj.id, manual.item_id), { score: 11 }), 422, 'score_out_of_range', 'score')
    // Photos taken on site go up first and are kept with the leaf; a refused save keeps them.
    // Filed in the township's region, where its liaison reads it; a region outside the caller's scope is refused.
    const place = (await jiancha.get(`/api/v1/assess/rounds/${round.id}/units/${mj.id}`)).body.unit.region_id
    assert.ok(place > 1)
    const photo = await jiancha.post(`/api/v1/photos?region_id=${place}`, undefined, { body: makePng(40, 30), type: 'image/png' })
    assert.equal(photo.status, 201, photo.text)
    const thumb = await majian.get(`/api/v1/photos/${photo.body.photo.id}/thumb`)
    assert.equal(thumb.status, 200, thumb.text)
    assertError(await majian.post('/api/v1/photos?region_id=1', undefined, { body: makePng(8, 8), type: 'image/png' }), 403, 'out_of_scope')
    assertError(await jiancha.post('/api/v1/photos?region_id=999999', undefined, { body: makePng(8, 8), type: 'image/png' }), 400, 'validation_failed', 'region_id')
    const withPhoto = await jiancha.put(path(mj.id, manual.item_id), { score: 7, note: '现场查看宣传栏', photo_ids: [photo.body.photo.id] })
    assert.equal(withPhoto.status, 200, withPhoto.text)
    const shown = withPhoto.body.leaves.find((l) => l.item_id === manual.item_id).photos
    assert.deepEqual(shown.map((p) => p.id), [photo.body.photo.id])
    assert.ok(shown[0].thumb_url && shown[0].url)
    assertError(await jiancha.put(path(mj.id, manual.item_id), { score: 7, photo_ids: Array(10).fill(photo.body.photo.id) }), 400, 'validation_failed', 'photo_ids')
    assertError(await jiancha.put(path(mj.id, manual.item_id), { score: 7, photo_ids: [photo.body.photo.id + 100000] }), 422, 'unprocessable', 'photo_ids[0]')
    assert.deepEqual((await sheetOf(jiancha, round.id, mj.id)).leaves.find((l) => l.item_id === manual.item_id).photos.map((p) => p.id), [photo.body.photo.id])
    const mine = (await jiancha.get('/api/v1/assess/my-groups')).body.items.find((g) => g.round.id === round.id)
    assert.deepEqual(mine.round_unit_ids, [mj.id])
    assert.equal(mine.is_leader, true)
    const saved = await jiancha.put(path(mj.id, manual.item_id), { score: 7, note: '会议纪要缺一次' })
    assert.equal(saved.status, 200, saved.text)
    // The same save sent again (a phone's queue replayed) changes nothing.
    const again = await jiancha.put(path(mj.id, manual.item_id), { score: 7, note: '会议纪要缺一次' })
    assert.deepEqual(again.body.totals, saved.body.totals)
    // An inspection score may overrule the records'.
    const measured = leaf['民法典学习宣传']
    const overruled = await jiancha.put(path(mj.id, measured.item_id), { score: 1, note: '活动照片与台账不符' })
    assert.equal(overruled.body.leaves.find((l) => l.item_id === measured.item_id).final, 1)
    const row = overruled.body.leaves.find((l) => l.item_id === manual.item_id)
    assert.deepEqual([row.self, row.inspection, row.final], [8.5, 7, 7])
    assert.equal(overruled.body.totals.inspection !== null, true)

    const memberClient = await server.login(member.user.username, member.password)
    assertError(await memberClient.post(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/confirm`), 403, 'forbidden')
    const fix = await jiancha.post(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/fixes`, { item_id: manual.item_id, text: '补齐党委专题研究会议纪要', deadline: '2021-01-31' })
    assert.equal(fix.status, 201, fix.text)
    assertError(await memberClient.post(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/fixes`, { item_id: manual.item_id, text: 'x' }), 403, 'out_of_scope')
    const toScore = await todoCount(jiancha, 'assess.units.inspect')
    assert.ok(toScore >= 1, 'the inspector has its unit to score among its to-dos')
    assert.equal(await todoCount(coord, 'assess.units.inspect'), 0)
    const confirmed = await jiancha.post(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/confirm`)
    assert.equal(confirmed.status, 200, confirmed.text)
    assert.equal(await todoCount(jiancha, 'assess.units.inspect'), toScore - 1)
    assert.equal(confirmed.body.unit.status, 'confirmed')
    assertError(await jiancha.put(path(mj.id, manual.item_id), { score: 6 }), 409, 'wrong_state')
  })

  test('rectifications: the unit answers, the coordinator returns and accepts', async () => {
    const fixes = (await majian.get(`/api/v1/assess/rounds/${round.id}/fixes`)).body.items
    assert.equal(fixes.length, 1)
    const [fix] = fixes
    assert.equal(fix.unit_name, '马涧镇人民政府')
    assert.equal(fix.item_title, '组织领导')
    assertError(await coord.post(`/api/v1/assess/fixes/${fix.id}/accept`), 409, 'wrong_state')
    assertError(await police.post(`/api/v1/assess/fixes/${fix.id}/answer`, { answer: 'x' }), 403, 'out_of_scope')
    const [toAnswer, toDecide] = [await todoCount(majian, 'assess.fixes.answer'), await todoCount(coord, 'assess.fixes.decide')]
    assert.ok(toAnswer >= 1)
    const answered = await majian.post(`/api/v1/assess/fixes/${fix.id}/answer`, { answer: '已补齐会议纪要' })
    assert.equal(answered.status, 200, answered.text)
    assert.equal(await todoCount(majian, 'assess.fixes.answer'), toAnswer - 1)
    assert.equal(await todoCount(coord, 'assess.fixes.decide'), toDecide + 1)
    assert.equal(answered.body.status, 'answered')
    assertError(await majian.post(`/api/v1/assess/fixes/${fix.id}/accept`), 403, 'forbidden')
    const returned = await coord.post(`/api/v1/assess/fixes/${fix.id}/return`, { reason: '缺少签到表' })
    assert.equal(returned.body.status, 'returned')
    assert.equal(returned.body.return_reason, '缺少签到表')
    await majian.post(`/api/v1/assess/fixes/${fix.id}/answer`, { answer: '已补齐会议纪要和签到表' })
    const accepted = await coord.post(`/api/v1/assess/fixes/${fix.id}/accept`)
    assert.equal(accepted.body.status, 'accepted')
  })

  test('the lock freezes the results; any change after it is refused', async () => {
    assert.equal((await coord.post(`/api/v1/assess/rounds/${round.id}/advance`, { to: 'review' })).status, 200)
    const locked = await coord.post(`/api/v1/assess/rounds/${round.id}/advance`, { to: 'locked' })
    assert.equal(locked.status, 200, locked.text)
    const result = locked.body.results.find((r) => r.round_unit_id === mj.id)
    assert.equal(result.rank >= 1, true)
    const sheet = await sheetOf(coord, round.id, mj.id)
    assert.equal(result.totals.final, sheet.totals.final)
    const manual = leaf['组织领导']
    assertError(await jiancha.put(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/inspection/${manual.item_id}`, { score: 1 }), 409, 'round_locked')
    assertError(await majian.put(`/api/v1/assess/rounds/${round.id}/units/${zg.id}/self/${manual.item_id}`, { score: 1 }), 403, 'out_of_scope')
    assertError(await coord.put(`/api/v1/assess/rounds/${round.id}/groups`, { groups: [] }), 409, 'round_locked')
    assertError(await coord.put(`/api/v1/assess/rounds/${round.id}`, { year: 2020, title: '改名', units: [] }), 409, 'round_locked')
    assertError(await coord.post(`/api/v1/assess/rounds/${round.id}/advance`, { to: 'inspection' }), 409, 'round_locked')
    assertError(await server.client().get(`/api/v1/public/assess/rounds/${round.id}`), 404, 'not_found')
    const listed = async () => (await server.client().get('/api/v1/public/assess/rounds')).body.items.map((r) => r.id)
    assert.ok(!(await listed()).includes(round.id), 'a locked round is not on the portal yet')
    assert.equal((await coord.post(`/api/v1/assess/rounds/${round.id}/advance`, { to: 'published' })).status, 200)
    const published = (await server.client().get('/api/v1/public/assess/rounds')).body.items
    const mine = published.find((r) => r.id === round.id)
    assert.deepEqual(Object.keys(mine).sort(), ['id', 'published_at', 'title', 'units', 'year'])
    assert.deepEqual([mine.year, mine.units], [2020, 2])
    assert.match(mine.published_at, /Z$/)
    assert.ok(published.every((r, i) => i === 0 || published[i - 1].year >= r.year), 'newest first')
    const pub = await server.client().get(`/api/v1/public/assess/rounds/${round.id}`)
    assert.equal(pub.status, 200, pub.text)
    assert.equal(pub.body.results.length, 2)
    // Files: the unit's sheet in the layout in use, its Word report, the ranking.
    const get = (path) => fetch(`${coord.base}${path}`, { headers: { Cookie: coord.cookie } })
    const xlsx = await get(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/xlsx`)
    assert.equal(xlsx.status, 200)
    const rows = values(readSheet(Buffer.from(await xlsx.arrayBuffer())))
    const line = rows.find((r) => r[2] === '组织领导\n根据情况酌情扣分')
    assert.deepEqual([line[4], line[5], line[6]], [10, 8.5, 7])
    const docx = await get(`/api/v1/assess/rounds/${round.id}/units/${mj.id}/docx`)
    assert.equal(docx.status, 200)
    assert.equal(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString(), 'PK')
    const ranking = await get(`/api/v1/assess/rounds/${round.id}/results/xlsx`)
    assert.equal(ranking.status, 200)
    const ranked = values(readSheet(Buffer.from(await ranking.arrayBuffer())))
    assert.deepEqual(ranked[0].slice(0, 2), ['名次', '单位'])
    assert.equal(ranked.length, 3)
  })
})

describe('the sheet of a unit type', () => {
  test('a unit sent without a sheet is scored on the active sheet of its type; a type without one is named', async () => {
    const sets = (await coord.get('/api/v1/assess/sets')).body.items
    const sheet = (category, edition) => sets.find((s) => s.category === category && s.edition === edition && s.status === 'active')
    // The newest active sheet of a type (the 八五 ones, or a sheet an earlier test activated).
    const newest = (category) => sets.filter((s) => s.category === category && s.status === 'active').sort((a, b) => b.id - a.id)[0]
    const [town7, town8, dept8] = [sheet('township', '七五'), newest('township'), newest('department')]
    assert.ok(town7 && town8 && dept8 && town8.id > town7.id)
    const media = await coord.post('/api/v1/units', { name: '兰溪测试传媒中心', type: 'media', region_id: 1 })
    assert.equal(media.status, 201, media.text)
    const school = await coord.post('/api/v1/units', { name: '兰溪测试学校', type: 'school', region_id: 1 })
    assert.equal(school.status, 201, school.text)

    const choices = await coord.get('/api/v1/assess/unit-choices')
    assert.equal(choices.status, 200, choices.text)
    const by = Object.fromEntries(choices.body.items.map((c) => [c.unit_name, c]))
    // A 机关部门 in a township is that township's own office; at the city level it is a department.
    assert.deepEqual([by['马涧镇人民政府'].category, by['马涧镇人民政府'].set_id], ['township', town8.id])
    assert.deepEqual([by['市公安局'].category, by['市公安局'].set_id], ['department', dept8.id])
    assert.deepEqual([by['兰溪测试学校'].category, by['兰溪测试学校'].set_id], ['school', null])
    assert.deepEqual([by['兰溪测试传媒中心'].category, by['兰溪测试传媒中心'].set_id], [null, null])
    assert.ok(by['市公安局'].region_name)
    assertError(await majian.get('/api/v1/assess/unit-choices'), 403, 'forbidden')
    assertError(await jiancha.get('/api/v1/assess/unit-choices'), 403, 'forbidden')

    const body = { year: 2025, title: '按单位类型选表', units: [{ unit_id: units['马涧镇人民政府'] }, { unit_id: by['市公安局'].unit_id }] }
    const made = await coord.post('/api/v1/assess/rounds', body)
    assert.equal(made.status, 201, made.text)
    const got = Object.fromEntries(made.body.units.map((u) => [u.unit_name, [u.category, u.set_id]]))
    assert.deepEqual(got, { 马涧镇人民政府: ['township', town8.id], 市公安局: ['department', dept8.id] })
    const refused = (unit) => coord.post('/api/v1/assess/rounds', { ...body, units: [{ unit_id: units['马涧镇人民政府'] }, { unit_id: unit }] })
    const none = assertError(await refused(media.body.item.id), 422, 'unprocessable', 'units[1].set_id')
    assert.match(none.message, /兰溪测试传媒中心/)
    const noSheet = assertError(await refused(school.body.item.id), 422, 'unprocessable', 'units[1].set_id')
    assert.match(noSheet.message, /学校/)
    assertError(await coord.post('/api/v1/assess/rounds', { ...body, units: [{ unit_id: units['马涧镇人民政府'], set_id: -1 }] }), 400, 'validation_failed', 'units[0].set_id')

    // A round that names the 七五 sheet for one township gives it to the other townships sent without one,
    // and the picker shows that sheet for the round.
    const seven = await coord.post('/api/v1/assess/rounds', { year: 2020, title: '七五表',
      units: [{ unit_id: units['诸葛镇人民政府'] }, { unit_id: units['马涧镇人民政府'], set_id: town7.id }] })
    assert.equal(seven.status, 201, seven.text)
    assert.deepEqual(seven.body.units.map((u) => u.set_id), [town7.id, town7.id])
    const inRound = Object.fromEntries((await coord.get(`/api/v1/assess/unit-choices?round_id=${seven.body.id}`)).body.items.map((c) => [c.unit_name, c.set_id]))
    assert.equal(inRound['马涧镇人民政府'], town7.id)
    assert.equal(inRound['兰江街道办事处'], town7.id)
    assert.equal(inRound['市公安局'], dept8.id)
    // Units sent again without their sheets once the round is under way keep the ones they have.
    assert.equal((await coord.post(`/api/v1/assess/rounds/${seven.body.id}/advance`, { to: 'self_assess' })).status, 200)
    const renamed = await coord.put(`/api/v1/assess/rounds/${seven.body.id}`, { year: 2020, title: '七五表（改）',
      units: [{ unit_id: units['诸葛镇人民政府'] }, { unit_id: units['马涧镇人民政府'] }] })
    assert.equal(renamed.status, 200, renamed.text)
    assert.equal(renamed.body.title, '七五表（改）')
  })
})
