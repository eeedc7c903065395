/**
 * Who sees a delay case and the applicant's personal data, over REST and GraphQL, per role and
 * agency; and the CSV / XLSX export for central officers and OPDC.
 */
import { configToSchema } from '@payloadcms/graphql'
import ExcelJS from 'exceljs'
import { graphql } from 'graphql'
import { createLocalReq } from 'payload'

import { APPLICANT, caseData, createDelayAgency, daysAgo, type DelayAgency } from '../helpers/delay'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let a: DelayAgency
let b: DelayAgency
let caseA: { id: number; trackingCode: string }
let caseB: { id: number }
let opdc: Awaited<ReturnType<typeof createOfficer>>
let admin: Awaited<ReturnType<typeof createOfficer>>

beforeAll(async () => {
  t = await startTestServer()
  a = await createDelayAgency(t, 'ก')
  b = await createDelayAgency(t, 'ข')
  opdc = await createOfficer(t, { roles: ['opdc-officer'] })
  admin = await createOfficer(t, { roles: ['system-admin'] })
  caseA = (await a.unitOfficer.api.post('/api/delay-notices', caseData(a))).body.doc
  caseB = (await b.unitOfficer.api.post('/api/delay-notices', caseData(b, { applicant: { name: 'นายสมชาย ข', phone: '02-000-0000', email: 'somchai@example.com' } }))).body.doc
  await b.unitOfficer.api.patch(`/api/delay-notices/${caseB.id}`, { decision: { decidedAt: daysAgo(1), outcome: 'refused' } })
})
afterAll(async () => {
  await t?.close()
})

/** Payload's own GraphQL schema and resolvers as a user (the test server has no Next, which hosts /api/graphql). */
async function graphqlAs(userId: number | string, source: string): Promise<any> {
  const user = { ...(await t.payload.findByID({ collection: 'users', id: userId, overrideAccess: true, depth: 0 })), collection: 'users' }
  const req = await createLocalReq({ user: user as never }, t.payload)
  return graphql({ schema: configToSchema(t.payload.config).schema, source, contextValue: { req, headers: {} } })
}

describe('the case and its personal data over REST', () => {
  it('shows the applicant to the handling unit, its central officers and OPDC', async () => {
    for (const who of [a.unitOfficer, a.central, opdc]) {
      const res = await who.api.get(`/api/delay-notices/${caseA.id}`)
      expect(res.status).toBe(200)
      expect(res.body.applicant).toEqual(APPLICANT)
    }
  })

  it('shows a system administrator the case but not the applicant', async () => {
    const res = await admin.api.get(`/api/delay-notices/${caseA.id}`)
    expect(res.status).toBe(200)
    expect(res.body.trackingCode).toBe(caseA.trackingCode)
    expect(res.body.applicant).toBeUndefined()
    expect(JSON.stringify(res.body)).not.toContain(APPLICANT.phone)
  })

  it('hides the case from another unit, another agency, other roles and the public', async () => {
    for (const who of [a.otherUnitOfficer, b.unitOfficer, b.central, a.author]) {
      expect([403, 404]).toContain((await who.api.get(`/api/delay-notices/${caseA.id}`)).status)
      const list = await who.api.get('/api/delay-notices?limit=100')
      expect((list.body.docs ?? []).map((d: { id: number }) => d.id)).not.toContain(caseA.id)
      expect(JSON.stringify(list.body)).not.toContain(APPLICANT.email)
    }
    const anonymous = await api(t.baseUrl).get('/api/delay-notices?limit=100')
    expect(anonymous.status).toBe(403)
  })

  it('lets nobody find a case by the applicant’s name without seeing it', async () => {
    const search = `/api/delay-notices?where[applicant.name][like]=${encodeURIComponent('สมหญิง')}`
    const forAdmin = await admin.api.get(search)
    expect(forAdmin.status).toBeGreaterThanOrEqual(400)
    expect(forAdmin.body.docs).toBeUndefined()
    const forOtherAgency = await b.central.api.get(search)
    expect(forOtherAgency.body.docs ?? []).toHaveLength(0)
    const forOwnUnit = await a.unitOfficer.api.get(search)
    expect(forOwnUnit.body.docs.map((d: { id: number }) => d.id)).toEqual([caseA.id])
  })

  it('lets only the handling unit and its central officers edit; OPDC reads only', async () => {
    // A formula-looking reason: the export below must keep it as text.
    const patch = { reason: '=HYPERLINK("http://evil.example","x")' }
    expect((await a.otherUnitOfficer.api.patch(`/api/delay-notices/${caseA.id}`, patch)).status).toBe(403)
    expect((await b.central.api.patch(`/api/delay-notices/${caseA.id}`, patch)).status).toBe(403)
    expect((await opdc.api.patch(`/api/delay-notices/${caseA.id}`, patch)).status).toBe(403)
    expect((await a.central.api.patch(`/api/delay-notices/${caseA.id}`, patch)).status).toBe(200)
  })

  it('drops applicant details a system administrator sends', async () => {
    const res = await admin.api.patch(`/api/delay-notices/${caseA.id}`, { applicant: { name: 'ชื่อปลอม', phone: '000' } })
    expect(res.status).toBe(200)
    const seen = await a.unitOfficer.api.get(`/api/delay-notices/${caseA.id}`)
    expect(seen.body.applicant).toEqual(APPLICANT)
  })

  it('holds over GraphQL too', async () => {
    const query = `{ DelayNotice(id: ${caseA.id}) { trackingCode applicant { name phone } } }`
    const asAdmin = await graphqlAs(admin.user.id, query)
    expect(asAdmin.data.DelayNotice.trackingCode).toBe(caseA.trackingCode)
    expect(asAdmin.data.DelayNotice.applicant?.name ?? null).toBeNull()
    const asUnit = await graphqlAs(a.unitOfficer.user.id, query)
    expect(asUnit.data.DelayNotice.applicant.name).toBe(APPLICANT.name)
    const asOtherAgency = await graphqlAs(b.central.user.id, query)
    expect(asOtherAgency.data?.DelayNotice ?? null).toBeNull()
  })
})

