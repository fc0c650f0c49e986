// Personal data at rest (issue #13 item 9, docs/security.md): 身份证号 and phones are sealed
// (AES-256-GCM) in the database and its dumps, read back opened for pii.read, unique on a keyed
// blind index, and re-sealed by `pufa keys rotate` without stopping the server.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { readFile } from 'node:fs/promises'
import { spawn } from 'node:child_process'

import { COORD, assertError, createUser, idNumber, startServer } from './harness.mjs'

let server
let coord

before(async () => {
  server = await startServer()
  coord = await server.login(COORD.username, COORD.password)
})

after(() => server?.stop())

// Everything the database holds as bytes: the SQLite file and its WAL, or a pg_dump.
async function storedBytes() {
  if (server.engine === 'sqlite') {
    const file = server.dbUrl.replace(/^sqlite:/, '')
    const main = await readFile(file)
    const wal = await readFile(`${file}-wal`).catch(() => Buffer.alloc(0))
    return Buffer.concat([main, wal]).toString('latin1')
  }
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--no-owner', server.dbUrl])
    const chunks = []
    child.stdout.on('data', (c) => chunks.push(c))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(new Error(`pg_dump ${code}`))))
  })
}

test('no 身份证号 or phone is in the database in clear, and pii.read reads them back', async () => {
  const regions = (await coord.get('/api/v1/regions')).body.items
  const town = regions.find((r) => r.name === '马涧镇')
  const number = idNumber(731, '19790315')
  const phone = '13957310731'
  const created = await coord.post('/api/v1/people', { name: '封存测试', region_id: town.id, phone, id_number: number })
  assert.equal(created.status, 201, created.text)
  const id = created.body.item.id
  assert.equal(created.body.item.id_number, `${number.slice(0, 6)}********${number.slice(14)}`)
  const revealed = (await coord.get(`/api/v1/people/${id}?reveal=1`)).body.item
  assert.equal(revealed.id_number, number)
  assert.equal(revealed.phone, phone)

  // Unique on the blind index: the same number again is refused.
  assertError(await coord.post('/api/v1/people', { name: '重复', region_id: town.id, id_number: number }), 409, 'conflict', 'id_number')
  // Changing the number moves the index: the old one is free again.
  const other = idNumber(732, '19790315')
  assert.equal((await coord.put(`/api/v1/people/${id}`, { id_number: other })).status, 200)
  const again = await coord.post('/api/v1/people', { name: '原号', region_id: town.id, id_number: number })
  assert.equal(again.status, 201, again.text)

  // A user's phone, set by the system administrator.
  const userPhone = '13957310999'
  const { user } = await createUser(await server.admin(), { phone: userPhone })
  assert.equal(user.phone, '139****0999')

  // Some of the demo's people as the coordinator reads them.
  const listed = (await coord.get('/api/v1/people?page_size=15')).body.items
  const demo = []
  for (const person of listed) {
    const full = (await coord.get(`/api/v1/people/${person.id}?reveal=1`)).body.item
    if (full.id_number) demo.push(full.id_number)
    if (full.phone) demo.push(full.phone)
  }
  assert.ok(demo.length >= 10, `demo values: ${demo.length}`)

  const bytes = await storedBytes()
  for (const value of [number, other, phone, userPhone, ...demo]) {
    assert.ok(!bytes.includes(value), `${value.slice(0, 3)}… is stored in clear`)
  }
  // Nor the demo quiz's residents' phones (a pattern over the bytes would also match the digits
  // of hex hashes now and then, so the columns are asked).
  assert.deepEqual(await server.sql("SELECT COUNT(*) FROM quiz_participants WHERE phone NOT LIKE 'pf1:k1:%'"), ['0'])
  assert.deepEqual(await server.sql("SELECT COUNT(*) FROM users WHERE phone NOT LIKE 'pf1:k1:%'"), ['0'])
  const stored = await server.sql(`SELECT id_number, phone FROM people WHERE id = ${id}`)
  assert.match(stored[0], /^pf1:k1:[A-Za-z0-9+/=]+\|pf1:k1:[A-Za-z0-9+/=]+$/)
})

test('pufa keys rotate re-seals every value with a new key while the server runs', async () => {
  const people = Number((await server.sql("SELECT COUNT(*) FROM people WHERE id_number IS NOT NULL OR phone IS NOT NULL"))[0])
  const rotated = await server.pufa(['keys', 'rotate'])
  assert.equal(rotated.code, 0, rotated.stderr)
  assert.match(rotated.stdout, /field key k2 .* now seals; \d+ values re-sealed/)
  const sealedWithK2 = Number((await server.sql("SELECT COUNT(*) FROM people WHERE id_number LIKE 'pf1:k2:%' OR phone LIKE 'pf1:k2:%'"))[0])
  assert.equal(sealedWithK2, people)
  assert.deepEqual(await server.sql("SELECT COUNT(*) FROM people WHERE id_number LIKE 'pf1:k1:%' OR phone LIKE 'pf1:k1:%'"), ['0'])
  assert.deepEqual(await server.sql("SELECT COUNT(*) FROM quiz_participants WHERE phone NOT LIKE 'pf1:k2:%'"), ['0'])

  // The running server reads the new key from the file when it first meets it.
  const listed = (await coord.get('/api/v1/people?page_size=3')).body.items
  assert.equal(listed.length, 3)
  const full = await coord.get(`/api/v1/people/${listed[0].id}?reveal=1`)
  assert.equal(full.status, 200, full.text)
  assert.ok(full.body.item.phone === null || /^1\d{10}$/.test(full.body.item.phone))
  // What it writes now is sealed with k2; nothing is left to re-seal.
  const regions = (await coord.get('/api/v1/regions')).body.items
  const created = await coord.post('/api/v1/people', { name: '轮换后', region_id: regions[0].id, phone: '13957319999' })
  assert.equal(created.status, 201, created.text)
  assert.match((await server.sql(`SELECT phone FROM people WHERE id = ${created.body.item.id}`))[0], /^pf1:k2:/)
  const resealed = await server.pufa(['keys', 'reseal'])
  assert.equal(resealed.code, 0, resealed.stderr)
  assert.match(resealed.stdout, / 0 values re-sealed/)
})
