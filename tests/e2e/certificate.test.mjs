// Browser test of certificates (学法考试): the coordinator (PUFA_COORD_USER / _PASS) sets the issuer and uploads a
// seal on 证书与须知设置 (a GIF is refused before sending, a picture too wide is refused by the server in its own
// words, a PNG made here is shown), and publishes an exam of their own with its own 考试须知 for one demo civil
// servant (made through the API: two true/false questions whose answers the coordinator knows). The examinee reads
// that notice, answers right, submits, and opens 查看合格证书 in the SAME tab (WeChat and 浙政钉 block new ones):
// the certificate shows the issuer with the seal over it, the QR code with 扫码验证, the number and 校验码; printed,
// it is one A4 landscape page without the app around it; 返回 leads back to 我的考试, which opens it in the same tab
// too; at 390 px it fits the screen. Anyone then opens the QR code's verify_url on a phone, without signing in: the
// certificate is genuine, the name masked; a wrong code is not found; typing number and code by hand works; a 429
// says to try later.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { makePng, openBrowser, pageApi, sidewaysOf, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER || 'lanxi'
const PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
/** A demo civil servant no other test sits an exam as. */
const EXAMINEE = 'gwy120'
const EXAMINEE_PASS = 'Pufa-Exam-2026'
const ISSUER = '兰溪市守法普法协调小组办公室'
const TITLE = `E2E 证书考试 ${Date.now()}`
const NOTICE = '本场为证书测试考试：共 2 道判断题，答对 1 道即合格。'
const HOUR = 3_600_000

/** A round red seal on a transparent ground, 120 × 120. */
const SEAL = makePng(120, 120, (x, y) => {
  const r = Math.hypot(x - 59.5, y - 59.5)
  return r < 56 && (r > 48 || r < 10) ? [200, 20, 20, 230] : [0, 0, 0, 0]
})

let coord
let page
let api
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  coord = await openBrowser()
  page = coord.page
  api = pageApi(page)
  step = stepper(page, coord.shotDir, 'certificate-')
})

after(async () => {
  await coord?.close()
})

const isApi = (r, path, method) => new URL(r.url()).pathname === path && r.request().method() === method

