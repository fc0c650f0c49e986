/**
 * 合法性审核, 村规民约, 行政复议 and 行政应诉 (docs/legality.md): submissions reviewed by the township's 司法所 or the
 * bureau within a working-day clock, the numbered opinion citing the law library, the adoption afterwards; the
 * register and the figures; the villages' 村规民约 sent through the same review; the register of 复议 and 诉讼 cases.
 */
import { ATTACHMENT_TYPES, attachmentType } from './content'
import { API_BASE, download, http, upload, type Query } from './http'
import type { Page } from './types'

export type SubmissionKind = 'normative' | 'major_decision' | 'contract' | 'enforcement' | 'other' | 'village_rules'
/** Every kind (the list's filter). */
export const SUBMISSION_KINDS: SubmissionKind[] = ['normative', 'major_decision', 'contract', 'enforcement', 'other', 'village_rules']
/** What a unit sends itself: 村规民约 go through the village's own page. */
export const SUBMITTABLE_KINDS: SubmissionKind[] = ['normative', 'major_decision', 'contract', 'enforcement', 'other']

export type SubmissionStatus = 'reviewing' | 'material_requested' | 'issued' | 'closed' | 'withdrawn'
export const SUBMISSION_STATUSES: SubmissionStatus[] = ['reviewing', 'material_requested', 'issued', 'closed', 'withdrawn']
/** The list's status filter: `open` is reviewing + material_requested. */
export type StatusFilter = SubmissionStatus | 'open'

export type Conclusion = 'lawful' | 'lawful_with_changes' | 'unlawful'
export const CONCLUSIONS: Conclusion[] = ['lawful', 'lawful_with_changes', 'unlawful']
/** The conclusions that need at least one point. */
export const needsPoints = (c: Conclusion | '' | null | undefined) => c === 'lawful_with_changes' || c === 'unlawful'

export type AdoptionOutcome = 'as_reviewed' | 'with_changes' | 'withdrawn'
export const ADOPTION_OUTCOMES: AdoptionOutcome[] = ['as_reviewed', 'with_changes', 'withdrawn']

export type FileStage = 'draft' | 'material'
export type EventKind = 'submitted' | 'material_requested' | 'material_supplied' | 'issued' | 'adopted' | 'withdrawn'

/** A row of the submissions list. */
export interface SubmissionSummary {
  id: number
  /** null for a village's 村规民约 (the 村民委员会 sends it: `unit_name`). */
  unit_id: number | null
  unit_name: string
  region_id: number
  region_name: string
  village_rules_id: number | null
  kind: SubmissionKind
  title: string
  status: SubmissionStatus
  submitted_on: string
  requested_by: string | null
  due_on: string | null
  /** Working days from today to due_on (negative when overdue; null when paused, issued or withdrawn). */
  days_left: number | null
  overdue: boolean
  /** Material asked for: the clock stopped. */
  paused: boolean
  issued_on: string | null
  on_time: boolean | null
  conclusion: Conclusion | null
  opinion_no: string | null
  /** The outcome's code in the list; the whole record ({outcome, on, note}) in the detail: read it with `adoptionOf`. */
  adoption: AdoptionOutcome | AdoptionRecord | null
  reviewer_region_id: number
  reviewer_name: string
}

export interface SubmissionPage extends Page<SubmissionSummary> {
  page: number
  page_size: number
  years: number[]
}

export interface LegalityFile {
  id: number
  name: string
  size: number
  content_type?: string
  stage?: FileStage
  uploaded_at?: string
  url?: string
}

export interface SubmissionEvent {
  at: string
  kind: EventKind
  by_name: string | null
  note: string | null
}

/** An article cited by an opinion's point, as the library holds it. */
export interface Citation {
  law: string
  law_id: number | null
  number: string
  /** 《行政处罚法》第十四条 */
  label: string
  /** The portal's page of the article (/laws/7/articles/14). */
  url: string | null
  /** The article's text. */
  text: string
}

export interface OpinionPoint {
  text: string
  citations: Citation[]
}

export interface Opinion {
  conclusion: Conclusion
  opinion_no: string
  issued_on: string
  reviewer_name: string
  summary: string
  points: OpinionPoint[]
}

export interface AdoptionRecord {
  outcome: AdoptionOutcome
  on: string
  note: string | null
}

/** What the caller may do now. */
export interface SubmissionCan {
  review: boolean
  supply: boolean
  adopt: boolean
  withdraw: boolean
}

export interface Submission extends SubmissionSummary {
  basis: string
  summary: string
  files: LegalityFile[]
  events: SubmissionEvent[]
  material_note: string | null
  opinion: Opinion | null
  can: SubmissionCan
}

