// Public prize quiz (有奖竞答): one-time codes and their limits, daily questions, one submission
// per day, the leaderboard, and the committed/revealed prize draw re-run by the verify script.
//
// Test hooks (docs/quiz.md): the server runs with --sms-outbox, a file standing in for the SMS
// gateway, where these tests read each code (the server log never holds one); expiry, the daily limit and a quiz's close are moved by SQL on the test
// database (sqlite3 / psql) instead of waiting.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, assertList, startServer } from './harness.mjs'
import { drawSeed, drawWinners, poolHash, verifyDraw } from '../support/quiz-draw-verify.mjs'

const VERIFY = fileURLToPath(new URL('../support/quiz-draw-verify.mjs', import.meta.url))
const sha256 = (text) => createHash('sha256').update(text).digest('hex')
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

let server
let staff
let current // the demo's open quiz of this year

function run(file, args) {
  return new Promise((resolve, reject) => {
    execFile(file, args, (error, stdout, stderr) => (error ? reject(new Error(`${file}: ${stderr}`)) : resolve(stdout)))
  })
}

/** Runs SQL on the server's database (the documented test hook); returns stdout lines. */
const sql = (statement) => server.sql(statement)

let phoneCounter = 0
/** A fresh valid mobile whose masked form (138****1234) is unique in this file. */
function newPhone() {
  phoneCounter += 1
  const middle = String(Math.floor(Math.random() * 10000)).padStart(4, '0')
  return `137${middle}${String(1000 + phoneCounter).slice(-4)}`
}
const masked = (phone) => `${phone.slice(0, 3)}****${phone.slice(-4)}`

/** The last code sent to `phone` (the outbox), once more than `previous` were sent to it. */
async function codeFor(phone, previous) {
  for (let i = 0; i < 100; ++i) {
    const found = (await server.sms()).filter((m) => m.phone === phone).map((m) => m.code)
    const last = found.at(-1)
    if (last && found.length > (previous ?? 0)) {
      assert.match(last, /^\d{6}$/)
      const otpLines = `${server.stdout()}\n${server.stderr()}`.split('\n').filter((l) => /otp|验证码/i.test(l))
      assert.ok(otpLines.length > 0, 'the log says a code was sent')
      assert.ok(otpLines.every((l) => !l.includes(last)), `a one-time code reached the server log: ${otpLines.find((l) => l.includes(last))}`)
      return { code: last, count: found.length }
    }
    await sleep(20)
  }
  throw new Error(`no code sent to ${masked(phone)}`)
}

/** Forgets all rate-limit events (they are shared by every test: one IP). */
const resetLimits = () => sql("DELETE FROM rate_events WHERE scope LIKE 'quiz.%'")

/** The shared rate limiter's scope of a phone: its SHA-256, never the number in clear. */
const phoneScope = async (phone) => `quiz.phone:${await server.blindIndex('phone', phone)}`

async function requestCode(quizId, phone) {
  const before = [...server.stdout().matchAll(new RegExp(`phone=${masked(phone).replace(/\*/g, '\\*')} code=`, 'g'))].length
  const res = await server.client().post(`/api/v1/quizzes/${quizId}/otp`, { phone, consent: true })
  assert.equal(res.status, 202, res.text)
  return (await codeFor(phone, before)).code
}

/** Signs a new participant in; returns {phone, token}. */
async function participant(quizId, phone = newPhone()) {
  await resetLimits()
  const code = await requestCode(quizId, phone)
  const res = await server.client().post(`/api/v1/quizzes/${quizId}/sessions`, { phone, code })
  assert.equal(res.status, 201, res.text)
  return { phone, token: res.body.token }
}

const withToken = (token) => ({ headers: { 'X-Quiz-Token': token } })

/** Correct answers of the given question ids, read from the bank (the client never sees them). */
async function correctAnswers(ids) {
  const rows = await sql(`SELECT id, answer FROM exam_questions WHERE id IN (${ids.join(',')})`)
  const out = {}
  for (const row of rows) {
    const [id, answer] = row.split('|')
    out[id] = answer.split('')
  }
  return out
}

