import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { configureHttp } from '@/api/http'
import { i18n } from '@/locales'
import { router } from '@/router'
import { useAuthStore } from '@/stores/auth'
import { usePrefsStore } from '@/stores/prefs'
import App from './App.vue'
import './styles/index.css'
import './styles/print.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)

const auth = useAuthStore()
usePrefsStore().init()
configureHttp({
  csrfToken: () => auth.csrfToken,
  onUnauthorized: () => {
    auth.clear()
    const current = router.currentRoute.value
    if (current.meta.public) return
    router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
  },
})

// After a new release the old hashed chunks are gone: load the page again, once per minute at most.
const RELOAD_KEY = 'pufa.chunkReload'
const RELOAD_GAP_MS = 60_000
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0)
  if (Date.now() - last < RELOAD_GAP_MS) return
  event.preventDefault()
  sessionStorage.setItem(RELOAD_KEY, String(Date.now()))
  window.location.reload()
})

app.use(router)
app.mount('#app')
