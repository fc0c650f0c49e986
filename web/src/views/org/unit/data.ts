/** 单位管理: fields of a unit (docs/org.md), as table columns, filters and form. */
import { regionField, type EntitySchema } from '@/components/registry/schema'

export const unitSchema: EntitySchema = {
  entity: 'units',
  title: 'org.entity.unit',
  nameKey: 'name',
  searchLabel: 'org.f.unitName',
  importable: true,
  exportName: 'org.file.units',
  fields: [
    { key: 'name', label: 'org.f.unitName', kind: 'text', required: true, column: { minWidth: 180, sortable: true } },
    { key: 'type', label: 'org.f.unitType', kind: 'choice', required: true, choices: 'unit_type', filter: true, column: { width: 130, sortable: true } },
    regionField(),
    { key: 'code', label: 'org.f.creditCode', kind: 'text', max: 18, column: { width: 175 } },
    { key: 'address', label: 'org.f.address', kind: 'text', max: 200, column: false },
    { key: 'contact', label: 'org.f.contact', kind: 'text', max: 30, column: { width: 110 } },
    { key: 'phone', label: 'org.f.phone', kind: 'phone', column: { width: 130 } },
  ],
}
