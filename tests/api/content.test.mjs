// Publishing: columns, the draft → review → publish workflow with its disclosure metadata,
// scope and permissions, the server-side sanitiser, attachments, cases citing the law library,
// the public portal's reads (home, lists, article with breadcrumbs, visits and QR code).
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { COORD, assertError, assertList, createUser, rawHttp, startServer } from './harness.mjs'

const MAJIAN_OP = { username: 'majian', password: 'Pufa-Majian-2026' } // unit_operator of 马涧镇
const LANJIANG = '330781001000' // 兰江街道
const MiB = 1024 * 1024
const INDEX_NO = /^1133078173379010XA\/(\d{4})-(\d{5,})$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

// A made-up two-article law in the library's Markdown layout (the product ships no law texts).
const TINY_LAW = `# 中华人民共和国民法典

2020年5月28日 测试用文本

<!-- INFO END -->

## 第五编 婚姻家庭

### 第四章 离婚

第一千零七十七条 测试条文：协议离婚申请后有三十日的冷静期，其间任何一方可以撤回申请。

第一千零七十八条 测试条文：冷静期满后双方亲自领取离婚证。
`

let server
let coord
let op // 马涧镇 unit operator
let other // a unit operator of 兰江街道
let lawId

function importLaws(dbUrl, dir) {
  return new Promise((resolve) => {
    execFile(process.env.PUFA_BIN, ['import', 'laws', dir, '--db', dbUrl], (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }))
  })
}

function draft(fields = {}) {
  return {
    column: 'news',
    title: '马涧镇开展民法典进村宣讲',
    body_html: '<p>5月20日，镇司法所在马坞村文化礼堂开展民法典宣讲。</p>',
    written_on: '2026-05-20',
    disclosure: 'active',
    attachment_ids: [],
    ...fields,
  }
}

async function created(client, fields) {
  const res = await client.post('/api/v1/articles', draft(fields))
  assert.equal(res.status, 201, res.text)
  return res.body
}

/** Creates, submits and publishes an article; returns the published article. */
async function published(fields) {
  const article = await created(op, fields)
  assert.equal((await op.post(`/api/v1/articles/${article.id}/submit`)).status, 200)
  const res = await coord.post(`/api/v1/articles/${article.id}/publish`)
  assert.equal(res.status, 200, res.text)
  return res.body
}

const upload = (client, body, type, name = '通知.pdf') =>
  client.post(`/api/v1/attachments?name=${encodeURIComponent(name)}`, undefined, { body, type })

before(async () => {
  server = await startServer()
  const admin = await server.admin()
  ;[coord, op] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(MAJIAN_OP.username, MAJIAN_OP.password),
  ])
  const regions = await admin.get('/api/v1/regions')
  const lanjiang = regions.body.items.find((item) => item.code === LANJIANG)
  const made = await createUser(admin, { roles: ['unit_operator'], region_id: lanjiang.id, display_name: '兰江联络员' })
  other = await server.login(made.username, made.password)

  const dir = await mkdtemp(join(tmpdir(), 'pufa-content-laws-'))
  try {
    await mkdir(join(dir, '民法典'))
    await writeFile(join(dir, '民法典', '民法典(2020-05-28).md'), TINY_LAW)
    const res = await importLaws(server.dbUrl, dir)
    assert.equal(res.code, 0, res.stdout + res.stderr)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  const law = await coord.get(`/api/v1/laws/${encodeURIComponent('民法典')}`)
  assert.equal(law.status, 200, law.text)
  lawId = law.body.law.id
})

after(async () => {
  await server?.stop()
})

// --- columns and demo data -----------------------------------------------------------------------

test('GET /columns is open and lists the five fixed columns in order', async () => {
  const res = await server.client().get('/api/v1/columns')
  assert.equal(res.status, 200, res.text)
  assert.deepEqual(res.body.items.map((c) => [c.code, c.name, c.section]), [
    ['news', '新闻动态', '普法动态'],
    ['dept', '部门微普法', '普法动态'],
    ['cases', '以案释法', '以案释法'],
    ['notices', '通知公告', '政务公开'],
    ['plans', '计划总结', '政务公开'],
  ])
})

