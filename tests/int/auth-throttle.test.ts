/**
 * Login and token throttling: per client address and per account + address, never per account
 * alone, so a flood gets 429 (Retry-After, Thai/English) while the owner logs in from elsewhere.
 * Client addresses come from X-Forwarded-For, which Express trusts from loopback (TRUST_PROXY).
 */
import { createAgencyTree } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server'

// Short windows, so "after the window" comes soon (long enough for a loaded 2-core machine).
const WINDOW = 10
let t: TestServer
let owner: { id: number; email: string }
let dept: { id: number }
let central: Awaited<ReturnType<typeof createOfficer>>

beforeAll(async () => {
  t = await startTestServer({
    env: {
      LOGIN_RATE_LIMIT_ACCOUNT_POINTS: '5',
      LOGIN_RATE_LIMIT_ACCOUNT_DURATION: String(WINDOW),
      LOGIN_RATE_LIMIT_ADDRESS_POINTS: '8',
      LOGIN_RATE_LIMIT_ADDRESS_DURATION: String(WINDOW),
      REDEEM_TOKEN_RATE_LIMIT_ADDRESS_POINTS: '4',
      REDEEM_TOKEN_RATE_LIMIT_ADDRESS_DURATION: String(WINDOW),
      REDEEM_TOKEN_RATE_LIMIT_ACCOUNT_POINTS: '3',
      REDEEM_TOKEN_RATE_LIMIT_ACCOUNT_DURATION: String(WINDOW),
      DIGITAL_ID_RATE_LIMIT_ADDRESS_POINTS: '3',
      DIGITAL_ID_RATE_LIMIT_ADDRESS_DURATION: String(WINDOW),
    },
  })
  owner = (await t.payload.create({
    collection: 'users',
    data: { email: 'root@throttle.test', password: TEST_PASSWORD, roles: ['system-admin'] },
    overrideAccess: true,
  })) as never
  ;({ department: dept } = (await createAgencyTree(t, 'จำกัดรหัส')) as never)
  central = await createOfficer(t, { roles: ['central-officer'], agency: dept.id })
})
afterAll(async () => {
  await t?.close()
})

const from = (ip: string) => ({ 'X-Forwarded-For': ip })
const login = (ip: string, password: string, email = owner.email) => api(t.baseUrl).post('/api/users/login', { email, password }, from(ip))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const statuses = (list: Array<{ status: number }>) =>
  list.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {})
const throttledEntries = async (method: string) =>
  (await t.payload.find({ collection: 'audit-logs', where: { action: { equals: 'throttled' } }, overrideAccess: true, limit: 100, depth: 0 })).docs.filter(
    (d: any) => d.details?.method === method,
  )

