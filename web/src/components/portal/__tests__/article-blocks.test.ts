import { describe, expect, it } from 'vitest'
import { excerpt, topBlocks } from '../article-blocks'

describe('topBlocks: the body’s paragraphs as a comment numbers them', () => {
  it('counts each top-level block from 0, lists and tables as one', () => {
    const blocks = topBlocks('<h2>标题</h2><p>一</p><ul><li><p>甲</p></li><li><p>乙</p></li></ul><table><tbody><tr><td><p>格</p></td></tr></tbody></table><hr><p>二</p>')
    expect(blocks.map((b) => b.text)).toEqual(['标题', '一', '甲乙', '格', '', '二'])
    expect(blocks[2].html).toBe('<ul><li><p>甲</p></li><li><p>乙</p></li></ul>')
  })

  it('takes inline content between blocks as one paragraph, as the editor does, and skips blank text', () => {
    const blocks = topBlocks('\n<p>一</p>\n文字<strong>加粗</strong>\n<p>二</p>')
    expect(blocks.map((b) => b.text.trim())).toEqual(['一', '文字加粗', '二'])
    expect(blocks[1].html.startsWith('<p>')).toBe(true)
  })

  it('shortens a long paragraph for a list to choose from', () => {
    expect(excerpt('  一二三四五  六七 ', 5)).toBe('一二三四五…')
    expect(excerpt('短')).toBe('短')
  })
})
