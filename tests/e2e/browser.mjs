// What every browser test shares: playwright-core from web/node_modules and Debian's
// Chromium with the flags this closed network needs (no sandbox as root, no background traffic).
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

const require = createRequire(new URL('../../web/package.json', import.meta.url))
export const { chromium } = require('playwright-core')

export const CHROMIUM = process.env.PUFA_CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Where screenshots go: on failure always; every step too when PUFA_E2E_SHOTS is set. */
export const SHOTS = process.env.PUFA_E2E_SHOTS ?? ''
export const TIMEOUT_MS = 15_000

/** A phone's screen (390×844) and a desktop's (1366×800). */
export const PHONE = { width: 390, height: 844 }
export const DESKTOP = { width: 1366, height: 800 }

/**
 * A fresh Chromium profile at 1366×800 (or a touch phone at 390×844 with `phone`), zh-CN, with the default
 * timeout set; `timezoneId` puts the browser in another zone than the machine's (times must not follow it).
 * Returns {context, page, shotDir, close}.
 */
export async function openBrowser({ acceptDownloads = false, phone = false, timezoneId = undefined, allowCspViolations = false } = {}) {
  const profileDir = await mkdtemp(join(tmpdir(), 'pufa-e2e-profile-'))
  const shotDir = SHOTS || (await mkdtemp(join(tmpdir(), 'pufa-e2e-shots-')))
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: phone ? PHONE : DESKTOP,
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
    timezoneId,
    acceptDownloads,
    args: CHROMIUM_ARGS,
  })
  context.setDefaultTimeout(TIMEOUT_MS)
  // Every page is watched for Content-Security-Policy violations: a stylesheet or script the
  // policy refuses is a page that looks or works differently in production. close() fails on any.
  const violations = []
  await context.exposeBinding('__pufaCspViolation', (_source, text) => violations.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__pufaCspViolation?.(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`)
    })
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const close = async () => {
    await context.close()
    await rm(profileDir, { recursive: true, force: true })
    if (!allowCspViolations) assert.deepEqual(violations, [], 'Content-Security-Policy violations')
  }
  return { context, page, shotDir, close }
}

/** Signs in through the login page and waits until the app has left it. */
export async function signIn(page, base, username, password) {
  await page.goto(`${base}/login`)
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('[data-test="login-submit"]').click()
  await page.waitForURL((u) => u.pathname !== '/login')
}

/** step(name, fn): runs fn; on failure saves a screenshot (`FAILED-<prefix><name>.png`) and names it. */
export function stepper(page, shotDir, prefix = '') {
  return async (name, fn) => {
    try {
      await fn()
      if (SHOTS) await page.screenshot({ path: join(shotDir, `${prefix}${name}.png`), fullPage: true })
    } catch (e) {
      const file = join(shotDir, `FAILED-${prefix}${name}.png`)
      await page.screenshot({ path: file, fullPage: true }).catch(() => {})
      e.message = `${e.message}\n(screenshot: ${file}, url: ${page.url()})`
      throw e
    }
  }
}

/**
 * A PNG made here (zlib), so a test needs no image file: `pixel(x, y)` gives [r, g, b, a] (RGBA, 8 bits).
 */
export function makePng(width, height, pixel = () => [200, 30, 30, 255]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4)
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 4)
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** fetch() from inside the page with its session and CSRF token: {status, body (JSON or null)}. */
export function pageApi(page) {
  return (method, path, body) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const csrf = sessionStorage.getItem('pufa.csrf')
        const r = await fetch(path, {
          method,
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', ...(csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : null }
      },
      { method, path, body },
    )
}

/** How far the page scrolls sideways (0 when everything fits the screen's width). */
export const sidewaysOf = (page) => page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth)

/**
 * The last one-time code the server's SMS stand-in (PUFA_SMS_OUTBOX, tests/support/run-e2e.sh) holds for `phone`,
 * waiting up to 10 s for it. Notices to residents share the file: only the lines with a `code` count.
 */
export async function smsCode(phone) {
  const outbox = process.env.PUFA_SMS_OUTBOX ?? ''
  if (!outbox) throw new Error("set PUFA_SMS_OUTBOX to the server's --sms-outbox file (tests/support/run-e2e.sh)")
  const deadline = Date.now() + 10_000
  for (;;) {
    const text = await readFile(outbox, 'utf8').catch(() => '')
    const sent = text.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((m) => m.phone === phone && m.code)
    if (sent.length) return sent.at(-1).code
    if (Date.now() > deadline) throw new Error(`no code for ${phone} in the outbox`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
