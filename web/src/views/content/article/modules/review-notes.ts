/**
 * The reviewer's comments on paragraphs of a returned article, shown in the editor beside the paragraph they
 * are on: the block is marked and the comment sits above it (not part of the text: nothing of it is saved).
 * Paragraphs are the document's top-level blocks numbered from 0, as the comments name them. As the author
 * edits, each comment stays with its paragraph (the decorations follow the edits); new comments (a reload)
 * are placed again by number.
 */
import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

export interface ParagraphNote {
  /** The top-level block, from 0. */
  paragraph: number
  texts: string[]
  /** What heads the note (第 2 段). */
  label: string
}

export const reviewNotesKey = new PluginKey<DecorationSet>('reviewNotes')

function noteElement(note: ParagraphNote): HTMLElement {
  const box = document.createElement('div')
  box.className = 'review-note'
  box.contentEditable = 'false'
  box.setAttribute('data-test', 'paragraph-comment')
  box.dataset.paragraph = String(note.paragraph)
  box.setAttribute('role', 'note')
  const head = document.createElement('strong')
  head.textContent = note.label
  box.append(head)
  for (const text of note.texts) {
    const line = document.createElement('span')
    line.textContent = text
    box.append(line)
  }
  return box
}

export function notesDecorations(doc: PmNode, notes: ParagraphNote[]): DecorationSet {
  const byIndex = new Map(notes.map((n) => [n.paragraph, n]))
  const decorations: Decoration[] = []
  let index = 0
  doc.forEach((node, offset) => {
    const note = byIndex.get(index)
    if (note) {
      decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: 'has-review-note' }))
      decorations.push(
        Decoration.widget(offset, () => noteElement(note), { side: -1, key: `review-note-${index}-${note.texts.join('|')}`, ignoreSelection: true }),
      )
    }
    index++
  })
  return DecorationSet.create(doc, decorations)
}

/** A transaction that places `notes` afresh (after the document was loaded). */
export const setNotes = (tr: Transaction, notes: ParagraphNote[]) => tr.setMeta(reviewNotesKey, notes)

export const ReviewNotes = Extension.create({
  name: 'reviewNotes',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: reviewNotesKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const notes = tr.getMeta(reviewNotesKey) as ParagraphNote[] | undefined
            if (notes) return notesDecorations(tr.doc, notes)
            return set.map(tr.mapping, tr.doc)
          },
        },
        props: {
          decorations: (state) => reviewNotesKey.getState(state),
        },
      }),
    ]
  },
})
