/** Navigation guard: session first, forced password change, then permissions and the scope's level (→ 403). */
import type { Router } from 'vue-router'
import { i18n } from '@/locales'
import { ADMIN_BASE } from '@/router/paths'
import { useAuthStore } from '@/stores/auth'
import { usePrefsStore } from '@/stores/prefs'
import { useReferenceStore } from '@/stores/reference'
import { mayOpen } from './access'

export function installGuard(router: Router) {
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    if (!auth.user && !to.meta.public) {
      if (await auth.restore()) usePrefsStore().adoptFrom(auth.user!)
    }
    if (to.meta.public) {
      if (to.name === 'login' && auth.user) return safeRedirect(to.query.redirect)
      return true
    }
    if (!auth.user) return { name: 'login', query: { redirect: to.fullPath } }
    if ((auth.user.must_change_password || auth.user.password_expired) && to.name !== 'account-password') {
      return { name: 'account-password' }
    }
    // the user's regions decide the pages of their level (router/access.ts); once per session
    await useReferenceStore().load().catch(() => {})
    const denied = to.matched.some((r) => !mayOpen(r.meta))
    if (denied) return { name: 'forbidden', query: { from: to.fullPath } }
    return true
  })
  router.afterEach((to) => {
    const t = i18n.global.t
    const page = to.meta.title ? t(to.meta.title) : ''
    const site = to.meta.portal ? t('portal.siteName') : t('app.title')
    // Portal pages that load a title (an article, a law) set it again once it has arrived.
    document.title = page ? `${page} - ${site}` : site
  })
}

/** Only same-site paths: never send the user to another origin after login. */
export function safeRedirect(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : ''
  return s.startsWith('/') && !s.startsWith('//') ? s : ADMIN_BASE
}
