/**
 * Digital ID over the real redirect flow against the local OpenID provider, and every way a
 * callback must be refused (forged state, wrong nonce, expired / wrongly signed ID token,
 * wrong audience), driven through a small hostile provider that the test controls.
 */
import express from 'express'
import { createHash } from 'node:crypto'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import type { Server } from 'node:http'

import { api, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer

/** A minimal cookie jar: enough for one browser going through the handshake. */
class Browser {
  cookies = new Map<string, string>()
  constructor(private readonly origin: string) {}
  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  async request(url: string, init: RequestInit = {}) {
    const absolute = new URL(url, this.origin).toString()
    const res = await fetch(absolute, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie: this.header() } })
    this.remember(res)
    return res
  }
  /** Follows redirects by hand (each hop keeps its cookies) until a page that is not a redirect. */
  async follow(url: string, init: RequestInit = {}, hops: string[] = []): Promise<{ res: Response; hops: string[] }> {
    let res = await this.request(url, init)
    let current = new URL(url, this.origin).toString()
    hops.push(current)
    while (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      current = new URL(res.headers.get('location')!, current).toString()
      hops.push(current)
      if (current.startsWith(`${this.origin}/admin`)) break // Next is not running in these tests
      res = await this.request(current)
    }
    return { res, hops }
  }
}

async function loginAs(browser: Browser, account: string) {
  const start = await browser.follow('/auth/digital-id/login')
  expect(start.res.status).toBe(200)
  const page = await start.res.text()
  expect(page).toContain(account)
  const action = /action="([^"]+\/login)"/.exec(page)![1]
  return browser.follow(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account }).toString(),
  })
}

beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t?.close()
})

