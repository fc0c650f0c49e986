/** Turning server errors into what a person reads: a sentence, the request id small beneath. */
import { h } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { ApiError } from '@/api/http'
import { i18n } from '@/locales'

export interface ShownError {
  message: string
  requestId?: string
}

export function describe(err: unknown): ShownError {
  if (err instanceof ApiError) return { message: err.message, requestId: err.requestId }
  return { message: i18n.global.t('common.error.network') }
}

/** The record asked for does not exist (404): the page shows the error page, not an error over empty figures. */
export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404

/** A toast for errors of actions that have no form to hold them. */
export function toastError(err: unknown) {
  const { message, requestId } = describe(err)
  ElMessage({
    type: 'error',
    duration: 6000,
    showClose: true,
    message: h('div', [
      h('div', message),
      requestId ? h('div', { class: 'request-id' }, i18n.global.t('common.requestId', { id: requestId })) : null,
    ]),
  })
}

export function toastOk(message: string) {
  ElMessage({ type: 'success', message })
}

/**
 * Puts a server error on its form field when the form has that field.
 * Returns true when it did; otherwise the caller shows it as a notice.
 */
export function applyFieldError(err: unknown, fieldErrors: Record<string, string>, fields: string[]): boolean {
  if (!(err instanceof ApiError) || !err.field || !fields.includes(err.field)) return false
  fieldErrors[err.field] = err.message
  return true
}
