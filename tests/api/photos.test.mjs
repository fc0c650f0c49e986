// Activity photos: upload (sniffed, decoded, thumbnailed), read in scope, delete.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { ADMIN, COORD, assertError, rawHttp, startServer } from './harness.mjs'
import { PNG_SIGNATURE, chunk, ihdr, makeNoisePng, makePng } from './images.mjs'

const MAJIAN = { username: 'majian', password: 'Pufa-Majian-2026' }
const MiB = 1024 * 1024

// A 24×16 JPEG written once by libgd (gdImageJpegPtr, quality 60).
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAYABgAAD//gA7Q1JFQVRPUjogZ2QtanBlZyB2MS4wICh1c2luZyBJSkcgSlBFRyB2NjIpLCBxdWFsaXR5ID0gNjAK' +
  '/9sAQwANCQoLCggNCwoLDg4NDxMgFRMSEhMnHB4XIC4pMTAuKS0sMzpKPjM2RjcsLUBXQUZMTlJTUjI+WmFaUGBKUVJP/9sAQwEODg4TERMm' +
  'FRUmTzUtNU9PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P/8AAEQgAEAAYAwEiAAIRAQMRAf/EAB8A' +
  'AAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHw' +
  'JDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeo' +
  'qaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/EAB8BAAMBAQEBAQEBAQEAAAAAAAABAgMEBQYHCAkK' +
  'C//EALURAAIBAgQEAwQHBQQEAAECdwABAgMRBAUhMQYSQVEHYXETIjKBCBRCkaGxwQkjM1LwFWJy0QoWJDThJfEXGBkaJicoKSo1Njc4OTpD' +
  'REVGR0hJSlNUVVZXWFlaY2RlZmdoaWpzdHV2d3h5eoKDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW' +
  '19jZ2uLj5OXm5+jp6vLz9PX29/j5+v/aAAwDAQACEQMRAD8AyqZJ2ptFejhst9jVVTmvby/4JrjM5+s0ZUuS1/Pzv2CiiivUPEP/2Q==',
  'base64',
)

let server
let coord
let majian
let admin

const upload = (client, body, type = 'image/png', headers = {}) => client.post('/api/v1/photos', undefined, { body, type, headers })

async function uploaded(client, body, type = 'image/png', headers = {}) {
  const res = await upload(client, body, type, headers)
  assert.equal(res.status, 201, res.text)
  return res.body.photo
}

/** The stored bytes of a photo, as the coordinator downloads them. */
const original = async (photo) =>
  Buffer.from(await (await fetch(server.url + photo.url, { headers: { Cookie: coord.cookie } })).arrayBuffer())

/** Successful and refused photos.create rows in the audit log. */
async function createAudits() {
  const count = async (outcome) =>
    (await (await server.auditor()).get(`/api/v1/audit?action=photos.create&outcome=${outcome}&page_size=1`)).body.total
  return { success: await count('success'), failure: await count('failure') }
}

before(async () => {
  server = await startServer()
  ;[coord, majian, admin] = await Promise.all([
    server.login(COORD.username, COORD.password),
    server.login(MAJIAN.username, MAJIAN.password),
    server.login(ADMIN.username, ADMIN.password),
  ])
})
after(async () => server?.stop())

test('POST /photos stores a PNG; GET returns the same bytes, the thumbnail is a JPEG', async () => {
  const png = makePng(1000, 500)
  const res = await upload(coord, png, 'image/png', { 'X-File-Name': encodeURIComponent('普法讲座 现场.png') })
  assert.equal(res.status, 201, res.text)
  const photo = res.body.photo
  assert.deepEqual(Object.keys(res.body), ['photo'])
  assert.deepEqual(Object.keys(photo).sort(), ['bytes', 'height', 'id', 'name', 'thumb_url', 'url', 'width'])
  assert.ok(Number.isInteger(photo.id) && photo.id > 0)
  assert.equal(photo.url, `/api/v1/photos/${photo.id}`)
  assert.equal(photo.thumb_url, `/api/v1/photos/${photo.id}/thumb`)
  assert.deepEqual([photo.width, photo.height, photo.bytes, photo.name], [1000, 500, png.length, '普法讲座 现场.png'])

  const original = await coord.get(photo.url)
  assert.equal(original.status, 200)
  assert.equal(original.headers.get('content-type'), 'image/png')
  assert.equal(original.headers.get('cache-control'), 'private, max-age=86400')
  assert.equal(original.headers.get('x-content-type-options'), 'nosniff')
  assert.equal(original.headers.get('content-disposition'), 'inline')
  const bytes = Buffer.from(await (await fetch(server.url + photo.url, { headers: { Cookie: coord.cookie } })).arrayBuffer())
  assert.ok(bytes.equals(png), 'the original comes back byte for byte')

  const thumb = await fetch(server.url + photo.thumb_url, { headers: { Cookie: coord.cookie } })
  assert.equal(thumb.status, 200)
  assert.equal(thumb.headers.get('content-type'), 'image/jpeg')
  const jpeg = Buffer.from(await thumb.arrayBuffer())
  assert.deepEqual([...jpeg.subarray(0, 2)], [0xff, 0xd8])
  // SOF0 of libgd's baseline JPEG: FF C0, length, precision, height, width.
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
  assert.deepEqual([jpeg.readUInt16BE(sof + 7), jpeg.readUInt16BE(sof + 5)], [320, 160])
})

