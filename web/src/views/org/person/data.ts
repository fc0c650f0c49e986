/** 人员管理: a person (docs/org.md); phone and 身份证号 come masked. */
import { choices, regionField, type EntitySchema } from '@/components/registry/schema'

export const GENDERS = choices('gender', { male: '男', female: '女' })

export const PERSON_TAGS = choices('tag', {
  lawSavvy: '法律明白人',
  leader: '法治带头人',
  model: '守法示范户',
  vicePrincipal: '法治副校长',
  advisor: '法律顾问',
  mediator: '调解员',
  grid: '网格员',
  lecturer: '讲师',
  volunteer: '志愿者',
  liaison: '联络员',
})

export const personSchema: EntitySchema = {
  entity: 'people',
  title: 'org.entity.person',
  nameKey: 'name',
  searchLabel: 'org.f.name',
  importable: true,
  exportName: 'org.file.people',
  fields: [
    { key: 'name', label: 'org.f.name', kind: 'text', required: true, max: 30, column: { width: 90, sortable: true } },
    { key: 'gender', label: 'org.f.gender', kind: 'choice', choices: GENDERS, plain: true, filter: true, column: false },
    regionField({ required: false, requiredUnless: 'unit_id', column: { minWidth: 120, sortable: true } }),
    { key: 'unit_id', label: 'org.f.unit', kind: 'ref', ref: 'units', filter: true, column: { minWidth: 120 } },
    { key: 'posts', label: 'org.f.posts', kind: 'text', column: false },
    { key: 'phone', label: 'org.f.mobile', kind: 'phone', column: { width: 118 } },
    { key: 'id_number', label: 'org.f.idNumber', kind: 'id_number', column: { width: 172 } },
    { key: 'tags', label: 'org.f.tags', kind: 'tags', choices: PERSON_TAGS, filter: true, column: { minWidth: 110 } },
  ],
}
