// Activity ledger, study records, channels, dictionaries, the dashboard and the calendar.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ADMIN, COORD, assertError, assertList, startServer } from './harness.mjs'
import { excelDateTime, numberFormats, readSheet, values } from './xlsx.mjs'

const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }
const q = (params) => new URLSearchParams(params).toString()

let server
let coord
let majian
let admin
let regions
const byName = (name) => regions.find((r) => r.name === name)

before(async () => {
  server = await startServer()
  ;[coord, majian, admin] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(MAJIAN.username, MAJIAN.password),
    server.login(ADMIN.username, ADMIN.password),
  ])
  regions = (await coord.get('/api/v1/regions')).body.items
})
after(async () => server?.stop())

const dashboard = async (client, year, extra = {}) => {
  const res = await client.get(`/api/v1/dashboard/activities?${q({ year, ...extra })}`)
  assert.equal(res.status, 200, res.text)
  return res.body
}

function newActivity(overrides = {}) {
  return {
    title: '民法典进村宣讲', starts_on: '2020-06-08', region_id: byName('马坞村').id, theme: '民法典',
    audience: ['public', 'elderly'], six_place: 'villages', form: 'lecture', participants: 86, materials: 120,
    campaign: '公共法律服务日', ...overrides,
  }
}

describe('demo figures', () => {
  test('four years of ledger, 600+ 三长 sessions, 阿荣说法 twice a week since 2005', async () => {
    const d = await dashboard(coord, 2020)
    assert.deepEqual(d.years, [2017, 2018, 2019, 2020])
    assert.ok(d.activities.records >= 600, JSON.stringify(d.activities))
    assert.equal(d.by_month.length, 12)
    assert.equal(d.by_month.reduce((sum, m) => sum + m.records, 0), d.activities.records)
    assert.ok(d.by_theme.some((t) => t.key === '疫情防控') && d.by_theme.some((t) => t.key === '民法典'))
    assert.equal(d.by_township.length, 16)
    assert.ok(d.by_township.every((t) => typeof t.name === 'string' && Number.isInteger(t.region_id)))

    const sanzhang = assertList(await coord.get(`/api/v1/study_records?${q({ kind: 'three_heads', page_size: 1 })}`))
    assert.ok(sanzhang.total >= 600, `三长 sessions: ${sanzhang.total}`)

    const channels = assertList(await coord.get(`/api/v1/channels?${q({ q: '阿荣说法' })}`))
    const radio = channels.items[0]
    assert.equal(radio.kind, 'radio')
    const items = assertList(await coord.get(`/api/v1/channel_items?${q({ channel_id: radio.id, sort: 'published_on', page_size: 10 })}`))
    assert.ok(items.total >= 16 * 100, `阿荣说法 items: ${items.total}`)
    assert.equal(items.items[0].published_on, '2005-01-04')
    for (const item of items.items) assert.ok([2, 5].includes(new Date(`${item.published_on}T00:00:00Z`).getUTCDay()), item.published_on)
  })

  test('the campaigns the seed names are on their dates', async () => {
    for (const [date, campaign] of [['2017-12-04', '全城点亮宪法日'], ['2019-12-04', '宪法历程健步走']]) {
      const list = assertList(await coord.get(`/api/v1/activities?${q({ starts_on_from: date, starts_on_to: date, campaign })}`))
      assert.ok(list.total >= 1, `${campaign} on ${date}`)
    }
    const cal = await coord.get('/api/v1/calendar?year=2018&month=12')
    assert.equal(cal.status, 200)
    assert.equal(cal.body.days.length, 31)
    const dec4 = cal.body.days[3]
    assert.ok(dec4.campaigns.includes('constitution_day') && dec4.campaigns.includes('constitution_week'))
    assert.ok(dec4.records >= 1 && dec4.units.some((u) => u.name === '市司法局'))
    assert.ok(cal.body.days[7].campaigns.includes('service_day'))
  })
})

