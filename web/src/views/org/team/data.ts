/** 讲师团与志愿者: teams, their members, and volunteers' service hours (docs/org.md). */
import { regionField, type EntitySchema } from '@/components/registry/schema'

export const teamSchema: EntitySchema = {
  entity: 'teams',
  title: 'org.entity.team',
  nameKey: 'name',
  searchLabel: 'org.f.teamName',
  exportName: 'org.file.teams',
  fields: [
    { key: 'name', label: 'org.f.teamName', kind: 'text', required: true, max: 50, column: { minWidth: 180, sortable: true } },
    { key: 'kind', label: 'org.f.teamKind', kind: 'choice', required: true, choices: 'team_kind', filter: true, column: { width: 120, sortable: true } },
    { key: 'theme', label: 'org.f.theme', kind: 'text', max: 50, column: { width: 120 } },
    regionField({ column: { minWidth: 120 } }),
    { key: 'leader_id', label: 'org.f.leader', kind: 'ref', ref: 'people', column: { width: 100 } },
    { key: 'topics', label: 'org.f.topics', kind: 'textarea', max: 500, column: { minWidth: 150 } },
    { key: 'description', label: 'org.f.description', kind: 'textarea', max: 1000, column: false },
  ],
}

export const memberSchema: EntitySchema = {
  entity: 'team_members',
  title: 'org.entity.member',
  nameKey: 'person_name',
  exportName: 'org.file.members',
  fields: [
    { key: 'team_id', label: 'org.f.team', kind: 'ref', ref: 'teams', required: true, filter: true },
    { key: 'person_id', label: 'org.f.member', kind: 'ref', ref: 'people', required: true, column: { minWidth: 100 } },
    { key: 'role', label: 'org.f.role', kind: 'choice', choices: 'team_role', column: { width: 100 } },
    { key: 'topics', label: 'org.f.topics', kind: 'textarea', max: 500, column: { minWidth: 150 } },
  ],
}

export const hoursSchema: EntitySchema = {
  entity: 'volunteer_hours',
  title: 'org.entity.hours',
  nameKey: 'person_name',
  searchLabel: 'org.f.serviceContent',
  exportName: 'org.file.hours',
  fields: [
    { key: 'person_id', label: 'org.f.volunteer', kind: 'ref', ref: 'people', required: true, filter: true, column: { width: 120, sortable: true } },
    { key: 'served_on', label: 'org.f.servedOn', kind: 'date', required: true, column: { width: 130, sortable: true } },
    { key: 'hours', label: 'org.f.hours', kind: 'number', required: true, min: 0.5, maxValue: 24, step: 0.5, column: { width: 135, sortable: true } },
    { key: 'description', label: 'org.f.serviceContent', kind: 'textarea', max: 200, column: { minWidth: 200 } },
    { key: 'region_id', label: 'org.f.region', kind: 'region', form: false, column: { minWidth: 150 } },
  ],
}
