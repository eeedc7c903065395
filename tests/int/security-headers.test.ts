/**
 * Security headers on the real Express app (no Next): the API's JSON and files, the Digital ID
 * pages, errors and 429s; HSTS only in production behind TRUST_PROXY over https, and the client
 * address behind it. The browser test
 * (tests/e2e/csp.test.ts) checks that the admin and the site work under the page policy.
 */
import express from 'express'
import type { AddressInfo } from 'node:net'

import { securityHeaders } from '../../src/server/securityHeaders'
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { api, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server'

let t: TestServer
let pointId: number

beforeAll(async () => {
  t = await startTestServer({ dev: false, env: { TRUST_PROXY: 'true' } })
  const { department } = await createAgencyTree(t, 'หัวข้อ')
  pointId = ((await createServicePoint(t, department.id)) as { id: number }).id
})
afterAll(async () => {
  await t?.close()
})

/** The policy as a map of directive → sources. */
const policy = (headers: Headers) =>
  new Map(
    String(headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/)
        return [name, sources] as const
      }),
  )

const expectCommonHeaders = (headers: Headers) => {
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(headers.get('x-frame-options')).toBe('SAMEORIGIN')
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin')
  expect(headers.get('x-powered-by')).toBeNull()
}

describe('the REST API', () => {
  it('answers JSON under default-src none, framed by nobody but the site', async () => {
    for (const path of ['/api/agencies', '/api/health', '/api/no-such-collection', `/api/service-points/${pointId}`]) {
      const res = await api(t.baseUrl).get(path)
      expectCommonHeaders(res.headers)
      const csp = policy(res.headers)
      expect([path, csp.get('default-src')]).toEqual([path, ["'none'"]])
      expect(csp.get('frame-ancestors')).toEqual(["'self'"])
      expect(csp.has('script-src')).toBe(false)
      // Public data, read from other origins too.
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    }
    // An error answer has them as well.
    const refused = await api(t.baseUrl).post('/api/users/login', { email: 'x@y.z', password: 'wrong' })
    expect(refused.status).toBe(401)
    expect(policy(refused.headers).get('default-src')).toEqual(["'none'"])
  })

  it('lets a file download be viewed (poster PNG and PDF): no scripts, but images, styles and the PDF viewer', async () => {
    for (const format of ['png', 'pdf']) {
      const res = await fetch(`${t.baseUrl}/api/service-points/${pointId}/poster?format=${format}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain(format === 'png' ? 'image/png' : 'application/pdf')
      const bytes = Buffer.from(await res.arrayBuffer())
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(format === 'png' ? '\x89PNG' : '%PDF')
      expectCommonHeaders(res.headers)
      const csp = policy(res.headers)
      expect(csp.get('default-src')).toEqual(["'none'"])
      expect(csp.has('script-src')).toBe(false)
      expect(csp.get('object-src')).toEqual(["'self'"])
      expect(csp.get('style-src')).toEqual(["'unsafe-inline'"])
      expect(csp.get('frame-ancestors')).toEqual(["'self'"])
    }
  })
})

describe('pages served by Express (Digital ID)', () => {
  it('carry the page policy with a fresh nonce per request and no eval in production', async () => {
    const nonces = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${t.baseUrl}/auth/digital-id/callback?state=x&code=y`, { redirect: 'manual' })
      expect(res.status).toBe(403)
      expectCommonHeaders(res.headers)
      const csp = policy(res.headers)
      const script = csp.get('script-src')!
      expect(script).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]))
      expect(script).not.toContain("'unsafe-inline'")
      expect(script).not.toContain("'unsafe-eval'")
      const nonce = script.find((s) => s.startsWith("'nonce-"))!
      expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/)
      nonces.add(nonce)
      expect(csp.get('frame-ancestors')).toEqual(["'self'"])
      expect(csp.get('object-src')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'self'"])
      expect(csp.get('connect-src')).toEqual(["'self'"])
      expect(csp.has('upgrade-insecure-requests')).toBe(false)
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    }
    expect(nonces.size).toBe(2)
  })
})