describe('recording and the dashboard', () => {
  test('a village operator records an activity and every count follows', async () => {
    const city0 = await dashboard(coord, 2020)
    const town0 = await dashboard(majian, 2020)
    const created = await majian.post('/api/v1/activities', newActivity())
    assert.equal(created.status, 201, created.text)
    const item = created.body.item
    assert.equal(item.status, 'submitted')
    assert.equal(item.region_name, '马涧镇 马坞村')
    assert.deepEqual(item.audience, ['public', 'elderly'])

    const city1 = await dashboard(coord, 2020)
    assert.equal(city1.activities.records, city0.activities.records + 1)
    assert.equal(city1.activities.people, city0.activities.people + 86)
    assert.equal(city1.by_month[5].records, city0.by_month[5].records + 1)
    const town1 = await dashboard(majian, 2020)
    assert.equal(town1.activities.records, town0.activities.records + 1)
    assert.ok(town1.activities.records < city1.activities.records, 'the township sees only its own')

    const edited = await majian.put(`/api/v1/activities/${item.id}`, { participants: 100, starts_on: '2020-07-08' })
    assert.equal(edited.status, 200, edited.text)
    const city2 = await dashboard(coord, 2020)
    assert.equal(city2.activities.people, city0.activities.people + 100)
    assert.equal(city2.by_month[5].records, city0.by_month[5].records)
    assert.equal(city2.by_month[6].records, city0.by_month[6].records + 1)

    assert.equal((await majian.delete(`/api/v1/activities/${item.id}`)).status, 204)
    const city3 = await dashboard(coord, 2020)
    assert.deepEqual(city3.activities, city0.activities)
    assert.deepEqual(city3.by_theme, city0.by_theme)
  })

  test('bad input names the field and writes nothing', async () => {
    const before = (await dashboard(coord, 2020)).activities
    assertError(await majian.post('/api/v1/activities', newActivity({ theme: '不存在的主题' })), 400, 'validation_failed', 'theme')
    assertError(await majian.post('/api/v1/activities', newActivity({ participants: -1 })), 400, 'validation_failed', 'participants')
    assertError(await majian.post('/api/v1/activities', newActivity({ participants: 1.5 })), 400, 'validation_failed', 'participants')
    assertError(await majian.post('/api/v1/activities', newActivity({ starts_on: '2020-02-30' })), 400, 'validation_failed', 'starts_on')
    // Dates are bounded: a year typed with a digit too few or too many is refused, not stored.
    for (const starts_on of ['0202-05-01', '9999-12-31', '1899-12-31']) {
      assertError(await majian.post('/api/v1/activities', newActivity({ starts_on })), 400, 'validation_failed', 'starts_on', /1900 至 2100/)
    }
    assertError(await majian.post('/api/v1/activities', newActivity({ form: '聚餐' })), 400, 'validation_failed', 'form')
    assertError(await majian.post('/api/v1/activities', newActivity({ audience: ['外星人'] })), 400, 'validation_failed', 'audience')
    assertError(await majian.post('/api/v1/activities', newActivity({ lecturer_ids: [99999999] })), 400, 'validation_failed', 'lecturer_ids')
    assertError(await majian.post('/api/v1/activities', newActivity({ status: 'returned', title: undefined })), 400, 'validation_failed', 'title')
    assertError(await majian.post('/api/v1/activities', newActivity({ region_id: byName('青松社区').id })), 403, 'out_of_scope', 'region_id')
    assertError(await admin.post('/api/v1/activities', newActivity()), 403, 'forbidden')
    assert.deepEqual((await dashboard(coord, 2020)).activities, before)
    assertError(await coord.get('/api/v1/activities?starts_on_from=2020-13-01'), 400, 'validation_failed', 'starts_on')
    assertError(await coord.get('/api/v1/activities?starts_on_to=9999-12-31'), 400, 'validation_failed', 'starts_on')
    assertError(await coord.get('/api/v1/dashboard/activities?year=1900'), 400, 'validation_failed', 'year')
    assertError(await majian.get(`/api/v1/dashboard/activities?region_id=${byName('兰江街道').id}`), 403, 'out_of_scope')
  })

  test('a village operator records in the village only', async () => {
    const mawu = await server.login('mawu', 'Pufa-Mawu-2026')
    const own = await mawu.post('/api/v1/activities', newActivity({ title: '马坞村法律明白人讲堂' }))
    assert.equal(own.status, 201, own.text)
    assert.equal(own.body.item.region_name, '马涧镇 马坞村')
    const other = regions.find((r) => r.parent_id === byName('马涧镇').id && r.name !== '马坞村')
    assertError(await mawu.post('/api/v1/activities', newActivity({ region_id: other.id })), 403, 'out_of_scope', 'region_id')
    const mine = assertList(await mawu.get('/api/v1/activities?page_size=100'))
    for (const a of mine.items) assert.equal(a.region_name, '马涧镇 马坞村')
  })

  test('city lecturers and departments serve the villages: shared references', async () => {
    const local = assertList(await majian.get(`/api/v1/people?${q({ tag: 'lecturer' })}`))
    assert.equal(local.total, 0, 'no lecturer lives in 马涧镇')
    const city = assertList(await majian.get(`/api/v1/people?${q({ tag: 'lecturer', shared: 1 })}`))
    assert.equal(city.total, 54)
    assertError(await majian.get('/api/v1/people?shared=1'), 400, 'validation_failed', 'tag')
    assertError(await majian.get(`/api/v1/people?${q({ tag: 'volunteer', shared: 1 })}`), 400, 'validation_failed', 'tag')
    assertError(await majian.get('/api/v1/places?shared=1'), 400, 'validation_failed', 'shared')
    const justice = assertList(await majian.get(`/api/v1/units?${q({ q: '市司法局', shared: 1 })}`)).items[0]
    const res = await majian.post('/api/v1/activities', newActivity({ lecturer_ids: [city.items[0].id], unit_id: justice.id }))
    assert.equal(res.status, 201, res.text)
    assert.deepEqual(res.body.item.lecturer_names, [city.items[0].name])
    assert.equal(res.body.item.unit_name, '市司法局')
    // Shared references do not open the rest: the lecturer's own record stays out of scope.
    assertError(await majian.get(`/api/v1/people/${city.items[0].id}`), 404, 'not_found')
  })

  test('status is not set from input', async () => {
    const res = await majian.post('/api/v1/activities', newActivity({ status: 'returned', return_reason: 'x' }))
    assert.equal(res.status, 201)
    assert.equal(res.body.item.status, 'submitted')
    assert.equal(res.body.item.return_reason, null)
  })
})

