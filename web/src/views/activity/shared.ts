/** What the 普法活动 registries share: permissions, the 已提交 / 已退回 workflow and its status field. */
import type { FieldDef, ReviewFlow } from '@/components/registry/schema'

export const READ = 'activity.read'
export const WRITE = 'activity.write'
/** Coordinators: 退回 records, keep the dictionaries. */
export const REVIEW = 'activity.review'

/** The codes of the review_status list: 待审核, 已审核, 已退回. */
const SUBMITTED = 'submitted'
const APPROVED = 'approved'
const RETURNED = 'returned'

export const reviewFlow: ReviewFlow = {
  permission: REVIEW,
  statusKey: 'status',
  reasonKey: 'return_reason',
  submitted: SUBMITTED,
  approved: APPROVED,
  returned: RETURNED,
}

/** 状态 (read-only): 待审核 orange, 已审核 green, 已退回 red with the 退回原因 in its tooltip; and the reason itself for the detail. */
export const statusFields = (): FieldDef[] => [
  {
    key: 'status',
    label: 'activity.f.status',
    kind: 'choice',
    choices: 'review_status',
    tagTypes: { [SUBMITTED]: 'warning', [APPROVED]: 'success', [RETURNED]: 'danger' },
    hintKey: 'return_reason',
    filter: true,
    form: false,
    column: { width: 90, fixed: 'right' },
  },
  { key: 'return_reason', label: 'activity.f.returnReason', kind: 'text', form: false, column: false },
]
