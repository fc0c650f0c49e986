// The XSS corpus (tests/fixtures/xss: DOMPurify's fixtures, the OWASP cheat sheet, mutation-XSS cases; see SOURCE.md)
// rendered in Chromium as the server sanitises it. The fixtures hold payloads only, so the server gives each its
// sanitised form: the coordinator (PUFA_COORD_USER / _PASS) stores every payload as the body of one draft article
// (PUT, behind a paragraph of text so that "no text" refuses none) and reads back `body_html`; a payload the server
// refuses (another site's picture, too deep) is stored nowhere and shown nowhere. Every sanitised body is then
// rendered three ways: as a fragment (innerHTML in a page of the site's origin), as a whole document
// (page.setContent), and — in batches of raw payloads published as articles — on the portal's article page and in
// the reviewer's preview. Nothing may run: alert/confirm/prompt/print are hooked, a dialog fails the test, and any
// request to another host is stopped and counted. And nothing dangerous may be in the DOM: only the elements and
// attributes the sanitiser keeps, no on* handlers, no javascript:/vbscript:/data: addresses, styles only text-align
// and text-indent. Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'

import { openBrowser, pageApi, signIn } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER || 'lanxi'
const PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const FIXTURES = new URL('../fixtures/xss/', import.meta.url)
/** Raw payloads per published article: the portal renders the sanitised concatenation. */
const BATCH = 60
const LEAD = '<p>正文。</p>'

let browser
let page
let api
/** What ran or left the site, wherever the test was looking. */
const ran = []
const offsite = []

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  api = pageApi(page)
  const origin = new URL(BASE).origin
  // every request to another host is stopped and counted (javascript: and data: never reach here; they are checked in the DOM)
  await browser.context.route(
    (url) => !['about:', 'data:', 'blob:'].includes(url.protocol) && url.origin !== origin,
    (route) => {
      offsite.push(route.request().url())
      return route.abort()
    },
  )
  // the payloads' calls, hooked before any page script
  await browser.context.addInitScript(() => {
    window.__xss = []
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => {
        window.__xss.push(`${name}(${String(args[0])})`)
      }
    }
  })
  page.on('dialog', (d) => {
    ran.push(`dialog ${d.type()}: ${d.message()}`)
    d.dismiss().catch(() => {})
  })
  // a blank page of the site's own origin, for the fragments and documents
  await page.route(`${BASE}/__xss__`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>xss</title><body><div id="host"></div>' }),
  )
})

after(async () => {
  await browser?.close()
})

/** Every payload of the corpus, with where it comes from. */
async function corpus() {
  const out = []
  for (const file of ['dompurify.json', 'owasp.json', 'mutation.json']) {
    const items = JSON.parse(await readFile(new URL(file, FIXTURES), 'utf8'))
    items.forEach((item, i) => out.push({ name: `${file}#${i}${item.title ? ` ${item.title}` : ''}`, payload: typeof item === 'string' ? item : item.payload }))
  }
  return out
}

/**
 * In the page: what is wrong with the DOM under `root` — an element or attribute the sanitiser does not keep, an
 * event handler, a script address, a style beyond alignment and indent. The names a browser adds itself to a
 * document (html, head, body, tbody) are allowed.
 */
function problemsIn(root) {
  const TAGS = new Set(['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sup', 'sub', 'span', 'div', 'ul', 'ol', 'li',
    'blockquote', 'hr', 'a', 'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'])
  const ATTRS = new Set(['href', 'title', 'rel', 'src', 'alt', 'colspan', 'rowspan', 'style', 'id'])
  const SCRIPTED = /^(javascript|vbscript|data|livescript|mocha):/
  const STYLE = /^(text-align: (left|center|right|justify)(; text-indent: 2em)?|text-indent: 2em);?$/
  const out = []
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName
    if (!TAGS.has(tag) && !['html', 'head', 'body', 'title', 'meta'].includes(tag)) out.push(`<${tag}>`)
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') out.push(`<${tag}> in ${el.namespaceURI}`)
    for (const a of el.attributes) {
      const name = a.name.toLowerCase()
      if (name.startsWith('on')) out.push(`${tag}[${name}]`)
      else if (!ATTRS.has(name) && !(tag === 'meta' && name === 'charset')) out.push(`${tag}[${name}]`)
      // what a browser would follow: the value without spaces and controls, lower-cased
      const value = a.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
      if ((name === 'href' || name === 'src') && SCRIPTED.test(value)) out.push(`${tag}[${name}=${a.value}]`)
      if (name === 'src' && !/^\/api\/v1\/attachments\/\d+$/.test(a.value)) out.push(`${tag}[src=${a.value}] is no attachment`)
      if (name === 'style' && !STYLE.test(a.value.trim())) out.push(`${tag}[style=${a.value}]`)
    }
  }
  return out
}

