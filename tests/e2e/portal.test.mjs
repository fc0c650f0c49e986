// Browser test of the public portal (no sign-in), at phone size (390×844, touch) and desktop size
// (1366×900): the home page with its columns; the 计划总结 article with the seed page's index number (on a
// phone the text first and the disclosure block folded behind 信息公开详情 below it) and, at desktop size only,
// its QR code; no date breaks across lines; 关怀版 (larger text and targets, stronger contrast) remembered; a search for 离婚冷静期 that finds 民法典 第一千零七十七条, whose page switches to the
// large font; an unknown path gets the portal's 404 and a staff page sends a visitor to /login.
// Needs a running `pufa serve` with the demo data (PUFA_URL). The law part needs the laws imported
// (tests/support/run-e2e.sh imports ../shared/data/laws, or the small tests/fixtures/laws where those are absent:
// PUFA_LAWS=shared|fixture; the fixture has too few articles for a second page of results).
import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'

import { CHROMIUM, CHROMIUM_ARGS, SHOTS, TIMEOUT_MS, chromium } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const LAWS = process.env.PUFA_LAWS ?? 'none'
const INDEX_NO = '1133078173379010XA/2020-97511'
const QUERY = '离婚冷静期'
const ARTICLE_LABEL = '第一千零七十七条'

const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop', viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
]

let browser
let shotDir

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  shotDir = SHOTS || (await mkdtemp(join(tmpdir(), 'pufa-e2e-portal-')))
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
})

after(async () => {
  await browser?.close()
})

async function openPage(size) {
  const { name: _name, ...options } = size
  const context = await browser.newContext({ locale: 'zh-CN', ...options })
  context.setDefaultTimeout(TIMEOUT_MS)
  return { context, page: await context.newPage() }
}

function stepper(page, prefix) {
  return async (name, fn) => {
    try {
      await fn()
      if (SHOTS) await page.screenshot({ path: join(shotDir, `portal-${prefix}-${name}.png`), fullPage: true })
    } catch (e) {
      const file = join(shotDir, `FAILED-portal-${prefix}-${name}.png`)
      await page.screenshot({ path: file, fullPage: true }).catch(() => {})
      e.message = `${e.message}\n(screenshot: ${file}, url: ${page.url()})`
      throw e
    }
  }
}

const apiGet = (page, path) =>
  page.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' })
    return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : null }
  }, path)

