/**
 * 考核与总结验收 (docs/assess.md): indicator sets (评分表) as trees whose standards the server parses, rounds
 * (自查自评 → 实地验收 → 审核 → 锁定 → 公布), a unit's sheet (the records' automatic scores, the self-assessment
 * with evidence, the inspection group's scores), groups, rectifications (整改) and the ranking.
 */
import { download, http, upload } from './http'

export type Category = 'township' | 'department' | 'school' | 'enterprise'
export const CATEGORIES: Category[] = ['township', 'department', 'school', 'enterprise']
export type ItemKind = 'group' | 'normal' | 'bonus' | 'veto'
export type Method = 'ledger' | 'report' | 'onsite' | 'survey' | 'auto'
export type RoundStatus = 'draft' | 'self_assess' | 'inspection' | 'review' | 'locked' | 'published'
export const ROUND_STATUSES: RoundStatus[] = ['draft', 'self_assess', 'inspection', 'review', 'locked', 'published']
export type UnitStatus = 'pending' | 'submitted' | 'confirmed'
export type Grade = 'excellent' | 'good' | 'pass' | 'fail'
export type FixStatus = 'open' | 'answered' | 'returned' | 'accepted'
export type GapReason = 'no_evidence' | 'not_scored' | 'low_auto'

export interface Measure {
  source: string
  theme: string | null
  form: string | null
  six_place: string | null
  study_kind: string | null
}

export interface Item {
  id: number
  code: string
  level: number
  kind: ItemKind
  title: string
  points: number
  children?: Item[]
  standard?: string
  rule?: { form: string; required: number; per_year: boolean; step: number; cap: number | null }
  method?: Method
  evidence?: string
  measure?: Measure | null
}

export interface IndicatorSet {
  id: number
  code: string
  version: number
  name: string
  edition: string
  category: Category
  status: 'draft' | 'active'
  total: number
  bonus_cap: number
  updated_at: string
  items?: Item[]
}

export interface Phase {
  phase: string
  starts_on: string
  ends_on: string
}

export interface RoundHead {
  id: number
  year: number
  title: string
  period_from: string
  period_to: string
  status: RoundStatus
  phases: Phase[]
  rule: 'inspection_first' | 'weighted'
  self_weight: number
  bands: { excellent: number; good: number; pass: number }
  locked_at: string | null
  published_at: string | null
}

export interface RoundSummary extends RoundHead {
  units: number
  submitted: number
  confirmed: number
  groups: number
}

export interface RoundUnit {
  id: number
  unit_id: number
  unit_name: string
  region_id: number
  set_id: number
  category: Category
  group_id: number | null
  status: UnitStatus
  submitted_at: string | null
  confirmed_at: string | null
}

export interface Group {
  id: number
  seq: number
  name: string
  leader_name: string
  leader_user_id: number | null
  member_ids: number[]
  member_names: string
  round_unit_ids: number[]
}

export interface Totals {
  self: number
  inspection: number | null
  final: number
  bonus: number
  vetoed: boolean
  grade: Grade
}

export interface Ranked {
  round_unit_id: number
  unit_id: number
  unit_name: string
  category: Category
  group_id: number | null
  totals: Totals
  rank: number
}

export interface Round extends RoundHead {
  units: RoundUnit[]
  groups: Group[]
  results: Ranked[]
  open_fixes: number
  can_manage: boolean
}

/** A round as the coordinator writes it; a unit without `set_id` gets the active sheet of its type. */
export interface RoundWrite {
  year: number
  title: string
  period_from: string
  period_to: string
  phases: Phase[]
  rule: 'inspection_first' | 'weighted'
  self_weight: number
  bands: { excellent: number; good: number; pass: number }
  units: { unit_id: number; set_id?: number }[]
}

export interface UnitChoice {
  unit_id: number
  unit_name: string
  unit_type: string
  region_id: number
  region_name: string
  category: Category | null
  set_id: number | null
  set_name: string | null
}

export interface GroupWrite {
  name: string
  leader_name: string
  leader_user_id: number | null
  member_ids: number[]
  round_unit_ids: number[]
}

export interface Inspector {
  id: number
  display_name: string
  username: string
}

export interface EvidenceRef {
  kind: string
  id: number
  title: string
  date: string
}

export interface Leaf {
  item_id: number
  code: string
  kind: ItemKind
  points: number
  auto: { found: number; has_data: boolean; score: number | null; deduction: number | null; words: string; records: EvidenceRef[] } | null
  self: number | null
  self_note: string
  evidence: EvidenceRef[]
  inspection: number | null
  inspection_note: string
  photos: { id: number; url: string; thumb_url: string }[]
  final: number | null
}

export interface Fix {
  id: number
  round_id: number
  round_unit_id: number
  item_id: number
  unit_name: string
  item_code: string
  item_title: string
  text: string
  deadline: string | null
  status: FixStatus
  answer: string
  evidence: EvidenceRef[]
  return_reason: string | null
  raised_at: string
}

export interface Sheet {
  round: RoundHead
  unit: RoundUnit & { report: string; attachments: { id: number; name: string; url: string }[] }
  set: IndicatorSet & { items: Item[] }
  leaves: Leaf[]
  totals: Totals
  group: Group | null
  fixes: Fix[]
  can: { self: boolean; inspect: boolean; confirm: boolean; raise: boolean }
}

export interface Gap {
  code: string
  title: string
  reason: GapReason
  points: number
  score: number | null
  words: string
}

export interface MyGroup extends Group {
  round: { id: number; title: string; status: RoundStatus; year: number }
  is_leader: boolean
}

export interface LeafSave {
  score: number | null
  vetoed?: boolean
  note: string
  evidence?: { kind: string; id: number }[]
  photo_ids?: number[]
}

