/**
 * What the 民主法治村 pages share: permissions, tag colours, the live-data line beside a criterion (worded here from the
 * year's figures, so that it reads in the reader's language), and who may score which tier of a sheet when.
 */
import { levelRank, type ApplicationStatus, type Level, type Live, type Plaque, type ReviewStatus, type RoundStatus, type Sheet, type SheetLine, type Source } from '@/api/village'
import { i18n } from '@/locales'

export const READ = 'village.read'
export const MANAGE = 'village.manage'
export const FILE = 'village.file'
export const TOWNSHIP = 'village.township'
/** Everyone who reads the area. */
export const READERS = `${READ}|${MANAGE}|${FILE}|${TOWNSHIP}`

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export const LEVEL_TAG: Record<Level, TagType> = {
  national: 'danger',
  provincial: 'warning',
  jinhua: 'success',
  county: 'primary',
  none: 'info',
}

export const PLAQUE_TAG: Record<Plaque, TagType> = { none: 'info', hung: 'success', removed: 'danger' }

export const ROUND_TAG: Record<RoundStatus, TagType> = { open: 'primary', reviewing: 'warning', published: 'success' }

export const APP_TAG: Record<ApplicationStatus, TagType> = {
  applied: 'info',
  recommended: 'primary',
  not_recommended: 'warning',
  approved: 'success',
  rejected: 'danger',
}

export const REVIEW_TAG: Record<ReviewStatus, TagType> = { open: 'danger', decided: 'info' }

/** The chart's colours of the levels, from the highest (red, as the plaques) to none (grey). */
export const LEVEL_COLOUR: Record<Level, string> = {
  national: '#b5121b',
  provincial: '#e6762e',
  jinhua: '#2f9e6b',
  county: '#1f62c1',
  none: '#c0c4cc',
}

/** What a criterion's source reads this year, in the reader's words; the server's words when the figures did not come. */
export function liveLine(source: Source | null, live: Live | undefined, fallback: string | null = null): string | null {
  if (!source) return null
  if (!live) return fallback
  const { t } = i18n.global
  switch (source) {
    case 'activities':
      return t('village.live.activities', { year: live.year, n: live.activities })
    case 'legal_literate':
      return t('village.live.legal_literate', { n: live.legal_literate })
    case 'advisor_days':
      return t('village.live.advisor_days', { year: live.year, n: live.advisor_days })
    case 'village_rules':
      return t(`village.live.village_rules.${live.village_rules}`)
    default:
      return fallback
  }
}

export interface Caller {
  can: (permission: string) => boolean
  /** 1 市, 2 乡镇街道, 3 村（社区）: the level of the caller's region. */
  level: number | null
}

/** 乡镇评分: a township's liaison, while the round is open (re-scoring allowed until the round moves on). */
export const mayScoreTownship = (s: Pick<Sheet, 'round' | 'status'>, c: Caller) =>
  c.can(TOWNSHIP) && c.level === 2 && s.round.status === 'open' && ['applied', 'recommended', 'not_recommended'].includes(s.status)

/** 县审核得分: the coordinator, while the round is reviewing, for an application the township recommended (or already judged). */
export const mayScoreCounty = (s: Pick<Sheet, 'round' | 'status'>, c: Caller) =>
  c.can(MANAGE) && s.round.status === 'reviewing' && ['recommended', 'approved', 'rejected'].includes(s.status)

/** A score as typed: a number from 0 to the criterion's points, else the problem's words. */
export function scoreProblem(v: number | null | undefined, points: number): string | null {
  if (v === null || v === undefined) return null
  if (!Number.isFinite(v) || v < 0 || v > points) return i18n.global.t('village.sheet.vScore', { max: points })
  return null
}

/** The criteria of a sheet without a score in this tier. */
export const unscored = (lines: readonly Pick<SheetLine, 'id'>[], typed: Record<number, number | null | undefined>) =>
  lines.filter((l) => typed[l.id] === null || typed[l.id] === undefined).length

/** Points as the sheets print them: 6, 4.5, 81.0 → 81. */
export const points = (v: number | null | undefined) =>
  v === null || v === undefined ? '-' : String(Math.round(v * 100) / 100)

/** The named levels (not none) ranked: a village already holding the round's level (or a higher one) does not apply. */
export const outranks = (held: Level, target: Level) => levelRank(held) >= levelRank(target)