export interface SubmissionInput {
  unit_id: number
  kind: SubmissionKind
  title: string
  basis: string
  summary: string
  requested_by?: string | null
  file_ids: number[]
}

/** A point as the reviewer writes it: the citations as typed ("《行政处罚法》第十四条", "民法典 第1077条"). */
export interface PointInput {
  text: string
  citations: string[]
}

export interface OpinionInput {
  conclusion: Conclusion
  summary: string
  points: PointInput[]
}

export interface AdoptionInput {
  outcome: AdoptionOutcome
  adopted_on: string
  note: string
}

/**
 * The detail's `adoption` is the record ({outcome, on, note}) where the list's is the outcome code: one reader for
 * both shapes.
 */
export function adoptionOf(s: Pick<SubmissionSummary, 'adoption'>): AdoptionRecord | null {
  const a = s.adoption
  if (!a) return null
  return typeof a === 'string' ? { outcome: a, on: '', note: null } : a
}

/** A unit the caller may submit for: a bound liaison's own, else the government bodies of their subtree. */
export interface SubmittingUnit {
  id: number
  name: string
  region_id: number
}
export const listSubmittingUnits = () => http.get<{ items: SubmittingUnit[] }>('/legality/units')
export const listSubmissions = (q: Query) => http.get<SubmissionPage>('/legality/submissions', q)
export const getSubmission = (id: number) => http.get<Submission>(`/legality/submissions/${id}`)
export const createSubmission = (body: SubmissionInput) => http.post<Submission>('/legality/submissions', body)
export const requestMaterial = (id: number, note: string) =>
  http.post<Submission>(`/legality/submissions/${id}/request-material`, { note })
export const supplyMaterial = (id: number, body: { note: string; file_ids: number[] }) =>
  http.post<Submission>(`/legality/submissions/${id}/supply`, body)
export const issueOpinion = (id: number, body: OpinionInput) => http.post<Submission>(`/legality/submissions/${id}/opinion`, body)
export const recordAdoption = (id: number, body: AdoptionInput) => http.post<Submission>(`/legality/submissions/${id}/adoption`, body)
export const withdrawSubmission = (id: number, reason: string) =>
  http.post<Submission>(`/legality/submissions/${id}/withdraw`, { reason })

/** 合法性审核意见书 as Word and as PDF (issued only). */
export const opinionDocx = (id: number) => download(`/legality/submissions/${id}/opinion.docx`)
export const opinionPdf = (id: number) => download(`/legality/submissions/${id}/opinion.pdf`)

/** 合法性审核台账 of a year (.xlsx). */
export const exportRegister = (q: { year: number; region_id?: number | null }) =>
  download('/legality/register', { year: q.year, region_id: q.region_id ?? undefined })

/** The types a file of a submission may be (judged by its bytes on the server): those of the article attachments. */
export const FILE_TYPES = ATTACHMENT_TYPES
export const FILE_MAX_BYTES = 20 * 1024 * 1024
export const fileUrl = (id: number) => `${API_BASE}/legality/files/${id}`

/** Raw bytes up, with progress: `POST /legality/files?name=…` → {id, name, size, content_type}. */
export async function uploadFile(file: File, onProgress?: (pct: number) => void): Promise<LegalityFile & { url: string }> {
  const type = attachmentType(file.name) ?? file.type
  const f = await upload<LegalityFile>(`/legality/files?name=${encodeURIComponent(file.name)}`, file, type, onProgress)
  return { ...f, url: f.url ?? fileUrl(f.id) }
}

// ---- figures ------------------------------------------------------------------------------------------------

export interface FigureRow {
  region_id: number | null
  name: string
  reviews: number
  issued: number
  on_time: number
  on_time_rate: number | null
  unlawful: number
  unlawful_share: number | null
  with_changes: number
  open: number
  overdue: number
  corrected: number
}

export interface Figures {
  year: number
  years: number[]
  rows: FigureRow[]
  total: FigureRow
}

export const fetchFigures = (q: { year?: number; region_id?: number | null }) =>
  http.get<Figures>('/legality/figures', { year: q.year || undefined, region_id: q.region_id ?? undefined })

// ---- 村规民约 ---------------------------------------------------------------------------------------------------

export type ReviewFilter = 'lawful' | 'pending' | 'none' | 'unlawful'
export const REVIEW_FILTERS: ReviewFilter[] = ['lawful', 'pending', 'unlawful', 'none']

export interface RulesReview {
  submission_id: number
  status: SubmissionStatus
  conclusion: Conclusion | null
  issued_on: string | null
}

