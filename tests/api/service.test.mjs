// 公共法律服务 (issue #16): the work standard, schedules that move off weekends and holidays, a service
// day verified by the village (a code, or the operator's word) rather than claimed, logs with the parties
// masked, residents' bookings with a one-time code and a rating, every 不满意 called back, the
// scorecards and the compliance table. Runs on the demo.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, startServer } from './harness.mjs'
import { readSheet, values } from './xlsx.mjs'

const LVSHI = { username: 'lvshi', password: 'Pufa-Lvshi-2026' }
const FUWU = { username: 'fuwu', password: 'Pufa-Fuwu-2026' }
const MAWU = { username: 'mawu', password: 'Pufa-Mawu-2026' }
const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }
const HOUR = 3600 * 1000

let server, coord, lvshi, fuwu, mawu, majian
let mawuId, townships

const beijing = (ms) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10)
// 09:00 in Beijing of a date, as an instant.
const nineOn = (date) => Date.parse(`${date}T01:00:00Z`)
const weekday = (date) => new Date(`${date}T00:00:00Z`).getUTCDay()

async function signIn() {
  ;[coord, lvshi, fuwu, mawu, majian] = await Promise.all([
    server.login(COORD.username, COORD.password), server.login(LVSHI.username, LVSHI.password),
    server.login(FUWU.username, FUWU.password), server.login(MAWU.username, MAWU.password),
    server.login(MAJIAN.username, MAJIAN.password),
  ])
}

// The server's "now" (the test clock moves it to the advisor's service days).
let offset = 0
const now = () => Date.now() + offset

async function clockAt(at) {
  await server.clockAt(at)
  offset = at - Date.now()
  await signIn()
}

async function ok(res, status = 200) {
  assert.equal(res.status, status, res.text)
  return res.body
}

