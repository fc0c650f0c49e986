import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { User } from '@/api/types'
import { mayOpen } from '@/router/access'
import { useAuthStore } from '@/stores/auth'
import type { FieldDef } from '../schema'
import { regionDecided, scopeDefaults } from '../scope-defaults'

const region: FieldDef = { key: 'region_id', label: 'f.region', kind: 'region', required: true }
const unit: FieldDef = { key: 'unit_id', label: 'f.unit', kind: 'ref', ref: 'units', scopeDefault: true }
const lecturer: FieldDef = { key: 'lecturer_id', label: 'f.lecturer', kind: 'ref', ref: 'people' }

const VILLAGE = [{ id: 251, parent_id: 250, code: '330781011001', name: '马坞村', full_name: '马坞村', level: 3 }]
const TOWNSHIP = [
  { id: 250, parent_id: 1, code: '330781011000', name: '马涧镇', full_name: '马涧镇', level: 2 },
  ...VILLAGE.map((r) => ({ ...r, full_name: '马涧镇 马坞村' })),
]

/** A server with these regions and this many units in the user's region; returns the URLs asked for. */
function serve(regions: unknown[], units: { id: number; name: string }[]) {
  const asked: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url)
      const body = url.startsWith('/api/v1/regions')
        ? { items: regions }
        : url.startsWith('/api/v1/roles')
          ? { items: [] }
          : { items: units.slice(0, 2), total: units.length }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
  return asked
}

function signIn(regionId: number) {
  useAuthStore().user = { id: 4, region_id: regionId, permissions: ['org.read', 'org.write'] } as User
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('what the scope decides for a new record', () => {
  it("presets a village operator's region to their village, and the only unit of it", async () => {
    const asked = serve(VILLAGE, [{ id: 52, name: '马坞村村民委员会' }])
    signIn(251)
    const d = await scopeDefaults([region, unit, lecturer])
    expect(d.values).toEqual({ region_id: 251, unit_id: 52 })
    expect(d.names).toEqual({ region_id: '马坞村', unit_id: '马坞村村民委员会' })
    expect(regionDecided(region)).toBe(true)
    expect(asked).toContain('/api/v1/units?region_id=251&page_size=2')
  })

  it('leaves the region to choose in a township, and the unit when there are several', async () => {
    serve(TOWNSHIP, [
      { id: 52, name: '马涧镇人民政府' },
      { id: 53, name: '马涧司法所' },
    ])
    signIn(250)
    const d = await scopeDefaults([region, unit])
    expect(d.values).toEqual({})
    expect(regionDecided(region)).toBe(false)
  })

  it('offers 区域管理 and 学校管理 only above the village level', async () => {
    serve(VILLAGE, [])
    signIn(251)
    await scopeDefaults([])
    expect(mayOpen({ permission: 'org.read', levels: [1, 2] })).toBe(false)
    expect(mayOpen({ permission: 'org.read' })).toBe(true)
    expect(mayOpen({ permission: 'user.manage' })).toBe(false)
    setActivePinia(createPinia())
    serve(TOWNSHIP, [])
    signIn(250)
    await scopeDefaults([])
    expect(mayOpen({ permission: 'org.read', levels: [1, 2] })).toBe(true)
  })
})
