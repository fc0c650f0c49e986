/** 系统管理: accounts and the audit log. */
import { Checked, Document, Location, Setting, User } from '@element-plus/icons-vue'
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
      path: 'audit',
      name: 'system-audit',
      component: () => import('@/views/system/audit/list.vue'),
      meta: { title: 'menu.audit', icon: Document, permission: 'audit.read' },
    },
  ],
}
