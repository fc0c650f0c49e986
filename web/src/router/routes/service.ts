/**
 * 公共法律服务 (docs/service.md): the advisor's 我的服务日 (service.log) and the village operator's 核实服务日
 * (service.confirm) first — phone pages —; the schedules, logs, bookings and scorecards read with service.read (an
 * advisor: their own); call-backs, the stations and the work standard kept with service.manage; 法律援助 (the
 * applications on their 7- and 3-day clocks) read with service.read, decided with service.manage, referred by advisors.
 */
import { Calendar, ChatDotRound, Checked, DataAnalysis, Iphone, Notebook, OfficeBuilding, Phone, Service, SetUp, Stamp } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from '../paths'

/** The work standard and the scorecards mean something for a township or the city, not for one village. */
const CITY_AND_TOWNSHIP = [1, 2]
const AID = `${ADMIN_BASE}/service/aid`

export const serviceRoutes: RouteRecordRaw = {
  path: 'service',
  name: 'service',
  meta: { title: 'service.menu.root', icon: Service, permission: 'service.read|service.manage|service.log|service.confirm' },
  redirect: { name: 'service-days' },
  children: [
    {
      path: 'my-days',
      name: 'service-my-days',
      component: () => import('@/views/service/my-days/index.vue'),
      meta: { title: 'service.menu.myDays', icon: Iphone, permission: 'service.log' },
    },
    {
      path: 'confirm',
      name: 'service-confirm',
      component: () => import('@/views/service/confirm/index.vue'),
      meta: { title: 'service.menu.confirm', icon: Checked, permission: 'service.confirm' },
    },
    {
      path: 'days',
      name: 'service-days',
      component: () => import('@/views/service/days/list.vue'),
      meta: { title: 'service.menu.days', icon: Calendar, permission: 'service.read|service.manage|service.log' },
    },
    {
      path: 'logs',
      name: 'service-logs',
      component: () => import('@/views/service/logs/list.vue'),
      meta: { title: 'service.menu.logs', icon: Notebook, permission: 'service.read|service.manage|service.log' },
    },
    {
      path: 'bookings',
      name: 'service-bookings',
      component: () => import('@/views/service/bookings/list.vue'),
      meta: { title: 'service.menu.bookings', icon: ChatDotRound, permission: 'service.read|service.manage|service.log' },
    },
    {
      path: 'callbacks',
      name: 'service-callbacks',
      component: () => import('@/views/service/callbacks/list.vue'),
      meta: { title: 'service.menu.callbacks', icon: Phone, permission: 'service.manage' },
    },
    {
      path: 'aid',
      name: 'service-aids',
      component: () => import('@/views/service/aid/list.vue'),
      meta: { title: 'service.menu.aid', icon: Stamp, permission: 'service.read|service.manage|service.log' },
    },
    {
      path: 'aid/new',
      name: 'service-aid-new',
      component: () => import('@/views/service/aid/form.vue'),
      meta: { title: 'service.menu.aidNew', parentTitle: 'service.menu.aid', hideInMenu: true, activeMenu: AID, permission: 'service.manage|service.log' },
    },
    {
      path: 'aid/:id(\\d+)',
      name: 'service-aid',
      component: () => import('@/views/service/aid/detail.vue'),
      meta: { title: 'service.menu.aidDetail', parentTitle: 'service.menu.aid', hideInMenu: true, activeMenu: AID,
        permission: 'service.read|service.manage|service.log' },
    },
    {
      path: 'scores',
      name: 'service-scores',
      component: () => import('@/views/service/scores/index.vue'),
      // the townships' and the advisors' figures: for a township or the city (an advisor's account sits in the city)
      meta: { title: 'service.menu.scores', icon: DataAnalysis, permission: 'service.read|service.manage|service.log', levels: CITY_AND_TOWNSHIP },
    },
    {
      path: 'stations',
      name: 'service-stations',
      component: () => import('@/views/service/stations/list.vue'),
      meta: { title: 'service.menu.stations', icon: OfficeBuilding, permission: 'service.read|service.manage' },
    },
    {
      path: 'standard',
      name: 'service-standard',
      component: () => import('@/views/service/standard/index.vue'),
      meta: { title: 'service.menu.standard', icon: SetUp, permission: 'service.read|service.manage', levels: CITY_AND_TOWNSHIP },
    },
  ],
}
