/**
 * 考核验收 (docs/assess.md): the coordinator (assess.manage) runs rounds and sets; a liaison (assess.self)
 * self-assesses its units; an inspector (assess.inspect) scores its group's units on site, on a phone.
 */
import { Cellphone, Document, Medal, Tickets } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from '../paths'

const ROUNDS = `${ADMIN_BASE}/assess/rounds`
const INSPECT = `${ADMIN_BASE}/assess/inspect`

export const assessRoutes: RouteRecordRaw = {
  path: 'assess',
  name: 'assess',
  meta: { title: 'assess.menu.root', icon: Medal, permission: 'assess.manage|assess.self|assess.inspect' },
  redirect: { name: 'assess-rounds' },
  children: [
    { path: 'rounds', name: 'assess-rounds', component: () => import('@/views/assess/rounds.vue'), meta: { title: 'assess.menu.rounds', icon: Tickets } },
    {
      path: 'rounds/:id(\\d+)',
      name: 'assess-round',
      component: () => import('@/views/assess/round.vue'),
      meta: { title: 'assess.menu.round', parentTitle: 'assess.menu.rounds', hideInMenu: true, activeMenu: ROUNDS },
    },
    {
      path: 'rounds/:id(\\d+)/units/:ru(\\d+)',
      name: 'assess-sheet',
      component: () => import('@/views/assess/sheet.vue'),
      meta: { title: 'assess.menu.sheet', parentTitle: 'assess.menu.rounds', hideInMenu: true, activeMenu: ROUNDS },
    },
    {
      path: 'inspect',
      name: 'assess-inspect',
      component: () => import('@/views/assess/inspect-home.vue'),
      meta: { title: 'assess.menu.inspect', icon: Cellphone, permission: 'assess.inspect' },
    },
    {
      path: 'inspect/:id(\\d+)/:ru(\\d+)',
      name: 'assess-inspect-unit',
      component: () => import('@/views/assess/inspect-unit.vue'),
      meta: { title: 'assess.menu.inspect', parentTitle: 'assess.menu.inspect', hideInMenu: true, activeMenu: INSPECT, permission: 'assess.inspect' },
    },
    { path: 'sets', name: 'assess-sets', component: () => import('@/views/assess/sets.vue'), meta: { title: 'assess.menu.sets', icon: Document, permission: 'assess.manage' } },
  ],
}
