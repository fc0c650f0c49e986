import { describe, expect, it } from 'vitest'
import { adoptionOf, CORRECTED, OUTCOMES, type SubmissionSummary } from '@/api/legality'
import { rulesState } from '../modules/rules-state'
import { clockTag, fieldKey, screenField, sentPoints } from '../shared'

const item = (fields: Partial<SubmissionSummary>) => ({
  status: 'reviewing' as const, paused: false, overdue: false, days_left: 3, on_time: null, ...fields,
})

describe('合法性审核 pages', () => {
  it('words the clock: working days left, today, overdue, paused, and after the opinion on time or late', () => {
    expect(clockTag(item({}))).toEqual({ text: '剩 3 个工作日', type: 'info' })
    expect(clockTag(item({ days_left: 0 }))?.text).toBe('今日到期')
    expect(clockTag(item({ overdue: true, days_left: -2 }))).toEqual({ text: '逾期 2 个工作日', type: 'danger' })
    expect(clockTag(item({ status: 'material_requested', paused: true, days_left: null }))).toEqual({ text: '暂停计时', type: 'warning' })
    expect(clockTag(item({ status: 'issued', days_left: null, on_time: true }))?.text).toBe('按期出具')
    expect(clockTag(item({ status: 'closed', days_left: null, overdue: true, on_time: false }))).toEqual({ text: '逾期出具', type: 'danger' })
    expect(clockTag(item({ status: 'withdrawn', days_left: null }))).toBeNull()
  })

  it('puts a citation the library lacks under the citation typed, empty points and citations counted in', () => {
    const screen = [
      { text: '', citations: [''] },
      { text: '第五条罚款规定缺乏上位法依据', citations: ['', '《行政处罚法》第十四条', '民法典 第1077条'] },
    ]
    expect(sentPoints(screen)).toEqual([{ text: '第五条罚款规定缺乏上位法依据', citations: ['《行政处罚法》第十四条', '民法典 第1077条'] }])
    expect(screenField('points[0].citations[1]', screen)).toBe('points[1].citations[2]')
    expect(screenField('points.0.citations.0', screen)).toBe('points[1].citations[1]')
    expect(screenField('points[0].text', screen)).toBe('points[1].text')
    expect(screenField('points', screen)).toBe('points')
    expect(fieldKey('points.2.text')).toBe('points[2].text')
  })

  it('reads the adoption of a row (a code) and of the detail (a record) alike', () => {
    expect(adoptionOf({ adoption: 'with_changes' })).toEqual({ outcome: 'with_changes', on: '', note: null })
    expect(adoptionOf({ adoption: { outcome: 'as_reviewed', on: '2020-04-20', note: '已删除第五条' } })?.on).toBe('2020-04-20')
    expect(adoptionOf({ adoption: null })).toBeNull()
  })

  it('offers each kind of case its outcomes, the corrected ones among them', () => {
    for (const kind of ['reconsideration', 'litigation'] as const) {
      expect(CORRECTED.every((o) => OUTCOMES[kind].includes(o))).toBe(true)
    }
  })

  it('words a 村规民约\'s review state', () => {
    expect(rulesState({ lawful: true, review: { submission_id: 1, status: 'closed', conclusion: 'lawful', issued_on: '2020-04-13' } }).text).toBe('审核合法')
    expect(rulesState({ lawful: false, review: { submission_id: 1, status: 'reviewing', conclusion: null, issued_on: null } }))
      .toEqual({ text: '审核中', type: 'primary', open: true })
    expect(rulesState({ lawful: false, review: { submission_id: 1, status: 'issued', conclusion: 'lawful', issued_on: '2020-04-13' } }).text)
      .toBe('文本已修改，待重新审核')
    expect(rulesState({ lawful: false, review: null }).text).toBe('未审核')
  })
})