test('the public home shows every column with its latest demo articles, newest first', async () => {
  const res = await server.client().get('/api/v1/public/home')
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.columns.length, 5)
  for (const column of res.body.columns) {
    assert.ok(column.items.length >= 2 && column.items.length <= 6, `${column.code}: ${column.items.length}`)
    const times = column.items.map((item) => item.published_at)
    assert.deepEqual(times, [...times].sort().reverse(), `${column.code} is newest first`)
    for (const item of column.items) {
      assert.ok(Number.isInteger(item.id) && item.title && item.summary, JSON.stringify(item))
      assert.match(item.published_at, ISO)
    }
  }
})

test('the demo 计划总结 article carries the seed page\'s disclosure metadata', async () => {
  const list = await server.client().get('/api/v1/public/articles?column=plans')
  const item = list.body.items.find((a) => a.title === '兰溪市“七五”普法工作总结')
  assert.ok(item, list.text)
  const res = await server.client().get(`/api/v1/public/articles/${item.id}`)
  assert.equal(res.status, 200, res.text)
  const article = res.body
  assert.equal(article.index_no, '1133078173379010XA/2020-97511')
  assert.equal(article.publisher, '市司法局')
  assert.equal(article.written_on, '2020-09-01')
  assert.equal(article.published_at, '2020-08-10T10:12:00Z') // 18:12 in Lanxi
  assert.equal(article.disclosure, 'active')
  assert.deepEqual(article.breadcrumbs, [
    { kind: 'home', url: '/' }, { kind: 'section', label: '政务公开' }, { kind: 'column', label: '计划总结', url: '/columns/plans' },
  ])
  for (const figure of ['350个村', '68名', '80所', '9个专题', '600余场', '阿荣说法', '2005年', '16个乡镇街道'])
    assert.ok(article.body_html.includes(figure), `body mentions ${figure}`)
})

// --- the workflow --------------------------------------------------------------------------------

