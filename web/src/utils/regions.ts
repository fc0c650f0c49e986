/** The flat region list as a tree (for el-tree-select) and as full place names. */
import type { Region } from '@/api/types'

export interface RegionNode {
  value: number
  label: string
  level: number
  code: string
  children?: RegionNode[]
}

export function regionTree(items: Region[]): RegionNode[] {
  const nodes = new Map<number, RegionNode>()
  for (const r of items) nodes.set(r.id, { value: r.id, label: r.name, level: r.level, code: r.code })
  const roots: RegionNode[] = []
  for (const r of items) {
    const node = nodes.get(r.id)!
    const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id)
    if (parent) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  return roots
}

/** "马涧镇 马坞村": the names below the city, or the city alone. */
export function regionPath(items: Map<number, Region>, id: number): string | undefined {
  const names: string[] = []
  for (let r = items.get(id); r; r = r.parent_id === null ? undefined : items.get(r.parent_id)) {
    names.unshift(r.name)
  }
  if (!names.length) return undefined
  return names.length > 1 ? names.slice(1).join(' ') : names[0]
}
