import { describe, expect, it } from 'vitest'
import { cleanPastedHtml } from '../paste'

/** What Word puts on the clipboard, shortened. */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {margin:0cm} --></style></head>
<body lang=ZH-CN>
<!--StartFragment-->
<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><b><span style='font-family:宋体;mso-ascii-font-family:Calibri'>宪法宣传周</span></b><span lang=EN-US>活动<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>进村入户</p>
<p class=MsoListParagraph style='margin-left:18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>以案释法</p>
<p class=MsoNormal>说明</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>讲座</p>
<p class=MsoNormal><img width=100 src="file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png"><v:shape id="x"><v:imagedata src="x.png"/></v:shape><img src="https://www.lanxi.gov.cn/logo.png" alt="徽标"></p>
<!--EndFragment-->
</body></html>`

const clean = () => {
  const host = document.createElement('div')
  host.innerHTML = cleanPastedHtml(WORD)
  return host
}

describe('cleanPastedHtml (Word, WPS)', () => {
  it('drops Office markup: comments, <o:p>, <v:…>, styles, classes and mso- declarations', () => {
    const html = cleanPastedHtml(WORD)
    expect(html).not.toMatch(/<!--|o:p|v:shape|v:imagedata|<style|class=|mso-|lang=/i)
    expect(html).toContain('<b><span style="font-family:宋体">宪法宣传周</span></b><span>活动</span>')
    expect(html).toContain('<p style="text-indent:21.0pt">')
  })

  it('makes real lists of Word’s list paragraphs, without their typed numbers and bullets', () => {
    const host = clean()
    const ol = host.querySelector('ol')
    expect([...ol!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['进村入户', '以案释法'])
    const ul = host.querySelector('ul')
    expect([...ul!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['讲座'])
    // the paragraph between them stays a paragraph, in its place
    expect(ol!.nextElementSibling?.textContent).toBe('说明')
  })

  it('keeps only pictures among our attachments, and counts the others it leaves out', () => {
    const report = { droppedImages: 0 }
    const host = document.createElement('div')
    host.innerHTML = cleanPastedHtml(WORD, report)
    expect([...host.querySelectorAll('img')]).toEqual([])
    // Word's file:/// picture and the other site's: the server would refuse the article with either
    expect(report.droppedImages).toBe(2)
    expect(cleanPastedHtml('<p><img src="/api/v1/attachments/12" alt="照片"></p>')).toContain('src="/api/v1/attachments/12"')
    expect(cleanPastedHtml('<img src="data:image/png;base64,AAAA">')).toBe('')
  })

  it('keeps Word’s alignment and first-line indent for the editor to read (the align attribute too)', () => {
    const word = `<p class=MsoNormal align=center style='text-align:center;mso-line-height-alt:12pt'>标题</p>
<p class=MsoNormal align=right>落款</p>
<p class=MsoNormal style='text-align:justify;text-indent:21.0pt;mso-char-indent-count:2.0'>正文</p>`
    const host = document.createElement('div')
    host.innerHTML = cleanPastedHtml(word)
    const [title, sign, body] = [...host.querySelectorAll('p')]
    expect(title.style.textAlign).toBe('center')
    expect(sign.style.textAlign).toBe('right')
    expect(body.style.textAlign).toBe('justify')
    expect(body.style.textIndent).toBe('21pt')
    expect(host.innerHTML).not.toMatch(/align=|mso-/)
  })

  it('writes h1 as h2 and h5, h6 as h4, as the server does', () => {
    expect(cleanPastedHtml('<h1 style="text-align:center">大</h1><h5>小</h5><h6>更小</h6>')).toBe(
      '<h2 style="text-align:center">大</h2><h4>小</h4><h4>更小</h4>',
    )
  })

  it('keeps a Word table’s merged cells', () => {
    const html = cleanPastedHtml(
      `<table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'><tr><td colspan=2 style='mso-border-alt:solid'><p class=MsoNormal align=center>合并</p></td></tr><tr><td rowspan=2><p>甲</p></td><td><p>乙</p></td></tr></table>`,
    )
    const host = document.createElement('div')
    host.innerHTML = html
    expect(host.querySelector('td[colspan="2"] p')?.getAttribute('style')).toBe('text-align: center')
    expect(host.querySelector('td[rowspan="2"]')?.textContent).toBe('甲')
  })

  it('leaves plain HTML as it is', () => {
    const html = '<h2>标题</h2><p>正文<a href="https://example.org/">链接</a></p><table><tbody><tr><td colspan="2">格</td></tr></tbody></table>'
    expect(cleanPastedHtml(html)).toBe(html)
  })
})
