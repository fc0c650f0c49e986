// Shared by the exam benchmarks (bench/exam_*.sh) and tests/api/durability.test.mjs:
// examinees with ready sessions inserted straight into the database (no Argon2 logins), a
// random-rule exam created through the API, and a keep-alive HTTP client for load.
//
// Sessions mirror src/auth: the cookie pufa_session=<token>, sessions.token_hash = sha256 hex of
// the token, the CSRF token stored beside it and sent as X-CSRF-Token on writes.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'

const sha256 = (text) => createHash('sha256').update(text).digest('hex')
const quote = (text) => `'${String(text).replace(/'/g, "''")}'`

/**
 * SQL inserting `count` users named <prefix>00001.. with `role` (examinee) under the root region,
 * each with a live session. Returns {sql, sessions: [{username, token, csrf}]}.
 */
export function examineesSql(count, prefix = 'bench', role = 'examinee') {
  const now = Date.now()
  const expires = now + 7 * 86_400_000
  const sessions = []
  const users = []
  const tokens = []
  for (let i = 1; i <= count; ++i) {
    const username = `${prefix}${String(i).padStart(5, '0')}`
    const token = randomBytes(32).toString('base64url')
    const csrf = randomBytes(24).toString('base64url')
    sessions.push({ username, token, csrf })
    users.push(`(${quote(username)}, ${quote(`考生${i}`)}, '!', (SELECT id FROM regions WHERE parent_id IS NULL ORDER BY id LIMIT 1), ${now}, ${now}, ${now})`)
    tokens.push(`(${quote(sha256(token))}, ${quote(csrf)}, (SELECT id FROM users WHERE username = ${quote(username)}), ${now}, ${now}, ${expires}, '127.0.0.1', 'pufa bench')`)
  }
  const chunks = (rows, head) => {
    const out = []
    for (let i = 0; i < rows.length; i += 500) out.push(`${head} ${rows.slice(i, i + 500).join(',\n')};`)
    return out.join('\n')
  }
  const sql = [
    'BEGIN;',
    chunks(users, 'INSERT INTO users (username, display_name, password_hash, region_id, created_at, updated_at, password_changed_at) VALUES'),
    `INSERT INTO user_roles (user_id, role) SELECT id, ${quote(role)} FROM users WHERE username LIKE ${quote(prefix + '%')};`,
    chunks(tokens, 'INSERT INTO sessions (token_hash, csrf_token, user_id, created_at, last_seen_at, expires_at, ip, user_agent) VALUES'),
    'COMMIT;',
  ].join('\n')
  return { sql, sessions }
}

/**
 * SQL inserting a civil-servant bank with generated questions, enough for createRandomExam
 * (30 single, 5 multiple, 20 judge), for a database that has only the migrations (no demo).
 */
export function bankSql(name = '负载测试题库', counts = { single: 40, multiple: 10, judge: 30 }) {
  const now = Date.now()
  const rows = []
  for (const [type, count] of Object.entries(counts)) {
    for (let i = 1; i <= count; ++i) {
      const stem = `${name}${type}第${i}题：以下哪一项正确？`
      const options = type === 'judge'
        ? [{ key: 'A', text: '正确' }, { key: 'B', text: '错误' }]
        : ['A', 'B', 'C', 'D'].map((key) => ({ key, text: `选项${key}` }))
      const answer = type === 'multiple' ? 'AC' : 'A'
      rows.push(`((SELECT id FROM exam_banks WHERE name = ${quote(name)}), ${quote(type)}, ${quote(stem)}, ${quote(JSON.stringify(options))}, ${quote(answer)}, '', 3, '', '', ${quote(`${type}-${i}`)}, ${now}, ${now})`)
    }
  }
  return [
    'BEGIN;',
    `INSERT INTO exam_banks (name, audience, description, created_at, updated_at) VALUES (${quote(name)}, 'civil_servant', '', ${now}, ${now});`,
    `INSERT INTO exam_questions (bank_id, type, stem, options, answer, explanation, difficulty, tags, law_ref, stem_key, created_at, updated_at) VALUES ${rows.join(',\n')};`,
    'COMMIT;',
  ].join('\n')
}

