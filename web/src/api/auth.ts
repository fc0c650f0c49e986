/** /auth: session, password and preferences of the signed-in user. */
import { http } from './http'
import type { Locale, User } from './types'

export interface SessionReply {
  user: User
  csrf_token: string
}

export interface Preferences {
  large_font?: boolean
  locale?: Locale
}

export const login = (username: string, password: string) =>
  http.post<SessionReply>('/auth/login', { username, password }, { quiet401: true })

export const fetchMe = () => http.get<SessionReply>('/auth/me', undefined, { quiet401: true })

export const logout = () => http.post<void>('/auth/logout', undefined, { quiet401: true })

export const changePassword = (old_password: string, new_password: string) =>
  http.post<void>('/auth/password', { old_password, new_password })

export const savePreferences = (prefs: Preferences) => http.put<{ user: User }>('/auth/preferences', prefs)
