// Spreadsheets as liaisons exchange them (docs/registry.md, "Export" and "Import"): an export
// imports back as updates that change nothing, headers people write are understood and unknown
// ones named, cells are read as shown, every failed row is listed and can be downloaded to fix,
// old .xls files and Chinese CSV get what they need.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, assertList, startServer, uniqueName } from './harness.mjs'
import { readSheet, values, workbook } from './xlsx.mjs'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }

let server
let coord
let majian
let regions
const byName = (name) => regions.find((r) => r.name === name)

before(async () => {
  server = await startServer()
  ;[coord, majian] = await Promise.all([server.login(COORD.username, COORD.password), server.login(MAJIAN.username, MAJIAN.password)])
  regions = (await coord.get('/api/v1/regions')).body.items
})
after(async () => server?.stop())

const download = async (client, path) => {
  const res = await fetch(`${server.url}${path}`, { headers: { Cookie: client.cookie } })
  assert.equal(res.status, 200, path)
  return Buffer.from(await res.arrayBuffer())
}
const upload = (client, path, body, type = XLSX) => client.post(path, undefined, { body, type })

describe('round trips', () => {
  test("a township's people export imports back as updates that change nothing, masked phones and all", async () => {
    const path = `/api/v1/people/export?region_id=${byName('马涧镇').id}`
    const before = await download(majian, path)
    const rows = values(readSheet(before))
    assert.equal(rows[0][0], '系统编号')
    assert.ok(rows.length > 10, `${rows.length} rows`)
    assert.ok(rows.slice(1).some((r) => /\*{4}/.test(r.join())), 'the export masks phones or ID numbers')
    const total = assertList(await majian.get('/api/v1/people?page_size=1')).total
    const res = await upload(majian, '/api/v1/people/import', before)
    assert.equal(res.status, 200, res.text)
    assert.deepEqual([res.body.created, res.body.updated], [0, rows.length - 1])
    assert.equal(assertList(await majian.get('/api/v1/people?page_size=1')).total, total)
    assert.deepEqual(values(readSheet(await download(majian, path))), rows)
  })

  test('activities re-import with a lecturer whose name is not unique, written with its number', async () => {
    const name = uniqueName('钟平')
    const [a, b] = await Promise.all(
      [1, 2].map((n) => coord.post('/api/v1/people', { name, region_id: byName(n === 1 ? '马坞村' : '兰江街道').id, tags: ['lecturer'] })),
    )
    assert.equal(a.status, 201, a.text)
    assert.equal(b.status, 201, b.text)
    const title = uniqueName('重名讲师的宣讲')
    const created = await coord.post('/api/v1/activities', {
      title, starts_on: '2020-06-08', region_id: byName('马坞村').id, theme: '民法典', form: 'lecture', participants: 30,
      lecturer_ids: [b.body.item.id],
    })
    assert.equal(created.status, 201, created.text)
    const path = `/api/v1/activities/export?q=${encodeURIComponent(title)}`
    const exported = await download(coord, path)
    const rows = values(readSheet(exported))
    const lecturers = rows[0].indexOf('讲师')
    assert.equal(rows[1][lecturers], `${name}（编号${b.body.item.id}）`)
    const res = await upload(coord, '/api/v1/activities/import', exported)
    assert.equal(res.status, 200, res.text)
    assert.deepEqual([res.body.created, res.body.updated], [0, 1])
    assert.deepEqual((await coord.get(`/api/v1/activities/${created.body.item.id}`)).body.item.lecturer_ids, [b.body.item.id])
    assert.deepEqual(values(readSheet(await download(coord, path))), rows)

    // Typed by hand without the number, the import says which ones there are.
    const header = ['活动名称', '活动日期', '所属区域', '主题', '形式', '参与人数', '讲师']
    const typed = workbook([{ name: '活动', rows: [header, [uniqueName('手填'), '2020-06-09', '马涧镇 马坞村', '民法典', '讲座', 20, name]] }])
    const ambiguous = await upload(coord, '/api/v1/activities/import', typed)
    assert.equal(ambiguous.status, 422, ambiguous.text)
    assert.equal(ambiguous.body.error.rows[0].field, 'lecturer_ids')
    assert.match(ambiguous.body.error.rows[0].message, new RegExp(`有重名.*${name}（编号${a.body.item.id}）`))
  })

  test('a 系统编号 outside the caller’s scope is refused, not created', async () => {
    const far = assertList(await coord.get(`/api/v1/people?region_id=${byName('兰江街道').id}&page_size=1`)).items[0]
    const file = workbook([{ name: '人员', rows: [['系统编号', '姓名'], [far.id, '改名']] }])
    const res = await upload(majian, '/api/v1/people/import', file)
    assert.equal(res.status, 422, res.text)
    assert.equal(res.body.error.rows[0].field, 'id')
    assert.equal((await coord.get(`/api/v1/people/${far.id}`)).body.item.name, far.name)
  })
})

