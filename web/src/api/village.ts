/**
 * 民主法治村(社区) (docs/village.md): one file per village (一村一档: the level with its year and naming document, the
 * plaque, the history, its entries and the year's live figures), creation rounds scored on two tiers (乡镇评分, then
 * 县审核得分) against a versioned criteria set in the national standard's five parts, 复核 of a named village ending
 * 保留 / 撤销 / 注销, and the coverage by township.
 */
import { http, type Query } from './http'
import type { Page } from './types'

// ---- codes ---------------------------------------------------------------------------------------------------

export type Level = 'national' | 'provincial' | 'jinhua' | 'county' | 'none'
/** From the highest; `none` 未命名 last. */
export const LEVELS: Level[] = ['national', 'provincial', 'jinhua', 'county', 'none']
/** The levels a village is named at (not `none`). */
export const NAMED_LEVELS: Exclude<Level, 'none'>[] = ['national', 'provincial', 'jinhua', 'county']
/** What a round may recommend a village for. */
export type TargetLevel = 'provincial' | 'jinhua' | 'county'
export const TARGET_LEVELS: TargetLevel[] = ['provincial', 'jinhua', 'county']

export type Plaque = 'none' | 'hung' | 'removed'
export const PLAQUES: Plaque[] = ['none', 'hung', 'removed']

export type EntryKind = 'named' | 'check' | 'complaint' | 'rectification' | 'review' | 'note'
export const ENTRY_KINDS: EntryKind[] = ['named', 'check', 'complaint', 'rectification', 'review', 'note']
/** What a village's operator may add to its file. */
export const VILLAGE_ENTRY_KINDS: EntryKind[] = ['check', 'rectification']

/** The national guiding standard's five parts, in its order. */
export type Part = 'organisation' | 'democracy' | 'rule_of_law' | 'development' | 'support'
export const PARTS: Part[] = ['organisation', 'democracy', 'rule_of_law', 'development', 'support']

/** The live data shown beside a criterion. */
export type Source = 'activities' | 'legal_literate' | 'advisor_days' | 'village_rules'
export const SOURCES: Source[] = ['activities', 'legal_literate', 'advisor_days', 'village_rules']

export type RoundStatus = 'open' | 'reviewing' | 'published'
export const ROUND_STATUSES: RoundStatus[] = ['open', 'reviewing', 'published']

export type ApplicationStatus = 'applied' | 'recommended' | 'not_recommended' | 'approved' | 'rejected'
export const APPLICATION_STATUSES: ApplicationStatus[] = ['applied', 'recommended', 'not_recommended', 'approved', 'rejected']

export type Trigger = 'spot_check' | 'written' | 'survey' | 'complaint' | 'negative_event'
export const TRIGGERS: Trigger[] = ['spot_check', 'written', 'survey', 'complaint', 'negative_event']

export type Decision = 'keep' | 'revoke' | 'cancel'
export const DECISIONS: Decision[] = ['keep', 'revoke', 'cancel']

export type ReviewStatus = 'open' | 'decided'

export type VillageRules = 'lawful' | 'pending' | 'none'

// ---- files -----------------------------------------------------------------------------------------------------

export interface VillageFile {
  region_id: number
  name: string
  township_id: number
  township_name: string
  level: Level
  named_year: number | null
  naming_doc: string | null
  plaque: Plaque
  /** Under an open 复核. */
  under_review: boolean
}

export interface Entry {
  id: number
  kind: EntryKind
  on: string
  title: string
  detail: string
  created_by_name: string
}

/** The year's figures the criteria with a `source` read. */
export interface Live {
  year: number
  activities: number
  legal_literate: number
  advisor_days: number
  village_rules: VillageRules
}

/** A village's application in a round (the file's and the round's lists). */
export interface ApplicationRow {
  id: number
  round_id: number
  round_title: string
  year: number
  region_id: number
  village_name: string
  township_name: string
  status: ApplicationStatus
  township_total: number | null
  county_total: number | null
}

