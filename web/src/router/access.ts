/**
 * Which staff pages the signed-in user may open: the route's permission (from GET /auth/me) and the level
 * of their scope (`meta.levels`, from GET /regions). The menu, the home page's shortcuts and the guard all ask here.
 */
import type { RouteMeta } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { useReferenceStore } from '@/stores/reference'

export function mayOpen(meta: RouteMeta | undefined): boolean {
  if (!useAuthStore().can(meta?.permission)) return false
  if (!meta?.levels) return true
  const level = useReferenceStore().scopeLevel
  // the regions not loaded (a failed request): the server still limits every list to the user's subtree
  return level === null || meta.levels.includes(level)
}