test('证书与须知设置: the issuer, and a seal that is checked, uploaded and shown', async () => {
  await step('01-open-settings', async () => {
    await signIn(page, BASE, USER, PASS)
    const sidebar = page.locator('[data-test="sidebar"]')
    await sidebar.getByText('学法考试', { exact: true }).click()
    const loaded = page.waitForResponse((r) => isApi(r, '/api/v1/exam-settings', 'GET'))
    await sidebar.getByText('证书与须知设置', { exact: true }).click()
    assert.equal((await loaded).status(), 200)
    await page.locator('[data-test="exam-settings"]').waitFor()
    assert.match(await page.locator('[data-test="settings-notice"]').inputValue(), /考试时间/, 'the standard notice is there to edit')
    assert.match(await page.locator('[data-test="settings-pledge"]').inputValue(), /^本人承诺/)
  })

  await step('02-issuer', async () => {
    await page.locator('[data-test="settings-issuer"]').fill(ISSUER)
    const saved = page.waitForResponse((r) => isApi(r, '/api/v1/exam-settings', 'PUT'))
    await page.locator('[data-test="settings-save"]').click()
    const res = await saved
    assert.equal(res.status(), 200, 'PUT /exam-settings')
    assert.ok(res.request().headers()['x-csrf-token'], 'a write carries the CSRF token')
    assert.equal((await res.json()).issuer, ISSUER)
  })

  const sealPuts = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/exam-settings/seal' && r.method() === 'PUT') sealPuts.push(r)
  })
  const file = page.locator('[data-test="seal-file"]')
  const sealError = page.locator('[data-test="seal-box"] .error-notice')

  /** 删除印章, asked once: the seal goes from the settings. */
  async function deleteSeal() {
    await page.locator('[data-test="seal-delete"]').click()
    const box = page.locator('.el-message-box:visible')
    await box.waitFor()
    assert.match(await box.innerText(), /证书上将不再显示印章/)
    const deleted = page.waitForResponse((r) => isApi(r, '/api/v1/exam-settings/seal', 'DELETE'))
    await box.getByRole('button', { name: '删除印章' }).click()
    assert.equal((await deleted).status(), 204, 'DELETE /exam-settings/seal')
    await page.locator('[data-test="seal-none"]').waitFor()
    assert.equal(await page.locator('[data-test="seal-preview"]').count(), 0)
  }

  await step('03-seal-refused-before-sending', async () => {
    // a seal left by an earlier run goes first
    if (await page.locator('[data-test="seal-delete"]').count()) await deleteSeal()
    await file.setInputFiles({ name: '印章.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') })
    await sealError.filter({ hasText: '印章只能是 PNG、JPG 或 WebP 格式的图片' }).waitFor()
    assert.equal(sealPuts.length, 0, 'a GIF is not sent')
  })

  await step('04-seal-refused-by-the-server', async () => {
    const answered = page.waitForResponse((r) => isApi(r, '/api/v1/exam-settings/seal', 'PUT'))
    await file.setInputFiles({ name: '太宽.png', mimeType: 'image/png', buffer: makePng(2100, 1) })
    const res = await answered
    assert.equal(res.status(), 400, 'over 2000 px a side: 400')
    const message = (await res.json()).error.message
    assert.match(message, /[\u4e00-\u9fff]/, `the server says it in Chinese: ${message}`)
    await sealError.filter({ hasText: message }).waitFor()
    assert.equal(await page.locator('[data-test="seal-preview"]').count(), 0, 'no seal shown')
  })

  await step('05-seal-uploaded', async () => {
    const answered = page.waitForResponse((r) => isApi(r, '/api/v1/exam-settings/seal', 'PUT'))
    await file.setInputFiles({ name: '印章.png', mimeType: 'image/png', buffer: SEAL })
    const res = await answered
    assert.equal(res.status(), 200, 'PUT /exam-settings/seal')
    const req = res.request()
    assert.equal(req.headers()['content-type'], 'image/png', 'the raw bytes as image/png')
    assert.ok(req.headers()['x-csrf-token'], 'with the CSRF token')
    assert.equal((await res.json()).has_seal, true)
    const preview = page.locator('[data-test="seal-preview"]')
    await preview.waitFor()
    await page.waitForFunction(() => document.querySelector('[data-test="seal-preview"]')?.naturalWidth === 120)
    assert.equal(await sealError.count(), 0, 'the earlier refusal is gone')
    const stored = await page.evaluate(async () => {
      const r = await fetch('/api/v1/exam-settings/seal')
      return { type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength }
    })
    assert.deepEqual(stored, { type: 'image/png', size: SEAL.length }, 'the seal is stored as sent')
  })

  await step('05b-seal-deleted-and-uploaded-again', async () => {
    await deleteSeal()
    assert.equal((await page.evaluate(async () => (await fetch('/api/v1/exam-settings/seal')).status)), 404, 'no seal served')
    const answered = page.waitForResponse((r) => isApi(r, '/api/v1/exam-settings/seal', 'PUT'))
    await file.setInputFiles({ name: '印章.png', mimeType: 'image/png', buffer: SEAL })
    assert.equal((await answered).status(), 200)
    await page.locator('[data-test="seal-preview"]').waitFor()
  })

  await step('06-settings-on-a-phone', async () => {
    const phone = await openBrowser({ phone: true })
    try {
      await signIn(phone.page, BASE, USER, PASS)
      await phone.page.goto(`${BASE}/admin/exam/settings`)
      await phone.page.locator('[data-test="seal-preview"]').waitFor()
      assert.ok((await sidewaysOf(phone.page)) <= 0, 'the settings page fits 390 px')
      const save = await phone.page.locator('[data-test="settings-save"]').boundingBox()
      assert.ok(save.width >= 300 && save.height >= 36, `保存 is a wide tap target: ${JSON.stringify(save)}`)
    } finally {
      await phone.close()
    }
  })
})

