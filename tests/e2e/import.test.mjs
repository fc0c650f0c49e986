// Browser test of a registry import as a liaison does it (docs/spreadsheets.md): a file with bad
// rows writes nothing and lists every row, 下载出错的行 saves them with a 错误原因 column, and the
// fixed file imports, saying how many were created. Needs a running `pufa serve` with the demo data
// (PUFA_URL) and a coordinator's login (PUFA_COORD_USER / PUFA_COORD_PASS).
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'

import { readSheet, values, workbook } from '../api/xlsx.mjs'
import { openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER ?? ''
const PASS = process.env.PUFA_COORD_PASS ?? ''

let browser
let page
let step

before(async () => {
  assert.ok(BASE && USER && PASS, 'set PUFA_URL, PUFA_COORD_USER and PUFA_COORD_PASS')
  browser = await openBrowser({ acceptDownloads: true })
  page = browser.page
  step = stepper(page, browser.shotDir, 'import-')
})
after(async () => browser?.close())

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const stamp = String(Date.now()).slice(-6)
const header = ['姓名', '手机号码', '所属区域']
const rows = (phones) => phones.map((phone, i) => [`导入${stamp}${i}`, phone, '马涧镇 马坞村'])

async function choose(name, bytes) {
  await page.locator('[data-test="import-file"]').setInputFiles({ name, mimeType: XLSX, buffer: bytes })
  await page.locator('[data-test="import-start"]').click()
}

test('a liaison imports people: every bad row listed, the failed rows downloaded, fixed and imported', async () => {
  await step('01-people', async () => {
    await signIn(page, BASE, USER, PASS)
    await page.goto(`${BASE}/admin/org/people`)
    await page.locator('[data-test="import"]').click()
    await page.locator('[data-test="import-dialog"]').waitFor()
  })

  const bad = workbook([{ name: '人员', rows: [header, ...rows(['13800001111', '1380000', '138 0000 2222'])] }])
  await step('02-refused', async () => {
    await choose('人员.xlsx', bad)
    const errors = page.locator('[data-test="import-errors"] tbody tr')
    await errors.first().waitFor()
    assert.equal(await errors.count(), 2)
    assert.match(await errors.nth(1).innerText(), /含空格/)
  })

  let fixed
  await step('03-failed-rows', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="import-failed-rows"]').click()])
    assert.match(download.suggestedFilename(), /导入出错的行\.xlsx$/)
    const sheet = values(readSheet(await readFile(await download.path())))
    assert.deepEqual(sheet[0], [...header, '错误原因', '原行号'])
    assert.equal(sheet.length, 3)
    // Fix the phones in the downloaded file and send it back as it is.
    fixed = workbook([{ name: '人员', rows: [sheet[0], [sheet[1][0], '13800003333', sheet[1][2], sheet[1][3], sheet[1][4]], [sheet[2][0], '13800004444', sheet[2][2], sheet[2][3], sheet[2][4]]] }])
  })

  await step('04-imported', async () => {
    await choose('人员（已改）.xlsx', fixed)
    const done = page.locator('[data-test="import-done"]')
    await done.waitFor()
    assert.match(await done.innerText(), /共导入 2 条/)
    assert.match(await done.innerText(), /新增 2 条，更新 0 条/)
  })
})
