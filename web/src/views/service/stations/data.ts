/** 服务站点: the city's 公共法律服务中心, the townships' 公共法律服务站 and the villages' 服务点 (docs/service.md). */
import { regionField, type EntitySchema } from '@/components/registry/schema'

export const stationSchema: EntitySchema = {
  entity: 'service_stations',
  title: 'service.station.entity',
  nameKey: 'name',
  searchLabel: 'service.station.name',
  exportName: 'service.station.file',
  importable: true,
  writePermission: 'service.manage',
  fields: [
    { key: 'name', label: 'service.station.name', kind: 'text', required: true, max: 100, column: { minWidth: 180, sortable: true } },
    { key: 'level', label: 'service.station.level', kind: 'choice', required: true, choices: 'station_level', filter: true, column: { width: 180, sortable: true } },
    regionField({ label: 'service.station.region', column: { minWidth: 130, sortable: true } }),
    { key: 'address', label: 'service.station.address', kind: 'text', max: 200, column: { minWidth: 160, minScreen: 1600 } },
    // a public number (the station's), not masked: plain text
    { key: 'phone', label: 'service.station.phone', kind: 'text', max: 30, column: { width: 120 } },
    { key: 'hours', label: 'service.station.hours', kind: 'text', max: 100, column: false },
    { key: 'staff', label: 'service.station.staff', kind: 'text', max: 200, column: false },
    { key: 'windows', label: 'service.station.windows', kind: 'tags', choices: 'station_window', filter: true, column: { minWidth: 170, minScreen: 1440 } },
    { key: 'brand', label: 'service.station.brand', kind: 'text', max: 50, column: { width: 100, minScreen: 1440 } },
    { key: 'brand_intro', label: 'service.station.brandIntro', kind: 'textarea', max: 1000, column: false },
    { key: 'photo_ids', label: 'service.station.photos', kind: 'photos', column: false },
  ],
}
