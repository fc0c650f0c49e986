/**
 * A registry page described as data: its fields (columns, filters, form, detail) in one list.
 * Each entity's `views/org/<entity>/data.ts` exports one schema; the generic list, form and
 * detail components in this folder draw every org page from it.
 */
import type { OrgEntity, OrgItem } from '@/api/org'

/** Entities a reference field can point to (searched with `GET /api/v1/E?q=`). */
export type RefEntity = 'units' | 'schools' | 'people' | 'teams'

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'choice' // one of `choices`
  | 'tags' // several of `choices`
  | 'region' // el-tree-select over the region tree
  | 'ref' // remote-search select over `ref`
  | 'date' // YYYY-MM-DD
  | 'number'
  | 'phone' // masked by the server
  | 'id_number' // 身份证号, masked by the server

/** A choice as stored (the Chinese value the server keeps) and its i18n label key. */
export interface Choice {
  value: string
  label: string
}

export interface ColumnOpts {
  width?: number
  minWidth?: number
  /** Sorted by the server: `sort=key` / `-key`. */
  sortable?: boolean
}

export interface FieldDef {
  key: string
  /** i18n key */
  label: string
  kind: FieldKind
  required?: boolean
  /** Required unless this other field has a value (people: region, unless a unit is given). */
  requiredUnless?: string
  choices?: readonly Choice[]
  ref?: RefEntity
  /** Shown as a select in the search form (`?key=`; tags use `?tag=`). */
  filter?: boolean
  /** Characters, for text. */
  max?: number
  /** Bounds and step, for numbers. */
  min?: number
  maxValue?: number
  step?: number
  /** A choice shown as plain text rather than an el-tag (性别). */
  plain?: boolean
  /** Table column; false hides it from the table (still in the form and detail). */
  column?: ColumnOpts | false
  /** false: not in the form (read-only, or set by the page). */
  form?: boolean
}

export interface EntitySchema {
  entity: OrgEntity
  /** i18n key of one record's kind: 单位, 人员 ... */
  title: string
  /** The item key that names a record in messages (name, person_name, ...). */
  nameKey: string
  /** i18n key of the free-text search label (`?q=`); absent: no free-text search. */
  searchLabel?: string
  /** Has import and a template (units, schools, people). */
  importable?: boolean
  /** i18n key of the download name used when the server sends none. */
  exportName: string
  fields: FieldDef[]
}

/** `unit_id` → `unit_name`: where the server puts a reference's display name. */
export const nameKeyOf = (key: string) => key.replace(/_id$/, '_name')

export const isPii = (f: FieldDef) => f.kind === 'phone' || f.kind === 'id_number'

/** Tags as a list, whether the server sent an array or a joined string. */
export function tagsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String)
  if (typeof v === 'string') return v.split(/[,、]/).filter(Boolean)
  return []
}

/** What a record is called in messages (删除“…”): its name, or the named reference. */
export function displayName(schema: EntitySchema, item: OrgItem): string {
  return String(item[schema.nameKey] ?? item.name ?? `#${item.id}`)
}

/** The region every record carries (`region_id` + `region_name`), as a column, form field and sort key. */
export function regionField(opts: Partial<FieldDef> = {}): FieldDef {
  return { key: 'region_id', label: 'org.f.region', kind: 'region', required: true, column: { minWidth: 150, sortable: true }, ...opts }
}

/** Choice lists: the stored Chinese values with the i18n keys that label them. */
export const choices = (group: string, entries: Record<string, string>): Choice[] =>
  Object.entries(entries).map(([key, value]) => ({ value, label: `org.opt.${group}.${key}` }))