test('author draft → submit → return → fix → submit → publish; the public page shows the metadata', async () => {
  const a = await created(op)
  assert.equal(a.status, 'draft')
  assert.equal(a.index_no, null)
  assert.equal(a.published_at, null)
  assert.equal(a.publisher, '马涧镇') // the author's region when none is given
  assert.equal(a.author.display_name, '马涧镇普法联络员')
  assert.deepEqual(a.column, { code: 'news', name: '新闻动态', section: '普法动态', sort: 1 })
  assert.match(a.summary, /马坞村/) // made from the body
  assertError(await server.client().get(`/api/v1/public/articles/${a.id}`), 404, 'not_found')

  const submitted = await op.post(`/api/v1/articles/${a.id}/submit`)
  assert.equal(submitted.status, 200, submitted.text)
  assert.equal(submitted.body.status, 'review')
  assertError(await op.put(`/api/v1/articles/${a.id}`, draft()), 409, 'conflict') // locked in review

  assertError(await coord.post(`/api/v1/articles/${a.id}/return`, {}), 400, 'validation_failed', 'reason')
  const returned = await coord.post(`/api/v1/articles/${a.id}/return`, { reason: '请补充活动照片说明' })
  assert.equal(returned.status, 200, returned.text)
  assert.equal(returned.body.status, 'returned')
  assert.equal(returned.body.return_reason, '请补充活动照片说明')

  const fixed = await op.put(`/api/v1/articles/${a.id}`, draft({ body_html: '<p>补充：共60余名村民参加。</p>', publisher: '马涧镇司法所' }))
  assert.equal(fixed.status, 200, fixed.text)
  assert.equal(fixed.body.status, 'returned')
  assert.equal(fixed.body.publisher, '马涧镇司法所')
  assert.equal((await op.post(`/api/v1/articles/${a.id}/submit`)).body.status, 'review')

  const res = await coord.post(`/api/v1/articles/${a.id}/publish`)
  assert.equal(res.status, 200, res.text)
  assert.equal(res.body.status, 'published')
  assert.equal(res.body.return_reason, null)
  const [, year, serial] = INDEX_NO.exec(res.body.index_no) ?? []
  assert.ok(serial, res.body.index_no)
  const lanxiYear = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear()
  assert.equal(Number(year), lanxiYear)
  assert.match(res.body.published_at, ISO)
  assertError(await coord.post(`/api/v1/articles/${a.id}/publish`), 409, 'conflict')

  const page = await server.client().get(`/api/v1/public/articles/${a.id}`)
  assert.equal(page.status, 200, page.text)
  assert.equal(page.body.index_no, res.body.index_no)
  assert.equal(page.body.publisher, '马涧镇司法所')
  assert.equal(page.body.written_on, '2026-05-20')
  assert.equal(page.body.disclosure, 'active')
  assert.equal(page.body.published_at, res.body.published_at)
  assert.equal(page.body.body_html, '<p>补充：共60余名村民参加。</p>')
  assert.deepEqual(page.body.breadcrumbs, [
    { kind: 'home', url: '/' }, { kind: 'section', label: '普法动态' }, { kind: 'column', label: '新闻动态', url: '/columns/news' },
  ])
  assert.equal(page.body.qr_url, `/api/v1/public/articles/${a.id}/qr.svg`)
  assert.equal(page.body.public_url, `${server.url}/articles/${a.id}`)
  assert.equal(page.body.author, undefined, 'staff names stay off the public page')
  assert.equal(page.body.visits, 1)

  const list = await server.client().get('/api/v1/public/articles?column=news&page_size=1')
  assert.equal(list.status, 200, list.text)
  assert.equal(list.body.items[0].id, a.id, 'the newest publication comes first')
  assert.ok(list.body.total >= 4)
  assert.equal(list.body.items.length, 1)

  // Every write was audited.
  const admin = await server.admin()
  const audit = assertList(await (await server.auditor()).get('/api/v1/audit?page_size=100&action=articles.'))
  const rows = audit.items.filter((row) => row.object_id === String(a.id))
  const done = rows.filter((row) => row.outcome === 'success').map((row) => row.action).sort()
  assert.deepEqual(done, ['articles.create', 'articles.publish', 'articles.return', 'articles.submit',
    'articles.submit', 'articles.update'])
  assert.ok(rows.some((row) => row.outcome === 'failure' && row.action === 'articles.return'), 'the refused return')
  assert.ok(rows.some((row) => row.action === 'articles.publish' && row.detail === res.body.index_no))

  // Withdrawn: gone from the portal, still in the staff list.
  const withdrawn = await coord.post(`/api/v1/articles/${a.id}/withdraw`)
  assert.equal(withdrawn.body.status, 'withdrawn')
  assertError(await server.client().get(`/api/v1/public/articles/${a.id}`), 404, 'not_found')
  const staff = assertList(await coord.get('/api/v1/articles?status=withdrawn'))
  assert.ok(staff.items.some((item) => item.id === a.id))
})

