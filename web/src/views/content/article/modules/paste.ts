/**
 * What is pasted into the article editor from Word or WPS, cleaned before the editor's schema reads it:
 * Office's own markup goes (comments, <o:p>, <v:…>, <style>, class names, mso- styles), Word's list
 * paragraphs become real lists without their typed bullets, `align="center"` becomes the style the editor
 * reads (alignment and the first-line indent survive as `text-align` / `text-indent`), h1 becomes h2 and
 * h5/h6 h4 (as the server writes them), and pictures that are not among our attachments (Word's file:///
 * pictures, another site's: the server refuses those) are left out and counted, so the page can say so.
 * The schema then keeps only what it knows (the server's allow-list again, on saving).
 */

/** The images the server keeps in a body: our own attachments (another site's would be refused). */
export const KEPT_IMAGE = /^\/api\/v1\/attachments\/\d+(?:[?#]|$)/i

/** Office elements that carry no text of the article. */
const DROPPED = new Set(['STYLE', 'SCRIPT', 'META', 'LINK', 'TITLE', 'XML'])
/** Word's typed list marker: a span the other word processors ignore. */
const LIST_MARKER = /mso-list:\s*ignore/i
/** A paragraph Word made a list item of (`mso-list:l0 level1 lfo1`). */
const LIST_ITEM = /mso-list:\s*l\d/i
/** 1. 2) （三） a. 一、: the marker of a numbered item. */
const NUMBERED = /^[\s(（]*[0-9０-９a-zA-Z一二三四五六七八九十百]+[.．、)）]/

function removeComments(root: Node) {
  const doc = root.ownerDocument ?? (root as Document)
  const walker = doc.createTreeWalker(root, 0x80 /* NodeFilter.SHOW_COMMENT */)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  comments.forEach((c) => c.parentNode?.removeChild(c))
}

/** Style declarations without Office's own (mso-…); null when nothing is left. */
function cleanStyle(style: string): string | null {
  const kept = style
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^mso-/i.test(d))
  return kept.length ? kept.join('; ') : null
}

/** What the editor's schema reads of a block's alignment: the old `align` attribute Word still writes. */
const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify'])
const ALIGNED = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DIV', 'TD', 'TH', 'LI'])
/** Heading levels as the server writes them: the title is the page's h1, h4 the deepest. */
const HEADING_AS: Record<string, string> = { H1: 'h2', H5: 'h4', H6: 'h4' }

/** What the cleaning left out that the author should know about. */
export interface PasteReport {
  /** Pictures not among our attachments (Word's own, another site's). */
  droppedImages: number
}

function alignAsStyle(el: Element) {
  const align = el.getAttribute('align')?.toLowerCase()
  if (align === null || align === undefined) return
  el.removeAttribute('align')
  if (!ALIGNMENTS.has(align) || !ALIGNED.has(el.tagName)) return
  const style = el.getAttribute('style') ?? ''
  if (!/text-align\s*:/i.test(style)) el.setAttribute('style', `${style ? `${style.replace(/;\s*$/, '')}; ` : ''}text-align: ${align}`)
}

/** The same element under another tag name (h1 → h2), with its attributes and children. */
function renamed(el: Element, tag: string): Element {
  const out = el.ownerDocument.createElement(tag)
  for (const a of [...el.attributes]) out.setAttribute(a.name, a.value)
  out.append(...el.childNodes)
  el.replaceWith(out)
  return out
}

const isMarker = (el: Element) => LIST_MARKER.test(el.getAttribute('style') ?? '')
const isListItem = (el: Element | null) => el?.tagName === 'P' && LIST_ITEM.test(el.getAttribute('style') ?? '')

/** Consecutive Word list paragraphs as one <ol> or <ul> (numbered when the first item's marker is). */
function rebuildLists(body: HTMLElement) {
  const doc = body.ownerDocument
  for (const first of [...body.querySelectorAll('p')]) {
    if (!first.isConnected || !isListItem(first)) continue
    const items: Element[] = [first]
    for (let next = first.nextElementSibling; isListItem(next); next = next!.nextElementSibling) items.push(next!)
    const marker = [...first.querySelectorAll('[style]')].find(isMarker)
    const list = doc.createElement(marker && NUMBERED.test(marker.textContent ?? '') ? 'ol' : 'ul')
    first.before(list)
    for (const item of items) {
      for (const m of [...item.querySelectorAll('[style]')].filter(isMarker)) m.remove()
      const li = doc.createElement('li')
      li.append(...item.childNodes)
      list.append(li)
      item.remove()
    }
  }
}

export function cleanPastedHtml(html: string, report?: PasteReport): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const body = doc.body
  removeComments(body)
  rebuildLists(body)
  for (const found of [...body.querySelectorAll('*')]) {
    if (!found.isConnected) continue
    const dropped =
      found.tagName.includes(':') ||
      DROPPED.has(found.tagName) ||
      isMarker(found) ||
      (found.tagName === 'IMG' && !KEPT_IMAGE.test(found.getAttribute('src') ?? ''))
    if (dropped) {
      if (found.tagName === 'IMG' && report) report.droppedImages++
      found.remove()
      continue
    }
    const el = HEADING_AS[found.tagName] ? renamed(found, HEADING_AS[found.tagName]) : found
    alignAsStyle(el)
    const style = el.getAttribute('style') ?? ''
    el.removeAttribute('class')
    el.removeAttribute('lang')
    if (style) {
      const kept = cleanStyle(style)
      if (kept) el.setAttribute('style', kept)
      else el.removeAttribute('style')
    }
  }
  return body.innerHTML
}
