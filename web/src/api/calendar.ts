/**
 * The working-day calendar every area counts with (docs/legality.md "The calendar"): the State Council's
 * 法定节假日 and 调休上班日 of each year; the system administrator (settings.manage) keeps it. Served at
 * /holidays: /calendar is the activity area's 宣传日历 (api/activity.ts).
 */
import { http } from './http'

export type CalendarKind = 'holiday' | 'workday'
export const CALENDAR_KINDS: CalendarKind[] = ['holiday', 'workday']

export interface CalendarDay {
  /** 2021-10-01 */
  day: string
  kind: CalendarKind
  /** 国庆节 */
  name: string
}

export interface CalendarYear {
  year: number
  /** The year's arrangement is recorded; an unknown year counts Monday to Friday. */
  known: boolean
  days: CalendarDay[]
}

export const fetchCalendar = (year: number) => http.get<CalendarYear>('/holidays', { year })
export const setCalendarDay = (day: string, body: { kind: CalendarKind; name: string }) =>
  http.put<CalendarDay>(`/holidays/${day}`, body)
export const deleteCalendarDay = (day: string) => http.delete(`/holidays/${day}`)
