/** 法治阵地: parks, corridors, study rooms ... (docs/org.md). */
import { regionField, type EntitySchema } from '@/components/registry/schema'

export const placeSchema: EntitySchema = {
  entity: 'places',
  title: 'org.entity.place',
  nameKey: 'name',
  searchLabel: 'org.f.placeName',
  exportName: 'org.file.places',
  fields: [
    { key: 'name', label: 'org.f.placeName', kind: 'text', required: true, column: { minWidth: 180, sortable: true } },
    { key: 'type', label: 'org.f.placeType', kind: 'choice', required: true, choices: 'place_type', filter: true, column: { width: 150, sortable: true } },
    regionField(),
    { key: 'address', label: 'org.f.address', kind: 'text', max: 200, column: { minWidth: 140 } },
    { key: 'opened_on', label: 'org.f.openedOn', kind: 'date', column: { width: 120, sortable: true } },
    { key: 'photo_ids', label: 'org.f.photo', kind: 'photos', column: false },
    { key: 'latitude', label: 'org.f.latitude', kind: 'number', min: -90, maxValue: 90, step: 0.000001, column: false },
    { key: 'longitude', label: 'org.f.longitude', kind: 'number', min: -180, maxValue: 180, step: 0.000001, column: false },
    { key: 'description', label: 'org.f.description', kind: 'textarea', max: 1000, column: false },
  ],
}