describe('return for correction', () => {
  test('the coordinator returns a record with a reason; the operator corrects and resubmits', async () => {
    const created = (await majian.post('/api/v1/activities', newActivity({ title: '待退回的活动' }))).body.item
    assertError(await coord.post(`/api/v1/activities/${created.id}/return`, {}), 400, 'validation_failed', 'reason')
    assertError(await majian.post(`/api/v1/activities/${created.id}/return`, { reason: '自己退回' }), 403, 'forbidden')
    const returned = await coord.post(`/api/v1/activities/${created.id}/return`, { reason: '请补充活动照片和参与人数' })
    assert.equal(returned.status, 200, returned.text)
    assert.equal(returned.body.item.status, 'returned')

    const mine = assertList(await majian.get(`/api/v1/activities?${q({ status: 'returned' })}`))
    const seen = mine.items.find((a) => a.id === created.id)
    assert.equal(seen.return_reason, '请补充活动照片和参与人数')

    const fixed = await majian.put(`/api/v1/activities/${created.id}`, { participants: 150 })
    assert.equal(fixed.status, 200)
    const again = (await majian.get(`/api/v1/activities/${created.id}`)).body.item
    assert.equal(again.status, 'submitted')
    assert.equal(again.return_reason, null)
    assert.equal(again.participants, 150)

    const audit = await (await server.auditor()).get(`/api/v1/audit?${q({ action: 'activities.return' })}`)
    assert.ok(audit.body.items.some((a) => a.object_id === String(created.id) && a.username === 'lanxi'))
  })

  test('study records are returned the same way and counted by unit', async () => {
    const unit = assertList(await majian.get(`/api/v1/units?${q({ q: '马涧镇人民政府' })}`)).items[0]
    const before = await dashboard(coord, 2019)
    const created = await majian.post('/api/v1/study_records', {
      kind: 'three_heads', unit_id: unit.id, held_on: '2019-11-08', topic: '镇长讲法：行政执法程序', attendees: 40,
    })
    assert.equal(created.status, 201, created.text)
    const after = await dashboard(coord, 2019)
    assert.equal(after.study.total.records, before.study.total.records + 1)
    const returned = await coord.post(`/api/v1/study_records/${created.body.item.id}/return`, { reason: '请写明所学法律' })
    assert.equal(returned.body.item.status, 'returned')
  })
})

