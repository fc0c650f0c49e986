/**
 * The one rule for time (docs/api.md): the wire carries UTC instants (`2026-12-01T18:02:00Z`) and plain
 * calendar days (`2026-12-02`); every date and time a person reads is Asia/Shanghai, whatever the
 * browser's zone. Every page formats and parses through these helpers.
 *
 * Date pickers and the calendar work in wall-clock strings (`value-format`): a date-time picker's value
 * is a Shanghai wall time ("2026-12-02 02:02:00"), turned into an instant by `toUtcIso` and back by
 * `toWallTime`. Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so the offset is fixed.
 */

export const ZONE = 'Asia/Shanghai'
const OFFSET = '+08:00'
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/

type Instant = string | number | Date

interface Parts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function toDate(v: Instant): Date | null {
  const d = v instanceof Date ? v : new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

/** The Shanghai wall-clock fields of an instant. */
function partsOf(d: Date): Parts {
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, x.value]))
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second }
}

/**
 * "2026-12-02" in Shanghai; '-' for nothing. A calendar day from the wire ("2026-12-02") is shown as it is:
 * it is already a Shanghai date.
 */
export function formatDate(v: Instant | null | undefined): string {
  if (v === null || v === undefined || v === '') return '-'
  if (typeof v === 'string' && DAY_RE.test(v)) return v
  const d = toDate(v)
  if (!d) return String(v)
  const p = partsOf(d)
  return `${p.year}-${p.month}-${p.day}`
}

/** "2026-12-02 02:02" in Shanghai (with `:ss` when `seconds`); '-' for nothing. */
export function formatDateTime(v: Instant | null | undefined, opts: { seconds?: boolean } = {}): string {
  if (v === null || v === undefined || v === '') return '-'
  const d = toDate(v)
  if (!d) return String(v)
  const p = partsOf(d)
  const time = `${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ''}`
  return `${p.year}-${p.month}-${p.day} ${time}`
}

/** A long date in the reader's language ("2026年12月2日", "December 2, 2026"), for certificates. */
export function formatLongDate(v: Instant, locale: string): string {
  const d = toDate(typeof v === 'string' && DAY_RE.test(v) ? `${v}T12:00:00${OFFSET}` : v)
  return d ? new Intl.DateTimeFormat(locale, { timeZone: ZONE, dateStyle: 'long' }).format(d) : String(v)
}

/** Today's date in Shanghai ("2026-12-02"), whatever the browser's zone and clock of day. */
export function todayInShanghai(now: Instant = Date.now()): string {
  return formatDate(now)
}

/**
 * For a date picker's `cell-class-name`: marks the cell of Beijing's today. Element Plus marks the
 * browser's today itself (`.today`, toned down in styles/pickers.css), which is a different day for a
 * browser outside China's zone part of every day. The picker hands a cell as local midnight of its day.
 */
export function beijingTodayCell(cell: Date): string {
  const day = `${cell.getFullYear()}-${String(cell.getMonth() + 1).padStart(2, '0')}-${String(cell.getDate()).padStart(2, '0')}`
  return day === todayInShanghai() ? 'is-beijing-today' : ''
}

/** This year in Shanghai (a New Year's Eve evening in Europe is already the next year in Lanxi). */
export function yearInShanghai(now: Instant = Date.now()): number {
  return Number(todayInShanghai(now).slice(0, 4))
}

/** A date-time picker's value ("2026-12-02 02:02:00", Shanghai wall time) as the UTC instant the server takes. */
export function toUtcIso(wall: string): string {
  const [day, time = '00:00:00'] = wall.trim().split(/[ T]/)
  const hms = time.length === 5 ? `${time}:00` : time
  const d = new Date(`${day}T${hms}${OFFSET}`)
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a wall time: ${wall}`)
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** An instant from the wire as a date-time picker's value: Shanghai wall time "YYYY-MM-DD HH:mm:ss". */
export function toWallTime(v: Instant): string {
  const d = toDate(v)
  if (!d) return ''
  const p = partsOf(d)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/** The value format of every date-time picker: Shanghai wall time (see `toUtcIso`). */
export const WALL_FORMAT = 'YYYY-MM-DD HH:mm:ss'

/**
 * A Shanghai calendar day as the local-midnight Date that Element Plus's calendar and pickers draw
 * (they count days in the browser's zone): "2026-12-02" is the 2nd whatever the zone.
 */
export function dayAsLocalDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y, m - 1, d)
}

/** The calendar day a local-midnight Date stands for (the inverse of `dayAsLocalDate`). */
export function localDateAsDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The number of days of a month (1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
