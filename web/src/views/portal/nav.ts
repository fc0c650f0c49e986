/** The portal's column navigation: the fixed columns (CONTRACTS "Content"), the 普法责任制 pages, the published assessment results, 法律服务, the law library and the quiz. */
export interface NavItem {
  to: string
  title: string
}

export const COLUMN_CODES = ['news', 'dept', 'cases', 'notices', 'plans'] as const

export const PORTAL_NAV: NavItem[] = [
  { to: '/', title: 'portal.nav.home' },
  ...COLUMN_CODES.map((c) => ({ to: `/columns/${c}`, title: `portal.column.${c}` })),
  { to: '/duty/lists', title: 'duty.portal.title' },
  { to: '/duty/reviews', title: 'duty.reviews.portal.title' },
  { to: '/assess', title: 'assess.portal.title' },
  { to: '/service', title: 'service.portal.nav' },
  { to: '/laws', title: 'portal.nav.laws' },
  { to: '/quiz', title: 'portal.nav.quiz' },
]
