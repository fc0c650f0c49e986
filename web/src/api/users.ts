/** /users: account management (permission user.manage). */
import { http } from './http'
import type { Page, RoleRequest, User } from './types'

export interface UserQuery {
  page: number
  page_size: number
  q?: string
  role?: string
  region_id?: number | null
  sort?: string
}

export interface UserCreate {
  username: string
  display_name: string
  password: string
  roles: string[]
  region_id: number
  unit_id?: number | null
  phone?: string
}

export interface UserUpdate {
  display_name: string
  roles: string[]
  region_id: number
  unit_id?: number | null
  /** Absent: keep the stored number (output is masked, so it cannot be sent back); null: remove it. */
  phone?: string | null
}

type One = { user: User }

/** Units an account may be bound to (names only: the system administrator reads no business data). */
export const unitChoices = (q: { q?: string; id?: number }) =>
  http.get<{ items: { id: number; name: string; region_id: number }[] }>('/unit-choices', q)
export const listUsers = (q: UserQuery) => http.get<Page<User>>('/users', { ...q })
export const getUser = (id: number) => http.get<One>(`/users/${id}`)
export const createUser = (body: UserCreate) => http.post<One>('/users', body)
export const updateUser = (id: number, body: UserUpdate) => http.put<One>(`/users/${id}`, body)
export const disableUser = (id: number) => http.post<One>(`/users/${id}/disable`)
export const enableUser = (id: number) => http.post<One>(`/users/${id}/enable`)
/** Ends a lockout after failed sign-ins (the system administrator; audited). */
export const unlockUser = (id: number) => http.post<One>(`/users/${id}/unlock`)
/** The security administrator sets roles: `request` is set when a privileged grant waits for approval (202). */
export const setRoles = (id: number, roles: string[]) =>
  http.put<One & { request?: RoleRequest }>(`/users/${id}/roles`, { roles })
export const listRoleRequests = (q: { page: number; page_size: number; state?: string }) =>
  http.get<Page<RoleRequest>>('/role-requests', { ...q })
export const approveRoleRequest = (id: number) => http.post<{ request: RoleRequest }>(`/role-requests/${id}/approve`)
export const rejectRoleRequest = (id: number, reason: string) =>
  http.post<{ request: RoleRequest }>(`/role-requests/${id}/reject`, { reason })
export const resetPassword = (id: number, password: string) =>
  http.post<void>(`/users/${id}/reset-password`, { password })
