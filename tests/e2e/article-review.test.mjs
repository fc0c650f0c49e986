// Browser test of reviewing an article (信息发布 › 待审核): 马涧镇's liaison (PUFA_LIAISON_USER / _PASS, default
// majian) submits an article (made through the API); the coordinator (PUFA_COORD_USER / _PASS) finds it from the
// home page's 待办 card and the sidebar's badge, opens 审核 and reads it as the portal will show it (a preview, no
// form), comments on its second paragraph and on its title with the 批注 buttons and returns it with a reason
// (on a phone the 退回 dialog is a full-screen sheet). The liaison sees 被退回的文章 in the to-do card, the reason,
// the title's comment beneath the title and the paragraph's comment beside that paragraph in the editor, revises
// and submits again; the coordinator edits it while under review (修改: it stays 待审核) and publishes it. The
// review history lists every step with who and when, in Beijing time.
// Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, openBrowser, pageApi, sidewaysOf, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const COORD_USER = process.env.PUFA_COORD_USER || 'lanxi'
const COORD_PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const AUTHOR_USER = process.env.PUFA_LIAISON_USER || 'majian'
const AUTHOR_PASS = process.env.PUFA_LIAISON_PASS || 'Pufa-Majian-2026'
const TITLE = `E2E 马涧镇杨梅节法律赶集 ${Date.now()}`
const PARAGRAPHS = ['六月十八日，马涧镇在杨梅节现场开展法律赶集活动。', '现场共有三百余名群众参加，发放宣传资料五百份。', '镇司法所将继续开展送法下乡。']
const REASON = '请核实参加人数后重新提交'
const PARAGRAPH_NOTE = '参加人数与活动台账不一致，请核实'
const TITLE_NOTE = '标题请写明“杨梅节”期间'
const REVISED = '现场共有二百八十名群众参加，发放宣传资料五百份。'

/** The Beijing wall time the page writes for an instant: YYYY-MM-DD HH:mm. */
const beijing = (iso) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  )
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

let coord
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  coord = await openBrowser()
  page = coord.page
  step = stepper(page, coord.shotDir, 'article-review-')
})

after(async () => {
  await coord?.close()
})

const isApi = (r, path, method) => new URL(r.url()).pathname === path && r.request().method() === method

