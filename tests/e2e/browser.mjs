// What every browser test shares: playwright-core from web/node_modules and Debian's
// Chromium with the flags this closed network needs (no sandbox as root, no background traffic).
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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

/**
 * A fresh Chromium profile at 1366×800, zh-CN, with the default timeout set.
 * Returns {context, page, shotDir, close}.
 */
export async function openBrowser({ acceptDownloads = false } = {}) {
  const profileDir = await mkdtemp(join(tmpdir(), 'pufa-e2e-profile-'))
  const shotDir = SHOTS || (await mkdtemp(join(tmpdir(), 'pufa-e2e-shots-')))
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 800 },
    acceptDownloads,
    args: CHROMIUM_ARGS,
  })
  context.setDefaultTimeout(TIMEOUT_MS)
  const page = context.pages()[0] ?? (await context.newPage())
  const close = async () => {
    await context.close()
    await rm(profileDir, { recursive: true, force: true })
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
