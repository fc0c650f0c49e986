// Organisation registries: the demo's figures, filters, scope, personal data, Excel.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ADMIN, COORD, assertError, assertList, idNumber, startServer, uniqueName } from './harness.mjs'
import { makePng } from './images.mjs'
import { readSheet, values, workbook } from './xlsx.mjs'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }

let server
let coord
let admin
let majian
let regions
const byName = (name) => regions.find((r) => r.name === name)
const q = (params) => new URLSearchParams(params).toString()

before(async () => {
  server = await startServer()
  coord = await server.login(COORD.username, COORD.password)
  admin = await server.login(ADMIN.username, ADMIN.password)
  majian = await server.login(MAJIAN.username, MAJIAN.password)
  regions = (await coord.get('/api/v1/regions')).body.items
})
after(async () => server?.stop())

describe('demo figures', () => {
  test('the overview reproduces the seed', async () => {
    const res = await coord.get('/api/v1/stats/overview')
    assert.equal(res.status, 200, res.text)
    const o = res.body
    assert.equal(o.townships, 16)
    assert.equal(o.villages, 350)
    assert.equal(o.schools, 80)
    assert.equal(o.schools_with_vice_principal, 80)
    assert.equal(o.vice_principals, 68)
    assert.equal(o.schools_with_advisor, 80)
    assert.equal(o.villages_with_advisor, 350)
    assert.equal(o.lecturer_teams, 9)
    assert.equal(o.township_constitution_rooms, 16)
    assert.ok(o.places >= 26, `places ${o.places}`)
    assert.ok(o.volunteers > 0 && o.legal_advisors > 0)
  })

  test('the region tree has the 16 townships and the named villages in place', async () => {
    assert.equal(regions.length, 1 + 16 + 350)
    const mawu = byName('马坞村')
    assert.equal(mawu.full_name, '马涧镇 马坞村')
    assert.equal(mawu.parent_id, byName('马涧镇').id)
    assert.equal(byName('青松社区').parent_id, byName('兰江街道').id)
  })

  test('the overview narrows to a region on request, within scope', async () => {
    const res = await coord.get(`/api/v1/stats/overview?region_id=${byName('马涧镇').id}`)
    assert.equal(res.status, 200)
    assert.equal(res.body.villages, 24)
    assertError(await majian.get(`/api/v1/stats/overview?region_id=${byName('兰江街道').id}`), 403, 'out_of_scope')
  })

  test('the overview is scoped: a 马涧镇 operator counts only 马涧镇', async () => {
    const res = await majian.get('/api/v1/stats/overview')
    assert.equal(res.status, 200)
    assert.equal(res.body.townships, 1)
    assert.equal(res.body.villages, 24)
  })
})

