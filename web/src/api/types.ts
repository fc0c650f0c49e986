/** Wire types of the Pufa JSON API (/api/v1). Times are UTC ISO-8601 strings. */

export type RoleCode =
  | 'admin'
  | 'coordinator'
  | 'unit_operator'
  | 'village_operator'
  | 'lecturer'
  | 'advisor'
  | 'mediator'
  | 'grid_worker'
  | 'inspector'
  | 'legal_reviewer'
  | 'examinee'
  | 'public'

export type Locale = 'zh-CN' | 'en'

export interface User {
  id: number
  username: string
  display_name: string
  roles: string[]
  permissions: string[]
  region_id: number
  region_name: string
  /** The unit a liaison answers for (普法责任制 tasks and lists); null: the region scope alone. */
  unit_id: number | null
  phone: string | null
  disabled: boolean
  locked_until: string | null
  large_font: boolean
  locale: Locale
  must_change_password: boolean
  /** older than the password_max_age_days setting: changed first, like an initial password */
  password_expired: boolean
  created_at: string
  last_login_at: string | null
}

export interface Role {
  code: string
  name: string
  name_en: string
  permissions: string[]
  /** One of the three administrators (三员): held alone. */
  administrator: boolean
  /** Granted only by a security administrator, applied once a second one approves. */
  privileged: boolean
}

/** A privileged role change waiting for (or decided by) a second security administrator. */
export interface RoleRequest {
  id: number
  user_id: number
  username: string
  display_name: string
  roles: string[]
  previous_roles: string[]
  requested_by: number
  requested_by_name: string
  requested_at: string
  state: 'pending' | 'approved' | 'rejected'
  decided_by: number | null
  decided_by_name: string | null
  decided_at: string | null
  reason: string
}

export interface Region {
  id: number
  parent_id: number | null
  code: string
  name: string
  /** 1 市, 2 乡镇街道, 3 村（社区） */
  level: number
  /** "马涧镇 马坞村" (the org routes' region list carries it) */
  full_name?: string
}

export interface AuditEntry {
  id: number
  at: string
  user_id: number | null
  username: string | null
  ip: string | null
  action: string
  object_type: string | null
  object_id: string | number | null
  outcome: 'success' | 'failure'
  detail: string | null
  request_id: string | null
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface Health {
  status: string
  db: string
  version: string
}
