// Durability of autosave (issue #5): while examinees save answers, the server is killed with
// SIGKILL (and on PostgreSQL the database is stopped with `pg_ctl -m immediate`, a crash);
// after a restart every answer that got a 2xx must be stored, and SQLite's integrity_check ok.
//
// The server is managed here, not by the harness: it must survive a restart on the same
// database. On PostgreSQL the test makes its own throwaway cluster with tests/support/pg.sh
// (the shared one of PUFA_TEST_PG_URL serves the other test files and must not be stopped), so
// it needs the PostgreSQL server binaries; without them that variant is skipped.
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'

import { Client, engine } from './harness.mjs'
import { bankSql, createRandomExam, examineesSql, loadClient, runSql } from '../support/exam-load.mjs'

const PG_SH = fileURLToPath(new URL('../support/pg.sh', import.meta.url))
const EXAMINEES = 60
const KILL_AFTER_ACKS = 1200 // of 60 × 55 = 3,300 saves: the kill lands mid-load

function run(file, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 16 << 20, ...options }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout))
  })
}

function serverEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key.startsWith('PUFA_')) delete env[key]
  return env
}

/** `pufa serve` on dbUrl; resolves {url, child, exited, log()} once it listens. */
function serve(dbUrl, cwd) {
  const child = spawn(process.env.PUFA_BIN, ['serve', '--db', dbUrl, '--listen', '127.0.0.1:0', '--web', '', '--access-log', 'false'], {
    cwd, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk) => (out += chunk))
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 30_000)
    child.stdout.on('data', (chunk) => {
      out += chunk
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (found) {
        clearTimeout(timer)
        resolve({ url: found[1], child, exited, log: () => out })
      }
    })
    exited.then(({ code, signal }) => reject(new Error(`pufa serve exited (${code}, ${signal}):\n${out}`)))
  })
}

// ---- a PostgreSQL cluster this test may crash ----------------------------------------------

const pgBin = (() => {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b))
  const bin = versions.length ? join(root, versions.at(-1), 'bin') : null
  return bin && existsSync(join(bin, 'pg_ctl')) ? bin : null
})()

/** PostgreSQL refuses to run as root: pg.sh runs it as the postgres user, and so must we. */
function asOwner(file, args) {
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args)
}

