// PNG images made in the test, without npm packages: for the photo tests.
import { randomBytes } from 'node:crypto'
import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 (PNG chunks, zip entries). */
export function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])))
  return Buffer.concat([head, data, crc])
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function ihdr(width, height) {
  const data = Buffer.alloc(13)
  data.writeUInt32BE(width, 0)
  data.writeUInt32BE(height, 4)
  data.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  return chunk('IHDR', data)
}

/** A valid RGB PNG of width × height: a colour gradient, so each test's bytes differ by size. */
export function makePng(width, height) {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; ++y) {
    const row = y * (width * 3 + 1) // filter byte 0 at the start of each row
    for (let x = 0; x < width; ++x) raw.set([(x * 255) / width, (y * 255) / height, 128], row + 1 + x * 3)
  }
  return Buffer.concat([PNG_SIGNATURE, ihdr(width, height), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** A PNG of random pixels: it does not compress, so its size is about width × height × 3. */
export function makeNoisePng(width, height) {
  const raw = randomBytes((width * 3 + 1) * height)
  for (let y = 0; y < height; ++y) raw[y * (width * 3 + 1)] = 0
  return Buffer.concat([PNG_SIGNATURE, ihdr(width, height), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