test('review that reviews: comments on a field or a paragraph, the reviewer edits and publishes, every step kept', async () => {
  const a = await created(op, { title: '审核流程测试', body_html: '<p>第一段。</p><p>第二段，日期不详。</p>' })
  assert.deepEqual(a.history, [])
  await op.post(`/api/v1/articles/${a.id}/submit`)
  const comments = [
    { field: 'title', text: '标题请写明活动时间' },
    { field: 'body_html', paragraph: 1, text: '请写明具体日期' },
  ]
  assertError(await coord.post(`/api/v1/articles/${a.id}/return`, { reason: '请修改', comments: [{ field: 'colour', text: 'x' }] }),
    400, 'validation_failed', 'comments[0].field')
  assertError(await coord.post(`/api/v1/articles/${a.id}/return`, { reason: '请修改', comments: [{ field: 'title', paragraph: 1, text: 'x' }] }),
    400, 'validation_failed', 'comments[0].paragraph')
  assertError(await coord.post(`/api/v1/articles/${a.id}/return`, { reason: '请修改', comments: [{ field: 'title' }] }),
    400, 'validation_failed', 'text')
  assertError(await coord.post(`/api/v1/articles/${a.id}/return`, { reason: '请修改', comments: [{ field: 'case_facts', text: 'x' }] }),
    400, 'validation_failed', 'comments')
  const returned = await coord.post(`/api/v1/articles/${a.id}/return`, { reason: '请按意见修改', comments })
  assert.equal(returned.status, 200, returned.text)
  // The author sees each comment where it applies.
  const seen = (await op.get(`/api/v1/articles/${a.id}`)).body
  assert.deepEqual(seen.review_comments, [{ field: 'title', paragraph: null, text: '标题请写明活动时间' }, { field: 'body_html', paragraph: 1, text: '请写明具体日期' }])
  await op.put(`/api/v1/articles/${a.id}`, draft({ title: '5月20日审核流程测试', body_html: '<p>第一段。</p><p>第二段，5月20日。</p>' }))
  const again = (await op.post(`/api/v1/articles/${a.id}/submit`)).body
  assert.deepEqual(again.review_comments, [], 'comments belong to the return, not to the resubmitted article')

  // The reviewer corrects a word and publishes; the author cannot edit while it is under review.
  assertError(await op.put(`/api/v1/articles/${a.id}`, draft()), 409, 'conflict')
  const edited = await coord.put(`/api/v1/articles/${a.id}`, draft({ title: '5月20日审核流程测试（修订）', body_html: '<p>第一段。</p><p>第二段，5月20日。</p>' }))
  assert.equal(edited.status, 200, edited.text)
  assert.equal(edited.body.status, 'review')
  const published = (await coord.post(`/api/v1/articles/${a.id}/publish`)).body
  assert.equal(published.title, '5月20日审核流程测试（修订）')
  assert.deepEqual(published.history.map((h) => [h.step, h.user.display_name]), [
    ['submit', '马涧镇普法联络员'], ['return', '市司法局普法办'], ['submit', '马涧镇普法联络员'], ['edit', '市司法局普法办'], ['publish', '市司法局普法办'],
  ])
  assert.equal(published.history[1].reason, '请按意见修改')
  assert.deepEqual(published.history[1].comments.map((c) => c.text), ['标题请写明活动时间', '请写明具体日期'])
  for (const step of published.history) assert.match(step.at, ISO)
  const page = (await server.client().get(`/api/v1/public/articles/${a.id}`)).body
  assert.equal(page.history, undefined, 'the review stays off the portal')
  assert.equal(page.review_comments, undefined)
})

test('bodies that once stalled the writer: another user’s writes answer within 100 ms meanwhile', async () => {
  // 200 KB of <!----> took 6.5 s to sanitise inside the write transaction, holding every writer.
  const worst = '<p>x</p>' + '<!---->'.repeat(28_000)
  const other = await server.login('mawu', 'Pufa-Mawu-2026')
  const region = (await other.get('/api/v1/auth/me')).body.user.region_id
  const small = () => other.post('/api/v1/activities', {
    title: '写入不被阻塞', starts_on: '2026-06-08', region_id: region, theme: '民法典', audience: ['public'],
    six_place: 'villages', form: 'lecture', participants: 10,
  })
  assert.equal((await small()).status, 201)  // warm
  const heavy = Array.from({ length: 2 }, () => op.post('/api/v1/articles', draft({ body_html: worst })))
  const times = []
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    const res = await small()
    times.push(performance.now() - started)
    assert.equal(res.status, 201, res.text)
  }
  for (const res of await Promise.all(heavy)) assert.equal(res.status, 201, res.text)
  times.sort((a, b) => a - b)
  assert.ok(times[2] < 100, `the small write took ${times.map((t) => t.toFixed(0)).join(', ')} ms`)
  // Bounded work: too many elements or too deep a nesting is refused with the field named.
  assertError(await op.post('/api/v1/articles', draft({ body_html: '<b>x</b>'.repeat(20_001) })), 400, 'validation_failed', 'body_html')
  assertError(await op.post('/api/v1/articles', draft({ body_html: '<div>'.repeat(65) + 'x' })), 400, 'validation_failed', 'body_html')
  const external = await op.post('/api/v1/articles', draft({ body_html: '<p>图</p><img src="https://example.cn/a.png">' }))
  assertError(external, 400, 'validation_failed', 'body_html')
  assert.match(external.body.error.message, /https:\/\/example\.cn\/a\.png.*其他网站/)
})

