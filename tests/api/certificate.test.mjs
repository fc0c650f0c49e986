// Before the clock and after the grade: the exam's 考试须知 and the integrity pledge an examinee
// accepts before a first start; the certificate (issued once, with a check code and a QR code
// to the public check), the public check itself (masked name, refused guesses, a rate limit),
// and the settings certificates print (issuing body, seal image, standard notice and pledge).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { ADMIN, COORD, assertError, startServer } from './harness.mjs'
import { makePng } from './images.mjs'

const EXAMINEE = { username: 'wangfang', password: 'Pufa-Exam-2026' }
const OTHER = { username: 'gwy001', password: 'Pufa-Exam-2026' }
const iso = (ms) => new Date(ms).toISOString()

let server, admin, coord, examinee, other, wangfangId, exam, attemptId, certificate

before(async () => {
  server = await startServer()
  ;[admin, coord, examinee, other] = await Promise.all([
    server.login(ADMIN.username, ADMIN.password),
    server.login(COORD.username, COORD.password),
    server.login(EXAMINEE.username, EXAMINEE.password),
    server.login(OTHER.username, OTHER.password),
  ])
  wangfangId = (await examinee.get('/api/v1/auth/me')).body.user.id
  const bank = await coord.post('/api/v1/question-banks', { name: '证书测试题库', audience: 'civil_servant', description: '测试' })
  assert.equal(bank.status, 201, bank.text)
  const ids = []
  for (const [stem, answer] of [['判断一', ['A']], ['判断二', ['B']]]) {
    const q = await coord.post(`/api/v1/question-banks/${bank.body.id}/questions`, { type: 'judge', stem, answer })
    assert.equal(q.status, 201, q.text)
    ids.push(q.body.id)
  }
  const now = Date.now()
  const created = await coord.post('/api/v1/exams', {
    title: '证书测试考试', kind: 'practice', opens_at: iso(now - 60_000), closes_at: iso(now + 3_600_000), duration_minutes: 10,
    pass_mark: 10, attempts_allowed: 2, eligibility: { user_ids: [wangfangId] }, notice: '本场考试须知：独立作答。',
    paper: { mode: 'fixed', question_ids: ids, score_each: 10 },
  })
  assert.equal(created.status, 201, created.text)
  assert.equal(created.body.notice, '本场考试须知：独立作答。')
  assert.equal((await coord.post(`/api/v1/exams/${created.body.id}/publish`)).status, 200)
  exam = created.body
})
after(async () => server?.stop())

describe('the notice and the integrity pledge', () => {
  test('the examinee reads the exam notice and the pledge; strangers are refused', async () => {
    const res = await examinee.get(`/api/v1/exams/${exam.id}/notice`)
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.notice, '本场考试须知：独立作答。')
    assert.match(res.body.pledge, /^本人承诺：独立完成本次考试/)
    assert.equal(res.body.state, 'open')
    assert.equal(res.body.exam.duration_minutes, 10)
    assertError(await other.get(`/api/v1/exams/${exam.id}/notice`), 403, 'forbidden')
    assertError(await examinee.get('/api/v1/exams/99999999/notice'), 404, 'not_found')
  })

  test('a first start needs the pledge; a resume does not', async () => {
    for (const body of [undefined, {}, { pledge: false }]) {
      const res = await examinee.post(`/api/v1/exams/${exam.id}/attempts`, body)
      assertError(res, 422, 'pledge_required', 'pledge')
      assert.match(res.body.error.message, /诚信承诺/)
    }
    assertError(await examinee.post(`/api/v1/exams/${exam.id}/attempts`, { pledge: '是' }), 400, 'validation_failed', 'pledge')
    const started = await examinee.post(`/api/v1/exams/${exam.id}/attempts`, { pledge: true })
    assert.equal(started.status, 201, started.text)
    attemptId = started.body.attempt.id
    const resumed = await examinee.post(`/api/v1/exams/${exam.id}/attempts`)
    assert.equal(resumed.status, 200, resumed.text)
    assert.equal(resumed.body.attempt.id, attemptId)
    assert.equal((await examinee.get(`/api/v1/exams/${exam.id}/notice`)).body.state, 'in_progress')
    assertError(await examinee.get(`/api/v1/attempts/${attemptId}/certificate`), 422, 'unprocessable')  // not yet passed
    const byStem = Object.fromEntries(started.body.questions.map((q) => [q.stem, q]))
    await examinee.put(`/api/v1/attempts/${attemptId}/answers/${byStem['判断一'].id}`, { answer: ['A'] })
    await examinee.put(`/api/v1/attempts/${attemptId}/answers/${byStem['判断二'].id}`, { answer: ['B'] })
    const submitted = await examinee.post(`/api/v1/attempts/${attemptId}/submit`)
    assert.equal(submitted.body.passed, true, submitted.text)
  })
})

