/** 数据看板: the headline cards (GET /dashboard/activities, GET /stats/overview). */
import type { ActivityDashboard } from '@/api/activity'
import type { Overview } from '@/api/org'

export interface Card {
  key: string
  /** i18n keys: what is counted, its measure word */
  label: string
  unit?: string
  /** The figure, or a share (with `of`: shown as a percentage). */
  value: number
  of?: number
  /** A line under the figure. */
  sub?: string
}

type T = (key: string, named?: Record<string, unknown>) => string

/** 活动场次, 参与人次, 学法次数: the year's figures in the chosen scope. */
export function activityCards(d: ActivityDashboard): Card[] {
  return [
    { key: 'records', label: 'activity.dash.cardRecords', unit: 'activity.dash.unitSessions', value: d.activities.records },
    { key: 'people', label: 'activity.dash.cardPeople', unit: 'activity.dash.unitPeople', value: d.activities.people },
    { key: 'study', label: 'activity.dash.cardStudy', unit: 'activity.dash.unitTimes', value: d.study.total.records },
  ]
}

/** Coverage from the registries (法治副校长, 法律顾问, 讲师团, 阵地): the caller's whole scope. */
export function coverageCards(o: Overview, t: T, num: (n: number) => string): Card[] {
  const out: Card[] = [
    {
      key: 'vicePrincipalRate',
      label: 'activity.dash.vicePrincipalRate',
      value: o.schools_with_vice_principal,
      of: o.schools,
      sub: t('activity.dash.ofSchools', { n: num(o.schools_with_vice_principal), total: num(o.schools) }),
    },
    {
      key: 'schoolAdvisorRate',
      label: 'activity.dash.schoolAdvisorRate',
      value: o.schools_with_advisor,
      of: o.schools,
      sub: t('activity.dash.ofSchools', { n: num(o.schools_with_advisor), total: num(o.schools) }),
    },
  ]
  if (typeof o.villages_with_advisor === 'number') {
    out.push({
      key: 'villageAdvisorRate',
      label: 'activity.dash.villageAdvisorRate',
      value: o.villages_with_advisor,
      of: o.villages,
      sub: t('activity.dash.ofVillages', { n: num(o.villages_with_advisor), total: num(o.villages) }),
    })
  }
  out.push(
    { key: 'lecturerTeams', label: 'activity.dash.lecturerTeams', unit: 'org.unitWord.zhi', value: o.lecturer_teams },
    { key: 'places', label: 'activity.dash.places', unit: 'org.unitWord.chu', value: o.places },
  )
  return out
}
