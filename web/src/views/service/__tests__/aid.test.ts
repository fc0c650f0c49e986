import { afterEach, describe, expect, it } from 'vitest'
import { keptAids } from '@/api/service'
import { TODO_LINKS } from '@/components/todo/todo-links'
import { i18n } from '@/locales'
import { serviceRoutes } from '@/router/routes/service'
import { aidBody, aidErrors, assignClock, decideClock, emptyAid, idNumberProblem } from '../aid/shared'

/** A 身份证号 with its GB 11643 check digit. */
function withCheck(body17: string) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  return body17 + '10X98765432'[[...body17].reduce((a, d, i) => a + Number(d) * w[i], 0) % 11]
}
const clock = (o: Partial<Parameters<typeof decideClock>[0]>) => ({
  status: 'submitted' as const, decide_by: '2026-12-11', decided_on: null, assign_by: null, assigned_on: null, ...o,
})

describe('法律援助 pages', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
    localStorage.clear()
  })

  it('shows the 7-day clock while waiting, then on time or late', () => {
    expect(decideClock(clock({}), '2026-12-04')).toEqual({ text: '剩 7 天', type: 'info' })
    expect(decideClock(clock({}), '2026-12-10')).toEqual({ text: '剩 1 天', type: 'warning' })
    expect(decideClock(clock({}), '2026-12-11')).toEqual({ text: '今日到期', type: 'warning' })
    expect(decideClock(clock({}), '2026-12-13')).toEqual({ text: '逾期 2 天', type: 'danger', overdue: true })
    expect(decideClock(clock({ status: 'approved', decided_on: '2026-12-05' }), '2026-12-20')?.text).toBe('按期')
    expect(decideClock(clock({ status: 'refused', decided_on: '2026-12-12' }), '2026-12-20')?.text).toBe('逾期办理')
    expect(decideClock(clock({ status: 'closed', decided_on: '2026-12-05', decided_late: true }), '2026-12-20')?.type).toBe('danger')
    i18n.global.locale.value = 'en'
    expect(decideClock(clock({}), '2026-12-04')?.text).toBe('7 days left')
  })

  it('starts the 3-day clock at the decision and shows nothing for a refusal', () => {
    expect(assignClock(clock({}), '2026-12-04')).toBeNull()
    expect(assignClock(clock({ status: 'refused', decided_on: '2026-12-05' }), '2026-12-05')).toBeNull()
    expect(assignClock(clock({ status: 'approved', decided_on: '2026-12-05', assign_by: '2026-12-08' }), '2026-12-05')?.text).toBe('剩 3 天')
    expect(assignClock(clock({ status: 'approved', decided_on: '2026-12-05', assign_by: '2026-12-08' }), '2026-12-09')?.overdue).toBe(true)
    expect(assignClock(clock({ status: 'assigned', decided_on: '2026-12-05', assign_by: '2026-12-08', assigned_on: '2026-12-07' }), '2026-12-20')?.text).toBe('按期')
    expect(assignClock(clock({ status: 'closed', assign_by: '2026-12-08', assigned_on: '2026-12-09' }), '2026-12-20')?.text).toBe('逾期办理')
  })

  it('checks a 身份证号\'s shape and check digit (GB 11643)', () => {
    const ok = withCheck('33078119700315123')
    expect(idNumberProblem(ok)).toBeNull()
    expect(idNumberProblem(ok.toLowerCase())).toBeNull()
    expect(idNumberProblem(`${ok.slice(0, 17)}${ok[17] === '1' ? '2' : '1'}`)).toBe('check')
    expect(idNumberProblem('3307811970031512')).toBe('shape')
    expect(idNumberProblem('')).toBe('shape')
  })

  it('asks for every field of the 申请表 and the declaration before sending, and sends it trimmed', () => {
    const empty = aidErrors(emptyAid())
    expect(Object.keys(empty).sort()).toEqual(
      ['address', 'declaration', 'facts', 'gender', 'household_size', 'id_number', 'matter', 'monthly_income', 'name', 'phone', 'township_id'])
    expect(empty.declaration).toBe('请阅读并勾选个人诚信承诺')
    const form = {
      ...emptyAid(), township_id: 250, village_id: 251, name: ' 赵建国 ', gender: 'male' as const, id_number: withCheck('33078119700315123').toLowerCase(),
      phone: '13600001111', address: '马坞村 12 号', matter: 'labour' as const, opponent: '  ', facts: ' 拖欠工资 ', household_size: 3,
      monthly_income: 800, declaration: true,
    }
    expect(aidErrors(form)).toEqual({})
    expect(aidErrors({ ...form, household_size: 21 }).household_size).toBe('家庭人口应为 1 至 20 人')
    expect(aidErrors({ ...form, monthly_income: -1 }).monthly_income).toBeTruthy()
    const sent = aidBody(form)
    expect(sent.name).toBe('赵建国')
    expect(sent.opponent).toBeNull()
    expect(sent.facts).toBe('拖欠工资')
    expect(sent.id_number).toBe(form.id_number.toUpperCase())
  })

  it('keeps the applications made on this device, newest first, one entry a reference', () => {
    keptAids.add({ ref: 'YZ20261204001', token: 'a', township_name: '马涧镇', at: 1 })
    keptAids.add({ ref: 'YZ20261204002', token: 'b', township_name: '马涧镇', at: 2 })
    keptAids.add({ ref: 'YZ20261204001', token: 'c', township_name: '马涧镇', at: 3 })
    expect(keptAids.all().map((a) => a.ref)).toEqual(['YZ20261204001', 'YZ20261204002'])
    expect(keptAids.tokenOf('YZ20261204001')).toBe('c')
    keptAids.remove('YZ20261204001')
    expect(keptAids.tokenOf('YZ20261204001')).toBeNull()
    localStorage.setItem('pufa.serviceAid', '{')
    expect(keptAids.all()).toEqual([])
  })

  it('leads the legal aid to-do codes to the list, filtered by the step waiting', () => {
    const pages = new Map((serviceRoutes.children ?? []).map((r) => [r.name, `/admin/service/${r.path}`]))
    for (const [code, status] of [['service.aid.decide', 'submitted'], ['service.aid.assign', 'approved']]) {
      const link = TODO_LINKS[code]
      const to = link.to as { name: string; query: Record<string, string> }
      expect(pages.get(to.name), code).toBe(link.menu)
      expect(to.query.status).toBe(status)
    }
  })
})
