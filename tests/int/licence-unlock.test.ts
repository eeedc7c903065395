/**
 * Unlock requests for a locked licence-report month over REST: approval and refusal, the
 * 5-Thai-working-day window (across Songkran, and an extra holiday), its expiry, the one-unlock
 * rule, the approver setting, and who may do what. The deadline day is 5 here, so March locks at
 * the end of Sunday 5 April 2026 (Bangkok) and an approval on Friday 10 April runs over Songkran.
 */
import { createAgencyTree, createProcess, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
type Officer = Awaited<ReturnType<typeof createOfficer>>
let dept: { id: number }, otherDept: { id: number }
let sp1: { id: number }, sp2: { id: number }, process1: { id: number }
let o: Record<'sp1' | 'sp2' | 'central' | 'central2' | 'ministryCentral' | 'otherCentral' | 'opdc' | 'admin', Officer>
let report1: number, report2: number

const at = (iso: string) => {
  process.env.LICENCE_REPORT_NOW = iso
}
const march = { year: 2026, month: 3 }
const figures = { received: 4, approved: 2, notApproved: 0, withdrawn: 0, pendingAtMonthEnd: 2, decidedLate: 0 }
const message = (body: any): string => JSON.stringify(body?.errors ?? body)

beforeAll(async () => {
  process.env.LICENCE_REPORT_DEADLINE_DAY = '5'
  delete process.env.LICENCE_UNLOCK_APPROVER
  t = await startTestServer()
  const tree = await createAgencyTree(t, 'ปลดล็อค')
  dept = tree.department as never
  otherDept = (await createAgencyTree(t, 'อื่น')).department as never
  sp1 = (await createServicePoint(t, dept.id)) as never
  sp2 = (await createServicePoint(t, dept.id)) as never
  process1 = (await createProcess(t, dept.id)) as never
  o = {
    sp1: await createOfficer(t, { roles: ['service-point-officer'], agency: dept.id, servicePoint: sp1.id }),
    sp2: await createOfficer(t, { roles: ['service-point-officer'], agency: dept.id, servicePoint: sp2.id }),
    central: await createOfficer(t, { roles: ['central-officer'], agency: dept.id }),
    central2: await createOfficer(t, { roles: ['central-officer'], agency: dept.id }),
    ministryCentral: await createOfficer(t, { roles: ['central-officer'], agency: tree.ministry.id }),
    otherCentral: await createOfficer(t, { roles: ['central-officer'], agency: otherDept.id }),
    opdc: await createOfficer(t, { roles: ['opdc-officer'] }),
    admin: await createOfficer(t, { roles: ['system-admin'] }),
  }
  at('2026-03-25T03:00:00Z')
  report1 = (await o.sp1.api.post('/api/licence-reports', { servicePoint: sp1.id, process: process1.id, ...march, ...figures })).body.doc.id
  report2 = (await o.sp2.api.post('/api/licence-reports', { servicePoint: sp2.id, process: process1.id, ...march, ...figures })).body.doc.id
  expect(report1 && report2).toBeTruthy()
})
afterAll(async () => {
  delete process.env.LICENCE_REPORT_NOW
  delete process.env.LICENCE_REPORT_DEADLINE_DAY
  delete process.env.LICENCE_UNLOCK_APPROVER
  await t?.close()
})

const request = (who: Officer, servicePoint: number, reason = 'เจ้าหน้าที่ผู้รับผิดชอบลาป่วย') =>
  who.api.post('/api/licence-unlock-requests', { servicePoint, ...march, reason })

describe('asking for an unlock', () => {
  it('refuses a request while the month is still open', async () => {
    at('2026-04-05T16:59:00Z') // 23:59 on 5 April, Bangkok
    const res = await request(o.sp1, sp1.id)
    expect(res.status).toBe(409)
    expect(message(res.body)).toMatch(/not locked/)
  })

  it('refuses an edit once the month is locked', async () => {
    at('2026-04-09T03:00:00Z')
    expect((await o.sp1.api.patch(`/api/licence-reports/${report1}`, { received: 5, pendingAtMonthEnd: 3 })).status).toBe(409)
  })

  it('refuses a request by another unit, another agency, or without a reason', async () => {
    expect((await request(o.sp2, sp1.id)).status).toBe(403)
    expect((await request(o.otherCentral, sp1.id)).status).toBe(403)
    expect((await request(o.central, sp1.id)).status).toBe(403)
    expect((await api(t.baseUrl).post('/api/licence-unlock-requests', { servicePoint: sp1.id, ...march, reason: 'x' })).status).toBe(403)
    const noReason = await request(o.sp1, sp1.id, '  ')
    expect(noReason.status).toBe(400)
  })

  it('records a request as "requested", whatever state the unit sends', async () => {
    const res = await o.sp1.api.post('/api/licence-unlock-requests', { servicePoint: sp1.id, ...march, reason: 'ระบบเครือข่ายขัดข้อง', state: 'approved' })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ state: 'requested', requestedBy: { id: o.sp1.user.id } })
    expect(res.body.doc.windowEndsAt ?? null).toBeNull()
  })

  it('accepts one waiting request at a time', async () => {
    expect((await request(o.sp1, sp1.id)).status).toBe(409)
  })

  it('still keeps the month locked while the request waits', async () => {
    expect((await o.sp1.api.patch(`/api/licence-reports/${report1}`, { received: 5, pendingAtMonthEnd: 3 })).status).toBe(409)
  })

  it('shows the request to the unit and the approvers, not to other units', async () => {
    const list = async (who: Officer) => ((await who.api.get('/api/licence-unlock-requests')).body?.docs ?? []).length
    expect(await list(o.sp1)).toBe(1)
    expect(await list(o.central)).toBe(1)
    expect(await list(o.opdc)).toBe(1)
    expect(await list(o.sp2)).toBe(0)
    expect(await list(o.otherCentral)).toBe(0)
    expect((await api(t.baseUrl).get('/api/licence-unlock-requests')).status).toBe(403)
  })
})

