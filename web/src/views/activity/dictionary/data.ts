/** 字典管理: the values offered for an activity's 主题 and 活动品牌 (written with activity.review). */
import type { EntitySchema } from '@/components/registry/schema'
import { REVIEW } from '../shared'

export const dictionarySchema: EntitySchema = {
  entity: 'dictionary_items',
  title: 'activity.entity.dict',
  nameKey: 'value',
  searchLabel: 'activity.f.dictValue',
  exportName: 'activity.file.dict',
  writePermission: REVIEW,
  defaultSort: 'sort_order',
  fields: [
    { key: 'dict', label: 'activity.f.dict', kind: 'choice', choices: 'dictionary', required: true, filter: true, column: { width: 150, sortable: true } },
    { key: 'value', label: 'activity.f.dictValue', kind: 'text', required: true, max: 50, column: { minWidth: 220, sortable: true } },
    { key: 'sort_order', label: 'activity.f.sortOrder', kind: 'number', min: 0, maxValue: 10_000, column: { width: 110, sortable: true } },
  ],
}