describe('certificates and their public check', () => {
  test('the certificate is issued once, with a check code, the issuing body and a QR code', async () => {
    const res = await examinee.get(`/api/v1/attempts/${attemptId}/certificate`)
    assert.equal(res.status, 200, res.text)
    certificate = res.body
    assert.equal(certificate.name, '王芳')
    assert.equal(certificate.issuer, '兰溪市守法普法协调小组办公室')
    assert.match(certificate.certificate_no, /^LXPF-\d{4}-\d{4}-\d{6}$/)
    assert.match(certificate.check_code, /^[2-9A-HJKMNP-Z]{8}$/)
    assert.equal(certificate.seal_url, null)
    const verify = new URL(certificate.verify_url)
    assert.equal(verify.pathname, '/verify/certificate')
    assert.equal(verify.searchParams.get('no'), certificate.certificate_no)
    assert.equal(verify.searchParams.get('code'), certificate.check_code)
    const again = await examinee.get(`/api/v1/attempts/${attemptId}/certificate`)
    assert.deepEqual([again.body.certificate_no, again.body.check_code], [certificate.certificate_no, certificate.check_code])
    const qr = await examinee.get(certificate.qr_url)
    assert.equal(qr.status, 200)
    assert.equal(qr.headers.get('content-type'), 'image/svg+xml')
    assert.match(qr.text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    assertError(await other.get(`/api/v1/attempts/${attemptId}/certificate`), 404, 'not_found')
    assertError(await other.get(certificate.qr_url), 404, 'not_found')
    const audit = await (await server.auditor()).get('/api/v1/audit?action=exam.certificate.issue&page_size=100')
    assert.equal(audit.body.items.filter((e) => e.object_id === certificate.certificate_no).length, 1, 'issued once')
  })

  test('anyone can check a certificate by number and code; the name is masked; guesses are refused', async () => {
    const anonymous = server.client()
    const q = (no, code) => `/api/v1/public/certificates/verify?no=${encodeURIComponent(no)}&code=${encodeURIComponent(code)}`
    const res = await anonymous.get(q(certificate.certificate_no, certificate.check_code.toLowerCase()))
    assert.equal(res.status, 200, res.text)
    assert.deepEqual(res.body, {
      valid: true, name: '王*', exam_title: '证书测试考试', grade: certificate.grade, score: 20, passed_on: certificate.passed_on,
      certificate_no: certificate.certificate_no, issuer: '兰溪市守法普法协调小组办公室',
    })
    assert.ok(!res.text.includes('王芳'))
    assertError(await anonymous.get(q(certificate.certificate_no, 'ABCDEFGH')), 404, 'not_found')
    assertError(await anonymous.get(q('LXPF-2026-0001-999999', certificate.check_code)), 404, 'not_found')
    assertError(await anonymous.get(q('', certificate.check_code)), 400, 'validation_failed', 'no')
    assertError(await anonymous.get(q('<script>', certificate.check_code)), 400, 'validation_failed', 'no')
    assertError(await anonymous.get(q(certificate.certificate_no, '')), 400, 'validation_failed', 'code')
    // Guessing in bulk runs into the address's limit (60 checks in 10 minutes).
    let status = 0
    for (let i = 0; i < 61 && status !== 429; i++) status = (await anonymous.get(q(certificate.certificate_no, 'ABCDEFGH'))).status
    assert.equal(status, 429)
    assertError(await anonymous.get(q(certificate.certificate_no, certificate.check_code)), 429, 'rate_limited')
  })
})

describe('certificate settings', () => {
  test('only exam managers read and write them; bad input names its field', async () => {
    assertError(await examinee.get('/api/v1/exam-settings'), 403, 'forbidden')
    assertError(await examinee.put('/api/v1/exam-settings', { issuer: 'x', notice: 'x', pledge: 'x' }), 403, 'forbidden')
    const read = await coord.get('/api/v1/exam-settings')
    assert.equal(read.status, 200, read.text)
    assert.equal(read.body.issuer, '兰溪市守法普法协调小组办公室')
    assert.match(read.body.notice, /考试时间/)
    assert.equal(read.body.has_seal, false)
    assertError(await coord.put('/api/v1/exam-settings', { issuer: 'x', notice: ' ', pledge: 'x' }), 400, 'validation_failed', 'notice')
    assertError(await coord.put('/api/v1/exam-settings', { issuer: 'x'.repeat(61), notice: 'x', pledge: 'x' }), 400, 'validation_failed', 'issuer')
    const saved = await coord.put('/api/v1/exam-settings', { issuer: '兰溪市司法局', notice: '统一考试须知', pledge: '本人承诺诚信考试。' })
    assert.equal(saved.status, 200, saved.text)
    assert.equal((await examinee.get(`/api/v1/attempts/${attemptId}/certificate`)).body.issuer, '兰溪市司法局')
  })

  test('the seal: an image within the limits, shown on the certificate, removable', async () => {
    assertError(await coord.put('/api/v1/exam-settings/seal', undefined, { body: 'not an image', type: 'image/png' }), 415, 'unsupported_media_type')
    assertError(await coord.put('/api/v1/exam-settings/seal', undefined, { body: makePng(2400, 10), type: 'image/png' }), 400, 'validation_failed', 'seal')
    assertError(await examinee.put('/api/v1/exam-settings/seal', undefined, { body: makePng(40, 40), type: 'image/png' }), 403, 'forbidden')
    const png = makePng(40, 40)
    const set = await coord.put('/api/v1/exam-settings/seal', undefined, { body: png, type: 'image/png' })
    assert.equal(set.status, 200, set.text)
    assert.equal(set.body.has_seal, true)
    const cert = await examinee.get(`/api/v1/attempts/${attemptId}/certificate`)
    assert.match(cert.body.seal_url, /^\/api\/v1\/exam-settings\/seal\?v=\d+$/)
    assert.equal(set.body.seal_url, cert.body.seal_url)
    const image = await fetch(`${server.url}${cert.body.seal_url}`, { headers: { Cookie: examinee.cookie } })
    assert.equal(image.status, 200)
    assert.equal(image.headers.get('content-type'), 'image/png')
    assert.deepEqual(Buffer.from(await image.arrayBuffer()), png)
    // A replaced seal is a new address, so no certificate shows a cached old one.
    await new Promise((r) => setTimeout(r, 5))
    const again = await coord.put('/api/v1/exam-settings/seal', undefined, { body: makePng(50, 50), type: 'image/png' })
    assert.notEqual(again.body.seal_url, cert.body.seal_url)
    assert.equal((await coord.delete('/api/v1/exam-settings/seal')).status, 204)
    assertError(await examinee.get('/api/v1/exam-settings/seal'), 404, 'not_found')
    assert.equal((await examinee.get(`/api/v1/attempts/${attemptId}/certificate`)).body.seal_url, null)
  })
})
