/** Reference data and service status: roles, regions, health. */
import { http } from './http'
import type { Health, Region, Role } from './types'

export const listRoles = () => http.get<{ items: Role[] }>('/roles')
export const listRegions = () => http.get<{ items: Region[] }>('/regions')
export const fetchHealth = () => http.get<Health>('/health')