describe('password login', () => {
  it('answers a flood of wrong passwords with 429 and no 5xx, while the owner logs in from another address', async () => {
    const flood = Array.from({ length: 40 }, (_, i) => login('203.0.113.10', `wrong-${i}`))
    const ownerMeanwhile = login('198.51.100.10', TEST_PASSWORD)
    const answers = await Promise.all(flood)
    // Only the account's allowance from that address reached the password check.
    expect(statuses(answers)).toEqual({ 401: 5, 429: 35 })
    expect((await ownerMeanwhile).status).toBe(200)

    const refused = answers.find((a) => a.status === 429)!
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(WINDOW)
    expect(refused.body.errors[0].message).toMatch(/หลายครั้งเกินไป.*\(Too many login attempts/)
    expect(refused.body.errors[0].data).toEqual({ retryAfterSeconds: expect.any(Number) })

    // Every refusal has the same answer, also those given before Payload (src/server/loginFastRefusal.ts).
    for (const a of answers.filter((x) => x.status === 429)) {
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(a.body.errors[0].message).toBe(refused.body.errors[0].message)
    }

    // The right password from the flooded address waits for the window too...
    const waiting = await login('203.0.113.10', TEST_PASSWORD)
    expect(waiting.status).toBe(429)
    expect(waiting.body.errors[0].data.retryAfterSeconds).toBe(Number(waiting.headers.get('retry-after')))
    // ...and works after it.
    await sleep(Number(waiting.headers.get('retry-after')) * 1000 + 300)
    expect((await login('203.0.113.10', TEST_PASSWORD)).status).toBe(200)
  })

  it('logs each refused window once, with the account and the address, not every request', async () => {
    const entries = (await throttledEntries('password')).filter((d: any) => d.ip === '203.0.113.10')
    // First refusal per counter: the account + address one, then the address one.
    expect(entries.map((e: any) => e.details.scope).sort()).toEqual(['account', 'address'])
    for (const e of entries) expect(e.targetUser).toBe(owner.id)
  })

  it('never locks the account itself: failures from many addresses do not keep the owner out', async () => {
    // 12 addresses, 4 wrong passwords each: 48 failures, more than Payload's own lock would take.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, a) => Promise.all(Array.from({ length: 4 }, (_, i) => login(`192.0.2.${a + 1}`, `guess-${a}-${i}`)))),
    )
    expect(statuses(answers.flat())).toEqual({ 401: 48 })
    expect((await login('198.51.100.11', TEST_PASSWORD)).status).toBe(200)
    const stored = await t.payload.db.findOne({ collection: 'users', where: { id: { equals: owner.id } } })
    expect((stored as any).lockUntil ?? null).toBeNull()
  })

  it('counts consecutive failures: a correct password clears them for that address', async () => {
    const ip = '203.0.113.20'
    for (let i = 0; i < 4; i++) expect((await login(ip, `nope-${i}`)).status).toBe(401)
    expect((await login(ip, TEST_PASSWORD)).status).toBe(200)
    // Without the reset the 6th failure in the window would be refused; after it, 4 more are fine.
    for (let i = 0; i < 4; i++) expect((await login(ip, `nope-again-${i}`)).status).toBe(401)
  })

  it('limits one address over every account (password spraying)', async () => {
    const ip = '203.0.113.30'
    const answers = []
    for (let i = 0; i < 9; i++) answers.push(await login(ip, 'Password1', `someone${i}@throttle.test`))
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429])
    // Other addresses are not affected.
    expect((await login('203.0.113.31', 'Password1', 'someone0@throttle.test')).status).toBe(401)
  })

  it('gives successful logins their point back: an office behind one address is not limited by its own logins', async () => {
    const ip = '203.0.113.40'
    for (let i = 0; i < 12; i++) expect((await login(ip, TEST_PASSWORD)).status).toBe(200)
  })
})

/** A fresh code of the central officer's manual-author token (the row exists or is created, then refreshed). */
async function freshCode(): Promise<string> {
  const existing = await central.api.get(`/api/role-tokens?where[role][equals]=manual-author&where[agency][equals]=${dept.id}&depth=0`)
  let id = existing.body.docs?.[0]?.id
  if (!id) id = (await central.api.post('/api/role-tokens', { agency: dept.id, role: 'manual-author' })).body.doc.id
  const refreshed = await central.api.post(`/api/role-tokens/${id}/refresh`)
  expect(refreshed.status).toBe(200)
  return refreshed.body.doc.code
}

