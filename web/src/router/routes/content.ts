/** 信息发布 (staff, permission content.write): articles and cases with disclosure metadata, review and publishing. */
import { Checked, Document, Tickets } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from '../paths'

const LIST = `${ADMIN_BASE}/content/articles`

export const contentRoutes: RouteRecordRaw[] = [
  {
    path: 'content',
    name: 'content',
    meta: { title: 'content.menu.root', icon: Document, permission: 'content.write' },
    redirect: { name: 'content-articles' },
    children: [
      {
        path: 'articles',
        name: 'content-articles',
        component: () => import('@/views/content/article/list.vue'),
        meta: { title: 'content.menu.articles', icon: Tickets },
      },
      {
        path: 'review',
        name: 'content-review',
        component: () => import('@/views/content/article/list.vue'),
        props: { reviewing: true },
        meta: { title: 'content.menu.review', icon: Checked, permission: 'content.publish' },
      },
      {
        path: 'articles/new',
        name: 'content-article-new',
        component: () => import('@/views/content/article/form.vue'),
        meta: { title: 'content.menu.articleNew', parentTitle: 'content.menu.articles', hideInMenu: true, activeMenu: LIST },
      },
      {
        path: 'articles/:id(\\d+)',
        name: 'content-article-edit',
        component: () => import('@/views/content/article/form.vue'),
        meta: { title: 'content.menu.articleEdit', parentTitle: 'content.menu.articles', hideInMenu: true, activeMenu: LIST },
      },
    ],
  },
]
