// Browser test of the English UI where the labels come from data: the portal's columns and sections
// (新闻动态 … 计划总结, 普法动态 / 政务公开) read in English from the locale by code, in the column bar, the
// home page, the breadcrumbs and the search hits; suggested searches have English labels and still search the
// Chinese words; the staff app's sidebar title and the article list's column filter follow the language. A unit liaison
// (PUFA_LIAISON_USER / _PASS, default majian) switches to English and back.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_LIAISON_USER || 'majian'
const PASS = process.env.PUFA_LIAISON_PASS || 'Pufa-Majian-2026'
const COLUMNS = { news: 'News', dept: 'Departments explain the law', cases: 'Cases explained', notices: 'Notices', plans: 'Plans and reports' }
const CHINESE = /[\u4e00-\u9fff]/

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'english-')
})

after(async () => {
  await browser?.close()
})

test('the portal in English labels its columns and sections; the staff app follows', async () => {
  await step('01-portal-home', async () => {
    await page.goto(`${BASE}/`)
    await page.locator('[data-test="home-column-plans"]').waitFor()
    await page.locator('[data-test="portal-locale"]').click()
    await page.locator('nav.nav').getByText('Plans and reports', { exact: true }).waitFor()
    const nav = await page.locator('nav.nav').innerText()
    for (const label of Object.values(COLUMNS)) assert.ok(nav.includes(label), `the column bar has ${label}: ${nav}`)
    for (const [code, label] of Object.entries(COLUMNS)) {
      const heading = page.locator(`[data-test="home-column-${code}"] h2`)
      if (await heading.count()) assert.equal((await heading.innerText()).trim(), label)
    }
  })

  await step('02-article-crumbs', async () => {
    await page.locator('[data-test="home-column-plans"] a[href^="/articles/"]').first().click()
    await page.locator('[data-test="article-body"]').waitFor()
    const crumbs = await page.locator('[data-test="portal-crumbs"]').innerText()
    assert.match(crumbs, /Home.*Government information.*Plans and reports/s, crumbs)
  })

  await step('03-search', async () => {
    await page.goto(`${BASE}/search?q=${encodeURIComponent('宪法')}&kind=article`)
    const foot = page.locator('[data-test="search-results"] .hit-foot').first()
    await foot.waitFor()
    const headings = await page.locator('[data-test="search-results"] .hit-foot span:first-child').allInnerTexts()
    assert.ok(headings.length > 0, 'article hits')
    for (const h of headings) assert.ok(Object.values(COLUMNS).includes(h.trim()), `a hit's column in English: "${h}"`)
    await page.goto(`${BASE}/search?q=zzqqxx`)
    const suggestion = page.locator('.suggest a').first()
    await suggestion.waitFor()
    assert.doesNotMatch(await suggestion.innerText(), CHINESE, 'an English label')
    const q = new URL(await suggestion.evaluate((a) => a.href)).searchParams.get('q')
    assert.match(q, CHINESE, 'that still searches the Chinese words')
  })

  await step('04-staff-in-english', async () => {
    await signIn(page, BASE, USER, PASS)
    // from Chinese, whatever an earlier run left
    await page.evaluate(async () => {
      const csrf = sessionStorage.getItem('pufa.csrf') ?? ''
      await fetch('/api/v1/auth/preferences', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ locale: 'zh-CN' }),
      })
    })
    await page.reload()
    await page.locator('[data-test="sidebar"] .brand-text').getByText('兰溪普法平台').waitFor()
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/preferences')
    await page.locator('[data-test="locale-switch"]').click()
    await page.locator('.el-dropdown-menu:visible').getByText('English', { exact: true }).click()
    assert.equal((await saved).status(), 200)
    const brand = page.locator('[data-test="sidebar"] .brand-text')
    assert.equal((await brand.innerText()).trim(), 'Lanxi Pufa Platform', 'the sidebar title follows the language')
    // the columns a liaison writes in (their filter on the article list), by their English names
    await page.goto(`${BASE}/admin/content/articles`)
    await page.locator('[data-test="filter-column"]').click()
    const options = page.locator('.el-popper:visible .el-select-dropdown__item')
    await options.first().waitFor()
    const names = (await options.allInnerTexts()).map((s) => s.trim())
    assert.deepEqual(names.sort(), Object.values(COLUMNS).sort(), `the columns in English: ${names.join(', ')}`)
    await page.keyboard.press('Escape')
  })

  await step('05-back-to-chinese', async () => {
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/preferences')
    await page.locator('[data-test="locale-switch"]').click()
    await page.locator('.el-dropdown-menu:visible').getByText('中文', { exact: true }).click()
    assert.equal((await saved).status(), 200)
    assert.equal((await page.locator('[data-test="sidebar"] .brand-text').innerText()).trim(), '兰溪普法平台')
  })
})