export interface Review {
  id: number
  region_id: number
  village_name: string
  township_name: string
  trigger: Trigger
  description: string
  opened_on: string
  level_before: Level
  status: ReviewStatus
  decision: Decision | null
  decision_note: string | null
  decided_on: string | null
}

export interface FileDetail extends VillageFile {
  history: string
  /** Newest first. */
  entries: Entry[]
  reviews: Review[]
  applications: ApplicationRow[]
  live: Live
}

export interface FileInput {
  level: Level
  named_year: number | null
  naming_doc: string | null
  plaque: Plaque
  history: string
}

export interface EntryInput {
  kind: EntryKind
  on: string
  title: string
  detail: string
}

export interface CoverageRow {
  township_id: number
  name: string
  villages: number
  national: number
  provincial: number
  jinhua: number
  county: number
  none: number
  /** Named jinhua and above ÷ villages (0..1). */
  named_rate: number
}

export interface Coverage {
  items: CoverageRow[]
  total: CoverageRow
}

export const listFiles = (q: Query) => http.get<Page<VillageFile> & { page?: number; page_size?: number }>('/village/files', q)
export const getFile = (regionId: number) => http.get<FileDetail>(`/village/files/${regionId}`)
export const saveFile = (regionId: number, body: FileInput) => http.put<FileDetail>(`/village/files/${regionId}`, body)
export const addEntry = (regionId: number, body: EntryInput) => http.post<FileDetail>(`/village/files/${regionId}/entries`, body)
export const fetchCoverage = () => http.get<Coverage>('/village/coverage')

// ---- criteria sets -----------------------------------------------------------------------------------------------

export interface Criterion {
  id: number
  part: Part
  seq: number
  title: string
  /** 评定标准. */
  standard: string
  points: number
  /** 评分细则. */
  rule: string
  source: Source | null
}

export interface CriteriaSetSummary {
  id: number
  name: string
  version: number
  active: boolean
  items_count: number
  /** The sum of the items' points (shown, not forced to 100). */
  points: number
  /** A round uses it: not to be edited (a new version instead). */
  used: boolean
  base_id?: number | null
}

export interface CriteriaSet extends CriteriaSetSummary {
  items: Criterion[]
}

export interface CriterionInput {
  part: Part | ''
  title: string
  standard: string
  points: number | null
  rule: string
  source: Source | null
}

export interface SetInput {
  name: string
  items: CriterionInput[]
  active: boolean
  /** The next version of this set. */
  base_id?: number | null
}

export const listSets = () => http.get<{ items: CriteriaSetSummary[] }>('/village/criteria-sets')
export const getSet = (id: number) => http.get<CriteriaSet>(`/village/criteria-sets/${id}`)
export const createSet = (body: SetInput) => http.post<CriteriaSet>('/village/criteria-sets', body)
export const updateSet = (id: number, body: SetInput) => http.put<CriteriaSet>(`/village/criteria-sets/${id}`, body)

// ---- rounds and the score sheet ------------------------------------------------------------------------------------

export interface Round {
  id: number
  year: number
  title: string
  target_level: TargetLevel
  set_id: number
  set_name: string
  set_version: number
  status: RoundStatus
  apply_by: string | null
  recommend_by: string | null
  naming_doc: string | null
  published_on: string | null
  /** Those of the caller's subtree. */
  applications: ApplicationRow[]
}

export interface RoundInput {
  year: number
  title: string
  target_level: TargetLevel | ''
  set_id: number | null
  apply_by: string | null
  recommend_by: string | null
}

export interface SheetLine extends Criterion {
  township_score: number | null
  county_score: number | null
  /** What the source reads, in the server's words ("2026 年普法活动 12 场"). */
  live: string | null
}

/** An application's score sheet: the round's criteria with both tiers' scores. */
export interface Sheet {
  id: number
  round: Pick<Round, 'id' | 'year' | 'title' | 'target_level' | 'status'>
  village: { id: number; name: string; township_name: string }
  status: ApplicationStatus
  statement: string
  criteria: SheetLine[]
  township_total: number | null
  county_total: number | null
  township_note: string | null
  county_note: string | null
  live?: Live
}

