/**
 * What is pasted into the article editor from Word or WPS, cleaned before the editor's schema reads it:
 * Office's own markup goes (comments, <o:p>, <v:…>, <style>, class names, mso- styles), Word's list
 * paragraphs become real lists without their typed bullets, and images that are not on the web or
 * among our attachments (Word's file:/// pictures) are left out. The schema then keeps only what it
 * knows (the server's allow-list again, on saving).
 */

/** The images the server keeps: on the web, or our own attachments. */
export const KEPT_IMAGE = /^(https?:\/\/|\/api\/v1\/attachments\/)/i

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

export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const body = doc.body
  removeComments(body)
  rebuildLists(body)
  for (const el of [...body.querySelectorAll('*')]) {
    if (!el.isConnected) continue
    const style = el.getAttribute('style') ?? ''
    const dropped =
      el.tagName.includes(':') ||
      DROPPED.has(el.tagName) ||
      isMarker(el) ||
      (el.tagName === 'IMG' && !KEPT_IMAGE.test(el.getAttribute('src') ?? ''))
    if (dropped) {
      el.remove()
      continue
    }
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
