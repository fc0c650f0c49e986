// Browser test of 合法性审核 (issue #23, docs/legality.md): 马涧镇's liaison (majian) sends a draft 重大行政决策 of
// 马涧镇人民政府 with its 送审稿 (a PDF made here) and sees the clock; 马涧司法所's reviewer (sifa) opens it from the list
// and asks for material (the clock pauses); majian supplies it (a PNG); sifa issues 修改后合法 with two points, each
// citing an article the law library holds (the fixture's and the shared library's alike: 《行政处罚法》第二条,
// 《民法典》第三条) — a citation the library lacks is refused first, its sentence under that citation —, the opinion is
// numbered 马涧司审〔year〕n号 and downloads as Word and PDF; majian records the adoption (修改后通过), the register
// downloads as .xlsx and the list shows the submission 已办结 with its 意见书文号. The list and the detail at 390 px.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'

import { makePng, openBrowser, signIn, sidewaysOf, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const SUBMITTER_USER = process.env.PUFA_LEGALITY_SUBMITTER_USER || 'majian'
const SUBMITTER_PASS = process.env.PUFA_LEGALITY_SUBMITTER_PASS || 'Pufa-Majian-2026'
const REVIEWER_USER = process.env.PUFA_LEGALITY_REVIEWER_USER || 'sifa'
const REVIEWER_PASS = process.env.PUFA_LEGALITY_REVIEWER_PASS || 'Pufa-Sifa-2026'
const UNIT = '马涧镇人民政府'
const TITLE = `马涧镇集镇停车秩序管理实施方案（E2E ${Date.now().toString(36)}）`
/** A one-page PDF small enough to write here, so the test needs no file of its own. */
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
const CITED = ['《行政处罚法》第二条', '民法典 第三条']
const MISSING = '《行政处罚法》第九百九十九条'

let submitter
let reviewer
let phone
let sstep
let rstep
let pstep

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  submitter = await openBrowser({ acceptDownloads: true })
  reviewer = await openBrowser({ acceptDownloads: true })
  phone = await openBrowser({ phone: true })
  sstep = stepper(submitter.page, submitter.shotDir, 'legality-unit-')
  rstep = stepper(reviewer.page, reviewer.shotDir, 'legality-review-')
  pstep = stepper(phone.page, phone.shotDir, 'legality-phone-')
})

after(async () => {
  await submitter?.close()
  await reviewer?.close()
  await phone?.close()
})

const isApi = (r, path, method) => new URL(r.url()).pathname === path && r.request().method() === method
/** Element Plus keeps closed poppers in the DOM: the visible one's option with this text. */
const option = (page, text) => page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: text }).first()
/** The dialog on screen (closed ones stay in the DOM). */
const dialog = (page, name) => page.locator(`[data-test="${name}"]:visible`)
/** Tags zoom in and dialogs fade out: let them settle for the screenshot. */
const settle = (page) => page.waitForTimeout(400)
const bytesOf = async (download) => readFile(await download.path())