describe('token redemption', () => {
  const unbound = () => createOfficer(t, { roles: [] })
  const redeem = (officer: Awaited<ReturnType<typeof unbound>>, ip: string, token: string) =>
    officer.api.post('/api/users/redeem-token', { token }, from(ip))

  it('limits codes per address across accounts; the real officer redeems from another address', async () => {
    const ip = '203.0.113.50'
    // (One after the other: parallel logins from one address count while in flight.)
    const officers = []
    for (let i = 0; i < 10; i++) officers.push(await unbound())
    // Each fresh account tries codes at speed from the same address.
    const answers = await Promise.all(officers.flatMap((o, i) => [0, 1, 2].map((j) => redeem(o, ip, `AAAA-BBBB-CCCC-${String(i * 3 + j).padStart(4, '2')}`))))
    expect(statuses(answers)).toEqual({ 400: 4, 429: 26 })
    const refused = answers.find((a) => a.status === 429)!
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(refused.body.errors[0].message).toMatch(/หลายครั้งเกินไป.*\(Too many attempts/)

    const real = await unbound()
    const code = await freshCode()
    expect((await redeem(real, '198.51.100.50', code)).status).toBe(200)
    // After the window the first address is open again.
    await sleep(retryAfter * 1000 + 300)
    const later = await unbound()
    expect((await redeem(later, ip, await freshCode())).status).toBe(200)
    const entries = (await throttledEntries('redeem-token')).filter((d: any) => d.ip === ip)
    expect(entries.map((e: any) => e.details.scope)).toEqual(['address'])
  })

  it('still limits one account whatever address it uses', async () => {
    const officer = await unbound()
    const answers = []
    for (let i = 0; i < 4; i++) answers.push((await redeem(officer, `192.0.2.${100 + i}`, `AAAA-BBBB-CCCC-DDD${i + 2}`)).status)
    expect(answers).toEqual([400, 400, 400, 429])
  })
})

describe('Digital ID callback', () => {
  /** A callback with a made-up state, from a browser that did start a login (it holds the handshake session). */
  const callback = async (ip: string, accept = 'text/html') => {
    const start = await fetch(`${t.baseUrl}/auth/digital-id/login`, { redirect: 'manual', headers: from(ip) })
    const cookie = start.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')
    expect(cookie).toContain('infogo.digital-id=')
    return fetch(`${t.baseUrl}/auth/digital-id/callback?code=forged&state=forged`, { redirect: 'manual', headers: { ...from(ip), accept, cookie } })
  }
  /** The same without any login started: what anyone on the network can send. */
  const bareCallback = (ip: string) => fetch(`${t.baseUrl}/auth/digital-id/callback?code=forged&state=forged`, { redirect: 'manual', headers: from(ip) })

  it('refuses callbacks without a login started at once, without using up the address’s allowance', async () => {
    const ip = '203.0.113.59'
    const bare = await Promise.all(Array.from({ length: 10 }, () => bareCallback(ip)))
    expect(statuses(bare)).toEqual({ 403: 10 })
    expect(await bare[0].text()).toContain('data-reason="state"')
    // A colleague behind the same address still has the whole allowance (3 here).
    expect([(await callback(ip)).status, (await callback(ip)).status, (await callback(ip)).status, (await callback(ip)).status]).toEqual([403, 403, 403, 429])
  })

  it('throttles callbacks per address: 429 with Retry-After, a Thai/English page or JSON', async () => {
    const ip = '203.0.113.60'
    const answers = await Promise.all(Array.from({ length: 10 }, () => callback(ip)))
    expect(statuses(answers)).toEqual({ 403: 3, 429: 7 })
    const page = answers.find((a) => a.status === 429)!
    const retryAfter = Number(page.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    const html = await page.text()
    expect(html).toContain('data-reason="throttled"')
    expect(html).toMatch(/บ่อยเกินไป[\s\S]*Too many login attempts/)
    const json = await callback(ip, 'application/json')
    expect(json.status).toBe(429)
    expect((await json.json()).errors[0].message).toMatch(/บ่อยเกินไป.*\(Too many login attempts/)
    // Another address is refused for its forged state, not throttled.
    expect((await callback('198.51.100.60')).status).toBe(403)
    await sleep(retryAfter * 1000 + 300)
    expect((await callback(ip)).status).toBe(403)
    const entries = (await throttledEntries('digital-id')).filter((d: any) => d.ip === ip)
    expect(entries).toHaveLength(1)
  })

  it('gives a completed login its point back', async () => {
    const ip = '203.0.113.61'
    const jar = new Map<string, string>()
    const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
      const res = await fetch(new URL(url, t.baseUrl), {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string>), ...from(ip), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      })
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';')
        const eq = pair.indexOf('=')
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
      }
      return res
    }
    const follow = async (url: string, init: RequestInit = {}) => {
      let current = new URL(url, t.baseUrl).toString()
      let res = await go(current, init)
      while (res.status >= 300 && res.status < 400 && !current.startsWith(`${t.baseUrl}/admin`)) {
        current = new URL(res.headers.get('location')!, current).toString()
        if (current.startsWith(`${t.baseUrl}/admin`)) break
        res = await go(current)
      }
      return { res, current }
    }
    expect((await callback(ip)).status).toBe(403)
    expect((await callback(ip)).status).toBe(403)
    const start = await follow('/auth/digital-id/login')
    const action = /action="([^"]+\/login)"/.exec(await start.res.text())![1]
    const done = await follow(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'account=demo-anan' })
    expect(done.current).toBe(`${t.baseUrl}/admin`)
    expect(jar.get('payload-token')).toBeTruthy()
    // Three callbacks so far, one of them a login: one more failure is still within the 3.
    expect((await callback(ip)).status).toBe(403)
    expect((await callback(ip)).status).toBe(429)
  })
})
