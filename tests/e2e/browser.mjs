// What every browser test shares: playwright-core from web/node_modules and Debian's
// Chromium with the flags this closed network needs (no sandbox as root, no background traffic).
import { createRequire } from 'node:module'

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