test('POST /photos accepts a JPEG; the name is optional', async () => {
  const photo = await uploaded(coord, TINY_JPEG, 'image/jpeg')
  assert.deepEqual([photo.width, photo.height, photo.name], [24, 16, null])
  const res = await coord.get(photo.url)
  assert.equal(res.headers.get('content-type'), 'image/jpeg')
  const stored = await original(photo)
  assert.equal(photo.bytes, stored.length)
  assert.ok(stored.length <= TINY_JPEG.length)
})

test('a photo is stored without where and by what it was taken (EXIF, XMP, comments)', async () => {
  const segment = (marker, text) => {
    const payload = Buffer.from(text, 'binary')
    return Buffer.concat([Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload])
  }
  const tagged = Buffer.concat([TINY_JPEG.subarray(0, 2), segment(0xe1, 'Exif\0\0MM\0*GPSLatitude 29.2081 N'),
    segment(0xfe, 'Canon EOS 5D serial 0421'), TINY_JPEG.subarray(2)])
  const photo = await uploaded(coord, tagged, 'image/jpeg')
  const stored = await original(photo)
  for (const secret of ['GPSLatitude', 'Canon']) assert.equal(stored.indexOf(secret), -1, secret)
  assert.equal(stored.subarray(-2).toString('hex'), 'ffd9')
  assert.equal(photo.bytes, stored.length)
})

test('a text file sent as image/png answers 400 field file and stores nothing', async () => {
  const last = await uploaded(coord, makePng(8, 8))
  const audits = await createAudits()
  assertError(await upload(coord, 'just some text, not a picture'), 400, 'validation_failed', 'file')
  assertError(await coord.get(`/api/v1/photos/${last.id + 1}`), 404, 'not_found')
  assert.deepEqual(await createAudits(), { success: audits.success, failure: audits.failure + 1 })
})

test('content that does not match its type, or does not decode, answers 400 field file', async () => {
  const audits = await createAudits()
  assertError(await upload(coord, makePng(8, 8), 'image/jpeg'), 400, 'validation_failed', 'file')
  assertError(await upload(coord, TINY_JPEG, 'image/webp'), 400, 'validation_failed', 'file')
  const broken = makePng(40, 40)
  broken.fill(0x41, 41) // the header survives, the pixel data does not
  assertError(await upload(coord, broken), 400, 'validation_failed', 'file')
  assertError(await upload(coord, TINY_JPEG.subarray(0, 40), 'image/jpeg'), 400, 'validation_failed', 'file')
  assert.equal((await createAudits()).success, audits.success)
})

test('a PNG declaring 100000×100000 pixels (a decompression bomb) answers 400 field file', async () => {
  const bomb = Buffer.concat([PNG_SIGNATURE, ihdr(100000, 100000), chunk('IEND', Buffer.alloc(0))])
  const error = assertError(await upload(coord, bomb), 400, 'validation_failed', 'file')
  assert.match(error.message, /12000/)
})

test('a body over 10 MiB answers 413 before it is read; 10 MiB itself is read', async () => {
  // The server decides on Content-Length alone, so only the header is sent (a client still
  // writing 11 MiB would see the connection closed under it).
  const res = await rawHttp(server.url, 'POST /api/v1/photos HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
    `Cookie: ${coord.cookie}\r\nX-CSRF-Token: ${coord.csrf}\r\nContent-Type: image/png\r\n` +
    `Content-Length: ${11 * MiB}\r\nConnection: close\r\n\r\n`)
  assert.equal(res.status, 413, res.text)
  assert.equal(res.body?.error?.code, 'payload_too_large')
  assertError(await upload(coord, Buffer.alloc(10 * MiB, 0x41)), 400, 'validation_failed', 'file')
})

test('a photo of several MiB is accepted (larger than Beast\'s default 1 MiB body limit)', async () => {
  const width = 1000
  const height = 800
  const png = makeNoisePng(width, height)
  assert.ok(png.length > 2 * MiB && png.length < 10 * MiB, `${png.length} bytes`)
  const photo = await uploaded(coord, png)
  assert.deepEqual([photo.width, photo.height, photo.bytes], [width, height, png.length])
})

