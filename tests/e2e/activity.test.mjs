// Browser test of the activity area (普法活动): the coordinator reads 活动场次 on the 2020 dashboard; a
// village operator of 马坞村 records an activity there with a photo; the dashboard counts it; the
// coordinator finds it in the ledger by its title and exports exactly that list to Excel.
// Needs a running `pufa serve` with the demo data (PUFA_URL), a coordinator (PUFA_COORD_USER / _PASS)
// and the 马坞村 village operator (PUFA_OPERATOR_USER / _PASS, default mawu); see README.md.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { unzip } from '../api/xlsx.mjs'
import { CHROMIUM, CHROMIUM_ARGS, chromium, makePng } from './browser.mjs'


const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const COORD_USER = process.env.PUFA_COORD_USER ?? ''
const COORD_PASS = process.env.PUFA_COORD_PASS ?? ''
const OP_USER = process.env.PUFA_OPERATOR_USER || 'mawu'
const OP_PASS = process.env.PUFA_OPERATOR_PASS || 'Pufa-Mawu-2026'
/** Where screenshots go: on failure always; every step too when PUFA_E2E_SHOTS is set. */
const SHOTS = process.env.PUFA_E2E_SHOTS ?? ''
const TIMEOUT_MS = 15_000
const YEAR = 2020
const TOWNSHIP = '马涧镇'
const VILLAGE = '马坞村'
const TITLE = `E2E 马坞村宪法进村讲座 ${Date.now()}`

let browser
let workDir
let shotDir
let photoPath
/** One signed-in browser context per person: { context, page }. */
let coord
let operator

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  assert.ok(COORD_USER && COORD_PASS, 'set PUFA_COORD_USER and PUFA_COORD_PASS to a coordinator login')
  workDir = await mkdtemp(join(tmpdir(), 'pufa-e2e-activity-'))
  shotDir = SHOTS || workDir
  photoPath = join(workDir, '现场照片.png')
  await writeFile(photoPath, makePng(48, 32, (x) => (x < 24 ? [200, 30, 30, 255] : [30, 60, 200, 255])))
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  })
})

after(async () => {
  await browser?.close()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

async function signIn(user, pass) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 800 }, acceptDownloads: true })
  context.setDefaultTimeout(TIMEOUT_MS)
  const page = await context.newPage()
  await page.goto(`${BASE}/login`)
  await page.locator('input[name="username"]').fill(user)
  await page.locator('input[name="password"]').fill(pass)
  await page.locator('[data-test="login-submit"]').click()
  await page.waitForURL((u) => u.pathname === '/admin')
  await page.locator('[data-test="sidebar"]').getByText('普法活动', { exact: true }).waitFor()
  return { context, page }
}

/** Runs a step; on failure saves a screenshot of that person's page and names it in the error. */
async function step(who, name, fn) {
  const { page } = who
  try {
    await fn()
    if (SHOTS) await page.screenshot({ path: join(shotDir, `activity-${name}.png`), fullPage: true })
  } catch (e) {
    const file = join(shotDir, `FAILED-activity-${name}.png`)
    await page.screenshot({ path: file, fullPage: true }).catch(() => {})
    e.message = `${e.message}\n(screenshot: ${file}, url: ${page.url()})`
    throw e
  }
}

const apiGet = (page, path) =>
  page.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' })
    return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : null }
  }, path)

const digits = (text) => {
  const m = /([\d,]+)/.exec(text)
  assert.ok(m, `no number in "${text}"`)
  return Number(m[1].replace(/,/g, ''))
}

/** The visible dropdown's option with exactly this text (Element Plus keeps closed poppers in the DOM). */
const option = (page, text) =>
  page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).first()

