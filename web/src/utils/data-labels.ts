/**
 * Column and section names are data: the server sends them in Chinese (docs/content.md: news 新闻动态, dept
 * 部门微普法 and the section 普法动态; cases 以案释法; notices 通知公告, plans 计划总结 and the section 政务公开).
 * The reader's language labels them from the locale by code (`portal.column.<code>`, `portal.section.<code>`);
 * a name that arrives without its code (a section crumb, a search hit's heading) finds it through the zh-CN
 * labels. A name no locale knows keeps its Chinese text and says so (`lang: 'zh-CN'`, for screen readers
 * and the reader's eye).
 */
import { i18n } from '@/locales'
import zhCN from '@/locales/zh-CN'

export interface DataLabel {
  text: string
  /** Set when the text is the Chinese data itself in another UI language. */
  lang?: 'zh-CN'
}

type Kind = 'column' | 'section'

/** Chinese name → code, from the zh-CN labels (the one place the names are written). */
const codes: Record<Kind, Map<string, string>> = {
  column: new Map(Object.entries(zhCN.portal.column).map(([code, name]) => [name, code])),
  section: new Map(Object.entries(zhCN.portal.section).map(([code, name]) => [name, code])),
}

function label(kind: Kind, code: string | undefined, name: string | undefined): DataLabel {
  const { t, te, locale } = i18n.global
  const known = code ?? (name ? codes[kind].get(name) : undefined)
  const key = `portal.${kind}.${known}`
  if (known && te(key)) return { text: t(key) }
  const text = name ?? code ?? ''
  return locale.value === 'zh-CN' || !text ? { text } : { text, lang: 'zh-CN' }
}

/** A column's label by its code (or its Chinese name when the code did not come). */
export const columnLabel = (code?: string, name?: string) => label('column', code, name)

/** A section's label by its Chinese name (普法动态, 以案释法, 政务公开). */
export const sectionLabel = (name: string) => label('section', undefined, name)

export type Suggestion = keyof typeof zhCN.portal.search.suggest

/** A suggested search: its label in the reader's language, and the Chinese words searched for (the texts are Chinese). */
export const suggestion = (code: Suggestion) => ({ label: i18n.global.t(`portal.search.suggest.${code}`), q: zhCN.portal.search.suggest[code] })
