// Test harness for the HTTP API suite: starts a fresh `pufa serve` on a fresh database
// (sqlite temp dir, or a new PostgreSQL database), and gives tests cookie-keeping clients.
//
// Environment:
//   PUFA_BIN          path to the pufa binary (required)
//   PUFA_TEST_DB      sqlite (default) | postgresql
//   PUFA_TEST_PG_URL  for postgresql: the server URL written by tests/support/pg.sh
//   PUFA_TEST_LOG_DIR optional: each server's stdout/stderr is copied there on stop()
//   PUFA_TEST_FRESH_DEMO=1 loads the demo for every server instead of copying one loaded per binary and engine
//
// The demo is loaded once per binary and engine (a SQLite file, or a PostgreSQL template database, with its
// field and audit keys) and each server gets a copy: a file's tests start in a second instead of the demo's load.
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { access, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'

export const ADMIN = { username: 'admin', password: 'Pufa-Admin-2026' }
export const COORD = { username: 'lanxi', password: 'Pufa-Lanxi-2026' }
/** 三员分立: the security administrators (one asks, the other approves) and the audit administrator. */
export const SECURITY = { username: 'anquan', password: 'Pufa-Security-2026' }
export const SECOND_SECURITY = { username: 'fuhe', password: 'Pufa-Review-2026' }
export const AUDITOR = { username: 'shenji', password: 'Pufa-Audit-2026' }
/** Roles only the security administrator grants, with a second one's approval. */
export const PRIVILEGED_ROLES = ['admin', 'security_admin', 'audit_admin', 'coordinator', 'service_staff']
/** A password that satisfies the policy (10+ chars, 3 of 4 classes). */
export const GOOD_PASSWORD = 'Test-Pass-2026'

export const engine = (() => {
  const value = process.env.PUFA_TEST_DB || 'sqlite'
  if (value !== 'sqlite' && value !== 'postgresql') {
    throw new Error(`PUFA_TEST_DB must be sqlite or postgresql, not '${value}'`)
  }
  return value
})()

const STARTUP_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 15_000
/** Output that means a sanitizer (or the server's own error log) saw something wrong. */
const BAD_STDERR = /runtime error|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|ThreadSanitizer/
const BAD_LOG = /\] \[(error|critical)\] /

/** A unique, valid username: prefix + 8 hex digits (lowercase letters and digits only). */
export function uniqueName(prefix = 'u') {
  return `${prefix}${randomBytes(4).toString('hex')}`.toLowerCase().slice(0, 32)
}

function run(file, args, options) {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr, error })
    })
  })
}

/** Environment for the server: without PUFA_* settings that could leak in from the caller. */
function serverEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key.startsWith('PUFA_')) delete env[key]
  return env
}

