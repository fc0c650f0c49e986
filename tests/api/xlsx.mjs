// Reads the first worksheet of an .xlsx the server wrote, for tests that check the values and
// their cell types: the zip entries with Node's zlib, the XML with a few regular expressions
// (enough for what libxlsxwriter writes; not a general reader).
import { inflateRawSync } from 'node:zlib'

import { crc32 } from './images.mjs'

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

/** The number format of each cell style (index → format code, "General" for 0). */
export function numberFormats(buffer) {
  const styles = unzip(buffer).get('xl/styles.xml').toString('utf8')
  const codes = { 0: 'General', 14: 'm/d/yyyy', 49: '@' }
  for (const f of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)) codes[f[1]] = unescape(f[2])
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? ''
  return [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((xf) => codes[xf[1]] ?? `#${xf[1]}`)
}

/** An Excel serial date-time (1900 system) as "YYYY-MM-DD HH:MM", read as wall-clock time. */
export function excelDateTime(serial) {
  const ms = Math.round((serial - 25569) * 86_400_000)
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ')
}

// ---- Writing: workbooks as users' own files are, for import tests -----------------------------

/** A zip of stored (uncompressed) entries: [[name, string | Buffer], …]. */
export function zip(entries) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8')
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const escapeXml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const letters = (index) => (index >= 26 ? letters(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26))

/**
 * A workbook the way Excel stores one: sheets = [{ name, rows: [[cell, …], …] }], a cell a string
 * (a shared string), a number, null, or { n: number | string (written as is), style } / { s: text, style }.
 * formats: custom number formats [[id, code]]; styles: the numFmtId of each cell style (index 0 first).
 */
export function workbook(sheets, { formats = [], styles = [0], date1904 = false } = {}) {
  const shared = []
  const sharedIndex = new Map()
  const stringCell = (ref, text, style) => {
    if (!sharedIndex.has(text)) sharedIndex.set(text, shared.push(text) - 1)
    return `<c r="${ref}" t="s"${style ? ` s="${style}"` : ''}><v>${sharedIndex.get(text)}</v></c>`
  }
  const parts = []
  sheets.forEach((sheet, i) => {
    const rows = sheet.rows.map((cells, r) => {
      const xml = cells.map((cell, c) => {
        const ref = `${letters(c)}${r + 1}`
        if (cell === null || cell === undefined || cell === '') return ''
        if (typeof cell === 'string') return stringCell(ref, cell, 0)
        if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`
        if (cell.s !== undefined) return stringCell(ref, cell.s, cell.style)
        return `<c r="${ref}"${cell.style ? ` s="${cell.style}"` : ''}><v>${cell.n}</v></c>`
      })
      return `<row r="${r + 1}">${xml.join('')}</row>`
    })
    parts.push([`xl/worksheets/sheet${i + 1}.xml`, `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`])
  })
  const sheetList = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
  const n = sheets.length
  return zip([
    ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetList}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', `<styleSheet xmlns="${MAIN}"><numFmts>${formats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts><cellXfs>${styles.map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs></styleSheet>`],
    ['xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${shared.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join('')}</sst>`],
    ...parts,
  ])
}
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
