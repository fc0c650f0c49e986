/** 概览: which figure of /stats/overview each card shows, what it is a share of, where it links. */
import type { Overview } from '@/api/org'

export interface OverviewCard {
  key: keyof Overview
  /** i18n keys: what is counted, and its measure word (个, 所, 人 ...). */
  label: string
  unit: string
  /** Shown as a coverage rate of this figure (with / total). */
  of?: keyof Overview
  /** A second figure on the card (法治副校长 people beside the schools that have one). */
  extra?: { key: keyof Overview; label: string; unit: string }
  /** Route name of the list behind the figure. */
  to?: string
}

export const cards: OverviewCard[] = [
  { key: 'townships', label: 'org.overview.townships', unit: 'org.unitWord.ge', to: 'org-regions' },
  { key: 'villages', label: 'org.overview.villages', unit: 'org.unitWord.ge', to: 'org-regions' },
  { key: 'schools', label: 'org.overview.schools', unit: 'org.unitWord.suo', to: 'org-schools' },
  {
    key: 'schools_with_vice_principal',
    label: 'org.overview.schoolsWithVicePrincipal',
    unit: 'org.unitWord.suo',
    of: 'schools',
    extra: { key: 'vice_principals', label: 'org.overview.vicePrincipals', unit: 'org.unitWord.ren' },
    to: 'org-schools',
  },
  { key: 'schools_with_advisor', label: 'org.overview.schoolsWithAdvisor', unit: 'org.unitWord.suo', of: 'schools', to: 'org-schools' },
  {
    key: 'villages_with_advisor',
    label: 'org.overview.villagesWithAdvisor',
    unit: 'org.unitWord.ge',
    of: 'villages',
    to: 'org-regions',
  },
  { key: 'lecturer_teams', label: 'org.overview.lecturerTeams', unit: 'org.unitWord.zhi', to: 'org-teams' },
  { key: 'places', label: 'org.overview.places', unit: 'org.unitWord.chu', to: 'org-places' },
  {
    key: 'township_constitution_rooms',
    label: 'org.overview.constitutionRooms',
    unit: 'org.unitWord.ge',
    of: 'townships',
    to: 'org-places',
  },
  { key: 'volunteers', label: 'org.overview.volunteers', unit: 'org.unitWord.ren', to: 'org-people' },
  { key: 'legal_advisors', label: 'org.overview.legalAdvisors', unit: 'org.unitWord.ren', to: 'org-people' },
  { key: 'units', label: 'org.overview.units', unit: 'org.unitWord.ge', to: 'org-units' },
  { key: 'people', label: 'org.overview.people', unit: 'org.unitWord.ren', to: 'org-people' },
]
