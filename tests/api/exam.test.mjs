// Exams: question banks and validation, imports (xlsx, CSV, JSON, JSONL, the DISC-Law-Eval and
// LexEval layouts), exams and publishing, attempts (start, autosave, resume, submit, limits,
// the deadline), review, certificates, results, statistics, ranking and the Excel export.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { COORD, assertError, assertList, startServer } from './harness.mjs'
import { excelDateTime, numberFormats, readSheet, values, workbook } from './xlsx.mjs'

const EXAMINEE = { username: 'wangfang', password: 'Pufa-Exam-2026' }
const OTHER = { username: 'gwy001', password: 'Pufa-Exam-2026' }
const QUIZ_DIR = process.env.PUFA_QUIZ_DIR || fileURLToPath(new URL('../../../shared/data/quiz', import.meta.url))
const LAWS_DIR = fileURLToPath(new URL('../fixtures/laws', import.meta.url))
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const iso = (ms) => new Date(ms).toISOString()

let server, coord, examinee, other, majian, wangfangId, gwyId

before(async () => {
  server = await startServer({ testClock: true })
  ;[coord, examinee, other, majian] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(EXAMINEE.username, EXAMINEE.password),
    server.login(OTHER.username, OTHER.password),
    server.login('majian', 'Pufa-Majian-2026'),
  ])
  wangfangId = (await examinee.get('/api/v1/auth/me')).body.user.id
  gwyId = (await other.get('/api/v1/auth/me')).body.user.id
})
after(async () => server?.stop())

async function newBank(name, audience = 'civil_servant') {
  const res = await coord.post('/api/v1/question-banks', { name, audience, description: '测试' })
  assert.equal(res.status, 201, res.text)
  return res.body
}

const bankCount = async (id) => (await coord.get(`/api/v1/question-banks/${id}`)).body.question_count

function importFile(bankId, body, type, format) {
  return coord.request('POST', `/api/v1/question-banks/${bankId}/import${format ? `?format=${format}` : ''}`, { body, type })
}

describe('question banks and questions', () => {
  let bank
  before(async () => { bank = await newBank('测试题库甲') })

  test('banks: create, duplicate name, audience, list, update, permission', async () => {
    assertError(await coord.post('/api/v1/question-banks', { name: '测试题库甲', audience: 'leader' }), 409, 'conflict', 'name')
    assertError(await coord.post('/api/v1/question-banks', { name: '乙', audience: 'kids' }), 400, 'validation_failed', 'audience')
    const list = assertList(await coord.get('/api/v1/question-banks'))
    const demo = list.items.find((b) => b.name === '公务员学法用法题库')
    assert.ok(demo && demo.question_count >= 300, `demo bank: ${JSON.stringify(demo)}`)
    assert.ok(list.items.some((b) => b.audience === 'leader') && list.items.some((b) => b.audience === 'youth'))
    const put = await coord.put(`/api/v1/question-banks/${bank.id}`, { name: '测试题库甲', audience: 'public', description: '改' })
    assert.equal(put.status, 200, put.text)
    assert.equal(put.body.audience, 'public')
    assertError(await examinee.get('/api/v1/question-banks'), 403, 'forbidden')
  })

  test('questions: validation of types, options and answers', async () => {
    const url = `/api/v1/question-banks/${bank.id}/questions`
    const single = { type: 'single', stem: '题一', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }], answer: ['A'] }
    const cases = [
      [{ ...single, type: 'essay' }, 'type'],
      [{ ...single, stem: '' }, 'stem'],
      [{ ...single, answer: ['C'] }, 'answer'],
      [{ ...single, answer: ['A', 'B'] }, 'answer'],
      [{ ...single, answer: [] }, 'answer'],
      [{ ...single, options: [{ key: 'A', text: '甲' }] }, 'options'],
      [{ ...single, options: [{ key: 'A', text: '甲' }, { key: 'C', text: '丙' }] }, 'options'],
      [{ ...single, options: [{ key: 'A', text: '甲' }, { key: 'B', text: '' }] }, 'options'],
      [{ ...single, options: 'AB' }, 'options'],
      [{ type: 'judge', stem: '判断', options: [{ key: 'A', text: '对' }, { key: 'B', text: '不对' }], answer: ['A'] }, 'options'],
      [{ ...single, difficulty: 9 }, 'difficulty'],
      [{ ...single, tags: ['a|b'] }, 'tags'],
    ]
    for (const [body, field] of cases) {
      assertError(await coord.post(url, body), 400, 'validation_failed', field)
    }
    assert.equal(await bankCount(bank.id), 0)
  })

  test('questions: create, law reference, duplicate stems, read, filter, update, delete', async () => {
    const url = `/api/v1/question-banks/${bank.id}/questions`
    const res = await coord.post(url, {
      type: 'single', stem: '根据民法典，离婚冷静期为多少日？',
      options: [{ key: 'A', text: '十五日' }, { key: 'B', text: '三十日' }, { key: 'C', text: '六十日' }],
      answer: ['B'], explanation: '第一千零七十七条', difficulty: 2, tags: ['民法典', '婚姻家庭'], law_ref: '民法典 第一千零七十七条',
    })
    assert.equal(res.status, 201, res.text)
    const q = res.body
    assert.deepEqual(q.answer, ['B'])
    assert.deepEqual(q.tags, ['民法典', '婚姻家庭'])
    assert.equal(q.law_ref.text, '民法典 第一千零七十七条')
    assert.ok(q.law_ref.law_id === null || Number.isInteger(q.law_ref.law_id))
    // The same stem with other spacing and punctuation is a duplicate.
    assertError(await coord.post(url, { type: 'judge', stem: ' 根据民法典 ，离婚冷静期为多少日?', answer: '正确' }), 409, 'conflict', 'stem')
    const judge = await coord.post(url, { type: 'judge', stem: '国家宪法日是每年12月4日。', answer: '正确', tags: '宪法' })
    assert.equal(judge.status, 201, judge.text)
    assert.deepEqual(judge.body.options, [{ key: 'A', text: '正确' }, { key: 'B', text: '错误' }])
    assert.deepEqual(judge.body.answer, ['A'])
    const multi = await coord.post(url, { type: 'multiple', stem: '多选题一', options: [{ key: 'A', text: '1' }, { key: 'B', text: '2' }, { key: 'C', text: '3' }], answer: ['C', 'a'] })
    assert.equal(multi.status, 201, multi.text)
    assert.deepEqual(multi.body.answer, ['A', 'C'])

    assert.equal(assertList(await coord.get(`${url}?type=judge`)).total, 1)
    assert.equal(assertList(await coord.get(`${url}?tag=${encodeURIComponent('民法典')}`)).total, 1)
    assert.equal(assertList(await coord.get(`${url}?q=${encodeURIComponent('冷静期')}`)).total, 1)
    assert.equal(assertList(await coord.get(`${url}?difficulty=2`)).total, 1)
    const page = assertList(await coord.get(`${url}?page_size=2&page=2`))
    assert.equal(page.total, 3)
    assert.equal(page.items.length, 1)

    const put = await coord.put(`/api/v1/questions/${q.id}`, { ...q, stem: '离婚冷静期为几日？' })
    assert.equal(put.status, 200, put.text)
    assert.equal(put.body.stem, '离婚冷静期为几日？')
    assert.equal(put.body.law_ref.text, '民法典 第一千零七十七条')
    assertError(await coord.put(`/api/v1/questions/${judge.body.id}`, { ...q, law_ref: '', stem: '离婚冷静期为几日' }), 409, 'conflict', 'stem')
    assert.equal((await coord.delete(`/api/v1/questions/${multi.body.id}`)).status, 204)
    assertError(await coord.get(`/api/v1/questions/${multi.body.id}`), 404, 'not_found')
    assert.equal(await bankCount(bank.id), 2)
  })

  test('law references resolve to the library once the law is imported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pufa-exam-laws-'))
    try {
      await cp(join(LAWS_DIR, '民法典'), join(dir, '民法典'), { recursive: true })
      const result = await new Promise((resolve) => execFile(process.env.PUFA_BIN, ['import', 'laws', dir, '--db', server.dbUrl],
        (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr })))
      assert.equal(result.code, 0, result.stderr)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    const res = await coord.post(`/api/v1/question-banks/${bank.id}/questions`,
      { type: 'judge', stem: '离婚冷静期为三十日。', answer: ['A'], law_ref: '民法典第1077条' })
    assert.equal(res.status, 201, res.text)
    assert.ok(Number.isInteger(res.body.law_ref.law_id), res.text)
    assert.equal(res.body.law_ref.number, '第一千零七十七条')
    assert.equal(res.body.law_ref.url, `/laws/${res.body.law_ref.law_id}/articles/1077`)
  })
})

