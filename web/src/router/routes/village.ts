/**
 * 民主法治村(社区) (docs/village.md): 村档案 and 创建评选 for everyone of the area (village.read, the coordinator's
 * village.manage, the township liaison's village.township, the village operator's village.file); 评价标准 and 复核 read
 * by all, kept by the coordinator; 覆盖情况 by township for the city and a township.
 */
import { Files, Finished, Flag, Histogram, Tickets, Trophy } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from '../paths'

const READERS = 'village.read|village.manage|village.file|village.township'
const FILES = `${ADMIN_BASE}/village/files`
const ROUNDS = `${ADMIN_BASE}/village/rounds`
const CRITERIA = `${ADMIN_BASE}/village/criteria`

export const villageRoutes: RouteRecordRaw = {
  path: 'village',
  name: 'village',
  meta: { title: 'village.menu.root', icon: Flag, permission: READERS },
  redirect: { name: 'village-files' },
  children: [
    {
      path: 'files',
      name: 'village-files',
      component: () => import('@/views/village/files/list.vue'),
      meta: { title: 'village.menu.files', icon: Files, permission: READERS },
    },
    {
      path: 'files/:id(\\d+)',
      name: 'village-file',
      component: () => import('@/views/village/files/detail.vue'),
      meta: { title: 'village.menu.file', parentTitle: 'village.menu.files', hideInMenu: true, activeMenu: FILES, permission: READERS },
    },
    {
      path: 'rounds',
      name: 'village-rounds',
      component: () => import('@/views/village/rounds/list.vue'),
      meta: { title: 'village.menu.rounds', icon: Trophy, permission: READERS },
    },
    {
      path: 'rounds/:id(\\d+)',
      name: 'village-round',
      component: () => import('@/views/village/rounds/detail.vue'),
      meta: { title: 'village.menu.round', parentTitle: 'village.menu.rounds', hideInMenu: true, activeMenu: ROUNDS, permission: READERS },
    },
    {
      path: 'applications/:id(\\d+)',
      name: 'village-sheet',
      component: () => import('@/views/village/rounds/sheet.vue'),
      meta: { title: 'village.menu.sheet', parentTitle: 'village.menu.rounds', hideInMenu: true, activeMenu: ROUNDS, permission: READERS },
    },
    {
      path: 'criteria',
      name: 'village-criteria',
      component: () => import('@/views/village/criteria/list.vue'),
      meta: { title: 'village.menu.criteria', icon: Tickets, permission: READERS },
    },
    {
      path: 'criteria/new',
      name: 'village-criteria-new',
      component: () => import('@/views/village/criteria/form.vue'),
      meta: { title: 'village.menu.criteriaNew', parentTitle: 'village.menu.criteria', hideInMenu: true, activeMenu: CRITERIA, permission: 'village.manage' },
    },
    {
      path: 'criteria/:id(\\d+)',
      name: 'village-criteria-set',
      component: () => import('@/views/village/criteria/form.vue'),
      meta: { title: 'village.menu.criteriaSet', parentTitle: 'village.menu.criteria', hideInMenu: true, activeMenu: CRITERIA, permission: READERS },
    },
    {
      path: 'reviews',
      name: 'village-reviews',
      component: () => import('@/views/village/reviews/list.vue'),
      meta: { title: 'village.menu.reviews', icon: Finished, permission: READERS },
    },
    {
      path: 'coverage',
      name: 'village-coverage',
      component: () => import('@/views/village/coverage/index.vue'),
      // by township: for the city and a township, not one village
      meta: { title: 'village.menu.coverage', icon: Histogram, permission: READERS, levels: [1, 2] },
    },
  ],
}