test('each view counts: the count includes views not yet written to the database', async () => {
  const a = await published({ title: '访问计数测试' })
  const client = server.client()
  const counts = []
  for (let i = 0; i < 5; i++) counts.push((await client.get(`/api/v1/public/articles/${a.id}`)).body.visits)
  assert.deepEqual(counts, [1, 2, 3, 4, 5])
  const staff = await coord.get(`/api/v1/articles/${a.id}`)
  assert.equal(staff.body.visits, 5, 'staff pages see the same count without adding to it')
})

/** content_articles.visits as stored, read with the engine's own client. */
function storedVisits(id) {
  const sql = `SELECT visits FROM content_articles WHERE id = ${Number(id)}`
  const [file, args] = server.engine === 'sqlite'
    ? ['sqlite3', [server.dbUrl.slice('sqlite:'.length), sql]]
    : ['psql', [server.dbUrl, '-tAc', sql]]
  return new Promise((resolve, reject) => {
    execFile(file, args, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(Number(stdout.trim()))))
  })
}

test('views reach the database in a batch a few seconds later', async () => {
  const a = await published({ title: '访问计数落库测试' })
  const client = server.client()
  for (let i = 0; i < 3; i++) await client.get(`/api/v1/public/articles/${a.id}`)
  const deadline = Date.now() + 12_000
  let stored = await storedVisits(a.id)
  while (stored !== 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    stored = await storedVisits(a.id)
  }
  assert.equal(stored, 3)
  assert.equal((await client.get(`/api/v1/public/articles/${a.id}`)).body.visits, 4, 'flushed views are not counted twice')
})

test('index numbers of one year follow each other', async () => {
  const first = await published({ title: '序号测试一' })
  const second = await published({ title: '序号测试二' })
  const [, y1, s1] = INDEX_NO.exec(first.index_no)
  const [, y2, s2] = INDEX_NO.exec(second.index_no)
  assert.equal(y1, y2)
  assert.equal(Number(s2), Number(s1) + 1)
})

test('drafts can be deleted by their unit, published articles cannot', async () => {
  const a = await created(op, { title: '待删除的草稿' })
  assert.equal((await op.delete(`/api/v1/articles/${a.id}`)).status, 204)
  assertError(await op.get(`/api/v1/articles/${a.id}`), 404, 'not_found')
  const b = await published({ title: '不能删除' })
  assertError(await op.delete(`/api/v1/articles/${b.id}`), 409, 'conflict')
})

// --- scope and permissions -----------------------------------------------------------------------

test('a unit operator sees only its own unit\'s articles; the coordinator sees all', async () => {
  const mine = await created(op, { title: '马涧镇的草稿' })
  const theirs = await created(other, { title: '兰江街道的草稿' })
  assert.equal(theirs.publisher, '兰江街道')
  assertError(await other.get(`/api/v1/articles/${mine.id}`), 404, 'not_found')
  assertError(await other.put(`/api/v1/articles/${mine.id}`, draft()), 404, 'not_found')
  assertError(await other.post(`/api/v1/articles/${mine.id}/submit`), 404, 'not_found')
  assertError(await other.delete(`/api/v1/articles/${mine.id}`), 404, 'not_found')
  const otherList = assertList(await other.get('/api/v1/articles?page_size=100'))
  assert.ok(!otherList.items.some((item) => item.id === mine.id))
  assert.ok(otherList.items.some((item) => item.id === theirs.id))
  const opList = assertList(await op.get('/api/v1/articles?status=draft&page_size=100'))
  assert.ok(opList.items.some((item) => item.id === mine.id))
  assert.ok(!opList.items.some((item) => item.id === theirs.id))
  const all = assertList(await coord.get('/api/v1/articles?status=draft&page_size=100'))
  assert.ok(all.items.some((item) => item.id === mine.id) && all.items.some((item) => item.id === theirs.id))
  const found = assertList(await coord.get(`/api/v1/articles?q=${encodeURIComponent('兰江街道的')}`))
  assert.deepEqual(found.items.map((item) => item.id), [theirs.id])
  // mine=1: only the caller's own, even for the coordinator who sees both.
  const coordOwn = assertList(await coord.get('/api/v1/articles?status=draft&mine=1&page_size=100'))
  assert.ok(!coordOwn.items.some((item) => item.id === mine.id || item.id === theirs.id))
  const opOwn = assertList(await op.get('/api/v1/articles?status=draft&mine=1&page_size=100'))
  assert.ok(opOwn.items.some((item) => item.id === mine.id))
})