/** Scores by criterion id (`{"12": 4.5}`). */
export type Scores = Record<string, number>

export const listRounds = () => http.get<{ items: Round[] }>('/village/rounds')
export const getRound = (id: number) => http.get<Round>(`/village/rounds/${id}`)
export const createRound = (body: RoundInput) => http.post<Round>('/village/rounds', body)
/** 申报中 → 市级审核. */
export const startReview = (id: number) => http.post<Round>(`/village/rounds/${id}/review`)
/** 市级审核 → 已公布: every approved village's file takes the round's level (when higher), with the document. */
export const publishRound = (id: number, namingDoc: string) => http.post<Round>(`/village/rounds/${id}/publish`, { naming_doc: namingDoc })
export const apply = (roundId: number, body: { region_id: number; statement: string }) =>
  http.post<Sheet>(`/village/rounds/${roundId}/applications`, body)
export const getSheet = (id: number) => http.get<Sheet>(`/village/applications/${id}`)
/** 乡镇评分 (village.township, the round open): recommending needs every criterion scored. */
export const scoreTownship = (id: number, body: { scores: Scores; note: string; recommend: boolean }) =>
  http.put<Sheet>(`/village/applications/${id}/township`, body)
/** 县审核得分 (village.manage, the round reviewing, the application recommended): every criterion scored. */
export const scoreCounty = (id: number, body: { scores: Scores; note: string; approve: boolean }) =>
  http.put<Sheet>(`/village/applications/${id}/county`, body)

// ---- 复核 ---------------------------------------------------------------------------------------------------------

export const listReviews = (status?: ReviewStatus) => http.get<{ items: Review[] }>('/village/reviews', { status })
export const openReview = (body: { region_id: number; trigger: Trigger; description: string; on: string }) =>
  http.post<Review>('/village/reviews', body)
export const decideReview = (id: number, body: { decision: Decision; note: string }) => http.post<Review>(`/village/reviews/${id}/decide`, body)

// ---- what the pages compute --------------------------------------------------------------------------------------

/** A level's rank: national 4 … county 1, none 0. */
export const levelRank = (l: Level) => (l === 'none' ? 0 : 4 - NAMED_LEVELS.indexOf(l))

/** A score sheet's criteria by part, in the standard's order, each part with its points. */
export function byPart<C extends Pick<Criterion, 'part' | 'seq' | 'points'>>(items: readonly C[]): { part: Part; items: C[]; points: number }[] {
  return PARTS.map((part) => {
    const of = items.filter((c) => c.part === part).sort((a, b) => a.seq - b.seq)
    return { part, items: of, points: sum(of.map((c) => c.points)) }
  }).filter((g) => g.items.length)
}

/** A sum to one decimal (as the server totals): 0.1 + 0.2 is 0.3. */
export const sum = (xs: readonly (number | null | undefined)[]) => Math.round(xs.reduce<number>((a, x) => a + (x ?? 0), 0) * 10) / 10

/** The scores typed (empty ones left out) as sent. */
export function scoresOf(typed: Record<number, number | null | undefined>): Scores {
  const out: Scores = {}
  for (const [id, v] of Object.entries(typed)) if (v !== null && v !== undefined && Number.isFinite(v)) out[id] = v
  return out
}

/** `scores.12` → 12: the criterion a score error names. */
export function criterionOfField(field: string | undefined): number | null {
  const m = /^scores[.[](\d+)\]?$/.exec(field ?? '')
  return m ? Number(m[1]) : null
}

/** `items[3].title` (or items.3.title) → [3, 'title']. */
export function itemOfField(field: string | undefined): [number, string] | null {
  const m = /^items[.[](\d+)\]?\.?(\w+)?$/.exec(field ?? '')
  return m ? [Number(m[1]), m[2] ?? ''] : null
}
