/**
 * What the user's scope already decides for a new record, so nobody picks it: the region of a scope that is
 * one place (a village operator's own village), and a `scopeDefault` unit field when the user's region has
 * exactly one unit (`GET /units?region_id=<theirs>&page_size=2` answers total 1).
 */
import { listItems } from '@/api/org'
import { useAuthStore } from '@/stores/auth'
import { useReferenceStore } from '@/stores/reference'
import type { FieldDef } from './schema'

export interface ScopeDefaults {
  /** Field key → value. */
  values: Record<string, number>
  /** Field key → the value's display name, for the reference selects. */
  names: Record<string, string>
}

/** The region field is decided: the user's scope is a single place. */
export const regionDecided = (f: FieldDef) => f.kind === 'region' && useReferenceStore().singleRegion

export async function scopeDefaults(fields: FieldDef[]): Promise<ScopeDefaults> {
  const out: ScopeDefaults = { values: {}, names: {} }
  const ref_ = useReferenceStore()
  await ref_.load().catch(() => {})
  for (const f of fields) {
    if (!regionDecided(f)) continue
    const only = ref_.regions[0]
    out.values[f.key] = only.id
    out.names[f.key] = only.full_name ?? only.name
  }
  const units = fields.filter((f) => f.scopeDefault && f.ref === 'units')
  const region = useAuthStore().user?.region_id
  if (!units.length || region === undefined) return out
  try {
    const r = await listItems('units', { region_id: region, page_size: 2 })
    if (r.total !== 1) return out
    for (const f of units) {
      out.values[f.key] = r.items[0].id
      out.names[f.key] = String(r.items[0].name ?? '')
    }
  } catch {
    // only a convenience: the field stays empty for the user to choose
  }
  return out
}
