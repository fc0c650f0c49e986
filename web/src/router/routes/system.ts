/** 系统管理: accounts and the audit log. */
import { Document, Setting, User } from '@element-plus/icons-vue'
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
      meta: { title: 'menu.users', icon: User, permission: 'user.manage' },
    },
    {
      path: 'audit',
      name: 'system-audit',
      component: () => import('@/views/system/audit/list.vue'),
      meta: { title: 'menu.audit', icon: Document, permission: 'audit.read' },
    },
  ],
}
