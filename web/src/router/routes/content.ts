/** 信息发布 (staff): columns, articles and cases, review and publishing. Filled in by the content pages. */
import type { RouteRecordRaw } from 'vue-router'

export const contentRoutes: RouteRecordRaw[] = []
