/** 区域管理: the levels of the region tree and the rules of its form. */
import type { FormRules } from 'element-plus'
import { i18n } from '@/locales'
import { required, rule } from '@/utils/validators'

/** 1 市, 2 乡镇街道, 3 村（社区）: villages have no children. */
export const LEVELS = [1, 2, 3] as const
export const LEAF_LEVEL = 3
export const levelTag: Record<number, 'danger' | 'primary' | 'success'> = { 1: 'danger', 2: 'primary', 3: 'success' }

const NAME_MAX = 50
/** 区划代码: the server requires one (≤ 20 characters); Chinese division codes are digits. */
const CODE_RE = /^\d{1,20}$/

export interface RegionForm {
  name: string
  code: string
}

export const FORM_FIELDS = ['name', 'code', 'parent_id']

export function formRules(): FormRules {
  const t = i18n.global.t
  return {
    name: [
      required(() => t('org.region.rules.name')),
      rule((v) => v.trim().length <= NAME_MAX, () => t('org.region.rules.nameLength', { n: NAME_MAX })),
    ],
    code: [required(() => t('org.region.rules.codeRequired')), rule((v) => CODE_RE.test(v.trim()), () => t('org.region.rules.code'))],
  }
}
