/**
 * The public portal for residents under / (no sign-in): home, columns, article pages, search, the
 * law library, the prize quiz. Unknown paths outside /admin land on the portal's own 404 (the staff app has its own).
 */
import type { RouteRecordRaw } from 'vue-router'

export const portalRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    component: () => import('@/layouts/portal-layout.vue'),
    meta: { public: true, portal: true },
    children: [
      { path: '', name: 'portal-home', component: () => import('@/views/portal/home.vue'), meta: { title: 'portal.nav.home' } },
      {
        path: 'columns/:code',
        name: 'portal-column',
        component: () => import('@/views/portal/column.vue'),
        meta: { title: 'portal.titles.column' },
      },
      {
        path: 'articles/:id(\\d+)',
        name: 'portal-article',
        component: () => import('@/views/portal/article.vue'),
        meta: { title: 'portal.titles.article' },
      },
      { path: 'search', name: 'portal-search', component: () => import('@/views/portal/search.vue'), meta: { title: 'portal.search.title' } },
      // 有奖竞答: the phone page of the public quiz, in the portal's frame
      { path: 'quiz', name: 'quiz', component: () => import('@/views/quiz/index.vue'), meta: { title: 'exam.quiz.title' } },
      // 政务公开 > 普法责任清单: the published lists and the public bulletins
      {
        path: 'duty/bulletins/:id(\\d+)',
        name: 'portal-duty-bulletin',
        component: () => import('@/views/portal/duty-bulletin.vue'),
        meta: { title: 'duty.portal.bulletins' },
      },
      { path: 'duty/lists', name: 'portal-duty-lists', component: () => import('@/views/portal/duty-lists.vue'), meta: { title: 'duty.portal.title' } },
      {
        path: 'duty/lists/:id(\\d+)',
        name: 'portal-duty-list',
        component: () => import('@/views/portal/duty-list.vue'),
        meta: { title: 'duty.portal.title' },
      },
      // 政务公开 > 履职评议: the rounds, the public vote (phone + one-time code) and the published results
      { path: 'duty/reviews', name: 'portal-duty-reviews', component: () => import('@/views/portal/duty-reviews.vue'), meta: { title: 'duty.reviews.portal.title' } },
      {
        path: 'duty/reviews/:id(\\d+)',
        name: 'portal-duty-review',
        component: () => import('@/views/portal/duty-review.vue'),
        meta: { title: 'duty.reviews.portal.title' },
      },
      // 政务公开 > 考核结果: the published assessment rounds and their rankings
      { path: 'assess', name: 'portal-assess-rounds', component: () => import('@/views/portal/assess-rounds.vue'), meta: { title: 'assess.portal.title' } },
      {
        path: 'assess/:id(\\d+)',
        name: 'portal-assess-round',
        component: () => import('@/views/portal/assess-round.vue'),
        meta: { title: 'assess.portal.title' },
      },
      // 法律服务: the stations by township, a village's advisor and days, a booking (phone + one-time code) and its
      // status (the token kept on the device), and a resident's confirmation of an advisor's check-in
      { path: 'service', name: 'portal-service', component: () => import('@/views/portal/service/index.vue'), meta: { title: 'service.portal.title' } },
      {
        path: 'service/villages/:id(\\d+)',
        name: 'portal-service-village',
        component: () => import('@/views/portal/service/village.vue'),
        meta: { title: 'service.portal.village' },
      },
      { path: 'service/book', name: 'portal-service-book', component: () => import('@/views/portal/service/book.vue'), meta: { title: 'service.portal.book' } },
      {
        path: 'service/bookings/:ref',
        name: 'portal-service-booking',
        component: () => import('@/views/portal/service/booking.vue'),
        meta: { title: 'service.portal.booking' },
      },
      // 申请法律援助 (phone + one-time code) and its status (the token kept on the device, as bookings)
      { path: 'service/aid', name: 'portal-service-aid', component: () => import('@/views/portal/service/aid.vue'), meta: { title: 'service.aidPortal.apply' } },
      {
        path: 'service/aid/:ref',
        name: 'portal-service-aid-status',
        component: () => import('@/views/portal/service/aid-status.vue'),
        meta: { title: 'service.aidPortal.status' },
      },
      {
        path: 'service/check-in',
        name: 'portal-service-check-in',
        component: () => import('@/views/portal/service/check-in.vue'),
        meta: { title: 'service.portal.checkIn' },
      },
      { path: 'laws', name: 'portal-laws', component: () => import('@/views/portal/laws.vue'), meta: { title: 'portal.nav.laws' } },
      { path: 'laws/:law', name: 'portal-law', component: () => import('@/views/portal/law.vue'), meta: { title: 'portal.titles.law' } },
      {
        path: 'laws/:law/articles/:number',
        name: 'portal-law-article',
        component: () => import('@/views/portal/law-article.vue'),
        meta: { title: 'portal.titles.lawArticle' },
      },
      // 证书查验: what a certificate's QR code opens (no sign-in)
      {
        path: 'verify/certificate',
        name: 'portal-verify-certificate',
        component: () => import('@/views/portal/verify-certificate.vue'),
        meta: { title: 'portal.verify.title' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'portal-not-found',
        component: () => import('@/views/portal/not-found.vue'),
        meta: { title: 'portal.notFound.title' },
      },
    ],
  },
]
