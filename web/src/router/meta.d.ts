import type { Component } from 'vue'
import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (menu, breadcrumb, document title). */
    title?: string
    /** i18n key of a breadcrumb parent that has no route of its own. */
    parentTitle?: string
    icon?: Component
    /** Permission code the user must hold; absent means every signed-in user. */
    permission?: string
    /**
     * The levels of the user's scope (1 市, 2 乡镇街道, 3 村社区) at which the page means something (区域管理 and
     * 学校管理 need a township or the city); absent: every level.
     */
    levels?: number[]
    hideInMenu?: boolean
    /** The menu entry to highlight for a page that has none of its own (a detail page: its list). */
    activeMenu?: string
    /** Reachable without a session (the login page, the public portal). */
    public?: boolean
    /** A page of the public portal: its document title ends with the portal's name. */
    portal?: boolean
  }
}
