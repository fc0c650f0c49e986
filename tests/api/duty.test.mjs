// 普法责任制 (issue #14): work points become tasks for their units, responsibility lists go through
// review to the portal with versions, tasks are judged from the ledger or answered with the unit's
// own records, bulletins rank the units as the records stand. Runs on the demo (docs/duty.md).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, startServer } from './harness.mjs'
import { readSheet, values, workbook } from './xlsx.mjs'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const LIAISON = { username: 'gongan', password: 'Pufa-Police-2026' }
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }

let server
let coord
let police
let majian
let admin
let units

before(async () => {
  server = await startServer()
  ;[coord, police, majian, admin] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(LIAISON.username, LIAISON.password),
    server.login(MAJIAN.username, MAJIAN.password),
    server.admin(),
  ])
  const list = await coord.get('/api/v1/units?page_size=100&type=department')
  assert.equal(list.status, 200, list.text)
  units = Object.fromEntries(list.body.items.map((u) => [u.name, u.id]))
})

after(async () => {
  await server?.stop()
})

const activity = (fields = {}) => ({
  title: '扫黑除恶专项斗争法治宣传进社区',
  starts_on: '2021-05-12',
  region_id: 1,
  theme: '扫黑除恶',
  form: 'lecture',
  participants: 80,
  ...fields,
})

const plan2021 = () => ({
  year: 2021,
  title: '兰溪市2021年普法依法治理工作要点',
  points: [
    { section: '一、学习宣传', text: '开展扫黑除恶法治宣传', lead_unit_id: units['市公安局'], co_unit_ids: [units['市人民检察院']],
      deadline: '2021-06-30', rule: { kind: 'activity', min: 2, theme: '扫黑除恶' } },
    { section: '二、学法用法', text: '报送年度述法报告', lead_unit_id: units['市公安局'], co_unit_ids: [units['市教育局']],
      deadline: '2021-12-15', rule: { kind: 'manual' } },
    { kind: 'date_node', section: '重要时间节点', text: '“4·15”全民国家安全教育日', day: '2021-04-15', lead_unit_id: units['市公安局'],
      co_unit_ids: [units['市司法局']], rule: { kind: 'manual' } },
    { kind: 'theme', section: '专项主题', text: '建党百年法治宣传' },
    { section: '二、学法用法', text: '每季度党委（党组）中心组学法', lead_unit_id: units['市公安局'], deadline: '2021-12-31',
      rule: { kind: 'study_record', min: 1, period: 'quarter', study_kind: 'party_group' } },
  ],
})

