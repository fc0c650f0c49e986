/**
 * 普法责任制 (docs/duty.md): the coordinator's duty.manage and a liaison's duty.respond open it; writing
 * the year's work points and the review are the coordinator's.
 */
import { Calendar, Checked, Document, Flag, List, Notebook, Stamp, Trophy } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from '../paths'

const LISTS = `${ADMIN_BASE}/duty/lists`
const PLANS = `${ADMIN_BASE}/duty/plans`
const BULLETINS = `${ADMIN_BASE}/duty/bulletins`
const REVIEWS = `${ADMIN_BASE}/duty/reviews`

export const dutyRoutes: RouteRecordRaw = {
  path: 'duty',
  name: 'duty',
  meta: { title: 'duty.menu.root', icon: Flag, permission: 'duty.manage|duty.respond' },
  redirect: { name: 'duty-tasks' },
  children: [
    { path: 'tasks', name: 'duty-tasks', component: () => import('@/views/duty/tasks/list.vue'), meta: { title: 'duty.menu.tasks', icon: Checked } },
    { path: 'lists', name: 'duty-lists', component: () => import('@/views/duty/lists/list.vue'), meta: { title: 'duty.menu.lists', icon: List } },
    {
      path: 'lists/new',
      name: 'duty-list-new',
      component: () => import('@/views/duty/lists/form.vue'),
      meta: { title: 'duty.menu.listNew', parentTitle: 'duty.menu.lists', hideInMenu: true, activeMenu: LISTS },
    },
    {
      path: 'lists/:id(\\d+)',
      name: 'duty-list-edit',
      component: () => import('@/views/duty/lists/form.vue'),
      meta: { title: 'duty.menu.listEdit', parentTitle: 'duty.menu.lists', hideInMenu: true, activeMenu: LISTS },
    },
    { path: 'reports', name: 'duty-reports', component: () => import('@/views/duty/reports/list.vue'), meta: { title: 'duty.menu.reports', icon: Document } },
    {
      path: 'reports/:id(\\d+)',
      name: 'duty-report',
      component: () => import('@/views/duty/reports/form.vue'),
      meta: { title: 'duty.menu.report', parentTitle: 'duty.menu.reports', hideInMenu: true, activeMenu: `${ADMIN_BASE}/duty/reports` },
    },
    { path: 'penalties', name: 'duty-penalties', component: () => import('@/views/duty/penalties/list.vue'), meta: { title: 'duty.menu.penalties', icon: Stamp } },
    { path: 'plans', name: 'duty-plans', component: () => import('@/views/duty/plans/list.vue'), meta: { title: 'duty.menu.plans', icon: Calendar } },
    {
      path: 'plans/new',
      name: 'duty-plan-new',
      component: () => import('@/views/duty/plans/form.vue'),
      meta: { title: 'duty.menu.planNew', parentTitle: 'duty.menu.plans', hideInMenu: true, activeMenu: PLANS, permission: 'duty.manage' },
    },
    {
      path: 'plans/:id(\\d+)',
      name: 'duty-plan-edit',
      component: () => import('@/views/duty/plans/form.vue'),
      meta: { title: 'duty.menu.planEdit', parentTitle: 'duty.menu.plans', hideInMenu: true, activeMenu: PLANS },
    },
    { path: 'bulletins', name: 'duty-bulletins', component: () => import('@/views/duty/bulletins/list.vue'), meta: { title: 'duty.menu.bulletins', icon: Notebook } },
    {
      path: 'bulletins/:id(\\d+)',
      name: 'duty-bulletin',
      component: () => import('@/views/duty/bulletins/detail.vue'),
      meta: { title: 'duty.menu.bulletin', parentTitle: 'duty.menu.bulletins', hideInMenu: true, activeMenu: BULLETINS },
    },
    // 履职评议: the year's review of the units, with the public vote on the portal (/duty/reviews)
    { path: 'reviews', name: 'duty-reviews', component: () => import('@/views/duty/reviews/list.vue'), meta: { title: 'duty.menu.reviews', icon: Trophy } },
    {
      path: 'reviews/:id(\\d+)',
      name: 'duty-review',
      component: () => import('@/views/duty/reviews/detail.vue'),
      meta: { title: 'duty.menu.review', parentTitle: 'duty.menu.reviews', hideInMenu: true, activeMenu: REVIEWS },
    },
  ],
}
