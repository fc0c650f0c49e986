/** Client-side form rules of a registry form, from its field kinds (messages in the current locale). */
import type { FormItemRule, FormRules } from 'element-plus'
import { i18n } from '@/locales'
import { idNumberOk, MOBILE_RE, rule } from '@/utils/validators'
import type { FieldDef } from './schema'

type Callback = (e?: Error) => void
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
const TEXT_MAX = 100
const SELECTS = new Set(['choice', 'tags', 'region', 'ref', 'refs', 'photos', 'date'])

export function formRules(fields: FieldDef[], form: Record<string, unknown>): FormRules {
  const t = i18n.global.t
  const out: FormRules = {}
  for (const f of fields) {
    const label = () => t(f.label)
    const list: FormItemRule[] = []
    const trigger = SELECTS.has(f.kind) ? 'change' : 'blur'
    const requiredMsg = () => t(SELECTS.has(f.kind) ? 'org.rules.select' : 'org.rules.required', { label: label() })
    if (f.required) {
      list.push({
        required: true,
        trigger,
        validator: (_r: unknown, v: unknown, cb: Callback) =>
          empty(typeof v === 'string' ? v.trim() : v) ? cb(new Error(requiredMsg())) : cb(),
      })
    }
    if (f.requiredUnless) {
      const other = f.requiredUnless
      list.push({
        trigger: 'change',
        validator: (_r: unknown, v: unknown, cb: Callback) =>
          empty(v) && empty(form[other]) ? cb(new Error(t('org.rules.regionOrUnit'))) : cb(),
      })
    }
    if (f.kind === 'text' || f.kind === 'textarea') {
      const max = f.max ?? (f.kind === 'text' ? TEXT_MAX : 1000)
      list.push(rule((v) => v.trim().length <= max, () => t('org.rules.maxLength', { label: label(), n: max })))
    }
    if (f.kind === 'phone') list.push(rule((v) => v === '' || MOBILE_RE.test(v), () => t('org.rules.phone')))
    if (f.kind === 'id_number') {
      list.push(rule((v) => v === '' || idNumberOk(v), () => t(v18(form[f.key]) ? 'org.rules.idCheck' : 'org.rules.idFormat')))
    }
    if (f.kind === 'number' && f.min !== undefined && f.maxValue !== undefined) {
      const [min, max] = [f.min, f.maxValue]
      list.push({
        trigger: 'change',
        validator: (_r: unknown, v: unknown, cb: Callback) =>
          empty(v) || (Number(v) >= min && Number(v) <= max)
            ? cb()
            : cb(new Error(t('org.rules.range', { label: label(), min, max }))),
      })
    }
    if (f.notBefore) {
      const other = f.notBefore
      const otherLabel = () => t(fields.find((x) => x.key === other)?.label ?? other)
      list.push({
        trigger: 'change',
        // YYYY-MM-DD strings compare as dates.
        validator: (_r: unknown, v: unknown, cb: Callback) =>
          empty(v) || empty(form[other]) || String(v) >= String(form[other])
            ? cb()
            : cb(new Error(t('org.rules.notBefore', { label: label(), other: otherLabel() }))),
      })
    }
    if (list.length) out[f.key] = list
  }
  return out
}

/** 18 characters of the right shape: then a failure is the check digit, else the format. */
const v18 = (v: unknown) => /^\d{17}[\dXx]$/.test(String(v ?? ''))