describe('work points', () => {
  let plan

  test('bad points are refused by field and write nothing', async () => {
    const bad = plan2021()
    bad.points[0].rule.theme = '不存在的主题'
    assertError(await coord.post('/api/v1/duty/plans', bad), 422, 'unprocessable', 'points[0].rule.theme', /活动主题字典/)
    const noText = plan2021()
    delete noText.points[1].text
    assertError(await coord.post('/api/v1/duty/plans', noText), 400, 'validation_failed', 'points[1].text')
    const lateDeadline = plan2021()
    lateDeadline.points[0].deadline = '2022-01-10'
    assertError(await coord.post('/api/v1/duty/plans', lateDeadline), 400, 'validation_failed', 'points[0].deadline')
    const noUnit = plan2021()
    noUnit.points[0].lead_unit_id = 99999999
    assertError(await coord.post('/api/v1/duty/plans', noUnit), 422, 'unprocessable', 'points[0].lead_unit_id')
    const badRule = plan2021()
    badRule.points[0].rule = { kind: 'activity', min: 0 }
    assertError(await coord.post('/api/v1/duty/plans', badRule), 400, 'validation_failed', 'points[0].rule.min')
    assertError(await police.post('/api/v1/duty/plans', plan2021()), 403, 'forbidden')
    assertError(await admin.get('/api/v1/duty/plans'), 403, 'forbidden')
    const plans = await coord.get('/api/v1/duty/plans')
    assert.deepEqual(plans.body.items.map((p) => p.year), [2020, 2019, 2018, 2017])
  })

  test('the coordinator writes and issues the year\'s points; each becomes tasks for its units', async () => {
    const created = await coord.post('/api/v1/duty/plans', plan2021())
    assert.equal(created.status, 201, created.text)
    plan = created.body
    assert.equal(plan.status, 'draft')
    assert.equal(plan.points.length, 5)
    assert.equal(plan.points[0].lead_unit_name, '市公安局')
    assert.deepEqual(plan.points[0].co_unit_names, ['市人民检察院'])
    assertError(await coord.post('/api/v1/duty/plans', plan2021()), 409, 'conflict', 'year')
    assert.equal((await police.get('/api/v1/duty/tasks?year=2021')).body.total, 0, 'a draft makes no tasks')
    const issued = await coord.post(`/api/v1/duty/plans/${plan.id}/issue`)
    assert.equal(issued.status, 200, issued.text)
    assert.equal(issued.body.status, 'issued')
    assertError(await coord.post(`/api/v1/duty/plans/${plan.id}/issue`), 409, 'wrong_state')
    const tasks = (await coord.get('/api/v1/duty/tasks?year=2021&page_size=100')).body.items
    // 4 points with units: 2 + 2 + 2 + 1 tasks; the theme makes none.
    assert.equal(tasks.length, 7)
    const node = tasks.find((t) => t.unit_name === '市司法局')
    assert.equal(node.title, '4月15日 “4·15”全民国家安全教育日')
    assert.equal(node.deadline, '2021-04-15')
    assert.equal(node.role, 'co')
  })

  test('an edit to an issued plan keeps the tasks of the points it keeps', async () => {
    const before = (await coord.get('/api/v1/duty/tasks?year=2021&page_size=100')).body.items
    const body = { ...plan2021(), points: plan.points.map((p) => ({ ...p })) }
    body.points[0].co_unit_ids = []
    const updated = await coord.put(`/api/v1/duty/plans/${plan.id}`, body)
    assert.equal(updated.status, 200, updated.text)
    const afterEdit = (await coord.get('/api/v1/duty/tasks?year=2021&page_size=100')).body.items
    assert.equal(afterEdit.length, 6)
    const kept = afterEdit.find((t) => t.unit_name === '市公安局' && t.title === '开展扫黑除恶法治宣传')
    assert.equal(kept.id, before.find((t) => t.unit_name === '市公安局' && t.title === '开展扫黑除恶法治宣传').id)
    assertError(await coord.put(`/api/v1/duty/plans/${plan.id}`, { ...body, points: [{ ...body.points[0], id: 99999999 }] }),
      400, 'validation_failed', 'points[0].id')
    assertError(await coord.put(`/api/v1/duty/plans/${plan.id}`, { ...body, year: 2022, points: [] }), 422, 'unprocessable', 'year')
  })
})