test('a wrong content type answers 415, an empty body 400', async () => {
  assertError(await upload(coord, 'hello', 'text/plain'), 415, 'unsupported_media_type')
  assertError(await upload(coord, makePng(8, 8), 'application/octet-stream'), 415, 'unsupported_media_type')
  assertError(await upload(coord, Buffer.alloc(0)), 400, 'validation_failed', 'file')
})

test('X-File-Name must be percent-encoded UTF-8 of at most 200 characters', async () => {
  assertError(await upload(coord, makePng(8, 8), 'image/png', { 'X-File-Name': '%E6%99' }), 400, 'validation_failed', 'name')
  assertError(await upload(coord, makePng(8, 8), 'image/png', { 'X-File-Name': '%zz' }), 400, 'validation_failed', 'name')
  const long = encodeURIComponent('照'.repeat(197) + '.png')
  assertError(await upload(coord, makePng(8, 8), 'image/png', { 'X-File-Name': long }), 400, 'validation_failed', 'name')
  const path = encodeURIComponent('C:\\fakepath\\活动.jpg')
  assert.equal((await uploaded(coord, makePng(8, 8), 'image/png', { 'X-File-Name': path })).name, '活动.jpg')
})

test('unknown ids answer 404', async () => {
  for (const path of ['/api/v1/photos/999999', '/api/v1/photos/999999/thumb', '/api/v1/photos/abc']) {
    assertError(await coord.get(path), 404, 'not_found')
  }
  assertError(await coord.delete('/api/v1/photos/999999'), 404, 'not_found')
})

test('scope: 马涧镇 cannot read a photo placed at the city root (404, as for no photo); the city reads 马涧镇 photos', async () => {
  const city = await uploaded(coord, makePng(10, 10))
  const missing = await coord.get('/api/v1/photos/999999')
  for (const res of [await majian.get(city.url), await majian.get(city.thumb_url), await majian.delete(city.url)]) {
    const error = assertError(res, 404, 'not_found')
    assert.equal(error.message, missing.body.error.message, 'the same answer as for an id that does not exist')
  }

  const town = await uploaded(majian, makePng(12, 12))
  assert.equal((await majian.get(town.url)).status, 200)
  assert.equal((await coord.get(town.thumb_url)).status, 200)
})

test('without activity permissions (admin) or a session, photos are refused', async () => {
  const photo = await uploaded(coord, makePng(8, 8))
  assertError(await upload(admin, makePng(8, 8)), 403, 'forbidden')
  assertError(await admin.get(photo.url), 403, 'forbidden')
  assertError(await admin.delete(photo.url), 403, 'forbidden')
  assertError(await server.client().get(photo.url), 401, 'unauthenticated')
  const forged = await coord.post('/api/v1/photos', undefined, { body: makePng(8, 8), type: 'image/png', csrf: 'wrong' })
  assertError(forged, 403, 'csrf_failed')
})

test('DELETE removes the photo: 204, then 404 for it and its thumbnail', async () => {
  const photo = await uploaded(majian, TINY_JPEG, 'image/jpeg')
  const res = await majian.delete(photo.url)
  assert.equal(res.status, 204, res.text)
  assertError(await majian.get(photo.url), 404, 'not_found')
  assertError(await majian.get(photo.thumb_url), 404, 'not_found')
  assertError(await majian.delete(photo.url), 404, 'not_found')
  const audit = await (await server.auditor()).get(`/api/v1/audit?action=photos.delete&outcome=success`)
  assert.ok(audit.body.items.some((item) => item.object_id === String(photo.id)), audit.text)
  // Its id is never given again: a record still naming it cannot come to show another upload.
  const next = await uploaded(majian, TINY_JPEG, 'image/jpeg')
  assert.ok(next.id > photo.id, `new id ${next.id} after deleted ${photo.id}`)
})

test('an activity can list uploaded photos by id and shows their file names', async () => {
  const photo = await uploaded(majian, makePng(16, 16), 'image/png', { 'X-File-Name': encodeURIComponent('宣讲.png') })
  const regions = (await majian.get('/api/v1/regions')).body.items
  const res = await majian.post('/api/v1/activities', {
    title: '民法典进村宣讲', starts_on: '2020-06-08', region_id: regions.find((r) => r.name === '马涧镇').id,
    theme: '民法典', form: 'lecture', participants: 30, photo_ids: [photo.id],
  })
  assert.equal(res.status, 201, res.text)
  assert.deepEqual(res.body.item.photo_ids, [photo.id])
  assert.deepEqual(res.body.item.photo_names, ['宣讲.png'])
})

test('audit rows name the photo and its uploader', async () => {
  const photo = await uploaded(coord, makePng(9, 9))
  const res = await (await server.auditor()).get('/api/v1/audit?action=photos.create&outcome=success&page_size=100')
  const row = res.body.items.find((item) => item.object_id === String(photo.id))
  assert.ok(row, res.text)
  assert.equal(row.username, COORD.username)
})