test('return with comments → the author sees them and resubmits → the reviewer edits and publishes → the history', async () => {
  const author = await openBrowser()
  const ap = author.page
  const astep = stepper(ap, author.shotDir, 'article-review-author-')
  const authorApi = pageApi(ap)
  let id
  try {
    await astep('01-author-submits', async () => {
      await signIn(ap, BASE, AUTHOR_USER, AUTHOR_PASS)
      const made = await authorApi('POST', '/api/v1/articles', {
        column: 'news',
        title: TITLE,
        summary: '杨梅节期间，马涧镇开展法律赶集。',
        body_html: PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''),
        written_on: '2026-06-18',
        disclosure: 'active',
        attachment_ids: [],
      })
      assert.equal(made.status, 201, JSON.stringify(made.body))
      id = made.body.id
      assert.equal((await authorApi('POST', `/api/v1/articles/${id}/submit`)).status, 200)
    })

    await step('02-reviewer-finds-it-waiting', async () => {
      await signIn(page, BASE, COORD_USER, COORD_PASS)
      const item = page.locator('[data-test="todo-card"] [data-test="todo-articles.review"]')
      await item.waitFor()
      const count = Number((await item.locator('[data-test="todo-count"]').innerText()).trim())
      const todo = (await pageApi(page)('GET', '/api/v1/todo')).body
      assert.equal(count, todo.items.find((i) => i.code === 'articles.review').count, 'the card shows the server’s count')
      assert.match(await item.innerText(), /待审核的文章/)
      // the same count on the sidebar's 待审核 entry once its group is open
      await page.locator('[data-test="sidebar"]').getByText('信息发布', { exact: true }).click()
      const badge = page.locator('[data-test="sidebar"] [data-test="menu-badge"][data-path="/admin/content/review"]')
      await badge.waitFor()
      assert.equal(Number((await badge.innerText()).trim()), count)
      await item.locator('a').click()
      await page.waitForURL((u) => u.pathname === '/admin/content/review')
      const row = page.locator('[data-test="article-table"] tbody tr').filter({ hasText: TITLE })
      await row.locator('[data-test="action-review"]').click()
      await page.waitForURL((u) => u.pathname === `/admin/content/articles/${id}`)
    })

    await step('03-preview-as-the-portal-shows-it', async () => {
      const preview = page.locator('[data-test="article-preview"]')
      await preview.waitFor()
      assert.equal(await page.locator('.page .el-form').count(), 0, 'a preview, not a greyed-out form')
      assert.equal((await preview.locator('[data-test="preview-title"]').innerText()).trim(), TITLE)
      const blocks = preview.locator('[data-test="preview-block"]')
      assert.deepEqual((await blocks.locator('.block-html').allInnerTexts()).map((s) => s.trim()), PARAGRAPHS)
      // the portal's reading size
      const size = await blocks.first().locator('p').evaluate((p) => parseFloat(getComputedStyle(p).fontSize))
      assert.ok(size >= 17, `the text at the portal's size: ${size}px`)
      assert.equal(await page.locator('[data-test="review-hint"]').count(), 1)
      for (const b of ['form-return', 'form-edit', 'form-publish']) await page.locator(`[data-test="${b}"]`).waitFor()
    })

    await step('04-return-dialog-on-a-phone', async () => {
      const phone = await openBrowser({ phone: true })
      try {
        await signIn(phone.page, BASE, COORD_USER, COORD_PASS)
        await phone.page.goto(`${BASE}/admin/content/articles/${id}`)
        const note = phone.page.locator('[data-test="preview-block"]').nth(1).locator('[data-test="comment-block"]')
        await note.waitFor()
        const box = await note.boundingBox()
        assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width && box.height >= 32, `批注 in reach: ${JSON.stringify(box)}`)
        assert.ok((await sidewaysOf(phone.page)) <= 0, 'the preview fits 390 px')
        await note.tap()
        const dialog = phone.page.locator('.el-dialog.pufa-sheet:visible')
        await dialog.waitFor()
        const d = await dialog.boundingBox()
        assert.ok(d.width >= PHONE.width - 1, `the 退回 dialog takes the screen: ${JSON.stringify(d)}`)
        const confirm = await phone.page.locator('[data-test="return-confirm"]').boundingBox()
        assert.ok(confirm.y + confirm.height <= PHONE.height && confirm.x + confirm.width <= PHONE.width, `确认退回 on screen: ${JSON.stringify(confirm)}`)
        assert.equal(await dialog.locator('[data-test="comment-row"]').count(), 1, 'the paragraph’s comment to write')
      } finally {
        await phone.close()
      }
    })

    await step('05-return-with-comments', async () => {
      await page.locator('[data-test="preview-block"]').nth(1).locator('[data-test="comment-block"]').click()
      const dialog = page.locator('[data-test="return-dialog"]')
      await dialog.waitFor()
      const rows = dialog.locator('[data-test="comment-row"]')
      assert.equal(await rows.count(), 1)
      assert.match(await rows.first().locator('[data-test="comment-paragraph"]').innerText(), /第 2 段/)
      await rows.first().locator('[data-test="comment-text"]').fill(PARAGRAPH_NOTE)
      // the reason is asked for before anything is sent
      await page.locator('[data-test="return-confirm"]').click()
      await dialog.getByText('请填写退回原因').waitFor()
      await page.locator('[data-test="return-reason-input"]').fill(REASON)
      await dialog.locator('[data-test="comment-add"]').click()
      assert.equal(await rows.count(), 2)
      await rows.nth(1).locator('[data-test="comment-field"]').click()
      await page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: /^标题$/ }).click()
      await rows.nth(1).locator('[data-test="comment-text"]').fill(TITLE_NOTE)
      const sent = page.waitForResponse((r) => isApi(r, `/api/v1/articles/${id}/return`, 'POST'))
      await page.locator('[data-test="return-confirm"]').click()
      const res = await sent
      assert.equal(res.status(), 200, await res.text())
      assert.deepEqual(JSON.parse(res.request().postData()), {
        reason: REASON,
        comments: [
          { field: 'body_html', paragraph: 1, text: PARAGRAPH_NOTE },
          { field: 'title', text: TITLE_NOTE },
        ],
      })
      await page.locator('[data-test="article-status"]').filter({ hasText: '已退回' }).waitFor()
      const steps = page.locator('[data-test="review-history"] [data-test="history-step"]')
      await steps.nth(1).waitFor()
      assert.deepEqual(await steps.evaluateAll((els) => els.map((e) => e.dataset.step)), ['submit', 'return'])
      const ret = await steps.nth(1).innerText()
      for (const text of ['退回修改', REASON, '正文第 2 段', PARAGRAPH_NOTE, TITLE_NOTE]) assert.ok(ret.includes(text), `${text} in: ${ret}`)
    })

    await astep('06-author-sees-the-comments', async () => {
      await ap.goto(`${BASE}/admin`)
      const item = ap.locator('[data-test="todo-card"] [data-test="todo-articles.returned"]')
      await item.waitFor()
      assert.match(await item.innerText(), /被退回的文章/)
      const listed = ap.waitForResponse((r) => isApi(r, '/api/v1/articles', 'GET'))
      await item.locator('a').click()
      assert.equal(new URL((await listed).url()).searchParams.get('status'), 'returned', 'the list of returned articles')
      await ap.locator('[data-test="article-table"] tbody tr').filter({ hasText: TITLE }).locator('[data-test="action-edit"]').click()
      await ap.waitForURL((u) => u.pathname === `/admin/content/articles/${id}`)
      await ap.locator('[data-test="return-reason"]').filter({ hasText: REASON }).waitFor()
      const titleNote = ap.locator('[data-test="field-comment"][data-field="title"]')
      assert.ok((await titleNote.innerText()).includes(TITLE_NOTE), 'the title’s comment beneath the title')
      // the paragraph's comment sits in the editor, just above the paragraph it is on
      const note = ap.locator('[data-test="rich-editor"] [data-test="paragraph-comment"]')
      await note.waitFor()
      assert.equal(await note.getAttribute('data-paragraph'), '1')
      assert.ok((await note.innerText()).includes(PARAGRAPH_NOTE))
      const next = await note.evaluate((n) => n.nextElementSibling?.textContent)
      assert.equal(next, PARAGRAPHS[1], 'beside the second paragraph')
      assert.equal(await ap.locator('[data-test="field-comment"][data-field="body_html"]').count(), 0, 'not repeated under the editor')
    })

    await astep('07-author-revises-and-resubmits', async () => {
      const second = ap.locator('[data-test="rich-editor"] > p').nth(1)
      await second.click({ clickCount: 3 })
      await ap.keyboard.type(REVISED)
      await ap.locator('[data-test="field-title"]').fill(`${TITLE}（杨梅节期间）`)
      const saved = ap.waitForResponse((r) => isApi(r, `/api/v1/articles/${id}`, 'PUT'))
      const submitted = ap.waitForResponse((r) => isApi(r, `/api/v1/articles/${id}/submit`, 'POST'))
      await ap.locator('[data-test="save-submit"]').click()
      const body = await (await saved).json()
      assert.ok(body.body_html.includes(REVISED), 'the revised paragraph is stored')
      assert.ok(!body.body_html.includes(PARAGRAPH_NOTE), 'the comment is not part of the text')
      assert.equal((await submitted).status(), 200)
      await ap.locator('[data-test="article-status"]').filter({ hasText: '待审核' }).waitFor()
    })
  } finally {
    await author.close()
  }

  await step('08-reviewer-edits-in-review', async () => {
    await page.goto(`${BASE}/admin/content/articles/${id}`)
    await page.locator('[data-test="article-preview"]').waitFor()
    assert.ok((await page.locator('[data-test="preview-body"]').innerText()).includes(REVISED), 'the revision')
    await page.locator('[data-test="form-edit"]').click()
    const title = page.locator('[data-test="field-title"]')
    await title.waitFor()
    assert.equal(await title.isDisabled(), false, '修改 makes the form editable')
    await title.fill(`${TITLE}（审核修改）`)
    const saved = page.waitForResponse((r) => isApi(r, `/api/v1/articles/${id}`, 'PUT'))
    await page.locator('[data-test="review-edit-save"]').click()
    const res = await saved
    assert.equal(res.status(), 200)
    assert.equal((await res.json()).status, 'review', 'it stays under review')
    await page.locator('[data-test="article-preview"]').waitFor()
    assert.match(await page.locator('[data-test="preview-title"]').innerText(), /（审核修改）/)
  })

  await step('09-publish-and-history', async () => {
    await page.locator('[data-test="form-publish"]').click()
    const published = page.waitForResponse((r) => isApi(r, `/api/v1/articles/${id}/publish`, 'POST'))
    await page.locator('.el-message-box__btns .el-button--primary').click()
    assert.equal((await published).status(), 200)
    await page.locator('[data-test="article-status"]').filter({ hasText: '已发布' }).waitFor()
    const staff = (await pageApi(page)('GET', `/api/v1/articles/${id}`)).body
    assert.deepEqual(staff.history.map((h) => h.step), ['submit', 'return', 'submit', 'edit', 'publish'])
    const steps = page.locator('[data-test="review-history"] [data-test="history-step"]')
    await steps.nth(4).waitFor()
    assert.deepEqual(await steps.evaluateAll((els) => els.map((e) => e.dataset.step)), staff.history.map((h) => h.step))
    const texts = await steps.allInnerTexts()
    staff.history.forEach((h, i) => {
      assert.ok(texts[i].includes(beijing(h.at)), `step ${i + 1} at ${beijing(h.at)} (Beijing): ${texts[i]}`)
      assert.ok(texts[i].includes(h.user.display_name), `step ${i + 1} by ${h.user.display_name}`)
    })
    for (const [i, label] of ['提交审核', '退回修改', '提交审核', '审核时修改', '发布'].entries()) assert.ok(texts[i].includes(label), texts[i])
  })
})
