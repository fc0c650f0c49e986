/** 人员管理: a person (docs/org.md); phone and 身份证号 come masked. */
import { regionField, type EntitySchema } from '@/components/registry/schema'

/** The tag of people whose volunteer service hours are kept. */
export const VOLUNTEER = 'volunteer'

export const personSchema: EntitySchema = {
  entity: 'people',
  title: 'org.entity.person',
  nameKey: 'name',
  searchLabel: 'org.f.name',
  importable: true,
  exportName: 'org.file.people',
  fields: [
    { key: 'name', label: 'org.f.name', kind: 'text', required: true, max: 30, column: { width: 90, sortable: true } },
    { key: 'gender', label: 'org.f.gender', kind: 'choice', choices: 'gender', plain: true, filter: true, column: false },
    regionField({ required: false, requiredUnless: 'unit_id', column: { minWidth: 120, sortable: true } }),
    { key: 'unit_id', label: 'org.f.unit', kind: 'ref', ref: 'units', filter: true, column: { minWidth: 120 } },
    { key: 'posts', label: 'org.f.posts', kind: 'text', column: false },
    { key: 'phone', label: 'org.f.mobile', kind: 'phone', column: { width: 118 } },
    { key: 'id_number', label: 'org.f.idNumber', kind: 'id_number', column: { width: 172 } },
    { key: 'tags', label: 'org.f.tags', kind: 'tags', choices: 'person_tag', filter: true, column: { minWidth: 110 } },
  ],
}