describe('with the local OpenID provider', () => {
  it('logs a new officer in through the full redirect flow with state, nonce and PKCE', async () => {
    const browser = new Browser(t.baseUrl)
    const first = await browser.request('/auth/digital-id/login')
    expect(first.status).toBe(302)
    const authorize = new URL(first.headers.get('location')!)
    expect(authorize.pathname).toBe('/oidc-dev/auth')
    expect(authorize.searchParams.get('state')).toBeTruthy()
    expect(authorize.searchParams.get('nonce')).toBeTruthy()
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    // The handshake state is in PostgreSQL (any instance can take the callback), not in memory.
    const sid = decodeURIComponent(browser.cookies.get('infogo.digital-id')!).slice(2).split('.')[0]
    const { rows } = await (t.payload.db as any).pool.query('SELECT data FROM infogo_runtime.digital_id_sessions WHERE sid = $1', [sid])
    const saved = rows[0].data.digitalId
    expect(saved.handle).toBe(authorize.searchParams.get('state'))
    expect(saved.nonce).toBe(authorize.searchParams.get('nonce'))
    expect(createHash('sha256').update(saved.codeVerifier).digest('base64url')).toBe(authorize.searchParams.get('code_challenge'))

    const done = await loginAs(browser, 'demo-somchai')
    const callback = done.hops.find((h) => h.includes('/auth/digital-id/callback?code='))
    expect(callback).toBeTruthy()
    expect(done.hops.at(-1)).toBe(`${t.baseUrl}/admin`)
    expect(browser.cookies.get('payload-token')).toBeTruthy()

    // The session is Payload's own: REST accepts the cookie as it is.
    const me = await browser.request('/api/users/me')
    const body = await me.json()
    expect(body.user.email).toBe('somchai@digital-id.demo')
    expect(body.user.name).toBe('สมชาย ใจดี')
    expect(body.user.roles).toEqual([])
    expect(body.user.agency ?? null).toBeNull()
    // ...and the bearer form of the same token too.
    const viaHeader = await api(t.baseUrl, browser.cookies.get('payload-token')).get('/api/users/me')
    expect(viaHeader.body.user.id).toBe(body.user.id)
    const stored = await t.payload.find({ collection: 'users', where: { digitalIdSub: { equals: 'demo-somchai' } }, overrideAccess: true })
    expect(stored.totalDocs).toBe(1)
    // The handshake's state is used up: replaying the callback is refused.
    const replay = await browser.request(callback!)
    expect(replay.status).toBe(403)
    expect(await replay.text()).toContain('data-reason="state"')
    // Until they redeem a token they can do nothing but that.
    expect((await browser.request('/api/processes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' })).status).toBe(403)
  })

  it('finds the same officer again by sub on the next login, and logout ends the session', async () => {
    const browser = new Browser(t.baseUrl)
    await loginAs(browser, 'demo-somchai')
    const count = await t.payload.count({ collection: 'users', where: { digitalIdSub: { equals: 'demo-somchai' } }, overrideAccess: true })
    expect(count.totalDocs).toBe(1)
    const token = browser.cookies.get('payload-token')!
    expect((await (await browser.request('/api/users/me')).json()).user).toBeTruthy()
    const out = await browser.request('/api/users/logout', { method: 'POST' })
    expect(out.status).toBe(200)
    // The old token is dead even when replayed.
    const replay = await api(t.baseUrl, token).get('/api/users/me')
    expect(replay.body.user).toBeNull()
    const log = await t.payload.find({ collection: 'audit-logs', where: { action: { equals: 'login' } }, overrideAccess: true, limit: 50 })
    expect(log.docs.some((d: any) => d.details?.method === 'digital-id' && d.ip)).toBe(true)
  })

  it('links the bootstrap admin (ADMIN_EMAIL) to their Digital ID on first login, and nobody else by email', async () => {
    const admin = await t.payload.create({
      collection: 'users',
      data: { email: 'suda@digital-id.demo', password: 'bootstrap-pass-1', roles: ['system-admin'] },
      overrideAccess: true,
    })
    process.env.ADMIN_EMAIL = 'suda@digital-id.demo'
    try {
      const browser = new Browser(t.baseUrl)
      await loginAs(browser, 'demo-suda')
      const me = await (await browser.request('/api/users/me')).json()
      expect(me.user.id).toBe(admin.id)
      expect(me.user.roles).toEqual(['system-admin'])
    } finally {
      delete process.env.ADMIN_EMAIL
    }
    // Without ADMIN_EMAIL an existing password account is never taken over through its address.
    const other = await t.payload.create({
      collection: 'users',
      data: { email: 'anan@digital-id.demo', password: 'other-pass-1', roles: ['system-admin'] },
      overrideAccess: true,
    })
    const browser = new Browser(t.baseUrl)
    await loginAs(browser, 'demo-anan')
    const me = await (await browser.request('/api/users/me')).json()
    expect(me.user.id).not.toBe(other.id)
    expect(me.user.roles).toEqual([])
    expect(me.user.email).not.toBe('anan@digital-id.demo')
  })

  it('refuses a callback whose state was never issued to this browser (forged state)', async () => {
    const victim = new Browser(t.baseUrl)
    // The attacker starts a login and gets a valid code for their own account...
    const attacker = new Browser(t.baseUrl)
    const start = await attacker.follow('/auth/digital-id/login')
    const action = /action="([^"]+\/login)"/.exec(await start.res.text())![1]
    const res = await attacker.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=demo-anan',
    })
    let location = new URL(res.headers.get('location')!, t.baseUrl).toString()
    while (!location.includes('/auth/digital-id/callback')) {
      const hop = await attacker.request(location)
      location = new URL(hop.headers.get('location')!, location).toString()
    }
    // ...and plants the callback on the victim, whose session never started that login.
    const planted = await victim.request(location)
    expect(planted.status).toBe(403)
    const page = await planted.text()
    expect(page).toContain('เข้าสู่ระบบไม่สำเร็จ')
    expect(page).toContain('data-reason="state"')
    expect(page).not.toMatch(/at \w+ \(|node_modules/)
    expect(victim.cookies.get('payload-token')).toBeUndefined()
    // A made-up state in the attacker's own session is refused as well.
    const forged = await attacker.request(location.replace(/state=[^&]+/, 'state=forged'))
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('data-reason="state"')
  })
})

