// Bench setup on a demo database: inserts COUNT examinees with live sessions (SQL, no Argon2
// logins) and, once the server runs, creates and publishes a random-rule exam as the demo
// coordinator. Two steps because the users must exist before the server caches anything:
//   node bench/exam_setup.mjs users DB_URL COUNT SESSIONS_OUT.json
//   node bench/exam_setup.mjs exam URL            → prints the exam id
import { writeFile } from 'node:fs/promises'

import { COORD, Client } from '../tests/api/harness.mjs'
import { createRandomExam, examineesSql, runSql } from '../tests/support/exam-load.mjs'

const [step, target, countText, out] = process.argv.slice(2)
if (step === 'users') {
  const { sql, sessions } = examineesSql(Number(countText), 'bench')
  await runSql(target, sql)
  await writeFile(out, JSON.stringify(sessions))
  console.error(`inserted ${sessions.length} examinees with sessions`)
} else if (step === 'exam') {
  const staff = new Client(target)
  await staff.login(COORD.username, COORD.password)
  const exam = await createRandomExam(staff, { title: `启动压测 ${new Date().toISOString()}` })
  console.log(exam.id)
} else {
  console.error('usage: exam_setup.mjs users DB_URL COUNT OUT.json | exam URL')
  process.exit(2)
}
