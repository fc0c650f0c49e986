/** 普法责任制 (docs/duty.md): work points, responsibility lists with versions, tasks and evidence, bulletins. */
import { download, http, upload, type Query } from './http'
import type { Page } from './types'

export type RuleKind = 'manual' | 'activity' | 'study_record' | 'case'
export const RULE_KINDS: RuleKind[] = ['manual', 'activity', 'study_record', 'case']
export type Period = 'year' | 'quarter'
/** What counts as done: records the platform counts, or a manual confirmation. */
export interface Rule {
  kind: RuleKind
  min?: number
  period?: Period
  theme?: string
  form?: string
  six_place?: string
  study_kind?: string
}

export type PointKind = 'point' | 'date_node' | 'theme'
export const POINT_KINDS: PointKind[] = ['point', 'date_node', 'theme']

export interface Point {
  id?: number
  kind: PointKind
  section: string
  text: string
  day?: string | null
  lead_unit_id?: number | null
  lead_unit_name?: string | null
  co_unit_ids: number[]
  co_unit_names?: (string | null)[]
  deadline?: string | null
  rule: Rule
}

export type PlanStatus = 'draft' | 'issued'
export interface PlanSummary {
  id: number
  year: number
  title: string
  status: PlanStatus
  issued_at: string | null
}
export interface Plan extends PlanSummary {
  points: Point[]
}
export interface PlanInput {
  year: number
  title: string
  points: Point[]
}

export interface LawLink {
  name: string
  law_id: number | null
}

export interface ListItem {
  id?: number
  content: string
  laws: string
  law_links?: LawLink[]
  leader: string
  owner: string
  office: string
  audience: string
  carrier: string
  measures: string
  standard: string
  deadline?: string | null
  rule: Rule
}

export type ListStatus = 'draft' | 'submitted' | 'returned' | 'published'
export const LIST_STATUSES: ListStatus[] = ['draft', 'submitted', 'returned', 'published']

export interface Version {
  version: number
  reason: string
  index_no: string
  published_at: string
}

/** A law the library holds a version of dated in the list's year (新颁法律法规). */
export interface NewLaw {
  law_id: number
  title: string
  short_title: string
  category: string
  version_date: string
  /** An amendment of a law the library held before; else newly passed. */
  amended: boolean
}

export interface Annex {
  date_nodes: Point[]
  themes: Point[]
  new_laws: NewLaw[]
}

export interface DutyList {
  id: number
  unit_id: number
  unit_name: string
  year: number
  status: ListStatus
  version: number
  published_version: number | null
  change_reason: string | null
  return_reason: string | null
  index_no: string | null
  published_at: string | null
  updated_at: string
  items?: ListItem[]
  versions?: Version[]
  annex?: Annex
}

export interface ListInput {
  unit_id?: number
  year?: number
  reason?: string
  items: ListItem[]
}

/** A published version as the portal shows it. */
export interface PublishedList {
  id: number
  unit_id: number
  unit_name: string
  year: number
  version: number
  reason: string
  index_no: string
  published_at: string
  items: ListItem[]
  versions: Version[]
  annex: Annex
}

export interface PublicListSummary {
  id: number
  unit_id: number
  unit_name: string
  year: number
  version: number
  index_no: string
  published_at: string
}

export type TaskState = 'open' | 'overdue' | 'answered' | 'returned' | 'done' | 'late'
export const TASK_STATES: TaskState[] = ['overdue', 'open', 'returned', 'answered', 'done', 'late']
/**
 * The unit's own records: the ledger's activities and study records, the items of its channels, its published articles
 * (发布机构 the unit), the exams its examinees sat; case: a 以案释法 case published from its penalty decisions (counted by the rule, not picked).
 */
export type EvidenceKind = 'activity' | 'study_record' | 'channel_item' | 'article' | 'exam' | 'case'

export interface Evidence {
  kind: EvidenceKind
  id: number
  date: string
  title: string
  status: string
}

