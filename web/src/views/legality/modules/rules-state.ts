/** A 村规民约's review state in words: 审核合法, 审核中, 审核不合法, 文本已修改待重新审核, 未审核. */
import type { VillageRules } from '@/api/legality'
import { i18n } from '@/locales'

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export interface RulesState {
  text: string
  type: TagType
  /** A review runs: the text cannot change, nor be sent again. */
  open: boolean
}

export function rulesState(r: Pick<VillageRules, 'review' | 'lawful'>): RulesState {
  const { t } = i18n.global
  const review = r.review
  const open = !!review && (review.status === 'reviewing' || review.status === 'material_requested')
  if (r.lawful) {
    const changes = review?.conclusion === 'lawful_with_changes'
    return { text: t(changes ? 'legality.rules.state.lawfulWithChanges' : 'legality.rules.state.lawful'), type: 'success', open }
  }
  if (open) {
    return { text: t(review!.status === 'material_requested' ? 'legality.rules.state.material' : 'legality.rules.state.pending'), type: 'primary', open }
  }
  if (review?.conclusion === 'unlawful') return { text: t('legality.rules.state.unlawful'), type: 'danger', open }
  if (review?.conclusion) return { text: t('legality.rules.state.changed'), type: 'warning', open }
  return { text: t('legality.rules.state.none'), type: 'info', open }
}
