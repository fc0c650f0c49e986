/** Display formats: times in Asia/Shanghai, numbers with separators. */
import { i18n } from '@/locales'

const ZONE = 'Asia/Shanghai'

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '-'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d)
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(i18n.global.locale.value).format(n)
}

/** A share as a percentage ("85%", "97.5%"); '-' when there is nothing to divide by. */
export function formatPercent(part: number, whole: number): string {
  if (!whole) return '-'
  return new Intl.NumberFormat(i18n.global.locale.value, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole)
}

/** A month's name in the reader's language: "12月", "Dec" (short) / "December". */
export function formatMonth(month: number, style: 'short' | 'long' = 'short'): string {
  const d = new Date(Date.UTC(2000, month - 1, 15))
  return new Intl.DateTimeFormat(i18n.global.locale.value, { month: style, timeZone: 'UTC' }).format(d)
}