test('only content.publish may return, publish or withdraw; the public may not write', async () => {
  const a = await created(op, { title: '权限测试' })
  await op.post(`/api/v1/articles/${a.id}/submit`)
  assertError(await op.post(`/api/v1/articles/${a.id}/publish`), 403, 'forbidden')
  assertError(await op.post(`/api/v1/articles/${a.id}/return`, { reason: '自己退回' }), 403, 'forbidden')
  const examinee = await server.login('wangfang', 'Pufa-Exam-2026')
  assertError(await examinee.get('/api/v1/articles'), 403, 'forbidden')
  assertError(await examinee.post('/api/v1/articles', draft()), 403, 'forbidden')
  assertError(await server.client().get('/api/v1/articles'), 401, 'unauthenticated')
  assertError(await server.client().get(`/api/v1/articles/${a.id}`), 401, 'unauthenticated')
  assert.equal((await coord.get(`/api/v1/articles/${a.id}`)).body.status, 'review')
})

// --- the sanitiser ---------------------------------------------------------------------------------

test('rich text is sanitised on the server before it is stored', async () => {
  const a = await created(op, {
    title: '富文本清洗',
    body_html: '<p onclick="x()">正文<script>alert(1)</script><img src="x" onerror="alert(2)">' +
      '<a href="javascript:alert(3)">链接</a><a href="https://www.lanxi.gov.cn/">官网</a></p>' +
      '<iframe src="http://evil.cn">x</iframe><p style="color:red">&lt;b&gt; &amp; 文字',
  })
  assert.equal(a.body_html, '<p>正文<a rel="noopener">链接</a><a href="https://www.lanxi.gov.cn/" rel="noopener noreferrer">官网</a></p>' +
    '<p>&lt;b&gt; &amp; 文字</p>')
  const stored = await op.get(`/api/v1/articles/${a.id}`)
  assert.equal(stored.body.body_html, a.body_html)
  assertError(await op.post('/api/v1/articles', draft({ body_html: '<script>alert(1)</script>' })), 400,
    'validation_failed', 'body_html')
})

// --- attachments ---------------------------------------------------------------------------------

test('attachments: a real PDF is stored, a fake one refused, the type must match the content', async () => {
  const res = await upload(op, PDF, 'application/pdf', '考试通知.pdf')
  assert.equal(res.status, 201, res.text)
  assert.deepEqual(Object.keys(res.body).sort(), ['content_type', 'id', 'name', 'size', 'url'])
  assert.equal(res.body.name, '考试通知.pdf')
  assert.equal(res.body.size, PDF.length)
  assert.equal(res.body.content_type, 'application/pdf')

  assertError(await upload(op, Buffer.from('just text, not a PDF'), 'application/pdf'), 400, 'validation_failed', 'file')
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
  assertError(await upload(op, png, 'image/jpeg', 'a.jpg'), 400, 'validation_failed', 'file')
  assert.equal((await upload(op, png, 'image/png', 'a.png')).status, 201)
  assertError(await upload(op, Buffer.from('a,b\n'), 'text/csv', 'a.csv'), 415, 'unsupported_media_type')
  assertError(await upload(op, Buffer.alloc(0), 'application/pdf'), 400, 'validation_failed', 'file')
  assertError(await upload(await server.login('wangfang', 'Pufa-Exam-2026'), PDF, 'application/pdf'), 403, 'forbidden')
})

test('attachments over 20 MiB answer 413', async () => {
  const res = await rawHttp(server.url, 'POST /api/v1/attachments?name=big.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
    `Cookie: ${op.cookie}\r\nX-CSRF-Token: ${op.csrf}\r\nContent-Type: application/pdf\r\n` +
    `Content-Length: ${20 * MiB + 1}\r\nConnection: close\r\n\r\n`)
  assert.equal(res.status, 413, res.text)
  assert.equal(res.body?.error?.code, 'payload_too_large')
})

