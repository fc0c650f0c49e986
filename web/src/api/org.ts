/** 组织与队伍 (docs/org.md): one set of calls for every registry, plus regions and the overview. */
import type { ActivityEntity } from './activity'
import { API_BASE, csrfHeaders, download, errorOf, filenameOf, http, upload, type Download, type Query } from './http'
import type { ServiceEntity } from './service'
import type { Page, Region } from './types'

/** The registries of the org area: the URL segment under /api/v1. */
export type OrgEntity =
  | 'units'
  | 'schools'
  | 'people'
  | 'teams'
  | 'team_members'
  | 'volunteer_hours'
  | 'vice_principals'
  | 'advisor_contracts'
  | 'places'

/** Every registry the generic list, form and detail (components/registry) can draw. */
export type RegistryEntity = OrgEntity | ActivityEntity | ServiceEntity

/**
 * A record as the server sends it: `id`, every field by key, and beside each reference its
 * display name (`region_id` + `region_name`, `unit_id` + `unit_name`, ...). Phones and ID
 * numbers come masked unless revealed.
 */
export type OrgItem = { id: number; region_id: number; region_name: string } & Record<string, unknown>

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type One = { item: OrgItem }

export const listItems = (e: RegistryEntity, q: Query) => http.get<Page<OrgItem>>(`/${e}`, q)
export const getItem = (e: RegistryEntity, id: number, reveal = false) =>
  http.get<One>(`/${e}/${id}`, reveal ? { reveal: 1 } : undefined)
/** The body is the record's fields themselves (not wrapped); the answer is `{"item"}`. */
export const createItem = (e: RegistryEntity, fields: Record<string, unknown>) => http.post<One>(`/${e}`, fields)
/** Fields left out keep their stored value (how a masked phone or ID number stays as it is). */
export const updateItem = (e: RegistryEntity, id: number, fields: Record<string, unknown>) =>
  http.put<One>(`/${e}/${id}`, fields)
export const deleteItem = (e: RegistryEntity, id: number) => http.delete(`/${e}/${id}`)

/** All rows matching the filters (no paging) as .xlsx. */
export const exportItems = (e: RegistryEntity, q: Query) => download(`/${e}/export`, q)
export const importTemplate = (e: RegistryEntity) => download(`/${e}/template`)
/** What an import did: rows with a 系统编号 update their record, the others are created. */
export interface RegistryImportResult {
  imported: number
  created: number
  updated: number
  examples_skipped: number
  /** The worksheet that was read ("" for CSV) and its header row. */
  sheet: string
  header_row: number
}
/** The type to send a spreadsheet as: the bytes decide on the server (.xlsx, CSV in UTF-8/GBK). */
const uploadType = (file: Blob) => (file.type && file.type !== 'application/octet-stream' ? file.type : XLSX_TYPE)
/** All or nothing: 422 import_failed with every bad row in `rows`. */
export const importItems = (e: RegistryEntity, file: Blob, onProgress?: (pct: number) => void) =>
  upload<RegistryImportResult>(`/${e}/import`, file, uploadType(file), onProgress)
/** The same file's failed rows as a workbook with a 错误原因 column, to fix and import again. */
export async function importErrors(e: RegistryEntity, file: Blob): Promise<Download> {
  const res = await fetch(`${API_BASE}/${e}/import/errors`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': uploadType(file), ...csrfHeaders() },
    body: file,
  })
  if (!res.ok) throw await errorOf(res)
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) }
}

export interface RegionWrite {
  parent_id?: number
  name: string
  code?: string
}

export const createRegion = (body: RegionWrite) => http.post<{ item: Region }>('/regions', body)
export const updateRegion = (id: number, body: RegionWrite) => http.put<{ item: Region }>(`/regions/${id}`, body)

export interface Overview {
  townships: number
  villages: number
  schools: number
  schools_with_vice_principal: number
  schools_with_advisor: number
  /** 一村居一法律顾问: villages with an advisor contract (the server sends it beside the contract's list). */
  villages_with_advisor?: number
  /** 公共法律服务: verified service days of the latest year with service days (docs/service.md). */
  service_days_verified?: number
  /** 民主法治村(社区): villages whose file holds that level (docs/village.md). */
  villages_national?: number
  villages_provincial?: number
  villages_jinhua?: number
  vice_principals: number
  lecturer_teams: number
  places: number
  township_constitution_rooms: number
  volunteers: number
  legal_advisors: number
  units: number
  people: number
}

export const fetchOverview = () => http.get<Overview>('/stats/overview')
