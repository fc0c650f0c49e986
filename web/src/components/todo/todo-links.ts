/**
 * What each to-do code means on screen: its words (locale `todo.items.<code>`) and the list it counts, filtered
 * as the server counts it (docs/api.md, docs/activity.md, docs/content.md). A code the web does not know yet
 * (a new area's) is still shown, worded generically, without a link.
 */
import type { RouteLocationRaw } from 'vue-router'
import { ADMIN_BASE } from '@/router/paths'

export interface TodoLink {
  /** The filtered list behind the count. */
  to: RouteLocationRaw
  /** The sidebar entry that carries the count as a badge. */
  menu: string
}

const LEDGER = `${ADMIN_BASE}/activity/activities`
const STUDY = `${ADMIN_BASE}/activity/study`
const LEGALITY = `${ADMIN_BASE}/legality/submissions`
const SERVICE = `${ADMIN_BASE}/service`
const VILLAGE = `${ADMIN_BASE}/village`

export const TODO_LINKS: Record<string, TodoLink> = {
  'activities.review': { to: { name: 'activity-ledger', query: { status: 'submitted' } }, menu: LEDGER },
  'activities.returned': { to: { name: 'activity-ledger', query: { status: 'returned', mine: '1' } }, menu: LEDGER },
  'study_records.review': { to: { name: 'activity-study', query: { status: 'submitted' } }, menu: STUDY },
  'study_records.returned': { to: { name: 'activity-study', query: { status: 'returned', mine: '1' } }, menu: STUDY },
  'articles.review': { to: { name: 'content-review' }, menu: `${ADMIN_BASE}/content/review` },
  'articles.returned': { to: { name: 'content-articles', query: { status: 'returned' } }, menu: `${ADMIN_BASE}/content/articles` },
  'roles.approve': { to: { name: 'system-role-requests' }, menu: `${ADMIN_BASE}/system/role-requests` },
  'exams.open': { to: { name: 'exam-my' }, menu: `${ADMIN_BASE}/my-exams` },
  'duty.lists.review': { to: { name: 'duty-lists', query: { status: 'submitted' } }, menu: `${ADMIN_BASE}/duty/lists` },
  'duty.lists.returned': { to: { name: 'duty-lists', query: { status: 'returned' } }, menu: `${ADMIN_BASE}/duty/lists` },
  'duty.tasks.open': { to: { name: 'duty-tasks' }, menu: `${ADMIN_BASE}/duty/tasks` },
  'duty.tasks.confirm': { to: { name: 'duty-tasks', query: { state: 'answered' } }, menu: `${ADMIN_BASE}/duty/tasks` },
  'assess.sheets.submit': { to: { name: 'assess-rounds' }, menu: `${ADMIN_BASE}/assess/rounds` },
  'assess.units.inspect': { to: { name: 'assess-inspect' }, menu: `${ADMIN_BASE}/assess/inspect` },
  'assess.fixes.answer': { to: { name: 'assess-rounds' }, menu: `${ADMIN_BASE}/assess/rounds` },
  'assess.fixes.decide': { to: { name: 'assess-rounds' }, menu: `${ADMIN_BASE}/assess/rounds` },
  'legality.review': { to: { name: 'legality-submissions', query: { status: 'reviewing' } }, menu: LEGALITY },
  'legality.supply': { to: { name: 'legality-submissions', query: { status: 'material_requested' } }, menu: LEGALITY },
  'legality.adopt': { to: { name: 'legality-submissions', query: { status: 'issued' } }, menu: LEGALITY },
  'service.bookings.answer': { to: { name: 'service-bookings', query: { status: 'submitted' } }, menu: `${SERVICE}/bookings` },
  'service.days.check_in': { to: { name: 'service-my-days' }, menu: `${SERVICE}/my-days` },
  'service.days.confirm': { to: { name: 'service-confirm' }, menu: `${SERVICE}/confirm` },
  'service.callbacks.close': { to: { name: 'service-callbacks', query: { status: 'open' } }, menu: `${SERVICE}/callbacks` },
  'service.aid.decide': { to: { name: 'service-aids', query: { status: 'submitted' } }, menu: `${SERVICE}/aid` },
  'service.aid.assign': { to: { name: 'service-aids', query: { status: 'approved' } }, menu: `${SERVICE}/aid` },
  'village.applications.score': { to: { name: 'village-rounds', query: { todo: 'score' } }, menu: `${VILLAGE}/rounds` },
  'village.applications.review': { to: { name: 'village-rounds', query: { todo: 'review' } }, menu: `${VILLAGE}/rounds` },
  'village.reviews.decide': { to: { name: 'village-reviews', query: { status: 'open' } }, menu: `${VILLAGE}/reviews` },
}

export const linkOf = (code: string): TodoLink | undefined => TODO_LINKS[code]
export const menuPathOf = (code: string): string | undefined => TODO_LINKS[code]?.menu
