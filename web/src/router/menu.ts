/** The sidebar menu: the layout's routes the user may open, as a tree. */
import type { Component } from 'vue'
import type { RouteMeta, RouteRecordRaw } from 'vue-router'
import { ADMIN_BASE } from './paths'
import { layoutChildren } from './routes/core'

export interface MenuItem {
  path: string
  title: string
  icon?: Component
  children?: MenuItem[]
}

function join(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}/${path}`.replace(/\/$/, '') || '/'
}

function build(records: RouteRecordRaw[], base: string, allowed: (meta?: RouteMeta) => boolean): MenuItem[] {
  const items: MenuItem[] = []
  for (const r of records) {
    if (r.meta?.hideInMenu || !allowed(r.meta)) continue
    const path = join(base, r.path)
    const item: MenuItem = { path, title: r.meta?.title ?? '', icon: r.meta?.icon }
    if (r.children?.length) {
      item.children = build(r.children, path, allowed)
      if (!item.children.length) continue
    }
    items.push(item)
  }
  return items
}

/** The entries `allowed` lets through (router/access.ts `mayOpen`: permission and scope level). */
export function menuFor(allowed: (meta?: RouteMeta) => boolean): MenuItem[] {
  return build(layoutChildren, ADMIN_BASE, allowed)
}

/** Leaf entries only, for the home page's shortcuts. */
export function leaves(items: MenuItem[]): MenuItem[] {
  return items.flatMap((i) => (i.children ? leaves(i.children) : [i]))
}
