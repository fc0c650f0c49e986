/** vue-i18n set-up: zh-CN first, English complete (each en module is typed by its zh-CN twin). */
import { createI18n } from 'vue-i18n'
import type { Locale } from '@/api/types'
import en from './en'
import zhCN from './zh-CN'

export const LOCALES: Locale[] = ['zh-CN', 'en']
export const LOCALE_KEY = 'pufa.locale'

export function storedLocale(): Locale {
  const v = localStorage.getItem(LOCALE_KEY)
  return v === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})
