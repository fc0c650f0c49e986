/** 法治阵地: parks, corridors, study rooms ... (docs/org.md). */
import { choices, regionField, type EntitySchema } from '@/components/registry/schema'

export const PLACE_TYPES = choices('placeType', {
  constitutionPark: '宪法主题公园',
  civilCodePark: '民法典主题公园',
  lawPark: '法治主题公园',
  corridor: '法治楼道',
  courtyard: '法治庭院',
  gallery: '法治长廊',
  microCommunity: '法治微小区',
  studyRoom: '宪法学习室',
  bookHouse: '法治书屋',
  youthBase: '青少年法治教育基地',
  square: '法治文化广场',
  other: '其他',
})

export const placeSchema: EntitySchema = {
  entity: 'places',
  title: 'org.entity.place',
  nameKey: 'name',
  searchLabel: 'org.f.placeName',
  exportName: 'org.file.places',
  fields: [
    { key: 'name', label: 'org.f.placeName', kind: 'text', required: true, column: { minWidth: 180, sortable: true } },
    { key: 'type', label: 'org.f.placeType', kind: 'choice', required: true, choices: PLACE_TYPES, filter: true, column: { width: 150, sortable: true } },
    regionField(),
    { key: 'address', label: 'org.f.address', kind: 'text', max: 200, column: { minWidth: 140 } },
    { key: 'opened_on', label: 'org.f.openedOn', kind: 'date', column: { width: 120, sortable: true } },
    { key: 'photo_ids', label: 'org.f.photo', kind: 'photos', column: false },
    { key: 'latitude', label: 'org.f.latitude', kind: 'number', min: -90, maxValue: 90, step: 0.000001, column: false },
    { key: 'longitude', label: 'org.f.longitude', kind: 'number', min: -180, maxValue: 180, step: 0.000001, column: false },
    { key: 'description', label: 'org.f.description', kind: 'textarea', max: 1000, column: false },
  ],
}
