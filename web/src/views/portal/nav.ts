/** The portal's column navigation: the fixed columns (CONTRACTS "Content"), the law library and the quiz. */
import { formatTime } from '@/utils/format'

export interface NavItem {
  to: string
  title: string
}

export const COLUMN_CODES = ['news', 'dept', 'cases', 'notices', 'plans'] as const

export const PORTAL_NAV: NavItem[] = [
  { to: '/', title: 'portal.nav.home' },
  ...COLUMN_CODES.map((c) => ({ to: `/columns/${c}`, title: `portal.column.${c}` })),
  { to: '/laws', title: 'portal.nav.laws' },
  { to: '/quiz', title: 'portal.nav.quiz' },
]

/** The column's name from the server when known, else our own label. */
export function columnTitle(code: string, t: (k: string) => string, te: (k: string) => boolean, fromServer?: string) {
  if (fromServer) return fromServer
  return te(`portal.column.${code}`) ? t(`portal.column.${code}`) : code
}

/** "2020-08-10 18:12" in Asia/Shanghai: what the seed page shows as 发布时间. */
export function formatMinute(iso: string | null | undefined): string {
  const full = formatTime(iso)
  return full === '-' ? full : full.slice(0, 16)
}

/** "2020-08-10" in Asia/Shanghai, for lists. */
export const formatDay = (iso: string | null | undefined) => formatMinute(iso).slice(0, 10)
