/** Roles and regions: loaded once per session, shared by the pages that need them. */
import { defineStore } from 'pinia'
import { listRegions, listRoles } from '@/api/system'
import type { Region, Role } from '@/api/types'
import { i18n } from '@/locales'
import { regionPath, regionTree, type RegionNode } from '@/utils/regions'

export const useReferenceStore = defineStore('reference', {
  state: () => ({
    roles: [] as Role[],
    regions: [] as Region[],
    loaded: false,
  }),
  getters: {
    regionTree: (s): RegionNode[] => regionTree(s.regions),
    regionById: (s) => new Map(s.regions.map((r) => [r.id, r])),
  },
  actions: {
    async load(force = false) {
      if (this.loaded && !force) return
      const [roles, regions] = await Promise.all([listRoles(), listRegions()])
      this.roles = roles.items
      this.regions = regions.items
      this.loaded = true
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
