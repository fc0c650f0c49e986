/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '../en'
import zhCN from '../zh-CN'

/** Every .vue and .ts file under src/, tests and declarations aside. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === '__tests__' || name === 'locales' ? [] : sources(path)
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const has = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages) !== undefined

/**
 * The keys named as plain literals: t('a.b'), $t('a.b'), te('a.b'), keypath="a.b", and the schemas' and routes'
 * `title: 'a.b'`, `label: 'a.b'` … (a dotted value there is always a key).
 */
const KEY = /(?:(?<![\w$.])\$?te?\(\s*'|keypath="|\b(?:title|parentTitle|label|hint|searchLabel|exportName|texts):\s*')([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"]/g

describe('locale keys', () => {
  // vitest runs in web/
  const root = join(process.cwd(), 'src')
  const used = new Map<string, string>()
  for (const file of sources(root)) {
    for (const m of readFileSync(file, 'utf8').matchAll(KEY)) used.set(m[1], file.slice(root.length + 1))
  }

  it('finds the keys the code names', () => {
    expect(used.size).toBeGreaterThan(300)
  })

  it('has every key the code names in zh-CN and in English', () => {
    const missing = [...used].filter(([key]) => !has(zhCN, key) || !has(en, key)).map(([key, file]) => `${key} (${file})`)
    expect(missing).toEqual([])
  })
})