describe('deciding', () => {
  let requestId: number
  beforeAll(async () => {
    requestId = (await t.payload.find({ collection: 'licence-unlock-requests', where: { servicePoint: { equals: sp1.id } }, overrideAccess: true })).docs[0].id as number
  })

  it.each(['sp1', 'sp2', 'otherCentral', 'ministryCentral', 'opdc', 'admin'] as const)(
    'does not let %s decide (approver: central officer of the department)',
    async (who) => {
      const res = await o[who].api.patch(`/api/licence-unlock-requests/${requestId}`, { state: 'approved' })
      expect([403, 404]).toContain(res.status)
      const doc = await t.payload.findByID({ collection: 'licence-unlock-requests', id: requestId, overrideAccess: true })
      expect(doc.state).toBe('requested')
    },
  )

  it('refusal keeps the month locked and lets the unit ask again', async () => {
    const res = await o.central.api.patch(`/api/licence-unlock-requests/${requestId}`, { state: 'refused', decisionComment: 'เหตุผลไม่เพียงพอ' })
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ state: 'refused', decidedBy: { id: o.central.user.id } })
    expect(res.body.doc.windowEndsAt ?? null).toBeNull()
    expect((await o.sp1.api.patch(`/api/licence-reports/${report1}`, { received: 5, pendingAtMonthEnd: 3 })).status).toBe(409)
    // A refused request is final.
    expect((await o.central.api.patch(`/api/licence-unlock-requests/${requestId}`, { state: 'approved' })).status).toBe(409)
    // The approver decides; the request itself stays as the unit wrote it.
    const retry = await request(o.sp1, sp1.id, 'ขอปลดล็อคอีกครั้ง พร้อมหนังสือชี้แจง')
    expect(retry.status).toBe(201)
  })

  it('approval on Friday 10 April gives 5 working days past Songkran: through Wednesday 22 April', async () => {
    at('2026-04-10T02:00:00Z') // 09:00 Friday, Bangkok
    const pending = (await t.payload.find({ collection: 'licence-unlock-requests', where: { and: [{ servicePoint: { equals: sp1.id } }, { state: { equals: 'requested' } }] }, overrideAccess: true })).docs[0]
    expect((await o.central.api.patch(`/api/licence-unlock-requests/${pending.id}`, { reason: 'แก้เหตุผล', state: 'approved' })).status).toBe(403)
    const res = await o.central.api.patch(`/api/licence-unlock-requests/${pending.id}`, { state: 'approved' })
    expect(res.status).toBe(200)
    expect(res.body.doc.windowEndsAt).toBe('2026-04-22T17:00:00.000Z')
    expect(res.body.doc.decidedAt).toBe('2026-04-10T02:00:00.000Z')
  })

  it('lets the unit edit during Songkran and up to the last minute of the fifth working day', async () => {
    at('2026-04-14T05:00:00Z')
    expect((await o.sp1.api.patch(`/api/licence-reports/${report1}`, { received: 5, pendingAtMonthEnd: 3 })).status).toBe(200)
    at('2026-04-22T16:59:00Z')
    expect((await o.sp1.api.patch(`/api/licence-reports/${report1}`, { state: 'submitted' })).status).toBe(200)
    // Still only that unit: the other service point's March stays locked.
    expect((await o.sp2.api.patch(`/api/licence-reports/${report2}`, { received: 5, pendingAtMonthEnd: 3 })).status).toBe(409)
  })

  it('closes the month for good when the window ends: no edit, no new request (one unlock)', async () => {
    at('2026-04-22T17:00:00Z') // 00:00 Thursday 23 April, Bangkok
    const edit = await o.sp1.api.patch(`/api/licence-reports/${report1}`, { received: 6, pendingAtMonthEnd: 4, changeComment: 'ช้าไป' })
    expect(edit.status).toBe(409)
    expect(message(edit.body)).toMatch(/for good/)
    const again = await request(o.sp1, sp1.id, 'ขอปลดล็อคเป็นครั้งที่สอง')
    expect(again.status).toBe(409)
    expect(message(again.body)).toMatch(/once/)
    at('2026-06-01T03:00:00Z')
    expect((await request(o.sp1, sp1.id, 'หลายเดือนต่อมา')).status).toBe(409)
  })
})

