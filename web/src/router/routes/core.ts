/**
 * The staff app lives under /admin (routes every signed-in user has: home, own password, error pages);
 * the login page at /login; the public portal owns / (routes/portal.ts, with its own 404 for unknown paths).
 */
import { HomeFilled } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from '../paths'
import { activityRoutes } from './activity'
import { assessRoutes } from './assess'
import { contentRoutes } from './content'
import { dutyRoutes } from './duty'
import { examPageRoutes, examRoutes } from './exam'
import { legalityRoutes } from './legality'
import { orgRoutes } from './org'
import { portalRoutes } from './portal'
import { serviceRoutes } from './service'
import { systemRoutes } from './system'
import { villageRoutes } from './village'

/** Children of the layout: the menu is built from these. */
export const layoutChildren: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/dashboard/index.vue'),
    meta: { title: 'menu.home', icon: HomeFilled },
  },
  orgRoutes,
  activityRoutes,
  dutyRoutes,
  assessRoutes,
  legalityRoutes,
  serviceRoutes,
  villageRoutes,
  ...contentRoutes,
  ...examRoutes,
  systemRoutes,
  {
    path: 'account/password',
    name: 'account-password',
    component: () => import('@/views/account/password/index.vue'),
    meta: { title: 'menu.password', hideInMenu: true, parentTitle: 'menu.account' },
  },
  {
    path: '403',
    name: 'forbidden',
    component: () => import('@/views/error/forbidden.vue'),
    meta: { title: 'menu.forbidden', hideInMenu: true },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/not-found.vue'),
    meta: { title: 'menu.notFound', hideInMenu: true },
  },
]

export const routes: RouteRecordRaw[] = [
  ...portalRoutes,
  ...examPageRoutes,
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/login/index.vue'),
    meta: { title: 'login.title', public: true },
  },
  {
    path: ADMIN_BASE,
    component: () => import('@/layouts/basic-layout.vue'),
    children: layoutChildren,
  },
]
