/** 活动台账: one 普法活动 (docs/activity.md): lecture, fair, show, broadcast ... with its photos. */
import { regionField, type EntitySchema } from '@/components/registry/schema'
import { reviewFlow, statusFields, WRITE } from '../shared'

/** People who may lecture: those tagged 讲师 (the city's too: a shared reference). */
const LECTURER_TAG = 'lecturer'
/** Screens wide enough for 主办单位, and for 主题 and 形式 too, beside the other columns. */
const WIDER = 1440
const WIDE = 1600

export const activitySchema: EntitySchema = {
  entity: 'activities',
  title: 'activity.entity.activity',
  nameKey: 'title',
  searchLabel: 'activity.f.title',
  importable: true,
  exportName: 'activity.file.activities',
  writePermission: WRITE,
  review: reviewFlow,
  // the ledger reads by date, the latest first
  defaultSort: '-starts_on',
  // Form order: two columns, long fields on rows of their own; the table shows those with a column, and at
  // 1366 px (sidebar and area tree beside it) without a sideways scrollbar: short headers, 主办单位 from 1440 px,
  // 主题 and 形式 from 1600 px (the detail and the phone's card show them all).
  fields: [
    { key: 'title', label: 'activity.f.title', kind: 'text', required: true, max: 100, fullRow: true, column: { minWidth: 200, sortable: true } },
    { key: 'starts_on', label: 'activity.f.startsOn', kind: 'date', required: true, filter: 'range', column: { label: 'activity.col.date', width: 104, sortable: true } },
    { key: 'ends_on', label: 'activity.f.endsOn', kind: 'date', notBefore: 'starts_on', column: false },
    { key: 'time_span', label: 'activity.f.timeSpan', kind: 'text', max: 30, column: false },
    regionField({ label: 'activity.f.region', column: { label: 'activity.col.region', minWidth: 120, sortable: true } }),
    { key: 'place_id', label: 'activity.f.place', kind: 'ref', ref: 'places', column: false },
    { key: 'unit_id', label: 'activity.f.unit', kind: 'ref', ref: 'units', refQuery: { shared: '1' }, filter: true, scopeDefault: true, column: { label: 'activity.col.unit', minWidth: 120, minScreen: WIDER } },
    { key: 'theme', label: 'activity.f.theme', kind: 'choice', dict: 'activity_theme', required: true, filter: true, column: { width: 100, minScreen: WIDE } },
    { key: 'campaign', label: 'activity.f.campaign', kind: 'choice', dict: 'activity_campaign', filter: true, column: false },
    { key: 'form', label: 'activity.f.form', kind: 'choice', choices: 'activity_form', required: true, filter: true, column: { width: 96, minScreen: WIDE } },
    { key: 'six_place', label: 'activity.f.sixPlace', kind: 'choice', choices: 'six_place', filter: true, column: false },
    { key: 'participants', label: 'activity.f.participants', kind: 'number', required: true, min: 0, maxValue: 1_000_000, column: { label: 'activity.col.participants', width: 80, sortable: true } },
    { key: 'materials', label: 'activity.f.materials', kind: 'number', min: 0, maxValue: 10_000_000, column: false },
    { key: 'audience', label: 'activity.f.audience', kind: 'tags', choices: 'audience', filter: true, filterKey: 'audience', column: false },
    { key: 'lecturer_ids', label: 'activity.f.lecturers', kind: 'refs', ref: 'people', refQuery: { tag: LECTURER_TAG, shared: '1' }, column: false },
    // Thumbnails in the form and the detail; the table stays narrow enough for a 1366 px screen.
    { key: 'photo_ids', label: 'activity.f.photos', kind: 'photos', column: false },
    { key: 'description', label: 'activity.f.description', kind: 'textarea', max: 2000, column: false },
    { key: 'press_links', label: 'activity.f.pressLinks', kind: 'textarea', max: 1000, column: false },
    ...statusFields(),
  ],
}