describe('Strict-Transport-Security', () => {
  it('is sent in production behind TRUST_PROXY when the request came over https, and only then', async () => {
    const overHttps = await api(t.baseUrl).get('/api/health', { 'X-Forwarded-Proto': 'https' })
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000')
    const page = await fetch(`${t.baseUrl}/auth/digital-id/callback`, { redirect: 'manual', headers: { 'X-Forwarded-Proto': 'https' } })
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000')
    // Over https the page policy also upgrades any http subresource.
    expect(policy(page.headers).has('upgrade-insecure-requests')).toBe(true)
    expect((await api(t.baseUrl).get('/api/health')).headers.get('strict-transport-security')).toBeNull()
  })

  /** The middleware alone on a bare Express app, for the environments the server above is not in. */
  async function headersWith(options: Parameters<typeof securityHeaders>[0], path = '/api/x') {
    const app = express()
    app.set('trust proxy', true)
    app.use(securityHeaders(options))
    app.use((_req, res) => {
      res.json({ ok: true })
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { headers: { 'X-Forwarded-Proto': 'https' } })
      return res.headers
    } finally {
      server.close()
    }
  }

  it('is never sent in development, nor in production without TRUST_PROXY', async () => {
    expect((await headersWith({ dev: true, env: { TRUST_PROXY: 'true' } })).get('strict-transport-security')).toBeNull()
    expect((await headersWith({ dev: false, env: {} })).get('strict-transport-security')).toBeNull()
    expect((await headersWith({ dev: false, env: { TRUST_PROXY: 'true' } })).get('strict-transport-security')).toBe('max-age=31536000')
    expect((await headersWith({ dev: false, env: { TRUST_PROXY: 'true', HSTS_MAX_AGE: '600', HSTS_INCLUDE_SUBDOMAINS: 'true' } })).get('strict-transport-security')).toBe(
      'max-age=600; includeSubDomains',
    )
  })

  it('allows eval only in development, and the configured site origins to frame and be framed', async () => {
    const dev = policy(await headersWith({ dev: true, env: {} }, '/admin'))
    expect(dev.get('script-src')).toContain("'unsafe-eval'")
    const prod = policy(await headersWith({ dev: false, env: { SERVER_URL: 'https://admin.info.go.th/', PUBLIC_SITE_URL: 'https://info.go.th' } }, '/admin'))
    expect(prod.get('script-src')).not.toContain("'unsafe-eval'")
    expect(prod.get('frame-ancestors')).toEqual(["'self'", 'https://admin.info.go.th', 'https://info.go.th'])
    expect(prod.get('frame-src')).toEqual(["'self'", 'https://admin.info.go.th', 'https://info.go.th'])
  })
})

describe('behind a load balancer (TRUST_PROXY=true)', () => {
  // The load balancer appends the address it saw; everything left of it is what the client wrote.
  const via = (forged: string, real: string) => ({ 'X-Forwarded-For': `${forged}, ${real}` })

  it('takes the client address the load balancer appended: a forged X-Forwarded-For does not evade the login limit', async () => {
    const user = await t.payload.create({ collection: 'users', data: { email: 'lb@throttle.test', password: TEST_PASSWORD, roles: ['system-admin'] }, overrideAccess: true })
    const answers = []
    // One more than the per-account-and-address allowance (10 an hour), each claiming another address.
    for (let i = 0; i < 11; i++) answers.push((await api(t.baseUrl).post('/api/users/login', { email: user.email, password: 'wrong' }, via(`10.0.0.${i + 1}`, '198.51.100.77'))).status)
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(answers[10]).toBe(429)
    // The owner from their own address, whatever they claim, logs in; the audit log keeps the real address.
    const ok = await api(t.baseUrl).post('/api/users/login', { email: user.email, password: TEST_PASSWORD }, via('10.9.9.9', '198.51.100.78'))
    expect(ok.status).toBe(200)
    const logins = await t.payload.find({ collection: 'audit-logs', where: { and: [{ action: { equals: 'login' } }, { actor: { equals: user.id } }] }, overrideAccess: true, depth: 0 })
    expect(logins.docs.map((d) => d.ip)).toEqual(['198.51.100.78'])
  })
})
