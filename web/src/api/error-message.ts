/**
 * The sentence shown for a server error (`{"error":{"code","message","field"}}`, docs/api.md). zh-CN shows
 * the server's own sentence: it names the specific problem. Another locale shows its own sentence for the
 * code (`apiError.<code>`) and, for validation_failed, the field's label after it where the locale knows
 * the field (`apiField.<field>`). A code the locale does not know keeps the server's sentence.
 */
import { i18n } from '@/locales'

export interface ServerError {
  code: string
  message: string
  field?: string
}

/** `case.facts` → `facts`, `paper.rules[0].count` → `count`: the part the field table names. */
const fieldName = (field: string) => field.replace(/\[\d+\]/g, '').split('.').pop() ?? field

export function errorMessage(e: ServerError): string {
  const { t, te, locale } = i18n.global
  const key = `apiError.${e.code}`
  const known = te(key)
  if (locale.value === 'zh-CN' || !known) return e.message || (known ? t(key) : '')
  const generic = t(key)
  if (e.code !== 'validation_failed' || !e.field) return generic
  const fieldKey = `apiField.${fieldName(e.field)}`
  return te(fieldKey) ? t('apiErrorField', { message: generic, field: t(fieldKey) }) : generic
}
