/** A column of a staff list (components/table/data-table.vue): the table's column on a desktop, a line of the row's card on a phone. */

export interface TableColumn<K extends string = string> {
  key: K
  /** i18n key of the header (and of the card line's label). */
  label: string
  /** Pixels at the normal font (the table scales them for 适老化). */
  width?: number
  minWidth?: number
  align?: 'left' | 'center' | 'right'
  /** Sorted by the server (`sort=key` / `-key`). */
  sortable?: boolean
  /** Long text cut to the cell, the whole in a tooltip. */
  tooltip?: boolean
  /** Stays in view while the table scrolls sideways. */
  fixed?: 'left' | 'right'
  /** i18n key of a tooltip on the header, saying what the figure counts. */
  hint?: string
  /** Shown only on screens at least this wide (px): a less important column gives way at 1366 px. */
  minScreen?: number
  /** On a phone's card: 'title' heads the card (default: the first column); false leaves it off the card. */
  card?: 'title' | false
}

/** The column that heads a row's card: the one marked 'title', else the first. */
export function cardTitleOf<C extends TableColumn>(columns: C[]): C | undefined {
  return columns.find((c) => c.card === 'title') ?? columns.find((c) => c.card !== false)
}

/** The card's labelled lines: every column but the title and those left off. */
export function cardLinesOf<C extends TableColumn>(columns: C[]): C[] {
  const title = cardTitleOf(columns)
  return columns.filter((c) => c !== title && c.card !== false)
}

/** The columns a screen this wide shows. */
export function columnsFor<C extends TableColumn>(columns: C[], screenWidth: number): C[] {
  return columns.filter((c) => !c.minScreen || screenWidth >= c.minScreen)
}
