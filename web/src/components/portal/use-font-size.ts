/** The public pages' 字体 小/中/大: one choice per device, shared by article and law pages. */
import { ref, watch } from 'vue'

export type FontSize = 'small' | 'medium' | 'large'
export const FONT_SIZES: FontSize[] = ['small', 'medium', 'large']
const KEY = 'pufa.portalFont'

function stored(): FontSize {
  const v = localStorage.getItem(KEY)
  return (FONT_SIZES as string[]).includes(v ?? '') ? (v as FontSize) : 'medium'
}

// Module-level so that every page (and a second switch on the same page) sees the same choice.
const size = ref<FontSize>(stored())
watch(size, (v) => localStorage.setItem(KEY, v))

export function useFontSize() {
  return size
}
