import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { articleExtensions } from '../editor-schema'

/** What src/content/sanitize.cpp keeps; colgroup/col (the table's column widths) it drops harmlessly. */
const ALLOWED = new Set(['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 'span', 'ul', 'ol', 'li', 'blockquote', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'colgroup', 'col'])

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

  it('drops what the sanitiser would, keeping the text', () => {
    const html = htmlOf(
      '<h1>大</h1><h5>小</h5><p style="text-align:center"><s>删</s><sup>上</sup><sub>下</sub><code>码</code><font color="red">色</font></p>' +
        '<pre><code>代码</code></pre><hr><p><a href="javascript:alert(1)">坏</a><img src="file:///C:/a.png"><img src="data:image/png;base64,AA"></p>',
    )
    expect(tagsOf(html).filter((tag) => !ALLOWED.has(tag))).toEqual([])
    expect(html).not.toMatch(/style=|javascript:|file:|data:|<hr|<pre|<code/)
    for (const text of ['大', '小', '删', '上', '下', '码', '色', '代码', '坏']) expect(html).toContain(text)
  })

  it('links only to the web, mail and the site’s own pages', () => {
    expect(htmlOf('<p><a href="/laws/民法典">法条</a></p>')).toContain('href="/laws/民法典"')
    expect(htmlOf('<p><a href="mailto:sfj@lanxi.gov.cn">信</a></p>')).toContain('href="mailto:sfj@lanxi.gov.cn"')
    expect(htmlOf('<p><a href="ftp://x.org/a">档</a></p>')).not.toContain('<a')
  })
})
