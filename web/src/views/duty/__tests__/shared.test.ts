import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Task } from '@/api/duty'
import { useAuthStore } from '@/stores/auth'
import { answerable, progressText } from '../shared'

const task = (fields: Partial<Task>): Task => ({
  id: 1, year: 2020, source: 'point', unit_id: 3, unit_name: '市公安局', role: 'lead', title: '开展扫黑除恶法治宣传',
  deadline: '2020-06-30', rule: { kind: 'activity', min: 2, period: 'year', theme: '扫黑除恶' }, rule_text: '', status: 'open',
  state: 'open', note: null, return_reason: null, answered_at: null, evidence: [],
  progress: { count: 1, required: 2, last_on: '2020-05-12', done_on: null, records: [] },
  ...fields,
})

describe('普法责任制 pages', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('words a rule task’s progress from the records, and a quarter rule by quarters', () => {
    expect(progressText(task({}))).toBe('已有 1 条，需 2 条 · 最近一次 2020-05-12')
    expect(progressText(task({ progress: { count: 2, required: 2, last_on: '2020-07-20', done_on: '2020-07-20', records: [] } })))
      .toBe('已有 2 条，需 2 条 · 完成于 2020-07-20')
    expect(progressText(task({ rule: { kind: 'study_record', min: 1, period: 'quarter' }, progress: { count: 3, required: 4, last_on: null, done_on: null, records: [] } })))
      .toBe('已完成 3 / 4 个季度')
  })

  it('offers 报送 on manual tasks that are not answered or done, in Beijing days', () => {
    const manual = { rule: { kind: 'manual' as const } }
    expect(answerable(task({ ...manual, state: 'overdue' }))).toBe(true)
    expect(answerable(task({ ...manual, state: 'returned' }))).toBe(true)
    expect(answerable(task({ ...manual, state: 'answered' }))).toBe(false)
    expect(answerable(task({ state: 'overdue' }))).toBe(false)
    expect(progressText(task({ ...manual, answered_at: '2020-03-31T17:00:00Z' }))).toBe('2020-04-01 已报送')
  })

  it('opens the area on either of its permissions', () => {
    const auth = useAuthStore()
    auth.$patch({ user: { permissions: ['duty.respond'] } as never })
    expect(auth.can('duty.manage|duty.respond')).toBe(true)
    expect(auth.can('duty.manage')).toBe(false)
  })
})