describe('dictionaries and export', () => {
  test('coordinators extend the theme dictionary; operators cannot', async () => {
    assertError(await majian.post('/api/v1/dictionary_items', { dict: 'activity_theme', value: '反电信诈骗' }), 403, 'forbidden')
    const added = await coord.post('/api/v1/dictionary_items', { dict: 'activity_theme', value: '反电信诈骗', sort_order: 20 })
    assert.equal(added.status, 201, added.text)
    assertError(await coord.post('/api/v1/dictionary_items', { dict: 'activity_theme', value: '反电信诈骗' }), 409, 'conflict')
    const res = await majian.post('/api/v1/activities', newActivity({ theme: '反电信诈骗' }))
    assert.equal(res.status, 201, res.text)
    const themes = assertList(await majian.get(`/api/v1/dictionary_items?${q({ dict: 'activity_theme', page_size: 100 })}`))
    assert.ok(themes.items.some((t) => t.value === '反电信诈骗'))
  })

  test('the ledger lists the newest activity date first unless asked otherwise', async () => {
    const page = assertList(await coord.get(`/api/v1/activities?${q({ page_size: 50 })}`))
    const dates = page.items.map((a) => a.starts_on)
    assert.deepEqual(dates, [...dates].sort().reverse())
    const oldest = assertList(await coord.get(`/api/v1/activities?${q({ sort: 'starts_on', page_size: 1 })}`)).items[0]
    assert.ok(oldest.starts_on < dates.at(-1) || oldest.starts_on === dates.at(-1))
    const studies = assertList(await coord.get(`/api/v1/study_records?${q({ page_size: 20 })}`)).items.map((r) => r.held_on)
    assert.deepEqual(studies, [...studies].sort().reverse())
  })

  test('the export holds exactly the filtered rows', async () => {
    const filter = { starts_on_from: '2020-05-01', starts_on_to: '2020-05-31', theme: '民法典' }
    const total = assertList(await coord.get(`/api/v1/activities?${q({ ...filter, page_size: 1 })}`)).total
    assert.ok(total > 0)
    const res = await fetch(`${server.url}/api/v1/activities/export?${q(filter)}`, { headers: { Cookie: coord.cookie } })
    assert.equal(res.status, 200)
    const bytes = Buffer.from(await res.arrayBuffer())
    const rows = readSheet(bytes)
    const formats = numberFormats(bytes)
    assert.equal(rows.length - 1, total)
    const header = values(rows)[0]
    const at = (label) => header.indexOf(label)
    assert.ok(at('参与人数') > 0 && at('活动日期') > 0, header.join(','))
    // Counts are numbers (SUM works), dates are Excel dates in the ledger's own days.
    for (const cells of rows.slice(1)) {
      assert.equal(cells[at('参与人数')].type, 'number')
      assert.equal(cells[at('活动日期')].type, 'number')
      assert.equal(formats[cells[at('活动日期')].style], 'yyyy-mm-dd')
      assert.match(excelDateTime(cells[at('活动日期')].value), /^2020-05-\d\d 00:00$/)
    }
    const audit = await (await server.auditor()).get(`/api/v1/audit?${q({ action: 'activities.export', page_size: 1 })}`)
    assert.equal(audit.body.items[0].detail, `${total} rows`)
  })
})
