// Browser test of the organisation area (组织与队伍): people filtered by the region tree, a school's
// 法治副校长, and the Excel export. Needs a running `pufa serve` with the demo data (PUFA_URL) and a
// coordinator's login (PUFA_COORD_USER / PUFA_COORD_PASS); see README.md.
import assert from 'node:assert/strict'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { openBrowser, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER ?? ''
const PASS = process.env.PUFA_COORD_PASS ?? ''
const TOWNSHIP = '马涧镇'

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  assert.ok(USER && PASS, 'set PUFA_COORD_USER and PUFA_COORD_PASS to a coordinator login')
  browser = await openBrowser({ acceptDownloads: true })
  page = browser.page
  step = stepper(page, browser.shotDir, 'org-')
})

after(async () => {
  await browser?.close()
})

/** A GET of the API with the page's session. */
const apiGet = (path) =>
  page.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' })
    return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : null }
  }, path)

/** The list answer that the next action triggers: GET /api/v1/<entity>?... (not export, not one item). */
const listResponse = (entity, test = () => true) =>
  page.waitForResponse((r) => {
    const u = new URL(r.url())
    return r.request().method() === 'GET' && u.pathname === `/api/v1/${entity}` && test(u)
  })

const totalShown = async () => {
  const text = await page.locator('[data-test="total"]').innerText()
  const m = /([\d,]+)/.exec(text)
  assert.ok(m, `no total in "${text}"`)
  return Number(m[1].replace(/,/g, ''))
}

const table = () => page.locator('[data-test="registry-table"]')

test('coordinator: people by township, a school’s 法治副校长, export to Excel', async () => {
  await step('01-login', async () => {
    await page.goto(`${BASE}/login`)
    await page.locator('input[name="username"]').fill(USER)
    await page.locator('input[name="password"]').fill(PASS)
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL((u) => u.pathname === '/admin')
    const sidebar = page.locator('[data-test="sidebar"]')
    await sidebar.getByText('组织与队伍', { exact: true }).waitFor()
  })

  const regions = await apiGet('/api/v1/regions')
  assert.equal(regions.status, 200, 'GET /regions')
  const township = regions.body.items.find((r) => r.name === TOWNSHIP && r.level === 2)
  assert.ok(township, `${TOWNSHIP} is in the demo regions`)

  let allPeople = 0
  await step('02-people-list', async () => {
    await page.locator('[data-test="sidebar"]').getByText('组织与队伍', { exact: true }).click()
    const first = listResponse('people')
    await page.locator('[data-test="sidebar"]').getByText('人员管理', { exact: true }).click()
    await page.waitForURL((u) => u.pathname === '/admin/org/people')
    assert.equal((await first).status(), 200)
    await table().locator('tbody tr').first().waitFor()
    allPeople = await totalShown()
    assert.ok(allPeople > 0, 'the demo data has people')
  })

  await step('03-people-of-township', async () => {
    const filtered = listResponse('people', (u) => u.searchParams.get('region_id') === String(township.id))
    await page
      .locator('[data-test="region-tree"] .el-tree-node__content')
      .filter({ has: page.getByText(TOWNSHIP, { exact: true }) })
      .first()
      .click()
    const res = await filtered
    assert.equal(res.status(), 200)
    const body = await res.json()
    assert.ok(body.total > 0, `people in ${TOWNSHIP}: ${body.total}`)
    await page.waitForFunction(
      (n) => /([\d,]+)/.exec(document.querySelector('[data-test="total"]')?.textContent ?? '')?.[1].replace(/,/g, '') === String(n),
      body.total,
    )
    const total = await totalShown()
    assert.equal(total, body.total, 'the total shown is the server’s')
    assert.ok(total > 0, 'non-zero total')
    assert.ok(total < allPeople, `filtering by ${TOWNSHIP} narrows the list (${total} of ${allPeople})`)
    const cells = await table().locator('tbody td.col-region_id').allInnerTexts()
    assert.ok(cells.length > 0, 'rows are shown')
    assert.equal(cells.length, Math.min(total, 20), 'one page of rows')
    for (const c of cells) assert.ok(c.trim().startsWith(TOWNSHIP), `row region "${c}" is not in ${TOWNSHIP}`)
  })

  await step('04-export-people', async () => {
    const download = page.waitForEvent('download')
    const exported = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/people/export')
    await page.locator('[data-test="export"]').click()
    const res = await exported
    assert.equal(res.status(), 200, 'GET /people/export')
    assert.equal(new URL(res.url()).searchParams.get('region_id'), String(township.id), 'export keeps the filters')
    const d = await download
    const name = d.suggestedFilename()
    assert.match(name, /\.xlsx$/, `download name ${name}`)
    const path = join(browser.shotDir, `export-${Date.now()}.xlsx`)
    await d.saveAs(path)
    const bytes = await readFile(path)
    await rm(path, { force: true })
    assert.ok(bytes.length > 100, `export has ${bytes.length} bytes`)
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip file')
  })

  await step('05-school-vice-principal', async () => {
    const schools = listResponse('schools')
    await page.locator('[data-test="sidebar"]').getByText('学校管理', { exact: true }).click()
    await page.waitForURL((u) => u.pathname === '/admin/org/schools')
    assert.equal((await schools).status(), 200)
    const row = table().locator('tbody tr').first()
    const schoolName = (await row.locator('td').first().innerText()).trim()
    assert.ok(schoolName && schoolName !== '-', 'the first school has a name')
    await row.locator('[data-test="view"]').click()
    await page.waitForURL((u) => /^\/admin\/org\/schools\/\d+$/.test(u.pathname))
    const detail = page.locator('[data-test="school-detail"]')
    await detail.locator('h2').getByText(schoolName, { exact: true }).waitFor()
    const vp = detail.locator('[data-test="sub-vice_principals"]')
    await vp.locator('tbody tr').first().waitFor()
    const name = (await vp.locator('tbody td.col-person_id').first().innerText()).trim()
    assert.ok(name && name !== '-' && !/^\d+$/.test(name), `法治副校长 has a name, got "${name}"`)
    const unit = (await vp.locator('tbody td.col-sending_unit_id').first().innerText()).trim()
    assert.ok(!/^\d+$/.test(unit), `派出单位 shows a name, not an id: "${unit}"`)
  })
})
