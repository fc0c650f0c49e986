// Transport headers (issue #13, docs/security.md): HSTS once the site is published over https.
import assert from 'node:assert/strict'
import { test } from 'node:test'

import { startServer } from './harness.mjs'

test('Strict-Transport-Security is sent on every answer when public_url is https://, and not before', async () => {
  const plain = await startServer()
  try {
    const res = await fetch(`${plain.url}/api/v1/health`)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('strict-transport-security'), null)
  } finally {
    await plain.stop()
  }
  const published = await startServer({ args: ['--public-url', 'https://pufa.example.gov.cn'] })
  try {
    for (const path of ['/api/v1/health', '/api/v1/auth/me', '/api/v1/no-such-route']) {
      const res = await fetch(`${published.url}${path}`)
      assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000', path)
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path)
    }
  } finally {
    await published.stop()
  }
})
