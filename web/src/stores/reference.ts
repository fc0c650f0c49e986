/** Roles and regions (the signed-in user's subtree): loaded once per session, shared by the pages that need them. */
import { defineStore } from 'pinia'
import { listRegions, listRoles } from '@/api/system'
import type { Region, Role } from '@/api/types'
import { i18n } from '@/locales'
import { regionPath, regionTree, type RegionNode } from '@/utils/regions'
import { useAuthStore } from './auth'

export const useReferenceStore = defineStore('reference', {
  state: () => ({
    roles: [] as Role[],
    regions: [] as Region[],
    /** The user whose subtree `regions` is (another sign-in in the same tab loads again). */
    loadedFor: null as number | null,
  }),
  getters: {
    regionTree: (s): RegionNode[] => regionTree(s.regions),
    regionById: (s) => new Map(s.regions.map((r) => [r.id, r])),
    /** The user's own region, the root of what they see. */
    scopeRegion(): Region | null {
      return this.regionById.get(useAuthStore().user?.region_id ?? -1) ?? null
    },
    /** 1 市, 2 乡镇街道, 3 村（社区）: the level of the user's region; null until loaded. */
    scopeLevel(): number | null {
      return this.scopeRegion?.level ?? null
    },
    /** The scope is a single place (a village): a record's region is decided, no picker needed. */
    singleRegion: (s) => s.loadedFor !== null && s.regions.length === 1,
  },
  actions: {
    async load(force = false) {
      const user = useAuthStore().user?.id ?? null
      if (user !== null && this.loadedFor === user && !force) return
      const [roles, regions] = await Promise.all([listRoles(), listRegions()])
      this.roles = roles.items
      this.regions = regions.items
      this.loadedFor = user
    },
    roleName(code: string): string {
      const r = this.roles.find((x) => x.code === code)
      if (r) return i18n.global.locale.value === 'en' ? r.name_en : r.name
      const key = `role.${code}`
      return i18n.global.te(key) ? i18n.global.t(key) : code
    },
    placeName(id: number, fallback: string): string {
      return regionPath(this.regionById, id) ?? fallback
    },
  },
})