test('the certificate opens in the same tab, prints on one A4 landscape page, and its QR code verifies it', async () => {
  let exam
  let answers
  await step('11-exam-with-its-own-notice', async () => {
    if (!page.url().startsWith(BASE)) await signIn(page, BASE, USER, PASS)
    const examinee = (await api('GET', `/api/v1/exam-examinees?q=${EXAMINEE}&page_size=1`)).body.items[0]
    assert.ok(examinee, `the demo has ${EXAMINEE}`)
    const bank = (await api('GET', '/api/v1/question-banks')).body.items.find((b) => b.audience === 'civil_servant')
    const questions = (await api('GET', `/api/v1/question-banks/${bank.id}/questions?type=judge&page_size=2`)).body.items
    assert.equal(questions.length, 2)
    answers = new Map(questions.map((q) => [q.id, q.answer[0]]))
    const now = Date.now()
    const made = await api('POST', '/api/v1/exams', {
      title: TITLE,
      kind: 'practice',
      opens_at: new Date(now - HOUR).toISOString(),
      closes_at: new Date(now + 24 * HOUR).toISOString(),
      duration_minutes: 30,
      pass_mark: 1,
      grade_bands: [],
      attempts_allowed: 1,
      counts: 'best',
      eligibility: { unit_ids: [], region_ids: [], roles: [], user_ids: [examinee.user_id] },
      shuffle_questions: false,
      shuffle_options: false,
      notice: NOTICE,
      paper: { mode: 'fixed', question_ids: questions.map((q) => q.id), score_each: 1 },
    })
    assert.equal(made.status, 201, `POST /exams: ${JSON.stringify(made.body)}`)
    exam = made.body
    // the form shows the exam's own notice to edit
    await page.goto(`${BASE}/admin/exam/exams/${exam.id}/edit`)
    const field = page.locator('[data-test="exam-notice-field"]')
    await page.waitForFunction((n) => document.querySelector('[data-test="exam-notice-field"]')?.value === n, NOTICE)
    assert.equal(await field.inputValue(), NOTICE)
    assert.equal((await api('POST', `/api/v1/exams/${exam.id}/publish`)).status, 200, 'published')
  })

  const examinee = await openBrowser({ acceptDownloads: true })
  const ep = examinee.page
  const estep = stepper(ep, examinee.shotDir, 'certificate-examinee-')
  let cert
  try {
    await estep('12-sit-and-pass', async () => {
      await signIn(ep, BASE, EXAMINEE, EXAMINEE_PASS)
      await ep.goto(`${BASE}/admin/my-exams`)
      await ep.locator(`[data-test="sit-${exam.id}"]`).click()
      const notice = ep.locator('[data-test="exam-notice"]')
      await notice.waitFor()
      assert.equal((await notice.locator('[data-test="notice-text"]').innerText()).trim(), NOTICE, 'the exam’s own 考试须知')
      await notice.locator('[data-test="pledge-agree"]').click()
      const started = ep.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/exams/${exam.id}/attempts`)
      await notice.locator('[data-test="exam-start"]').click()
      const paper = await (await started).json()
      for (const [i, q] of paper.questions.entries()) {
        await ep.locator(`[data-test="navigator"] [data-test="cell-${i + 1}"]`).click()
        await ep.locator(`[data-test="question-${i + 1}"][data-qid="${q.id}"]`).waitFor()
        const saved = ep.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith(`/answers/${q.id}`))
        await ep.locator(`section.question .option[data-key="${answers.get(q.id)}"]`).click()
        assert.equal((await saved).status(), 200)
      }
      await ep.locator('[data-test="exam-submit"]').click()
      const submitted = ep.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/attempts/${paper.attempt.id}/submit`)
      await ep.locator('[data-test="submit-confirm-ok"]').click()
      const result = await (await submitted).json()
      assert.equal(result.passed, true, `both right: ${JSON.stringify(result)}`)
      await ep.locator('[data-test="certificate-link"]').waitFor()
    })

    await estep('13-certificate-same-tab', async () => {
      const pagesBefore = examinee.context.pages().length
      const loaded = ep.waitForResponse((r) => /^\/api\/v1\/attempts\/\d+\/certificate$/.test(new URL(r.url()).pathname))
      await ep.locator('[data-test="certificate-link"]').click()
      const res = await loaded
      assert.equal(res.status(), 200)
      cert = await res.json()
      await ep.waitForURL((u) => /^\/exam\/certificate\/\d+$/.test(u.pathname))
      assert.equal(examinee.context.pages().length, pagesBefore, 'no new tab or window')
      const c = ep.locator('[data-test="certificate"]')
      await c.waitFor()
      assert.equal((await c.locator('[data-test="cert-name"]').innerText()).trim(), cert.name)
      assert.ok((await c.locator('[data-test="cert-exam"]').innerText()).includes(TITLE))
      assert.ok((await c.locator('[data-test="cert-no"]').innerText()).includes(cert.certificate_no))
      assert.match(cert.check_code, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
      assert.ok((await c.locator('[data-test="cert-code"]').innerText()).includes(cert.check_code), '校验码 printed')
      assert.ok((await c.locator('[data-test="cert-check"]').innerText()).includes('扫码验证'))
      assert.equal((await c.locator('[data-test="cert-issuer"]').innerText()).trim(), ISSUER, 'the issuer of the settings')
      assert.ok(cert.seal_url, 'the certificate has the seal')
      // both pictures arrived
      await ep.waitForFunction(() => ['cert-qr', 'cert-seal'].every((k) => document.querySelector(`[data-test="${k}"]`)?.naturalWidth > 0))
      const seal = await c.locator('[data-test="cert-seal"]').boundingBox()
      const issuer = await c.locator('[data-test="cert-issuer"]').boundingBox()
      const overlaps = seal.x < issuer.x + issuer.width && issuer.x < seal.x + seal.width && seal.y < issuer.y + issuer.height && issuer.y < seal.y + seal.height
      assert.ok(overlaps, `the seal sits over the issuer: seal ${JSON.stringify(seal)}, issuer ${JSON.stringify(issuer)}`)
      const qr = await c.locator('[data-test="cert-qr"]').getAttribute('src')
      assert.equal(qr, cert.qr_url)
      assert.ok(new URL(cert.verify_url).pathname === '/verify/certificate', `verify_url ${cert.verify_url}`)
    })

    await estep('14-print', async () => {
      await ep.emulateMedia({ media: 'print' })
      assert.equal(await ep.locator('[data-test="cert-print"]').isVisible(), false, 'no buttons on paper')
      assert.equal(await ep.locator('[data-test="cert-back"]').isVisible(), false)
      const pdf = (await ep.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1')
      const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []
      assert.equal(pages.length, 1, 'one page')
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)
      assert.ok(box, 'the PDF names its page size')
      const [w, h] = [Number(box[1]), Number(box[2])]
      assert.ok(Math.abs(w - 841.9) < 2 && Math.abs(h - 595.3) < 2, `A4 landscape (841.9 × 595.3 pt): ${w} × ${h}`)
      await ep.emulateMedia({ media: 'screen' })
    })

    await estep('15-back-and-from-my-exams', async () => {
      await ep.locator('[data-test="cert-back"]').click()
      await ep.waitForURL((u) => u.pathname === '/admin/my-exams')
      await ep.locator(`[data-test="certificate-${exam.id}"]`).click()
      await ep.waitForURL((u) => /^\/exam\/certificate\/\d+$/.test(u.pathname))
      await ep.locator('[data-test="certificate"]').waitFor()
      assert.equal(examinee.context.pages().length, 1, 'still one tab')
      await ep.locator('[data-test="cert-back"]').click()
      await ep.waitForURL((u) => u.pathname === '/admin/my-exams')
    })
  } finally {
    await examinee.close()
  }

  await step('16-certificate-on-a-phone', async () => {
    const phone = await openBrowser({ phone: true })
    try {
      await signIn(phone.page, BASE, EXAMINEE, EXAMINEE_PASS)
      await phone.page.goto(`${BASE}/admin/my-exams`)
      await phone.page.locator(`[data-test="certificate-${exam.id}"]`).click()
      await phone.page.locator('[data-test="certificate"]').waitFor()
      await phone.page.waitForFunction(() => document.querySelector('[data-test="cert-qr"]')?.naturalWidth > 0)
      assert.ok((await sidewaysOf(phone.page)) <= 0, 'the certificate fits 390 px')
      for (const k of ['cert-print', 'cert-back', 'cert-qr', 'cert-code', 'cert-issuer']) {
        const box = await phone.page.locator(`[data-test="${k}"]`).boundingBox()
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${k} on screen: ${JSON.stringify(box)}`)
      }
    } finally {
      await phone.close()
    }
  })

  await step('17-verify-by-qr-on-a-phone', async () => {
    // a resident's phone: no session
    const phone = await openBrowser({ phone: true })
    const vp = phone.page
    try {
      const checked = vp.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/public/certificates/verify')
      await vp.goto(cert.verify_url)
      assert.equal((await checked).status(), 200)
      const valid = vp.locator('[data-test="verify-valid"]')
      await valid.waitFor()
      assert.match(await valid.innerText(), /证书真实有效/)
      const name = (await vp.locator('[data-test="verify-name"] dd').innerText()).trim()
      assert.ok(name.includes('*') && name !== cert.name && name[0] === cert.name[0], `the name masked: ${name}`)
      assert.ok((await vp.locator('[data-test="verify-exam"] dd').innerText()).includes(TITLE))
      assert.equal((await vp.locator('[data-test="verify-no"] dd').innerText()).trim(), cert.certificate_no)
      assert.equal((await vp.locator('[data-test="verify-issuer"] dd').innerText()).trim(), ISSUER)
      assert.ok((await sidewaysOf(vp)) <= 0, 'the verification page fits 390 px')
      const go = await vp.locator('[data-test="verify-submit"]').boundingBox()
      assert.ok(go.height >= 44, `查验 is a 44 px tap target: ${go.height}`)

      // a wrong code: not found, in words
      const wrong = cert.check_code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ'
      await vp.goto(`${BASE}/verify/certificate?no=${cert.certificate_no}&code=${wrong}`)
      await vp.locator('[data-test="verify-not-found"]').filter({ hasText: '未找到该证书，请核对证书编号和校验码' }).waitFor()
      assert.equal(await vp.locator('[data-test="verify-valid"]').count(), 0)

      // by hand, in lower case
      await vp.goto(`${BASE}/verify/certificate`)
      await vp.locator('[data-test="verify-submit"]').click()
      await vp.getByText('请输入证书编号').waitFor()
      await vp.locator('[data-test="verify-no"]').fill(cert.certificate_no.toLowerCase())
      await vp.locator('[data-test="verify-code"]').fill(cert.check_code.toLowerCase())
      const byHand = vp.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/public/certificates/verify')
      await vp.locator('[data-test="verify-submit"]').click()
      const sent = new URL((await byHand).url())
      assert.equal(sent.searchParams.get('no'), cert.certificate_no)
      assert.equal(sent.searchParams.get('code'), cert.check_code)
      await vp.locator('[data-test="verify-valid"]').waitFor()

      // too many checks: the page says to wait (the answer stubbed, so the real limit stays untouched)
      await vp.route('**/api/v1/public/certificates/verify**', (route) =>
        route.fulfill({
          status: 429,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试', request_id: 'x' } }),
        }),
      )
      await vp.locator('[data-test="verify-code"]').fill('ABCDEFGH')
      await vp.locator('[data-test="verify-submit"]').click()
      await vp.locator('[data-test="verify-rate-limited"]').filter({ hasText: '查询次数过多，请 10 分钟后再试' }).waitFor()
    } finally {
      await phone.close()
    }
  })
})