export interface Task {
  id: number
  year: number
  source: 'point' | 'list_item'
  unit_id: number
  unit_name: string
  role: 'lead' | 'co' | 'owner'
  title: string
  deadline: string | null
  rule: Rule
  rule_text: string
  status: string
  state: TaskState
  note: string | null
  return_reason: string | null
  answered_at: string | null
  evidence: Evidence[]
  progress: { count: number; required: number; last_on: string | null; done_on: string | null; records: Evidence[] }
}

export interface TaskPage extends Page<Task> {
  years: number[]
}

export interface BulletinRow {
  rank: number
  unit_id: number
  unit_name: string
  tasks: number
  on_time: number
  late: number
  overdue: number
  open: number
  score: number
}

export interface Bulletin {
  id: number
  year: number
  serial: number
  title: string
  as_of: string
  is_public: boolean
  remarks: string
  issued_at: string
  rows?: BulletinRow[]
}

export const listPlans = () => http.get<{ items: PlanSummary[] }>('/duty/plans')
export const getPlan = (id: number) => http.get<Plan>(`/duty/plans/${id}`)
export const createPlan = (body: PlanInput) => http.post<Plan>('/duty/plans', body)
export const updatePlan = (id: number, body: PlanInput) => http.put<Plan>(`/duty/plans/${id}`, body)
export const issuePlan = (id: number) => http.post<Plan>(`/duty/plans/${id}/issue`)

export const listLists = (q: Query) => http.get<Page<DutyList>>('/duty/lists', q)
export const getList = (id: number) => http.get<DutyList>(`/duty/lists/${id}`)
export const createList = (body: ListInput) => http.post<DutyList>('/duty/lists', body)
export const updateList = (id: number, body: ListInput) => http.put<DutyList>(`/duty/lists/${id}`, body)
export const submitList = (id: number) => http.post<DutyList>(`/duty/lists/${id}/submit`)
export const returnList = (id: number, reason: string) => http.post<DutyList>(`/duty/lists/${id}/return`, { reason })
export const approveList = (id: number) => http.post<DutyList>(`/duty/lists/${id}/approve`)

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const listTemplate = () => download('/duty/lists/template')
export const exportList = (id: number) => download(`/duty/lists/${id}/export`)
/** Replaces the list's items with those of the file (all or nothing); a published list needs `reason`. */
export const importList = (id: number, file: File, reason: string, onProgress: (pct: number) => void) =>
  upload<DutyList & { imported: number }>(`/duty/lists/${id}/import${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`, file,
    XLSX_TYPE, onProgress)

export const listTasks = (q: Query) => http.get<TaskPage>('/duty/tasks', q)
export const getTask = (id: number) => http.get<Task>(`/duty/tasks/${id}`)
export const taskCandidates = (id: number, kind: EvidenceKind, q: string) =>
  http.get<{ items: Evidence[] }>(`/duty/tasks/${id}/candidates`, { kind, q })
export const answerTask = (id: number, body: { note?: string; evidence: { kind: EvidenceKind; id: number }[] }) =>
  http.post<Task>(`/duty/tasks/${id}/answer`, body)
export const confirmTask = (id: number) => http.post<Task>(`/duty/tasks/${id}/confirm`)
export const returnTask = (id: number, reason: string) => http.post<Task>(`/duty/tasks/${id}/return`, { reason })

export const listBulletins = (year?: number) => http.get<{ items: Bulletin[] }>('/duty/bulletins', { year })
export const getBulletin = (id: number) => http.get<Bulletin>(`/duty/bulletins/${id}`)
export const issueBulletin = (body: { year: number; title?: string; remarks?: string; is_public: boolean }) =>
  http.post<Bulletin>('/duty/bulletins', body)
export const exportBulletin = (id: number) => download(`/duty/bulletins/${id}/export`)
export const bulletinDocx = (id: number) => download(`/duty/bulletins/${id}/docx`)

export const listPublicLists = (q: Query) => http.get<Page<PublicListSummary>>('/public/duty/lists', q)
export const getPublicList = (id: number, version?: number) =>
  http.get<PublishedList>(`/public/duty/lists/${id}`, { version })