/** Runs SQL text on a pufa database URL (sqlite:PATH or postgresql://...) with the CLI tools. */
export function runSql(dbUrl, sql) {
  const [file, args] = dbUrl.startsWith('sqlite:')
    ? ['sqlite3', ['-bail', '-cmd', '.timeout 10000', dbUrl.slice('sqlite:'.length)]]
    : ['psql', [dbUrl, '-v', 'ON_ERROR_STOP=1', '-qtA']]
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (err += chunk))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${file} exited ${code}: ${err}`))))
    child.stdin.end(sql)
  })
}

/** A keep-alive client: request(method, path, {session, json}) → {status, body, ms}. */
export function loadClient(baseUrl, { sockets = 64 } = {}) {
  const url = new URL(baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
  return {
    agent,
    request(method, path, { session, json } = {}) {
      const payload = json === undefined ? null : Buffer.from(JSON.stringify(json))
      const headers = {}
      if (payload) {
        headers['Content-Type'] = 'application/json'
        headers['Content-Length'] = payload.length
      }
      if (session) {
        headers.Cookie = `pufa_session=${session.token}`
        if (method !== 'GET') headers['X-CSRF-Token'] = session.csrf
      }
      const started = performance.now()
      return new Promise((resolve) => {
        const req = http.request({ host: url.hostname, port: url.port, method, path, agent, headers }, (res) => {
          const parts = []
          res.on('data', (chunk) => parts.push(chunk))
          res.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8')
            let body = null
            try {
              body = text ? JSON.parse(text) : null
            } catch {
              body = null
            }
            resolve({ status: res.statusCode, body, text, ms: performance.now() - started })
          })
          res.on('error', (error) => resolve({ status: 0, error, ms: performance.now() - started }))
        })
        req.on('error', (error) => resolve({ status: 0, error, ms: performance.now() - started }))
        if (payload) req.write(payload)
        req.end()
      })
    },
    close() {
      agent.destroy()
    },
  }
}

/**
 * Creates and publishes a random-rule exam from the demo's civil-servant bank as `staff`
 * (a harness Client of a coordinator). Returns the exam JSON.
 */
export async function createRandomExam(staff, { title, durationMinutes = 60 } = {}) {
  const banks = await staff.get('/api/v1/question-banks?size=100')
  if (banks.status !== 200) throw new Error(`banks: ${banks.status} ${banks.text}`)
  const bank = banks.body.items.find((b) => b.audience === 'civil_servant')
  if (!bank) throw new Error('no civil-servant bank in the demo')
  const now = Date.now()
  const res = await staff.post('/api/v1/exams', {
    title: title ?? `负载测试考试 ${randomBytes(3).toString('hex')}`,
    kind: 'practice',
    opens_at: new Date(now - 60_000).toISOString(),
    closes_at: new Date(now + 86_400_000).toISOString(),
    duration_minutes: durationMinutes,
    pass_mark: 60,
    grade_bands: [{ min: 90, label: '优秀' }, { min: 80, label: '良好' }, { min: 60, label: '合格' }],
    attempts_allowed: 1,
    counts: 'best',
    eligibility: { unit_ids: [], region_ids: [], roles: ['examinee'], user_ids: [] },
    shuffle_questions: true,
    shuffle_options: true,
    paper: {
      mode: 'random',
      bank_ids: [bank.id],
      rules: [
        { type: 'single', count: 30, score: 2 },
        { type: 'multiple', count: 5, score: 4 },
        { type: 'judge', count: 20, score: 1 },
      ],
    },
  })
  if (res.status !== 201) throw new Error(`create exam: ${res.status} ${res.text}`)
  const published = await staff.post(`/api/v1/exams/${res.body.id}/publish`)
  if (published.status !== 200) throw new Error(`publish exam: ${published.status} ${published.text}`)
  return published.body
}

/** Percentile (0..100) of a numeric array. */
export function percentile(values, p) {
  if (values.length === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
