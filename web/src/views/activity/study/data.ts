/** 学法记录: a unit's law study (中心组学法, 常务会议学法, 述职述法, 庭审旁听, 三长学法说法讲法). */
import type { EntitySchema } from '@/components/registry/schema'
import { reviewFlow, statusFields, WRITE } from '../shared'

export const studySchema: EntitySchema = {
  entity: 'study_records',
  title: 'activity.entity.study',
  nameKey: 'topic',
  searchLabel: 'activity.f.topic',
  importable: true,
  exportName: 'activity.file.study',
  writePermission: WRITE,
  review: reviewFlow,
  fields: [
    // the columns fit a 1366 px screen beside the sidebar and the area tree: short headers, narrow figures, 类型 (a
    // filter too) from 1440 px
    { key: 'topic', label: 'activity.f.topic', kind: 'text', required: true, max: 100, column: { minWidth: 200, sortable: true } },
    { key: 'kind', label: 'activity.f.studyKind', kind: 'choice', choices: 'study_kind', required: true, filter: true, column: { width: 150, minScreen: 1440 } },
    { key: 'unit_id', label: 'activity.f.studyUnit', kind: 'ref', ref: 'units', required: true, scopeDefault: true, filter: true, column: { minWidth: 110 } },
    { key: 'held_on', label: 'activity.f.heldOn', kind: 'date', required: true, filter: 'range', column: { width: 104, sortable: true } },
    { key: 'laws', label: 'activity.f.laws', kind: 'text', max: 200, column: false },
    { key: 'speakers', label: 'activity.f.speakers', kind: 'text', max: 200, column: false },
    { key: 'attendees', label: 'activity.f.attendees', kind: 'number', min: 0, maxValue: 100_000, column: { label: 'activity.col.participants', width: 80, sortable: true } },
    // The unit's region: shown, not entered.
    { key: 'region_id', label: 'activity.f.region', kind: 'region', form: false, column: false },
    ...statusFields(),
  ],
}
