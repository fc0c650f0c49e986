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