describe('filters and exports', () => {
  it('filters by state, process and unit over REST', async () => {
    const closed = await opdc.api.get('/api/delay-notices?where[state][equals]=closed&limit=100')
    expect(closed.body.docs.map((d: { id: number }) => d.id)).toEqual([caseB.id])
    const byProcess = await opdc.api.get(`/api/delay-notices?where[process][equals]=${a.process.id}&limit=100`)
    expect(byProcess.body.docs.map((d: { id: number }) => d.id)).toEqual([caseA.id])
    const byUnit = await a.central.api.get(`/api/delay-notices?where[servicePoint][equals]=${a.otherUnit.id}&limit=100`)
    expect(byUnit.body.docs).toHaveLength(0)
  })

  it('exports CSV with a BOM, no personal data, and formulas neutralised; each officer sees their scope', async () => {
    const res = await fetch(`${t.baseUrl}/api/delay-notices/export?format=csv`, { headers: { Authorization: `JWT ${opdc.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('รหัสติดตาม')
    expect(text).toContain(`${caseA.trackingCode.slice(0, 5)}-${caseA.trackingCode.slice(5)}`)
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(text).toContain('พิจารณาแล้วเสร็จ')
    for (const value of Object.values(APPLICANT)) expect(text).not.toContain(value)

    const own = await a.central.api.get('/api/delay-notices/export?format=csv&state=overdue')
    expect(own.status).toBe(200)
    expect(own.body).toContain(caseA.trackingCode.slice(0, 5))
    expect(own.body).not.toContain((await b.central.api.get(`/api/delay-notices/${caseB.id}`)).body.trackingCode.slice(0, 5))
    const closedOnly = await opdc.api.get('/api/delay-notices/export?format=csv&state=closed')
    expect(closedOnly.body).not.toContain(caseA.trackingCode.slice(0, 5))
    // The admin list's `where` carries over, and cannot reach past the officer's access.
    const byWhere = await opdc.api.get(`/api/delay-notices/export?format=csv&where[servicePoint][equals]=${a.unit.id}`)
    expect(byWhere.body.trim().split('\n')).toHaveLength(2)
    expect(byWhere.body).toContain(caseA.trackingCode.slice(0, 5))
    const pastAccess = await b.central.api.get(`/api/delay-notices/export?format=csv&where[servicePoint][equals]=${a.unit.id}`)
    expect(pastAccess.body.trim().split('\n')).toHaveLength(1)
  })

  it('exports XLSX that opens with the same rows', async () => {
    const res = await fetch(`${t.baseUrl}/api/delay-notices/export?format=xlsx&process=${a.process.id}`, {
      headers: { Authorization: `JWT ${a.central.token}` },
    })
    expect(res.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]
    expect(sheet.rowCount).toBe(2)
    expect(String(sheet.getRow(2).getCell(1).value)).toContain(caseA.trackingCode.slice(0, 5))
    expect(String(sheet.getRow(2).getCell(11).value)).toMatch(/^'=HYPERLINK/)
  })

  it('refuses the export to other roles and bad parameters', async () => {
    expect((await a.unitOfficer.api.get('/api/delay-notices/export?format=csv')).status).toBe(403)
    expect((await api(t.baseUrl).get('/api/delay-notices/export?format=csv')).status).toBe(401)
    const badFormat = await opdc.api.get('/api/delay-notices/export?format=pdf')
    expect(badFormat.status).toBe(400)
    expect(badFormat.body.errors[0].message).toContain('(format must be csv or xlsx)')
    expect((await opdc.api.get('/api/delay-notices/export?state=late')).status).toBe(400)
  })
})
