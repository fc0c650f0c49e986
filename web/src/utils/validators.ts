/** Client-side checks that mirror the server's rules, so mistakes show before sending. */

export const USERNAME_RE = /^[a-zA-Z0-9_.-]{3,32}$/
export const MOBILE_RE = /^1[3-9]\d{9}$/
export const PASSWORD_MIN = 10
const PASSWORD_CLASSES_NEEDED = 3

/** ≥10 characters and at least three of: upper, lower, digit, symbol. */
export function strongPassword(p: string): boolean {
  if (p.length < PASSWORD_MIN) return false
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length
  return classes >= PASSWORD_CLASSES_NEEDED
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** 身份证号 (GB 11643-1999): 17 digits, then the check character computed from them (0-9 or X). */
export function idNumberOk(raw: string): boolean {
  const id = raw.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return ID_CHECK[sum % 11] === id[17]
}

type Callback = (e?: Error) => void

/** An Element Plus form rule from a predicate and a message getter (so the locale can change). */
export function rule(ok: (v: string) => boolean, message: () => string, trigger = 'blur') {
  return {
    trigger,
    validator: (_r: unknown, v: unknown, cb: Callback) => (ok(String(v ?? '')) ? cb() : cb(new Error(message()))),
  }
}

export function required(message: () => string, trigger = 'blur') {
  // `required` only draws the asterisk: with a validator present, async-validator runs just the validator.
  return { ...rule((v) => v.trim().length > 0, message, trigger), required: true }
}
