/** 普法活动: dashboard, ledger, study records, channels, calendar, dictionaries (permission activity.read). */
import { Calendar, Collection, DataAnalysis, Microphone, Notebook, Promotion, Reading } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

export const activityRoutes: RouteRecordRaw = {
  path: 'activity',
  name: 'activity',
  meta: { title: 'menu.activity', icon: Promotion, permission: 'activity.read' },
  redirect: { name: 'activity-dashboard' },
  children: [
    {
      path: 'dashboard',
      name: 'activity-dashboard',
      // Its own chunk with ECharts: nothing else loads the charts.
      component: () => import('@/views/activity/dashboard/index.vue'),
      meta: { title: 'menu.activityDashboard', icon: DataAnalysis },
    },
    {
      path: 'activities',
      name: 'activity-ledger',
      component: () => import('@/views/activity/ledger/list.vue'),
      meta: { title: 'menu.activityLedger', icon: Notebook },
    },
    {
      path: 'study',
      name: 'activity-study',
      component: () => import('@/views/activity/study/list.vue'),
      meta: { title: 'menu.activityStudy', icon: Reading },
    },
    {
      path: 'channels',
      name: 'activity-channels',
      component: () => import('@/views/activity/channel/list.vue'),
      meta: { title: 'menu.activityChannels', icon: Microphone },
    },
    {
      path: 'channels/:id(\\d+)',
      name: 'activity-channel-detail',
      component: () => import('@/views/activity/channel/detail.vue'),
      meta: {
        title: 'menu.activityChannelDetail',
        parentTitle: 'menu.activityChannels',
        hideInMenu: true,
        activeMenu: '/admin/activity/channels',
      },
    },
    {
      path: 'calendar',
      name: 'activity-calendar',
      component: () => import('@/views/activity/calendar/index.vue'),
      meta: { title: 'menu.activityCalendar', icon: Calendar },
    },
    {
      path: 'dictionary',
      name: 'activity-dictionary',
      component: () => import('@/views/activity/dictionary/list.vue'),
      meta: { title: 'menu.activityDictionary', icon: Collection, permission: 'activity.review' },
    },
  ],
}
