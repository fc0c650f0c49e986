/** Display formats of numbers (with separators), shares and month names; times are in ./time.ts. */
import { i18n } from '@/locales'

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(i18n.global.locale.value).format(n)
}

/** A share as a percentage ("85%", "97.5%"); '-' when there is nothing to divide by. */
export function formatPercent(part: number, whole: number): string {
  if (!whole) return '-'
  return new Intl.NumberFormat(i18n.global.locale.value, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole)
}

/** A rate the server computed (0..1) as a percentage ("85%", "97.5%"); '-' when it has none (null: nothing to divide by). */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '-'
  return new Intl.NumberFormat(i18n.global.locale.value, { style: 'percent', maximumFractionDigits: 1 }).format(rate)
}

/** A month's name in the reader's language: "12月", "Dec" (short) / "December". */
export function formatMonth(month: number, style: 'short' | 'long' = 'short'): string {
  const d = new Date(Date.UTC(2000, month - 1, 15))
  return new Intl.DateTimeFormat(i18n.global.locale.value, { month: style, timeZone: 'UTC' }).format(d)
}
