import { describe, expect, it } from 'vitest'
import { cardLinesOf, cardTitleOf, columnsFor, type TableColumn } from '../columns'

const cols: TableColumn[] = [
  { key: 'no', label: 'n', card: false },
  { key: 'title', label: 't' },
  { key: 'date', label: 'd' },
  { key: 'unit', label: 'u', minScreen: 1440 },
  { key: 'theme', label: 'th', minScreen: 1600, card: false },
]

describe('table columns', () => {
  it('head a phone card with the first column on it, or the one marked title', () => {
    expect(cardTitleOf(cols)?.key).toBe('title')
    expect(cardTitleOf([...cols, { key: 'name', label: 'x', card: 'title' }])?.key).toBe('name')
    expect(cardLinesOf(cols).map((c) => c.key)).toEqual(['date', 'unit'])
  })

  it('leave the less important columns out below their screen width', () => {
    expect(columnsFor(cols, 1366).map((c) => c.key)).toEqual(['no', 'title', 'date'])
    expect(columnsFor(cols, 1440).map((c) => c.key)).toEqual(['no', 'title', 'date', 'unit'])
    expect(columnsFor(cols, 1920)).toHaveLength(5)
  })
})
