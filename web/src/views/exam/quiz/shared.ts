/** What the quiz staff pages share: the status tag colours and the list's columns. */
import type { QuizStatus } from '@/api/quiz'
import type { TableColumn } from '@/components/table/columns'

type TagType = 'info' | 'success' | 'warning'

export const QUIZ_STATUS_TAGS: Record<QuizStatus, TagType> = {
  upcoming: 'info',
  open: 'success',
  closed: 'warning',
}

export const quizColumns: TableColumn<'title' | 'window' | 'status' | 'draw' | 'participants'>[] = [
  { key: 'title', label: 'exam.quiz.admin.title', minWidth: 240, tooltip: true },
  { key: 'window', label: 'exam.quiz.admin.window', width: 280 },
  { key: 'status', label: 'exam.quiz.admin.status', width: 90 },
  { key: 'draw', label: 'exam.quiz.admin.drawPanel', width: 90 },
  { key: 'participants', label: 'exam.quiz.admin.participants', width: 100, align: 'right' },
]