describe('tasks', () => {
  const find = async (client, title) => (await client.get('/api/v1/duty/tasks?year=2021&page_size=100')).body.items.find((t) => t.title === title)

  test('a liaison bound to a unit sees and answers only that unit\'s tasks', async () => {
    const mine = (await police.get('/api/v1/duty/tasks?year=2021&page_size=100')).body.items
    assert.ok(mine.length >= 3)
    assert.ok(mine.every((t) => t.unit_name === '市公安局'), JSON.stringify(mine.map((t) => t.unit_name)))
    const others = (await coord.get('/api/v1/duty/tasks?year=2021&page_size=100')).body.items.filter((t) => t.unit_name !== '市公安局')
    assertError(await police.get(`/api/v1/duty/tasks/${others[0].id}`), 403, 'out_of_scope')
    assertError(await police.post(`/api/v1/duty/tasks/${others[0].id}/answer`, { note: '已完成' }), 403, 'out_of_scope')
    // A township's liaison sees the township's units only (none of these city departments).
    assert.equal((await majian.get('/api/v1/duty/tasks?year=2021')).body.total, 0)
    const demo = (await majian.get('/api/v1/duty/tasks?year=2020&page_size=100')).body.items
    assert.ok(demo.every((t) => t.unit_name.startsWith('马涧镇')), JSON.stringify(demo.map((t) => t.unit_name)))
  })

  test('a rule task shows its progress from the ledger and completes itself', async () => {
    const before = await find(police, '开展扫黑除恶法治宣传')
    assert.equal(before.rule_text, '全年≥ 2 项「扫黑除恶」主题普法活动')
    assert.equal(before.progress.count, 0)
    assert.equal(before.state, 'overdue', 'its 2021-06-30 deadline is past')
    const made = []
    for (const starts_on of ['2021-03-02', '2021-07-20']) {
      const res = await police.post('/api/v1/activities', activity({ starts_on, unit_id: units['市公安局'] }))
      assert.equal(res.status, 201, res.text)
      made.push(res.body.item)
    }
    // Another theme and another unit's records do not count.
    assert.equal((await police.post('/api/v1/activities', activity({ theme: '禁毒', unit_id: units['市公安局'] }))).status, 201)
    assert.equal((await coord.post('/api/v1/activities', activity({ unit_id: units['市人民检察院'] }))).status, 201)
    const done = await find(police, '开展扫黑除恶法治宣传')
    assert.equal(done.progress.count, 2)
    assert.equal(done.progress.last_on, '2021-07-20')
    assert.equal(done.progress.done_on, '2021-07-20')
    assert.equal(done.state, 'late', 'the second came after the deadline')
    const one = (await police.get(`/api/v1/duty/tasks/${done.id}`)).body
    assert.deepEqual(one.progress.records.map((r) => r.date), ['2021-07-20', '2021-03-02'], 'a task read alone lists its records')
    assert.equal(one.state, 'late')
    assertError(await police.post(`/api/v1/duty/tasks/${done.id}/answer`, { note: '已完成' }), 422, 'unprocessable')
    // The ledger's writes keep the lists' judgement current: a returned record stops counting, and
    // counts again once corrected; a record moved to another year leaves this one.
    assert.equal((await coord.post(`/api/v1/activities/${made[1].id}/return`, { reason: '请补充照片' })).status, 200)
    const returned = await find(police, '开展扫黑除恶法治宣传')
    assert.deepEqual([returned.progress.count, returned.state], [1, 'overdue'])
    assert.equal((await police.get(`/api/v1/duty/tasks/${done.id}`)).body.progress.count, 1, 'the task alone agrees')
    assert.equal((await police.put(`/api/v1/activities/${made[1].id}`, { participants: 90 })).status, 200)
    assert.equal((await find(police, '开展扫黑除恶法治宣传')).progress.count, 2)
    assert.equal((await police.put(`/api/v1/activities/${made[1].id}`, { starts_on: '2022-01-05' })).status, 200)
    assert.equal((await find(police, '开展扫黑除恶法治宣传')).progress.count, 1)
    assert.equal((await police.put(`/api/v1/activities/${made[1].id}`, { starts_on: '2021-07-20' })).status, 200)
    assert.equal((await find(police, '开展扫黑除恶法治宣传')).progress.count, 2)
  })

  test('a quarter rule counts the quarters, and a quarter that ended short makes it overdue', async () => {
    for (const held_on of ['2021-02-10', '2021-08-03', '2021-08-20']) {
      const made = await police.post('/api/v1/study_records', { kind: 'party_group', unit_id: units['市公安局'], held_on, topic: '学习民法典' })
      assert.equal(made.status, 201, made.text)
    }
    assert.equal((await police.post('/api/v1/study_records', { kind: 'three_heads', unit_id: units['市公安局'], held_on: '2021-05-06', topic: '三长学法' })).status, 201)
    const listed = await find(police, '每季度党委（党组）中心组学法')
    assert.equal(listed.rule_text, '每季度≥ 1 次学法记录')
    assert.deepEqual([listed.progress.count, listed.progress.required], [2, 4], 'Q1 and Q3 (another kind in Q2 does not count)')
    assert.equal(listed.state, 'overdue')
    assert.equal(listed.progress.last_on, '2021-08-20')
    const alone = (await police.get(`/api/v1/duty/tasks/${listed.id}`)).body
    assert.deepEqual([alone.progress.count, alone.progress.required, alone.state], [2, 4, 'overdue'], 'one task judged alone agrees with the list')
    assert.equal(alone.progress.records.length, 3)
  })

  test('a manual task is answered with the unit\'s own records, never another unit\'s, and confirmed', async () => {
    const task = await find(police, '报送年度述法报告')
    assert.equal(task.state, 'overdue', 'its 2021-12-15 deadline is past')
    const candidates = await police.get(`/api/v1/duty/tasks/${task.id}/candidates?kind=activity&q=${encodeURIComponent('扫黑')}`)
    assert.equal(candidates.status, 200, candidates.text)
    assert.ok(candidates.body.items.length >= 2)
    const own = candidates.body.items[0]
    const foreign = (await coord.get(`/api/v1/activities?unit_id=${units['市人民检察院']}&page_size=1`)).body.items[0]
    assertError(await police.post(`/api/v1/duty/tasks/${task.id}/answer`, { evidence: [{ kind: 'activity', id: own.id }, { kind: 'activity', id: foreign.id }] }),
      422, 'evidence_not_own', 'evidence[1]')
    assertError(await police.post(`/api/v1/duty/tasks/${task.id}/answer`, { evidence: [{ kind: 'activity', id: 99999999 }] }),
      422, 'unprocessable', 'evidence[0]')
    assertError(await police.post(`/api/v1/duty/tasks/${task.id}/answer`, {}), 400, 'validation_failed', 'evidence')
    assertError(await police.post(`/api/v1/duty/tasks/${task.id}/answer`, { evidence: [{ kind: 'photo', id: 1 }] }), 422, 'unprocessable', 'evidence[0]')
    const untouched = await find(police, '报送年度述法报告')
    assert.equal(untouched.state, 'overdue')
    assert.deepEqual(untouched.evidence, [])
    const answered = await police.post(`/api/v1/duty/tasks/${task.id}/answer`, { note: '述法报告已报送', evidence: [{ kind: 'activity', id: own.id }] })
    assert.equal(answered.status, 200, answered.text)
    assert.equal(answered.body.state, 'answered')
    assert.equal(answered.body.evidence[0].title, own.title)
    assertError(await police.post(`/api/v1/duty/tasks/${task.id}/confirm`), 403, 'forbidden')
    const todo = (await coord.get('/api/v1/todo')).body.items
    assert.ok(todo.find((i) => i.code === 'duty.tasks.confirm')?.count >= 1, JSON.stringify(todo))
    const back = await coord.post(`/api/v1/duty/tasks/${task.id}/return`, { reason: '请附述法报告原文' })
    assert.equal(back.body.state, 'returned')
    assert.equal(back.body.return_reason, '请附述法报告原文')
    await police.post(`/api/v1/duty/tasks/${task.id}/answer`, { note: '已附原文', evidence: [{ kind: 'activity', id: own.id }] })
    const confirmed = await coord.post(`/api/v1/duty/tasks/${task.id}/confirm`)
    assert.equal(confirmed.status, 200, confirmed.text)
    assert.equal(confirmed.body.state, 'late', 'confirmed, answered after its deadline')
    assert.equal(confirmed.body.progress.count, 1)
    assertError(await coord.post(`/api/v1/duty/tasks/${task.id}/confirm`), 409, 'wrong_state')
    const audit = await server.audit('action=duty.task.')
    assert.ok(audit.some((e) => e.action === 'duty.task.confirm'))
  })

  test('a liaison\'s unit must exist and lie in the account\'s region', async () => {
    const base = { username: `liaison${Date.now()}`, display_name: '联络员', password: 'Strong-Pass-2026!', roles: ['unit_operator'] }
    assertError(await admin.post('/api/v1/users', { ...base, region_id: 1, unit_id: 99999999 }), 400, 'validation_failed', 'unit_id')
    const majianRegion = (await majian.get('/api/v1/auth/me')).body.user.region_id
    assertError(await admin.post('/api/v1/users', { ...base, region_id: majianRegion, unit_id: units['市公安局'] }), 400, 'validation_failed', 'unit_id')
    // The administrator names the unit without reading business data: unit names only.
    const choices = await admin.get(`/api/v1/unit-choices?q=${encodeURIComponent('教育')}`)
    assert.equal(choices.status, 200, choices.text)
    assert.deepEqual(choices.body.items.map((u) => u.name), ['市教育局'])
    assert.deepEqual(Object.keys(choices.body.items[0]).sort(), ['id', 'name', 'region_id'])
    assert.equal((await admin.get(`/api/v1/unit-choices?id=${units['市公安局']}`)).body.items[0].name, '市公安局')
    assertError(await coord.get('/api/v1/unit-choices'), 403, 'forbidden')
    assertError(await admin.get('/api/v1/units'), 403, 'forbidden')
    const made = await admin.post('/api/v1/users', { ...base, region_id: 1, unit_id: units['市教育局'] })
    assert.equal(made.status, 201, made.text)
    assert.equal(made.body.user.unit_id, units['市教育局'])
  })
})

