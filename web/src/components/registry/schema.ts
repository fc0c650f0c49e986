/**
 * A registry page described as data: its fields (columns, filters, form, detail) in one list.
 * Each entity's `views/org/<entity>/data.ts` exports one schema; the generic list, form and
 * detail components in this folder draw every org page from it.
 */
import type { DictName } from '@/api/activity'
import type { ChoiceListName } from '@/api/choices'
import type { Query } from '@/api/http'
import type { OrgItem, RegistryEntity } from '@/api/org'
import type { TableColumn } from '@/components/table/columns'

/** Entities a reference field can point to (searched with `GET /api/v1/E?q=`). */
export type RefEntity = 'units' | 'schools' | 'people' | 'teams' | 'places' | 'channels'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'choice' // one code of the `choices` list, or one value of the `dict` dictionary
  | 'tags' // several codes of the `choices` list
  | 'region' // el-tree-select over the region tree
  | 'ref' // remote-search select over `ref`
  | 'refs' // several of `ref` (ids; the names come in `<key without _ids>_names`)
  | 'photos' // photo ids, uploaded with POST /photos (names in `photo_names`)
  | 'date' // YYYY-MM-DD
  | 'number'
  | 'phone' // masked by the server
  | 'id_number' // 身份证号, masked by the server

export interface ColumnOpts {
  /** i18n key of a shorter header than the field's label (人数 for 参与人数). */
  label?: string
  width?: number
  minWidth?: number
  /** Sorted by the server: `sort=key` / `-key`. */
  sortable?: boolean
  /** Stays in view while the table scrolls sideways (状态 beside 操作). */
  fixed?: 'left' | 'right'
  /** Shown only on screens at least this wide (px): less important columns give way at 1366 px. */
  minScreen?: number
  /** On a phone's card: false leaves the field off (the detail still shows it). */
  card?: false
}

export interface FieldDef {
  key: string
  /** i18n key */
  label: string
  kind: FieldKind
  required?: boolean
  /** Required unless this other field has a value (people: region, unless a unit is given). */
  requiredUnless?: string
  /** The served choice list (GET /choices) whose codes this field stores. */
  choices?: ChoiceListName
  ref?: RefEntity
  /** Extra query of a reference search (lecturers: `{ tag: 'lecturer', shared: '1' }`). */
  refQuery?: Query
  /** Choices from a dictionary the coordinators keep (`dictionary_items?dict=`), instead of `choices`. */
  dict?: DictName
  /**
   * Shown in the search form: a select (`?key=`; tags use `?tag=` unless `filterKey` says otherwise),
   * or for dates 'range': a date range picker (`?key_from=&key_to=`).
   */
  filter?: boolean | 'range'
  /** The query key of the filter when it is not the field's own (or `tag` for tags). */
  filterKey?: string
  /** Characters, for text. */
  max?: number
  /** Bounds and step, for numbers. */
  min?: number
  maxValue?: number
  step?: number
  /** A choice shown as plain text rather than an el-tag (性别). */
  plain?: boolean
  /** A choice's el-tag colour by code (状态: submitted green, returned red). */
  tagTypes?: Record<string, TagType>
  /** The item key whose text shows in a tooltip over the value (the 退回原因 of a status). */
  hintKey?: string
  /** A whole row of a two-column form (a long title). */
  fullRow?: boolean
  /** A date that may not be before this other date field (结束日期 ≥ 活动日期). */
  notBefore?: string
  /** Table column; false hides it from the table (still in the form and detail). */
  column?: ColumnOpts | false
  /** false: not in the form (read-only, or set by the page). */
  form?: boolean
  /** A unit reference a new record starts with when the user's region has exactly one unit (主办单位). */
  scopeDefault?: boolean
}

/**
 * The 待审核 → 已审核 / 已退回 workflow (docs/activity.md): reviewers approve a waiting record
 * (`POST /E/{id}/approve`) or return it with a reason (`POST /E/{id}/return`); the operator edits a
 * returned (or an approved) record and it waits for review again.
 */
export interface ReviewFlow {
  /** Permission of the 审核通过 and 退回 actions. */
  permission: string
  statusKey: string
  reasonKey: string
  /** The status code of a record waiting for review (the only one 审核通过 takes). */
  submitted: string
  /** The status code of an approved record. */
  approved: string
  /** The status code of a returned record. */
  returned: string
}

export interface EntitySchema {
  entity: RegistryEntity
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
  /** Permission to add, edit, delete and import (default org.write). */
  writePermission?: string
  /** The list's order before the user sorts (default `-id`). */
  defaultSort?: string
  review?: ReviewFlow
}

export const writePermissionOf = (s: EntitySchema) => s.writePermission ?? 'org.write'

/** `unit_id` → `unit_name`, `lecturer_ids` → `lecturer_names`: where the server puts a reference's display name. */
export const nameKeyOf = (key: string) => key.replace(/_ids$/, '_names').replace(/_id$/, '_name')

/** The query key of a filter: tags filter by `tag` unless the field says otherwise. */
export const filterKeyOf = (f: FieldDef) => f.filterKey ?? (f.kind === 'tags' ? 'tag' : f.key)

/** A list of values from the server (ids, names), whatever came. */
export function listOf<T = unknown>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : []
}

export const isPii = (f: FieldDef) => f.kind === 'phone' || f.kind === 'id_number'

/** Tag codes as a list, whether the server sent an array or a comma-joined string. */
export function tagsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String)
  if (typeof v === 'string') return v.split(',').filter(Boolean)
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

/** The table columns of these fields (those with a column), for components/table/data-table.vue; every cell is the field's value. */
export function columnsOf(fields: FieldDef[]): TableColumn[] {
  return fields
    .filter((f) => f.column !== false)
    .map((f) => {
      const c = f.column || {}
      return { ...c, key: f.key, label: c.label ?? f.label, minWidth: c.minWidth ?? (c.width ? undefined : 110), tooltip: true }
    })
}
