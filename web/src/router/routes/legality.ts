/**
 * 依法治理 (docs/legality.md): 合法性审核 for the submitting units (legality.submit), the 司法所 and the bureau's
 * reviewers (legality.review) and the readers of their subtree (legality.read); 村规民约 for the villages too;
 * 复议应诉 read with legality.read, kept by the coordinator (legality.cases).
 */
import { DocumentChecked, House, Management, Suitcase } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from '../paths'

const SUBMISSIONS = `${ADMIN_BASE}/legality/submissions`
const RULES = `${ADMIN_BASE}/legality/village-rules`

export const legalityRoutes: RouteRecordRaw = {
  path: 'legality',
  name: 'legality',
  meta: { title: 'legality.menu.root', icon: Management, permission: 'legality.read|legality.submit|legality.review|legality.cases' },
  redirect: { name: 'legality-submissions' },
  children: [
    {
      path: 'submissions',
      name: 'legality-submissions',
      component: () => import('@/views/legality/submissions/list.vue'),
      meta: { title: 'legality.menu.submissions', icon: DocumentChecked, permission: 'legality.read|legality.review' },
    },
    {
      path: 'submissions/new',
      name: 'legality-submission-new',
      component: () => import('@/views/legality/submissions/form.vue'),
      meta: { title: 'legality.menu.submissionNew', parentTitle: 'legality.menu.submissions', hideInMenu: true, activeMenu: SUBMISSIONS,
        permission: 'legality.submit' },
    },
    {
      path: 'submissions/:id(\\d+)',
      name: 'legality-submission',
      component: () => import('@/views/legality/submissions/detail.vue'),
      meta: { title: 'legality.menu.submission', parentTitle: 'legality.menu.submissions', hideInMenu: true, activeMenu: SUBMISSIONS,
        permission: 'legality.read|legality.submit|legality.review' },
    },
    {
      path: 'village-rules',
      name: 'legality-village-rules',
      component: () => import('@/views/legality/village-rules/list.vue'),
      meta: { title: 'legality.menu.villageRules', icon: House, permission: 'legality.read|legality.submit' },
    },
    {
      path: 'village-rules/:id(\\d+)',
      name: 'legality-village-rule',
      component: () => import('@/views/legality/village-rules/detail.vue'),
      meta: { title: 'legality.menu.villageRule', parentTitle: 'legality.menu.villageRules', hideInMenu: true, activeMenu: RULES,
        permission: 'legality.read|legality.submit' },
    },
    {
      path: 'cases',
      name: 'legality-cases',
      component: () => import('@/views/legality/cases/list.vue'),
      meta: { title: 'legality.menu.cases', icon: Suitcase, permission: 'legality.read|legality.cases' },
    },
  ],
}