export const listPublicBulletins = () => http.get<{ items: Bulletin[] }>('/public/duty/bulletins')
export const getPublicBulletin = (id: number) => http.get<Bulletin>(`/public/duty/bulletins/${id}`)

/** 以案释法 from enforcement: a 行政处罚决定 imported from the enforcement system, and the case drafted from it. */
export interface CitedArticle {
  law: string
  article: string
  law_id: number | null
  /** The portal's page of the article, when the law library holds it. */
  url: string | null
  found: boolean
}

export type CaseStatus = 'draft' | 'review' | 'returned' | 'published' | 'withdrawn'
export interface Penalty {
  id: number
  doc_no: string
  unit_id: number
  unit_name: string
  enforcer: string
  /** Masked for a person (王*明) unless revealed. */
  party: string
  party_kind: 'person' | 'organisation'
  party_revealed: boolean
  offence: string
  decided_on: string
  penalty: string
  cited: CitedArticle[]
  case_id: number | null
  case_status: CaseStatus | null
  case_published_on: string | null
  facts?: string
  basis?: string
  case_title?: string | null
  imported_at?: string
}

export interface Unlinked {
  law: string
  article: string | null
  rows: number[]
}
export interface PenaltyImport {
  imported: number
  sheet: string
  skipped: { row: number; doc_no: string }[]
  unknown_laws: Unlinked[]
  unknown_articles: Unlinked[]
  without_article: Unlinked[]
}

export const listPenalties = (q: Query) => http.get<Page<Penalty>>('/duty/penalties', q)
export const getPenalty = (id: number, reveal = false) =>
  http.get<Penalty>(`/duty/penalties/${id}`, reveal ? { reveal: 1 } : {})
export const penaltyTemplate = () => download('/duty/penalties/template')
/** All or nothing; decisions already imported (by 决定书文号) are skipped. */
export const importPenalties = (file: File, unitId: number | null, onProgress: (pct: number) => void) =>
  upload<PenaltyImport>(`/duty/penalties/import${unitId ? `?unit_id=${unitId}` : ''}`, file,
    file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX_TYPE, onProgress)

/** 履职报告 (performance) and 述职述法 (legal): drafted from the unit's records, edited and handed in. */
export type ReportKind = 'performance' | 'legal'
export const REPORT_KINDS: ReportKind[] = ['performance', 'legal']
export type ReportStatus = 'draft' | 'submitted' | 'returned'
export interface Report {
  id: number
  unit_id: number
  unit_name: string
  year: number
  kind: ReportKind
  title: string
  status: ReportStatus
  return_reason: string | null
  submitted_at: string | null
  updated_at: string
  /** Paragraphs by line; a line "一、…" is a heading. */
  body?: string
}

export const listReports = (year?: number) => http.get<{ items: Report[] }>('/duty/reports', { year })
export const getReport = (id: number) => http.get<Report>(`/duty/reports/${id}`)
export const draftReport = (body: { unit_id: number; year: number; kind: ReportKind }) => http.post<Report>('/duty/reports', body)
export const saveReport = (id: number, body: { title: string; body: string }) => http.put<Report>(`/duty/reports/${id}`, body)
export const submitReport = (id: number) => http.post<Report>(`/duty/reports/${id}/submit`)
export const returnReport = (id: number, reason: string) => http.post<Report>(`/duty/reports/${id}/return`, { reason })
export const reportDocx = (id: number) => download(`/duty/reports/${id}/docx`)

/** 催办: the year's units that owe tasks, each reminded once a day through the platform's message channel. */
export interface ReminderRun {
  units: { unit_id: number; unit_name: string; open: number; overdue: number; recipients: number; already_today: boolean }[]
  reminded: number
  sent: number
  /** A message channel is configured (else reminders are recorded, not sent). */
  channel: boolean
}
export const remindUnits = (year: number) => http.post<ReminderRun>('/duty/reminders', { year })
