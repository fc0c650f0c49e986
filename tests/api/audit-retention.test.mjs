// Keeping the audit log (issue #13 item 10, docs/security.md): the export an audit administrator
// files, and retention that removes old rows while the chain stays verifiable.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { assertError, startServer } from './harness.mjs'
import { excelDateTime, numberFormats, readSheet } from './xlsx.mjs'

const DAY = 24 * 3600 * 1000
let server
let auditor

before(async () => {
  server = await startServer()
  auditor = await server.auditor()
})

after(() => server?.stop())

const q = (params) => new URLSearchParams(params).toString()

test('GET /audit/export: the filtered rows as .xlsx, oldest first, Beijing times as dates; audited', async () => {
  const filter = { action: 'user.' }
  const total = (await auditor.get(`/api/v1/audit?${q({ ...filter, page_size: 1 })}`)).body.total
  assert.ok(total > 0)
  const res = await fetch(`${server.url}/api/v1/audit/export?${q(filter)}`, { headers: { Cookie: auditor.cookie } })
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/)
  const bytes = Buffer.from(await res.arrayBuffer())
  const rows = readSheet(bytes)
  const formats = numberFormats(bytes)
  assert.deepEqual(rows[0].map((c) => c.value), ['时间（北京时间）', '用户', '用户编号', '地址', '操作', '对象类型', '对象', '结果', '详情', '请求编号'])
  assert.equal(rows.length - 1, total)
  const times = rows.slice(1).map((cells) => cells[0])
  for (const cell of times) {
    assert.equal(cell.type, 'number')
    assert.match(formats[cell.style], /yyyy-mm-dd hh:mm/)
  }
  assert.ok(times.every((cell, i) => i === 0 || cell.value >= times[i - 1].value), 'oldest first')
  for (const cells of rows.slice(1)) {
    assert.match(cells[4].value, /^user\./)
    assert.ok(['成功', '失败'].includes(cells[7].value))
  }
  // The newest row's time is Beijing's wall clock.
  const newest = (await auditor.get(`/api/v1/audit?${q({ ...filter, page_size: 1 })}`)).body.items[0]
  const beijing = new Date(Date.parse(newest.at) + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')
  assert.equal(excelDateTime(times.at(-1).value), beijing)
  const logged = await server.audit('action=audit.export')
  assert.equal(logged.length, 1)
  assert.match(logged[0].detail, new RegExp(`^${total} rows`))
})

test('the export is the audit administrator\'s alone, and bad filters are 400', async () => {
  const admin = await server.admin()
  assertError(await admin.get('/api/v1/audit/export'), 403, 'forbidden')
  assertError(await auditor.get('/api/v1/audit/export?from=yesterday'), 400, 'validation_failed', 'from')
  assertError(await auditor.get('/api/v1/audit/export?outcome=maybe'), 400, 'validation_failed', 'outcome')
  assertError(await auditor.get(`/api/v1/audit/export?${q({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })}`),
    400, 'validation_failed', 'from')
})

test('retention removes rows past audit_retention_days, never younger than 184 days; the chain verifies', async () => {
  const seqs = (await server.sql('SELECT MIN(seq), MAX(seq) FROM audit_log WHERE seq IS NOT NULL'))[0].split('|').map(Number)
  assert.ok(seqs[1] - seqs[0] > 40)
  const cut = seqs[0] + 29
  const now = Date.now()
  // The first 30 rows are dated 200 days back, the next 10 at 100 days (which must stay; their
  // own times are put back afterwards, as the MACs cover them).
  const kept = await server.sql(`SELECT seq, at FROM audit_log WHERE seq > ${cut} AND seq <= ${cut + 10}`)
  await server.sql(`UPDATE audit_log SET at = ${now - 200 * DAY} WHERE seq <= ${cut}`)
  await server.sql(`UPDATE audit_log SET at = ${now - 100 * DAY} WHERE seq > ${cut} AND seq <= ${cut + 10}`)
  const pruned = await server.pufa(['audit', 'prune'])
  assert.equal(pruned.code, 0, pruned.stderr)
  assert.match(pruned.stdout, /audit rows removed: 30 \(kept: the last 184 days\)/)
  assert.deepEqual(await server.sql(`SELECT COUNT(*) FROM audit_log WHERE seq <= ${cut}`), ['0'])
  assert.deepEqual(await server.sql(`SELECT COUNT(*) FROM audit_log WHERE seq > ${cut} AND seq <= ${cut + 10}`), ['10'])
  const rows = await server.audit('action=audit.prune')
  assert.equal(rows.length, 1)
  assert.match(rows[0].detail, new RegExp(`^30 rows written before \\d{4}-\\d\\d-\\d\\d removed; chain base seq ${cut} mac [0-9a-f]{64}$`))
  for (const line of kept) {
    const [seq, at] = line.split('|')
    await server.sql(`UPDATE audit_log SET at = ${at} WHERE seq = ${seq}`)
  }
  // What is left verifies from the base; a second prune finds nothing.
  const intact = await server.pufa(['audit', 'verify'])
  assert.equal(intact.code, 0, intact.stdout + intact.stderr)
  assert.match(intact.stdout, /audit chain intact/)
  assert.match((await server.pufa(['audit', 'prune'])).stdout, /audit rows removed: 0/)
})

test('pufa audit verify finds rows removed or a base moved by hand', async () => {
  const base = Number((await server.sql('SELECT base_seq FROM audit_chain'))[0])
  assert.ok(base > 0)
  // Moving the base past five more rows, as a retention would, but without its audit.prune row.
  const mac = (await server.sql(`SELECT mac FROM audit_log WHERE seq = ${base + 5}`))[0]
  await server.sql(`DELETE FROM audit_log WHERE seq <= ${base + 5}`)
  const gap = await server.pufa(['audit', 'verify'])
  assert.equal(gap.code, 1)
  assert.match(gap.stdout, /sequence gap|does not link/)
  await server.sql(`UPDATE audit_chain SET base_seq = ${base + 5}, base_mac = '${mac}'`)
  const moved = await server.pufa(['audit', 'verify'])
  assert.equal(moved.code, 1)
  assert.match(moved.stdout, /base was moved to \d+ without an audit\.prune row/)
})
