import { describe, expect, it } from 'vitest'
import { inlineImageIds, listedAttachments, type Attachment } from '../content'

const file = (id: number): Attachment => ({ id, name: `附件${id}`, size: 1, url: `/api/v1/attachments/${id}` })

describe('the pictures of an article body', () => {
  it('are the attachments its <img> show, each once', () => {
    const html =
      '<p>文</p><img src="/api/v1/attachments/7" alt="现场"><p><img alt="a" src="/api/v1/attachments/9"></p>' +
      '<img src="/api/v1/attachments/7"><img src="https://example.org/x.png"><a href="/api/v1/attachments/3">下载</a>'
    expect(inlineImageIds(html)).toEqual([7, 9])
  })

  it('are not listed among the files to download', () => {
    const a = { body_html: '<img src="/api/v1/attachments/2">', attachments: [file(1), file(2), file(3)] }
    expect(listedAttachments(a).map((f) => f.id)).toEqual([1, 3])
  })
})
