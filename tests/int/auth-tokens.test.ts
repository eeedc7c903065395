/** Role tokens (รหัส Token): who issues and sees them, refresh, one-time atomic redemption. */
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { graphqlAs } from '../helpers/graphql'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let dept: { id: number }
let subUnit: { id: number }
let otherDept: { id: number }
let point: { id: number }
let central: Awaited<ReturnType<typeof createOfficer>>
let otherCentral: Awaited<ReturnType<typeof createOfficer>>
let admin: Awaited<ReturnType<typeof createOfficer>>

beforeAll(async () => {
  t = await startTestServer()
  ;({ department: dept } = (await createAgencyTree(t, 'โทเคน')) as never)
  subUnit = (await t.payload.create({
    collection: 'agencies',
    data: { name: 'สำนักงานย่อย', kind: 'department', parent: dept.id },
    overrideAccess: true,
  })) as never
  ;({ department: otherDept } = (await createAgencyTree(t, 'อื่น')) as never)
  point = (await createServicePoint(t, dept.id)) as never
  central = await createOfficer(t, { roles: ['central-officer'], agency: dept.id })
  otherCentral = await createOfficer(t, { roles: ['central-officer'], agency: otherDept.id })
  admin = await createOfficer(t, { roles: ['system-admin'] })
})
afterAll(async () => {
  await t?.close()
})

const unbound = () => createOfficer(t, { roles: [] })
const errorText = (body: any) => JSON.stringify(body?.errors ?? body)

describe('issuing', () => {
  it('lets a central officer issue an author token for their agency and shows them the code', async () => {
    const res = await central.api.post('/api/role-tokens', { agency: dept.id, role: 'manual-author' })
    expect(res.status).toBe(201)
    expect(res.body.doc.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    expect(res.body.doc.codeHash).toBeUndefined()
    expect(res.body.doc.codeCipher).toBeUndefined()
    expect(new Date(res.body.doc.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000)
    const read = await central.api.get(`/api/role-tokens/${res.body.doc.id}`)
    expect(read.body.code).toBe(res.body.doc.code)
  })

  it('stores the code neither in clear nor readable by other agencies', async () => {
    const res = await central.api.post('/api/role-tokens', { agency: dept.id, role: 'manual-reviewer' })
    const code: string = res.body.doc.code
    const pool = (t.payload.db as any).pool
    const { rows } = await pool.query('SELECT * FROM role_tokens WHERE id = $1', [res.body.doc.id])
    expect(JSON.stringify(rows[0])).not.toContain(code)
    expect(JSON.stringify(rows[0])).not.toContain(code.replace(/-/g, ''))
    expect((await otherCentral.api.get(`/api/role-tokens/${res.body.doc.id}`)).status).toBe(404)
    const list = await otherCentral.api.get('/api/role-tokens?limit=100')
    expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(res.body.doc.id)
    expect((await api(t.baseUrl).get('/api/role-tokens')).status).toBe(403)
    const author = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
    expect((await author.api.get(`/api/role-tokens/${res.body.doc.id}`)).status).toBe(403)
  })

  it('shows the code over GraphQL and the Local API to the same people only', async () => {
    const res = await central.api.post('/api/role-tokens', { agency: subUnit.id, role: 'manual-author' })
    const id = res.body.doc.id
    const mine: any = await graphqlAs(t.payload, central.user.id, `{ RoleToken(id: ${id}) { id code } }`)
    expect(mine.data.RoleToken.code).toBe(res.body.doc.code)
    const theirs: any = await graphqlAs(t.payload, otherCentral.user.id, `{ RoleTokens { docs { id code } } }`)
    expect(theirs.data.RoleTokens.docs.map((d: { id: number }) => d.id)).not.toContain(id)
    const otherUser = await t.payload.findByID({ collection: 'users', id: otherCentral.user.id, overrideAccess: true })
    const local = await t.payload.find({ collection: 'role-tokens', overrideAccess: false, user: otherUser })
    expect(local.docs.map((d) => d.id)).not.toContain(id)
    // The sub-unit's own central officer sees its author token, but never the code of their own central-officer token.
    const subCentral = await createOfficer(t, { roles: ['central-officer'], agency: subUnit.id })
    expect((await subCentral.api.get(`/api/role-tokens/${id}`)).body.code).toBe(res.body.doc.code)
  })

  it('refuses tokens for other agencies, for OPDC or admin roles, and a central-officer token for their own agency', async () => {
    expect((await central.api.post('/api/role-tokens', { agency: otherDept.id, role: 'manual-author' })).status).toBe(400)
    expect((await central.api.post('/api/role-tokens', { agency: dept.id, role: 'opdc-officer' })).status).toBe(400)
    expect((await central.api.post('/api/role-tokens', { agency: dept.id, role: 'system-admin' })).status).toBe(400)
    const ownCentral = await central.api.post('/api/role-tokens', { agency: dept.id, role: 'central-officer' })
    expect(ownCentral.status).toBe(400)
    expect(errorText(ownCentral.body)).toContain('You may not issue')
    const subCentral = await central.api.post('/api/role-tokens', { agency: subUnit.id, role: 'central-officer' })
    expect(subCentral.status).toBe(201)
    // The sub-unit's central officers never see the code that makes central officers of their own unit.
    const subUnitCentral = await createOfficer(t, { roles: ['central-officer'], agency: subUnit.id })
    expect((await subUnitCentral.api.get(`/api/role-tokens/${subCentral.body.doc.id}`)).status).toBe(404)
    expect((await central.api.get(`/api/role-tokens/${subCentral.body.doc.id}`)).body.code).toBe(subCentral.body.doc.code)
  })

  it('lets a system admin issue a department’s central-officer token, which that department cannot see', async () => {
    const res = await admin.api.post('/api/role-tokens', { agency: dept.id, role: 'central-officer' })
    expect(res.status).toBe(201)
    expect(res.body.doc.code).toBeTruthy()
    expect((await central.api.get(`/api/role-tokens/${res.body.doc.id}`)).status).toBe(404)
  })

  it('needs a service point of the same agency for a service-point officer token, and keeps one code per role', async () => {
    const missing = await central.api.post('/api/role-tokens', { agency: dept.id, role: 'service-point-officer' })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].data.errors[0].path).toBe('servicePoint')
    const foreignPoint = await createServicePoint(t, otherDept.id)
    expect((await central.api.post('/api/role-tokens', { agency: dept.id, role: 'service-point-officer', servicePoint: foreignPoint.id })).status).toBe(400)
    expect((await central.api.post('/api/role-tokens', { agency: dept.id, role: 'service-point-officer', servicePoint: point.id })).status).toBe(201)
    const twice = await central.api.post('/api/role-tokens', { agency: dept.id, role: 'service-point-officer', servicePoint: point.id })
    expect(twice.status).toBe(400)
    expect(errorText(twice.body)).toContain('refresh')
  })
})

