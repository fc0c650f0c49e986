/** The one fetch wrapper: JSON in and out, CSRF header, typed errors, 401 hook. */
import { i18n } from '@/locales'

export const API_BASE = '/api/v1'

/** An error answer from the server, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly requestId?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

interface HttpHooks {
  csrfToken: () => string | null
  onUnauthorized: () => void
}

let hooks: HttpHooks = { csrfToken: () => null, onUnauthorized: () => {} }

/** Wired once in main.ts so that this module does not import the stores. */
export function configureHttp(h: HttpHooks) {
  hooks = h
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not run the 401 hook (login, and the session probe at start-up). */
  quiet401?: boolean
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  const qs = params.toString()
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

async function toError(res: Response): Promise<ApiError> {
  const t = i18n.global.t
  try {
    const body = await res.json()
    const e = body?.error
    if (e && typeof e.message === 'string') {
      return new ApiError(res.status, e.code ?? 'error', e.message, e.field, e.request_id)
    }
  } catch {
    // not JSON: a proxy or gateway page; fall through to the generic sentence
  }
  const id = res.headers.get('X-Request-Id') ?? undefined
  return new ApiError(res.status, 'http_error', t('common.error.http', { status: res.status }), undefined, id)
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  const csrf = hooks.csrfToken()
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
  } catch {
    throw new ApiError(0, 'network_error', i18n.global.t('common.error.network'))
  }
  if (!res.ok) {
    const err = await toError(res)
    if (res.status === 401 && !opts.quiet401) hooks.onUnauthorized()
    throw err
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
}