const iso = (ms) => new Date(ms).toISOString()

async function createQuiz(fields = {}) {
  const bank = (await sql("SELECT id FROM exam_banks WHERE name = '宪法知识竞答题库'"))[0]
  const res = await staff.post('/api/v1/quizzes', {
    title: `测试竞答 ${Math.random().toString(36).slice(2)}`,
    intro: '测试用',
    opens_at: iso(Date.now() - 86_400_000),
    closes_at: iso(Date.now() + 3_600_000),
    questions_per_day: 3,
    bank_id: Number(bank),
    qualify: { min_correct: 0, min_days: 1 },
    prize: '纪念品',
    winners_count: 2,
    ...fields,
  })
  assert.equal(res.status, 201, res.text)
  return res.body
}

before(async () => {
  server = await startServer()
  staff = await server.login(COORD.username, COORD.password)
  const res = await server.client().get('/api/v1/quizzes/current')
  assert.equal(res.status, 200, res.text)
  current = res.body
})
after(async () => {
  await server?.stop()
})

describe('current quiz', () => {
  test('the demo quiz of this year is open, with its rule and no draw yet', () => {
    assert.match(current.title, /宪法宣传周/)
    assert.equal(current.status, 'open')
    assert.equal(current.questions_per_day, 5)
    assert.deepEqual(current.qualify, { min_correct: 20, min_days: 5 })
    assert.match(current.qualify_rule, /20 题/)
    assert.equal(current.draw, null)
    assert.ok(Date.parse(current.opens_at) <= Date.now() && Date.now() < Date.parse(current.closes_at))
  })
})

describe('one-time code', () => {
  test('a code signs a participant in once; the token is random and the code is not echoed', async () => {
    await resetLimits()
    const phone = newPhone()
    const res = await server.client().post(`/api/v1/quizzes/${current.id}/otp`, { phone, consent: true })
    assert.equal(res.status, 202, res.text)
    assert.deepEqual(res.body, { retry_after_seconds: 60, expires_in_seconds: 300 }) // no dev_code by default
    const { code } = await codeFor(phone)
    const stored = await sql(`SELECT code_hash FROM quiz_otps WHERE phone_index = '${await server.blindIndex('phone', phone)}'`)
    assert.equal(stored.length, 1)
    assert.notEqual(stored[0], code)
    assert.ok(!stored[0].includes(code), 'the code is stored hashed')

    const ok = await server.client().post(`/api/v1/quizzes/${current.id}/sessions`, { phone, code })
    assert.equal(ok.status, 201, ok.text)
    assert.equal(ok.body.phone_masked, masked(phone))
    assert.ok(ok.body.token.length >= 40)
    const hashes = await sql(`SELECT token_hash FROM quiz_tokens t JOIN quiz_participants p ON p.id = t.participant_id WHERE p.phone_index = '${await server.blindIndex('phone', phone)}'`)
    assert.deepEqual(hashes, [sha256(ok.body.token)])

    const again = await server.client().post(`/api/v1/quizzes/${current.id}/sessions`, { phone, code })
    assertError(again, 401, 'invalid_credentials', 'code')
  })

  test('a wrong code is refused with the tries left; five wrong tries burn the code', async () => {
    await resetLimits()
    const phone = newPhone()
    const code = await requestCode(current.id, phone)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let left = 4; left >= 0; --left) {
      const res = await server.client().post(`/api/v1/quizzes/${current.id}/sessions`, { phone, code: wrong })
      const error = assertError(res, 401, 'invalid_credentials', 'code')
      if (left > 0) assert.match(error.message, new RegExp(`还可尝试 ${left} 次`))
    }
    const burnt = await server.client().post(`/api/v1/quizzes/${current.id}/sessions`, { phone, code })
    assert.match(assertError(burnt, 401, 'invalid_credentials', 'code').message, /失效/)
  })

  test('an expired code is refused (expiry moved back through the test hook)', async () => {
    await resetLimits()
    const phone = newPhone()
    const code = await requestCode(current.id, phone)
    await sql(`UPDATE quiz_otps SET expires_at = expires_at - 300001 WHERE phone_index = '${await server.blindIndex('phone', phone)}'`)
    const res = await server.client().post(`/api/v1/quizzes/${current.id}/sessions`, { phone, code })
    assert.match(assertError(res, 401, 'invalid_credentials', 'code').message, /失效/)
  })

  test('bad input is a 400 naming the field; an unknown quiz is a 404', async () => {
    const client = server.client()
    assertError(await client.post(`/api/v1/quizzes/${current.id}/otp`, { phone: '12345', consent: true }), 400, 'validation_failed', 'phone')
    assertError(await client.post(`/api/v1/quizzes/${current.id}/otp`, {}), 400, 'validation_failed', 'phone')
    // Nothing is sent before the person agrees to how the number is used.
    assertError(await client.post(`/api/v1/quizzes/${current.id}/otp`, { phone: newPhone() }), 400, 'validation_failed', 'consent')
    assertError(await client.post(`/api/v1/quizzes/${current.id}/otp`, { phone: newPhone(), consent: false }), 400, 'validation_failed', 'consent')
    assertError(await client.post(`/api/v1/quizzes/${current.id}/sessions`, { phone: newPhone(), code: '12ab56' }), 400, 'validation_failed', 'code')
    assertError(await client.post('/api/v1/quizzes/999999/otp', { phone: newPhone(), consent: true }), 404, 'not_found')
  })
})

