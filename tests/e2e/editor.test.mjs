// Browser test of the article editor (信息发布 › 新增文章) offering exactly what the server's sanitiser keeps: the
// coordinator (PUFA_COORD_USER / _PASS) centres a line, gives a paragraph 首行缩进 2 字符, writes H₂O and m² with
// sub- and superscript, strikes a word, adds a horizontal rule and a table whose first two header cells are merged
// (colspan) and two cells of the first column (rowspan); pastes a notice from Word (alignment, a 21pt first-line
// indent, a numbered list, a table with a merged cell); saves, reloads, and finds all of it in the editor as stored;
// publishes, and the portal shows the centred line, the indent and the merged cells. At 390 px every toolbar button
// is on screen and can be tapped. Needs a running `pufa serve` with the demo data (PUFA_URL); see README.md.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, openBrowser, pageApi, signIn, stepper } from './browser.mjs'

const BASE = (process.env.PUFA_URL ?? '').replace(/\/$/, '')
const USER = process.env.PUFA_COORD_USER || 'lanxi'
const PASS = process.env.PUFA_COORD_PASS || 'Pufa-Lanxi-2026'
const TITLE = `E2E 排版测试 ${Date.now()}`

/** What Word puts on the clipboard for a short notice (shortened). */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN><!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16.0pt;font-family:方正小标宋简体'>关于开展法律赶集活动的通知<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>各村（社区）：请按以下安排参加。</span></p>
<p class=MsoListParagraph style='margin-left:18pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><![endif]>准备宣传资料</p>
<p class=MsoListParagraph style='margin-left:18pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><![endif]>安排咨询律师</p>
<table class=MsoTableGrid border=1 cellspacing=0 style='border-collapse:collapse'><tr><td colspan=2 style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center style='text-align:center'>安排表</p></td></tr><tr><td><p class=MsoNormal>时间</p></td><td><p class=MsoNormal>地点</p></td></tr></table>
<!--EndFragment--></body></html>`

let browser
let page
let step

before(async () => {
  assert.ok(BASE, 'set PUFA_URL to the base URL of a running pufa serve, e.g. http://127.0.0.1:8099')
  browser = await openBrowser()
  page = browser.page
  step = stepper(page, browser.shotDir, 'editor-')
})

after(async () => {
  await browser?.close()
})

const isApi = (r, path, method) => new URL(r.url()).pathname === path && r.request().method() === method
const editor = () => page.locator('[data-test="rich-editor"]')
const tool = (key) => page.locator(`[data-test="editor-${key}"]`)
/** Tiptap ends a style with ';', the sanitiser writes none: compare the declarations. */
const styleOf = (el) => el.evaluate((e) => (e.getAttribute('style') ?? '').replace(/;\s*$/, ''))

/** Pastes HTML into the editor as the clipboard would hand it over (text/html). */
async function pasteHtml(html) {
  await editor().evaluate((el, html) => {
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'x')
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
}

test('alignment, 首行缩进, sub/sup, strike, rule, merged cells and a Word paste survive save and reload, and reach the portal', async () => {
  await step('01-new-article', async () => {
    await signIn(page, BASE, USER, PASS)
    await page.goto(`${BASE}/admin/content/articles/new`)
    await page.locator('[data-test="field-column"]').click()
    await page.locator('.el-popper:visible .el-select-dropdown__item').filter({ hasText: '新闻动态' }).first().click()
    await page.locator('[data-test="field-title"]').fill(TITLE)
  })

  await step('02-format-by-hand', async () => {
    await editor().click()
    await page.keyboard.type('居中的一行')
    await tool('align-center').click()
    assert.equal(await tool('align-center').getAttribute('aria-pressed'), 'true', 'the alignment shows pressed')
    await page.keyboard.press('Enter')
    await tool('align-left').click()
    await tool('indent').click()
    await page.keyboard.type('首行缩进的正文')
    assert.equal(await tool('indent').getAttribute('aria-pressed'), 'true')
    await page.keyboard.press('Enter')
    await tool('indent').click()
    await page.keyboard.type('水是H')
    await tool('sub').click()
    await page.keyboard.type('2')
    await tool('sub').click()
    await page.keyboard.type('O，面积m')
    await tool('sup').click()
    await page.keyboard.type('2')
    await tool('sup').click()
    await page.keyboard.type('，')
    await tool('strike').click()
    await page.keyboard.type('作废')
    await tool('strike').click()
    await tool('hr').click()
    await tool('table').click()
    await page.locator('[data-test="table-tools"]').waitFor()
    // the header row's first two cells: drag across them, merge
    const cells = editor().locator('table tr').first().locator('th, td')
    await cells.nth(0).click()
    await page.keyboard.type('合并表头')
    const a = await cells.nth(0).boundingBox()
    const b = await cells.nth(1).boundingBox()
    await page.mouse.move(a.x + 5, a.y + a.height / 2)
    await page.mouse.down()
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 })
    await page.mouse.up()
    assert.equal(await tool('mergeCells').isDisabled(), false, '合并 once two cells are selected')
    await tool('mergeCells').click()
    await editor().locator('th[colspan="2"]').waitFor()
    // two cells of the first column, below the header
    const col = editor().locator('table tr')
    const c1 = await col.nth(1).locator('td').first().boundingBox()
    const c2 = await col.nth(2).locator('td').first().boundingBox()
    await page.mouse.move(c1.x + 5, c1.y + c1.height / 2)
    await page.mouse.down()
    await page.mouse.move(c2.x + 5, c2.y + c2.height / 2, { steps: 5 })
    await page.mouse.up()
    await tool('mergeCells').click()
    await editor().locator('td[rowspan="2"]').waitFor()
    // the cursor out of the table, at the end
    await editor().locator('table').evaluate((t) => t.scrollIntoView())
  })

  await step('03-paste-from-word', async () => {
    await editor().locator('hr').click()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await pasteHtml(WORD)
    await editor().getByText('关于开展法律赶集活动的通知').waitFor()
    const heading = editor().locator('p', { hasText: '关于开展法律赶集活动的通知' })
    assert.equal(await styleOf(heading), 'text-align: center', 'Word’s centring')
    assert.equal(await styleOf(editor().locator('p', { hasText: '各村（社区）' })), 'text-indent: 2em', 'Word’s 21pt first-line indent is 首行缩进 2 字符')
    assert.deepEqual(await editor().locator('ol li').allInnerTexts(), ['准备宣传资料', '安排咨询律师'], 'Word’s list, without its typed numbers')
    const merged = editor().locator('td[colspan="2"]', { hasText: '安排表' })
    assert.equal(await merged.count(), 1, 'Word’s merged cell')
    assert.equal(await styleOf(merged.locator('p')), 'text-align: center')
    assert.equal(await editor().locator('[style*="font-family"], [class*="Mso"], [lang], o\\:p').count(), 0, 'nothing of Word’s own markup')
  })

  let saved
  await step('04-save', async () => {
    const created = page.waitForResponse((r) => isApi(r, '/api/v1/articles', 'POST'))
    await page.locator('[data-test="save"]').click()
    const res = await created
    assert.equal(res.status(), 201, await res.text())
    saved = await res.json()
    const html = saved.body_html
    for (const part of [
      '<p style="text-align: center">居中的一行</p>',
      '<p style="text-indent: 2em">首行缩进的正文</p>',
      'H<sub>2</sub>O',
      'm<sup>2</sup>',
      '<s>作废</s>',
      '<hr>',
      'colspan="2"',
      'rowspan="2"',
      '<p style="text-align: center"><strong>关于开展法律赶集活动的通知</strong></p>',
      '<p style="text-indent: 2em">各村（社区）：请按以下安排参加。</p>',
    ]) {
      assert.ok(html.includes(part), `the server kept ${part}:\n${html}`)
    }
    await page.waitForURL((u) => u.pathname === `/admin/content/articles/${saved.id}`)
  })

  await step('05-reload', async () => {
    await page.reload()
    await editor().locator('p', { hasText: '居中的一行' }).waitFor()
    assert.equal(await styleOf(editor().locator('p', { hasText: '居中的一行' })), 'text-align: center')
    assert.equal(await styleOf(editor().locator('p', { hasText: '首行缩进的正文' })), 'text-indent: 2em')
    const indent = await editor().locator('p', { hasText: '首行缩进的正文' }).evaluate((p) => [getComputedStyle(p).textIndent, getComputedStyle(p).fontSize])
    assert.equal(parseFloat(indent[0]), 2 * parseFloat(indent[1]), `indented two characters: ${indent}`)
    assert.equal(await editor().locator('sub').innerText(), '2')
    assert.equal(await editor().locator('sup').innerText(), '2')
    assert.equal(await editor().locator('s').innerText(), '作废')
    assert.equal(await editor().locator('hr').count(), 1)
    assert.equal(await editor().locator('th[colspan="2"]', { hasText: '合并表头' }).count(), 1)
    assert.equal(await editor().locator('td[rowspan="2"]').count(), 1)
    assert.equal(await editor().locator('td[colspan="2"]', { hasText: '安排表' }).count(), 1)
    // The toolbar follows the selection once the editor has taken the click (it may still be
    // settling after the reload): wait for it rather than read it at once.
    await editor().locator('p', { hasText: '居中的一行' }).click()
    const center = await tool('align-center').elementHandle()
    await page.waitForFunction((el) => el.getAttribute('aria-pressed') === 'true', center, { timeout: 5000 })
      .catch(() => assert.fail('the toolbar reads the stored alignment'))
  })

  await step('06-portal', async () => {
    const api = pageApi(page)
    assert.equal((await api('POST', `/api/v1/articles/${saved.id}/submit`)).status, 200)
    assert.equal((await api('POST', `/api/v1/articles/${saved.id}/publish`)).status, 200)
    await page.goto(`${BASE}/articles/${saved.id}`)
    const body = page.locator('[data-test="article-body"] .rich')
    await body.getByText('居中的一行').waitFor()
    const align = await body.locator('p', { hasText: '居中的一行' }).evaluate((p) => getComputedStyle(p).textAlign)
    assert.equal(align, 'center')
    const [indent, size] = await body.locator('p', { hasText: '首行缩进的正文' }).evaluate((p) => [getComputedStyle(p).textIndent, getComputedStyle(p).fontSize].map(parseFloat))
    assert.equal(indent, 2 * size, 'two characters on the portal')
    const plain = await body.locator('p', { hasText: '水是H' }).evaluate((p) => parseFloat(getComputedStyle(p).textIndent))
    assert.equal(plain, 0, 'a paragraph without the indent has none')
    assert.equal(await body.locator('th[colspan="2"]').count(), 1)
    assert.equal(await body.locator('td[rowspan="2"]').count(), 1)
    assert.equal(await body.locator('sub').innerText(), '2')
  })
})

test('at 390 px every toolbar button is on screen and can be tapped', async () => {
  const phone = await openBrowser({ phone: true })
  const p = phone.page
  try {
    await signIn(p, BASE, USER, PASS)
    await p.goto(`${BASE}/admin/content/articles/new`)
    const area = p.locator('[data-test="rich-editor"]')
    await area.tap()
    await p.keyboard.type('表格')
    await p.locator('[data-test="editor-table"]').tap()
    await p.locator('[data-test="table-tools"]').waitFor()
    const buttons = p.locator('.rich-editor .toolbar button')
    const n = await buttons.count()
    assert.ok(n >= 30, `the whole toolbar: ${n} buttons`)
    for (let i = 0; i < n; i++) {
      const b = buttons.nth(i)
      await b.scrollIntoViewIfNeeded()
      const box = await b.boundingBox()
      const name = await b.getAttribute('data-test')
      assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${name} within the screen's width: ${JSON.stringify(box)}`)
      assert.ok(box.width >= 40 && box.height >= 40, `${name} is a 40 px tap target: ${JSON.stringify(box)}`)
      // nothing covers it where a finger lands
      const hit = await p.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.dataset.test ?? null, [box.x + box.width / 2, box.y + box.height / 2])
      assert.equal(hit, name, `${name} is what a tap there reaches`)
    }
    // and one of them works by touch
    await area.locator('table').waitFor()
    await p.locator('[data-test="editor-tableDelete"]').tap()
    await area.locator('table').waitFor({ state: 'detached' })
  } finally {
    await phone.close()
  }
})
