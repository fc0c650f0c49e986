/** The public portal for residents (no sign-in). Filled in by the portal pages. */
import type { RouteRecordRaw } from 'vue-router'

export const portalRoutes: RouteRecordRaw[] = []