describe('responsibility lists', () => {
  const item = (fields = {}) => ({
    content: '宣传治安管理处罚法', laws: '治安管理处罚法、民法典', leader: '副局长 陈建华', owner: '普法联络员', office: '法制大队',
    audience: '辖区群众', carrier: '派出所窗口', measures: '以案释法', standard: '全年开展主题活动不少于 2 次', deadline: '2021-12-31',
    rule: { kind: 'activity', min: 2, theme: '扫黑除恶' }, ...fields,
  })
  let list

  test('a unit drafts its list; the coordinator returns it with a reason, then approves it', async () => {
    assertError(await police.post('/api/v1/duty/lists', { unit_id: units['市教育局'], year: 2021, items: [item()] }), 403, 'out_of_scope')
    assertError(await police.post('/api/v1/duty/lists', { unit_id: units['市公安局'], year: 2021, items: [item({ standard: '' })] }),
      400, 'validation_failed', 'items[0].standard')
    assertError(await police.post('/api/v1/duty/lists', { unit_id: units['市公安局'], year: 2020, items: [item()] }), 409, 'conflict', 'year')
    const created = await police.post('/api/v1/duty/lists', { unit_id: units['市公安局'], year: 2021, items: [item()] })
    assert.equal(created.status, 201, created.text)
    list = created.body
    assert.equal(list.status, 'draft')
    assert.equal(list.unit_name, '市公安局')
    assert.deepEqual(list.items[0].law_links.map((l) => l.name), ['治安管理处罚法', '民法典'])
    assert.equal(list.annex.date_nodes[0].text, '“4·15”全民国家安全教育日')
    assert.equal(list.annex.themes[0].text, '建党百年法治宣传')
    assertError(await coord.post(`/api/v1/duty/lists/${list.id}/approve`), 409, 'wrong_state')
    assert.equal((await police.post(`/api/v1/duty/lists/${list.id}/submit`)).body.status, 'submitted')
    assertError(await police.put(`/api/v1/duty/lists/${list.id}`, { items: [item()] }), 409, 'wrong_state')
    assertError(await police.post(`/api/v1/duty/lists/${list.id}/return`, { reason: 'x' }), 403, 'forbidden')
    assertError(await coord.post(`/api/v1/duty/lists/${list.id}/return`, {}), 400, 'validation_failed', 'reason')
    const returned = await coord.post(`/api/v1/duty/lists/${list.id}/return`, { reason: '请补充责任处室' })
    assert.equal(returned.body.status, 'returned')
    assert.equal(returned.body.return_reason, '请补充责任处室')
    const fixed = await police.put(`/api/v1/duty/lists/${list.id}`, { items: [{ ...item(), id: list.items[0].id, office: '法制大队、治安大队' }] })
    assert.equal(fixed.status, 200, fixed.text)
    assert.equal(fixed.body.items[0].id, list.items[0].id)
    await police.post(`/api/v1/duty/lists/${list.id}/submit`)
    assertError(await coord.get(`/api/v1/public/duty/lists/${list.id}`), 404, 'not_found')
    const published = await coord.post(`/api/v1/duty/lists/${list.id}/approve`)
    assert.equal(published.status, 200, published.text)
    list = published.body
    assert.equal(list.status, 'published')
    assert.equal(list.published_version, 1)
    assert.match(list.index_no, /^1133078173379010XA\/\d{4}-\d{5}$/)
    const tasks = (await police.get('/api/v1/duty/tasks?year=2021&page_size=100')).body.items
    assert.ok(tasks.some((t) => t.source === 'list_item' && t.title === '宣传治安管理处罚法' && t.role === 'owner'))
  })

  test('a change after publication needs its reason and is a new version; the old one stays readable', async () => {
    assertError(await police.put(`/api/v1/duty/lists/${list.id}`, { items: [{ ...item(), id: list.items[0].id }] }), 422, 'reason_required', 'reason')
    assertError(await police.put(`/api/v1/duty/lists/${list.id}`, { reason: '  ', items: [{ ...item(), id: list.items[0].id }] }), 422, 'reason_required', 'reason')
    const changed = await police.put(`/api/v1/duty/lists/${list.id}`, {
      reason: '增加以案释法要求', items: [{ ...item(), id: list.items[0].id, standard: '全年不少于 3 次' }, item({ content: '宣传反有组织犯罪法', rule: { kind: 'manual' } })],
    })
    assert.equal(changed.status, 200, changed.text)
    assert.equal(changed.body.version, 2)
    assert.equal(changed.body.status, 'draft')
    assert.equal(changed.body.published_version, 1)
    const still = await server.client().get(`/api/v1/public/duty/lists/${list.id}`)
    assert.equal(still.status, 200, still.text)
    assert.equal(still.body.version, 1)
    assert.equal(still.body.items.length, 1)
    await police.post(`/api/v1/duty/lists/${list.id}/submit`)
    await coord.post(`/api/v1/duty/lists/${list.id}/approve`)
    const latest = await server.client().get(`/api/v1/public/duty/lists/${list.id}`)
    assert.equal(latest.body.version, 2)
    assert.equal(latest.body.reason, '增加以案释法要求')
    assert.equal(latest.body.items.length, 2)
    assert.deepEqual(latest.body.versions.map((v) => v.version), [2, 1])
    assert.notEqual(latest.body.versions[0].index_no, latest.body.versions[1].index_no)
    const first = await server.client().get(`/api/v1/public/duty/lists/${list.id}?version=1`)
    assert.equal(first.body.items[0].standard, '全年开展主题活动不少于 2 次')
    assertError(await server.client().get(`/api/v1/public/duty/lists/${list.id}?version=9`), 404, 'not_found')
  })

  test('the public sees published lists only; staff lists are scoped', async () => {
    const pub = await server.client().get('/api/v1/public/duty/lists?year=2020&page_size=100')
    assert.equal(pub.status, 200, pub.text)
    assert.equal(pub.body.total, 10, 'the demo publishes 10 of its 12 lists')
    assert.ok(!pub.body.items.some((l) => ['市交通运输局', '市农业农村局'].includes(l.unit_name)))
    const draft = (await coord.get('/api/v1/duty/lists?year=2020&status=submitted')).body.items[0]
    assert.equal(draft.unit_name, '市农业农村局')
    assertError(await server.client().get(`/api/v1/public/duty/lists/${draft.id}`), 404, 'not_found')
    const mine = (await police.get('/api/v1/duty/lists?page_size=100')).body.items
    assert.ok(mine.length >= 2 && mine.every((l) => l.unit_name === '市公安局'))
    assertError(await police.get(`/api/v1/duty/lists/${draft.id}`), 403, 'out_of_scope')
    assertError(await coord.get('/api/v1/duty/lists?status=bogus'), 400, 'validation_failed', 'status')
    const todo = (await coord.get('/api/v1/todo')).body.items
    assert.ok(todo.find((i) => i.code === 'duty.lists.review')?.count >= 1, JSON.stringify(todo))
  })
})