test('an attachment downloads for the public only once its article is published', async () => {
  const file = (await upload(op, PDF, 'application/pdf', '通知.pdf')).body
  const a = await created(op, { title: '带附件的通知', column: 'notices', attachment_ids: [file.id] })
  assert.deepEqual(a.attachments.map((x) => [x.id, x.name, x.url]), [[file.id, '通知.pdf', `/api/v1/attachments/${file.id}`]])

  assertError(await server.client().get(file.url), 401, 'unauthenticated')
  assertError(await other.get(file.url), 404, 'not_found')
  const own = await op.get(file.url)
  assert.equal(own.status, 200)
  assert.equal(own.headers.get('content-type'), 'application/pdf')
  assert.equal(own.headers.get('content-disposition'),
    `inline; filename="download.pdf"; filename*=UTF-8''%E9%80%9A%E7%9F%A5.pdf`)
  assert.equal(own.text, PDF.toString())

  // Another article cannot take an attachment that belongs to this one.
  assertError(await op.post('/api/v1/articles', draft({ attachment_ids: [file.id] })), 400, 'validation_failed', 'attachment_ids')
  assertError(await op.post('/api/v1/articles', draft({ attachment_ids: [99999999] })), 400, 'validation_failed', 'attachment_ids')

  await op.post(`/api/v1/articles/${a.id}/submit`)
  await coord.post(`/api/v1/articles/${a.id}/publish`)
  const open = await server.client().get(file.url)
  assert.equal(open.status, 200, open.text)
  assert.equal(open.text, PDF.toString())
  assert.equal(open.headers.get('x-content-type-options'), 'nosniff')
  const page = await server.client().get(`/api/v1/public/articles/${a.id}`)
  assert.equal(page.body.attachments[0].url, file.url)
})

// --- cases ---------------------------------------------------------------------------------------

test('a case cites articles of the law library, by Chinese or Arabic numbers', async () => {
  const a = await created(op, {
    column: 'cases',
    title: '离婚冷静期案例',
    body_html: '<p>案例导读。</p>',
    case: {
      facts: '双方协议离婚后，一方在冷静期内撤回申请。',
      analysis: '冷静期内任何一方可以撤回离婚登记申请。',
      cited: [{ law: '民法典', number: '1077' }, { law: '《中华人民共和国民法典》', number: '第一千零七十八条' }],
    },
  })
  assert.equal(a.case.facts, '双方协议离婚后，一方在冷静期内撤回申请。')
  assert.deepEqual(a.case.cited.map((c) => [c.law, c.law_id, c.number, c.label, c.url]), [
    ['民法典', lawId, '第一千零七十七条', '《民法典》第一千零七十七条', `/laws/${lawId}/articles/1077`],
    ['民法典', lawId, '第一千零七十八条', '《民法典》第一千零七十八条', `/laws/${lawId}/articles/1078`],
  ])
  assert.match(a.case.cited[0].text, /冷静期/)
  const news = await created(op)
  assert.equal(news.case, null)
})

test('a citation the library does not hold is refused with field case.cited', async () => {
  const base = { column: 'cases', title: '错误引用', case: { facts: '案情', analysis: '分析', cited: [] } }
  const cite = (cited) => op.post('/api/v1/articles', draft({ ...base, case: { ...base.case, cited } }))
  assertError(await cite([{ law: '不存在的法', number: '1' }]), 400, 'validation_failed', 'case.cited')
  assertError(await cite([{ law: '民法典', number: '第九千条' }]), 400, 'validation_failed', 'case.cited')
  assertError(await cite([{ law: '民法典', number: '第几条' }]), 400, 'validation_failed', 'case.cited')
  assertError(await cite([{ number: '1077' }]), 400, 'validation_failed', 'case.cited')
  assertError(await cite('民法典'), 400, 'validation_failed', 'case.cited')
  assertError(await op.post('/api/v1/articles', draft({ ...base, case: { analysis: '分析' } })), 400, 'validation_failed', 'case.facts')
  assertError(await op.post('/api/v1/articles', draft({ ...base, case: undefined })), 400, 'validation_failed', 'case')
  assertError(await op.post('/api/v1/articles', draft({ case: base.case })), 400, 'validation_failed', 'case')
})

