/**
 * An article body's top-level blocks, numbered from 0 as a reviewer's comment names them (`paragraph`):
 * each block element (p, h2–h4, ul, ol, blockquote, table, hr, div) is one; inline content between blocks
 * (text, a bold word) is one block, as the editor wraps it in a paragraph. The editor's top-level nodes and
 * these are the same list for what the editor writes.
 */
const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'BLOCKQUOTE', 'TABLE', 'HR', 'PRE', 'FIGURE'])

export interface TopBlock {
  /** The block's own HTML (already sanitised by the server: it is shown as it is). */
  html: string
  /** Its text, for a short excerpt. */
  text: string
}

export function topBlocks(html: string): TopBlock[] {
  const host = document.createElement('template')
  host.innerHTML = html
  const out: TopBlock[] = []
  let inline: Node[] = []
  const flushInline = () => {
    const text = inline.map((n) => n.textContent ?? '').join('')
    if (text.trim() || inline.some((n) => n.nodeName === 'IMG')) {
      const wrap = document.createElement('p')
      wrap.append(...inline.map((n) => n.cloneNode(true)))
      out.push({ html: wrap.outerHTML, text })
    }
    inline = []
  }
  for (const node of [...host.content.childNodes]) {
    if (node.nodeType === 1 && BLOCK.has(node.nodeName)) {
      flushInline()
      out.push({ html: (node as Element).outerHTML, text: node.textContent ?? '' })
    } else if (node.nodeType === 1 || node.nodeType === 3) {
      inline.push(node)
    }
  }
  flushInline()
  return out
}

/** The first characters of a block, for a list of paragraphs to choose from. */
export function excerpt(text: string, max = 24): string {
  const s = text.replace(/\s+/g, ' ').trim()
  return s.length > max ? `${s.slice(0, max)}…` : s
}