const calls = () => page.evaluate(() => window.__xss.splice(0))
/** problemsIn() run in the page over every element `selector` names (the whole document without one). */
const problemsAt = (selector) =>
  page.evaluate(
    ({ fn, selector }) => {
      const check = new Function(`return (${fn})`)()
      const roots = selector ? [...document.querySelectorAll(selector)] : [document]
      if (!roots.length) return [`nothing at ${selector}`]
      return roots.flatMap((root) => check(root))
    },
    { fn: problemsIn.toString(), selector },
  )

test('every payload of the corpus, sanitised by the server, runs nothing and leaves nothing dangerous in Chromium', async () => {
  const started = Date.now()
  const cases = await corpus()
  assert.ok(cases.length >= 400, `the corpus: ${cases.length} payloads`)

  await signIn(page, BASE, USER, PASS)
  const draft = await api('POST', '/api/v1/articles', {
    column: 'news', title: `E2E XSS ${Date.now()}`, body_html: LEAD, written_on: '2026-01-05', disclosure: 'active', attachment_ids: [],
  })
  assert.equal(draft.status, 201)

  // the server's sanitised form of each payload (one PUT each, in the page with its session)
  const answers = await page.evaluate(async ({ id, cases, lead }) => {
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('pufa.csrf') ?? '' }
    const out = []
    for (const c of cases) {
      const body = { column: 'news', title: 'E2E XSS', body_html: lead + c.payload, written_on: '2026-01-05', disclosure: 'active', attachment_ids: [] }
      const r = await fetch(`/api/v1/articles/${id}`, { method: 'PUT', headers, body: JSON.stringify(body) })
      const json = await r.json()
      out.push({ status: r.status, html: r.ok ? json.body_html : null, code: json.error?.code, field: json.error?.field })
    }
    return out
  }, { id: draft.body.id, cases, lead: LEAD })
  const kept = cases.map((c, i) => ({ ...c, ...answers[i] })).filter((c) => c.status === 200)
  const refused = cases.map((c, i) => ({ ...c, ...answers[i] })).filter((c) => c.status !== 200)
  for (const r of refused) assert.equal(r.status, 400, `${r.name}: refused as a bad body, not a failure (${r.status} ${r.code})`)
  assert.ok(kept.length > 300, `most payloads are stored sanitised: ${kept.length} of ${cases.length}`)
  // markup the stored form opens (text such as "&lt;img onerror=…&gt;" is text: the DOM checks below judge it as rendered)
  for (const c of kept) assert.ok(!/<(script|iframe|object|embed|svg|math|style)\b|<[^>]*\son\w+\s*=/i.test(c.html), `${c.name}: the stored form\n${c.html}`)

  // 1. as fragments: innerHTML, each in its own box of one page of the site's origin
  await page.goto(`${BASE}/__xss__`)
  await page.evaluate((htmls) => {
    const host = document.getElementById('host')
    htmls.forEach((html, i) => {
      const box = document.createElement('div')
      box.dataset.case = String(i)
      box.innerHTML = html
      host.append(box)
    })
  }, kept.map((c) => c.html))
  await page.waitForTimeout(500) // image errors and timers would have fired
  const fragmentProblems = await page.evaluate((fn) => {
    const check = new Function(`return (${fn})`)()
    return [...document.querySelectorAll('#host > [data-case]')].map((box) => check(box))
  }, problemsIn.toString())
  fragmentProblems.forEach((p, i) => assert.deepEqual(p, [], `fragment ${kept[i].name}\n${kept[i].html}`))
  assert.deepEqual(await calls(), [], 'no fragment ran anything')

  // 2. as whole documents
  for (const c of kept) {
    await page.setContent(c.html, { waitUntil: 'load' })
    const problems = await problemsAt(null)
    assert.deepEqual(problems, [], `document ${c.name}\n${c.html}`)
    const ranHere = await calls()
    assert.deepEqual(ranHere, [], `document ${c.name} ran ${ranHere}`)
  }

  // 3. on the portal and in the reviewer's preview: raw payloads in batches, published as articles
  const batches = []
  for (let i = 0; i < kept.length; i += BATCH) batches.push(kept.slice(i, i + BATCH))
  let published = 0
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b]
    let made = await api('POST', '/api/v1/articles', {
      column: 'news', title: `E2E XSS 批次 ${b + 1} ${Date.now()}`, body_html: LEAD + batch.map((c) => `<p>§</p>${c.payload}`).join(''),
      written_on: '2026-01-05', disclosure: 'active', attachment_ids: [],
    })
    if (made.status === 400) {
      // together they nest too deep: the sanitised forms instead, which close everything they open
      made = await api('POST', '/api/v1/articles', {
        column: 'news', title: `E2E XSS 批次 ${b + 1} ${Date.now()}`, body_html: LEAD + batch.map((c) => c.html).join(''),
        written_on: '2026-01-05', disclosure: 'active', attachment_ids: [],
      })
    }
    assert.equal(made.status, 201, `batch ${b + 1}: ${JSON.stringify(made.body)}`)
    const id = made.body.id
    assert.equal((await api('POST', `/api/v1/articles/${id}/submit`)).status, 200)

    await page.goto(`${BASE}/admin/content/articles/${id}`)
    await page.locator('[data-test="preview-body"]').waitFor()
    await page.waitForTimeout(300)
    // the preview draws each top-level block in a box of its own, with its 批注 button: the blocks are the body
    const previewProblems = await problemsAt('[data-test="preview-body"] .block-html')
    assert.deepEqual(previewProblems, [], `the reviewer's preview of batch ${b + 1}`)
    assert.deepEqual(await calls(), [], `the preview of batch ${b + 1} ran nothing`)

    assert.equal((await api('POST', `/api/v1/articles/${id}/publish`)).status, 200)
    await page.goto(`${BASE}/articles/${id}`)
    await page.locator('[data-test="article-body"] .rich').waitFor()
    await page.waitForTimeout(300)
    const portalProblems = await problemsAt('[data-test="article-body"] .rich')
    assert.deepEqual(portalProblems, [], `the portal's page of batch ${b + 1}`)
    assert.deepEqual(await calls(), [], `the portal's page of batch ${b + 1} ran nothing`)
    published++
  }
  assert.equal(published, batches.length)

  assert.deepEqual(ran, [], 'no dialog opened anywhere')
  assert.deepEqual(offsite, [], 'no request left the site')
  const seconds = (Date.now() - started) / 1000
  console.log(`xss-render: ${cases.length} payloads, ${kept.length} stored sanitised, ${refused.length} refused, ${batches.length} articles, ${seconds.toFixed(1)} s`)
  assert.ok(seconds < 90, `the corpus renders in good time: ${seconds.toFixed(1)} s`)
})

test('the hooks catch what they are there for (a test that cannot fail proves nothing)', async () => {
  await page.goto(`${BASE}/__xss__`)
  await page.evaluate(() => {
    document.getElementById('host').innerHTML = '<img src="x" onerror="alert(1)"><a href="javascript:prompt(2)">x</a>'
  })
  await page.waitForFunction(() => window.__xss.length > 0)
  assert.deepEqual(await calls(), ['alert(1)'], 'an onerror handler that runs is seen')
  const problems = await problemsAt('#host')
  assert.ok(problems.includes('img[onerror]') && problems.some((p) => p.startsWith('a[href=javascript')), problems.join(', '))
  const before = offsite.length
  await page.evaluate(() => {
    document.getElementById('host').innerHTML = '<img src="https://evil.example/x.png">'
  })
  await page.waitForTimeout(500)
  assert.equal(offsite.length, before + 1, 'a request to another host is seen')
  offsite.length = before
})
