/** Table column widths grow with the 适老化 font, so large text does not wrap into narrow cells. */
import { computed } from 'vue'
import { usePrefsStore } from '@/stores/prefs'

const LARGE_SCALE = 1.35

export function useColWidth() {
  const prefs = usePrefsStore()
  const scale = computed(() => (prefs.largeFont ? LARGE_SCALE : 1))
  return (px?: number) => (px === undefined ? undefined : Math.round(px * scale.value))
}