describe('lists as spreadsheets', () => {
  const download = async (client, path) => {
    const res = await fetch(`${server.url}${path}`, { headers: { Cookie: client.cookie } })
    assert.equal(res.status, 200, path)
    return readSheet(Buffer.from(await res.arrayBuffer()))
  }
  const HEADER = ['序号', '内容清单', '宣传的法律法规', '责任领导', '责任人', '责任处室', '普法对象', '学习宣传载体', '方式措施', '标准清单', '完成时限']

  test('a list exports in the usual columns, dates as dates; the template has no row to forget', async () => {
    const list = (await police.get('/api/v1/duty/lists?year=2020')).body.items[0]
    const sheet = await download(police, `/api/v1/duty/lists/${list.id}/export`)
    assert.deepEqual(values(sheet)[0], HEADER)
    assert.equal(sheet.length, 5) // the header and 市公安局's four items (the fourth: 以案释法)
    assert.equal(sheet[1][0].type, 'number')
    assert.equal(sheet[1][10].type, 'number', '完成时限 is a date cell')
    const template = await download(police, '/api/v1/duty/lists/template')
    assert.deepEqual(values(template), [HEADER])
    const other = (await coord.get('/api/v1/duty/lists?year=2020&status=submitted')).body.items[0]
    const refused = await fetch(`${server.url}/api/v1/duty/lists/${other.id}/export`, { headers: { Cookie: police.cookie } })
    assert.equal(refused.status, 403)
  })

  test('a county sheet with its group header imports all or nothing, every bad row named', async () => {
    const made = await coord.post('/api/v1/duty/lists', { unit_id: units['市教育局'], year: 2021, items: [] })
    assert.equal(made.status, 201, made.text)
    const id = made.body.id
    const rows = (third) => [
      ['市教育局2021年普法责任清单'],
      ['序号', '内容清单', '责任清单', null, null, '措施清单', null, null, '标准清单', '完成时限'],
      [null, null, '责任领导', '责任人', '责任处室', '普法对象', '载体', '方式措施', null, null],
      [1, '宣传未成年人保护法', '副局长 周丽萍', '张老师', '政策法规科', '中小学生', '课堂', '法治课', '每学期不少于 2 次', { n: 44561, style: 1 }],
      [2, '宣传预防未成年人犯罪法', '副局长 周丽萍', '李老师', '政策法规科', '家长', '家长会', '讲座', '全年 4 次', '2021年6月30日'],
      third,
    ]
    const bad = workbook([{ name: '清单', rows: rows([3, '', '', '', '', '', '', '', '', '2021-13-01']) }], { styles: [0, 14] })
    const failed = await coord.post(`/api/v1/duty/lists/${id}/import`, undefined, { body: bad, type: XLSX })
    const error = assertError(failed, 422, 'import_failed')
    assert.deepEqual(failed.body.error.rows.map((r) => [r.row, r.field]), [[6, 'deadline'], [6, 'content'], [6, 'standard']])
    assert.equal(failed.body.error.sheet, '清单')
    assert.match(error.message, /未写入任何数据/)
    assert.deepEqual((await coord.get(`/api/v1/duty/lists/${id}`)).body.items, [])
    const good = workbook([{ name: '清单', rows: rows([]) }], { styles: [0, 14] })
    const imported = await coord.post(`/api/v1/duty/lists/${id}/import`, undefined, { body: good, type: XLSX })
    assert.equal(imported.status, 200, imported.text)
    assert.equal(imported.body.imported, 2)
    const [first, second] = imported.body.items
    assert.equal(first.content, '宣传未成年人保护法')
    assert.equal(first.leader, '副局长 周丽萍')
    assert.equal(first.carrier, '课堂')
    assert.equal(first.deadline, '2021-12-31')
    assert.equal(second.deadline, '2021-06-30')
    assert.deepEqual(first.rule, { kind: 'manual' })
    assertError(await coord.post(`/api/v1/duty/lists/${id}/import`, undefined, { body: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), type: 'application/vnd.ms-excel' }),
      400, 'validation_failed', 'file', /另存为 .xlsx/)
    assertError(await coord.post(`/api/v1/duty/lists/${id}/import`, undefined, { body: workbook([{ name: 'x', rows: [['名称', '备注']] }]), type: XLSX }),
      400, 'validation_failed', 'file', /表头/)
    // A published list takes an import as its next version, with the reason.
    const published = (await police.get('/api/v1/duty/lists?year=2021')).body.items[0]
    assertError(await police.post(`/api/v1/duty/lists/${published.id}/import`, undefined, { body: good, type: XLSX }), 422, 'reason_required', 'reason')
    const next = await police.post(`/api/v1/duty/lists/${published.id}/import?reason=${encodeURIComponent('按模板重新整理')}`, undefined, { body: good, type: XLSX })
    assert.equal(next.status, 200, next.text)
    assert.equal(next.body.version, 3)
    assert.equal(next.body.change_reason, '按模板重新整理')
  })
})

