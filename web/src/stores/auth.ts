/** The signed-in user and the CSRF token (kept in sessionStorage so a reload recovers it). */
import { defineStore } from 'pinia'
import * as api from '@/api/auth'
import type { User } from '@/api/types'

const CSRF_KEY = 'pufa.csrf'

export const useAuthStore = defineStore('auth', {
  state: () => ({
    user: null as User | null,
    csrfToken: sessionStorage.getItem(CSRF_KEY) as string | null,
  }),
  getters: {
    loggedIn: (s) => s.user !== null,
  },
  actions: {
    setSession(user: User, csrf: string) {
      this.user = user
      this.csrfToken = csrf
      sessionStorage.setItem(CSRF_KEY, csrf)
    },
    clear() {
      this.user = null
      this.csrfToken = null
      sessionStorage.removeItem(CSRF_KEY)
    },
    async login(username: string, password: string) {
      const r = await api.login(username, password)
      this.setSession(r.user, r.csrf_token)
      return r.user
    },
    /** Asks the server who we are; false when there is no session. */
    async restore(): Promise<boolean> {
      try {
        const r = await api.fetchMe()
        this.setSession(r.user, r.csrf_token)
        return true
      } catch {
        this.clear()
        return false
      }
    },
    async logout() {
      try {
        await api.logout()
      } finally {
        this.clear()
      }
    },
    /** `a|b`: any of them (普法责任制 is the coordinator's duty.manage and the liaison's duty.respond). */
    can(permission?: string): boolean {
      if (!permission) return true
      return permission.split('|').some((p) => this.user?.permissions.includes(p) ?? false)
    },
  },
})
