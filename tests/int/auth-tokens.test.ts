/**
 * Role tokens (รหัส Token, the FAQ's "จัดการ Token"): every department, local government and
 * service point has one row per role from the start; who lists and copies them, Refresh, what
 * REST refuses, and one-time atomic redemption.
 */
import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { graphqlAs } from '../helpers/graphql'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
type Token = { id: number; role: string; agency: number | { id: number }; servicePoint: number | { id: number } | null; code: string | null; state: { status: string; usedByName: string | null; usedAt: string | null; expiresAt: string } }

let t: TestServer
let ministry: { id: number; name: string }
let dept: { id: number; name: string }
let subUnit: { id: number; name: string }
let otherDept: { id: number }
let point: { id: number }
let central: Awaited<ReturnType<typeof createOfficer>>
let subCentral: Awaited<ReturnType<typeof createOfficer>>
let otherCentral: Awaited<ReturnType<typeof createOfficer>>
let admin: Awaited<ReturnType<typeof createOfficer>>

beforeAll(async () => {
  t = await startTestServer()
  ;({ ministry, department: dept } = (await createAgencyTree(t, 'โทเคน')) as never)
  subUnit = (await t.payload.create({ collection: 'agencies', data: { name: 'สำนักงานย่อย', kind: 'department', parent: dept.id }, overrideAccess: true })) as never
  ;({ department: otherDept } = (await createAgencyTree(t, 'อื่น')) as never)
  point = (await createServicePoint(t, dept.id)) as never
  central = await createOfficer(t, { roles: ['central-officer'], agency: dept.id })
  subCentral = await createOfficer(t, { roles: ['central-officer'], agency: subUnit.id })
  otherCentral = await createOfficer(t, { roles: ['central-officer'], agency: otherDept.id })
  admin = await createOfficer(t, { roles: ['system-admin'] })
})
afterAll(async () => {
  await t?.close()
})

const unbound = () => createOfficer(t, { roles: [] })
const errorText = (body: any) => JSON.stringify(body?.errors ?? body)
const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: number }).id : (v as number | null))
const pool = () => (t.payload.db as any).pool as { query: (q: string, p?: unknown[]) => Promise<{ rows: any[] }> }

/** The rows in the database for an agency: role (and service point), as `role` or `role@point`. */
async function rowsOf(agency: number) {
  const { rows } = await pool().query('SELECT role, service_point_id FROM role_tokens WHERE agency_id = $1 ORDER BY role, service_point_id', [agency])
  return rows.map((r) => (r.service_point_id ? `${r.role}@${r.service_point_id}` : r.role)).sort()
}

async function tokenOf(agency: number, role: string, as = admin): Promise<Token> {
  const res = await as.api.get(`/api/role-tokens?where[agency][equals]=${agency}&where[role][equals]=${role}&depth=0`)
  expect([res.status, res.body.docs.length]).toEqual([200, 1])
  return res.body.docs[0]
}