/** The last code the SMS stand-in was given for `phone`. */
async function codeFor(phone) {
  for (let i = 0; i < 100; ++i) {
    const found = (await server.sms()).filter((m) => m.phone === phone && m.code)
    if (found.length) return found.at(-1).code
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('no code sent')
}

// The advisor's next days in 马坞村 after today.
async function nextMawuDays() {
  const days = await ok(await lvshi.get(`/api/v1/service/days?from=${beijing(now() + 24 * HOUR)}&page_size=200`))
  return days.items.filter((d) => d.region_id === mawuId)
}

before(async () => {
  server = await startServer({ testClock: true })
  await signIn()
  const villages = await ok(await mawu.get('/api/v1/regions'))
  mawuId = villages.items.find((r) => r.name === '马坞村').id
  townships = (await ok(await coord.get('/api/v1/regions'))).items.filter((r) => r.level === 2)
})

after(async () => {
  await server?.stop()
})

describe('the work standard', () => {
  test('the coordinator edits it; bad values are refused field by field and nothing is written', async () => {
    const standard = await ok(await coord.get('/api/v1/service/standard'))
    assert.deepEqual(standard.days_of_month, [8, 18, 28])
    assert.equal(standard.town_days, 2)
    assert.equal(standard.remote_days, 1)
    assertError(await coord.put('/api/v1/service/standard', { ...standard, days_of_month: [8, 30] }), 400, 'validation_failed', 'days_of_month[1]')
    assertError(await coord.put('/api/v1/service/standard', { ...standard, town_days: 4 }), 400, 'validation_failed', 'town_days')
    assertError(await coord.put('/api/v1/service/standard', { ...standard, remote_days: 3 }), 400, 'validation_failed', 'remote_days')
    assertError(await coord.put('/api/v1/service/standard', { ...standard, subsidy_per_day: 'many' }), 400, 'validation_failed', 'subsidy_per_day')
    assertError(await majian.put('/api/v1/service/standard', standard), 403, 'forbidden')
    assertError(await mawu.put('/api/v1/service/standard', standard), 403, 'forbidden')
    assert.deepEqual(await ok(await coord.get('/api/v1/service/standard')), standard)
    const changed = await ok(await coord.put('/api/v1/service/standard', { ...standard, subsidy_per_day: 250 }))
    assert.equal(changed.subsidy_per_day, 250)
    await ok(await coord.put('/api/v1/service/standard', standard))
  })

  test('every village has its advisor; the remote ones are marked', async () => {
    const page = await ok(await fuwu.get('/api/v1/service/villages?page_size=100'))
    assert.ok(page.total > 5)
    assert.ok(page.items.every((v) => v.township_name === '马涧镇' && v.advisor_name))
    const remote = await ok(await coord.get(`/api/v1/service/villages?region_id=${townships.find((t) => t.name === '柏社乡').id}`))
    assert.ok(remote.items.length > 0 && remote.items.every((v) => v.remote))
    const set = await ok(await fuwu.put(`/api/v1/service/villages/${mawuId}`, { remote: true }))
    assert.equal(set.remote, true)
    await ok(await fuwu.put(`/api/v1/service/villages/${mawuId}`, { remote: false }))
    assertError(await fuwu.put(`/api/v1/service/villages/${townships.find((t) => t.name === '柏社乡').id}`, { remote: true }), 404, 'not_found')
    assertError(await fuwu.put(`/api/v1/service/villages/${mawuId}`, {}), 400, 'validation_failed', 'remote')
  })
})

describe('schedules', () => {
  test("2020's days move off weekends and holidays: 8 February (a Saturday) and 8 October (国庆)", async () => {
    const majianTown = townships.find((t) => t.name === '马涧镇').id
    const feb = await ok(await fuwu.get(`/api/v1/service/days?year=2020&month=2&region_id=${majianTown}&page_size=500`))
    const feb8 = feb.items.filter((d) => d.nominal_on === '2020-02-08')
    assert.ok(feb8.length > 0)
    for (const d of feb8) {
      assert.ok(d.planned_on >= '2020-02-10', d.planned_on)
      assert.ok(['weekend', 'full'].includes(d.moved), d.moved)
    }
    const oct = await ok(await fuwu.get(`/api/v1/service/days?year=2020&month=10&region_id=${majianTown}&page_size=500`))
    const oct8 = oct.items.filter((d) => d.nominal_on === '2020-10-08')
    assert.ok(oct8.length > 0)
    for (const d of oct8) {
      assert.ok(d.planned_on >= '2020-10-09', d.planned_on)
      assert.ok(['holiday', 'full'].includes(d.moved), d.moved)
    }
    // 10 October 2020 was a 调休 Saturday: a working day a day may move to; no other weekend is ever planned.
    for (const d of [...feb.items, ...oct.items]) {
      if (d.planned_on !== '2020-10-10') assert.ok(![0, 6].includes(weekday(d.planned_on)), d.planned_on)
    }
  })

  test('generating a year lays out the standard for every village; the export holds dates as dates', async () => {
    const majianTown = townships.find((t) => t.name === '马涧镇').id
    const year = new Date().getUTCFullYear() + 1
    const made = await ok(await fuwu.post('/api/v1/service/schedules', { year }))
    const villages = (await ok(await fuwu.get('/api/v1/service/villages?page_size=100'))).total
    assert.equal(made.villages, villages)
    assert.equal(made.without_advisor, 0)
    assert.equal(made.days, villages * 2 * 12, 'two days a month in each town village')
    const again = await ok(await fuwu.post('/api/v1/service/schedules', { year }))
    assert.equal(again.days, made.days, 'regenerating replaces, it does not add')
    const days = await ok(await fuwu.get(`/api/v1/service/days?year=${year}&region_id=${mawuId}&page_size=100`))
    assert.equal(days.total, 24)
    assert.ok(days.items.every((d) => ![0, 6].includes(weekday(d.planned_on))))
    assertError(await fuwu.post('/api/v1/service/schedules', { year, region_id: townships.find((t) => t.name === '兰江街道').id }), 403, 'out_of_scope')
    assertError(await fuwu.post('/api/v1/service/schedules', { year: 1900 }), 400, 'validation_failed', 'year')
    assertError(await mawu.post('/api/v1/service/schedules', { year }), 403, 'forbidden')
    const res = await fetch(`${server.url}/api/v1/service/schedules/export?year=${year}&region_id=${majianTown}`, { headers: { Cookie: fuwu.cookie } })
    assert.equal(res.status, 200)
    const rows = readSheet(Buffer.from(await res.arrayBuffer()))
    assert.deepEqual(values(rows)[0], ['序号', '乡镇（街道）', '村（社区）', '法律顾问', '律师事务所', '服务日期', '原定日期', '调整原因', '状态'])
    assert.equal(rows.length - 1, made.days)
    assert.equal(rows[1][0].type, 'number')
    assert.equal(rows[1][5].type, 'number', '服务日期 is a date cell')
  })

  test('staff see their township only; an advisor sees their own days', async () => {
    const other = townships.find((t) => t.name === '兰江街道').id
    assertError(await fuwu.get(`/api/v1/service/days?region_id=${other}`), 403, 'out_of_scope')
    const city = await ok(await coord.get(`/api/v1/service/days?year=2020&region_id=${other}&page_size=1`))
    assertError(await fuwu.get(`/api/v1/service/days/${city.items[0].id}`), 404, 'not_found')
    const mine = await ok(await lvshi.get('/api/v1/service/days?year=2020&page_size=500'))
    assert.ok(mine.total > 0)
    const advisors = new Set(mine.items.map((d) => d.advisor_id))
    assert.equal(advisors.size, 1)
    assert.ok(mine.items.some((d) => d.region_id === mawuId))
    assertError(await majian.get('/api/v1/service/days'), 403, 'forbidden')
  })
})

describe('a service day is verified, not claimed', () => {
  test('the advisor checks in on the day; the operator types the code; a used or expired code is refused', async () => {
    const [first, second] = await nextMawuDays()
    assert.ok(first && second, 'two coming days in 马坞村')
    assertError(await lvshi.post(`/api/v1/service/days/${first.id}/check-in`), 409, 'wrong_state')
    await clockAt(nineOn(first.planned_on))
    const checkIn = await ok(await lvshi.post(`/api/v1/service/days/${first.id}/check-in`))
    assert.match(checkIn.code, /^\d{6}$/)
    assert.ok(!`${server.stdout()}\n${server.stderr()}`.includes(checkIn.code), 'the code is not in the log')
    const todo = await ok(await mawu.get('/api/v1/todo'))
    assert.ok(todo.items.some((i) => i.code === 'service.days.confirm'), JSON.stringify(todo))
    const wrong = checkIn.code === '000000' ? '000001' : '000000'
    assertError(await mawu.post(`/api/v1/service/days/${first.id}/confirm`, { code: wrong }), 422, 'code_invalid', 'code')
    const verified = await ok(await mawu.post(`/api/v1/service/days/${first.id}/confirm`, { code: checkIn.code }))
    assert.equal(verified.status, 'verified')
    assert.equal(verified.verified_by, 'operator_code')
    assertError(await mawu.post(`/api/v1/service/days/${first.id}/confirm`, { code: checkIn.code }), 409, 'wrong_state')
    assertError(await majian.post(`/api/v1/service/days/${first.id}/confirm`, { code: checkIn.code }), 403, 'forbidden')

    await clockAt(nineOn(second.planned_on))
    const late = await ok(await lvshi.post(`/api/v1/service/days/${second.id}/check-in`))
    await clockAt(nineOn(second.planned_on) + 3 * HOUR)
    assertError(await mawu.post(`/api/v1/service/days/${second.id}/confirm`, { code: late.code }), 422, 'code_invalid')
    const resident = await server.client().post('/api/v1/public/service/check-ins', { village_id: mawuId, code: late.code })
    assertError(resident, 422, 'code_invalid', 'code')
    const confirmed = await ok(await mawu.post(`/api/v1/service/days/${second.id}/confirm`, {}))
    assert.equal(confirmed.verified_by, 'operator')
  })

  test('a resident confirms with the code on the portal', async () => {
    const days = await nextMawuDays()
    const day = days.find((d) => d.status === 'planned')
    await clockAt(nineOn(day.planned_on))
    const checkIn = await ok(await lvshi.post(`/api/v1/service/days/${day.id}/check-in`))
    assertError(await server.client().post('/api/v1/public/service/check-ins', { village_id: mawuId, code: '12' }), 422, 'code_invalid', 'code')
    const done = await ok(await server.client().post('/api/v1/public/service/check-ins', { village_id: mawuId, code: checkIn.code }))
    assert.equal(done.village_name, '马坞村')
    assert.equal(done.planned_on, day.planned_on)
    const shown = await ok(await mawu.get(`/api/v1/service/days/${day.id}`))
    assert.equal(shown.verified_by, 'resident_code')
  })
})

describe('service logs', () => {
  test("the advisor records a log for their village; the parties come masked; revealing needs pii.read and is audited", async () => {
    const created = await ok(await lvshi.post('/api/v1/service/logs', {
      region_id: mawuId, served_on: beijing(now()), kind: 'consult', topic: 'labour', parties: ['周志明', '欧阳春花'],
      summary: '村民咨询被拖欠三个月工资如何维权，已告知可向劳动保障监察投诉或申请劳动仲裁。', minutes: 30,
    }), 201)
    assert.deepEqual(created.parties, ['周*明', '欧**花'])
    assertError(await mawu.get(`/api/v1/service/logs/${created.id}?reveal=1`), 403, 'forbidden')
    const revealed = await ok(await coord.get(`/api/v1/service/logs/${created.id}?reveal=1`))
    assert.deepEqual(revealed.parties, ['周志明', '欧阳春花'])
    const audit = await server.audit('action=service.log.reveal')
    assert.ok(audit.some((a) => a.object_id === String(created.id)))
    const listed = await ok(await mawu.get('/api/v1/service/logs?page_size=5'))
    assert.ok(listed.items.every((l) => l.parties.every((p) => p.includes('*'))))
  })

  test('a village that is not theirs, a future day and a missing summary are refused', async () => {
    const other = (await ok(await coord.get('/api/v1/service/villages?page_size=100'))).items.find((v) => v.advisor_id && v.township_name !== '马涧镇')
    const mine = (await ok(await lvshi.get('/api/v1/service/days?year=2020&page_size=1'))).items[0]
    const foreign = other.advisor_id === mine.advisor_id ? null : other
    const body = { region_id: mawuId, served_on: beijing(now()), kind: 'consult', summary: '咨询' }
    if (foreign) assertError(await lvshi.post('/api/v1/service/logs', { ...body, region_id: foreign.id }), 403, 'out_of_scope', 'region_id')
    assertError(await lvshi.post('/api/v1/service/logs', { ...body, served_on: beijing(now() + 48 * HOUR) }), 400, 'validation_failed', 'served_on')
    assertError(await lvshi.post('/api/v1/service/logs', { ...body, summary: '  ' }), 400, 'validation_failed', 'summary')
    assertError(await lvshi.post('/api/v1/service/logs', { ...body, kind: 'gossip' }), 400, 'validation_failed', 'kind')
    assertError(await mawu.post('/api/v1/service/logs', body), 403, 'forbidden')
  })
})

describe('bookings', () => {
  test('a resident books a service day with a code, the advisor answers, the resident rates once; 不满意 is called back', async () => {
    const village = await ok(await server.client().get(`/api/v1/public/service/villages/${mawuId}`))
    assert.match(village.sentence, /^本村法律顾问.+律师，每月 .+在村/)
    assert.ok(village.upcoming.length > 0)
    const phone = '13912345678'
    const client = server.client()
    assert.equal((await client.post('/api/v1/public/service/otp', { phone })).status, 202)
    const code = await codeFor(phone)
    const form = { village_id: mawuId, topic: 'labour', preferred_on: village.upcoming[0], question: '工资拖了三个月不发怎么办？', name: '周志明', phone }
    const notADay = village.upcoming[0].replace(/-\d\d$/, (d) => `-${String(Number(d.slice(1)) === 1 ? 2 : 1).padStart(2, '0')}`)
    assertError(await client.post('/api/v1/public/service/bookings', { ...form, preferred_on: notADay, code }), 400, 'validation_failed', 'preferred_on')
    assertError(await client.post('/api/v1/public/service/bookings', { ...form, code: code === '000000' ? '000001' : '000000' }), 422, 'code_invalid', 'code')
    assertError(await client.post('/api/v1/public/service/bookings', { ...form, name: '', code }), 400, 'validation_failed', 'name')
    const booked = await ok(await client.post('/api/v1/public/service/bookings', { ...form, code }), 201)
    assert.match(booked.ref, /^FW\d{11}$/)
    assert.ok(booked.token)
    assert.equal(booked.name, undefined, 'the resident page shows no name or phone')
    assertError(await client.get(`/api/v1/public/service/bookings/${booked.ref}?token=wrong`), 404, 'not_found')
    assertError(await client.post('/api/v1/public/service/bookings', { ...form, code }), 422, 'code_invalid', 'code')

    const list = await ok(await lvshi.get('/api/v1/service/bookings?status=submitted'))
    const mine = list.items.find((b) => b.ref === booked.ref)
    assert.equal(mine.phone, '139****5678')
    assert.equal(mine.name, '周*明')
    assert.equal((await ok(await lvshi.get(`/api/v1/service/bookings/${mine.id}`))).ref, booked.ref)
    assertError(await fuwu.get(`/api/v1/service/bookings/999999`), 404, 'not_found')
    assert.ok((await ok(await lvshi.get('/api/v1/todo'))).items.some((i) => i.code === 'service.bookings.answer'))
    assertError(await mawu.post(`/api/v1/service/bookings/${mine.id}/accept`), 403, 'forbidden')
    const accepted = await ok(await lvshi.post(`/api/v1/service/bookings/${mine.id}/accept`))
    assert.equal(accepted.status, 'accepted')
    assert.equal(accepted.answered_in_time, true)
    assertError(await client.post(`/api/v1/public/service/bookings/${booked.ref}/rating`, { token: booked.token, rating: 'satisfied' }), 409, 'wrong_state')
    await ok(await lvshi.post(`/api/v1/service/bookings/${mine.id}/serve`, { note: '已当面解答' }))
    assertError(await client.post(`/api/v1/public/service/bookings/${booked.ref}/rating`, { token: booked.token, rating: 'unsatisfied' }), 400, 'validation_failed', 'comment')
    const rated = await ok(await client.post(`/api/v1/public/service/bookings/${booked.ref}/rating`, { token: booked.token, rating: 'unsatisfied', comment: '没听懂' }))
    assert.equal(rated.rating, 'unsatisfied')
    assertError(await client.post(`/api/v1/public/service/bookings/${booked.ref}/rating`, { token: booked.token, rating: 'satisfied' }), 409, 'already_rated')

    const callbacks = await ok(await fuwu.get('/api/v1/service/callbacks?status=open'))
    const callback = callbacks.items.find((c) => c.ref === booked.ref)
    assert.ok(callback, 'the 不满意 opened a call-back')
    assert.equal(callback.phone, '139****5678')
    assert.equal(callback.rating, 'unsatisfied')
    assert.ok(callback.advisor_name)
    assertError(await mawu.get(`/api/v1/service/callbacks/${callback.id}?reveal=1`), 403, 'forbidden')
    const toCall = await ok(await fuwu.get(`/api/v1/service/callbacks/${callback.id}?reveal=1`))
    assert.equal(toCall.phone, phone)
    assert.equal(toCall.name, '周志明')
    assert.ok((await server.audit('action=service.callback.reveal')).some((a) => a.object_id === String(callback.id)))
    assert.ok((await ok(await fuwu.get('/api/v1/todo'))).items.some((i) => i.code === 'service.callbacks.close'))
    assertError(await fuwu.post(`/api/v1/service/callbacks/${callback.id}/close`, { note: '' }), 400, 'validation_failed', 'note')
    const closed = await ok(await fuwu.post(`/api/v1/service/callbacks/${callback.id}/close`, { note: '已电话回访，重新解答' }))
    assert.equal(closed.status, 'closed')
    assertError(await fuwu.post(`/api/v1/service/callbacks/${callback.id}/close`, { note: '再次' }), 409, 'wrong_state')
  })

  test('a proposed time is confirmed by the resident', async () => {
    const village = await ok(await server.client().get(`/api/v1/public/service/villages/${mawuId}`))
    const phone = '13912345679'
    const client = server.client()
    await client.post('/api/v1/public/service/otp', { phone })
    const booked = await ok(await client.post('/api/v1/public/service/bookings', {
      village_id: mawuId, topic: 'marriage_family', preferred_on: village.upcoming[0], question: '离婚后孩子抚养费怎么定？', name: '李秀英', phone, code: await codeFor(phone),
    }), 201)
    const id = (await ok(await lvshi.get('/api/v1/service/bookings?status=submitted'))).items.find((b) => b.ref === booked.ref).id
    assertError(await lvshi.post(`/api/v1/service/bookings/${id}/propose`, { on: '2000-01-01' }), 400, 'validation_failed', 'on')
    await ok(await lvshi.post(`/api/v1/service/bookings/${id}/propose`, { on: village.upcoming.at(-1), note: '当天另有调解' }))
    const shown = await ok(await client.get(`/api/v1/public/service/bookings/${booked.ref}?token=${booked.token}`))
    assert.equal(shown.status, 'proposed')
    assert.equal(shown.proposed_on, village.upcoming.at(-1))
    const confirmed = await ok(await client.post(`/api/v1/public/service/bookings/${booked.ref}/confirm`, { token: booked.token }))
    assert.equal(confirmed.status, 'accepted')
    assert.equal(confirmed.agreed_on, village.upcoming.at(-1))
  })
})

describe('bookings at a station, notices and reminders', () => {
  test('a resident books a working day at the township station; its staff answer; the confirmation and the reminder go out once', async () => {
    const majianTown = townships.find((t) => t.name === '马涧镇').id
    const station = (await ok(await server.client().get(`/api/v1/public/service/stations?township_id=${majianTown}`))).items.find((s) => s.level === 'township')
    const phone = '13912340001'
    const client = server.client()
    await client.post('/api/v1/public/service/otp', { phone })
    const code = await codeFor(phone)
    // The next Saturday (Beijing) is no working day; the next working Monday to Friday after it is.
    let day = now() + 24 * HOUR
    while (weekday(beijing(day)) !== 6) day += 24 * HOUR
    const saturday = beijing(day)
    let monday = day + 2 * 24 * HOUR
    const form = { station_id: station.id, topic: 'contract', question: '租房合同押金不退怎么办？', name: '孙小红', phone }
    assertError(await client.post('/api/v1/public/service/bookings', { ...form, preferred_on: saturday, code }), 400, 'validation_failed', 'preferred_on')
    assertError(await client.post('/api/v1/public/service/bookings', { ...form, village_id: mawuId, preferred_on: beijing(monday), code }), 400, 'validation_failed', 'station_id')
    let booked = await client.post('/api/v1/public/service/bookings', { ...form, preferred_on: beijing(monday), code })
    if (booked.status === 400 && booked.body.error.field === 'preferred_on') {  // a holiday Monday: the Tuesday
      monday += 24 * HOUR
      booked = await client.post('/api/v1/public/service/bookings', { ...form, preferred_on: beijing(monday), code })
    }
    const made = await ok(booked, 201)
    assert.equal(made.station_name, station.name)
    assert.equal(made.village_id, null)
    const staff = (await ok(await fuwu.get('/api/v1/service/bookings?status=submitted&page_size=50'))).items.find((b) => b.ref === made.ref)
    assertError(await lvshi.post(`/api/v1/service/bookings/${staff.id}/accept`), 404, 'not_found')
    await ok(await fuwu.post(`/api/v1/service/bookings/${staff.id}/accept`))
    const notices = (await server.sms()).filter((m) => m.phone === phone && m.text)
    assert.equal(notices.length, 1)
    assert.ok(notices[0].text.includes(made.ref) && notices[0].text.includes(station.name), notices[0].text)
    assert.ok(!`${server.stdout()}\n${server.stderr()}`.includes(notices[0].text), 'a notice is not in the log')
    // `pufa service remind` the day before sends the reminder once.
    const eve = beijing(monday - 24 * HOUR)
    const first = await server.pufa(['service', 'remind', '--on', eve, '--sms-outbox', server.smsOutbox])
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stdout, /reminders sent: [1-9]/)
    const again = await server.pufa(['service', 'remind', '--on', eve, '--sms-outbox', server.smsOutbox])
    assert.match(again.stdout, /reminders sent: 0/)
    const reminders = (await server.sms()).filter((m) => m.phone === phone && m.text?.includes('提醒'))
    assert.equal(reminders.length, 1)
    const none = await server.pufa(['service', 'remind', '--on', eve])
    assert.notEqual(none.code, 0, 'without a sender nothing is marked as sent')
  })
})

