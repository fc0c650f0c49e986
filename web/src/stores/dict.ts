/** The dictionaries coordinators keep (themes, campaigns): loaded once, reloaded after 字典管理 changes them. */
import { defineStore } from 'pinia'
import { listDict, type DictName } from '@/api/activity'
import type { Choice } from './choices'

/** Requests on their way, so that several fields of one form ask once. */
const pending = new Map<DictName, Promise<void>>()

export const useDictStore = defineStore('dict', {
  state: () => ({
    values: {} as Partial<Record<DictName, string[]>>,
  }),
  actions: {
    /** Loads a dictionary unless it is here (or on its way); `force` asks again. */
    load(dict: DictName, force = false): Promise<void> {
      if (!force && this.values[dict]) return Promise.resolve()
      const waiting = pending.get(dict)
      if (!force && waiting) return waiting
      const p = listDict(dict)
        .then((r) => {
          this.values[dict] = r.items.map((i) => i.value)
        })
        .finally(() => pending.delete(dict))
      pending.set(dict, p)
      return p
    },
    /** The dictionary's values as choices: they are data typed by staff, shown as they are. */
    choices(dict: DictName): Choice[] {
      return (this.values[dict] ?? []).map((v) => ({ value: v, label: v }))
    },
    invalidate() {
      this.values = {}
    },
  },
})
