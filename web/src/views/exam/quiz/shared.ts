/** What the quiz staff pages share: the status tag colours. */
import type { QuizStatus } from '@/api/quiz'

type TagType = 'info' | 'success' | 'warning'

export const QUIZ_STATUS_TAGS: Record<QuizStatus, TagType> = {
  upcoming: 'info',
  open: 'success',
  closed: 'warning',
}