async function psql(adminUrl, sql) {
  const result = await run('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], {})
  if (result.code !== 0) throw new Error(`psql failed (${sql}): ${result.stderr}`)
}

const exists = (path) => access(path).then(() => true, () => false)

/**
 * The demo loaded once for this binary and engine, by whichever test process gets there first (the others wait):
 * {dir} holding pufa.db (SQLite) or var/ (PostgreSQL: the keys), and for PostgreSQL {database}, a template.
 */
async function demoTemplate(bin, env) {
  const info = await stat(bin)
  const key = createHash('sha256')
    .update(`${bin}\0${info.size}\0${info.mtimeMs}\0${engine}\0${process.env.PUFA_TEST_PG_URL ?? ''}`)
    .digest('hex').slice(0, 12)
  const dir = join(tmpdir(), `pufa-demo-${engine}-${key}`)
  const database = `pufa_tpl_${key}`
  const ready = join(dir, 'ready')
  const failed = join(dir, 'failed')
  try {
    await mkdir(dir)
  } catch (error) {
    if (error.code !== 'EEXIST') throw error
    for (let waited = 0; !(await exists(ready)); waited += 200) {
      if (await exists(failed)) throw new Error(`the demo template failed: ${await readFile(failed, 'utf8')}`)
      if (waited > 300_000) throw new Error(`no demo template after 5 minutes in ${dir}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    return { dir, database }
  }
  try {
    let dbUrl = `sqlite:${join(dir, 'pufa.db')}`
    if (engine === 'postgresql') {
      await psql(process.env.PUFA_TEST_PG_URL, `CREATE DATABASE ${database}`)
      const url = new URL(process.env.PUFA_TEST_PG_URL)
      url.pathname = `/${database}`
      dbUrl = url.toString()
    }
    const demo = await run(bin, ['demo', '--db', dbUrl], { cwd: dir, env })
    if (demo.code !== 0 || BAD_STDERR.test(demo.stderr)) throw new Error(`pufa demo failed (exit ${demo.code}):\n${demo.stdout}\n${demo.stderr}`)
    await writeFile(ready, '')
  } catch (error) {
    await writeFile(failed, String(error.message))
    throw error
  }
  return { dir, database }
}

/** Copies the template's files that exist from `from` to `to` (made first). */
async function copyFiles(from, to, names) {
  await mkdir(to, { recursive: true })
  for (const name of names) {
    if (await exists(join(from, name))) await copyFile(join(from, name), join(to, name))
  }
}

/**
 * Starts a server on a fresh database with the demo data. `testClock: true` starts it with
 * --test-clock, so that `server.clockAt(ms)` moves its clock (deadlines without sleeping).
 * @returns {Promise<{url: string, dbUrl: string, engine: string, stop: () => Promise<void>,
 *   client: () => Client, login: (user: string, pass: string) => Promise<Client>,
 *   admin: () => Promise<Client>, stdout: () => string, stderr: () => string}>}
 */
export async function startServer({ testClock = false, sms = true, args = [] } = {}) {
  const bin = process.env.PUFA_BIN
  assert.ok(bin, 'set PUFA_BIN to the pufa binary, e.g. build/release/pufa')
  const dir = await mkdtemp(join(tmpdir(), 'pufa-api-'))
  let dbUrl
  let pgAdminUrl
  let pgDatabase
  const env = serverEnv()
  const fresh = process.env.PUFA_TEST_FRESH_DEMO === '1'
  if (engine === 'postgresql') {
    pgAdminUrl = process.env.PUFA_TEST_PG_URL
    assert.ok(pgAdminUrl, 'set PUFA_TEST_PG_URL (from tests/support/pg.sh start DIR; cat DIR/url)')
  }
  const template = fresh ? null : await demoTemplate(bin, env)
  if (engine === 'sqlite') {
    dbUrl = `sqlite:${join(dir, 'pufa.db')}`
    if (template) await copyFiles(template.dir, dir, ['pufa.db', 'pufa.db-wal', 'field.key', 'audit.key'])
  } else {
    pgDatabase = `pufa_t_${randomBytes(6).toString('hex')}`
    if (template) {
      // Another copy being made from the same template at this moment: try again.
      for (let attempt = 0; ; ++attempt) {
        try {
          await psql(pgAdminUrl, `CREATE DATABASE ${pgDatabase} TEMPLATE ${template.database}`)
          break
        } catch (error) {
          if (attempt >= 50 || !/being accessed by other users/.test(error.message)) throw error
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
        }
      }
      await copyFiles(join(template.dir, 'var'), join(dir, 'var'), ['field.key', 'audit.key'])
    } else {
      await psql(pgAdminUrl, `CREATE DATABASE ${pgDatabase}`)
    }
    const url = new URL(pgAdminUrl)
    url.pathname = `/${pgDatabase}`
    dbUrl = url.toString()
  }
  const cleanup = async () => {
    if (pgDatabase) {
      // WITH (FORCE) needs PostgreSQL 13+; the server has exited by now, so plain DROP also works.
      await psql(pgAdminUrl, `DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`)
        .catch(() => psql(pgAdminUrl, `DROP DATABASE IF EXISTS ${pgDatabase}`))
    }
    await rm(dir, { recursive: true, force: true })
  }

  // cwd = the temp dir, so that no ./pufa.toml or ./web/dist is picked up.
  if (!template) {
    const demo = await run(bin, ['demo', '--db', dbUrl], { cwd: dir, env })
    if (demo.code !== 0 || BAD_STDERR.test(demo.stderr)) {
      await cleanup()
      throw new Error(`pufa demo failed (exit ${demo.code}):\n${demo.stdout}\n${demo.stderr}`)
    }
  }

  // One-time codes go to a file standing in for the SMS gateway (never to the log).
  const smsOutbox = join(dir, 'sms-outbox.jsonl')
  const serveArgs = ['serve', '--db', dbUrl, '--listen', '127.0.0.1:0', '--web', '']
  if (sms) serveArgs.push('--sms-outbox', smsOutbox)
  const reminderOutbox = join(dir, 'reminders.jsonl')
  serveArgs.push('--reminder-outbox', reminderOutbox)
  serveArgs.push(...args)
  if (testClock) serveArgs.push('--test-clock')
  const child = spawn(bin, serveArgs, {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }))
  })
  let exitInfo = null
  exited.then((info) => (exitInfo = info))

  let url
  try {
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`pufa serve did not report listening within ${STARTUP_TIMEOUT_MS} ms`)),
        STARTUP_TIMEOUT_MS,
      )
      child.stdout.on('data', (chunk) => {
        stdout += chunk
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+) \(db (\w+), web off\)/.exec(stdout)
        if (found) {
          clearTimeout(timer)
          if (found[2] !== engine) reject(new Error(`server reports db ${found[2]}, expected ${engine}`))
          else resolve(found[1])
        }
      })
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      exited.then(({ code, signal }) => {
        clearTimeout(timer)
        reject(new Error(`pufa serve exited early (code ${code}, signal ${signal})`))
      })
    })
  } catch (error) {
    child.kill('SIGKILL')
    await exited
    await cleanup()
    error.message += `\nstdout:\n${stdout}\nstderr:\n${stderr}`
    throw error
  }

  let adminClient = null
  let auditorClient = null
  const server = {
    url,
    dbUrl,
    engine,
    /** The file standing in for the SMS gateway (--sms-outbox), or null. */
    smsOutbox: sms ? smsOutbox : null,
    stdout: () => stdout,
    stderr: () => stderr,
    /**
     * The blind index the server keeps for a sealed value (docs/security.md): HMAC-SHA256 under the
     * index key of the field key file, so tests find the rows of a phone they typed.
     */
    blindIndex: async (kind, value) => {
      const keyFile = engine === 'sqlite' ? join(dirname(dbUrl.replace(/^sqlite:/, '')), 'field.key') : join(dir, 'var', 'field.key')
      const line = (await readFile(keyFile, 'utf8')).split('\n').find((l) => l.startsWith('index '))
      const key = Buffer.from(line.split(' ')[1], 'base64')
      return createHmac('sha256', key).update(`${kind}\0${value}`).digest('hex')
    },
    /** Runs another `pufa` command on this server's database (same settings): {code, stdout, stderr}. */
    pufa: (args) => run(bin, [...args, '--db', dbUrl], { cwd: dir, env }),
    /** Runs SQL on the server's database (a documented test hook): its output lines. */
    sql: async (statement) => {
      const res = engine === 'sqlite'
        ? await run('sqlite3', ['-cmd', '.timeout 5000', dbUrl.replace(/^sqlite:/, ''), statement])
        : await run('psql', [dbUrl, '-v', 'ON_ERROR_STOP=1', '-qtA', '-c', statement])
      if (res.code !== 0) throw new Error(`sql failed: ${statement}\n${res.stderr}`)
      return res.stdout.split('\n').filter(Boolean)
    },
    /** The messages sent to the SMS gateway's stand-in: [{at, phone, code, quiz}], oldest first. */
    sms: async () => (await readFile(smsOutbox, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((l) => JSON.parse(l)),
    /** The 催办 reminders the server sent (its --reminder-outbox). */
    reminders: async () => (await readFile(reminderOutbox, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((l) => JSON.parse(l)),
    /** Sends a signal to the server process (graceful-stop tests). */
    signal: (name) => child.kill(name),
    /** Resolves with {code, signal} when the server process exits. */
    exited: () => exited,
    /** A client without a session. */
    client: () => new Client(url),
    /**
     * Moves the server's clock so that its "now" is `at` (ms since the epoch), or back to the
     * real time with null. Needs startServer({ testClock: true }).
     */
    clockAt: async (at) => {
      const res = await new Client(url).put('/api/v1/test/clock', { offset_ms: at === null ? 0 : Math.round(at - Date.now()) })
      assert.equal(res.status, 200, res.text)
    },
    /** A client signed in as `username`; fails the test when the login is refused. */
    login: async (username, password) => {
      const client = new Client(url)
      await client.login(username, password)
      client.server = server
      return client
    },
    /** One shared admin client per server (do not log it out). */
    admin: async () => {
      adminClient ??= await server.login(ADMIN.username, ADMIN.password)
      return adminClient
    },
    /** One shared audit administrator client per server: the only reader of GET /audit. */
    auditor: async () => {
      auditorClient ??= await server.login(AUDITOR.username, AUDITOR.password)
      return auditorClient
    },
    /** Audit rows matching `query` (e.g. 'action=user.create'), read as the audit administrator. */
    audit: async (query = '') => {
      const res = await (await server.auditor()).get(`/api/v1/audit?page_size=100${query ? `&${query}` : ''}`)
      assert.equal(res.status, 200, res.text)
      return res.body.items
    },
    /**
     * Gives account `userId` the role set `roles` the way an installation does: the security
     * administrator asks (202 when a privileged role is added) and the second one approves.
     */
    grantRoles: async (userId, roles) => {
      const security = await server.login(SECURITY.username, SECURITY.password)
      const res = await security.put(`/api/v1/users/${userId}/roles`, { roles })
      assert.ok(res.status === 200 || res.status === 202, `roles of ${userId}: ${res.status} ${res.text}`)
      if (res.status === 202) {
        const second = await server.login(SECOND_SECURITY.username, SECOND_SECURITY.password)
        const approved = await second.post(`/api/v1/role-requests/${res.body.request.id}/approve`)
        assert.equal(approved.status, 200, approved.text)
      }
    },
    /** Stops the server (SIGTERM) and asserts a clean exit and clean output. */
    stop: async () => {
      try {
        if (!exitInfo) {
          child.kill('SIGTERM')
          let timer
          const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS)))
          const outcome = await Promise.race([exited, timeout])
          clearTimeout(timer)
          if (outcome === 'timeout') {
            child.kill('SIGKILL')
            await exited
            assert.fail(`pufa serve did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM`)
          }
        }
        const { code, signal } = await exited
        assert.equal(code, 0, `pufa serve exited with code ${code} signal ${signal}\nstderr:\n${stderr}`)
        assert.doesNotMatch(stderr, BAD_STDERR, `sanitizer report on stderr:\n${stderr}`)
        const bad = stdout.split('\n').filter((line) => BAD_LOG.test(line))
        assert.deepEqual(bad, [], 'the server logged errors')
      } finally {
        if (process.env.PUFA_TEST_LOG_DIR) {
          const base = join(process.env.PUFA_TEST_LOG_DIR, `pufa-${engine}-${basename(process.argv[1] ?? 'test')}-${process.pid}`)
          await writeFile(`${base}.stdout.log`, stdout).catch(() => {})
          await writeFile(`${base}.stderr.log`, stderr).catch(() => {})
        }
        await cleanup()
      }
    },
  }
  return server
}

/** An HTTP client that keeps the session cookie and CSRF token like the web app does. */
export class Client {
  constructor(base) {
    this.base = base
    this.cookie = null // "pufa_session=..."
    this.csrf = null
  }

  /**
   * Sends a request. Options:
   *   json: a value sent as application/json
   *   body: a raw string/Buffer body (no content type unless `type` is given)
   *   type: the Content-Type header to send
   *   csrf: false to omit X-CSRF-Token, or a string to send instead of the session's token
   *   headers: extra headers
   * Returns {status, headers, body (parsed JSON or null), text, requestId}.
   */
  async request(method, path, { json, body, type, csrf = true, headers = {} } = {}) {
    const sent = { ...headers }
    let payload
    if (json !== undefined) {
      payload = Buffer.from(JSON.stringify(json))
      sent['Content-Type'] = type ?? 'application/json'
    } else if (body !== undefined) {
      payload = Buffer.isBuffer(body) ? body : Buffer.from(body)
      if (type !== undefined) sent['Content-Type'] = type
    } else if (type !== undefined) {
      sent['Content-Type'] = type
    }
    if (this.cookie) sent.Cookie = this.cookie
    if (method !== 'GET' && method !== 'HEAD') {
      if (typeof csrf === 'string') sent['X-CSRF-Token'] = csrf
      else if (csrf && this.csrf) sent['X-CSRF-Token'] = this.csrf
    }
    const response = await fetch(this.base + path, { method, headers: sent, body: payload, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      if (pair.slice(0, eq).trim() !== 'pufa_session') continue
      const value = pair.slice(eq + 1).trim()
      const cleared = !value || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
      this.cookie = cleared ? null : `pufa_session=${value}`
    }
    const text = await response.text()
    let parsed = null
    if (text) {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = null
      }
    }
    return { status: response.status, headers: response.headers, body: parsed, text, requestId: response.headers.get('x-request-id') }
  }

  get(path, options) { return this.request('GET', path, options) }
  post(path, json, options = {}) { return this.request('POST', path, json === undefined ? options : { ...options, json }) }
  put(path, json, options = {}) { return this.request('PUT', path, json === undefined ? options : { ...options, json }) }
  delete(path, options) { return this.request('DELETE', path, options) }

  /** Signs in; asserts success and keeps cookie + CSRF token. Returns the response body. */
  async login(username, password) {
    const res = await this.post('/api/v1/auth/login', { username, password })
    assert.equal(res.status, 200, `login ${username}: ${res.status} ${res.text}`)
    assert.ok(this.cookie, `login ${username}: no pufa_session cookie`)
    this.csrf = res.body.csrf_token
    return res.body
  }
}

/** Sends one raw HTTP/1.1 request text over TCP and returns {status, headers, body} of the reply. */
export function rawHttp(url, requestText) {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(requestText))
    const chunks = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (error) => (chunks.length ? null : reject(error)))
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const split = text.indexOf('\r\n\r\n')
      const head = split < 0 ? text : text.slice(0, split)
      const [statusLine, ...lines] = head.split('\r\n')
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0)
      const headers = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
      }
      const bodyText = split < 0 ? '' : text.slice(split + 4)
      let body = null
      try {
        body = JSON.parse(bodyText)
      } catch {
        body = null
      }
      resolve({ status, headers, body, text: bodyText })
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Assertions shared by the test files.

const CHINESE = /[\u4e00-\u9fff]/

/** Asserts the error envelope: status, code, Chinese message, request_id (= X-Request-Id), field. */
export function assertError(res, status, code, field, message) {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status} ${res.text}`)
  assert.ok(res.body && typeof res.body === 'object', `error body is not JSON: ${res.text}`)
  assert.deepEqual(Object.keys(res.body), ['error'], `envelope keys: ${res.text}`)
  const error = res.body.error
  assert.equal(error.code, code, `error code: ${res.text}`)
  assert.equal(typeof error.message, 'string')
  assert.match(error.message, CHINESE, `message should be Chinese: ${error.message}`)
  assert.equal(typeof error.request_id, 'string')
  assert.ok(error.request_id.length > 0, 'request_id is empty')
  if (res.requestId !== undefined) assert.equal(error.request_id, res.requestId, 'request_id ≠ X-Request-Id')
  for (const key of Object.keys(error)) {
    // The details a code documents (docs/api.md): the rows of a failed import, the tries left.
    const details = ['rows', 'sheet', 'errors', 'remaining_attempts', 'retry_after_seconds']
    assert.ok(['code', 'message', 'request_id', 'field', ...details].includes(key), `unexpected key error.${key}`)
  }
  if (field === undefined) assert.equal(error.field, undefined, `unexpected field: ${res.text}`)
  else assert.equal(error.field, field, `error field: ${res.text}`)
  if (message) assert.match(error.message, message)
  return error
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** A valid-format, fictitious 身份证号 (GB 11643 check digit) born on `birth` (YYYYMMDD). */
export function idNumber(serial, birth = '19850101') {
  const body = `330781${birth}${String(serial).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

/** Asserts the full shape of a user object. */
export function assertUser(user) {
  assert.ok(user && typeof user === 'object', 'user is not an object')
  assert.deepEqual(Object.keys(user).sort(), [
    'created_at', 'disabled', 'display_name', 'id', 'large_font', 'last_login_at', 'locale',
    'locked_until', 'must_change_password', 'password_expired', 'permissions', 'phone', 'region_id', 'region_name',
    'roles', 'unit_id', 'username',
  ])
  assert.ok(Number.isInteger(user.id) && user.id > 0, `id ${user.id}`)
  assert.equal(typeof user.username, 'string')
  assert.equal(typeof user.display_name, 'string')
  assert.ok(Array.isArray(user.roles) && user.roles.length > 0, 'roles')
  for (const role of user.roles) assert.equal(typeof role, 'string')
  assert.ok(Array.isArray(user.permissions), 'permissions')
  for (const permission of user.permissions) assert.match(permission, /^[a-z_]+\.[a-z_]+$/)
  assert.ok(Number.isInteger(user.region_id), 'region_id')
  assert.equal(typeof user.region_name, 'string')
  assert.ok(user.unit_id === null || Number.isInteger(user.unit_id), `unit_id ${user.unit_id}`)
  assert.ok(user.phone === null || typeof user.phone === 'string', 'phone')
  assert.equal(typeof user.disabled, 'boolean')
  assert.ok(user.locked_until === null || ISO.test(user.locked_until), `locked_until ${user.locked_until}`)
  assert.equal(typeof user.large_font, 'boolean')
  assert.ok(['zh-CN', 'en'].includes(user.locale), `locale ${user.locale}`)
  assert.equal(typeof user.must_change_password, 'boolean')
  assert.equal(typeof user.password_expired, 'boolean')
  assert.match(user.created_at, ISO)
  assert.ok(user.last_login_at === null || ISO.test(user.last_login_at), `last_login_at ${user.last_login_at}`)
  return user
}

/** Asserts a login / me body: {user, csrf_token}. */
export function assertSession(body) {
  assert.ok(body && typeof body === 'object')
  assert.deepEqual(Object.keys(body).sort(), ['csrf_token', 'user'])
  assertUser(body.user)
  assert.equal(typeof body.csrf_token, 'string')
  assert.ok(body.csrf_token.length >= 16, 'csrf_token too short')
  return body
}

/** Asserts a list body {items, total} and returns it. */
export function assertList(res) {
  assert.equal(res.status, 200, `list: ${res.status} ${res.text}`)
  assert.deepEqual(Object.keys(res.body).sort(), ['items', 'total'])
  assert.ok(Array.isArray(res.body.items))
  assert.ok(Number.isInteger(res.body.total) && res.body.total >= res.body.items.length)
  return res.body
}

/** Creates a user through the API (as `admin`); asserts 201 and returns {user, password}. */
export async function createUser(admin, fields = {}) {
  // The system administrator creates the account; a privileged role is then granted by the
  // security administrators (admin must come from server.login / server.admin()).
  const privileged = (fields.roles ?? []).some((role) => PRIVILEGED_ROLES.includes(role))
  if (privileged) {
    const { roles, ...rest } = fields
    const made = await createUser(admin, { ...rest, roles: ['examinee'] })
    await admin.server.grantRoles(made.user.id, roles)
    const res = await admin.get(`/api/v1/users/${made.user.id}`)
    assert.equal(res.status, 200, res.text)
    return { ...made, user: res.body.user }
  }
  const input = {
    username: uniqueName(),
    display_name: '测试用户',
    password: GOOD_PASSWORD,
    roles: ['examinee'],
    region_id: 1,
    // Test accounts start usable; must_change_password.test.mjs covers the default (true).
    must_change_password: false,
    ...fields,
  }
  const res = await admin.post('/api/v1/users', input)
  assert.equal(res.status, 201, `create ${input.username}: ${res.status} ${res.text}`)
  return { user: res.body.user, password: input.password, username: res.body.user.username }
}

/**
 * Creates `count` users concurrently (Argon2 hashing is the slow part; the server hashes on
 * several worker threads). Returns an array like createUser's.
 */
export function createUsers(admin, count, fields = {}) {
  return Promise.all(Array.from({ length: count }, () => createUser(admin, fields)))
}

/** Ids of region `id` and everything under it, from a region list. */
export function subtreeIds(items, id) {
  const ids = new Set([id])
  for (let grew = true; grew;) {
    grew = false
    for (const item of items) {
      if (item.parent_id !== null && ids.has(item.parent_id) && !ids.has(item.id)) {
        ids.add(item.id)
        grew = true
      }
    }
  }
  return ids
}

/** All usernames `admin` can see (pages through GET /users; does not rely on ?q=). */
export async function allUsernames(admin) {
  const names = []
  for (let page = 1; ; ++page) {
    const res = await admin.get(`/api/v1/users?page=${page}&page_size=100`)
    assert.equal(res.status, 200, res.text)
    names.push(...res.body.items.map((user) => user.username))
    if (res.body.items.length < 100) return names
  }
}

/** Asserts that no user `username` exists (as seen by `admin`). */
export async function assertNoUser(admin, username) {
  const names = await allUsernames(admin)
  assert.ok(names.length >= 2, 'the user list is unexpectedly empty')
  assert.ok(!names.includes(username), `user ${username} was created`)
}