async function startCluster() {
  // Outside any root-only temp dir: the postgres user must reach it.
  const dir = join(tmpdir(), `pufa-durability-pg-${randomBytes(4).toString('hex')}`)
  await run(PG_SH, ['start', dir, 'durable'])
  const adminUrl = (await readFile(join(dir, 'url'), 'utf8')).trim()
  const port = new URL(adminUrl).port
  await runSql(adminUrl, 'CREATE DATABASE pufa_durability')
  const url = new URL(adminUrl)
  url.pathname = '/pufa_durability'
  return {
    dir,
    dbUrl: url.toString(),
    crash: () => asOwner(join(pgBin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']),
    restart: () => asOwner(join(pgBin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`, 'start']),
    remove: () => run(PG_SH, ['stop', dir]),
  }
}

// ---- the test ----------------------------------------------------------------------------

const cleanups = []
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
})

/** Saves every examinee's answers, one request at a time per examinee, until told to stop. */
function saveLoad(client, attempts, acked) {
  let stopped = false
  const worker = async (attempt) => {
    for (const [qid, key] of attempt.answers) {
      if (stopped) return
      const res = await client.request('PUT', `/api/v1/attempts/${attempt.attempt_id}/answers/${qid}`, {
        session: attempt.session, json: { answer: [key] },
      })
      if (res.status >= 200 && res.status < 300) acked.push({ attempt, qid, key })
      else if (res.status === 0) return // the server is gone
    }
  }
  const state = { finished: false }
  const done = Promise.all(attempts.map(worker)).then(() => (state.finished = true))
  return { done, state, stop: () => (stopped = true) }
}

test(`every acknowledged answer survives a crash (${engine})`, { skip: engine === 'postgresql' && !pgBin && 'no PostgreSQL server binaries' }, async (t) => {
  assert.ok(process.env.PUFA_BIN, 'set PUFA_BIN')
  const t0 = Date.now()
  const phase = (name) => t.diagnostic(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  const dir = await mkdtemp(join(tmpdir(), 'pufa-durability-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  let cluster = null
  let dbUrl = `sqlite:${join(dir, 'pufa.db')}`
  if (engine === 'postgresql') {
    cluster = await startCluster()
    cleanups.push(() => cluster.remove())
    dbUrl = cluster.dbUrl
  }
  phase('database ready')
  // The schema, a bank, a coordinator and the examinees with sessions: no demo, no Argon2.
  await run(process.env.PUFA_BIN, ['migrate', '--db', dbUrl], { cwd: dir, env: serverEnv() })
  const { sql, sessions } = examineesSql(EXAMINEES, 'dur')
  const coordinator = examineesSql(1, 'durstaff', 'coordinator')
  await runSql(dbUrl, [bankSql(), sql, coordinator.sql].join('\n'))
  phase('schema and data ready')

  let server = await serve(dbUrl, dir)
  cleanups.push(async () => server.child.kill('SIGKILL'))
  const staff = new Client(server.url)
  staff.cookie = `pufa_session=${coordinator.sessions[0].token}`
  staff.csrf = coordinator.sessions[0].csrf
  const exam = await createRandomExam(staff, { title: '断电测试考试' })

  let client = loadClient(server.url, { sockets: EXAMINEES })
  const attempts = await Promise.all(sessions.map(async (session) => {
    const res = await client.request('POST', `/api/v1/exams/${exam.id}/attempts`, { session, json: { pledge: true } })
    assert.equal(res.status, 201, res.text)
    return { session, attempt_id: res.body.attempt.id, answers: res.body.questions.map((q) => [q.id, q.options[0].key]) }
  }))

  phase('attempts started')
  const acked = []
  const load = saveLoad(client, attempts, acked)
  while (acked.length < KILL_AFTER_ACKS && !load.state.finished) await new Promise((resolve) => setTimeout(resolve, 5))
  if (cluster) await cluster.crash() // the database dies first; the server then fails its writes
  server.child.kill('SIGKILL')
  assert.equal((await server.exited).signal, 'SIGKILL')
  load.stop()
  await load.done
  client.close()
  const total = attempts.length * attempts[0].answers.length
  assert.ok(acked.length >= KILL_AFTER_ACKS && acked.length < total, `killed mid-load: ${acked.length} of ${total} acknowledged`)

  t.diagnostic(`${acked.length} of ${total} saves acknowledged before the crash`)
  if (cluster) await cluster.restart()
  server = await serve(dbUrl, dir)
  phase('restarted')
  client = loadClient(server.url, { sockets: 16 })
  const stored = new Map()
  await Promise.all(attempts.map(async (attempt) => {
    const res = await client.request('POST', `/api/v1/exams/${exam.id}/attempts`, { session: attempt.session, json: { pledge: true } })
    assert.equal(res.status, 200, `resume after the crash: ${res.text}`)
    assert.equal(res.body.attempt.id, attempt.attempt_id)
    stored.set(attempt.attempt_id, res.body.answers)
  }))
  client.close()
  const lost = acked.filter(({ attempt, qid, key }) => {
    const answer = stored.get(attempt.attempt_id)[String(qid)]
    return !answer || answer.join('') !== key
  })
  assert.deepEqual(lost.map(({ attempt, qid }) => `${attempt.attempt_id}/${qid}`), [], 'acknowledged answers lost in the crash')

  server.child.kill('SIGTERM')
  assert.equal((await server.exited).code, 0, server.log())
  if (engine === 'sqlite') {
    const check = await run('sqlite3', [dbUrl.slice('sqlite:'.length), 'PRAGMA integrity_check'])
    assert.equal(check.trim(), 'ok')
  } else {
    const [count] = (await runSql(dbUrl, 'SELECT COUNT(*) FROM exam_answers')).split('\n')
    assert.ok(Number(count) >= acked.length, `${count} stored, ${acked.length} acknowledged`)
  }
})