describe('rows made with agencies and service points', () => {
  it('gives departments and local governments their three roles, ministries none, a service point its own', async () => {
    expect(await rowsOf(ministry.id)).toEqual([])
    expect(await rowsOf(dept.id)).toEqual(['central-officer', 'manual-author', 'manual-reviewer', `service-point-officer@${point.id}`])
    expect(await rowsOf(subUnit.id)).toEqual(['central-officer', 'manual-author', 'manual-reviewer'])

    // Over REST too: a system admin makes a local government, its central officer a service point.
    const lg = await admin.api.post('/api/agencies', { name: 'เทศบาลตำบลทดสอบ', kind: 'local-government', parent: ministry.id })
    expect(lg.status).toBe(201)
    expect(await rowsOf(lg.body.doc.id)).toEqual(['central-officer', 'manual-author', 'manual-reviewer'])
    const lgCentral = await createOfficer(t, { roles: ['central-officer'], agency: lg.body.doc.id })
    const lgPoint = await lgCentral.api.post('/api/service-points', { name: 'จุดบริการเทศบาล', agency: lg.body.doc.id, province: 'เชียงใหม่' })
    expect(lgPoint.status).toBe(201)
    expect(await rowsOf(lg.body.doc.id)).toEqual(['central-officer', 'manual-author', 'manual-reviewer', `service-point-officer@${lgPoint.body.doc.id}`])
    const fresh = await lgCentral.api.get(`/api/role-tokens?where[servicePoint][equals]=${lgPoint.body.doc.id}`)
    expect(fresh.body.docs[0].code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    expect(fresh.body.docs[0].state.status).toBe('unused')
    expect(new Date(fresh.body.docs[0].state.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000)

    const log = await admin.api.get(`/api/audit-logs?where[action][equals]=token-created&where[agency][equals]=${lg.body.doc.id}&limit=10`)
    expect(log.body.docs.length).toBe(2)
    expect(log.body.docs.map((d: { details: { automatic: boolean } }) => d.details.automatic)).toEqual([true, true])
  })

  it('adds nothing when an agency or point is saved again, also when the agency changes kind', async () => {
    const before = await rowsOf(dept.id)
    const codes = (await admin.api.get(`/api/role-tokens?where[agency][equals]=${dept.id}&limit=50`)).body.docs.map((d: Token) => d.code).sort()
    expect((await central.api.patch(`/api/agencies/${dept.id}`, { phone: '02-111-2222' })).status).toBe(200)
    expect((await central.api.patch(`/api/service-points/${point.id}`, { phone: '053-111-222' })).status).toBe(200)
    expect((await admin.api.patch(`/api/agencies/${subUnit.id}`, { kind: 'local-government' })).status).toBe(200)
    expect(await rowsOf(dept.id)).toEqual(before)
    expect(await rowsOf(subUnit.id)).toEqual(['central-officer', 'manual-author', 'manual-reviewer'])
    // Saving changes no code that may already have been handed out.
    expect((await admin.api.get(`/api/role-tokens?where[agency][equals]=${dept.id}&limit=50`)).body.docs.map((d: Token) => d.code).sort()).toEqual(codes)
    await admin.api.patch(`/api/agencies/${subUnit.id}`, { kind: 'department' })
  })

  it('makes the rows in the agency’s own transaction: a rolled-back agency leaves none', async () => {
    const req = await createLocalReq({}, t.payload)
    await initTransaction(req)
    const doc = await t.payload.create({ collection: 'agencies', data: { name: 'กรมที่ยกเลิก', kind: 'department', parent: ministry.id }, req, ...SYSTEM })
    const inside = await t.payload.count({ collection: 'role-tokens', where: { agency: { equals: doc.id } }, req, overrideAccess: true })
    expect(inside.totalDocs).toBe(3)
    await killTransaction(req)
    expect(await rowsOf(doc.id as number)).toEqual([])
  })

  it('moves a service point’s token with the point, with a new code; the old one stops working', async () => {
    const moving = await createServicePoint(t, dept.id)
    const old = (await central.api.get(`/api/role-tokens?where[servicePoint][equals]=${moving.id}`)).body.docs[0] as Token
    expect((await admin.api.patch(`/api/service-points/${moving.id}`, { agency: otherDept.id })).status).toBe(200)
    expect(await rowsOf(dept.id)).not.toContain(`service-point-officer@${moving.id}`)
    expect(await rowsOf(otherDept.id as number)).toContain(`service-point-officer@${moving.id}`)
    expect((await central.api.get(`/api/role-tokens/${old.id}`)).status).toBe(404)
    const moved = (await otherCentral.api.get(`/api/role-tokens/${old.id}`)).body as Token
    expect(moved.code).toBeTruthy()
    expect(moved.code).not.toBe(old.code)
    const officer = await unbound()
    expect((await officer.api.post('/api/users/redeem-token', { token: old.code })).status).toBe(400)
  })

  it('removes the rows with their service point or agency', async () => {
    const gone = await createServicePoint(t, dept.id)
    expect(await rowsOf(dept.id)).toContain(`service-point-officer@${gone.id}`)
    expect((await central.api.delete(`/api/service-points/${gone.id}`)).status).toBe(200)
    expect(await rowsOf(dept.id)).not.toContain(`service-point-officer@${gone.id}`)
    const agency = await t.payload.create({ collection: 'agencies', data: { name: 'กรมที่ยุบ', kind: 'department', parent: ministry.id }, ...SYSTEM })
    expect(await rowsOf(agency.id as number)).toHaveLength(3)
    expect((await admin.api.delete(`/api/agencies/${agency.id}`)).status).toBe(200)
    const { rows } = await pool().query('SELECT count(*)::int AS n FROM role_tokens WHERE agency_id = $1 OR agency_id IS NULL', [agency.id])
    expect(rows[0].n).toBe(0)
  })
})

describe('the table (จัดการ Token)', () => {
  it('lists a central officer exactly their scope’s rows, sorted by agency then role, each with its code', async () => {
    const res = await central.api.get('/api/role-tokens?limit=100&depth=1')
    expect(res.status).toBe(200)
    const rows = (res.body.docs as Token[]).map((d) => `${idOf(d.agency) === dept.id ? 'dept' : idOf(d.agency) === subUnit.id ? 'sub' : idOf(d.agency)}:${d.role}`)
    // Not their own central-officer code (a system admin's to hand out), nothing of other agencies.
    // By agency name (กรมโทเคน … before สำนักงานย่อย), then role in the order of the role list.
    expect(rows).toEqual(['dept:service-point-officer', 'dept:manual-author', 'dept:manual-reviewer', 'sub:central-officer', 'sub:manual-author', 'sub:manual-reviewer'])
    for (const doc of res.body.docs as Token[]) {
      expect(doc.code).toMatch(/^[2-9A-Z]{4}-/)
      expect(doc.state.status).toBe('unused')
      expect((doc as any).codeHash).toBeUndefined()
      expect((doc as any).codeCipher).toBeUndefined()
      expect((doc as any).slot).toBeUndefined()
    }

    // The sub-unit's central officer: its author and reviewer, never its own central-officer code.
    const sub = await subCentral.api.get('/api/role-tokens?limit=100&depth=0')
    expect(sub.body.docs.map((d: Token) => `${idOf(d.agency)}:${d.role}`).sort()).toEqual([`${subUnit.id}:manual-author`, `${subUnit.id}:manual-reviewer`])
    const deptCentralRow = await tokenOf(dept.id, 'central-officer')
    expect((await central.api.get(`/api/role-tokens/${deptCentralRow.id}`)).status).toBe(404)
    expect(deptCentralRow.code).toBeTruthy()

    // Other agencies see none of it; officers who hand out nothing and anonymous callers nothing at all.
    const theirs = await otherCentral.api.get('/api/role-tokens?limit=100&depth=0')
    expect(theirs.body.docs.every((d: Token) => idOf(d.agency) === otherDept.id)).toBe(true)
    expect((await api(t.baseUrl).get('/api/role-tokens')).status).toBe(403)
    const author = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
    expect((await author.api.get('/api/role-tokens')).status).toBe(403)
  })

  it('finds rows by agency or service point name, as the list search does', async () => {
    const named = await t.payload.findByID({ collection: 'service-points', id: point.id, depth: 0, overrideAccess: true })
    const byPoint = await central.api.get(`/api/role-tokens?where[or][0][agencyName][like]=${encodeURIComponent(named.name)}&where[or][1][servicePointName][like]=${encodeURIComponent(named.name)}&depth=0`)
    expect(byPoint.body.docs.map((d: Token) => idOf(d.servicePoint))).toEqual([point.id])
    const byAgency = await central.api.get(`/api/role-tokens?where[agencyName][like]=${encodeURIComponent('สำนักงานย่อย')}&depth=0&limit=50`)
    expect(byAgency.body.docs.map((d: Token) => d.role).sort()).toEqual(['central-officer', 'manual-author', 'manual-reviewer'])
    // Other agencies' rows stay out of a search as well.
    const other = await otherCentral.api.get(`/api/role-tokens?where[agencyName][like]=${encodeURIComponent('สำนักงานย่อย')}&depth=0`)
    expect(other.body.docs).toEqual([])
  })

  it('keeps the code out of the database in clear and shows it over GraphQL to the same people only', async () => {
    const token = await tokenOf(dept.id, 'manual-reviewer', central)
    const { rows } = await pool().query('SELECT * FROM role_tokens WHERE id = $1', [token.id])
    expect(JSON.stringify(rows[0])).not.toContain(token.code!)
    expect(JSON.stringify(rows[0])).not.toContain(token.code!.replace(/-/g, ''))
    const mine: any = await graphqlAs(t.payload, central.user.id, `{ RoleToken(id: ${token.id}) { id code } }`)
    expect(mine.data.RoleToken.code).toBe(token.code)
    const theirs: any = await graphqlAs(t.payload, otherCentral.user.id, `{ RoleTokens(limit: 100) { docs { id code } } }`)
    expect(theirs.data.RoleTokens.docs.map((d: { id: number }) => d.id)).not.toContain(token.id)
    const edit: any = await graphqlAs(t.payload, central.user.id, `mutation { updateRoleToken(id: ${token.id}, data: { role: manual_author }) { id } }`)
    expect(edit.errors?.[0]?.message).toBeTruthy()
  })

  it('Refresh gives a new code, the old one stops working, and an expired row comes back to life', async () => {
    const token = await tokenOf(dept.id, 'manual-reviewer', central)
    await pool().query(`UPDATE role_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [token.id])
    expect((await central.api.get(`/api/role-tokens/${token.id}`)).body.state.status).toBe('expired')
    const officer = await unbound()
    expect((await officer.api.post('/api/users/redeem-token', { token: token.code })).status).toBe(400)

    const refreshed = await central.api.post(`/api/role-tokens/${token.id}/refresh`)
    expect([refreshed.status, errorText(refreshed.body)]).toEqual([200, expect.anything()])
    expect(refreshed.body.doc.code).not.toBe(token.code)
    expect(refreshed.body.doc.state.status).toBe('unused')
    expect(refreshed.body.message).toContain('A new code was issued')
    expect((await central.api.post('/api/users/redeem-token', { token: refreshed.body.doc.code })).status).toBe(409)
    expect((await officer.api.post('/api/users/redeem-token', { token: token.code })).status).toBe(400)
    expect((await officer.api.post('/api/users/redeem-token', { token: refreshed.body.doc.code })).status).toBe(200)
    const used = await central.api.get(`/api/role-tokens/${token.id}`)
    expect(used.body.state.status).toBe('used')
    expect(used.body.state.usedByName).toBe(officer.user.name)
    expect(used.body.state.usedAt).toBeTruthy()
  })

  it('lets only those who may hand the code out refresh it', async () => {
    const token = await tokenOf(dept.id, 'manual-author')
    expect((await otherCentral.api.post(`/api/role-tokens/${token.id}/refresh`)).status).toBe(404)
    const own = await tokenOf(dept.id, 'central-officer')
    expect((await central.api.post(`/api/role-tokens/${own.id}/refresh`)).status).toBe(404)
    expect((await api(t.baseUrl).post(`/api/role-tokens/${token.id}/refresh`)).status).toBe(401)
    const author = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
    expect([403, 404]).toContain((await author.api.post(`/api/role-tokens/${token.id}/refresh`)).status)
    // The parent's central officer hands out the sub-unit's central-officer code; a system admin the department's.
    expect((await central.api.post(`/api/role-tokens/${(await tokenOf(subUnit.id, 'central-officer')).id}/refresh`)).status).toBe(200)
    expect((await admin.api.post(`/api/role-tokens/${own.id}/refresh`)).status).toBe(200)
  })
})

describe('what REST refuses that the table does not offer', () => {
  it('refuses central officers a second row (no create at all) and system admins a duplicate or a role the kind lacks', async () => {
    const before = await rowsOf(dept.id)
    expect((await central.api.post('/api/role-tokens', { agency: dept.id, role: 'manual-author' })).status).toBe(403)
    expect((await central.api.post('/api/role-tokens', { agency: subUnit.id, role: 'central-officer' })).status).toBe(403)
    const twice = await admin.api.post('/api/role-tokens', { agency: dept.id, role: 'manual-author' })
    expect(twice.status).toBe(400)
    expect(twice.body.errors[0].data.errors[0].path).toBe('role')
    expect(errorText(twice.body)).toContain('มี Token ของบทบาทนี้อยู่แล้ว')
    expect(errorText(twice.body)).toContain('refresh it instead')
    const pointTwice = await admin.api.post('/api/role-tokens', { agency: dept.id, role: 'service-point-officer', servicePoint: point.id })
    expect(pointTwice.status).toBe(400)
    const forMinistry = await admin.api.post('/api/role-tokens', { agency: ministry.id, role: 'manual-author' })
    expect(forMinistry.status).toBe(400)
    expect(errorText(forMinistry.body)).toContain('Agencies of this kind have no token for this role')
    expect((await admin.api.post('/api/role-tokens', { agency: dept.id, role: 'system-admin' })).status).toBe(400)
    expect(await rowsOf(dept.id)).toEqual(before)
  })

  it('lets a system admin put back a row that went missing, once', async () => {
    const token = await tokenOf(dept.id, 'manual-author')
    await pool().query('DELETE FROM role_tokens WHERE id = $1', [token.id])
    const back = await admin.api.post('/api/role-tokens', { agency: dept.id, role: 'manual-author' })
    expect(back.status).toBe(201)
    expect(back.body.doc.code).toBeTruthy()
    expect((await admin.api.post('/api/role-tokens', { agency: dept.id, role: 'manual-author' })).status).toBe(400)
  })

  it('refuses PATCH (codeHash, usedBy, role) and DELETE to everyone, and the row stays as it was', async () => {
    const token = await tokenOf(dept.id, 'manual-author', central)
    const stored = async () => (await pool().query('SELECT code_hash, used_by_id, role, agency_id FROM role_tokens WHERE id = $1', [token.id])).rows[0]
    const before = await stored()
    for (const who of [central, admin]) {
      expect((await who.api.patch(`/api/role-tokens/${token.id}`, { codeHash: 'f'.repeat(64) })).status).toBe(403)
      expect((await who.api.patch(`/api/role-tokens/${token.id}`, { usedBy: who.user.id })).status).toBe(403)
      expect((await who.api.patch(`/api/role-tokens/${token.id}`, { role: 'central-officer' })).status).toBe(403)
      expect((await who.api.delete(`/api/role-tokens/${token.id}`)).status).toBe(403)
      expect((await who.api.delete(`/api/role-tokens?where[agency][equals]=${dept.id}`)).status).toBe(403)
    }
    expect(await stored()).toEqual(before)
    expect((await central.api.get(`/api/role-tokens/${token.id}`)).body.code).toBe(token.code)
  })
})

describe('redeeming', () => {
  it('binds an unbound officer once, then the code is used up', async () => {
    const { id: tokenId, code } = await tokenOf(dept.id, 'manual-author', central)
    const officer = await unbound()
    // Until then the officer can do nothing in the agency.
    expect((await officer.api.post('/api/processes', { name: 'x', agency: dept.id })).status).toBe(403)
    const res = await officer.api.post('/api/users/redeem-token', { token: code!.toLowerCase().replace(/-/g, ' ') })
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
    expect(token.body.state.status).toBe('used')
  })

  it('binds a service-point officer to the token’s service point', async () => {
    const list = await central.api.get(`/api/role-tokens?where[servicePoint][equals]=${point.id}`)
    const officer = await unbound()
    expect((await officer.api.post('/api/users/redeem-token', { token: list.body.docs[0].code })).status).toBe(200)
    const me = await officer.api.get('/api/users/me?depth=0')
    expect(me.body.user.servicePoint.id ?? me.body.user.servicePoint).toBe(point.id)
    expect(me.body.user.roles).toEqual(['service-point-officer'])
  })

  it('gives exactly one success among ten concurrent redemptions of one code', async () => {
    const { id } = await tokenOf(subUnit.id, 'manual-reviewer', central)
    const refreshed = await central.api.post(`/api/role-tokens/${id}/refresh`)
    const code = refreshed.body.doc.code
    const officers = await Promise.all(Array.from({ length: 10 }, () => unbound()))
    const results = await Promise.all(officers.map((o) => o.api.post('/api/users/redeem-token', { token: code })))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 400)).toHaveLength(9)
    const bound = await t.payload.count({ collection: 'users', where: { id: { in: officers.map((o) => o.user.id) }, agency: { exists: true } }, overrideAccess: true })
    expect(bound.totalDocs).toBe(1)
  })

  it('refuses a malformed code, an already bound officer and anonymous callers', async () => {
    const officer = await unbound()
    const malformed = await officer.api.post('/api/users/redeem-token', { token: 'abc' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].message).toBeTruthy()
    const { id } = await tokenOf(subUnit.id, 'manual-author', central)
    const fresh = await central.api.post(`/api/role-tokens/${id}/refresh`)
    expect((await central.api.post('/api/users/redeem-token', { token: fresh.body.doc.code })).status).toBe(409)
    expect((await api(t.baseUrl).post('/api/users/redeem-token', { token: fresh.body.doc.code })).status).toBe(401)
  })

  it('stops an officer guessing after ten tries in 15 minutes', async () => {
    const officer = await unbound()
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await officer.api.post('/api/users/redeem-token', { token: 'AAAA-BBBB-CCCC-DDDD' })).status)
    expect(statuses).toEqual(Array(10).fill(400))
    const blocked = await officer.api.post('/api/users/redeem-token', { token: 'AAAA-BBBB-CCCC-DDDD' })
    expect(blocked.status).toBe(429)
    expect(blocked.body.errors[0].message).toContain('Too many attempts')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('records creations, redemptions and refreshes in the audit log, which nobody may change', async () => {
    const log = await admin.api.get('/api/audit-logs?limit=300&sort=-createdAt')
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