const fontPx = (locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

/** The id of the published 计划总结 article that carries the seed page's index number. */
async function planArticleId(page) {
  const list = await apiGet(page, '/api/v1/public/articles?column=plans&page=1&page_size=50')
  assert.equal(list.status, 200, 'GET /public/articles?column=plans')
  for (const item of list.body.items) {
    const one = await apiGet(page, `/api/v1/public/articles/${item.id}`)
    if (one.body?.index_no === INDEX_NO) return item.id
  }
  assert.fail(`no published 计划总结 article has the index number ${INDEX_NO}`)
}

for (const size of SIZES) {
  describe(`portal at ${size.name} size (${size.viewport.width}×${size.viewport.height})`, () => {
    let context
    let page
    let step

    before(async () => {
      ;({ context, page } = await openPage(size))
      step = stepper(page, size.name)
    })

    after(async () => {
      await context?.close()
    })

    test('home, the 计划总结 article with its index number and QR code', async () => {
      await step('01-home', async () => {
        const home = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/public/home')
        await page.goto(`${BASE}/`)
        assert.equal((await home).status(), 200, 'GET /public/home without a session')
        await page.getByText('兰溪市普法网').first().waitFor()
        await page.getByText('兰溪市司法局').first().waitFor()
        await page.locator('[data-test="home-column-plans"]').waitFor()
        await page.locator('[data-test="home-column-news"]').waitFor()
        assert.equal(new URL(page.url()).pathname, '/', 'a visitor stays on the portal')
        const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)
        assert.ok(noOverflow, 'the home page fits the screen width (no sideways scrolling)')
        await page.locator('[data-test="staff-login"]').waitFor()
      })

      const id = await planArticleId(page)

      await step('02-column', async () => {
        await page.goto(`${BASE}/columns/plans`)
        await page.locator('[data-test="column-items"]').waitFor()
        await page.locator(`[data-test="column-items"] a[href="/articles/${id}"]`).click()
        await page.waitForURL((u) => u.pathname === `/articles/${id}`)
      })

      await step('03-article', async () => {
        await page.locator('[data-test="article-body"]').waitFor()
        const index = page.locator('[data-test="meta-index_no"]')
        if (size.name === 'phone') {
          // the text first: the disclosure block comes after the body, folded
          assert.equal(await index.isVisible(), false, 'the disclosure block starts folded on a phone')
          const toggle = page.locator('[data-test="meta-toggle"]')
          assert.match(await toggle.innerText(), /信息公开详情/)
          const body = await page.locator('[data-test="article-body"]').boundingBox()
          const block = await page.locator('[data-test="article-meta"]').boundingBox()
          assert.ok(block.y > body.y + body.height - 1, `the block follows the text: ${JSON.stringify({ body, block })}`)
          await toggle.click()
          assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
        }
        await index.waitFor()
        assert.match(await index.innerText(), new RegExp(INDEX_NO.replace(/[/]/g, '\\/')))
        const crumbs = await page.locator('[data-test="portal-crumbs"]').innerText()
        for (const c of ['首页', '政务公开', '计划总结']) assert.ok(crumbs.includes(c), `breadcrumbs "${crumbs}" name ${c}`)
        const meta = await page.locator('[data-test="article-meta"]').innerText()
        for (const label of ['信息索引号', '发布机构', '成文日期', '公开方式', '发布时间']) assert.ok(meta.includes(label), `metadata shows ${label}`)
        assert.ok(meta.includes('主动公开'), 'the demo article is 主动公开')
        assert.match(await page.locator('[data-test="article-visits"]').innerText(), /访问次数：[\d,]+/)
        const body = await page.locator('[data-test="article-body"]').innerText()
        assert.ok(body.trim().length > 50, 'the article has a body')
      })

      await step('04-dates-one-line', async () => {
        // 2020-08-10 18:12 never breaks inside ("2018-10-/26"): every date on the page is one line
        const broken = await page.evaluate(() =>
          [...document.querySelectorAll('time')].filter((t) => t.getClientRects().length > 1).map((t) => t.textContent),
        )
        assert.deepEqual(broken, [], 'no date wraps')
      })

      if (size.name === 'phone') {
        await step('04-no-qr-on-a-phone', async () => {
          assert.equal(await page.locator('[data-test="article-qr"]').count(), 0, 'the reader is on the phone already')
        })
      } else {
        await step('04-qr', async () => {
          const qr = page.locator('[data-test="article-qr"] img')
          await qr.scrollIntoViewIfNeeded()
          await page.waitForFunction(
            () => document.querySelector('[data-test="article-qr"] img')?.complete === true,
          )
          const width = await qr.evaluate((img) => img.naturalWidth)
          assert.ok(width > 0, 'the QR image loaded')
          const src = await qr.getAttribute('src')
          const svg = await page.evaluate(async (u) => {
            const r = await fetch(u)
            return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() }
          }, src)
          assert.equal(svg.status, 200, `GET ${src}`)
          assert.match(svg.type, /image\/svg\+xml/)
          assert.match(svg.text, /<svg/)
          await page.getByText('扫一扫在手机打开当前文章').waitFor()
        })
      }

      await step('05-portal-404-and-staff-redirect', async () => {
        await page.goto(`${BASE}/no-such-page`)
        await page.locator('[data-test="portal-404"]').waitFor()
        await page.goto(`${BASE}/admin/org/units`)
        await page.waitForURL((u) => u.pathname === '/login')
        assert.equal(new URL(page.url()).searchParams.get('redirect'), '/admin/org/units')
      })
    })

    test(`search ${QUERY}, open the 民法典 article, switch the font size`, { skip: LAWS === 'none' && 'laws not imported (PUFA_LAWS unset)' }, async () => {
      await step('11-search', async () => {
        await page.goto(`${BASE}/`)
        const results = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/search')
        const box = page.locator('[data-test="portal-search-input"]').first()
        await box.fill(QUERY)
        await box.press('Enter')
        await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === QUERY)
        assert.equal((await results).status(), 200, 'GET /search without a session')
        await page.locator('[data-test="search-results"]').waitFor()
        const marks = await page.locator('[data-test="search-results"] mark').count()
        assert.ok(marks > 0, 'snippets highlight the words found')
      })

      if (LAWS === 'shared') await step('11b-search-next-page', async () => {
        const first = await page.locator('[data-test="search-results"] li a').first().getAttribute('href')
        const second = page.waitForResponse((r) => {
          const u = new URL(r.url())
          return u.pathname === '/api/v1/search' && u.searchParams.get('page') === '2'
        })
        await page.locator('[data-test="pager-next"]').click()
        assert.equal((await second).status(), 200)
        await page.waitForURL((u) => u.searchParams.get('page') === '2')
        await page.locator('[data-test="portal-pager"]').getByText(/第 2 \//).waitFor()
        const now = await page.locator('[data-test="search-results"] li a').first().getAttribute('href')
        assert.notEqual(now, first, 'page 2 shows other results')
        await page.goBack()
        await page.waitForURL((u) => !u.searchParams.has('page'))
      })

      await step('12-open-civil-code-article', async () => {
        const hit = page.locator('[data-test="hit-law"]').filter({ hasText: '民法典' }).filter({ hasText: ARTICLE_LABEL }).first()
        await hit.locator('a').first().click()
        await page.waitForURL((u) => u.pathname.startsWith('/laws/') && u.pathname.includes('/articles/'))
        const label = page.locator('[data-test="law-article-label"]')
        await label.waitFor()
        assert.equal((await label.innerText()).trim(), ARTICLE_LABEL)
        assert.match(await page.locator('[data-test="law-article-text"]').innerText(), /冷静|三十日/)
        const path = await page.locator('[data-test="law-article-path"]').innerText()
        assert.match(path, /婚姻家庭/, 'the article shows its place in the structure')
        await page.locator('[data-test="law-prev"]').waitFor()
        await page.locator('[data-test="law-next"]').waitFor()
      })

      await step('13-font-size', async () => {
        const text = page.locator('[data-test="law-article-text"] p').first()
        await page.locator('[data-test="font-medium"]').click()
        const before = await fontPx(text)
        await page.locator('[data-test="font-large"]').click()
        const larger = await fontPx(text)
        assert.ok(larger > before, `大 makes the text larger: ${before}px → ${larger}px`)
        await page.reload()
        await page.locator('[data-test="law-article-label"]').waitFor()
        assert.equal(await fontPx(page.locator('[data-test="law-article-text"] p').first()), larger, 'the choice is remembered')
        await page.locator('[data-test="font-small"]').click()
        assert.ok((await fontPx(page.locator('[data-test="law-article-text"] p').first())) < before, '小 makes it smaller')
        await page.locator('[data-test="font-medium"]').click()
      })
    })

    test('关怀版: larger text and tap targets, darker text, remembered on this device', async () => {
      const care = page.locator('[data-test="care-mode"]')
      const nav = page.locator('nav.nav a').first()
      const crumbs = page.locator('[data-test="portal-crumbs"]')
      let before
      await step('21-care-on', async () => {
        await page.goto(`${BASE}/columns/plans`)
        await page.locator('[data-test="column-items"]').waitFor()
        before = { font: await fontPx(nav), tap: (await nav.boundingBox()).height, grey: await crumbs.evaluate((e) => getComputedStyle(e).color) }
        assert.equal((await care.innerText()).trim(), '关怀版')
        assert.equal(await care.getAttribute('aria-pressed'), 'false')
        const box = await care.boundingBox()
        assert.ok(box.x >= 0 && box.x + box.width <= size.viewport.width && box.height >= 44, `the switch is on screen: ${JSON.stringify(box)}`)
        await care.click()
        assert.equal(await care.getAttribute('aria-pressed'), 'true')
        assert.equal((await care.innerText()).trim(), '退出关怀版')
        assert.ok((await fontPx(nav)) >= before.font * 1.15, `the column bar's text grows: ${before.font}px → ${await fontPx(nav)}px`)
        assert.ok((await nav.boundingBox()).height >= 52, 'larger tap targets')
        const grey = await crumbs.evaluate((e) => getComputedStyle(e).color)
        assert.notEqual(grey, before.grey, 'the grey text darkens')
        assert.ok((await page.evaluate(() => document.documentElement.classList.contains('pufa-large'))), 'the large-font mode is on')
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)), 'still no sideways scrolling')
      })
      await step('22-care-remembered', async () => {
        await page.goto(`${BASE}/articles/1`)
        await page.locator('[data-test="article-body"]').waitFor()
        assert.equal(await care.getAttribute('aria-pressed'), 'true', 'remembered across pages and loads')
        assert.equal(await page.locator('[data-test="font-large"]').getAttribute('aria-pressed'), 'true', '字体 大 with it')
        await care.click()
        assert.equal(await care.getAttribute('aria-pressed'), 'false')
        assert.equal(await fontPx(nav), before.font, 'back to the standard size')
      })
    })
  })
}
