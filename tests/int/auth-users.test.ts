/** User management (จัดการรายละเอียดผู้ใช้งาน) by central officers, and password login by environment. */
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { graphqlAs } from '../helpers/graphql'
import { api, createOfficer, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server'

let t: TestServer
let dept: { id: number }
let subUnit: { id: number }
let otherDept: { id: number }
let central: Awaited<ReturnType<typeof createOfficer>>
let admin: Awaited<ReturnType<typeof createOfficer>>

beforeAll(async () => {
  t = await startTestServer()
  ;({ department: dept } = (await createAgencyTree(t, 'ผู้ใช้')) as never)
  subUnit = (await t.payload.create({ collection: 'agencies', data: { name: 'กองย่อย', kind: 'department', parent: dept.id }, overrideAccess: true })) as never
  ;({ department: otherDept } = (await createAgencyTree(t, 'อื่น')) as never)
  central = await createOfficer(t, { roles: ['central-officer'], agency: dept.id, name: 'หัวหน้า ส่วนกลาง' })
  admin = await createOfficer(t, { roles: ['system-admin'] })
})
afterAll(async () => {
  await t?.close()
})

const idsOf = (body: any) => body.docs.map((d: { id: number }) => d.id)

it('finds the agency’s users by name or email, and never another agency’s', async () => {
  const mine = await createOfficer(t, { roles: ['manual-author'], agency: dept.id, name: 'วิภา ค้นหาได้' })
  const inSub = await createOfficer(t, { roles: ['manual-author'], agency: subUnit.id, name: 'วิภา หน่วยย่อย' })
  const theirs = await createOfficer(t, { roles: ['manual-author'], agency: otherDept.id, name: 'วิภา ต่างกรม' })
  const byName = await central.api.get(`/api/users?where[name][like]=${encodeURIComponent('วิภา')}&limit=50`)
  expect(idsOf(byName.body)).toEqual(expect.arrayContaining([mine.user.id, inSub.user.id]))
  expect(idsOf(byName.body)).not.toContain(theirs.user.id)
  const byEmail = await central.api.get(`/api/users?where[email][like]=${encodeURIComponent(String(mine.user.email).split('@')[0])}`)
  expect(idsOf(byEmail.body)).toEqual([mine.user.id])
  expect((await central.api.get(`/api/users/${theirs.user.id}`)).status).toBe(404)
  // Payload answers 403 to an update outside the officer's where-constraint.
  expect((await central.api.patch(`/api/users/${theirs.user.id}`, { roles: ['manual-reviewer'] })).status).toBe(403)
  // The Digital ID subject is personal: only its owner and system admins read it.
  await t.payload.update({ collection: 'users', id: mine.user.id, data: { digitalIdSub: `sub-${mine.user.id}` } as never, overrideAccess: true })
  const asCentral = await central.api.get(`/api/users/${mine.user.id}`)
  expect(asCentral.status).toBe(200)
  expect(asCentral.body.digitalIdSub).toBeUndefined()
  expect((await mine.api.get(`/api/users/${mine.user.id}`)).body.digitalIdSub).toBe(`sub-${mine.user.id}`)
  expect((await admin.api.get(`/api/users/${mine.user.id}`)).body.digitalIdSub).toBe(`sub-${mine.user.id}`)
  // A plain officer sees only themself.
  const list = await mine.api.get('/api/users?limit=50')
  expect(idsOf(list.body)).toEqual([mine.user.id])
  expect((await api(t.baseUrl).get('/api/users')).status).toBe(403)
})

it('changes a user’s role among the grantable ones and logs it', async () => {
  const author = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
  const res = await central.api.patch(`/api/users/${author.user.id}`, { roles: ['manual-author', 'manual-reviewer'] })
  expect(res.status).toBe(200)
  expect(res.body.doc.roles).toEqual(['manual-author', 'manual-reviewer'])
  // The officer's existing session sees the new role at once.
  expect((await author.api.get('/api/users/me')).body.user.roles).toContain('manual-reviewer')
  const log = await admin.api.get(`/api/audit-logs?where[action][equals]=role-change&where[targetUser][equals]=${author.user.id}`)
  expect(log.body.docs).toHaveLength(1)
  expect(log.body.docs[0].details).toMatchObject({ from: ['manual-author'], to: ['manual-author', 'manual-reviewer'] })
  expect(log.body.docs[0].actor.id ?? log.body.docs[0].actor).toBe(central.user.id)
})

it('never grants OPDC or system-admin, nor central officer of their own agency', async () => {
  const author = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
  for (const role of ['opdc-officer', 'system-admin', 'central-officer']) {
    const res = await central.api.patch(`/api/users/${author.user.id}`, { roles: [role] })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('roles')
  }
  expect((await central.api.patch(`/api/users/${central.user.id}`, { roles: ['central-officer', 'system-admin'] })).status).toBe(400)
  const inSub = await createOfficer(t, { roles: ['manual-author'], agency: subUnit.id })
  expect((await central.api.patch(`/api/users/${inSub.user.id}`, { roles: ['central-officer'] })).status).toBe(200)
  const stored = await t.payload.findByID({ collection: 'users', id: author.user.id, overrideAccess: true })
  expect(stored.roles).toEqual(['manual-author'])
})

it('does not let an officer give themself roles or move agency', async () => {
  const author = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
  await author.api.patch(`/api/users/${author.user.id}`, { roles: ['system-admin'], agency: otherDept.id, name: 'ชื่อใหม่' })
  const stored = await t.payload.findByID({ collection: 'users', id: author.user.id, overrideAccess: true, depth: 0 })
  expect(stored.roles).toEqual(['manual-author'])
  expect(stored.agency).toBe(dept.id)
  expect(stored.name).toBe('ชื่อใหม่')
})

it('does not let a central officer take over an account by changing its password or email', async () => {
  const author = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
  expect((await central.api.patch(`/api/users/${author.user.id}`, { password: 'taken-over-1234' })).status).toBe(403)
  expect((await central.api.patch(`/api/users/${author.user.id}`, { email: 'mine@evil.test' })).status).toBe(403)
  // What the admin form sends back (the same email) is fine.
  expect((await central.api.patch(`/api/users/${author.user.id}`, { email: author.user.email, name: 'แก้ชื่อ' })).status).toBe(200)
  const login = await api(t.baseUrl).post('/api/users/login', { email: author.user.email, password: TEST_PASSWORD })
  expect(login.status).toBe(200)
})

it('removes a user from the agency: unbound, account kept, access gone, logged', async () => {
  const point = await createServicePoint(t, dept.id)
  const officer = await createOfficer(t, { roles: ['service-point-officer'], agency: dept.id, servicePoint: point.id })
  expect((await officer.api.patch(`/api/service-points/${point.id}`, { phone: '02-000-0000' })).status).toBe(200)
  const res = await central.api.post(`/api/users/${officer.user.id}/remove-from-agency`)
  expect(res.status).toBe(200)
  const stored = await t.payload.findByID({ collection: 'users', id: officer.user.id, overrideAccess: true, depth: 0 })
  expect(stored.agency ?? null).toBeNull()
  expect(stored.servicePoint ?? null).toBeNull()
  expect(stored.roles).toEqual([])
  // The account stays and can still log in, but is now an unbound officer.
  const me = await officer.api.get('/api/users/me')
  expect(me.body.user.id).toBe(officer.user.id)
  expect((await officer.api.patch(`/api/service-points/${point.id}`, { phone: '02-111-1111' })).status).toBe(403)
  expect(idsOf((await central.api.get('/api/users?limit=100')).body)).not.toContain(officer.user.id)
  const log = await admin.api.get(`/api/audit-logs?where[action][equals]=removal&where[targetUser][equals]=${officer.user.id}`)
  expect(log.body.docs).toHaveLength(1)
  expect(log.body.docs[0].agency.id ?? log.body.docs[0].agency).toBe(dept.id)
})

it('cannot remove users of other agencies, OPDC officers, or delete accounts', async () => {
  const theirs = await createOfficer(t, { roles: ['manual-author'], agency: otherDept.id })
  expect((await central.api.post(`/api/users/${theirs.user.id}/remove-from-agency`)).status).toBe(404)
  expect((await central.api.patch(`/api/users/${theirs.user.id}`, { agency: null })).status).toBe(403)
  const mine = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
  expect((await central.api.delete(`/api/users/${mine.user.id}`)).status).toBe(403)
  const opdcInDept = await createOfficer(t, { roles: ['opdc-officer'], agency: dept.id })
  expect((await central.api.post(`/api/users/${opdcInDept.user.id}/remove-from-agency`)).status).toBe(400)
  const stillTheirs = await t.payload.findByID({ collection: 'users', id: theirs.user.id, overrideAccess: true, depth: 0 })
  expect(stillTheirs.agency).toBe(otherDept.id)
})

it('holds the same rules over GraphQL and the Local API', async () => {
  const theirs = await createOfficer(t, { roles: ['manual-author'], agency: otherDept.id })
  const mine = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
  const gql: any = await graphqlAs(t.payload, central.user.id, `{ Users(limit: 100) { docs { id } } }`)
  const gqlIds = gql.data.Users.docs.map((d: { id: number }) => d.id)
  expect(gqlIds).toContain(mine.user.id)
  expect(gqlIds).not.toContain(theirs.user.id)
  const gqlAllowed: any = await graphqlAs(t.payload, central.user.id, `mutation { updateUser(id: ${mine.user.id}, data: { roles: [manual_author, manual_reviewer] }) { id roles } }`)
  expect(gqlAllowed.errors).toBeUndefined()
  expect(gqlAllowed.data.updateUser.roles).toEqual(['manual_author', 'manual_reviewer'])
  const gqlGrant = await graphqlAs(t.payload, central.user.id, `mutation { updateUser(id: ${mine.user.id}, data: { roles: system_admin }) { id } }`)
  expect(gqlGrant.errors?.length).toBeGreaterThan(0)
  const gqlOther = await graphqlAs(t.payload, central.user.id, `mutation { updateUser(id: ${theirs.user.id}, data: { name: "x" }) { id } }`)
  expect(gqlOther.errors?.length).toBeGreaterThan(0)
  const centralUser = await t.payload.findByID({ collection: 'users', id: central.user.id, overrideAccess: true })
  await expect(
    t.payload.update({ collection: 'users', id: mine.user.id, data: { roles: ['opdc-officer'] }, overrideAccess: false, user: centralUser }),
  ).rejects.toThrow()
  const local = await t.payload.find({ collection: 'users', overrideAccess: false, user: centralUser, limit: 100 })
  expect(local.docs.map((d) => d.id)).not.toContain(theirs.user.id)
})

describe('password login', () => {
  const original = { NODE_ENV: process.env.NODE_ENV, LOCAL_LOGIN: process.env.LOCAL_LOGIN }
  const env = process.env as Record<string, string | undefined>
  afterEach(() => {
    env.NODE_ENV = original.NODE_ENV
    if (original.LOCAL_LOGIN === undefined) delete process.env.LOCAL_LOGIN
    else process.env.LOCAL_LOGIN = original.LOCAL_LOGIN
  })

  it('works outside production and is refused in production unless LOCAL_LOGIN=true', async () => {
    const author = await createOfficer(t, { roles: ['manual-author'], agency: dept.id })
    const credentials = { email: author.user.email, password: TEST_PASSWORD }
    expect((await api(t.baseUrl).post('/api/users/login', credentials)).status).toBe(200)
    // The gate is read per request, so switching the environment of this running server is enough.
    env.NODE_ENV = 'production'
    delete process.env.LOCAL_LOGIN
    const refused = await api(t.baseUrl).post('/api/users/login', credentials)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toContain('Digital ID')
    expect(refused.body.token).toBeUndefined()
    expect((await api(t.baseUrl).post('/api/users/forgot-password', { email: author.user.email })).status).toBe(403)
    process.env.LOCAL_LOGIN = 'true'
    expect((await api(t.baseUrl).post('/api/users/login', credentials)).status).toBe(200)
  })
})
