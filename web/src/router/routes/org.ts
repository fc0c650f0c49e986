/** 组织与队伍: regions, units, schools, people, teams, places and the overview (permission org.read). */
import { DataBoard, Location, OfficeBuilding, Place, School, User, UserFilled } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

/** Pages for a city or township scope: schools are run by townships and the city, and a village has no sub-regions. */
const CITY_AND_TOWNSHIP = [1, 2]

export const orgRoutes: RouteRecordRaw = {
  path: 'org',
  name: 'org',
  meta: { title: 'menu.org', icon: OfficeBuilding, permission: 'org.read' },
  redirect: { name: 'org-overview' },
  children: [
    {
      path: 'overview',
      name: 'org-overview',
      component: () => import('@/views/org/overview/index.vue'),
      meta: { title: 'menu.orgOverview', icon: DataBoard },
    },
    {
      path: 'regions',
      name: 'org-regions',
      component: () => import('@/views/org/region/list.vue'),
      // a village has no regions below it to manage
      meta: { title: 'menu.orgRegions', icon: Location, levels: CITY_AND_TOWNSHIP },
    },
    {
      path: 'units',
      name: 'org-units',
      component: () => import('@/views/org/unit/list.vue'),
      meta: { title: 'menu.orgUnits', icon: OfficeBuilding },
    },
    {
      path: 'schools',
      name: 'org-schools',
      component: () => import('@/views/org/school/list.vue'),
      meta: { title: 'menu.orgSchools', icon: School, levels: CITY_AND_TOWNSHIP },
    },
    {
      path: 'schools/:id(\\d+)',
      name: 'org-school-detail',
      component: () => import('@/views/org/school/detail.vue'),
      meta: {
        title: 'menu.orgSchoolDetail',
        parentTitle: 'menu.orgSchools',
        hideInMenu: true,
        activeMenu: '/admin/org/schools',
        levels: CITY_AND_TOWNSHIP,
      },
    },
    {
      path: 'people',
      name: 'org-people',
      component: () => import('@/views/org/person/list.vue'),
      meta: { title: 'menu.orgPeople', icon: User },
    },
    {
      path: 'teams',
      name: 'org-teams',
      component: () => import('@/views/org/team/list.vue'),
      meta: { title: 'menu.orgTeams', icon: UserFilled },
    },
    {
      path: 'places',
      name: 'org-places',
      component: () => import('@/views/org/place/list.vue'),
      meta: { title: 'menu.orgPlaces', icon: Place },
    },
  ],
}