export interface VillageRules {
  id: number
  region_id: number
  village_name: string
  township_name: string
  title: string
  adopted_on: string | null
  updated_at: string
  review: RulesReview | null
  /** The latest review issued lawful (or lawful with changes) on this text. */
  lawful: boolean
  text?: string
  /** Every submission of it, newest first. */
  reviews?: SubmissionSummary[]
}

export interface VillageRulesPage extends Page<VillageRules> {
  page: number
  page_size: number
  summary: { villages: number; with_rules: number; reviewed_lawful: number }
}

export interface VillageRulesInput {
  region_id?: number
  title: string
  text: string
  adopted_on: string
}

export const listVillageRules = (q: Query) => http.get<VillageRulesPage>('/legality/village-rules', q)
export const getVillageRules = (id: number) => http.get<VillageRules>(`/legality/village-rules/${id}`)
export const createVillageRules = (body: VillageRulesInput) => http.post<VillageRules>('/legality/village-rules', body)
export const updateVillageRules = (id: number, body: VillageRulesInput) => http.put<VillageRules>(`/legality/village-rules/${id}`, body)
/** Sends the current text for review: 201 with the submission (kind village_rules). */
export const submitVillageRules = (id: number, body: { summary: string; file_ids: number[] }) =>
  http.post<Submission>(`/legality/village-rules/${id}/submit`, body)

// ---- 行政复议 and 行政应诉 -------------------------------------------------------------------------------------

export type CaseKind = 'reconsideration' | 'litigation'
export const CASE_KINDS: CaseKind[] = ['reconsideration', 'litigation']

export type CaseOutcome =
  | 'upheld' | 'revoked' | 'changed' | 'confirmed_illegal' | 'ordered' | 'rejected' | 'withdrawn' | 'mediated' | 'terminated'

/**
 * The outcomes a case of each kind may end with, in the order the decisions are usually listed: 行政复议决定
 * (维持, 撤销, 变更, 确认违法, 责令履行, 驳回复议请求, 调解, 撤回, 终止) and the court's 判决/裁定 (驳回诉讼请求, 撤销,
 * 变更, 确认违法, 判决履行, 裁定驳回起诉, 撤诉, 调解; a lawsuit is not 终止). The labels are the kind's own (`legality.cases.outcome.<kind>.<code>`).
 */
export const OUTCOMES: Record<CaseKind, CaseOutcome[]> = {
  reconsideration: ['upheld', 'revoked', 'changed', 'confirmed_illegal', 'ordered', 'rejected', 'mediated', 'withdrawn', 'terminated'],
  litigation: ['upheld', 'revoked', 'changed', 'confirmed_illegal', 'ordered', 'rejected', 'withdrawn', 'mediated'],
}
/** 纠错 (复议) and 败诉 (诉讼). */
export const CORRECTED: CaseOutcome[] = ['revoked', 'changed', 'confirmed_illegal', 'ordered']
export const ALL_OUTCOMES: CaseOutcome[] = OUTCOMES.reconsideration

export interface LegalCase {
  id: number
  kind: CaseKind
  case_no: string
  unit_id: number
  unit_name: string
  cause: string
  /** Masked on output (张**). */
  applicant: string
  filed_on: string
  closed_on: string | null
  outcome: CaseOutcome | null
  head_appeared: boolean | null
  submission_id: number | null
  note: string | null
  /** The filing year. */
  year?: number
}

export interface CaseInput {
  kind: CaseKind
  case_no: string
  unit_id: number | null
  cause: string
  applicant?: string
  filed_on: string
  closed_on: string | null
  outcome: CaseOutcome | null
  head_appeared: boolean | null
  submission_id: number | null
  note: string
}

export interface CasePage extends Page<LegalCase> {
  page?: number
  page_size?: number
  years?: number[]
}

export interface CaseFigureRow {
  unit_id: number | null
  unit_name: string
  reconsiderations: number
  reconsiderations_closed: number
  corrected: number
  correction_rate: number | null
  lawsuits: number
  lawsuits_closed: number
  lost: number
  loss_rate: number | null
  hearings: number
  head_appeared: number
  appearance_rate: number | null
}

export interface CaseFigures {
  year: number
  years: number[]
  rows: CaseFigureRow[]
  total: CaseFigureRow
}

export const listCases = (q: Query) => http.get<CasePage>('/legality/cases', q)
export const getCase = (id: number) => http.get<LegalCase>(`/legality/cases/${id}`)
export const createCase = (body: CaseInput) => http.post<LegalCase>('/legality/cases', body)
export const updateCase = (id: number, body: CaseInput) => http.put<LegalCase>(`/legality/cases/${id}`, body)
export const fetchCaseFigures = (year?: number) => http.get<CaseFigures>('/legality/case-figures', { year: year || undefined })
