/**
 * 概览: which figure each card shows, what it is a share of, where it links, and at which levels of the user's
 * scope it means something (a village has no townships, schools or coverage rates to show).
 */
import type { Overview } from '@/api/org'

/** The figures of /stats/overview, and the activities of this year (the ledger's count, `activity.read`). */
export type Figures = Overview & { activities_this_year?: number }

export interface OverviewCard {
  key: keyof Figures
  /** i18n keys: what is counted, and its measure word (个, 所, 人 ...). */
  label: string
  unit: string
  /** Shown as a coverage rate of this figure (with / total). */
  of?: keyof Figures
  /** A second figure on the card (法治副校长 people beside the schools that have one). */
  extra?: { key: keyof Figures; label: string; unit: string }
  /** Route name of the list behind the figure (with `query` for a filtered list). */
  to?: string
  query?: Record<string, string>
  /** The scope levels (1 市, 2 乡镇街道, 3 村社区) the card is shown at; absent: all. */
  levels?: number[]
  /** The permission the linked page needs: without it the card shows its figure, unlinked. */
  permission?: string
}

const CITY = [1]
const VILLAGE_READERS = 'village.read|village.manage|village.file|village.township'
const ABOVE_VILLAGE = [1, 2]

/** This year's activities in the ledger (Asia/Shanghai year): the filter of the count and of its link. */
export const thisYear = (year: number) => ({ starts_on_from: `${year}-01-01`, starts_on_to: `${year}-12-31` })

export const cards = (year: number): OverviewCard[] => [
  { key: 'townships', label: 'org.overview.townships', unit: 'org.unitWord.ge', to: 'org-regions', levels: CITY },
  { key: 'villages', label: 'org.overview.villages', unit: 'org.unitWord.ge', to: 'org-regions', levels: ABOVE_VILLAGE },
  {
    key: 'activities_this_year',
    label: 'org.overview.activitiesThisYear',
    unit: 'org.unitWord.chang',
    to: 'activity-ledger',
    query: thisYear(year),
  },
  { key: 'schools', label: 'org.overview.schools', unit: 'org.unitWord.suo', to: 'org-schools', levels: ABOVE_VILLAGE },
  {
    key: 'schools_with_vice_principal',
    label: 'org.overview.schoolsWithVicePrincipal',
    unit: 'org.unitWord.suo',
    of: 'schools',
    extra: { key: 'vice_principals', label: 'org.overview.vicePrincipals', unit: 'org.unitWord.ren' },
    to: 'org-schools',
    levels: ABOVE_VILLAGE,
  },
  {
    key: 'schools_with_advisor',
    label: 'org.overview.schoolsWithAdvisor',
    unit: 'org.unitWord.suo',
    of: 'schools',
    to: 'org-schools',
    levels: ABOVE_VILLAGE,
  },
  {
    key: 'villages_with_advisor',
    label: 'org.overview.villagesWithAdvisor',
    unit: 'org.unitWord.ge',
    of: 'villages',
    to: 'org-regions',
    levels: ABOVE_VILLAGE,
  },
  // 公共法律服务: the verified service days of the latest year that has service days (no link: the page needs service.*)
  { key: 'service_days_verified', label: 'org.overview.serviceDaysVerified', unit: 'org.unitWord.ge' },
  // 民主法治村(社区): the villages holding each level, linked to 村档案 filtered by it (for those who read the area)
  { key: 'villages_national', label: 'org.overview.villagesNational', unit: 'org.unitWord.ge', to: 'village-files', query: { level: 'national' },
    permission: VILLAGE_READERS, levels: ABOVE_VILLAGE },
  { key: 'villages_provincial', label: 'org.overview.villagesProvincial', unit: 'org.unitWord.ge', to: 'village-files', query: { level: 'provincial' },
    permission: VILLAGE_READERS, levels: ABOVE_VILLAGE },
  { key: 'villages_jinhua', label: 'org.overview.villagesJinhua', unit: 'org.unitWord.ge', to: 'village-files', query: { level: 'jinhua' },
    permission: VILLAGE_READERS, levels: ABOVE_VILLAGE },
  { key: 'lecturer_teams', label: 'org.overview.lecturerTeams', unit: 'org.unitWord.zhi', to: 'org-teams', levels: ABOVE_VILLAGE },
  { key: 'places', label: 'org.overview.places', unit: 'org.unitWord.chu', to: 'org-places' },
  {
    key: 'township_constitution_rooms',
    label: 'org.overview.constitutionRooms',
    unit: 'org.unitWord.ge',
    of: 'townships',
    to: 'org-places',
    levels: ABOVE_VILLAGE,
  },
  { key: 'volunteers', label: 'org.overview.volunteers', unit: 'org.unitWord.ren', to: 'org-people' },
  { key: 'legal_advisors', label: 'org.overview.legalAdvisors', unit: 'org.unitWord.ren', to: 'org-people' },
  { key: 'units', label: 'org.overview.units', unit: 'org.unitWord.ge', to: 'org-units', levels: ABOVE_VILLAGE },
  { key: 'people', label: 'org.overview.people', unit: 'org.unitWord.ren', to: 'org-people' },
]

/** The cards of a scope at this level whose figure came (an older server may leave one out). */
export const cardsFor = (year: number, level: number | null, figures: Figures) =>
  cards(year).filter((c) => (!c.levels || level === null || c.levels.includes(level)) && typeof figures[c.key] === 'number')