/** Opens the dashboard for YEAR and returns the 活动场次 card's number, checked against the server. */
async function recordsOnDashboard(page) {
  const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/dashboard/activities')
  await page.goto(`${BASE}/admin/activity/dashboard`)
  await loaded
  const card = page.locator('[data-test="card-records"] [data-test="figure"]')
  await card.waitFor()
  const yearSelect = page.locator('[data-test="dash-year"]')
  if (!(await yearSelect.innerText()).includes(String(YEAR))) {
    const again = page.waitForResponse((r) => {
      const u = new URL(r.url())
      return u.pathname === '/api/v1/dashboard/activities' && u.searchParams.get('year') === String(YEAR)
    })
    await yearSelect.click()
    await option(page, `${YEAR} 年`).click()
    assert.equal((await again).status(), 200)
  }
  await page.waitForFunction((y) => document.querySelector('[data-test="dash-year"]')?.textContent?.includes(String(y)), YEAR)
  const server = await apiGet(page, `/api/v1/dashboard/activities?year=${YEAR}`)
  assert.equal(server.status, 200, 'GET /dashboard/activities')
  const want = server.body.activities.records
  // the card shows the server's figure, with thousands separators
  await page.waitForFunction(
    (n) => document.querySelector('[data-test="card-records"] [data-test="figure"]')?.textContent?.replace(/,/g, '').trim() === String(n),
    want,
  )
  const text = (await card.innerText()).trim()
  assert.equal(text, new Intl.NumberFormat('zh-CN').format(want), `活动场次 card "${text}"`)
  return digits(text)
}

