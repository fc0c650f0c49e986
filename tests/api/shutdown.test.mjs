// Graceful stop: SIGTERM lets a request in flight finish, then the server exits cleanly.
import assert from 'node:assert/strict'
import net from 'node:net'
import { test } from 'node:test'

import { COORD, startServer } from './harness.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

test('SIGTERM finishes the request in flight and then exits 0', async () => {
  const server = await startServer()
  const { hostname, port } = new URL(server.url)
  const socket = net.connect(Number(port), hostname)
  let reply = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk) => (reply += chunk))
  const closed = new Promise((resolve) => socket.on('close', resolve))
  try {
    await new Promise((resolve) => socket.on('connect', resolve))
    // The request's header now, its body only after the signal: the request is in flight
    // (header read, body awaited) when SIGTERM arrives, whatever the machine's speed.
    const body = JSON.stringify(COORD)
    socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
                 `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`)
    await sleep(300)
    server.signal('SIGTERM')
    await sleep(200)
    socket.write(body)
    await closed
    const [head, json] = reply.split('\r\n\r\n')
    assert.match(head, /^HTTP\/1\.1 200 /, reply)
    assert.match(head, /\r\nConnection: close/i)
    assert.equal(JSON.parse(json).user.username, COORD.username)
    assert.equal((await server.exited()).code, 0)
    assert.match(server.stdout(), /signal 15: no new connections; finishing 1 request\(s\) in flight/)
  } finally {
    socket.destroy()
    await server.stop()
  }
})