describe('imports', () => {
  test('CSV (RFC 4180: BOM, quoted commas, quotes and line breaks) with duplicates reported', async () => {
    const bank = await newBank('导入题库CSV')
    await coord.post(`/api/v1/question-banks/${bank.id}/questions`, { type: 'judge', stem: '已有的题目。', answer: 'A' })
    const csv = '\uFEFF题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度,标签,考查法条\r\n' +
      '单选,"下列说法，正确的是？",甲,"乙,丙","他说""好""",丁,B,,2,"宪法,民法典",\r\n' +
      '多选,"第一行\n第二行",1,2,3,,"A,C",解析,3,,\r\n' +
      '判断,已有的题目,,,,,正确,,,,\r\n' +
      '判断,"下列说法，正确的是?",,,,,错,,,,\r\n' +
      '判断,新的判断题。,,,,,×,,,,\r\n'
    const res = await importFile(bank.id, csv, 'text/csv')
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.imported, 3)
    assert.deepEqual(res.body.skipped_duplicates.map((d) => d.row), [4, 5])
    const items = assertList(await coord.get(`/api/v1/question-banks/${bank.id}/questions?page_size=10`)).items
    const first = items.find((q) => q.stem === '下列说法，正确的是？')
    assert.deepEqual(first.options.map((o) => o.text), ['甲', '乙,丙', '他说"好"', '丁'])
    assert.deepEqual(first.tags, ['宪法', '民法典'])
    assert.equal(items.find((q) => q.type === 'multiple').stem, '第一行\n第二行')
    assert.deepEqual(items.find((q) => q.stem === '新的判断题。').answer, ['B'])
  })

  test('a bad file stores nothing and lists every bad row (422 import_failed)', async () => {
    const bank = await newBank('导入题库坏')
    const csv = '题型,题干,选项A,选项B,答案\n单选,好的题,甲,乙,A\n单选,坏答案,甲,乙,C\n单选,,甲,乙,A\n问答,题型错,甲,乙,A\n'
    const res = await importFile(bank.id, csv, 'text/csv')
    assert.equal(res.status, 422, res.text)
    assert.equal(res.body.error.code, 'import_failed')
    assert.deepEqual(res.body.error.errors.map((e) => [e.row, e.field]), [[3, 'answer'], [4, 'stem'], [5, 'type']])
    assert.equal(await bankCount(bank.id), 0)
    const unterminated = await importFile(bank.id, '题干,答案\n"没有闭合,A\n', 'text/csv')
    assertError(unterminated, 400, 'validation_failed', 'file')
    assertError(await importFile(bank.id, '名称,数量\n甲,1\n', 'text/csv'), 400, 'validation_failed', 'file')
    assertError(await importFile(bank.id, '[1,', 'application/json'), 400, 'validation_failed', 'file')
    assertError(await importFile(bank.id, 'PK\u0003\u0004garbage', XLSX), 400, 'validation_failed', 'file')
    assert.equal(await bankCount(bank.id), 0)
  })

  test('JSON and JSONL in our shape, LexEval lines, and the .xlsx template round trip', async () => {
    const bank = await newBank('导入题库JSON')
    const json = JSON.stringify([
      { type: 'single', stem: 'JSON 题一', options: [{ key: 'A', text: '甲' }, { key: 'B', text: '乙' }], answer: ['B'], difficulty: 4 },
      { type: 'judge', stem: 'JSON 题二', answer: ['B'] },
    ])
    const res = await importFile(bank.id, json, 'application/json')
    assert.equal(res.status, 200, res.text)
    assert.equal(res.body.imported, 2)
    const jsonl = [
      JSON.stringify({ type: 'multiple', stem: 'JSONL 题', options: [{ key: 'A', text: '1' }, { key: 'B', text: '2' }], answer: 'AB' }),
      '',
      JSON.stringify({ instruction: '请选择', input: '犯罪中止可以发生在:\nA: 预备阶段\nB: 实行阶段\nC: 实行完毕后', answer: 'ABC' }),
    ].join('\n')
    const lines = await importFile(bank.id, jsonl, 'application/x-ndjson', 'jsonl')
    assert.equal(lines.status, 200, lines.text)
    assert.equal(lines.body.imported, 2)
    const lex = assertList(await coord.get(`/api/v1/question-banks/${bank.id}/questions?q=${encodeURIComponent('犯罪中止')}`)).items[0]
    assert.equal(lex.type, 'multiple')
    assert.equal(lex.stem, '犯罪中止可以发生在:')
    assert.deepEqual(lex.options.map((o) => o.text), ['预备阶段', '实行阶段', '实行完毕后'])
    assert.deepEqual(lex.answer, ['A', 'B', 'C'])
    const bad = await importFile(bank.id, '{"type":"single"}\nnot json\n', 'application/x-ndjson')
    assert.equal(bad.status, 422, bad.text)
    assert.deepEqual(bad.body.error.errors.map((e) => e.row), [1, 2])

    const template = await coord.request('GET', `/api/v1/question-banks/${bank.id}/import-template`)
    assert.equal(template.status, 200)
    assert.equal(template.headers.get('content-type'), XLSX)
    const bytes = Buffer.from(await (await fetch(`${server.url}/api/v1/question-banks/${bank.id}/import-template`, { headers: { Cookie: coord.cookie } })).arrayBuffer())
    const xlsxBank = await newBank('导入题库XLSX')
    // The template's rows are examples: as it is, it imports nothing and says so.
    assertError(await importFile(xlsxBank.id, bytes, XLSX), 400, 'validation_failed', 'file', /示例行/)
    // Filled in below the examples (with what a zh-CN Excel shows in option cells), it imports.
    const header = values(readSheet(bytes))[0]
    assert.equal(header.at(-1), '示例')
    const col = (name) => header.indexOf(name)
    const row = (stem, a, b, answer) => header.map((h, i) => (i === col('题型') ? '单选' : i === col('题干') ? stem : i === col('选项A') ? a : i === col('选项B') ? b : i === col('答案') ? answer : null))
    const filled = workbook([{ name: '题目', rows: [header, ...values(readSheet(bytes)).slice(1), row('国家宪法日是哪一天？', { n: 44169, style: 1 }, { n: 0.5, style: 2 }, 'A'), row('第二题', '甲', '乙', 'B')] }], {
      styles: [0, 58, 9],
    })
    const imported = await importFile(xlsxBank.id, filled, XLSX)
    assert.equal(imported.status, 200, imported.text)
    assert.equal(imported.body.imported, 2)
    const shown = assertList(await coord.get(`/api/v1/question-banks/${xlsxBank.id}/questions?q=${encodeURIComponent('国家宪法日')}`)).items[0]
    assert.deepEqual(shown.options.map((o) => o.text), ['12月4日', '50%'])
    const again = await importFile(xlsxBank.id, filled, XLSX)
    assert.equal(again.body.imported, 0)
    assert.equal(again.body.skipped_duplicates.length, 2)
    // A column the import does not know is named, not dropped.
    assertError(await importFile(xlsxBank.id, '题干,答案,备注\n某题,A,x\n', 'text/csv'), 400, 'validation_failed', 'file', /“备注”/)
    // CSV as Chinese Excel saves it: GBK.
    const gbk = Buffer.from('cce2d0cd2ccce2b8c92cb4f0b0b80ac5d0b6cf2cc3bfc4eacaaeb6fed4c2cbc4c8d5ceaab9fabcd2cfdcb7a8c8d5a3a847424ba3a92cd5fdc8b70a', 'hex') // 题型,题干,答案 / 判断,每年十二月四日为国家宪法日（GBK）,正确
    const fromGbk = await importFile(xlsxBank.id, gbk, 'text/csv')
    assert.equal(fromGbk.status, 200, fromGbk.text)
    assert.equal(assertList(await coord.get(`/api/v1/question-banks/${xlsxBank.id}/questions?q=${encodeURIComponent('（GBK）')}`)).total, 1)
  })

  const realData = existsSync(join(QUIZ_DIR, 'disc-law-eval', 'mcq_sing_lbk.csv'))
  test('the real question sets: DISC-Law-Eval CSV and LexEval JSONL', { skip: !realData && `no ${QUIZ_DIR}` }, async () => {
    const bank = await newBank('真实题集')
    const disc = await readFile(join(QUIZ_DIR, 'disc-law-eval', 'mcq_sing_lbk.csv'))
    const res = await importFile(bank.id, disc, 'text/csv')
    assert.equal(res.status, 200, res.text.slice(0, 2000))
    assert.equal(res.body.imported + res.body.skipped_duplicates.length, 275)
    assert.ok(res.body.imported > 250)
    const first = assertList(await coord.get(`/api/v1/question-banks/${bank.id}/questions?page_size=1`)).items[0]
    assert.equal(first.stem, '我国第一部社会主义类型的宪法颁布于什么时候？')
    assert.deepEqual(first.answer, ['B'])
    assert.equal(first.options[1].text, '1954年')
    const lex = await readFile(join(QUIZ_DIR, 'lexeval', '1_1.json'))
    const lexBank = await newBank('真实题集LexEval')
    const res2 = await importFile(lexBank.id, lex, 'application/json')
    assert.equal(res2.status, 200, res2.text.slice(0, 2000))
    assert.equal(res2.body.imported + res2.body.skipped_duplicates.length, 500)
    const multiple = assertList(await coord.get(`/api/v1/question-banks/${lexBank.id}/questions?type=multiple&page_size=1`))
    const single = assertList(await coord.get(`/api/v1/question-banks/${lexBank.id}/questions?type=single&page_size=1`))
    assert.ok(multiple.total > 250 && single.total > 180, `${multiple.total} multiple, ${single.total} single`)
  })
})

