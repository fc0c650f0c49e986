/**
 * 关怀版, the portal's elder-friendly mode: the staff app's 适老化 (html.pufa-large: larger text, stronger
 * contrast, larger controls; remembered on this device, and for a signed-in user on the server too) with the
 * reading text at its largest (字体 大). The portal's own sizes follow `--portal-scale` (layouts/portal-layout.vue).
 */
import { computed } from 'vue'
import { usePrefsStore } from '@/stores/prefs'
import { useFontSize } from './use-font-size'

export function useCareMode() {
  const prefs = usePrefsStore()
  const size = useFontSize()
  const on = computed(() => prefs.largeFont)
  function toggle() {
    const next = !prefs.largeFont
    size.value = next ? 'large' : 'medium'
    // applied here at once; only the signed-in user's server copy can fail, and the device keeps the choice
    prefs.setLargeFont(next).catch(() => {})
  }
  return { on, toggle }
}