describe('rate limits (stored in the database)', () => {
  test('one code per phone per minute: 429 with retry_after', async () => {
    await resetLimits()
    const phone = newPhone()
    await requestCode(current.id, phone)
    const res = await server.client().post(`/api/v1/quizzes/${current.id}/otp`, { phone, consent: true })
    assert.equal(res.status, 429, res.text)
    assert.equal(res.body.error.code, 'rate_limited')
    assert.ok(res.body.error.retry_after >= 55 && res.body.error.retry_after <= 60, res.text)
    assert.equal(res.headers.get('retry-after'), String(res.body.error.retry_after))
  })

  test('ten codes per phone per day', async () => {
    await resetLimits()
    const phone = newPhone()
    const hourAgo = Date.now() - 3_600_000
    const scope = await phoneScope(phone)
    const rows = Array.from({ length: 10 }, (_, i) => `('${scope}', ${hourAgo + i * 120_000})`)
    await sql(`INSERT INTO rate_events (scope, at) VALUES ${rows.join(', ')}`)
    const res = await server.client().post(`/api/v1/quizzes/${current.id}/otp`, { phone, consent: true })
    assert.equal(res.status, 429, res.text)
    assert.ok(res.body.error.retry_after > 20 * 3600, `retry_after ${res.body.error.retry_after}`)
    await sql(`DELETE FROM rate_events WHERE scope = '${scope}' AND at < ${hourAgo + 120_000}`)
    const freed = await server.client().post(`/api/v1/quizzes/${current.id}/otp`, { phone, consent: true })
    assert.equal(freed.status, 202, 'nine in the last day leave room for one more')
  })

  test('twenty codes per IP per ten minutes, whatever the phones', async () => {
    await resetLimits()
    for (let i = 0; i < 20; ++i) {
      const res = await server.client().post(`/api/v1/quizzes/${current.id}/otp`, { phone: newPhone(), consent: true })
      assert.equal(res.status, 202, `request ${i + 1}: ${res.text}`)
    }
    const res = await server.client().post(`/api/v1/quizzes/${current.id}/otp`, { phone: newPhone(), consent: true })
    assert.equal(res.status, 429, res.text)
    assert.equal(res.body.error.code, 'rate_limited')
    const [count] = await sql("SELECT COUNT(*) FROM rate_events WHERE scope LIKE 'quiz.ip:%'")
    assert.equal(Number(count), 20, 'a refused request records nothing')
  })
})

