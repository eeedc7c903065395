/**
 * Licence-issuance reports over REST: who may write a unit's report, the figures, the lock at the
 * deadline, the comment on a change after submission, and the reporting-right switch.
 * "Now" is moved with LICENCE_REPORT_NOW (read by the server on each request).
 */
import { createAgencyTree, createProcess, createServicePoint } from '../helpers/fixtures'
import { graphqlAs } from '../helpers/graphql'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
type Officer = Awaited<ReturnType<typeof createOfficer>>
let dept: { id: number }, ministry: { id: number }, otherDept: { id: number }
let sp1: { id: number }, sp2: { id: number }
let p1: { id: number }, p2: { id: number }, otherProcess: { id: number }
let o: Record<'sp1' | 'sp2' | 'central' | 'ministryCentral' | 'otherCentral' | 'opdc' | 'admin' | 'author' | 'otherSp', Officer>

const at = (iso: string) => {
  process.env.LICENCE_REPORT_NOW = iso
}
const figures = { received: 10, approved: 6, notApproved: 1, withdrawn: 1, pendingAtMonthEnd: 2, decidedLate: 1 }
const messages = (body: any): string => JSON.stringify(body?.errors ?? body)
const paths = (body: any): string[] => (body?.errors?.[0]?.data?.errors ?? []).map((e: { path: string }) => e.path)

beforeAll(async () => {
  t = await startTestServer()
  const tree = await createAgencyTree(t, 'รายงาน')
  dept = tree.department as never
  ministry = tree.ministry as never
  otherDept = (await createAgencyTree(t, 'อื่น')).department as never
  sp1 = (await createServicePoint(t, dept.id)) as never
  sp2 = (await createServicePoint(t, dept.id)) as never
  const otherSp = await createServicePoint(t, otherDept.id)
  p1 = (await createProcess(t, dept.id)) as never
  p2 = (await createProcess(t, dept.id)) as never
  otherProcess = (await createProcess(t, otherDept.id)) as never
  o = {
    sp1: await createOfficer(t, { roles: ['service-point-officer'], agency: dept.id, servicePoint: sp1.id }),
    sp2: await createOfficer(t, { roles: ['service-point-officer'], agency: dept.id, servicePoint: sp2.id }),
    otherSp: await createOfficer(t, { roles: ['service-point-officer'], agency: otherDept.id, servicePoint: otherSp.id }),
    central: await createOfficer(t, { roles: ['central-officer'], agency: dept.id }),
    ministryCentral: await createOfficer(t, { roles: ['central-officer'], agency: ministry.id }),
    otherCentral: await createOfficer(t, { roles: ['central-officer'], agency: otherDept.id }),
    opdc: await createOfficer(t, { roles: ['opdc-officer'] }),
    admin: await createOfficer(t, { roles: ['system-admin'] }),
    author: await createOfficer(t, { roles: ['manual-author'], agency: dept.id }),
  }
})
afterAll(async () => {
  delete process.env.LICENCE_REPORT_NOW
  delete process.env.LICENCE_REPORT_DEADLINE_DAY
  await t?.close()
})