test('operator records an activity with a photo; the dashboard counts it; the coordinator exports it', async () => {
  coord = await signIn(COORD_USER, COORD_PASS)
  let before = 0
  await step(coord, '01-dashboard-before', async () => {
    before = await recordsOnDashboard(coord.page)
    assert.ok(before > 0, `the demo ledger has activities in ${YEAR}: ${before}`)
    // A chart's tooltip (HTML ECharts writes with style attributes) shows under the page's
    // Content-Security-Policy; openBrowser fails the test on any violation.
    const month = coord.page.locator('[data-test="chart-month"] canvas').first()
    const box = await month.boundingBox()
    await coord.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6)
    await coord.page.locator('[data-test="chart-month"] div').filter({ hasText: '参与人次' }).filter({ hasText: '场次' }).last().waitFor()
  })

  operator = await signIn(OP_USER, OP_PASS)
  const op = operator.page
  let created
  let photoId = 0
  await step(operator, '02-operator-form', async () => {
    const me = await apiGet(op, '/api/v1/auth/me')
    assert.ok(me.body.user.permissions.includes('activity.write'), `${OP_USER} records activities`)
    const first = op.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/activities')
    await op.goto(`${BASE}/admin/activity/activities`)
    assert.equal((await first).status(), 200)
    await op.locator('[data-test="add"]').click()
    const form = op.locator('[data-test="registry-form"]')
    await form.waitFor()

    await form.locator('[data-test="field-title"] input').fill(TITLE)
    const date = form.locator('[data-test="field-starts_on"] input')
    await date.fill(`${YEAR}-06-15`)
    await date.press('Enter')

    // a village operator's scope is their village: the region is decided, no picker; a township's operator picks it
    const decided = form.locator('[data-test="field-region_id"] [data-test="decided"]')
    if (await decided.count()) assert.equal((await decided.innerText()).trim(), VILLAGE, 'the region is preset to the village')
    else {
      await form.locator('[data-test="field-region_id"] .el-select__wrapper').click()
      await form.locator('[data-test="field-region_id"] input').fill(VILLAGE)
      await op.locator('.el-popper:visible .el-tree-node__content').filter({ hasText: VILLAGE }).first().click()
    }

    await form.locator('[data-test="field-theme"] .el-select__wrapper').click()
    await option(op, '宪法').click()
    await form.locator('[data-test="field-form"] .el-select__wrapper').click()
    await option(op, '讲座').click()
    await form.locator('[data-test="field-participants"] input').fill('35')
  })

  await step(operator, '03-operator-photo', async () => {
    const uploaded = op.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/photos' && r.request().method() === 'POST')
    await op.locator('[data-test="photo-upload"] input[type="file"]').setInputFiles(photoPath)
    const res = await uploaded
    assert.equal(res.status(), 201, 'POST /photos')
    assert.equal(res.request().headers()['content-type'], 'image/png', 'the raw bytes go up as image/png')
    assert.equal(decodeURIComponent(res.request().headers()['x-file-name'] ?? ''), '现场照片.png', 'X-File-Name, percent-encoded UTF-8')
    // the card shows the server's thumbnail, loaded
    const thumb = op.locator('[data-test="photo-upload"] .el-upload-list__item.is-success img[src*="/api/v1/photos/"][src$="/thumb"]')
    await thumb.waitFor()
    await op.waitForFunction(() => {
      const img = document.querySelector('[data-test="photo-upload"] .el-upload-list__item.is-success img[src$="/thumb"]')
      return img && img.complete && img.naturalWidth > 0
    })
    photoId = Number(/\/photos\/(\d+)\/thumb$/.exec(await thumb.getAttribute('src'))?.[1])
    assert.ok(photoId > 0, 'the thumbnail is the stored photo')
  })

  await step(operator, '04-operator-saved', async () => {
    const saved = op.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/activities' && r.request().method() === 'POST')
    await op.locator('[data-test="form-save"]').click()
    const res = await saved
    assert.equal(res.status(), 201, `POST /activities: ${await res.text()}`)
    created = (await res.json()).item
    assert.equal(created.title, TITLE)
    assert.equal(created.region_name, `${TOWNSHIP} ${VILLAGE}`)
    assert.equal(created.starts_on, `${YEAR}-06-15`)
    assert.deepEqual(created.photo_ids, [photoId], 'the photo is on the record')
    assert.deepEqual(created.photo_names, ['现场照片.png'], 'with its file name')
    assert.equal(created.status, 'submitted', 'a new record is submitted (状态 待审核)')
    await op.locator('[data-test="registry-form"]').waitFor({ state: 'hidden' })
    const row = op.locator('[data-test="registry-table"] tbody tr').filter({ hasText: TITLE })
    await row.first().waitFor()
    const region = (await row.first().locator('td.col-region_id').innerText()).trim()
    assert.equal(region, `${TOWNSHIP} ${VILLAGE}`, 'the list names the place in full')
    assert.match(await row.first().locator('td.col-status').innerText(), /待审核/)
  })

  await step(coord, '05-dashboard-after', async () => {
    await coord.page.reload()
    const after = await recordsOnDashboard(coord.page)
    assert.equal(after, before + 1, `活动场次 ${before} → ${after}: the new activity counts once`)
  })

  await step(coord, '06-ledger-filter-export', async () => {
    const page = coord.page
    const first = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/activities')
    await page.locator('[data-test="sidebar"]').getByText('活动台账', { exact: true }).click()
    await page.waitForURL((u) => u.pathname === '/admin/activity/activities')
    assert.equal((await first).status(), 200)
    const filtered = page.waitForResponse((r) => {
      const u = new URL(r.url())
      return u.pathname === '/api/v1/activities' && u.searchParams.get('q') === TITLE
    })
    await page.locator('input[data-test="search-q"]').fill(TITLE)
    await page.locator('[data-test="search"]').click()
    assert.equal((await filtered).status(), 200)
    const list = await apiGet(page, `/api/v1/activities?q=${encodeURIComponent(TITLE)}`)
    assert.equal(list.body.total, 1, `one activity has the title "${TITLE}"`)
    assert.equal(list.body.items[0].id, created.id)
    await page.waitForFunction(() => /共\s*1\s*条/.test(document.querySelector('[data-test="total"]')?.textContent ?? ''))
    const rows = page.locator('[data-test="registry-table"] tbody tr')
    assert.equal(await rows.count(), 1)
    assert.match(await rows.first().innerText(), new RegExp(TITLE))

    const download = page.waitForEvent('download')
    const exported = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/activities/export')
    await page.locator('[data-test="export"]').click()
    const res = await exported
    assert.equal(res.status(), 200, 'GET /activities/export')
    assert.equal(new URL(res.url()).searchParams.get('q'), TITLE, 'the export asks for the filtered list')
    const d = await download
    assert.match(d.suggestedFilename(), /\.xlsx$/, `download name ${d.suggestedFilename()}`)
    const path = join(workDir, `export-${Date.now()}.xlsx`)
    await d.saveAs(path)
    const bytes = await readFile(path)
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip file')
    // exactly the filtered list: a header row and the one activity
    const files = unzip(bytes)
    const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? ''
    const strings = files.get('xl/sharedStrings.xml')?.toString('utf8') ?? ''
    assert.equal((sheet.match(/<row[\s>]/g) ?? []).length, 2, 'header + 1 row in the export')
    assert.ok((sheet + strings).includes(TITLE), 'the exported row is the new activity')
  })
})