describe('redeeming', () => {
  let tokenId: number
  let code: string
  beforeAll(async () => {
    const existing = await central.api.get(`/api/role-tokens?where[role][equals]=manual-author&where[agency][equals]=${dept.id}`)
    tokenId = existing.body.docs[0].id
    code = existing.body.docs[0].code
  })

  it('binds an unbound officer once, then the code is used up', async () => {
    const officer = await unbound()
    // Until then the officer can do nothing in the agency.
    expect((await officer.api.post('/api/processes', { name: 'x', agency: dept.id })).status).toBe(403)
    const res = await officer.api.post('/api/users/redeem-token', { token: code.toLowerCase().replace(/-/g, ' ') })
    expect(res.status).toBe(200)
    const me = await officer.api.get('/api/users/me')
    expect(me.body.user.roles).toEqual(['manual-author'])
    expect(me.body.user.agency.id ?? me.body.user.agency).toBe(dept.id)
    expect((await officer.api.post('/api/processes', { name: 'กระบวนงานใหม่', agency: dept.id })).status).toBe(201)

    const second = await unbound()
    const again = await second.api.post('/api/users/redeem-token', { token: code })
    expect(again.status).toBe(400)
    expect(again.body.errors[0].data.errors[0].path).toBe('token')
    const token = await central.api.get(`/api/role-tokens/${tokenId}?depth=0`)
    expect(token.body.usedBy).toBe(officer.user.id)
  })

  it('refresh invalidates the old code and issues a redeemable new one', async () => {
    const before = (await central.api.get(`/api/role-tokens/${tokenId}`)).body.code
    const refreshed = await central.api.post(`/api/role-tokens/${tokenId}/refresh`)
    expect([refreshed.status, errorText(refreshed.body)]).toEqual([200, expect.anything()])
    const after = refreshed.body.doc.code
    expect(after).not.toBe(before)
    expect(refreshed.body.doc.usedBy).toBeNull()
    expect((await otherCentral.api.post(`/api/role-tokens/${tokenId}/refresh`)).status).toBe(404)
    const officer = await unbound()
    expect((await officer.api.post('/api/users/redeem-token', { token: before })).status).toBe(400)
    expect((await officer.api.post('/api/users/redeem-token', { token: after })).status).toBe(200)
  })

  it('binds a service-point officer to the token’s service point', async () => {
    const list = await central.api.get('/api/role-tokens?where[role][equals]=service-point-officer')
    const officer = await unbound()
    expect((await officer.api.post('/api/users/redeem-token', { token: list.body.docs[0].code })).status).toBe(200)
    const me = await officer.api.get('/api/users/me?depth=0')
    expect(me.body.user.servicePoint.id ?? me.body.user.servicePoint).toBe(point.id)
  })

  it('gives exactly one success among ten concurrent redemptions of one code', async () => {
    const refreshed = await central.api.post(`/api/role-tokens/${tokenId}/refresh`)
    const code = refreshed.body.doc.code
    const officers = await Promise.all(Array.from({ length: 10 }, () => unbound()))
    const results = await Promise.all(officers.map((o) => o.api.post('/api/users/redeem-token', { token: code })))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 400)).toHaveLength(9)
    const bound = await t.payload.count({ collection: 'users', where: { id: { in: officers.map((o) => o.user.id) }, agency: { exists: true } }, overrideAccess: true })
    expect(bound.totalDocs).toBe(1)
  })

  it('refuses an expired code, a malformed one, an already bound officer and anonymous callers', async () => {
    const refreshed = await central.api.post(`/api/role-tokens/${tokenId}/refresh`)
    await (t.payload.db as any).pool.query(`UPDATE role_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [tokenId])
    const officer = await unbound()
    expect((await officer.api.post('/api/users/redeem-token', { token: refreshed.body.doc.code })).status).toBe(400)
    const malformed = await officer.api.post('/api/users/redeem-token', { token: 'abc' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].message).toBeTruthy()
    const fresh = await central.api.post(`/api/role-tokens/${tokenId}/refresh`)
    expect((await central.api.post('/api/users/redeem-token', { token: fresh.body.doc.code })).status).toBe(409)
    expect((await api(t.baseUrl).post('/api/users/redeem-token', { token: fresh.body.doc.code })).status).toBe(401)
  })

  it('stops an officer guessing after ten tries in 15 minutes', async () => {
    const officer = await unbound()
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await officer.api.post('/api/users/redeem-token', { token: 'AAAA-BBBB-CCCC-DDDD' })).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400))
    const blocked = await officer.api.post('/api/users/redeem-token', { token: 'AAAA-BBBB-CCCC-DDDD' })
    expect(blocked.status).toBe(429)
    expect(blocked.body.errors[0].message).toContain('Too many attempts')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('records redemptions and refreshes in the audit log, which nobody may change', async () => {
    const log = await admin.api.get('/api/audit-logs?limit=200&sort=-createdAt')
    const actions = log.body.docs.map((d: { action: string }) => d.action)
    expect(actions).toContain('token-redeemed')
    expect(actions).toContain('token-created')
    expect(actions).toContain('token-refreshed')
    expect(actions).toContain('login')
    const entry = log.body.docs.find((d: { action: string }) => d.action === 'token-redeemed')
    expect(entry.ip).toBeTruthy()
    expect(entry.actor).toBeTruthy()
    expect((await admin.api.patch(`/api/audit-logs/${entry.id}`, { action: 'login' })).status).toBe(403)
    expect((await admin.api.delete(`/api/audit-logs/${entry.id}`)).status).toBe(403)
    expect((await admin.api.post('/api/audit-logs', { action: 'login' })).status).toBe(403)
    expect((await central.api.delete(`/api/audit-logs/${entry.id}`)).status).toBe(403)
    const still = await admin.api.get(`/api/audit-logs/${entry.id}`)
    expect(still.body.action).toBe('token-redeemed')
  })
})
