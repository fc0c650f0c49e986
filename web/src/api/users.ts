/** /users: account management (permission user.manage). */
import { http } from './http'
import type { Page, User } from './types'

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
  phone?: string
}

export interface UserUpdate {
  display_name: string
  roles: string[]
  region_id: number
  /** Absent: keep the stored number (output is masked, so it cannot be sent back); null: remove it. */
  phone?: string | null
}

type One = { user: User }

export const listUsers = (q: UserQuery) => http.get<Page<User>>('/users', { ...q })
export const getUser = (id: number) => http.get<One>(`/users/${id}`)
export const createUser = (body: UserCreate) => http.post<One>('/users', body)
export const updateUser = (id: number, body: UserUpdate) => http.put<One>(`/users/${id}`, body)
export const disableUser = (id: number) => http.post<One>(`/users/${id}/disable`)
export const enableUser = (id: number) => http.post<One>(`/users/${id}/enable`)
export const resetPassword = (id: number, password: string) =>
  http.post<void>(`/users/${id}/reset-password`, { password })