describe('writing a report', () => {
  let marchId: number

  it('lets a service point report its own month, setting the department and carrying over zero', async () => {
    at('2026-03-20T03:00:00Z')
    const res = await o.sp1.api.post('/api/licence-reports', { servicePoint: sp1.id, process: p1.id, year: 2026, month: 3, ...figures, pendingAtMonthEnd: 2 })
    expect(res.status).toBe(201)
    expect(res.body.doc.agency).toMatchObject({ id: dept.id })
    expect(res.body.doc.pendingCarriedOver).toBe(0)
    expect(res.body.doc.state).toBe('draft')
    expect(res.body.doc.title).toContain('มีนาคม 2569')
    marchId = res.body.doc.id
  })

  it.each([
    ['another service point of the department', 'sp2'],
    ['the department central officer (service points hold the right)', 'central'],
    ['a service point of another agency', 'otherSp'],
    ['a system admin', 'admin'],
  ] as const)('refuses a report for the unit by %s (403)', async (_, who) => {
    at('2026-03-20T03:00:00Z')
    const res = await o[who].api.post('/api/licence-reports', { servicePoint: sp1.id, process: p2.id, year: 2026, month: 3, ...figures })
    expect(res.status).toBe(403)
    expect(await t.payload.count({ collection: 'licence-reports', where: { process: { equals: p2.id } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
  })

  it('refuses roles that never report, and anonymous callers', async () => {
    const body = { servicePoint: sp1.id, process: p2.id, year: 2026, month: 3, ...figures }
    expect((await o.author.api.post('/api/licence-reports', body)).status).toBe(403)
    expect((await o.opdc.api.post('/api/licence-reports', body)).status).toBe(403)
    expect((await api(t.baseUrl).post('/api/licence-reports', body)).status).toBe(403)
  })

  it('refuses the same checks through the Local API when access is not overridden', async () => {
    await expect(
      t.payload.create({
        collection: 'licence-reports',
        data: { servicePoint: sp1.id, process: p2.id, year: 2026, month: 3, ...figures } as never,
        user: { ...o.sp2.user, collection: 'users' } as never,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('holds over GraphQL too: another unit may neither write nor read the report', async () => {
    const create = (userId: number | null) =>
      graphqlAs(t.payload, userId, `mutation { createLicenceReport(data: { servicePoint: ${sp1.id}, process: ${p2.id}, year: 2026, month: 3, received: 1, approved: 0, notApproved: 0, withdrawn: 0, pendingAtMonthEnd: 1, decidedLate: 0 }) { id } }`)
    const bySp2: any = await create(o.sp2.user.id as number)
    expect(bySp2.errors?.[0]?.message).toMatch(/reporting right/)
    expect((await create(null)).errors).toBeTruthy()
    const list: any = await graphqlAs(t.payload, o.sp2.user.id as number, '{ LicenceReports(limit: 100) { docs { id } } }')
    expect(list.data.LicenceReports.docs.map((d: { id: number }) => d.id)).not.toContain(marchId)
    const own: any = await graphqlAs(t.payload, o.sp1.user.id as number, '{ LicenceReports(limit: 100) { docs { id } } }')
    expect(own.data.LicenceReports.docs.map((d: { id: number }) => d.id)).toContain(marchId)
  })

  it('refuses a process of another department', async () => {
    const res = await o.sp1.api.post('/api/licence-reports', { servicePoint: sp1.id, process: otherProcess.id, year: 2026, month: 3, ...figures })
    expect(res.status).toBe(400)
    expect(paths(res.body)).toEqual(['process'])
  })

  it('refuses a second report of the same unit, process and month', async () => {
    const res = await o.sp1.api.post('/api/licence-reports', { servicePoint: sp1.id, process: p1.id, year: 2026, month: 3, ...figures })
    expect(res.status).toBe(400)
    expect(paths(res.body)).toEqual(['process'])
  })

  it('refuses a month that has not begun', async () => {
    const res = await o.sp1.api.post('/api/licence-reports', { servicePoint: sp1.id, process: p2.id, year: 2026, month: 4, ...figures })
    expect(res.status).toBe(409)
  })

  it.each([
    ['a negative figure', { received: -1 }, ['received']],
    ['a fractional figure', { approved: 1.5 }, ['approved']],
    ['more decided than received plus carried over', { approved: 20, pendingAtMonthEnd: 0 }, ['approved']],
    ['a month-end pending that does not add up', { pendingAtMonthEnd: 7 }, ['pendingAtMonthEnd']],
  ])('refuses %s with a bilingual message on the field', async (_, change, expected) => {
    const res = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { ...figures, ...change })
    expect(res.status).toBe(400)
    expect(paths(res.body)).toEqual(expected)
    expect(messages(res.body)).toMatch(/[ก-๙].*\(.*[a-z]/)
  })

  it('lets only the unit update its report', async () => {
    for (const who of ['sp2', 'central', 'ministryCentral', 'otherCentral', 'opdc', 'author', 'admin'] as const) {
      const res = await o[who].api.patch(`/api/licence-reports/${marchId}`, { received: 11, pendingAtMonthEnd: 3 })
      expect([403, 404]).toContain(res.status)
    }
    const doc = await t.payload.findByID({ collection: 'licence-reports', id: marchId, overrideAccess: true })
    expect(doc.received).toBe(10)
  })

  it('needs a comment to change a figure after submission, and logs it', async () => {
    const submit = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { state: 'submitted' })
    expect(submit.status).toBe(200)
    expect(submit.body.doc.submittedAt).toBe('2026-03-20T03:00:00.000Z')
    expect(submit.body.doc.submittedBy).toMatchObject({ id: o.sp1.user.id })

    const noComment = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { received: 11, pendingAtMonthEnd: 3 })
    expect(noComment.status).toBe(400)
    expect(paths(noComment.body)).toEqual(['changeComment'])

    const withComment = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { received: 11, pendingAtMonthEnd: 3, changeComment: 'นับคำขอวันที่ 31 ตกหล่น' })
    expect(withComment.status).toBe(200)
    expect(withComment.body.doc.received).toBe(11)
    expect(withComment.body.doc.changeComment ?? null).toBeNull()
    expect(withComment.body.doc.changeLog).toHaveLength(1)
    expect(withComment.body.doc.changeLog[0]).toMatchObject({ comment: 'นับคำขอวันที่ 31 ตกหล่น', changes: expect.stringContaining('10 → 11') })

    // A save that changes no figure needs no comment.
    expect((await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { received: 11 })).status).toBe(200)
    // Nor can the log be written by the client.
    const forged = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { changeLog: [] })
    expect(forged.body.doc.changeLog).toHaveLength(1)
  })

  it('does not let a submitted report go back to draft', async () => {
    const res = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { state: 'draft' })
    expect(res.status).toBe(409)
  })

  it('does not let the unit, process or month of a report change', async () => {
    const res = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { month: 2 })
    expect(res.status).toBe(400)
    expect(paths(res.body)).toEqual(['month'])
  })

  it('carries the month-end pending over into the next month', async () => {
    at('2026-04-02T03:00:00Z')
    const res = await o.sp1.api.post('/api/licence-reports', { servicePoint: sp1.id, process: p1.id, year: 2026, month: 4, received: 0 })
    expect(res.status).toBe(201)
    expect(res.body.doc.pendingCarriedOver).toBe(3)
    expect(res.body.doc.pendingAtMonthEnd).toBe(3)
  })

  it('keeps the report open through the deadline day and locks it the instant after (Bangkok time)', async () => {
    at('2026-04-10T16:59:59Z') // 23:59:59 on 10 April in Bangkok
    const open = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { decidedLate: 0, changeComment: 'แก้ไขก่อนกำหนด' })
    expect(open.status).toBe(200)
    at('2026-04-10T17:00:00Z') // 00:00 on 11 April
    const locked = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { decidedLate: 1, changeComment: 'หลังกำหนด' })
    expect(locked.status).toBe(409)
    expect(messages(locked.body)).toMatch(/ล็อค.*locked/)
    const create = await o.sp1.api.post('/api/licence-reports', { servicePoint: sp1.id, process: p2.id, year: 2026, month: 3, ...figures })
    expect(create.status).toBe(409)
  })

  it('moves the deadline with LICENCE_REPORT_DEADLINE_DAY', async () => {
    process.env.LICENCE_REPORT_DEADLINE_DAY = '15'
    try {
      at('2026-04-12T03:00:00Z')
      const res = await o.sp1.api.patch(`/api/licence-reports/${marchId}`, { decidedLate: 1, changeComment: 'ขยายกำหนดส่ง' })
      expect(res.status).toBe(200)
    } finally {
      delete process.env.LICENCE_REPORT_DEADLINE_DAY
    }
  })
})

