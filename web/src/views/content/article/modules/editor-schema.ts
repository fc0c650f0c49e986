/**
 * The article editor's schema: exactly what the server's sanitiser keeps (src/content/sanitize.cpp,
 * html_parts.cpp; docs/content.md): paragraphs, headings h2–h4, bold, italic, underline, strike, sub- and
 * superscript, lists, quotes, horizontal rules, links to http, https, mailto and site paths, pictures among
 * our attachments, tables with merged cells (colspan/rowspan); and on paragraphs and headings the two styles
 * it keeps: `text-align` (left, center, right, justify) and the first-line indent (`text-indent: 2em`).
 * Whatever else is pasted or loaded is dropped by the schema, keeping its text.
 */
import type { Extensions } from '@tiptap/core'
import { Image } from '@tiptap/extension-image'
import { Subscript } from '@tiptap/extension-subscript'
import { Superscript } from '@tiptap/extension-superscript'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { TextAlign } from '@tiptap/extension-text-align'
import { StarterKit } from '@tiptap/starter-kit'
import { FirstLineIndent } from './first-line-indent'
import { KEPT_IMAGE } from './paste'
import { ReviewNotes } from './review-notes'

/** The link addresses the sanitiser keeps. */
export const LINK_RE = /^(https?:\/\/\S+|\/\S*|mailto:\S+)$/i

/** The alignments the sanitiser keeps, in the toolbar's order. */
export const ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const
export type Alignment = (typeof ALIGNMENTS)[number]

/** The blocks that take an alignment and a first-line indent (the sanitiser keeps both on p and h2–h4). */
const STYLED = ['paragraph', 'heading']

export const articleExtensions = (): Extensions => [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      HTMLAttributes: { rel: 'noopener', target: null },
      isAllowedUri: (url) => LINK_RE.test(url),
    },
  }),
  Subscript,
  Superscript,
  TextAlign.configure({ types: STYLED, alignments: [...ALIGNMENTS] }),
  FirstLineIndent.configure({ types: STYLED }),
  Image.extend({
    // a picture from elsewhere (file:///, data:, another site) is not one the portal could show
    parseHTML: () => [{ tag: 'img[src]', getAttrs: (el) => (KEPT_IMAGE.test(el.getAttribute('src') ?? '') ? null : false) }],
  }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  ReviewNotes,
]
