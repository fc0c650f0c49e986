import { describe, expect, it } from 'vitest'
import { formatPercent, formatRate } from '../format'

describe('rates as people read them', () => {
  it('write the server’s rate as a percentage to one decimal', () => {
    expect(formatRate(0.874)).toBe('87.4%')
    expect(formatRate(1)).toBe('100%')
    expect(formatRate(0)).toBe('0%')
  })

  it('write "-" where there is no rate (nobody eligible, nobody sat), never 0', () => {
    expect(formatRate(null)).toBe('-')
    expect(formatRate(undefined)).toBe('-')
    expect(formatPercent(0, 0)).toBe('-')
  })
})