describe('working days and approvers', () => {
  it('only system admins add extra holidays, and an added holiday lengthens the window', async () => {
    expect((await o.central.api.post('/api/extra-holidays', { date: '2026-04-21', name: 'วันหยุดพิเศษ' })).status).toBe(403)
    expect((await o.admin.api.post('/api/extra-holidays', { date: '21/04/2026', name: 'วันหยุดพิเศษ' })).status).toBe(400)
    expect((await o.admin.api.post('/api/extra-holidays', { date: '2026-04-21', name: 'วันหยุดพิเศษตามมติ ครม.' })).status).toBe(201)
    at('2026-04-09T03:00:00Z')
    expect((await request(o.sp2, sp2.id)).status).toBe(201)
    const pending = (await t.payload.find({ collection: 'licence-unlock-requests', where: { and: [{ servicePoint: { equals: sp2.id } }, { state: { equals: 'requested' } }] }, overrideAccess: true })).docs[0]
    at('2026-04-10T02:00:00Z')
    const res = await o.central2.api.patch(`/api/licence-unlock-requests/${pending.id}`, { state: 'approved' })
    expect(res.status).toBe(200)
    expect(res.body.doc.windowEndsAt).toBe('2026-04-23T17:00:00.000Z') // 16, 17, 20, 22, 23
  })

  it('with LICENCE_UNLOCK_APPROVER=opdc, OPDC decides and the department does not', async () => {
    process.env.LICENCE_UNLOCK_APPROVER = 'opdc'
    try {
      await t.payload.update({ collection: 'agencies', id: dept.id, data: { licenceReportingBy: 'department' } as never, overrideAccess: true })
      at('2026-04-09T03:00:00Z')
      // The department now reports itself: its central officer asks for its own March.
      const res = await o.central.api.post('/api/licence-unlock-requests', { agency: dept.id, ...march, reason: 'กรมรายงานเอง ขอปลดล็อค' })
      expect(res.status).toBe(201)
      const id = res.body.doc.id
      expect((await o.central2.api.patch(`/api/licence-unlock-requests/${id}`, { state: 'approved' })).status).toBe(403)
      expect((await o.opdc.api.patch(`/api/licence-unlock-requests/${id}`, { state: 'approved' })).status).toBe(200)
    } finally {
      delete process.env.LICENCE_UNLOCK_APPROVER
    }
  })

  it('never lets an officer decide their own request', async () => {
    at('2026-05-07T03:00:00Z') // April is locked (deadline 5 May)
    const res = await o.central.api.post('/api/licence-unlock-requests', { agency: dept.id, year: 2026, month: 4, reason: 'ขอปลดล็อคเดือนเมษายน' })
    expect(res.status).toBe(201)
    const own = await o.central.api.patch(`/api/licence-unlock-requests/${res.body.doc.id}`, { state: 'approved' })
    expect(own.status).toBe(403)
    expect((await o.central2.api.patch(`/api/licence-unlock-requests/${res.body.doc.id}`, { state: 'approved' })).status).toBe(200)
  })
})