describe('lists and filters', () => {
  test('people filtered by township show only that subtree', async () => {
    const town = byName('马涧镇')
    const list = assertList(await coord.get(`/api/v1/people?${q({ region_id: town.id, page_size: 100 })}`))
    assert.ok(list.total > 0)
    for (const p of list.items) assert.ok(p.region_name.startsWith('马涧镇'), p.region_name)
    const all = assertList(await coord.get('/api/v1/people?page_size=1'))
    assert.ok(all.total > list.total)
  })

  test('tag, choice and text filters', async () => {
    const vps = assertList(await coord.get(`/api/v1/people?${q({ tag: 'vice_principal', page_size: 100 })}`))
    assert.equal(vps.total, 68)
    for (const p of vps.items) assert.ok(p.tags.includes('vice_principal'))
    const teams = assertList(await coord.get(`/api/v1/teams?${q({ kind: 'lecturers' })}`))
    assert.equal(teams.total, 9)
    const found = assertList(await coord.get(`/api/v1/teams?${q({ q: '民法典' })}`))
    assert.deepEqual(found.items.map((t) => t.name), ['民法典宣讲团'])
    const members = assertList(await coord.get(`/api/v1/team_members?team_id=${found.items[0].id}`))
    assert.equal(members.total, 6)
    assert.ok(members.items.every((m) => typeof m.person_name === 'string' && m.team_name === '民法典宣讲团'))
  })

  test('sorting by a field', async () => {
    const list = assertList(await coord.get('/api/v1/schools?sort=name&page_size=100'))
    const names = list.items.map((s) => s.name)
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  test('a school shows its vice-principal and advisor contract', async () => {
    const list = assertList(await coord.get(`/api/v1/schools?${q({ q: '马涧中心小学' })}`))
    assert.equal(list.total, 1)
    const res = await coord.get(`/api/v1/schools/${list.items[0].id}`)
    assert.equal(res.status, 200)
    const school = res.body.item
    assert.equal(school.vice_principals.length, 1)
    assert.ok(school.vice_principals[0].person_name.length >= 2)
    assert.ok(['市公安局', '市人民法院', '市人民检察院', '马涧司法所'].includes(school.vice_principals[0].sending_unit_name))
    assert.equal(school.advisor_contracts.length, 1)
    assert.match(school.advisor_contracts[0].firm, /律师事务所/)
  })

  test('bad list parameters are 400s naming the parameter', async () => {
    assertError(await coord.get('/api/v1/people?sort=password'), 400, 'validation_failed', 'sort')
    assertError(await coord.get('/api/v1/people?page_size=0'), 400, 'validation_failed', 'page_size')
    assertError(await coord.get('/api/v1/people?region_id=99999999'), 400, 'validation_failed', 'region_id')
    assertError(await coord.get('/api/v1/people?region_id=abc'), 400, 'validation_failed', 'region_id')
    assertError(await coord.get(`/api/v1/places?${q({ tag: 'volunteer' })}`), 400, 'validation_failed', 'tag')
    assertError(await coord.get('/api/v1/people/0'), 404, 'not_found')
    assertError(await coord.get('/api/v1/people/99999999'), 404, 'not_found')
  })
})

describe('people and personal data', () => {
  const town = () => byName('马涧镇')

  test('ID numbers are checked (GB 11643) and phones too; nothing is written', async () => {
    const before = assertList(await coord.get('/api/v1/people?page_size=1')).total
    const base = { name: '测试人', region_id: town().id }
    const bad = idNumber(1).slice(0, 17) + (idNumber(1).endsWith('1') ? '2' : '1')
    assertError(await coord.post('/api/v1/people', { ...base, id_number: bad }), 400, 'validation_failed', 'id_number')
    assertError(await coord.post('/api/v1/people', { ...base, id_number: '33078119851301001X' }), 400, 'validation_failed', 'id_number')
    assertError(await coord.post('/api/v1/people', { ...base, phone: '1234567' }), 400, 'validation_failed', 'phone')
    assertError(await coord.post('/api/v1/people', { ...base, tags: ['律师'] }), 400, 'validation_failed', 'tags')
    assertError(await coord.post('/api/v1/people', { ...base, gender: '未知' }), 400, 'validation_failed', 'gender')
    assertError(await coord.post('/api/v1/people', { region_id: town().id }), 400, 'validation_failed', 'name')
    assertError(await coord.post('/api/v1/people', { name: '无区域' }), 400, 'validation_failed', 'region_id')
    assertError(await coord.post('/api/v1/people', { ...base, unit_id: 99999999 }), 400, 'validation_failed', 'unit_id')
    assertError(await coord.post('/api/v1/people', { ...base, name: 'x'.repeat(31) }), 400, 'validation_failed', 'name')
    assert.equal(assertList(await coord.get('/api/v1/people?page_size=1')).total, before)
  })

  test('phones and ID numbers are masked; revealing needs pii.read and is audited', async () => {
    const id = idNumber(2)
    const res = await coord.post('/api/v1/people', {
      name: '李明理', gender: 'male', region_id: town().id, phone: '13812345678', id_number: id, tags: ['legal_literate', 'volunteer'],
    })
    assert.equal(res.status, 201, res.text)
    const person = res.body.item
    assert.equal(person.phone, '138****5678')
    assert.equal(person.id_number, `${id.slice(0, 6)}********${id.slice(14)}`)
    assert.deepEqual(person.tags, ['legal_literate', 'volunteer'])
    assert.equal(person.region_name, '马涧镇')
    assert.doesNotMatch(JSON.stringify((await coord.get(`/api/v1/people?${q({ q: '李明理' })}`)).body), /13812345678/)

    const shown = await coord.get(`/api/v1/people/${person.id}?reveal=1`)
    assert.equal(shown.status, 200)
    assert.equal(shown.body.item.phone, '13812345678')
    assert.equal(shown.body.item.id_number, id)
    assertError(await majian.get(`/api/v1/people/${person.id}?reveal=1`), 403, 'forbidden')
    const audit = await (await server.auditor()).get(`/api/v1/audit?${q({ action: 'pii.reveal', username: 'lanxi' })}`)
    assert.ok(audit.body.items.some((a) => a.object_id === String(person.id) && a.outcome === 'success'))

    // An edit without phone and ID number keeps them (the client only ever saw them masked).
    const edited = await coord.put(`/api/v1/people/${person.id}`, { posts: '村法律明白人' })
    assert.equal(edited.status, 200, edited.text)
    const again = await coord.get(`/api/v1/people/${person.id}?reveal=1`)
    assert.equal(again.body.item.phone, '13812345678')
    assert.equal(again.body.item.posts, '村法律明白人')
    assert.equal(again.body.item.name, '李明理')

    assertError(await coord.post('/api/v1/people', { name: '重复', region_id: town().id, id_number: id }), 409, 'conflict', 'id_number')
  })

  test('a person in a unit takes the unit\'s region', async () => {
    const units = assertList(await coord.get(`/api/v1/units?${q({ q: '马涧司法所' })}`))
    const res = await coord.post('/api/v1/people', { name: '王所长', unit_id: units.items[0].id })
    assert.equal(res.status, 201, res.text)
    assert.equal(res.body.item.region_name, '马涧镇')
    assert.equal(res.body.item.unit_name, '马涧司法所')
  })

  test('a person can be linked to a login account in scope', async () => {
    const me = (await majian.get('/api/v1/auth/me')).body.user
    const linked = await majian.post('/api/v1/people', { name: '马涧联络员', region_id: byName('马涧镇').id, user_id: me.id, tags: ['liaison'] })
    assert.equal(linked.status, 201, linked.text)
    assert.equal(linked.body.item.user_id, me.id)
    assert.equal(linked.body.item.user_name, 'majian')
    const lanxi = (await coord.get('/api/v1/auth/me')).body.user
    assertError(await majian.post('/api/v1/people', { name: '越权绑定', region_id: byName('马涧镇').id, user_id: lanxi.id }), 403, 'out_of_scope', 'user_id')
    assertError(await coord.post('/api/v1/people', { name: '无此账号', region_id: 1, user_id: 99999999 }), 400, 'validation_failed', 'user_id')
  })

  test('a record still referred to cannot be deleted; a free one can', async () => {
    const vps = assertList(await coord.get('/api/v1/vice_principals?page_size=1'))
    assertError(await coord.delete(`/api/v1/people/${vps.items[0].person_id}`), 409, 'conflict')
    const created = await coord.post('/api/v1/people', { name: '临时', region_id: town().id })
    assert.equal((await coord.delete(`/api/v1/people/${created.body.item.id}`)).status, 204)
    assertError(await coord.get(`/api/v1/people/${created.body.item.id}`), 404, 'not_found')
  })
})

describe('scope by the organisation tree', () => {
  test('a 马涧镇 operator sees only 马涧镇 and cannot touch 兰江街道', async () => {
    const list = assertList(await majian.get('/api/v1/people?page_size=100'))
    assert.ok(list.total > 0)
    for (const p of list.items) assert.ok(p.region_name.startsWith('马涧镇'), p.region_name)

    const lanjiang = assertList(await coord.get(`/api/v1/people?${q({ region_id: byName('兰江街道').id, page_size: 1 })}`)).items[0]
    assertError(await majian.get(`/api/v1/people/${lanjiang.id}`), 404, 'not_found')
    assertError(await majian.put(`/api/v1/people/${lanjiang.id}`, { name: '改名' }), 404, 'not_found')
    assertError(await majian.delete(`/api/v1/people/${lanjiang.id}`), 404, 'not_found')
    assertError(await majian.get(`/api/v1/people?region_id=${byName('兰江街道').id}`), 403, 'out_of_scope')
    assertError(await majian.post('/api/v1/people', { name: '越界', region_id: byName('兰江街道').id }), 403, 'out_of_scope', 'region_id')
    const unchanged = await coord.get(`/api/v1/people/${lanjiang.id}`)
    assert.equal(unchanged.body.item.name, lanjiang.name)

    const own = await majian.post('/api/v1/people', { name: '马涧新人', region_id: byName('马坞村').id, tags: ['legal_literate'] })
    assert.equal(own.status, 201, own.text)
    assert.equal(own.body.item.region_name, '马涧镇 马坞村')
  })

  test('the system administrator neither reads nor edits the registries (business data, 三员分立)', async () => {
    assertError(await admin.get('/api/v1/units?page_size=1'), 403, 'forbidden')
    assertError(await admin.post('/api/v1/units', { name: '新单位', type: 'enterprise', region_id: 1 }), 403, 'forbidden')
  })

  test('regions: only the administrator changes the tree, with 12-digit codes under the parent’s', async () => {
    const code = `330781011${String(900 + Math.floor(Math.random() * 99))}`
    const village = { parent_id: byName('马涧镇').id, name: `新${uniqueName('c').slice(-4)}村`, code }
    // Operators and the coordinator work inside the tree; they do not edit it.
    for (const client of [majian, coord]) {
      assertError(await client.post('/api/v1/regions', village), 403, 'forbidden')
      assertError(await client.put(`/api/v1/regions/${byName('马坞村').id}`, { name: '改名村', code: byName('马坞村').code }), 403, 'forbidden')
    }
    const res = await admin.post('/api/v1/regions', village)
    assert.equal(res.status, 201, res.text)
    assertError(await admin.post('/api/v1/regions', { ...village, name: '重复村' }), 409, 'conflict', 'code')
    assertError(await admin.post('/api/v1/regions', { parent_id: byName('马坞村').id, name: '小组', code: '330781011998' }), 400, 'validation_failed', 'parent_id')
    for (const bad of ['33078101199', '3307810119x9', '330781011\u00009', '330781001997']) {
      assertError(await admin.post('/api/v1/regions', { ...village, name: '坏代码村', code: bad }), 400, 'validation_failed', 'code')
    }
    assertError(await admin.put(`/api/v1/regions/${res.body.item.id}`, { name: '改名村', code: '330781001996' }), 400, 'validation_failed', 'code')
    const renamed = await admin.put(`/api/v1/regions/${res.body.item.id}`, { name: '改名村', code })
    assert.equal(renamed.status, 200, renamed.text)
})
})

describe('other registries', () => {
  test('volunteer hours, places and advisor contracts validate their fields', async () => {
    const volunteer = assertList(await coord.get(`/api/v1/people?${q({ tag: 'volunteer', page_size: 1 })}`)).items[0]
    assertError(await coord.post('/api/v1/volunteer_hours', { person_id: volunteer.id, served_on: '2020-12-04', hours: 30 }), 400, 'validation_failed', 'hours')
    assertError(await coord.post('/api/v1/volunteer_hours', { person_id: volunteer.id, served_on: '2020-02-30', hours: 2 }), 400, 'validation_failed', 'served_on')
    const hours = await coord.post('/api/v1/volunteer_hours', { person_id: volunteer.id, served_on: '2020-12-04', hours: 2.5, description: '宪法日宣传' })
    assert.equal(hours.status, 201, hours.text)
    assert.equal(hours.body.item.hours, 2.5)
    assert.equal(hours.body.item.region_id, volunteer.region_id)

    assertError(await coord.post('/api/v1/places', { name: '公园', type: '游乐园', region_id: 1 }), 400, 'validation_failed', 'type')
    const photo = await coord.post('/api/v1/photos', undefined, { body: makePng(40, 30), type: 'image/png', headers: { 'X-File-Name': encodeURIComponent('长廊.png') } })
    assert.equal(photo.status, 201, photo.text)
    const place = await coord.post('/api/v1/places', { name: '马坞村法治长廊', type: 'corridor', region_id: byName('马坞村').id, opened_on: '2020-05-01', latitude: 29.2, longitude: 119.5, photo_ids: [photo.body.photo.id] })
    assert.equal(place.status, 201, place.text)
    assert.equal(place.body.item.region_name, '马涧镇 马坞村')
    assert.deepEqual(place.body.item.photo_ids, [photo.body.photo.id])
    assert.deepEqual(place.body.item.photo_names, ['长廊.png'])
    assertError(await coord.post('/api/v1/places', { name: '无图', type: 'corridor', region_id: 1, photo_ids: [99999999] }), 400, 'validation_failed', 'photo_ids')

    const advisor = assertList(await coord.get(`/api/v1/people?${q({ tag: 'legal_advisor', page_size: 1 })}`)).items[0]
    assertError(await coord.post('/api/v1/advisor_contracts', { advisor_id: advisor.id, starts_on: '2025-01-01' }), 400, 'validation_failed', 'client_unit_id')
    const contract = await coord.post('/api/v1/advisor_contracts', { advisor_id: advisor.id, client_region_id: byName('马坞村').id, starts_on: '2025-01-01', firm: '浙江兰江律师事务所' })
    assert.equal(contract.status, 201, contract.text)
    assert.equal(contract.body.item.client_region_name, '马涧镇 马坞村')
  })
})

describe('Excel', () => {
  test('export is a real .xlsx of the filtered list, with a Chinese file name', async () => {
    const town = byName('马涧镇')
    const res = await fetch(`${server.url}/api/v1/people/export?region_id=${town.id}`, { headers: { Cookie: coord.cookie } })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), XLSX)
    assert.match(res.headers.get('content-disposition'), /filename\*=UTF-8''%E4%BA%BA%E5%91%98/)
    const bytes = Buffer.from(await res.arrayBuffer())
    assert.equal(bytes.subarray(0, 2).toString(), 'PK')
    const total = assertList(await coord.get(`/api/v1/people?region_id=${town.id}&page_size=1`)).total
    const audit = await (await server.auditor()).get(`/api/v1/audit?${q({ action: 'people.export', page_size: 1 })}`)
    assert.equal(audit.body.items[0].detail, `${total} rows`)
  })

  test('the template is not imported as it is; filled in, it imports, and bad rows write nothing and are named', async () => {
    const template = await fetch(`${server.url}/api/v1/people/template`, { headers: { Cookie: coord.cookie } })
    assert.equal(template.status, 200)
    const templateBytes = Buffer.from(await template.arrayBuffer())
    const before = assertList(await coord.get('/api/v1/people?page_size=1')).total
    assertError(await coord.post('/api/v1/people/import', undefined, { body: templateBytes, type: XLSX }), 400, 'validation_failed', 'file', /示例行/)

    const header = values(readSheet(templateBytes))[0]
    assert.equal(header.at(-1), '示例')
    assert.ok(!header.includes('状态') && header.includes('姓名*'), header.join())
    const row = (name, phone) => header.map((h) => (h === '姓名*' ? name : h === '手机号' ? phone : h === '所属区域' ? '马涧镇 马坞村' : null))
    const ok = await coord.post('/api/v1/people/import', undefined, { body: workbook([{ name: '人员', rows: [header, row(uniqueName('导入'), '13800000001')] }]), type: XLSX })
    assert.equal(ok.status, 200, ok.text)
    assert.equal(ok.body.created, 1)
    assert.equal(ok.body.sheet, '人员')
    assert.equal(assertList(await coord.get('/api/v1/people?page_size=1')).total, before + 1)

    const bad = await coord.post('/api/v1/people/import', undefined, {
      body: workbook([{ name: '人员', rows: [header, row(uniqueName('好'), '13800000002'), row(uniqueName('坏'), '1380000'), row(uniqueName('坏'), '138 0000 0003')] }]),
      type: XLSX,
    })
    assert.equal(bad.status, 422, bad.text)
    assert.equal(bad.body.error.code, 'import_failed')
    assert.match(bad.body.error.message, /工作表“人员”中 2 行有错误，未写入/)
    assert.deepEqual(bad.body.error.rows.map((r) => [r.row, r.field]), [[3, 'phone'], [4, 'phone']])
    assert.match(bad.body.error.rows[1].message, /含空格/)
    assert.equal(assertList(await coord.get('/api/v1/people?page_size=1')).total, before + 1)
  })

  test('an upload that is not a spreadsheet is refused clearly', async () => {
    assertError(await coord.post('/api/v1/people/import', undefined, { body: Buffer.from('not a workbook'), type: XLSX }), 400, 'validation_failed', 'file', /没有找到表头/)
    assertError(await coord.post('/api/v1/people/import', undefined, { body: makePng(4, 4), type: 'image/png' }), 415, 'unsupported_media_type')
    // Teams have no import: the path only matches /teams/{id}, which takes no POST.
    assertError(await majian.post('/api/v1/teams/import', undefined, { body: Buffer.from('x'), type: XLSX }), 405, 'method_not_allowed')
  })
})
