/** 普法活动 (docs/activity.md): the area's registries, the return workflow, dashboard, calendar, photos. */
import { http, upload } from './http'

/** The registries of the activity area: the URL segment under /api/v1. */
export type ActivityEntity = 'activities' | 'study_records' | 'channels' | 'channel_items' | 'dictionary_items'

/** The two dictionaries coordinators keep (`dictionary_items?dict=`). */
export type DictName = 'activity_theme' | 'activity_campaign'

export interface DictItem {
  id: number
  dict: DictName
  value: string
  sort_order: number | null
}

export const DICT_MAX = 100
export const listDict = (dict: DictName) =>
  http.get<{ items: DictItem[]; total: number }>('/dictionary_items', { dict, page_size: DICT_MAX, sort: 'sort_order' })

/** 退回 (activity.review): status becomes `returned` with the reason; the operator's next PUT resubmits. */
export const returnItem = (e: 'activities' | 'study_records', id: number, reason: string) =>
  http.post<{ item: Record<string, unknown> }>(`/${e}/${id}/return`, { reason })

/** 审核通过 (activity.review): a record waiting for review (`submitted`) becomes `approved`; else 422. */
export const approveItem = (e: 'activities' | 'study_records', id: number) =>
  http.post<{ item: Record<string, unknown> }>(`/${e}/${id}/approve`)

/**
 * One bar of a breakdown: `key` is a code of a fixed list (by_audience, by_six_place, by_form, study.by_kind),
 * a dictionary value as typed by staff (by_theme, by_campaign), or an id for townships and units.
 */
export interface Bucket {
  key: string
  records: number
  people: number
  /** by_township */
  region_id?: number
  /** by_unit */
  unit_id?: number
  /** by_township, by_unit: the display name */
  name?: string
}

export interface MonthBucket {
  month: number
  records: number
  people: number
}

export interface Totals {
  records: number
  people: number
}

export interface ActivityDashboard {
  year: number
  /** The region the figures cover (the caller's, or the township asked for). */
  scope_id?: number
  /** Years that have records. */
  years: number[]
  activities: Totals
  by_month: MonthBucket[]
  by_theme: Bucket[]
  by_audience: Bucket[]
  by_six_place: Bucket[]
  by_form: Bucket[]
  by_campaign: Bucket[]
  by_township: Bucket[]
  by_unit: Bucket[]
  study: { total: Totals; by_month: MonthBucket[]; by_kind: Bucket[]; by_unit: Bucket[] }
}

export const fetchDashboard = (year?: number, regionId?: number | null) =>
  http.get<ActivityDashboard>('/dashboard/activities', { year, region_id: regionId })

export interface CalendarUnit {
  unit_id: number | null
  /** null: activities with no organiser given */
  name: string | null
  records: number
  people: number
}

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string
  /** The recurring dates of the legal-education year on that day, as codes (service_day, constitution_day ...). */
  campaigns: string[]
  records: number
  units: CalendarUnit[]
}

export interface CalendarMonth {
  year: number
  month: number
  days: CalendarDay[]
}

export const fetchCalendar = (year: number, month: number, regionId?: number | null) =>
  http.get<CalendarMonth>('/calendar', { year, month, region_id: regionId })

export interface Photo {
  id: number
  url: string
  thumb_url: string
  width: number
  height: number
  bytes: number
  name: string
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024

/** The raw image bytes, its type as Content-Type, its name percent-encoded in X-File-Name. */
/** A photo goes up into the caller's region, or `regionId` within the caller's scope (where it was taken). */
export const uploadPhoto = (file: File, onProgress?: (pct: number) => void, regionId?: number) =>
  upload<{ photo: Photo }>(regionId ? `/photos?region_id=${regionId}` : '/photos', file, file.type, onProgress, {
    'X-File-Name': encodeURIComponent(file.name),
  })

export const photoUrl = (id: number) => `/api/v1/photos/${id}`
export const thumbUrl = (id: number) => `/api/v1/photos/${id}/thumb`