describe('reading what people write', () => {
  test('headers by their usual names, below a title row and after an instructions sheet', async () => {
    const name = uniqueName('别名')
    const file = workbook([
      { name: '填表说明', rows: [['请按下表填写'], ['手机号请填 11 位']] },
      { name: '名单', rows: [['兰溪市马坞村人员名单'], ['序号', '姓名（必填）', '手机号码', '身份证号码', '所属村（社区）'], [1, name, '１３８０００００００９', '11010519491231002x', '马涧镇 马坞村']] },
    ])
    const res = await upload(coord, '/api/v1/people/import', file)
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.sheet, '名单')
    assert.equal(res.body.header_row, 2)
    const person = assertList(await coord.get(`/api/v1/people?q=${encodeURIComponent(name)}`)).items[0]
    const full = (await coord.get(`/api/v1/people/${person.id}?reveal=1`)).body.item
    assert.equal(full.phone, '13800000009') // full-width digits normalised
    assert.equal(full.id_number, '11010519491231002X')

    const unknown = await upload(coord, '/api/v1/people/import', workbook([{ name: '人员', rows: [['姓名', '手机号码', '备注'], ['张三', '13800000000', '']] }]))
    assertError(unknown, 400, 'validation_failed', 'file', /“备注”不是“人员”的列/)
  })

  test('cells as shown: a year typed as text is not a date, a date cell is, an ID Excel rounded is refused', async () => {
    const header = ['活动名称', '活动日期', '所属区域', '主题', '形式', '参与人数']
    const title = uniqueName('日期格式')
    const file = workbook(
      [{ name: '活动', rows: [header, [title, { n: 44197, style: 1 }, '马涧镇 马坞村', '民法典', '讲座', { n: '1200', style: 2 }], [uniqueName('年份'), { s: '2020', style: 3 }, '马涧镇 马坞村', '民法典', '讲座', 5]] }],
      { formats: [[176, 'yyyy"年"m"月"d"日"']], styles: [0, 176, 3, 49] },
    )
    const res = await upload(coord, '/api/v1/activities/import', file)
    assert.equal(res.status, 422, res.text)
    assert.deepEqual(res.body.error.rows.map((r) => [r.row, r.field]), [[3, 'starts_on']])

    const good = workbook([{ name: '活动', rows: [header, [title, { n: 44197, style: 1 }, '马涧镇 马坞村', '民法典', '讲座', { n: '1200', style: 2 }]] }], {
      formats: [[176, 'yyyy"年"m"月"d"日"']], styles: [0, 176, 3],
    })
    assert.equal((await upload(coord, '/api/v1/activities/import', good)).status, 200)
    const item = assertList(await coord.get(`/api/v1/activities?q=${encodeURIComponent(title)}`)).items[0]
    assert.equal(item.starts_on, '2021-01-01')
    assert.equal(item.participants, 1200)

    const id = await upload(coord, '/api/v1/people/import', workbook([{ name: '人员', rows: [['姓名', '身份证号'], [uniqueName('数字'), { n: '3.30781199001011E+17' }]] }]))
    assert.equal(id.status, 422, id.text)
    assert.match(id.body.error.rows[0].message, /请将身份证号列设为文本格式后重新填写/)
  })

  test('an old .xls says what to do; CSV saved by Chinese Excel (GBK) imports', async () => {
    assertError(await upload(coord, '/api/v1/people/import', Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), 'application/vnd.ms-excel'), 400, 'validation_failed', 'file', /另存为” \.xlsx/)
    // "姓名,所属区域\n<name>,马涧镇 马坞村\n" in GBK (the name in ASCII, the same in both).
    const ascii = `GBK${Date.now()}`
    const csv = Buffer.concat([Buffer.from('d0d5c3fb2ccbf9caf4c7f8d3f20a', 'hex'), Buffer.from(`${ascii},`), Buffer.from('c2edbda7d5f220c2edceebb4e50a', 'hex')])
    const res = await upload(coord, '/api/v1/people/import', csv, 'text/csv')
    assert.equal(res.status, 200, res.text)
    const person = assertList(await coord.get(`/api/v1/people?q=${ascii}`)).items[0]
    assert.equal(person.region_name, '马涧镇 马坞村')
  })
})

describe('every failed row', () => {
  test('all of them are listed, and can be downloaded with a reason column, fixed and imported', async () => {
    const header = ['姓名', '手机号', '所属区域']
    const stem = uniqueName('批量')
    const rows = [header, ...Array.from({ length: 250 }, (_, i) => [`${stem}${i}`, `1380000${String(i).padStart(3, '0')}`, '马涧镇 马坞村'])]
    const file = workbook([{ name: '人员', rows }])
    const res = await upload(coord, '/api/v1/people/import', file)
    assert.equal(res.status, 422, res.text)
    assert.equal(res.body.error.rows.length, 250) // not cut at 200
    assert.match(res.body.error.message, /250 行有错误/)

    const errors = await fetch(`${server.url}/api/v1/people/import/errors`, {
      method: 'POST', body: file, headers: { Cookie: coord.cookie, 'X-CSRF-Token': coord.csrf, 'Content-Type': XLSX },
    })
    assert.equal(errors.status, 200)
    assert.match(errors.headers.get('content-disposition'), /filename\*=UTF-8''/)
    const sheet = values(readSheet(Buffer.from(await errors.arrayBuffer())))
    assert.deepEqual(sheet[0], [...header, '错误原因', '原行号'])
    assert.equal(sheet.length, 251)
    assert.match(sheet[1][3], /手机号/)
    assert.equal(sheet[1][4], 2)
    // Fixed (11 digits) and sent back as it is: the reason and row columns are ignored.
    const fixed = sheet.map((r, i) => (i === 0 ? r : [r[0], `${r[1]}0`, r[2], r[3], r[4]]))
    const again = await upload(coord, '/api/v1/people/import', workbook([{ name: '人员（未导入）', rows: fixed }]))
    assert.equal(again.status, 200, again.text)
    assert.equal(again.body.created, 250)
  })
})
