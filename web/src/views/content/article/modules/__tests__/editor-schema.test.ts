import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { articleExtensions } from '../editor-schema'

/** What src/content/sanitize.cpp keeps; colgroup/col (the table's column widths) it drops harmlessly. */
const ALLOWED = new Set(['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sup', 'sub', 'span', 'ul', 'ol', 'li', 'blockquote', 'hr', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'colgroup', 'col'])
/** The only style declarations the sanitiser keeps (html_parts.cpp clean_style), as it writes them. */
const KEPT_STYLE = /^(text-align: (left|center|right|justify)(; text-indent: 2em)?|text-indent: 2em)$/

/** Every style attribute of the paragraphs and headings (a table's min-width the sanitiser drops with the attribute). */
const stylesOf = (html: string) => [...html.matchAll(/<(?:p|h[2-4]) style="([^"]*)"/g)].map((m) => m[1].replace(/;$/, ''))
/** Tiptap ends a style with ';', the sanitiser writes none: the same declarations. */
const styled = (html: string) => html.replace(/;"/g, '"')

const editors: Editor[] = []
function htmlOf(content: string): string {
  const editor = new Editor({ extensions: articleExtensions(), content })
  editors.push(editor)
  return editor.getHTML()
}
const tagsOf = (html: string) => {
  const host = document.createElement('div')
  host.innerHTML = html
  return [...host.querySelectorAll('*')].map((el) => el.tagName.toLowerCase())
}

afterEach(() => editors.splice(0).forEach((e) => e.destroy()))

describe('the article editor’s schema', () => {
  it('keeps what the sanitiser keeps', () => {
    const html = htmlOf(
      '<h2>标题</h2><h3>小节</h3><h4>条目</h4><p><strong>粗</strong><em>斜</em><u>线</u><br>' +
        '<a href="https://www.lanxi.gov.cn/">链接</a></p><ul><li><p>一</p></li></ul><ol><li><p>二</p></li></ol>' +
        '<blockquote><p>引</p></blockquote><img src="/api/v1/attachments/5" alt="现场">' +
        '<table><tbody><tr><th colspan="2"><p>表头</p></th></tr><tr><td><p>格</p></td><td rowspan="1"><p>格</p></td></tr></tbody></table>',
    )
    expect(html).toContain('<h2>标题</h2><h3>小节</h3><h4>条目</h4>')
    expect(html).toContain('<strong>粗</strong><em>斜</em><u>线</u><br>')
    expect(html).toMatch(/<a [^>]*href="https:\/\/www\.lanxi\.gov\.cn\/"[^>]*>链接<\/a>/)
    expect(html).toContain('<img src="/api/v1/attachments/5" alt="现场">')
    expect(html).toMatch(/<th colspan="2"[^>]*>/)
    expect(tagsOf(html).filter((tag) => !ALLOWED.has(tag))).toEqual([])
  })

  it('keeps strike, sub- and superscript and the horizontal rule', () => {
    const html = htmlOf('<p><s>删</s>H<sub>2</sub>O m<sup>2</sup></p><hr><p>后</p>')
    expect(html).toBe('<p><s>删</s>H<sub>2</sub>O m<sup>2</sup></p><hr><p>后</p>')
  })

  it('keeps alignment and the first-line indent, written as the sanitiser writes them', () => {
    const html = htmlOf(
      '<p style="text-align: center">居中</p><p style="text-align:right">右</p><p style="text-align: justify; text-indent: 2em">两端缩进</p>' +
        '<h3 style="text-align:center">标题</h3><p style="text-indent: 2em">缩进</p><p>左</p>',
    )
    expect(styled(html)).toBe(
      '<p style="text-align: center">居中</p><p style="text-align: right">右</p><p style="text-align: justify; text-indent: 2em">两端缩进</p>' +
        '<h3 style="text-align: center">标题</h3><p style="text-indent: 2em">缩进</p><p>左</p>',
    )
    for (const style of stylesOf(html)) expect(style).toMatch(KEPT_STYLE)
  })

  it('reads any positive first-line indent (Word’s 21.0pt, 0.74cm, 28px) as 首行缩进 2 字符, and no other', () => {
    const html = htmlOf('<p style="text-indent:21.0pt">甲</p><p style="text-indent: 0.74cm">乙</p><p style="text-indent:28px">丙</p>' +
      '<p style="text-indent:-18pt">丁</p><p style="text-indent:0">戊</p>')
    expect(styled(html)).toBe('<p style="text-indent: 2em">甲</p><p style="text-indent: 2em">乙</p><p style="text-indent: 2em">丙</p><p>丁</p><p>戊</p>')
  })

  it('keeps merged table cells (colspan, rowspan)', () => {
    const html = htmlOf(
      '<table><tbody><tr><th colspan="2"><p>合并表头</p></th></tr><tr><td rowspan="2"><p>跨两行</p></td><td><p>一</p></td></tr><tr><td><p>二</p></td></tr></tbody></table>',
    )
    expect(html).toMatch(/<th [^>]*colspan="2"[^>]*><p>合并表头<\/p><\/th>/)
    expect(html).toMatch(/<td [^>]*rowspan="2"[^>]*><p>跨两行<\/p><\/td>/)
    expect(tagsOf(html).filter((tag) => !ALLOWED.has(tag))).toEqual([])
  })

  it('drops what the sanitiser would, keeping the text', () => {
    const html = htmlOf(
      '<h1>大</h1><h5>小</h5><p style="color:red;font-size:20px;margin-left:3em"><code>码</code><font color="red">色</font></p>' +
        '<pre><code>代码</code></pre><p><a href="javascript:alert(1)">坏</a><img src="file:///C:/a.png"><img src="data:image/png;base64,AA">' +
        '<img src="https://www.lanxi.gov.cn/logo.png"></p>',
    )
    expect(tagsOf(html).filter((tag) => !ALLOWED.has(tag))).toEqual([])
    expect(html).not.toMatch(/style=|javascript:|file:|data:|https:\/\/www|<pre|<code/)
    for (const text of ['大', '小', '码', '色', '代码', '坏']) expect(html).toContain(text)
  })

  it('links only to the web, mail and the site’s own pages', () => {
    expect(htmlOf('<p><a href="/laws/民法典">法条</a></p>')).toContain('href="/laws/民法典"')
    expect(htmlOf('<p><a href="mailto:sfj@lanxi.gov.cn">信</a></p>')).toContain('href="mailto:sfj@lanxi.gov.cn"')
    expect(htmlOf('<p><a href="ftp://x.org/a">档</a></p>')).not.toContain('<a')
  })
})

describe('Word and WPS pastes through the editor', () => {
  it('keep alignment, the first-line indent, lists and merged cells', async () => {
    const { cleanPastedHtml } = await import('../paste')
    const word = `<p class=MsoNormal align=center style='text-align:center'><b>关于开展宪法宣传周活动的通知</b></p>
<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'>各乡镇（街道）：</p>
<p class=MsoListParagraph style='margin-left:18pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><![endif]>进村入户</p>
<table class=MsoTableGrid border=1><tr><td colspan=2><p class=MsoNormal align=center>合并</p></td></tr><tr><td><p>甲</p></td><td><p>乙</p></td></tr></table>
<p class=MsoNormal align=right style='text-align:right'>兰溪市司法局</p>`
    const html = styled(htmlOf(cleanPastedHtml(word)))
    expect(html).toContain('<p style="text-align: center"><strong>关于开展宪法宣传周活动的通知</strong></p>')
    expect(html).toContain('<p style="text-indent: 2em">各乡镇（街道）：</p>')
    expect(html).toMatch(/<ol><li><p>进村入户<\/p><\/li><\/ol>/)
    expect(html).toMatch(/<td [^>]*colspan="2"[^>]*><p style="text-align: center">合并<\/p><\/td>/)
    expect(html).toContain('<p style="text-align: right">兰溪市司法局</p>')
    for (const style of stylesOf(html)) expect(style).toMatch(KEPT_STYLE)
  })
})

describe('the reviewer’s paragraph comments in the editor', () => {
  it('sit beside their paragraph, follow it as the author edits, and are never saved', async () => {
    const { setNotes } = await import('../review-notes')
    const host = document.createElement('div')
    document.body.append(host)
    const editor = new Editor({ element: host, extensions: articleExtensions(), content: '<p>第一段</p><p>第二段</p><p>第三段</p>' })
    editors.push(editor)
    editor.view.dispatch(setNotes(editor.state.tr, [{ paragraph: 1, texts: ['请核实人数'], label: '第 2 段' }]))
    const note = () => host.querySelector('[data-test="paragraph-comment"]')
    expect(note()?.textContent).toContain('请核实人数')
    expect(note()?.nextElementSibling?.textContent).toBe('第二段')
    expect(host.querySelector('.has-review-note')?.textContent).toBe('第二段')
    // a new paragraph above: the comment stays with 第二段
    editor.commands.insertContentAt(0, '<p>新增段</p>')
    expect(host.querySelector('.has-review-note')?.textContent).toBe('第二段')
    expect(editor.getHTML()).not.toContain('请核实人数')
    host.remove()
  })
})