describe('daily questions', () => {
  let alice
  let bob
  let today
  before(async () => {
    alice = await participant(current.id)
    bob = await participant(current.id)
  })

  test('no token, or a token of another quiz, is a 401', async () => {
    assertError(await server.client().get(`/api/v1/quizzes/${current.id}/today`), 401, 'unauthenticated')
    assertError(await server.client().get(`/api/v1/quizzes/${current.id}/today`, withToken('x'.repeat(43))), 401, 'unauthenticated')
    const other = await createQuiz()
    assertError(await server.client().get(`/api/v1/quizzes/${other.id}/today`, withToken(alice.token)), 401, 'unauthenticated')
  })

  test('N questions without answers, the same on every call today', async () => {
    const first = await server.client().get(`/api/v1/quizzes/${current.id}/today`, withToken(alice.token))
    assert.equal(first.status, 200, first.text)
    today = first.body
    assert.match(today.date, /^\d{4}-\d{2}-\d{2}$/)
    assert.equal(today.done, false)
    assert.equal(today.questions.length, 5)
    assert.equal(new Set(today.questions.map((q) => q.id)).size, 5)
    for (const question of today.questions) {
      assert.deepEqual(Object.keys(question).sort(), ['id', 'options', 'stem', 'type'])
      assert.ok(['single', 'multiple', 'judge'].includes(question.type))
      assert.ok(question.options.length >= 2)
    }
    assert.doesNotMatch(first.text, /"answer"|correct_answer|explanation/)
    const second = await server.client().get(`/api/v1/quizzes/${current.id}/today`, withToken(alice.token))
    assert.deepEqual(second.body.questions, today.questions)
    // A new sign-in of the same phone sees the same paper.
    const again = await participant(current.id, alice.phone)
    const third = await server.client().get(`/api/v1/quizzes/${current.id}/today`, withToken(again.token))
    assert.deepEqual(third.body.questions.map((q) => q.id), today.questions.map((q) => q.id))
  })

  test('answers to other questions or in a wrong shape are refused', async () => {
    const url = `/api/v1/quizzes/${current.id}/today`
    const client = server.client()
    const foreign = (await sql('SELECT MAX(id) FROM exam_questions'))[0]
    assertError(await client.post(url, { answers: { [foreign + '0']: ['A'] } }, withToken(alice.token)), 400, 'validation_failed', 'answers')
    assertError(await client.post(url, { answers: { [today.questions[0].id]: 'A' } }, withToken(alice.token)), 400, 'validation_failed', 'answers')
    assertError(await client.post(url, { answers: { [today.questions[0].id]: ['Z'] } }, withToken(alice.token)), 400, 'validation_failed', 'answers')
    assertError(await client.post(url, { answers: [] }, withToken(alice.token)), 400, 'validation_failed', 'answers')
  })

  test('one submission per day, graded with explanations', async () => {
    const url = `/api/v1/quizzes/${current.id}/today`
    const answers = await correctAnswers(today.questions.map((q) => q.id))
    const res = await server.client().post(url, { answers }, withToken(alice.token))
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.correct, 5)
    assert.equal(res.body.total, 5)
    assert.equal(res.body.score, 50)
    assert.equal(res.body.qualified, false, '5 correct on 1 day does not meet 20 over 5 days')
    assert.equal(res.body.explanations.length, 5)
    for (const item of res.body.explanations) {
      assert.equal(item.correct, true)
      assert.deepEqual(item.your_answer, item.correct_answer)
      // The result shows each option with its letter, as the question did.
      const asked = today.questions.find((q) => q.id === item.question_id)
      assert.deepEqual(item.options, asked.options)
      assert.equal(item.type, asked.type)
      assert.equal(typeof item.explanation, 'string')
      assert.ok(item.explanation.length > 0)
    }
    assertError(await server.client().post(url, { answers }, withToken(alice.token)), 409, 'conflict')
    const after = await server.client().get(url, withToken(alice.token))
    assert.equal(after.body.done, true)
    assert.equal(after.body.result.score, 50)
    assert.equal(after.body.result.explanations.length, 5)

    // Bob answers nothing right.
    const bobToday = await server.client().get(url, withToken(bob.token))
    const right = await correctAnswers(bobToday.body.questions.map((q) => q.id))
    const wrong = Object.fromEntries(Object.entries(right).map(([id, a]) => [id, a.join('') === 'A' ? ['B'] : ['A']]))
    const bobResult = await server.client().post(url, { answers: wrong }, withToken(bob.token))
    assert.equal(bobResult.status, 200, bobResult.text)
    assert.equal(bobResult.body.correct, 0)
    assert.equal(bobResult.body.score, 0)
  })

  test('leaderboard: best total first, phones masked', async () => {
    const res = await server.client().get(`/api/v1/quizzes/${current.id}/leaderboard`)
    const body = assertList(res)
    assert.equal(body.total, 2)
    assert.deepEqual(body.items, [
      { rank: 1, phone_masked: masked(alice.phone), score: 50, days: 1 },
      { rank: 2, phone_masked: masked(bob.phone), score: 0, days: 1 },
    ])
    assert.doesNotMatch(res.text, new RegExp(alice.phone))
    const page2 = assertList(await server.client().get(`/api/v1/quizzes/${current.id}/leaderboard?page=2&page_size=1`))
    assert.equal(page2.items[0].rank, 2)
    assertError(await server.client().get(`/api/v1/quizzes/${current.id}/leaderboard?page_size=0`), 400, 'validation_failed', 'page_size')
  })
})

