/** What the 普法责任制 pages share: permissions, tag colours, the words of a task's progress and of a rule. */
import type { ListStatus, Rule, Task, TaskState } from '@/api/duty'
import { i18n } from '@/locales'
import { formatDate } from '@/utils/time'

export const MANAGE = 'duty.manage'
export const RESPOND = 'duty.respond'

export const STATE_TAG: Record<TaskState, 'success' | 'warning' | 'danger' | 'info' | 'primary'> = {
  done: 'success',
  late: 'warning',
  overdue: 'danger',
  returned: 'danger',
  answered: 'primary',
  open: 'info',
}

export const LIST_TAG: Record<ListStatus, 'success' | 'warning' | 'danger' | 'info'> = {
  draft: 'info',
  submitted: 'warning',
  returned: 'danger',
  published: 'success',
}

/** "已有 1 条，需 2 条 · 最近一次 2020-05-12", or the quarters done. */
export function progressText(task: Task): string {
  const { t } = i18n.global
  const p = task.progress
  if (task.rule.kind === 'manual') return task.answered_at ? t('duty.tasks.reportedOn', { date: formatDate(task.answered_at) }) : '-'
  const head = task.rule.period === 'quarter'
    ? t('duty.tasks.quarters', { count: p.count, required: p.required })
    : t('duty.tasks.records', { count: p.count, required: p.required })
  const tail = p.done_on ? t('duty.tasks.doneOn', { date: p.done_on }) : p.last_on ? t('duty.tasks.lastOn', { date: p.last_on }) : ''
  return tail ? `${head} · ${tail}` : head
}

/** A manual task the caller may report on. */
export const answerable = (task: Task) =>
  task.rule.kind === 'manual' && ['open', 'overdue', 'returned'].includes(task.state)

export const blankRule = (): Rule => ({ kind: 'manual' })