describe('with a hostile provider (OIDC_ISSUER pointing at a test double)', () => {
  let server: Server
  let issuer: string
  const goodKeys = generateKeyPair('RS256', { extractable: true })
  const rogueKeys = generateKeyPair('RS256', { extractable: true })
  /** What the next ID token looks like. */
  let mode: 'ok' | 'wrong-nonce' | 'expired' | 'wrong-signature' | 'wrong-audience' = 'ok'
  const nonces = new Map<string, string>()

  beforeAll(async () => {
    const app = express()
    app.use(express.urlencoded({ extended: false }))
    app.get('/.well-known/openid-configuration', (_req, res) => {
      res.json({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` })
    })
    app.get('/jwks', async (_req, res) => {
      res.json({ keys: [{ ...(await exportJWK((await goodKeys).publicKey)), kid: 'good', alg: 'RS256', use: 'sig' }] })
    })
    // Signs the user in at once and sends them back with a code bound to the nonce.
    app.get('/authorize', (req, res) => {
      const code = `code-${Math.random().toString(36).slice(2)}`
      nonces.set(code, String(req.query.nonce))
      res.redirect(`${String(req.query.redirect_uri)}?code=${code}&state=${encodeURIComponent(String(req.query.state))}`)
    })
    app.post('/token', async (req, res) => {
      const now = Math.floor(Date.now() / 1000)
      const key = mode === 'wrong-signature' ? (await rogueKeys).privateKey : (await goodKeys).privateKey
      const idToken = await new SignJWT({
        nonce: mode === 'wrong-nonce' ? 'not-the-nonce' : nonces.get(String(req.body.code)),
        email: 'hostile@test.info.go.th',
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'good' })
        .setIssuer(issuer)
        .setSubject(`hostile-${mode}`)
        .setAudience(mode === 'wrong-audience' ? 'someone-else' : 'infogo-test-client')
        .setIssuedAt(mode === 'expired' ? now - 7200 : now)
        .setExpirationTime(mode === 'expired' ? now - 3600 : now + 300)
        .sign(key)
      res.json({ access_token: 'at', token_type: 'Bearer', id_token: idToken })
    })
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s))
    })
    const address = server.address()
    issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    Object.assign(process.env, { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'infogo-test-client', OIDC_CLIENT_SECRET: 'test-secret' })
  })
  afterAll(async () => {
    delete process.env.OIDC_ISSUER
    delete process.env.OIDC_CLIENT_ID
    delete process.env.OIDC_CLIENT_SECRET
    await new Promise((resolve) => server?.close(resolve))
  })

  const attempt = async () => {
    const browser = new Browser(t.baseUrl)
    const { res, hops } = await browser.follow('/auth/digital-id/login')
    return { browser, res, hops }
  }

  it('accepts a correctly signed token for this client, and turns off the local provider', async () => {
    mode = 'ok'
    const { browser, hops } = await attempt()
    expect(hops[1]).toContain(`${issuer}/authorize`)
    expect(hops.at(-1)).toBe(`${t.baseUrl}/admin`)
    expect(browser.cookies.get('payload-token')).toBeTruthy()
    expect((await fetch(`${t.baseUrl}/oidc-dev/.well-known/openid-configuration`)).status).toBe(404)
  })

  it.each([
    ['wrong-nonce', 'nonce'],
    ['expired', 'expired'],
    ['wrong-signature', 'signature'],
    ['wrong-audience', 'audience'],
  ] as const)('refuses an ID token with %s with a clear page', async (which, reason) => {
    mode = which
    const { browser, res } = await attempt()
    expect(res.status).toBe(403)
    const page = await res.text()
    expect(page).toContain(`data-reason="${reason}"`)
    expect(page).toContain('Login refused')
    expect(page).not.toMatch(/at \w+ \(|node_modules|Error:/)
    expect(browser.cookies.get('payload-token')).toBeUndefined()
    const created = await t.payload.count({ collection: 'users', where: { digitalIdSub: { equals: `hostile-${which}` } }, overrideAccess: true })
    expect(created.totalDocs).toBe(0)
  })

  it('records refused logins in the audit log', async () => {
    const refused = await t.payload.find({ collection: 'audit-logs', where: { action: { equals: 'login-refused' } }, overrideAccess: true, limit: 50 })
    const reasons = refused.docs.map((d: any) => d.details?.reason)
    expect(reasons).toEqual(expect.arrayContaining(['state', 'nonce', 'expired', 'signature', 'audience']))
  })
})

it('answers a stale or unknown provider interaction with a plain page, not a stack trace', async () => {
  const res = await fetch(`${t.baseUrl}/oidc-dev/interaction/not-a-real-uid`)
  expect(res.status).toBeGreaterThanOrEqual(400)
  const page = await res.text()
  expect(page).toContain('เริ่มใหม่')
  expect(page).not.toMatch(/at \w+ \(|node_modules/)
})
