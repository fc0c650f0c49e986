// Browser test of the exam sitting page (学法考试): the demo examinee opens 我的考试, starts the open exam,
// answers a few questions (each acknowledged 已保存), reloads mid-way and finds the same paper in the same
// order with the answers kept, answers the rest, submits and sees the score and grade the server gave.
// Needs a running `pufa serve` with the demo data (PUFA_URL) and the demo examinee (PUFA_EXAMINEE_USER /
// _PASS, default wangfang / Pufa-Exam-2026) with an open exam; see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { SHOTS, openBrowser, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_EXAMINEE_USER || 'wangfang'
const PASS = process.env.PUFA_EXAMINEE_PASS || 'Pufa-Exam-2026'
/** Questions answered before the reload. */
const BEFORE_RELOAD = 3

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'exam-')
})

after(async () => {
  await browser?.close()
})

const api = (method, path, body) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const csrf = sessionStorage.getItem('pufa.csrf')
      const r = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...(csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : null }
    },
    { method, path, body },
  )

/** The POST /exams/{id}/attempts answer the page receives while `action` runs. */
async function paperWhile(action) {
  const started = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/api\/v1\/exams\/\d+\/attempts$/.test(new URL(r.url()).pathname),
  )
  await action()
  const res = await started
  assert.ok([200, 201].includes(res.status()), `start/resume answered ${res.status()}`)
  const body = await res.json()
  await page.locator('[data-test="exam-sitting"] section.question').waitFor()
  return { status: res.status(), body }
}

/** Goes to question n (1-based) through the answer sheet and checks the page shows that question. */
async function goTo(n, questionId) {
  await page.locator(`[data-test="navigator"] [data-test="cell-${n}"]`).click()
  await page.locator(`[data-test="question-${n}"][data-qid="${questionId}"]`).waitFor()
}

/** Picks an answer for the question on screen (two options for multiple choice) and waits for 已保存. */
async function answerCurrent(question) {
  const options = page.locator('section.question .option')
  const picks = question.type === 'multiple' ? [0, 1] : [0]
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith(`/answers/${question.id}`) && r.status() === 200,
  )
  for (const i of picks) await options.nth(i).click()
  await saved
  await page.waitForFunction(() => document.querySelector('[data-test="save-state"]')?.textContent?.includes('已保存'))
  return picks.map((i) => question.options[i].key).sort()
}

