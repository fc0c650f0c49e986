import { afterEach, describe, expect, it } from 'vitest'
import { byPart, criterionOfField, itemOfField, levelRank, scoresOf, sum, type Sheet } from '@/api/village'
import { TODO_LINKS } from '@/components/todo/todo-links'
import { i18n } from '@/locales'
import { villageRoutes } from '@/router/routes/village'
import { coverageChart, ordered } from '../coverage/chart'
import { liveLine, mayScoreCounty, mayScoreTownship, outranks, points, scoreProblem, unscored } from '../shared'

const live = { year: 2026, activities: 12, legal_literate: 3, advisor_days: 19, village_rules: 'lawful' as const }
const caller = (perms: string[], level: number | null) => ({ can: (p: string) => p.split('|').some((x) => perms.includes(x)), level })
const sheet = (round: 'open' | 'reviewing' | 'published', status: Sheet['status']) => ({ round: { id: 1, year: 2026, title: '', target_level: 'jinhua' as const, status: round }, status })
const row = (name: string, villages: number, named: number) => ({
  township_id: 1, name, villages, national: 0, provincial: 0, jinhua: named, county: 0, none: villages - named, named_rate: named / villages,
})

describe('民主法治村 pages', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('groups a sheet\'s criteria by the standard\'s five parts in order, each with its points', () => {
    const items = [
      { id: 3, part: 'rule_of_law' as const, seq: 3, points: 8 },
      { id: 1, part: 'organisation' as const, seq: 1, points: 6 },
      { id: 2, part: 'organisation' as const, seq: 2, points: 4.5 },
      { id: 4, part: 'support' as const, seq: 4, points: 5 },
    ]
    expect(byPart(items).map((g) => [g.part, g.items.map((c) => c.id), g.points])).toEqual([
      ['organisation', [1, 2], 10.5], ['rule_of_law', [3], 8], ['support', [4], 5],
    ])
  })

  it('totals to one decimal, sends only the scores typed, and reads the criterion a score error names', () => {
    expect(sum([0.1, 0.2, null, undefined])).toBe(0.3)
    expect(sum([5.26, 3.76, 6.68])).toBe(15.7)
    expect(scoresOf({ 1: 4.5, 2: null, 3: undefined, 4: 0 })).toEqual({ 1: 4.5, 4: 0 })
    expect(criterionOfField('scores.12')).toBe(12)
    expect(criterionOfField('scores[7]')).toBe(7)
    expect(criterionOfField('note')).toBeNull()
    expect(itemOfField('items[3].title')).toEqual([3, 'title'])
    expect(itemOfField('items.0.points')).toEqual([0, 'points'])
    expect(itemOfField('name')).toBeNull()
  })

  it('words the live figure beside a criterion in the reader\'s language, the server\'s words without figures', () => {
    expect(liveLine('activities', live)).toBe('2026 年普法活动 12 场')
    expect(liveLine('advisor_days', live)).toBe('2026 年法律顾问已核实服务日 19 天')
    expect(liveLine('village_rules', { ...live, village_rules: 'none' })).toBe('未录入村规民约')
    expect(liveLine(null, live)).toBeNull()
    expect(liveLine('legal_literate', undefined, '法律明白人 3 名')).toBe('法律明白人 3 名')
    i18n.global.locale.value = 'en'
    expect(liveLine('legal_literate', live)).toBe('3 legal literates')
  })

  it('lets a township\'s liaison score while the round is open and the coordinator while it is reviewing', () => {
    const liaison = caller(['village.read', 'village.township'], 2)
    const coordinator = caller(['village.read', 'village.manage'], 1)
    const village = caller(['village.read', 'village.file'], 3)
    expect(mayScoreTownship(sheet('open', 'applied'), liaison)).toBe(true)
    expect(mayScoreTownship(sheet('open', 'recommended'), liaison)).toBe(true)
    expect(mayScoreTownship(sheet('reviewing', 'recommended'), liaison)).toBe(false)
    expect(mayScoreTownship(sheet('open', 'applied'), caller(['village.township'], 1)), 'a liaison of the city').toBe(false)
    expect(mayScoreTownship(sheet('open', 'applied'), village)).toBe(false)
    expect(mayScoreCounty(sheet('reviewing', 'recommended'), coordinator)).toBe(true)
    expect(mayScoreCounty(sheet('reviewing', 'not_recommended'), coordinator)).toBe(false)
    expect(mayScoreCounty(sheet('open', 'recommended'), coordinator)).toBe(false)
    expect(mayScoreCounty(sheet('reviewing', 'recommended'), liaison)).toBe(false)
  })

  it('checks a score against its points and counts the criteria left', () => {
    expect(scoreProblem(4.5, 6)).toBeNull()
    expect(scoreProblem(null, 6)).toBeNull()
    expect(scoreProblem(7, 6)).toBe('请填写 0 至 6 之间的分数')
    expect(scoreProblem(-1, 6)).not.toBeNull()
    expect(unscored([{ id: 1 }, { id: 2 }, { id: 3 }], { 1: 5, 2: null })).toBe(2)
    expect(points(81)).toBe('81')
    expect(points(5.26)).toBe('5.26')
    expect(points(null)).toBe('-')
  })

  it('ranks the levels: a village holding the round\'s level or a higher one does not apply', () => {
    expect(['national', 'provincial', 'jinhua', 'county', 'none'].map((l) => levelRank(l as never))).toEqual([4, 3, 2, 1, 0])
    expect(outranks('provincial', 'jinhua')).toBe(true)
    expect(outranks('jinhua', 'jinhua')).toBe(true)
    expect(outranks('county', 'jinhua')).toBe(false)
    expect(outranks('none', 'county')).toBe(false)
  })

  it('draws coverage as one stacked bar per township, the best covered on top, five levels stacked', () => {
    const rows = [row('马涧镇', 24, 8), row('柏社乡', 12, 4), row('游埠镇', 30, 15)]
    // 游埠镇 names half its villages, the other two a third: drawn from the bottom up, so 游埠镇 last (on top)
    expect(ordered(rows).map((r) => r.name)).toEqual(['马涧镇', '柏社乡', '游埠镇'])
    const option = coverageChart({ t: (k) => i18n.global.t(k), rate: (r) => String(r), large: false }, rows)
    const series = option.series as { stack: string; data: number[] }[]
    expect(series).toHaveLength(5)
    expect(series.every((s) => s.stack === 'villages')).toBe(true)
    expect((option.yAxis as { data: string[] }).data.at(-1)).toBe('游埠镇')
  })

  it('leads each to-do code of the area to its page, the count on that page\'s menu entry', () => {
    const pages = new Map((villageRoutes.children ?? []).map((r) => [r.name, `/admin/village/${r.path}`]))
    for (const code of ['village.applications.score', 'village.applications.review', 'village.reviews.decide']) {
      const link = TODO_LINKS[code]
      expect(link, code).toBeTruthy()
      expect(pages.get((link.to as { name: string }).name), code).toBe(link.menu)
    }
  })
})