describe('exams and attempts', () => {
  let bank, questions, exam
  const answerKey = {}
  const optionText = {}  // question id → { own key → text }
  // The letters an examinee sees for the question's own keys: a paper relabels its options
  // A, B, C … in the order shown, and the server maps them back.
  const shown = (q, keys) => q.options.filter((o) => keys.some((k) => optionText[q.id][k] === o.text)).map((o) => o.key).sort()

  function examBody(overrides = {}) {
    const now = Date.now()
    return {
      title: '测试考试', kind: 'practice', opens_at: iso(now - 60_000), closes_at: iso(now + 3_600_000),
      duration_minutes: 30, pass_mark: 36, grade_bands: [{ min: 36, label: '合格' }, { min: 54, label: '优秀' }],
      attempts_allowed: 2, counts: 'best', eligibility: { user_ids: [wangfangId] }, shuffle_questions: true, shuffle_options: true,
      paper: { mode: 'fixed', question_ids: questions.map((q) => q.id), score_each: 10 },
      ...overrides,
    }
  }

  before(async () => {
    bank = await newBank('考试题库')
    questions = []
    const specs = [
      { type: 'single', stem: '单选一', options: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }, { key: 'C', text: 'c' }, { key: 'D', text: 'd' }], answer: ['C'], tags: ['宪法'] },
      { type: 'single', stem: '单选二', options: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }, { key: 'C', text: 'c' }], answer: ['A'], tags: ['民法典'] },
      { type: 'multiple', stem: '多选一', options: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }, { key: 'C', text: 'c' }, { key: 'D', text: 'd' }], answer: ['A', 'B', 'C'], tags: ['宪法'] },
      { type: 'multiple', stem: '多选二', options: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }, { key: 'C', text: 'c' }], answer: ['B', 'C'] },
      { type: 'judge', stem: '判断一', answer: ['A'], tags: ['宪法'] },
      { type: 'judge', stem: '判断二', answer: ['B'] },
    ]
    for (const spec of specs) {
      const res = await coord.post(`/api/v1/question-banks/${bank.id}/questions`, spec)
      assert.equal(res.status, 201, res.text)
      questions.push(res.body)
      answerKey[res.body.id] = res.body.answer
      optionText[res.body.id] = Object.fromEntries(res.body.options.map((o) => [o.key, o.text]))
    }
  })

  test('exam validation and publishing checks every rule', async () => {
    assertError(await coord.post('/api/v1/exams', examBody({ closes_at: iso(Date.now() - 3_600_000) })), 400, 'validation_failed', 'closes_at')
    assertError(await coord.post('/api/v1/exams', examBody({ kind: 'quiz' })), 400, 'validation_failed', 'kind')
    assertError(await coord.post('/api/v1/exams', examBody({ opens_at: '0001-01-01T00:00:00Z' })), 400, 'validation_failed', 'opens_at')
    assertError(await coord.post('/api/v1/exams', examBody({ closes_at: '+275760-09-13T00:00:00Z' })), 400, 'validation_failed', 'closes_at')
    assertError(await coord.post('/api/v1/exams', examBody({ pass_mark: 61 })), 400, 'validation_failed', 'pass_mark')
    assertError(await coord.post('/api/v1/exams', examBody({ paper: { mode: 'random', bank_ids: [bank.id], rules: [] } })), 400, 'validation_failed', 'paper.rules')
    assertError(await coord.post('/api/v1/exams', examBody({ paper: { mode: 'random', bank_ids: [bank.id], rules: [{ type: 'essay', count: 1, score: 1 }] } })), 400, 'validation_failed', 'paper.rules[0].type')
    assertError(await coord.post('/api/v1/exams', examBody({ pass_mark: 1, grade_bands: [], paper: { mode: 'random', bank_ids: [999999], rules: [{ type: 'single', count: 1, score: 1 }] } })), 400, 'validation_failed', 'paper.bank_ids')
    assertError(await coord.post('/api/v1/exams', examBody({ eligibility: { unit_ids: [999999] } })), 400, 'validation_failed', 'eligibility.unit_ids')
    assertError(await examinee.post('/api/v1/exams', examBody()), 403, 'forbidden')
    // Three 宪法 questions, but the rules ask for a single-choice 宪法 question twice over.
    const random = await coord.post('/api/v1/exams', examBody({
      pass_mark: 1, grade_bands: [],
      paper: { mode: 'random', bank_ids: [bank.id], rules: [{ type: 'judge', count: 2, score: 5 }, { type: 'single', count: 2, score: 5, tag: '宪法' }],
               rank_rules: { 正科级: [{ type: 'multiple', count: 2, score: 10 }] } },
    }))
    assert.equal(random.status, 201, random.text)
    assert.equal(random.body.total_score, 20)
    assert.equal(random.body.status, 'draft')
    assertError(await coord.post(`/api/v1/exams/${random.body.id}/close`), 422, 'unprocessable')
    const refused = await coord.post(`/api/v1/exams/${random.body.id}/publish`)
    assertError(refused, 422, 'unprocessable', 'paper.rules[1]')
    assert.match(refused.body.error.message, /第 2 条规则/)
    const fixed = await coord.put(`/api/v1/exams/${random.body.id}`, { ...examBody({ pass_mark: 1, grade_bands: [] }), paper: { mode: 'random', bank_ids: [bank.id], rules: [{ type: 'judge', count: 2, score: 5 }, { type: 'single', count: 2, score: 5 }] } })
    assert.equal(fixed.status, 200, fixed.text)
    assert.equal((await coord.post(`/api/v1/exams/${random.body.id}/publish`)).status, 200)
    assertError(await coord.put(`/api/v1/exams/${random.body.id}`, examBody()), 422, 'unprocessable')
    assertError(await coord.delete(`/api/v1/exams/${random.body.id}`), 422, 'unprocessable')
    assertError(await coord.delete(`/api/v1/question-banks/${bank.id}`), 422, 'unprocessable')  // a published exam draws from it
    const spare = await newBank('空题库')
    assert.equal((await coord.delete(`/api/v1/question-banks/${spare.id}`)).status, 204)
    assertError(await coord.get(`/api/v1/question-banks/${spare.id}`), 404, 'not_found')
    const started = await examinee.post(`/api/v1/exams/${random.body.id}/attempts`, { pledge: true })
    assert.equal(started.status, 201, started.text)
    assert.deepEqual(started.body.questions.map((q) => q.type).sort(), ['judge', 'judge', 'single', 'single'])
  })

  test('start, autosave, resume, submit, attempts limit', async () => {
    const created = await coord.post('/api/v1/exams', examBody())
    assert.equal(created.status, 201, created.text)
    exam = created.body
    assert.equal(exam.total_score, 60)
    assertError(await examinee.post(`/api/v1/exams/${exam.id}/attempts`, { pledge: true }), 404, 'not_found')  // still a draft
    const published = await coord.post(`/api/v1/exams/${exam.id}/publish`)
    assert.equal(published.status, 200, published.text)
    assert.equal(published.body.status, 'published')

    assertError(await other.post(`/api/v1/exams/${exam.id}/attempts`, { pledge: true }), 403, 'forbidden')
    const start = await examinee.post(`/api/v1/exams/${exam.id}/attempts`, { pledge: true })
    assert.equal(start.status, 201, start.text)
    const { attempt } = start.body
    assert.equal(attempt.status, 'in_progress')
    assert.ok(Date.parse(attempt.deadline) - Date.parse(attempt.started_at) === 30 * 60_000)
    assert.equal(start.body.questions.length, 6)
    for (const q of start.body.questions) {
      assert.deepEqual(Object.keys(q).sort(), ['id', 'options', 'score', 'stem', 'type'])
      assert.ok(!JSON.stringify(q).includes('answer'))
    }
    assert.deepEqual(start.body.answers, {})

    const byStem = Object.fromEntries(start.body.questions.map((q) => [q.stem, q]))
    const save = (qid, answer, client = examinee, id = attempt.id) => client.put(`/api/v1/attempts/${id}/answers/${qid}`, { answer })
    // Shuffled options are labelled A, B, C … in the order shown; true/false stays 正确, 错误.
    for (const q of start.body.questions) assert.deepEqual(q.options.map((o) => o.key), ['A', 'B', 'C', 'D'].slice(0, q.options.length))
    assert.deepEqual(byStem['判断一'].options.map((o) => o.text), ['正确', '错误'])
    const s1 = await save(byStem['单选一'].id, shown(byStem['单选一'], ['C']))
    assert.equal(s1.status, 200, s1.text)
    assert.ok(Date.parse(s1.body.saved_at) > 0)
    assert.equal((await save(byStem['单选二'].id, shown(byStem['单选二'], ['B']))).status, 200)  // wrong
    assert.equal((await save(byStem['多选一'].id, shown(byStem['多选一'], ['A', 'B']))).status, 200)  // partly right: no marks
    assert.equal((await save(byStem['判断一'].id, ['B'])).status, 200)
    assert.equal((await save(byStem['判断一'].id, ['A'])).status, 200)  // changed: the last save counts
    assertError(await save(byStem['单选一'].id, ['E']), 400, 'validation_failed', 'answer')
    assertError(await save(byStem['单选一'].id, ['A', 'B']), 400, 'validation_failed', 'answer')
    assertError(await save(byStem['判断二'].id, ['C']), 400, 'validation_failed', 'answer')
    assertError(await save(questions[0].id + 100000, ['A']), 404, 'not_found')
    assertError(await save(byStem['单选一'].id, ['A'], other), 404, 'not_found')
    assertError(await other.get(`/api/v1/attempts/${attempt.id}`), 404, 'not_found')
    assertError(await examinee.put(`/api/v1/attempts/${attempt.id}/answers/${byStem['单选一'].id}`, { answer: 'A' }), 400, 'validation_failed', 'answer')
    assert.equal((await examinee.post(`/api/v1/attempts/${attempt.id}/events`, { kind: 'hidden' })).status, 202)
    assertError(await examinee.post(`/api/v1/attempts/${attempt.id}/events`, { kind: 'coffee' }), 400, 'validation_failed', 'kind')
    // The start and leaving the page are in the audit, under the examinee's name (#13).
    const audited = (await server.audit('username=wangfang&action=exam.attempt.')).filter((row) => row.object_id === String(attempt.id))
    assert.deepEqual(audited.map((row) => `${row.action} ${row.outcome}`).sort(), ['exam.attempt.event success', 'exam.attempt.start success'])
    assert.equal(audited.find((row) => row.action === 'exam.attempt.event').detail, 'hidden')

    // A reload (or another device) resumes the same paper with the saved answers.
    const again = await examinee.post(`/api/v1/exams/${exam.id}/attempts`, { pledge: true })
    assert.equal(again.status, 200, again.text)
    assert.equal(again.body.attempt.id, attempt.id)
    assert.deepEqual(again.body.questions, start.body.questions)
    assert.equal(again.body.events, 1)
    assert.deepEqual(again.body.answers, {
      [byStem['单选一'].id]: shown(byStem['单选一'], ['C']), [byStem['单选二'].id]: shown(byStem['单选二'], ['B']),
      [byStem['多选一'].id]: shown(byStem['多选一'], ['A', 'B']), [byStem['判断一'].id]: ['A'],
    })
    const mine = assertList(await examinee.get('/api/v1/my/exams')).items.find((m) => m.exam.id === exam.id)
    assert.equal(mine.state, 'in_progress')
    assert.equal(mine.attempt_id, attempt.id)

    const submitted = await examinee.post(`/api/v1/attempts/${attempt.id}/submit`)
    assert.equal(submitted.status, 200, submitted.text)
    assert.deepEqual([submitted.body.score, submitted.body.total_score, submitted.body.grade, submitted.body.passed], [20, 60, '不合格', false])
    assertError(await save(byStem['单选一'].id, ['A']), 409, 'attempt_closed')
    assertError(await examinee.post(`/api/v1/attempts/${attempt.id}/events`, { kind: 'blur' }), 409, 'attempt_closed')
    assert.equal((await examinee.post(`/api/v1/attempts/${attempt.id}/submit`)).body.score, 20)  // a second submit changes nothing
    assertError(await examinee.get(`/api/v1/attempts/${attempt.id}/review`), 403, 'review_not_open')
    assertError(await examinee.get(`/api/v1/attempts/${attempt.id}/certificate`), 422, 'unprocessable')

    const second = await examinee.post(`/api/v1/exams/${exam.id}/attempts`, { pledge: true })
    assert.equal(second.status, 201, second.text)
    for (const kind of ['hidden', 'visible', 'blur']) {
      assert.equal((await examinee.post(`/api/v1/attempts/${second.body.attempt.id}/events`, { kind })).status, 202)
    }
    assert.notEqual(second.body.attempt.id, attempt.id)
    for (const q of second.body.questions) {
      assert.equal((await save(q.id, shown(q, answerKey[q.id]), examinee, second.body.attempt.id)).status, 200)
    }
    const best = await examinee.post(`/api/v1/attempts/${second.body.attempt.id}/submit`)
    assert.deepEqual([best.body.score, best.body.grade, best.body.passed], [60, '优秀', true])
    assertError(await examinee.post(`/api/v1/exams/${exam.id}/attempts`, { pledge: true }), 422, 'unprocessable')
    const after = assertList(await examinee.get('/api/v1/my/exams')).items.find((m) => m.exam.id === exam.id)
    assert.equal(after.state, 'submitted')
    assert.equal(after.attempts_used, 2)
    assert.equal(after.best.score, 60)

    const results = assertList(await coord.get(`/api/v1/exams/${exam.id}/results`))
    assert.equal(results.total, 1)
    assert.equal(results.items[0].user.id, wangfangId)
    assert.equal(results.items[0].events, 3)  // the counted (best) attempt's: the first one had 1
    const events = assertList(await coord.get(`/api/v1/attempts/${results.items[0].attempt_id}/events`))
    assert.deepEqual(events.items.map((e) => e.kind), ['hidden', 'visible', 'blur'])
    assert.ok(events.items.every((e) => Date.parse(e.at) >= Date.parse(second.body.attempt.started_at)))
    assertError(await examinee.get(`/api/v1/attempts/${results.items[0].attempt_id}/events`), 403, 'forbidden')
    assertError(await coord.get('/api/v1/attempts/99999999/events'), 404, 'not_found')
    assert.equal(results.items[0].score, 60)
    assert.equal(results.items[0].attempts, 2)

    const closed = await coord.post(`/api/v1/exams/${exam.id}/close`)
    assert.equal(closed.status, 200, closed.text)
    assert.equal(closed.body.status, 'closed')
    const review = await examinee.get(`/api/v1/attempts/${attempt.id}/review`)
    assert.equal(review.status, 200, review.text)
    const reviewed = Object.fromEntries(review.body.questions.map((q) => [q.stem, q]))
    // The review shows the letters as the examinee saw them.
    assert.deepEqual(reviewed['多选一'].options, byStem['多选一'].options)
    assert.deepEqual(reviewed['多选一'].your_answer, shown(byStem['多选一'], ['A', 'B']))
    assert.deepEqual(reviewed['多选一'].correct_answer, shown(byStem['多选一'], ['A', 'B', 'C']))
    assert.equal(reviewed['多选一'].correct, false)
    assert.equal(reviewed['单选一'].correct, true)
    assert.deepEqual(reviewed['判断二'].your_answer, [])
    const cert = await examinee.get(`/api/v1/attempts/${second.body.attempt.id}/certificate`)
    assert.equal(cert.status, 200, cert.text)
    assert.equal(cert.body.name, '王芳')
    assert.equal(cert.body.unit, '马涧镇人民政府')
    assert.equal(cert.body.score, 60)
    assert.match(cert.body.certificate_no, /^LXPF-\d{4}-\d{4}-\d{6}$/)
    assert.equal((await examinee.get(`/api/v1/attempts/${second.body.attempt.id}/certificate`)).body.certificate_no, cert.body.certificate_no)
  })

  test('the deadline: a save after deadline + grace is refused and the attempt is auto-submitted', async () => {
    const now = Date.now()
    const res = await coord.post('/api/v1/exams', examBody({ title: '限时考试', opens_at: iso(now - 60_000), closes_at: iso(now + 3_000), attempts_allowed: 1 }))
    assert.equal(res.status, 201, res.text)
    assert.equal((await coord.post(`/api/v1/exams/${res.body.id}/publish`)).status, 200)
    const start = await examinee.post(`/api/v1/exams/${res.body.id}/attempts`, { pledge: true })
    assert.equal(start.status, 201, start.text)
    assert.equal(Date.parse(start.body.attempt.deadline), Date.parse(res.body.closes_at))  // capped by closes_at
    const q = start.body.questions.find((item) => item.stem === '单选一')
    const right = shown(q, ['C'])
    assert.equal((await examinee.put(`/api/v1/attempts/${start.body.attempt.id}/answers/${q.id}`, { answer: right })).status, 200)
    const deadline = Date.parse(start.body.attempt.deadline)
    try {
      await server.clockAt(deadline + 1_000)
      // Within the grace: still saved.
      assert.equal((await examinee.put(`/api/v1/attempts/${start.body.attempt.id}/answers/${q.id}`, { answer: right })).status, 200)
      await server.clockAt(deadline + 5_600)
      assertError(await examinee.put(`/api/v1/attempts/${start.body.attempt.id}/answers/${q.id}`, { answer: right }), 409, 'attempt_closed')
      const state = await examinee.get(`/api/v1/attempts/${start.body.attempt.id}`)
      assert.equal(state.body.attempt.status, 'expired')
      assert.equal(state.body.attempt.score, 10)
      assert.equal(state.body.attempt.submitted_at, start.body.attempt.deadline)
      const review = await examinee.get(`/api/v1/attempts/${start.body.attempt.id}/review`)
      assert.equal(review.status, 200, review.text)
      assertError(await examinee.post(`/api/v1/exams/${res.body.id}/attempts`, { pledge: true }), 422, 'unprocessable')
    } finally {
      await server.clockAt(null)
    }
  })

  test('an exam that nobody finished: the sweep closes attempts left open', async () => {
    const now = Date.now()
    const res = await coord.post('/api/v1/exams', examBody({ title: '无人交卷', closes_at: iso(now + 2_000), eligibility: { user_ids: [wangfangId, gwyId] } }))
    await coord.post(`/api/v1/exams/${res.body.id}/publish`)
    const start = await other.post(`/api/v1/exams/${res.body.id}/attempts`, { pledge: true })
    assert.equal(start.status, 201, start.text)
    // Nobody has finished yet: no average and no pass rate (shown "-"), a 参考率 of 0.
    const before = (await coord.get(`/api/v1/exams/${res.body.id}/stats`)).body
    assert.deepEqual([before.eligible, before.sat, before.participation_rate, before.pass_rate, before.average], [2, 0, 0, null, null])
    try {
      await server.clockAt(now + 2_000 + 5_500)
      const results = assertList(await coord.get(`/api/v1/exams/${res.body.id}/results`))
      assert.equal(results.total, 2)
      const gwy = results.items.find((r) => r.user.id === gwyId)
      assert.equal(gwy.score, 0)
      assert.equal(gwy.grade, '不合格')
      const wang = results.items.find((r) => r.user.id === wangfangId)
      assert.equal(wang.score, null)
      const attempt = await other.get(`/api/v1/attempts/${start.body.attempt.id}`)
      assert.equal(attempt.body.attempt.status, 'expired')
    } finally {
      await server.clockAt(null)
    }
  })
})