describe('scorecards and compliance', () => {
  test("2020's table per township: verified days against required, villages under the standard, the subsidy", async () => {
    const table = await ok(await coord.get('/api/v1/service/compliance?year=2020'))
    assert.equal(table.items.length, 16)
    const t = table.total
    assert.equal(t.villages, 350)
    assert.equal(t.with_advisor, 350)
    assert.ok(t.verified > 0 && t.verified < t.required)
    assert.ok(t.verified_rate > 0.6 && t.verified_rate < 1, String(t.verified_rate))
    assert.ok(t.villages_under > 0)
    assert.equal(t.subsidy, t.verified * 200)
    assert.ok(t.unsatisfied > 0)
    const res = await fetch(`${server.url}/api/v1/service/compliance/export?year=2020`, { headers: { Cookie: coord.cookie } })
    const rows = readSheet(Buffer.from(await res.arrayBuffer()))
    assert.equal(rows.length, 18)
    assert.equal(rows[17][4].type, 'number')
    assert.equal(rows[17][4].value, t.verified)
    assertError(await lvshi.get('/api/v1/service/compliance?year=2020'), 403, 'forbidden')
    assertError(await coord.get('/api/v1/service/compliance?year=2020&quarter=5'), 400, 'validation_failed', 'quarter')
  })

  test('the scorecard per advisor adds up; the advisor sees their own row', async () => {
    const cards = await ok(await fuwu.get('/api/v1/service/scorecards?year=2020&quarter=1'))
    assert.ok(cards.items.length > 0)
    for (const c of cards.items) {
      assert.equal(c.verified + c.unverified + c.missed, c.required)
      assert.ok(c.score >= 0 && c.score <= 100)
      assert.equal(c.subsidy, c.verified * 200)
    }
    const own = await ok(await lvshi.get('/api/v1/service/scorecards?year=2020'))
    assert.equal(own.items.length, 1)
    assert.ok(own.items[0].lectures > 0)
  })

  test('stations are a registry with a public list; the overview counts verified days', async () => {
    const towns = await ok(await coord.get('/api/v1/service_stations?level=township&page_size=50'))
    assert.equal(towns.total, 16)
    const yongchang = townships.find((t) => t.name === '永昌街道').id
    const pub = await ok(await server.client().get(`/api/v1/public/service/stations?township_id=${yongchang}`))
    assert.equal(pub.items[0].level, 'township')
    assert.equal(pub.items[0].brand, '笠翁')
    const overview = await ok(await coord.get('/api/v1/stats/overview'))
    assert.ok(overview.service_days_verified > 0)
  })
})

