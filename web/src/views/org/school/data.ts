/** 学校管理: a school, its 法治副校长 and its 法律顾问合同 (docs/org.md). */
import { regionField, type EntitySchema } from '@/components/registry/schema'

export const schoolSchema: EntitySchema = {
  entity: 'schools',
  title: 'org.entity.school',
  nameKey: 'name',
  searchLabel: 'org.f.schoolName',
  importable: true,
  exportName: 'org.file.schools',
  fields: [
    { key: 'name', label: 'org.f.schoolName', kind: 'text', required: true, column: { minWidth: 200, sortable: true } },
    regionField(),
    { key: 'stage', label: 'org.f.stage', kind: 'choice', choices: 'school_stage', filter: true, column: { width: 120, sortable: true } },
    { key: 'address', label: 'org.f.address', kind: 'text', max: 200, column: { minWidth: 150 } },
    { key: 'contact', label: 'org.f.contact', kind: 'text', max: 30, column: { width: 110 } },
    { key: 'phone', label: 'org.f.phone', kind: 'phone', column: { width: 130 } },
  ],
}

/** 法治副校长 of one school: the school is fixed by the detail page. */
export const vicePrincipalSchema: EntitySchema = {
  entity: 'vice_principals',
  title: 'org.entity.vicePrincipal',
  nameKey: 'person_name',
  exportName: 'org.file.vicePrincipals',
  fields: [
    { key: 'school_id', label: 'org.f.school', kind: 'ref', ref: 'schools', required: true, filter: true },
    { key: 'person_id', label: 'org.f.name', kind: 'ref', ref: 'people', required: true, column: { minWidth: 100 } },
    { key: 'sending_unit_id', label: 'org.f.sendingUnit', kind: 'ref', ref: 'units', refQuery: { shared: '1' }, column: { minWidth: 150 } },
    { key: 'term_start', label: 'org.f.termStart', kind: 'date', column: { width: 115 } },
    { key: 'term_end', label: 'org.f.termEnd', kind: 'date', column: { width: 115 } },
  ],
}

/** 法律顾问合同 of one school (client_unit_id = the school; the village form of it is not used here). */
export const contractSchema: EntitySchema = {
  entity: 'advisor_contracts',
  title: 'org.entity.contract',
  nameKey: 'advisor_name',
  searchLabel: 'org.f.firm',
  exportName: 'org.file.contracts',
  fields: [
    { key: 'client_unit_id', label: 'org.f.clientUnit', kind: 'ref', ref: 'units', form: false, column: false },
    { key: 'advisor_id', label: 'org.f.advisor', kind: 'ref', ref: 'people', refQuery: { tag: 'legal_advisor', shared: '1' }, required: true, column: { minWidth: 100 } },
    { key: 'firm', label: 'org.f.firm', kind: 'text', column: { minWidth: 150 } },
    { key: 'starts_on', label: 'org.f.startsOn', kind: 'date', required: true, column: { width: 115 } },
    { key: 'ends_on', label: 'org.f.endsOn', kind: 'date', column: { width: 115 } },
  ],
}
