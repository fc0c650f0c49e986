// Start burst driver: COUNT examinees start the same exam, arrivals spread evenly over SECONDS
// (open loop: a request is sent at its scheduled time whatever the server's pace, and its
// latency counts from that time, so client-side queueing is not hidden).
//
//   node bench/exam_start.mjs URL EXAM_ID SESSIONS.json COUNT SECONDS [ATTEMPTS_OUT.json] [SOCKETS]
// Prints a JSON summary; writes the started attempts (session, attempt id, first option per
// question) for bench/exam_autosave.sh.
import { readFile, writeFile } from 'node:fs/promises'

import { loadClient, percentile } from '../tests/support/exam-load.mjs'

const [url, examId, sessionsFile, countText, secondsText, outFile, socketsText] = process.argv.slice(2)
if (!url || !examId || !sessionsFile) {
  console.error('usage: exam_start.mjs URL EXAM_ID SESSIONS.json COUNT SECONDS [ATTEMPTS_OUT.json] [SOCKETS]')
  process.exit(2)
}
const sessions = JSON.parse(await readFile(sessionsFile, 'utf8'))
const count = Math.min(Number(countText ?? sessions.length), sessions.length)
const seconds = Number(secondsText ?? 10)
const client = loadClient(url, { sockets: Number(socketsText ?? 256) })
const interval = (seconds * 1000) / count
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const latencies = []
const statuses = {}
const attempts = []
const pending = []
const t0 = performance.now()
for (let i = 0; i < count; ++i) {
  const due = t0 + i * interval
  const ahead = due - performance.now()
  if (ahead > 1) await sleep(ahead)
  const session = sessions[i]
  pending.push(client.request('POST', `/api/v1/exams/${examId}/attempts`, { session, json: { pledge: true } }).then((res) => {
    latencies.push(performance.now() - due)
    const key = res.status || `network: ${res.error?.code ?? res.error?.message}`
    statuses[key] = (statuses[key] ?? 0) + 1
    if (res.status === 201 || res.status === 200) {
      attempts.push({
        session,
        attempt_id: res.body.attempt.id,
        answers: res.body.questions.map((q) => [q.id, q.options[0].key]),
      })
    }
  }))
}
await Promise.all(pending)
const elapsed = (performance.now() - t0) / 1000
client.close()
const ok = (statuses[201] ?? 0) + (statuses[200] ?? 0)
const summary = {
  requests: count,
  spread_seconds: seconds,
  elapsed_seconds: Number(elapsed.toFixed(2)),
  ok,
  errors: count - ok,
  statuses,
  latency_ms: {
    p50: Number(percentile(latencies, 50).toFixed(1)),
    p90: Number(percentile(latencies, 90).toFixed(1)),
    p99: Number(percentile(latencies, 99).toFixed(1)),
    max: Number(percentile(latencies, 100).toFixed(1)),
  },
  questions_per_paper: attempts[0]?.answers.length ?? 0,
}
if (outFile) await writeFile(outFile, JSON.stringify(attempts))
console.log(JSON.stringify(summary))