test('an examinee sits the open exam, reloads mid-way, continues, submits and sees the grade', async () => {
  await step('01-sign-in', async () => {
    await signIn(page, BASE, USER, PASS)
    // the home page's 待办 card and the sidebar say an exam is open, and lead to 我的考试
    const todo = (await api('GET', '/api/v1/todo')).body
    const open = todo.items.find((i) => i.code === 'exams.open')?.count
    assert.ok(open >= 1, `the to-do centre counts the open exam: ${JSON.stringify(todo)}`)
    const item = page.locator('[data-test="todo-card"] [data-test="todo-exams.open"]')
    await item.getByText('可参加的考试').waitFor()
    assert.equal(Number((await item.locator('[data-test="todo-count"]').innerText()).trim()), open)
    const badge = page.locator('[data-test="sidebar"] [data-test="menu-badge"][data-path="/admin/my-exams"]')
    assert.equal(Number((await badge.innerText()).trim()), open)
    await item.locator('a').click()
    await page.waitForURL((u) => u.pathname === '/admin/my-exams')
    await page.goto(`${BASE}/admin`)
  })

  let exam
  await step('02-my-exams', async () => {
    await page.locator('[data-test="sidebar"]').getByText('我的考试', { exact: true }).click()
    await page.locator('[data-test="my-exams"]').waitFor()
    const mine = await api('GET', '/api/v1/my/exams')
    assert.equal(mine.status, 200, 'GET /my/exams')
    exam = mine.body.items.find((i) => i.state === 'open' || i.state === 'in_progress')
    assert.ok(exam, `the demo examinee has an open exam: ${JSON.stringify(mine.body.items.map((i) => [i.exam.title, i.state]))}`)
    const card = page.locator(`[data-test="my-exam-${exam.exam.id}"]`)
    await card.getByText(exam.exam.title).waitFor()
    assert.match(await card.locator('[data-test="state"]').innerText(), /可参加|答题中/)
  })

  let paper
  await step('03-start', async () => {
    // 考试须知 and the integrity pledge come first; the clock starts only once the pledge is ticked.
    await page.locator(`[data-test="sit-${exam.exam.id}"]`).click()
    const notice = page.locator('[data-test="exam-notice"]')
    await notice.waitFor()
    assert.match(await notice.locator('[data-test="notice-text"]').innerText(), /考试时间/)
    assert.match(await notice.locator('[data-test="pledge-text"]').innerText(), /^本人承诺/)
    assert.equal(await page.locator('[data-test="countdown"]').count(), 0, 'no clock before the start')
    assert.ok(await notice.locator('[data-test="exam-start"]').isDisabled(), 'start waits for the pledge')
    if (SHOTS) await page.screenshot({ path: `${browser.shotDir}/exam-03a-notice.png`, fullPage: true })
    await notice.locator('[data-test="pledge-agree"]').click()
    const { body } = await paperWhile(() => notice.locator('[data-test="exam-start"]').click())
    paper = body
    // Options are lettered A, B, C … in the order shown, whatever the shuffle.
    for (const q of paper.questions) assert.deepEqual(q.options.map((o) => o.key), ['A', 'B', 'C', 'D', 'E', 'F'].slice(0, q.options.length))
    assert.ok(paper.questions.length > BEFORE_RELOAD, `the paper has more than ${BEFORE_RELOAD} questions`)
    await page.waitForURL((u) => u.pathname === `/exam/${exam.exam.id}`)
    // the countdown runs from the server's deadline
    const clock = await page.locator('[data-test="countdown"] strong').innerText()
    assert.match(clock, /^\d{1,2}(:\d{2}){1,2}$/, `countdown "${clock}"`)
    for (const q of paper.questions) assert.equal(q.answer, undefined, 'the paper carries no answers')
  })

  const given = new Map(Object.entries(paper.answers ?? {}).map(([k, v]) => [Number(k), v]))
  await step('04-answer-some', async () => {
    for (let i = 0; i < BEFORE_RELOAD; i++) {
      const q = paper.questions[i]
      await goTo(i + 1, q.id)
      given.set(q.id, await answerCurrent(q))
    }
    for (let i = 0; i < BEFORE_RELOAD; i++) {
      assert.equal(await page.locator(`[data-test="cell-${i + 1}"]`).getAttribute('data-state'), 'answered')
    }
  })

  await step('04b-save-fails-then-retries', async () => {
    // offline, the answer is kept on screen as 保存失败; back online it is sent again on its own
    const i = BEFORE_RELOAD - 1
    const q = paper.questions[i]
    await goTo(i + 1, q.id)
    await browser.context.setOffline(true)
    // a different answer: another option (single, true/false), or one of the two unticked (multiple)
    await page.locator('section.question .option').nth(1).click()
    await page.waitForFunction(() => document.querySelector('[data-test="save-state"]')?.textContent?.includes('保存失败'))
    await browser.context.setOffline(false)
    await page.waitForFunction(() => document.querySelector('[data-test="save-state"]')?.textContent?.includes('已保存'), null, {
      timeout: 20_000,
    })
    const checked = await page.locator('section.question .option.is-checked').evaluateAll((els) => els.map((e) => e.dataset.key))
    given.set(q.id, checked.sort())
  })

  await step('05-reload-resumes', async () => {
    const { status, body } = await paperWhile(() => page.reload())
    assert.equal(status, 200, 'a reload resumes the attempt (200), it does not start another (201)')
    assert.equal(body.attempt.id, paper.attempt.id, 'the same attempt')
    assert.deepEqual(body.questions.map((q) => q.id), paper.questions.map((q) => q.id), 'the same question order')
    assert.deepEqual(
      body.questions.map((q) => q.options.map((o) => o.text)),
      paper.questions.map((q) => q.options.map((o) => o.text)),
      'the same option order',
    )
    for (let i = 0; i < BEFORE_RELOAD; i++) {
      const q = paper.questions[i]
      assert.deepEqual([...body.answers[String(q.id)]].sort(), given.get(q.id), `answer of question ${i + 1} kept`)
      assert.equal(await page.locator(`[data-test="cell-${i + 1}"]`).getAttribute('data-state'), 'answered')
      await goTo(i + 1, q.id)
      const checked = await page.locator('section.question .option.is-checked').evaluateAll((els) => els.map((e) => e.dataset.key))
      assert.deepEqual(checked.sort(), given.get(q.id), `question ${i + 1} shows its saved answer`)
    }
  })

  await step('06-answer-rest', async () => {
    for (let i = 0; i < paper.questions.length; i++) {
      const q = paper.questions[i]
      if (given.has(q.id)) continue
      await goTo(i + 1, q.id)
      given.set(q.id, await answerCurrent(q))
    }
  })

  let result
  await step('07-submit', async () => {
    await page.locator('[data-test="exam-submit"]').click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '确认交卷' })
    await dialog.waitFor()
    assert.equal(await dialog.locator('[data-test="unanswered-list"]').count(), 0, 'nothing left unanswered')
    const submitted = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/attempts/${paper.attempt.id}/submit`)
    await dialog.locator('[data-test="submit-confirm-ok"]').click()
    const res = await submitted
    assert.equal(res.status(), 200, 'submit')
    result = await res.json()
    await page.locator('[data-test="exam-result"] [data-test="result-card"]').waitFor()
  })

  await step('08-result', async () => {
    const score = await page.locator('[data-test="result-score"] strong').innerText()
    assert.equal(Number(score), result.score, 'the score shown is the server’s')
    const passed = await page.locator('[data-test="result-passed"]').innerText()
    assert.equal(passed.trim(), result.passed ? '合格' : '不合格')
    // a grade band (优秀, 良好 ...) shows beside 合格; a grade that only says 合格/不合格 is shown once
    if (result.grade && !['合格', '不合格'].includes(result.grade)) {
      assert.equal((await page.locator('[data-test="result-grade"]').innerText()).trim(), result.grade)
    } else {
      await page.getByText(result.grade || (result.passed ? '合格' : '不合格'), { exact: true }).first().waitFor()
    }
    const server = await api('GET', `/api/v1/attempts/${paper.attempt.id}`)
    assert.equal(server.status, 200)
    assert.equal(server.body.attempt.status, 'submitted')
    assert.equal(server.body.attempt.score, result.score)
  })
})
