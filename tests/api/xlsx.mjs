// Reads the first worksheet of an .xlsx the server wrote, for tests that check the values and
// their cell types: the zip entries with Node's zlib, the XML with a few regular expressions
// (enough for what libxlsxwriter writes; not a general reader).
import { inflateRawSync } from 'node:zlib'

/** The zip's entries by name (central directory, stored or deflated). */
export function unzip(buffer) {
  const entries = new Map()
  let end = buffer.length - 22
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) --end
  if (end < 0) throw new Error('not a zip file')
  const count = buffer.readUInt16LE(end + 10)
  let at = buffer.readUInt32LE(end + 16)
  for (let i = 0; i < count; ++i) {
    const method = buffer.readUInt16LE(at + 10)
    const compressed = buffer.readUInt32LE(at + 20)
    const nameLength = buffer.readUInt16LE(at + 28)
    const extraLength = buffer.readUInt16LE(at + 30)
    const commentLength = buffer.readUInt16LE(at + 32)
    const local = buffer.readUInt32LE(at + 42)
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength)
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28)
    const data = buffer.subarray(dataAt, dataAt + compressed)
    entries.set(name, method === 0 ? data : inflateRawSync(data))
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

const unescape = (text) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** Column letters → 0-based index: A → 0, AA → 26. */
const column = (ref) => [...ref.replace(/\d+$/, '')].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1

/**
 * The first sheet as rows of cells: { type: 'string' | 'number' | 'boolean', value, style }.
 * Missing cells are undefined.
 */
export function readSheet(buffer) {
  const files = unzip(buffer)
  const shared = []
  const strings = files.get('xl/sharedStrings.xml')?.toString('utf8') ?? ''
  for (const si of strings.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    shared.push(unescape([...si[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')))
  }
  const sheet = files.get('xl/worksheets/sheet1.xml').toString('utf8')
  const rows = []
  for (const row of sheet.matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = []
    for (const cell of row[2].matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[2]
      const type = /t="(\w+)"/.exec(attributes)?.[1] ?? 'n'
      const style = Number(/s="(\d+)"/.exec(attributes)?.[1] ?? 0)
      const raw = /<v>([\s\S]*?)<\/v>/.exec(cell[3] ?? '')?.[1]
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(cell[3] ?? '')?.[1]
      let value
      if (type === 's') value = { type: 'string', value: shared[Number(raw)] }
      else if (type === 'inlineStr' || type === 'str') value = { type: 'string', value: unescape(inline ?? raw ?? '') }
      else if (type === 'b') value = { type: 'boolean', value: raw === '1' }
      else if (raw !== undefined) value = { type: 'number', value: Number(raw) }
      if (value) cells[column(cell[1])] = { ...value, style }
    }
    rows[Number(row[1]) - 1] = cells
  }
  return rows
}

/** The rows as plain values (strings and numbers), for deepEqual. */
export const values = (rows) => rows.map((cells) => (cells ?? []).map((cell) => cell?.value))
