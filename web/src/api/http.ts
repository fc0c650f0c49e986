/** The one fetch wrapper: JSON in and out, CSRF header, typed errors, 401 hook. */
import { i18n } from '@/locales'
import { errorMessage } from './error-message'

export const API_BASE = '/api/v1'

/** An error answer from the server, or a network failure (status 0); `message` is what a person reads. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly requestId?: string,
    /** Import errors (422 import_failed): the rows of the file that were refused. */
    readonly rows?: RowError[],
    /** Documented details beside the message: `remaining_attempts` (a wrong password), `retry_after_seconds`. */
    readonly details: ErrorDetails = {},
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

/** The numbers some errors carry beside their message (docs/api.md). */
export interface ErrorDetails {
  remaining_attempts?: number
  retry_after_seconds?: number
}

/** One refused row of an imported file (`error.rows`). */
export interface RowError {
  row: number
  field: string
  message: string
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not run the 401 hook (login, and the session probe at start-up). */
  quiet401?: boolean
  /** Extra request headers (the public quiz's X-Quiz-Token). */
  headers?: Record<string, string>
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  const qs = params.toString()
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

/**
 * The server's `{"error":{...}}` as an ApiError, its sentence in the reader's language (./error-message.ts);
 * a generic sentence when the body is not one.
 */
function parseError(status: number, text: string, requestId: string | null): ApiError {
  try {
    const e = JSON.parse(text)?.error
    if (e && typeof e.message === 'string') {
      const list = Array.isArray(e.rows) ? e.rows : Array.isArray(e.errors) ? e.errors : undefined
      const rows = list as RowError[] | undefined
      const code = typeof e.code === 'string' ? e.code : 'error'
      const field = typeof e.field === 'string' ? e.field : undefined
      const message = errorMessage({ code, message: e.message, field })
      const details: ErrorDetails = {}
      if (typeof e.remaining_attempts === 'number') details.remaining_attempts = e.remaining_attempts
      if (typeof e.retry_after_seconds === 'number') details.retry_after_seconds = e.retry_after_seconds
      return new ApiError(status, code, message, field, e.request_id ?? requestId ?? undefined, rows, details)
    }
  } catch {
    // not JSON: a proxy or gateway page; fall through to the generic sentence
  }
  const msg = i18n.global.t('common.error.http', { status })
  return new ApiError(status, 'http_error', msg, undefined, requestId ?? undefined)
}

/** The error of a failed fetch answer, as request() reports it (for callers that fetch a file themselves). */
export const errorOf = (res: Response) => toError(res)

/** The CSRF header of a write, for callers that fetch themselves. */
export const csrfHeaders = () => csrfHeader('POST')

async function toError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '')
  return parseError(res.status, text, res.headers.get('X-Request-Id'))
}

function csrfHeader(method: string): Record<string, string> {
  const csrf = hooks.csrfToken()
  return method !== 'GET' && csrf ? { 'X-CSRF-Token': csrf } : {}
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers, ...csrfHeader(method) }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
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

/** `filename*=UTF-8''...` (RFC 5987) first, then a plain `filename="..."`. */
export function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      // a broken escape: try the plain name
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]
}

export interface Download {
  blob: Blob
  filename?: string
}

/** A GET that answers a file (export, template): the bytes and the server's file name. */
export async function download(path: string, query?: Query): Promise<Download> {
  let res: Response
  try {
    res = await fetch(buildUrl(path, query), { credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network_error', i18n.global.t('common.error.network'))
  }
  if (!res.ok) {
    const err = await toError(res)
    if (res.status === 401) hooks.onUnauthorized()
    throw err
  }
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) }
}

/**
 * Sends a file's bytes as they are (imports, photos: POST; the certificate seal: PUT), reporting upload
 * progress 0..100. XMLHttpRequest because fetch cannot report upload progress.
 */
export function upload<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress?: (pct: number) => void,
  headers: Record<string, string> = {},
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, buildUrl(path))
    xhr.withCredentials = true
    xhr.setRequestHeader('Content-Type', contentType)
    xhr.setRequestHeader('Accept', 'application/json')
    for (const [k, v] of Object.entries({ ...headers, ...csrfHeader(method) })) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new ApiError(0, 'network_error', i18n.global.t('common.error.network')))
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T)
        return
      }
      if (xhr.status === 401) hooks.onUnauthorized()
      reject(parseError(xhr.status, xhr.responseText, xhr.getResponseHeader('X-Request-Id')))
    }
    xhr.send(file)
  })
}

export const http = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
}