describe('legal aid', () => {
  // A valid 身份证号 (GB 11643) of Lanxi.
  const idNumber = (birth, seq) => {
    const body = `330781${birth}${String(seq).padStart(3, '0')}`
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0)
    return body + '10X98765432'[sum % 11]
  }
  const form = (fields = {}) => ({
    township_id: townships.find((t) => t.name === '马涧镇').id, name: '周志明', gender: 'male', id_number: idNumber('19951111', 27),
    phone: '13957900001', address: '兰溪市马涧镇马坞村 12 号', matter: 'labour', opponent: '某物流公司',
    facts: '工资拖了三个月不发，请求支付劳动报酬。', household_size: 3, monthly_income: 1200, exemption: 'migrant_worker',
    declaration: true, ...fields,
  })

  test('a resident applies online; missing fields are refused and nothing is written; the station decides within 7 days', async () => {
    const client = server.client()
    const before = (await ok(await fuwu.get('/api/v1/service/aid?page_size=1'))).total
    assertError(await client.post('/api/v1/public/service/aid', { ...form(), code: '123456', declaration: false }), 400, 'validation_failed', 'declaration')
    assertError(await client.post('/api/v1/public/service/aid', { ...form(), code: '123456', facts: '' }), 400, 'validation_failed', 'facts')
    assertError(await client.post('/api/v1/public/service/aid', { ...form(), code: '123456', id_number: '330781199511110270' }), 400, 'validation_failed', 'id_number')
    assertError(await client.post('/api/v1/public/service/aid', { ...form(), code: '123456', matter: 'revenge' }), 400, 'validation_failed', 'matter')
    assertError(await client.post('/api/v1/public/service/aid', { ...form(), code: '123456', monthly_income: -5 }), 400, 'validation_failed', 'monthly_income')
    assertError(await client.post('/api/v1/public/service/aid', { ...form() }), 400, 'validation_failed', 'code')
    assert.equal((await ok(await fuwu.get('/api/v1/service/aid?page_size=1'))).total, before, 'nothing written')

    const phone = form().phone
    await client.post('/api/v1/public/service/otp', { phone })
    const applied = await ok(await client.post('/api/v1/public/service/aid', { ...form(), code: await codeFor(phone) }), 201)
    assert.match(applied.ref, /^YZ\d{11}$/)
    assert.equal(applied.status, 'submitted')
    assert.equal(applied.decide_by, beijing(now() + 7 * 24 * HOUR))
    assert.equal(applied.name, undefined)

    const list = await ok(await fuwu.get('/api/v1/service/aid?status=submitted&page_size=50'))
    const row = list.items.find((a) => a.ref === applied.ref)
    assert.match(row.id_number, /^330781\*{8}\d{3}[\dX]$/)
    assert.equal(row.phone, '139****0001')
    assert.ok((await ok(await fuwu.get('/api/v1/todo'))).items.some((i) => i.code === 'service.aid.decide'))
    assertError(await fuwu.post(`/api/v1/service/aid/${row.id}/decide`, { approve: false }), 400, 'validation_failed', 'reason')
    assertError(await fuwu.post(`/api/v1/service/aid/${row.id}/assign`, { lawyer: '郑律师', firm: '浙江兰江律师事务所' }), 409, 'wrong_state')
    assertError(await mawu.post(`/api/v1/service/aid/${row.id}/decide`, { approve: true }), 403, 'forbidden')
    const approved = await ok(await fuwu.post(`/api/v1/service/aid/${row.id}/decide`, { approve: true }))
    assert.equal(approved.status, 'approved')
    assert.equal(approved.assign_by, beijing(now() + 3 * 24 * HOUR))
    const assigned = await ok(await fuwu.post(`/api/v1/service/aid/${row.id}/assign`, { lawyer: '郑律师', firm: '浙江兰江律师事务所' }))
    assert.equal(assigned.status, 'assigned')
    assertError(await fuwu.post(`/api/v1/service/aid/${row.id}/follow-up`, { note: '回访', satisfaction: 'satisfied' }), 409, 'wrong_state')
    assertError(await fuwu.post(`/api/v1/service/aid/${row.id}/close`, { outcome: 'maybe' }), 400, 'validation_failed', 'outcome')
    await ok(await fuwu.post(`/api/v1/service/aid/${row.id}/close`, { outcome: 'won', note: '仲裁支持全部请求' }))
    const followed = await ok(await fuwu.post(`/api/v1/service/aid/${row.id}/follow-up`, { note: '受援人表示满意', satisfaction: 'satisfied' }))
    assert.equal(followed.followed_up_on, beijing(now()))
    assertError(await fuwu.post(`/api/v1/service/aid/${row.id}/follow-up`, { note: '再次', satisfaction: 'satisfied' }), 409, 'wrong_state')
    const shown = await ok(await client.get(`/api/v1/public/service/aid/${applied.ref}?token=${applied.token}`))
    assert.equal(shown.status, 'closed')
    assert.equal(shown.outcome, 'won')
    assert.equal(shown.lawyer, '郑律师')
    assert.equal(shown.id_number, undefined)
    assertError(await client.get(`/api/v1/public/service/aid/${applied.ref}?token=nope`), 404, 'not_found')
    const revealed = await ok(await coord.get(`/api/v1/service/aid/${row.id}?reveal=1`))
    assert.equal(revealed.id_number, form().id_number)
    assert.ok((await server.audit('action=service.aid.reveal')).some((a) => a.object_id === String(row.id)))
  })

  test('a refusal is written with its reasons (Word and PDF); the demo holds an application past its seven days', async () => {
    const created = await ok(await fuwu.post('/api/v1/service/aid', form({ name: '张建国', id_number: idNumber('19700930', 31), monthly_income: 4200, exemption: 'none' })), 201)
    const refused = await ok(await fuwu.post(`/api/v1/service/aid/${created.id}/decide`, { approve: false, reason: '家庭月人均收入高于经济困难标准' }))
    assert.equal(refused.status, 'refused')
    for (const ext of ['docx', 'pdf']) {
      const res = await fetch(`${server.url}/api/v1/service/aid/${created.id}/decision.${ext}`, { headers: { Cookie: fuwu.cookie } })
      assert.equal(res.status, 200)
      const bytes = Buffer.from(await res.arrayBuffer())
      assert.equal(bytes.subarray(0, ext === 'pdf' ? 4 : 2).toString(), ext === 'pdf' ? '%PDF' : 'PK')
    }
    const overdue = await ok(await fuwu.get('/api/v1/service/aid?overdue=1'))
    assert.ok(overdue.items.length > 0)
    assert.ok(overdue.items.every((a) => a.overdue))
    const other = townships.find((t) => t.name === '兰江街道').id
    assertError(await fuwu.post('/api/v1/service/aid', form({ township_id: other })), 403, 'out_of_scope', 'township_id')
  })

  test("an advisor refers a consultation: the log's facts go with it and the outcome comes back to the log", async () => {
    const log = await ok(await lvshi.post('/api/v1/service/logs', {
      region_id: mawuId, served_on: beijing(now()), kind: 'aid_referral', topic: 'traffic',
      summary: '村民骑电动车被撞伤，对方拒赔，经济困难，转介法律援助。', parties: ['刘伟'],
    }), 201)
    const referred = await ok(await lvshi.post('/api/v1/service/aid', {
      ...form({ name: '刘伟', id_number: idNumber('19900521', 41), matter: 'injury', facts: '' }), township_id: undefined,
      origin: { kind: 'log', id: log.id },
    }), 201)
    assert.equal(referred.facts, '村民骑电动车被撞伤，对方拒赔，经济困难，转介法律援助。')
    assert.equal(referred.township_name, '马涧镇')
    assert.equal(referred.origin.kind, 'log')
    assertError(await lvshi.post('/api/v1/service/aid', { ...form(), origin: { kind: 'log', id: log.id } }), 409, 'wrong_state')
    await ok(await fuwu.post(`/api/v1/service/aid/${referred.id}/decide`, { approve: true }))
    const back = await ok(await lvshi.get(`/api/v1/service/logs/${log.id}`))
    assert.equal(back.aid.ref, referred.ref)
    assert.equal(back.aid.status, 'approved')
    const mine = await ok(await lvshi.get('/api/v1/service/aid'))
    assert.deepEqual(mine.items.map((a) => a.ref), [referred.ref], 'an advisor sees the applications they referred')
    assertError(await lvshi.post(`/api/v1/service/aid/${referred.id}/decide`, { approve: true }), 403, 'forbidden')
  })
})