test('demo cases were stored before the library: their citations resolve once it holds the law', async () => {
  const list = await server.client().get('/api/v1/public/articles?column=cases')
  const item = list.body.items.find((a) => a.title.includes('冷静期'))
  const res = await server.client().get(`/api/v1/public/articles/${item.id}`)
  assert.equal(res.status, 200, res.text)
  const [cooling, agreement] = res.body.case.cited
  assert.equal(cooling.number, '第一千零七十七条')
  assert.equal(cooling.law_id, lawId) // the tiny library has 第一千零七十七条 …
  assert.equal(cooling.url, `/laws/${lawId}/articles/1077`)
  assert.equal(agreement.number, '第一千零七十六条')
  assert.equal(agreement.law_id, null) // … but not 第一千零七十六条
  assert.equal(agreement.url, null)
  assert.equal(agreement.label, '《民法典》第一千零七十六条')
})

// --- QR code -------------------------------------------------------------------------------------

test('the QR code of a published article is an SVG; unpublished articles have none', async () => {
  const a = await published({ title: '二维码测试' })
  const res = await server.client().get(`/api/v1/public/articles/${a.id}/qr.svg`)
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'image/svg+xml')
  assert.match(res.text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/)
  assert.match(res.text, /<path fill="#000" d="M4 4h7v1h-7z/)
  const side = Number(/viewBox="0 0 (\d+)/.exec(res.text)[1])
  assert.equal((side - 8 - 17) % 4, 0, 'a QR symbol is 17 + 4 × version modules wide')
  const b = await created(op, { title: '未发布' })
  assertError(await server.client().get(`/api/v1/public/articles/${b.id}/qr.svg`), 404, 'not_found')
  assertError(await server.client().get('/api/v1/public/articles/abc/qr.svg'), 404, 'not_found')
})

// --- bad input -----------------------------------------------------------------------------------

test('bad input answers 400 naming the field, and stores nothing', async () => {
  const before = assertList(await op.get('/api/v1/articles?page_size=1')).total
  const cases = [
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ column: 'blog' }, 'column'],
    [{ column: undefined }, 'column'],
    [{ body_html: undefined }, 'body_html'],
    [{ body_html: 42 }, 'body_html'],
    [{ written_on: '2020-02-30' }, 'written_on'],
    [{ written_on: '20200901' }, 'written_on'],
    [{ written_on: '1899-12-31' }, 'written_on'],
    [{ written_on: '2101-01-01' }, 'written_on'],
    [{ disclosure: '公开' }, 'disclosure'],
    [{ attachment_ids: ['1'] }, 'attachment_ids'],
    [{ attachment_ids: 3 }, 'attachment_ids'],
    [{ publisher: 'x'.repeat(101) }, 'publisher'],
    [{ case: 'text' }, 'case'],
  ]
  for (const [fields, field] of cases) {
    assertError(await op.post('/api/v1/articles', draft(fields)), 400, 'validation_failed', field)
  }
  assertError(await op.post('/api/v1/articles', undefined, { body: '{bad', type: 'application/json' }), 400, 'malformed_json')
  assertError(await op.get('/api/v1/articles?status=done'), 400, 'validation_failed', 'status')
  assertError(await op.get('/api/v1/articles?page_size=0'), 400, 'validation_failed', 'page_size')
  assertError(await server.client().get('/api/v1/public/articles?column=blog'), 400, 'validation_failed', 'column')
  assertError(await server.client().get('/api/v1/public/articles?page=0'), 400, 'validation_failed', 'page')
  assertError(await op.put('/api/v1/articles/99999999', draft()), 404, 'not_found')
  assertError(await server.client().get('/api/v1/public/articles/99999999'), 404, 'not_found')
  assert.equal(assertList(await op.get('/api/v1/articles?page_size=1')).total, before)
})