test('a draft decision is reviewed with material asked for, issued 修改后合法 citing the library, and adopted', async () => {
  const s = submitter.page
  let id
  await sstep('01-new-submission', async () => {
    await signIn(s, BASE, SUBMITTER_USER, SUBMITTER_PASS)
    await s.goto(`${BASE}/admin/legality/submissions`)
    await s.locator('[data-test="submission-table"]').waitFor()
    await s.locator('[data-test="submission-add"]').click()
    await s.waitForURL((u) => u.pathname === '/admin/legality/submissions/new')
    // nothing goes without a unit, a kind, a title and a file
    await s.locator('[data-test="form-send"]').click()
    const errors = s.locator('[data-test="submission-form"] .el-form-item__error')
    // 马涧镇's liaison submits for one body only: the form has chosen it.
    assert.match(await s.locator('[data-test="form-unit"]').innerText(), new RegExp(UNIT))
    await errors.filter({ hasText: '请至少上传一份送审稿' }).waitFor()
    assert.equal(new URL(s.url()).pathname, '/admin/legality/submissions/new', 'nothing is sent')

    await s.locator('[data-test="form-unit"] .el-select__wrapper').click()
    await s.keyboard.type(UNIT)
    await option(s, UNIT).click()
    await s.locator('[data-test="kind-major_decision"]').click()
    await s.locator('[data-test="form-title"]').fill(TITLE)
    await s.locator('[data-test="form-basis"]').fill('《重大行政决策程序暂行条例》《浙江省重大行政决策程序规定》')
    await s.locator('[data-test="form-summary"]').fill('为规范集镇停车秩序，镇政府拟对集镇主要道路实行分时段停车管理，已征求村（社区）和商户意见。')
    const uploaded = s.waitForResponse((r) => isApi(r, '/api/v1/legality/files', 'POST'))
    await s.locator('[data-test="submission-form"] input[type="file"]').setInputFiles({ name: '送审稿.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) })
    const up = await uploaded
    assert.equal(up.status(), 201, `POST /legality/files: ${await up.text()}`)
    await s.locator('[data-test="submission-form"]').getByText('送审稿.pdf').waitFor()
  })

  await sstep('02-sent-with-its-clock', async () => {
    const created = s.waitForResponse((r) => isApi(r, '/api/v1/legality/submissions', 'POST'))
    await s.locator('[data-test="form-send"]').click()
    const res = await created
    assert.equal(res.status(), 201, await res.text())
    const body = await res.json()
    id = body.id
    assert.equal(body.status, 'reviewing')
    assert.equal(body.kind, 'major_decision')
    assert.equal(body.unit_name, UNIT)
    assert.ok(body.due_on > body.submitted_on, `due ${body.due_on} after ${body.submitted_on}`)
    await s.waitForURL((u) => u.pathname === `/admin/legality/submissions/${id}`)
    await s.locator('[data-test="submission-status"]').getByText('审核中').waitFor()
    await s.locator('[data-test="submission-clock"]').getByText(body.due_on).waitFor()
    await s.locator('[data-test="submission-clock"] [data-test="clock-tag"]').getByText(/剩 \d+ 个工作日|今日到期/).waitFor()
    await s.locator('[data-test="submission-files"]').getByText('送审稿.pdf').waitFor()
    assert.equal(await s.locator('[data-test="action-issue"]').count(), 0, 'the unit does not review its own draft')
    assert.ok((await sidewaysOf(s)) <= 0, 'the detail fits 1366 px')
    await settle(s)
  })

  const r = reviewer.page
  await rstep('03-reviewer-asks-for-material', async () => {
    await signIn(r, BASE, REVIEWER_USER, REVIEWER_PASS)
    // sent to 马涧司法所: among the open ones of its office, found by its title
    await r.goto(`${BASE}/admin/legality/submissions?status=open`)
    await r.locator('[data-test="filter-q"]').fill(TITLE)
    await r.locator('[data-test="search"]').click()
    await r.locator(`[data-test="submission-${id}"]`).click()
    await r.waitForURL((u) => u.pathname === `/admin/legality/submissions/${id}`)
    await r.locator('[data-test="action-request"]').click()
    const d = dialog(r, 'note-dialog')
    await d.locator('[data-test="note-text"]').fill('请补充集镇商户座谈会记录和停车泊位测算材料。')
    const asked = r.waitForResponse((x) => isApi(x, `/api/v1/legality/submissions/${id}/request-material`, 'POST'))
    await d.locator('[data-test="note-save"]').click()
    const res = await asked
    assert.equal(res.status(), 200, await res.text())
    assert.equal((await res.json()).paused, true)
    await r.locator('[data-test="submission-status"]').getByText('待补充材料').waitFor()
    await r.locator('[data-test="submission-clock"]').getByText('暂停计时').waitFor()
    assert.equal(await r.locator('[data-test="action-issue"]').count(), 0, 'no opinion while material is awaited')
    await settle(r)
  })

  await sstep('04-unit-supplies-it', async () => {
    await s.reload()
    await s.locator('[data-test="material-note"]').getByText('请补充集镇商户座谈会记录').waitFor()
    await s.locator('[data-test="action-supply"]').click()
    const d = dialog(s, 'supply-dialog')
    await d.locator('[data-test="supply-note"]').fill('已补充座谈会记录和泊位测算表。')
    const uploaded = s.waitForResponse((x) => isApi(x, '/api/v1/legality/files', 'POST'))
    await d.locator('input[type="file"]').setInputFiles({ name: '座谈会记录.png', mimeType: 'image/png', buffer: makePng(40, 30) })
    assert.equal((await uploaded).status(), 201)
    await d.getByText('座谈会记录.png').waitFor()
    const supplied = s.waitForResponse((x) => isApi(x, `/api/v1/legality/submissions/${id}/supply`, 'POST'))
    await d.locator('[data-test="supply-save"]').click()
    const res = await supplied
    assert.equal(res.status(), 200, await res.text())
    await s.locator('[data-test="submission-status"]').getByText('审核中').waitFor()
    await s.locator('[data-test="submission-files"]').getByText('座谈会记录.png').waitFor()
    await s.locator('[data-test="submission-events"] [data-kind="material_supplied"]').waitFor()
    await settle(s)
  })

  let opinionNo
  await rstep('05-a-citation-the-library-lacks', async () => {
    await r.reload()
    await r.locator('[data-test="action-issue"]').click()
    const d = dialog(r, 'opinion-dialog')
    await d.locator('[data-test="conclusion-lawful_with_changes"]').click()
    await d.locator('[data-test="opinion-summary"]').fill('方案总体合法，以下两处修改后可以提交镇政府常务会议审议。')
    await d.locator('[data-test="point-0"] [data-test="point-text"]').fill('第六条对违规停车“处 200 元罚款”，镇人民政府无权以方案设定行政处罚，建议改为依照道路交通安全法律法规处理。')
    await d.locator('[data-test="citation-0-0"] [data-test="citation-text"]').fill(CITED[0])
    await d.locator('[data-test="point-add"]').click()
    await d.locator('[data-test="point-1"] [data-test="point-text"]').fill('第九条收取停车“押金”涉及商户财产权益，应明确退还条件和期限。')
    await d.locator('[data-test="citation-1-0"] [data-test="citation-text"]').fill(MISSING)
    const refused = r.waitForResponse((x) => isApi(x, `/api/v1/legality/submissions/${id}/opinion`, 'POST'))
    await d.locator('[data-test="opinion-save"]').click()
    const res = await refused
    // validation_failed: 400 as docs/api.md has every field error (docs/legality.md says 422)
    assert.ok([400, 422].includes(res.status()), await res.text())
    const err = (await res.json()).error
    assert.equal(err.field, 'points[1].citations[0]')
    // the server's sentence, under the citation it names
    await d.locator('[data-test="citation-1-0"] .el-form-item__error').getByText(err.message).waitFor()
    assert.equal(await d.locator('[data-test="citation-0-0"] .el-form-item__error').count(), 0)
  })

  await rstep('06-opinion-issued', async () => {
    const d = dialog(r, 'opinion-dialog')
    await d.locator('[data-test="citation-1-0"] [data-test="citation-text"]').fill(CITED[1])
    const issued = r.waitForResponse((x) => isApi(x, `/api/v1/legality/submissions/${id}/opinion`, 'POST'))
    await d.locator('[data-test="opinion-save"]').click()
    const res = await issued
    assert.equal(res.status(), 200, await res.text())
    const body = await res.json()
    assert.equal(body.status, 'issued')
    assert.equal(body.conclusion, 'lawful_with_changes')
    opinionNo = body.opinion_no
    assert.match(opinionNo, /^马涧司审〔\d{4}〕\d+号$/)
    assert.equal(body.opinion.points.length, 2)
    for (const p of body.opinion.points) assert.ok(p.citations[0]?.url, `a library article: ${JSON.stringify(p.citations)}`)
    const shown = r.locator('[data-test="submission-opinion"]')
    await shown.locator('[data-test="opinion-no"]').getByText(opinionNo).waitFor()
    await shown.locator('[data-test="opinion-conclusion"]').getByText('修改后合法').waitFor()
    const links = shown.locator('[data-test="citation-link"]')
    assert.equal(await links.count(), 2)
    assert.equal(await links.first().innerText(), body.opinion.points[0].citations[0].label)
    assert.match(await links.first().getAttribute('href'), /^\/laws\/[^/]+\/articles\/[^/]+$/)
    // the article's text under 条文
    await shown.locator('[data-test="citation-toggle"]').first().click()
    await shown.locator('[data-test="citation-text"]').first().waitFor()
    await r.locator('[data-test="submission-status"]').getByText('已出具意见').waitFor()
    await settle(r)
  })

  await rstep('07-opinion-as-word-and-pdf', async () => {
    const [docx] = await Promise.all([r.waitForEvent('download'), r.locator('[data-test="opinion-docx"]').click()])
    assert.match(docx.suggestedFilename(), /\.docx$/)
    assert.equal((await bytesOf(docx)).subarray(0, 2).toString('latin1'), 'PK', 'a Word file (zip)')
    const [pdf] = await Promise.all([r.waitForEvent('download'), r.locator('[data-test="opinion-pdf"]').click()])
    assert.match(pdf.suggestedFilename(), /\.pdf$/)
    assert.equal((await bytesOf(pdf)).subarray(0, 5).toString('latin1'), '%PDF-')
  })

  await sstep('08-adoption-recorded', async () => {
    await s.reload()
    await s.locator('[data-test="submission-opinion"] [data-test="opinion-no"]').getByText(opinionNo).waitFor()
    await s.locator('[data-test="action-adopt"]').click()
    const d = dialog(s, 'adopt-dialog')
    await d.locator('[data-test="outcome-with_changes"]').click()
    await d.locator('[data-test="adopt-note"]').fill('已按审核意见删除第六条罚款规定，第九条补充押金退还条件，经镇政府常务会议审议通过。')
    const adopted = s.waitForResponse((x) => isApi(x, `/api/v1/legality/submissions/${id}/adoption`, 'POST'))
    await d.locator('[data-test="adopt-save"]').click()
    const res = await adopted
    assert.equal(res.status(), 200, await res.text())
    assert.equal((await res.json()).status, 'closed')
    await s.locator('[data-test="submission-status"]').getByText('已办结').waitFor()
    await s.locator('[data-test="adoption-outcome"]').getByText('修改后通过').waitFor()
    assert.equal(await s.locator('[data-test="submission-events"] [data-test="event"]').count(), 5, 'submitted, asked, supplied, issued, adopted')
    await settle(s)
  })

  await sstep('09-closed-in-the-list-and-the-register', async () => {
    await s.goto(`${BASE}/admin/legality/submissions`)
    await s.locator('[data-test="filter-q"]').fill(TITLE)
    const listed = s.waitForResponse((x) => isApi(x, '/api/v1/legality/submissions', 'GET') && new URL(x.url()).searchParams.get('q') === TITLE)
    await s.locator('[data-test="search"]').click()
    assert.equal((await listed).status(), 200)
    const row = s.locator('[data-test="submission-table"] .el-table__body-wrapper tr', { has: s.locator(`[data-test="submission-${id}"]`) }).first()
    await row.locator('[data-test="status-tag"]').getByText('已办结').waitFor()
    await row.locator('[data-test="conclusion-tag"]').getByText('修改后合法').waitFor()
    assert.equal((await row.locator('[data-test="opinion-no"]').innerText()).trim(), opinionNo)
    await row.locator('[data-test="clock-tag"]').getByText(/按期出具|逾期出具/).waitFor()
    const [xlsx] = await Promise.all([s.waitForEvent('download'), s.locator('[data-test="register-export"]').click()])
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/)
    assert.equal((await bytesOf(xlsx)).subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx workbook')
    assert.ok((await sidewaysOf(s)) <= 0, 'the list fits 1366 px')
  })

  await sstep('10-figures', async () => {
    const figures = s.waitForResponse((x) => isApi(x, '/api/v1/legality/figures', 'GET'))
    await s.locator('[data-test="legality-tabs"] .el-tabs__item', { hasText: '统计' }).click()
    assert.equal((await figures).status(), 200)
    await s.locator('[data-test="figures-table"] .el-table__body-wrapper tr', { hasText: '马涧' }).first().waitFor()
    await s.locator('[data-test="figures-table"]').getByText('合计').waitFor()
    await settle(s)
  })

  const p = phone.page
  await pstep('11-list-on-a-phone', async () => {
    await signIn(p, BASE, SUBMITTER_USER, SUBMITTER_PASS)
    await p.goto(`${BASE}/admin/legality/submissions`)
    await p.locator('[data-test="submission-table"] [data-test="data-card"]').first().waitFor()
    await p.locator(`[data-test="submission-${id}"]`).waitFor()
    assert.ok((await sidewaysOf(p)) <= 0, 'nothing scrolls sideways at 390 px')
    await settle(p)
  })

  await pstep('12-detail-on-a-phone', async () => {
    await p.locator(`[data-test="submission-${id}"]`).click()
    await p.waitForURL((u) => u.pathname === `/admin/legality/submissions/${id}`)
    await p.locator('[data-test="submission-opinion"] [data-test="citation-link"]').first().waitFor()
    await p.locator('[data-test="submission-events"]').waitFor()
    assert.ok((await sidewaysOf(p)) <= 0, 'nothing scrolls sideways at 390 px')
    await settle(p)
  })
})