describe('the demo exams: results, statistics, ranking, export', () => {
  let yearly, pre, open
  before(async () => {
    const list = assertList(await coord.get('/api/v1/exams?page_size=100'))
    yearly = list.items.find((e) => e.title.startsWith('2020年度'))
    pre = list.items.find((e) => e.kind === 'pre_appointment')
    open = list.items.find((e) => e.status === 'published' && e.kind === 'yearly')
    assert.ok(yearly && pre && open, JSON.stringify(list.items.map((e) => e.title)))
  })

  test('the 2020 exam is closed with results; the 任前考试 has a named list', async () => {
    assert.equal(yearly.status, 'closed')
    assert.equal(yearly.total_score, 100)
    const stats = await coord.get(`/api/v1/exams/${yearly.id}/stats`)
    assert.equal(stats.status, 200, stats.text)
    const s = stats.body
    assert.ok(s.eligible >= 200 && s.sat >= 150 && s.not_sat > 0, JSON.stringify(s).slice(0, 300))
    assert.equal(s.eligible, s.sat + s.not_sat)
    assert.ok(s.passed > 0 && s.passed < s.sat)
    assert.ok(s.average > 50 && s.average < 90, `average ${s.average}`)
    assert.equal(s.participation_rate, Math.round((1000 * s.sat) / s.eligible) / 1000)  // 参考率
    assert.equal(s.pass_rate, Math.round((1000 * s.passed) / s.sat) / 1000)
    for (const u of s.by_unit.filter((row) => row.sat === 0)) assert.deepEqual([u.average, u.pass_rate], [null, null])
    assert.equal(s.by_region.length, 16)
    assert.equal(s.by_region.reduce((n, r) => n + r.sat, 0) <= s.sat, true)
    assert.ok(s.by_unit.some((u) => u.name === '马涧镇人民政府'))
    const passed = assertList(await coord.get(`/api/v1/exams/${yearly.id}/results?passed=true&page_size=100`))
    assert.equal(passed.total, s.passed)
    assert.ok(passed.items.every((r) => r.passed && r.score >= 60))
    const majianRegion = s.by_region.find((r) => r.name === '马涧镇')
    const inMajian = assertList(await coord.get(`/api/v1/exams/${yearly.id}/results?region_id=${majianRegion.id}`))
    assert.equal(inMajian.total, majianRegion.eligible)
    const ranking = assertList(await coord.get(`/api/v1/exams/${yearly.id}/ranking?page_size=100`))
    assert.equal(ranking.total, s.sat)
    for (let i = 1; i < ranking.items.length; ++i) assert.ok(ranking.items[i - 1].score >= ranking.items[i].score)
    assert.equal(ranking.items[0].rank, 1)
    const preResults = assertList(await coord.get(`/api/v1/exams/${pre.id}/results`))
    assert.equal(preResults.total, 5)
    assert.equal(pre.eligibility.user_ids.length, 5)
  })

  test('a unit liaison with report.read sees only its township', async () => {
    const res = assertList(await majian.get(`/api/v1/exams/${yearly.id}/results?page_size=100`))
    assert.ok(res.total > 0)
    const stats = (await majian.get(`/api/v1/exams/${yearly.id}/stats`)).body
    assert.equal(stats.by_region.length, 1)
    assert.equal(stats.by_region[0].name, '马涧镇')
    assertError(await examinee.get(`/api/v1/exams/${yearly.id}/results`), 403, 'forbidden')
    // An attempt's page events: within the township yes, elsewhere as if it did not exist.
    const inside = res.items.find((r) => r.attempt_id)
    assert.equal((await majian.get(`/api/v1/attempts/${inside.attempt_id}/events`)).status, 200)
    const mine = new Set(res.items.map((r) => r.user.id))
    const all = []
    for (let page = 1; page <= 3; page++) all.push(...assertList(await coord.get(`/api/v1/exams/${yearly.id}/results?page_size=100&page=${page}`)).items)
    const outside = all.find((r) => r.attempt_id && !mine.has(r.user.id))
    assertError(await majian.get(`/api/v1/attempts/${outside.attempt_id}/events`), 404, 'not_found')
    const withEvents = all.find((r) => r.events > 0)
    const listed = assertList(await coord.get(`/api/v1/attempts/${withEvents.attempt_id}/events`))
    assert.equal(listed.total, withEvents.events)
  })

  test('results export as .xlsx: the same rows as the results, scores as numbers', async () => {
    const res = await fetch(`${server.url}/api/v1/exams/${yearly.id}/results.xlsx`, { headers: { Cookie: coord.cookie } })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), XLSX)
    assert.match(res.headers.get('content-disposition'), /attachment/)
    const bytes = Buffer.from(await res.arrayBuffer())
    const rows = readSheet(bytes)
    const formats = numberFormats(bytes)
    assert.deepEqual(values(rows)[0], ['姓名', '单位', '区域', '成绩', '等级', '是否合格', '交卷时间', '考试次数', '页面事件'])
    const results = assertList(await coord.get(`/api/v1/exams/${yearly.id}/results?page_size=100`))
    assert.equal(rows.length - 1, results.total)
    const first = results.items[0]
    const line = rows.find((cells) => cells?.[0]?.value === first.user.display_name && cells?.[1]?.value === first.user.unit)
    assert.ok(line, `no row for ${first.user.display_name}`)
    if (first.score !== null) {
      assert.deepEqual(line[3], { type: 'number', value: first.score, style: line[3].style })
      assert.equal(line[4].value, first.grade)
      assert.equal(line[5].value, first.passed ? '是' : '否')
      // 交卷时间 is an Excel date-time in Beijing time, the minute the screen shows.
      assert.equal(line[6].type, 'number')
      assert.equal(formats[line[6].style], 'yyyy-mm-dd hh:mm')
      const beijing = new Date(Date.parse(first.submitted_at) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
      assert.equal(excelDateTime(line[6].value), beijing)
      assert.equal(line[7].type, 'number')
    } else {
      assert.equal(line[4].value, '缺考')
    }
    const sat = rows.slice(1).filter((cells) => cells[3]?.type === 'number')
    assert.equal(sat.length, 180, 'the 2020 exam: 180 sat')
  })

  test('statistics export as .xlsx: by unit and by region, counts as numbers, rates as percentages', async () => {
    const res = await fetch(`${server.url}/api/v1/exams/${yearly.id}/stats.xlsx`, { headers: { Cookie: coord.cookie } })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), XLSX)
    const bytes = Buffer.from(await res.arrayBuffer())
    const rows = readSheet(bytes)
    const formats = numberFormats(bytes)
    assert.deepEqual(values(rows)[0], ['单位', '应考人数', '参考人数', '缺考人数', '参考率', '合格人数', '合格率', '平均分'])
    const stats = (await coord.get(`/api/v1/exams/${yearly.id}/stats`)).body
    assert.equal(rows.length - 2, stats.by_unit.length)
    const total = rows.at(-1)
    assert.equal(total[0].value, '合计')
    assert.deepEqual([total[1].value, total[2].value, total[5].value], [stats.eligible, stats.sat, stats.passed])
    assert.equal(formats[total[4].style], '0.0%')
    assert.ok(Math.abs(total[4].value - stats.sat / stats.eligible) < 1e-4)
    assert.ok(Math.abs(total[7].value - stats.average) < 0.06)
    const none = rows.slice(1, -1).find((cells) => cells[2].value === 0)
    if (none) assert.deepEqual([none[6], none[7]], [undefined, undefined], 'no rate or average where nobody sat')
    assertError(await examinee.get(`/api/v1/exams/${yearly.id}/stats.xlsx`), 403, 'forbidden')
  })

  test('wangfang may sit the exam open now; review is closed until it ends', async () => {
    const mine = assertList(await examinee.get('/api/v1/my/exams'))
    const item = mine.items.find((m) => m.exam.id === open.id)
    assert.ok(item, JSON.stringify(mine.items))
    assert.ok(['open', 'in_progress'].includes(item.state))
    const start = await examinee.post(`/api/v1/exams/${open.id}/attempts`, { pledge: true })
    assert.ok([200, 201].includes(start.status), start.text)
    assert.equal(start.body.questions.length, 35)
    assert.equal(start.body.exam.total_score, 100)
    assertError(await examinee.get(`/api/v1/attempts/${start.body.attempt.id}/review`), 403, 'review_not_open')
    const old = assertList(await other.get('/api/v1/my/exams')).items.find((m) => m.exam.id === yearly.id)
    assert.equal(old.state, 'closed')
  })
})
