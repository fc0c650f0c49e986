/**
 * 首行缩进 2 字符: a paragraph's (or heading's) first-line indent, written `style="text-indent: 2em"` — the one
 * indent the server's sanitiser keeps. Pasted from Word or WPS, any positive first-line indent (`21.0pt`,
 * `2em`, `0.74cm`, `28px`) reads as it; a hanging indent (negative, Word's lists) or 0 reads as none.
 */
import { Extension } from '@tiptap/core'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    firstLineIndent: {
      /** Indents the blocks of the selection, or takes the indent off when the first of them has it. */
      toggleFirstLineIndent: () => ReturnType
    }
  }
}

export const INDENT_STYLE = 'text-indent: 2em'

/** A CSS `text-indent` value that indents the first line (a positive length of any unit). */
export function indentsFirstLine(value: string | null | undefined): boolean {
  const n = Number.parseFloat((value ?? '').trim())
  return Number.isFinite(n) && n > 0
}

export interface FirstLineIndentOptions {
  types: string[]
}

export const FirstLineIndent = Extension.create<FirstLineIndentOptions>({
  name: 'firstLineIndent',

  addOptions() {
    return { types: ['paragraph', 'heading'] }
  },

  addGlobalAttributes() {
    return [
      {
        types: this.options.types,
        attributes: {
          indent: {
            default: false,
            parseHTML: (element) => indentsFirstLine(element.style.textIndent),
            renderHTML: (attributes) => (attributes.indent ? { style: INDENT_STYLE } : {}),
          },
        },
      },
    ]
  },

  addCommands() {
    return {
      toggleFirstLineIndent:
        () =>
        ({ editor, commands }) => {
          const on = this.options.types.some((type) => editor.isActive(type, { indent: true }))
          return this.options.types.map((type) => commands.updateAttributes(type, { indent: !on })).some(Boolean)
        },
    }
  },
})
