/**
 * The article editor's schema: only what the server's sanitiser keeps (src/content/sanitize.cpp allows
 * p br h2 h3 h4 strong b em i u span ul ol li blockquote a img table thead tbody tr th td, links to
 * http, https, mailto and site paths, pictures among our attachments or on the web, colspan/rowspan;
 * no style attributes). Whatever else is pasted or loaded is dropped by the schema, keeping its text.
 */
import type { Extensions } from '@tiptap/core'
import { Image } from '@tiptap/extension-image'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { StarterKit } from '@tiptap/starter-kit'
import { KEPT_IMAGE } from './paste'

/** The link addresses the sanitiser keeps. */
export const LINK_RE = /^(https?:\/\/\S+|\/\S*|mailto:\S+)$/i

export const articleExtensions = (): Extensions => [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: {
      openOnClick: false,
      HTMLAttributes: { rel: 'noopener', target: null },
      isAllowedUri: (url) => LINK_RE.test(url),
    },
  }),
  Image.extend({
    // a picture from elsewhere (file:///, data:) is not one the portal could show
    parseHTML: () => [{ tag: 'img[src]', getAttrs: (el) => (KEPT_IMAGE.test(el.getAttribute('src') ?? '') ? null : false) }],
  }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
]
