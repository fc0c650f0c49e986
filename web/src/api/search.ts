/** One search over laws (article level), published articles and cases (CONTRACTS "Search"; open). */
import { http } from './http'

export type SearchKind = 'law' | 'article' | 'case'
export const SEARCH_KINDS: SearchKind[] = ['law', 'article', 'case']
/** The server refuses longer queries (400 on field q). */
export const SEARCH_MAX_CHARS = 100

export interface SearchHit {
  kind: SearchKind
  id: number
  law_id: number | null
  title: string
  heading: string
  /** law hits: the article's place in the structure (第五编 婚姻家庭 第四章 离婚) */
  section?: string
  /** HTML: text escaped by the server, matches wrapped in <mark>…</mark> */
  snippet: string
  date: string | null
  url: string
  score: number
}

export interface SearchResult {
  items: SearchHit[]
  total: number
  took_ms: number
  terms: string[]
}

export interface SearchQuery {
  q: string
  kind?: SearchKind | ''
  law?: string
  from?: string
  to?: string
  page?: number
  /** 1..50 */
  page_size?: number
}

export const search = (q: SearchQuery) => http.get<SearchResult>('/search', { ...q }, { quiet401: true })
