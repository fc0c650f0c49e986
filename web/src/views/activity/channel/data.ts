/** 普法渠道 and what they published (渠道内容): websites, WeChat, radio (阿荣说法), TV, Douyin ... */
import { regionField, type EntitySchema } from '@/components/registry/schema'
import { WRITE } from '../shared'

export const channelSchema: EntitySchema = {
  entity: 'channels',
  title: 'activity.entity.channel',
  nameKey: 'name',
  searchLabel: 'activity.f.channelName',
  exportName: 'activity.file.channels',
  writePermission: WRITE,
  fields: [
    { key: 'name', label: 'activity.f.channelName', kind: 'text', required: true, max: 100, column: { minWidth: 160, sortable: true } },
    { key: 'kind', label: 'activity.f.channelKind', kind: 'choice', choices: 'channel_kind', required: true, filter: true, column: { width: 120, sortable: true } },
    regionField({ column: { minWidth: 120 } }),
    { key: 'unit_id', label: 'activity.f.operator', kind: 'ref', ref: 'units', scopeDefault: true, column: { minWidth: 140 } },
    { key: 'schedule', label: 'activity.f.schedule', kind: 'text', max: 50, column: { width: 110 } },
    { key: 'url', label: 'activity.f.url', kind: 'text', max: 300, column: { minWidth: 160 } },
    { key: 'description', label: 'activity.f.channelDesc', kind: 'textarea', max: 1000, column: false },
  ],
}

export const channelItemSchema: EntitySchema = {
  entity: 'channel_items',
  title: 'activity.entity.channelItem',
  nameKey: 'title',
  searchLabel: 'activity.f.itemTitle',
  exportName: 'activity.file.channelItems',
  writePermission: WRITE,
  defaultSort: '-published_on',
  fields: [
    { key: 'channel_id', label: 'activity.f.channel', kind: 'ref', ref: 'channels', required: true, filter: true, column: { minWidth: 120 } },
    { key: 'published_on', label: 'activity.f.publishedOn', kind: 'date', required: true, filter: 'range', column: { width: 120, sortable: true } },
    { key: 'title', label: 'activity.f.itemTitle', kind: 'text', required: true, max: 200, column: { minWidth: 280, sortable: true } },
    { key: 'link', label: 'activity.f.link', kind: 'text', max: 500, column: { minWidth: 160 } },
    { key: 'reach', label: 'activity.f.reach', kind: 'number', min: 0, maxValue: 100_000_000, column: { width: 130, sortable: true } },
  ],
}
