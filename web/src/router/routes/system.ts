/** 系统管理: accounts, the region tree, the working-day calendar and the audit log. */
import { Calendar, Checked, Document, Location, Setting, User } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

export const systemRoutes: RouteRecordRaw = {
  path: 'system',
  name: 'system',
  meta: { title: 'menu.system', icon: Setting },
  redirect: { name: 'system-users' },
  children: [
    {
      path: 'users',
      name: 'system-users',
      component: () => import('@/views/system/user/list.vue'),
      // the system administrator keeps accounts; the security administrator assigns roles here
      meta: { title: 'menu.users', icon: User, permission: 'user.read' },
    },
    {
      path: 'role-requests',
      name: 'system-role-requests',
      component: () => import('@/views/system/role-request/list.vue'),
      meta: { title: 'menu.roleRequests', icon: Checked, permission: 'role.manage' },
    },
    {
      path: 'regions',
      name: 'system-regions',
      component: () => import('@/views/org/region/list.vue'),
      // the region tree every scope is built on: the system administrator's (三员分立)
      meta: { title: 'menu.systemRegions', icon: Location, permission: 'regions.manage' },
    },
    {
      path: 'calendar',
      name: 'system-calendar',
      component: () => import('@/views/system/calendar/index.vue'),
      // 节假日安排: the working days every time limit counts (合法性审核), a setting of the system administrator
      meta: { title: 'menu.systemCalendar', icon: Calendar, permission: 'settings.manage' },
    },
    {
      path: 'audit',
      name: 'system-audit',
      component: () => import('@/views/system/audit/list.vue'),
      meta: { title: 'menu.audit', icon: Document, permission: 'audit.read' },
    },
  ],
}