const base = '/assess'
const unitPath = (round: number, ru: number) => `${base}/rounds/${round}/units/${ru}`

export const listSets = () => http.get<{ items: IndicatorSet[] }>(`${base}/sets`)
export const getSet = (id: number) => http.get<IndicatorSet & { items: Item[] }>(`${base}/sets/${id}`)
export const activateSet = (id: number) => http.post<IndicatorSet>(`${base}/sets/${id}/activate`)
export const newVersion = (id: number) => http.post<IndicatorSet>(`${base}/sets/${id}/versions`)
export const exportSet = (id: number) => download(`${base}/sets/${id}/xlsx`)
export const setTemplate = () => download(`${base}/sets/template`)
export const importSet = (file: Blob, name: string, category: Category, edition: string, onProgress?: (p: number) => void) =>
  upload<IndicatorSet>(
    `${base}/sets/import?name=${encodeURIComponent(name)}&category=${category}&edition=${encodeURIComponent(edition)}`,
    file,
    file.type || 'application/octet-stream',
    onProgress,
  )

export const listRounds = () => http.get<{ items: RoundSummary[] }>(`${base}/rounds`)
export const createRound = (body: RoundWrite) => http.post<Round>(`${base}/rounds`, body)
export const updateRound = (id: number, body: RoundWrite) => http.put<Round>(`${base}/rounds/${id}`, body)
export const setGroups = (id: number, groups: GroupWrite[]) => http.put<Round>(`${base}/rounds/${id}/groups`, { groups })
/** The units a round may take in, each with the sheet its type gives it (in the round: the one it uses). */
export const unitChoices = (round?: number) => http.get<{ items: UnitChoice[] }>(`${base}/unit-choices`, round ? { round_id: round } : {})
export const listInspectors = () => http.get<{ items: Inspector[] }>(`${base}/inspectors`)
export const getRound = (id: number) => http.get<Round>(`${base}/rounds/${id}`)
export const advanceRound = (id: number, to: RoundStatus) => http.post<Round>(`${base}/rounds/${id}/advance`, { to })
export const exportResults = (id: number) => download(`${base}/rounds/${id}/results/xlsx`)
export const listFixes = (id: number) => http.get<{ items: Fix[] }>(`${base}/rounds/${id}/fixes`)

export const getSheet = (round: number, ru: number) => http.get<Sheet>(unitPath(round, ru))
export const getGaps = (round: number, ru: number) => http.get<{ items: Gap[] }>(`${unitPath(round, ru)}/gaps`)
/** The unit's records to cite: those of the round's period, or any date. */
export const candidates = (round: number, ru: number, kind: string, q = '', anyDate = false) =>
  http.get<{ items: EvidenceRef[] }>(`${unitPath(round, ru)}/candidates`, anyDate ? { kind, q, all: 1 } : { kind, q })
export const saveSelf = (round: number, ru: number, item: number, body: LeafSave) => http.put<Sheet>(`${unitPath(round, ru)}/self/${item}`, body)
export const saveInspection = (round: number, ru: number, item: number, body: LeafSave) =>
  http.put<Sheet>(`${unitPath(round, ru)}/inspection/${item}`, body)
export const saveReport = (round: number, ru: number, report: string, attachment_ids: number[]) =>
  http.put<Sheet>(`${unitPath(round, ru)}/report`, { report, attachment_ids })
export const submitSheet = (round: number, ru: number) => http.post<Sheet>(`${unitPath(round, ru)}/submit`)
export const reopenSheet = (round: number, ru: number) => http.post<Sheet>(`${unitPath(round, ru)}/reopen`)
export const confirmSheet = (round: number, ru: number) => http.post<Sheet>(`${unitPath(round, ru)}/confirm`)
export const sheetXlsx = (round: number, ru: number) => download(`${unitPath(round, ru)}/xlsx`)
export const sheetDocx = (round: number, ru: number) => download(`${unitPath(round, ru)}/docx`)
export const raiseFix = (round: number, ru: number, item_id: number, text: string, deadline: string | null) =>
  http.post<Fix>(`${unitPath(round, ru)}/fixes`, { item_id, text, deadline })
export const answerFix = (id: number, answer: string) => http.post<Fix>(`${base}/fixes/${id}/answer`, { answer, evidence: [] })
export const acceptFix = (id: number) => http.post<Fix>(`${base}/fixes/${id}/accept`)
export const returnFix = (id: number, reason: string) => http.post<Fix>(`${base}/fixes/${id}/return`, { reason })

export const myGroups = () => http.get<{ items: MyGroup[] }>(`${base}/my-groups`)

/** The portal's 考核结果公示: published rounds and one round's ranking (no sign-in). */
export interface PublicRoundSummary {
  id: number
  year: number
  title: string
  units: number
  published_at: string | null
}
export type PublicRound = Omit<Round, 'groups' | 'open_fixes' | 'can_manage'>
const open = { quiet401: true }
export const listPublicRounds = () => http.get<{ items: PublicRoundSummary[] }>('/public/assess/rounds', undefined, open)
export const getPublicRound = (id: number) => http.get<PublicRound>(`/public/assess/rounds/${id}`, undefined, open)

/** The next phase a coordinator may move a round to. */
export function nextStatus(s: RoundStatus): RoundStatus | null {
  const at = ROUND_STATUSES.indexOf(s)
  return at >= 0 && at < ROUND_STATUSES.length - 1 ? ROUND_STATUSES[at + 1] : null
}

/** Every leaf of a tree, depth first, with the titles of the groups above it. */
export function flatLeaves(items: Item[], path: string[] = []): { item: Item; path: string[] }[] {
  return items.flatMap((i) => (i.kind === 'group' ? flatLeaves(i.children ?? [], [...path, i.title]) : [{ item: i, path }]))
}
