/** 适老化 (large font) and language: applied to <html>, remembered locally and on the server. */
import { defineStore } from 'pinia'
import { savePreferences } from '@/api/auth'
import type { Locale, User } from '@/api/types'
import { i18n, LOCALE_KEY, storedLocale } from '@/locales'
import { useAuthStore } from './auth'

const LARGE_KEY = 'pufa.largeFont'
const LARGE_CLASS = 'pufa-large'

function apply(largeFont: boolean, locale: Locale) {
  const root = document.documentElement
  root.classList.toggle(LARGE_CLASS, largeFont)
  root.lang = locale
  i18n.global.locale.value = locale
  localStorage.setItem(LARGE_KEY, largeFont ? '1' : '0')
  localStorage.setItem(LOCALE_KEY, locale)
}

export const usePrefsStore = defineStore('prefs', {
  state: () => ({
    largeFont: localStorage.getItem(LARGE_KEY) === '1',
    locale: storedLocale(),
  }),
  actions: {
    /** Called at start-up, before anyone is known: this device's last choice. */
    init() {
      apply(this.largeFont, this.locale)
    },
    /** The signed-in user's saved choice wins over this device's. */
    adoptFrom(user: User) {
      this.largeFont = user.large_font
      this.locale = user.locale === 'en' ? 'en' : 'zh-CN'
      apply(this.largeFont, this.locale)
    },
    async setLargeFont(on: boolean) {
      this.largeFont = on
      apply(on, this.locale)
      await this.save({ large_font: on })
    },
    async setLocale(locale: Locale) {
      this.locale = locale
      apply(this.largeFont, locale)
      await this.save({ locale })
    },
    async save(p: { large_font?: boolean; locale?: Locale }) {
      const auth = useAuthStore()
      if (!auth.user) return
      const r = await savePreferences(p)
      auth.user = r.user
    },
  },
})