describe('staff and the prize draw', () => {
  test('quizzes need exam.manage; bad input is a 400 naming the field', async () => {
    const admin = await server.admin()
    assertError(await admin.post('/api/v1/quizzes', { title: 'x' }), 403, 'forbidden')
    assertError(await server.client().get('/api/v1/quizzes'), 401, 'unauthenticated')
    const base = { title: '坏的', opens_at: iso(Date.now()), closes_at: iso(Date.now() - 1000), questions_per_day: 5, bank_id: 1, qualify: { min_correct: 1, min_days: 1 }, winners_count: 1 }
    assertError(await staff.post('/api/v1/quizzes', base), 400, 'validation_failed', 'closes_at')
    assertError(await staff.post('/api/v1/quizzes', { ...base, closes_at: iso(Date.now() + 1000), bank_id: 999999 }), 400, 'validation_failed', 'bank_id')
    assertError(await staff.post('/api/v1/quizzes', { ...base, closes_at: iso(Date.now() + 1000), questions_per_day: 0 }), 400, 'validation_failed', 'questions_per_day')
    const list = assertList(await staff.get('/api/v1/quizzes'))
    assert.ok(list.items.some((q) => q.title.startsWith('2020年国家宪法日')))
  })

  test('commit before close, pool fixed after it, draw from the public value; winners re-computed', async () => {
    const quiz = await createQuiz({ winners_count: 2, qualify: { min_correct: 1, min_days: 1 } })
    const SOURCE = '竞答结束后第一期双色球开奖号码'
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw`, { public_value: '1 2 3' }), 409, 'conflict')
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw/commit`, {}), 400, 'validation_failed', 'public_source')

    const committed = await staff.post(`/api/v1/quizzes/${quiz.id}/draw/commit`, { public_source: SOURCE })
    assert.equal(committed.status, 200, committed.text)
    const { draw } = committed.body
    assert.match(draw.commitment, /^[0-9a-f]{64}$/)
    assert.equal(draw.scheme, 'pufa-draw-2')
    assert.equal(draw.public_source, SOURCE)
    assert.equal(draw.seed, null, 'the seed stays secret until the draw')
    assert.equal(draw.pool_hash, null)
    assert.equal(draw.winners, null)
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw/commit`, { public_source: SOURCE }), 409, 'conflict')
    const publicView = await server.client().get(`/api/v1/quizzes/${quiz.id}/draw`)
    assert.equal(publicView.body.draw.commitment, draw.commitment)
    assert.equal(publicView.body.draw.public_source, SOURCE)
    assert.equal(publicView.body.draw.seed, null)
    const reshape = await staff.put(`/api/v1/quizzes/${quiz.id}`, { ...quiz, qualify: { min_correct: 0, min_days: 1 } })
    assertError(reshape, 409, 'conflict')
    const retitle = await staff.put(`/api/v1/quizzes/${quiz.id}`, { ...quiz, title: quiz.title + '（修订）' })
    assert.equal(retitle.status, 200, retitle.text)

    // Four participants: three answer at least one question right (qualify), one does not.
    const url = `/api/v1/quizzes/${quiz.id}/today`
    for (let i = 0; i < 4; ++i) {
      const who = await participant(quiz.id)
      const paper = await server.client().get(url, withToken(who.token))
      assert.equal(paper.body.questions.length, 3)
      const right = await correctAnswers(paper.body.questions.map((q) => q.id))
      const answers = i < 3 ? right : {}
      const res = await server.client().post(url, { answers }, withToken(who.token))
      assert.equal(res.status, 200, res.text)
      assert.equal(res.body.qualified, i < 3)
    }
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw/pool`), 409, 'conflict') // still open
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw`, { public_value: '1 2 3' }), 409, 'conflict')

    await sql(`UPDATE quizzes SET closes_at = ${Date.now() - 1000} WHERE id = ${quiz.id}`)
    // The pool is fixed first, its hash published before anyone knows the public value.
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw`, { public_value: '1 2 3' }), 409, 'conflict', undefined, /先固定抽奖名单/)
    const fixed = await staff.post(`/api/v1/quizzes/${quiz.id}/draw/pool`)
    assert.equal(fixed.status, 200, fixed.text)
    const pool = (await server.client().get(`/api/v1/quizzes/${quiz.id}/draw`)).body.draw
    assert.equal(pool.qualified.length, 3)
    assert.equal(pool.pool_hash, poolHash(pool.qualified))
    assert.ok(Math.abs(Date.parse(pool.pool_fixed_at) - Date.now()) < 60_000, pool.pool_fixed_at)
    assert.equal(pool.seed, null)
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw/pool`), 409, 'conflict')
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw`, {}), 400, 'validation_failed', 'public_value')
    const VALUE = '05 11 17 22 28 33 + 12'
    const drawn = await staff.post(`/api/v1/quizzes/${quiz.id}/draw`, { public_value: VALUE })
    assert.equal(drawn.status, 200, drawn.text)
    const revealed = drawn.body.draw
    assert.equal(sha256(revealed.seed), draw.commitment)
    assert.equal(revealed.public_value, VALUE)
    assert.equal(revealed.pool_hash, pool.pool_hash)
    // The winners follow from the public value: another value would have drawn from another seed.
    assert.deepEqual(drawWinners(drawSeed(revealed.seed, revealed.pool_hash, VALUE), revealed.qualified, 2),
      revealed.winners.map((w) => w.participant_id))
    assert.equal(revealed.qualified.length, 3)
    assert.deepEqual(revealed.qualified, [...revealed.qualified].sort((a, b) => a - b))
    assert.equal(revealed.winners.length, 2)
    for (const winner of revealed.winners) {
      assert.ok(revealed.qualified.includes(winner.participant_id))
      assert.match(winner.phone_masked, /^1\d{2}\*{4}\d{4}$/)
    }
    assert.deepEqual(verifyDraw(revealed, 2), revealed.winners.map((w) => w.participant_id))
    assert.deepEqual(drawWinners(drawSeed(revealed.seed, revealed.pool_hash, VALUE), [...revealed.qualified].reverse(), 2),
      revealed.winners.map((w) => w.participant_id), 'the input order does not matter: the list is sorted by id first')
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw`, { public_value: VALUE }), 409, 'conflict')

    // The CLI re-run against the public endpoint.
    const out = await run('node', [VERIFY, server.url, String(quiz.id)])
    assert.match(out, /winners recomputed and matching/)
    const [audit] = await sql(`SELECT COUNT(*) FROM audit_log WHERE action IN ('quiz.commit', 'quiz.pool', 'quiz.draw') AND object_id = '${quiz.id}' AND outcome = 'success'`)
    assert.equal(Number(audit), 3)
  })

  test('a commit after the close is refused', async () => {
    const quiz = await createQuiz()
    await sql(`UPDATE quizzes SET closes_at = ${Date.now() - 1000} WHERE id = ${quiz.id}`)
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw/commit`, { public_source: '第一期双色球开奖号码' }), 409, 'conflict')
    assertError(await server.client().post(`/api/v1/quizzes/${quiz.id}/otp`, { phone: newPhone(), consent: true }), 422, 'unprocessable')
  })

  test('staff cannot choose the seed (they could predict the winners): only the server draws it', async () => {
    const quiz = await createQuiz()
    const seed = 'ab'.repeat(32)
    assertError(await staff.post(`/api/v1/quizzes/${quiz.id}/draw/commit`, { seed, public_source: '第一期双色球开奖号码' }), 400, 'validation_failed', 'seed')
    const res = await staff.post(`/api/v1/quizzes/${quiz.id}/draw/commit`, { public_source: '第一期双色球开奖号码' })
    assert.equal(res.status, 200, res.text)
    assert.notEqual(res.body.draw.commitment, sha256(seed))
  })

  test('the demo 2020 quiz has a revealed draw that re-computes', async () => {
    const list = assertList(await staff.get('/api/v1/quizzes'))
    const old = list.items.find((q) => q.title.startsWith('2020年国家宪法日'))
    assert.equal(old.status, 'closed')
    const res = await server.client().get(`/api/v1/quizzes/${old.id}/draw`)
    assert.equal(res.status, 200, res.text)
    assert.ok(res.body.draw.qualified.length > old.winners_count)
    assert.equal(res.body.draw.winners.length, old.winners_count)
    assert.ok(Date.parse(res.body.draw.committed_at) < Date.parse(old.closes_at))
    // The order that makes it fair: committed before the close, the pool fixed after it, then the draw.
    assert.equal(res.body.draw.scheme, 'pufa-draw-2')
    assert.ok(Date.parse(res.body.draw.pool_fixed_at) >= Date.parse(old.closes_at))
    assert.ok(Date.parse(res.body.draw.revealed_at) > Date.parse(res.body.draw.pool_fixed_at))
    assert.match(res.body.draw.public_source, /双色球/)
    verifyDraw(res.body.draw, old.winners_count)
    const board = assertList(await server.client().get(`/api/v1/quizzes/${old.id}/leaderboard?page_size=100`))
    assert.equal(board.total, 60)
    for (let i = 1; i < board.items.length; ++i) assert.ok(board.items[i - 1].score >= board.items[i].score)
  })
})

describe('without an SMS gateway', () => {
  test('codes are refused with 503, and nothing is stored or written anywhere', async () => {
    const bare = await startServer({ sms: false })
    try {
      const quiz = (await bare.client().get('/api/v1/quizzes/current')).body
      const res = await bare.client().post(`/api/v1/quizzes/${quiz.id}/otp`, { phone: newPhone(), consent: true })
      assertError(res, 503, 'unavailable')
      assert.match(res.body.error.message, /短信验证码服务尚未配置/)
      assert.deepEqual(await bare.sms(), [])
    } finally {
      await bare.stop()
    }
  })
})