describe('reading reports', () => {
  let reportId: number
  beforeAll(async () => {
    const [doc] = (await t.payload.find({ collection: 'licence-reports', where: { servicePoint: { equals: sp1.id } }, overrideAccess: true })).docs
    reportId = doc.id as number
  })

  it.each(['sp1', 'central', 'ministryCentral', 'opdc', 'admin'] as const)('shows the report to %s', async (who) => {
    const res = await o[who].api.get(`/api/licence-reports/${reportId}`)
    expect(res.status).toBe(200)
  })

  it.each(['sp2', 'otherCentral', 'otherSp', 'author'] as const)('hides the report from %s', async (who) => {
    const res = await o[who].api.get(`/api/licence-reports?limit=100`)
    expect([200, 403]).toContain(res.status)
    if (res.status === 200) expect(res.body.docs.map((d: { id: number }) => d.id)).not.toContain(reportId)
    expect((await o[who].api.get(`/api/licence-reports/${reportId}`)).status).not.toBe(200)
  })

  it('shows nothing to anonymous readers', async () => {
    expect((await api(t.baseUrl).get('/api/licence-reports')).status).toBe(403)
    expect((await api(t.baseUrl).get(`/api/licence-reports/${reportId}`)).status).not.toBe(200)
  })
})

describe('the reporting-right switch', () => {
  afterAll(async () => {
    await t.payload.update({ collection: 'agencies', id: dept.id, data: { licenceReportingBy: 'service-points' } as never, overrideAccess: true })
  })

  it('is a system admin\'s switch: a central officer cannot flip it', async () => {
    const res = await o.central.api.patch(`/api/agencies/${dept.id}`, { licenceReportingBy: 'department' })
    const doc = await t.payload.findByID({ collection: 'agencies', id: dept.id, overrideAccess: true })
    expect(doc.licenceReportingBy).toBe('service-points')
    expect([200, 403]).toContain(res.status)
    const admin = await o.admin.api.patch(`/api/agencies/${dept.id}`, { licenceReportingBy: 'department' })
    expect(admin.status).toBe(200)
    expect(admin.body.doc.licenceReportingBy).toBe('department')
  })

  it('then the department reports and its service points no longer do', async () => {
    at('2026-05-05T03:00:00Z')
    const bySp = await o.sp1.api.post('/api/licence-reports', { servicePoint: sp1.id, process: p1.id, year: 2026, month: 5, ...figures, pendingAtMonthEnd: 2 })
    expect(bySp.status).toBe(403)
    expect(messages(bySp.body)).toMatch(/กรมเป็นผู้รายงาน/)
    const april = (await t.payload.find({ collection: 'licence-reports', where: { and: [{ servicePoint: { equals: sp1.id } }, { month: { equals: 4 } }] }, overrideAccess: true })).docs[0]
    expect((await o.sp1.api.patch(`/api/licence-reports/${april.id}`, { received: 1, pendingAtMonthEnd: 4 })).status).toBe(403)

    const byDept = await o.central.api.post('/api/licence-reports', { agency: dept.id, process: p1.id, year: 2026, month: 5, ...figures, pendingAtMonthEnd: 2 })
    expect(byDept.status).toBe(201)
    expect(byDept.body.doc.servicePoint ?? null).toBeNull()
    // The ministry's central officer is not the department.
    const byMinistry = await o.ministryCentral.api.post('/api/licence-reports', { agency: dept.id, process: p2.id, year: 2026, month: 5, ...figures, pendingAtMonthEnd: 2 })
    expect(byMinistry.status).toBe(403)
    // Another department's central officer neither.
    expect((await o.otherCentral.api.patch(`/api/licence-reports/${byDept.body.doc.id}`, { received: 9, pendingAtMonthEnd: 1 })).status).not.toBe(200)
    expect((await o.central.api.patch(`/api/licence-reports/${byDept.body.doc.id}`, { received: 9, pendingAtMonthEnd: 1 })).status).toBe(200)
  })
})