describe('bulletins and figures', () => {
  test('a bulletin ranks the units as the records stand and keeps that ranking', async () => {
    assertError(await coord.post('/api/v1/duty/bulletins', { year: 2035 }), 422, 'unprocessable', 'year')
    assertError(await police.post('/api/v1/duty/bulletins', { year: 2021 }), 403, 'forbidden')
    const issued = await coord.post('/api/v1/duty/bulletins', { year: 2021, is_public: true })
    assert.equal(issued.status, 201, issued.text)
    const rows = issued.body.rows
    assert.equal(issued.body.title, '2021年普法责任制落实情况通报（第1期）')
    const policeRow = rows.find((r) => r.unit_name === '市公安局')
    assert.ok(policeRow.tasks >= 4 && policeRow.on_time + policeRow.late >= 2, JSON.stringify(policeRow))
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].score >= rows[i].score)
    assert.equal(rows[0].rank, 1)
    const res = await fetch(`${server.url}/api/v1/duty/bulletins/${issued.body.id}/export`, { headers: { Cookie: coord.cookie } })
    assert.equal(res.status, 200)
    const sheet = readSheet(Buffer.from(await res.arrayBuffer()))
    assert.deepEqual(values(sheet)[0], ['名次', '单位', '任务数', '按时完成', '逾期完成', '逾期未完成', '进行中', '得分'])
    assert.equal(sheet[1][0].type, 'number')
    assert.equal(sheet[1][7].type, 'number')
    // The demo's two 2020 bulletins are public; a later change does not rewrite them.
    const open = await server.client().get('/api/v1/public/duty/bulletins')
    assert.ok(open.body.items.filter((b) => b.year === 2020).length === 2)
    const first = await server.client().get(`/api/v1/public/duty/bulletins/${issued.body.id}`)
    assert.deepEqual(first.body.rows, rows)
  })

  test('the overview counts the units with a published list and the share of tasks done', async () => {
    const overview = await coord.get('/api/v1/stats/overview')
    assert.equal(overview.status, 200, overview.text)
    assert.equal(overview.body.responsibility_year, 2021)
    assert.equal(overview.body.responsibility_units, 1)
    assert.equal(typeof overview.body.duty_tasks_done_rate, 'number')
    assert.ok(overview.body.duty_tasks_done_rate > 0 && overview.body.duty_tasks_done_rate <= 1)
  })
})
