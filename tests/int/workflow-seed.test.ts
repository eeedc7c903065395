/**
 * The demo data as a newcomer tries it with the demo accounts: manuals in review move on, and
 * the licence-report, unlock and delay-notice menus have content that behaves by the rules.
 */
import { NOTICE_INTERVAL_DAYS } from '../../src/lib/delay'
import { type Period, periodOf, previousPeriod } from '../../src/lib/licenceReport'
import { DEMO_CLOSED_TRACKING_CODE, DEMO_OVERDUE_TRACKING_CODE, DEMO_TRACKING_CODE } from '../../src/server/seedDelay'
import { DEMO_PASSWORD } from '../../src/server/seedData'
import { DEMO_LOCKED_MONTH_BACK, DEMO_UNLOCK_PENDING_MONTH_BACK, DEMO_UNLOCKED_MONTH_BACK } from '../../src/server/seedLicence'
import { api, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
  const { seed } = await import('../../src/server/seed')
  await seed(t.payload)
  // The whole demo (ratings, licence reports, delay cases): about a minute on a loaded 2-core machine.
}, 300_000)
afterAll(async () => {
  await t?.close()
})

const login = async (email: string) => {
  const res = await api(t.baseUrl).post('/api/users/login', { email, password: DEMO_PASSWORD })
  expect(res.status).toBe(200)
  return api(t.baseUrl, res.body.token)
}

it('publishes the revision in review of a published demo manual, replacing the public one', async () => {
  const title = 'คู่มือสำหรับประชาชน: การแจ้งย้ายที่อยู่'
  const anon = api(t.baseUrl)
  const publicDoc = (await anon.get(`/api/manuals?where[title][equals]=${encodeURIComponent(title)}`)).body.docs[0]
  expect(publicDoc).toMatchObject({ revision: 1, workflowState: 'published' })

  const reviewer = await login('reviewer.dopa@demo.info.go.th')
  const wrongAgency = await login('reviewer.dbd@demo.info.go.th')
  expect((await wrongAgency.post(`/api/manuals/${publicDoc.id}/workflow`, { action: 'approve' })).status).toBe(403)
  const step1 = await reviewer.post(`/api/manuals/${publicDoc.id}/workflow`, { action: 'approve' })
  expect(step1.status).toBe(200)
  expect(step1.body).toMatchObject({ revision: 2, workflowState: 'pending-opdc' })

  const opdc = await login('opdc@demo.info.go.th')
  expect((await opdc.post(`/api/manuals/${publicDoc.id}/workflow`, { action: 'approve' })).status).toBe(200)
  const after = await anon.get(`/api/manuals/${publicDoc.id}`)
  expect(after.body).toMatchObject({ revision: 2, workflowState: 'published' })
  expect(after.body.remarks).toContain('ฉบับแก้ไข')
})

it('lets the demo author resubmit the returned demo manual after editing it', async () => {
  const author = await login('author.dbd@demo.info.go.th')
  const rejected = (await author.get('/api/manuals?draft=true&where[workflowState][equals]=rejected&depth=0')).body.docs
  expect(rejected.length).toBeGreaterThan(0)
  const id = rejected[0].id
  expect((await author.patch(`/api/manuals/${id}?draft=true`, { remarks: 'แก้ไขตามที่ส่งกลับ' })).status).toBe(200)
  const again = await author.post(`/api/manuals/${id}/workflow`, { action: 'submit' })
  expect(again.status).toBe(200)
  expect(again.body.workflowState).toBe('pending-review')
})

const monthsBack = (back: number): Period => {
  let p = periodOf(new Date())
  for (let i = 0; i < back; i++) p = previousPeriod(p)
  return p
}
const DAY = 24 * 60 * 60 * 1000
const SYSTEM = { overrideAccess: true, depth: 0, limit: 0, pagination: false } as const

describe('licence reports and unlock requests (relative to today)', () => {
  let pointOfficer: ReturnType<typeof api>
  let pointId: number
  let processId: number
  const reportOf = async (back: number) => {
    const p = monthsBack(back)
    const res = await pointOfficer.get(
      `/api/licence-reports?depth=0&where[and][0][servicePoint][equals]=${pointId}&where[and][1][process][equals]=${processId}&where[and][2][year][equals]=${p.year}&where[and][3][month][equals]=${p.month}`,
    )
    expect(res.body.docs).toHaveLength(1)
    return res.body.docs[0]
  }
  beforeAll(async () => {
    pointOfficer = await login('point.dopa@demo.info.go.th')
    const me = (await pointOfficer.get('/api/users/me')).body.user
    pointId = typeof me.servicePoint === 'object' ? me.servicePoint.id : me.servicePoint
    const process = await t.payload.find({ collection: 'processes', where: { name: { equals: 'การขออนุญาตมีและใช้อาวุธปืน' } }, ...SYSTEM })
    processId = process.docs[0].id as number
  })

  it('reports every demo licence process over six months, submitted and draft, carrying month-end pending over', async () => {
    const { docs } = await t.payload.find({ collection: 'licence-reports', sort: 'id', ...SYSTEM })
    expect(docs.length).toBeGreaterThanOrEqual(30)
    expect(new Set(docs.map((d) => d.state))).toEqual(new Set(['draft', 'submitted']))
    const key = (d: any) => `${d.unitKey}/${d.process}/${d.year}-${d.month}`
    const byKey = new Map(docs.map((d) => [key(d), d]))
    for (const d of docs as any[]) {
      const prev = previousPeriod({ year: d.year, month: d.month })
      const before = byKey.get(key({ ...d, ...prev })) as any
      expect([key(d), d.pendingCarriedOver]).toEqual([key(d), before ? before.pendingAtMonthEnd : 0])
      expect(d.pendingAtMonthEnd).toBe(d.pendingCarriedOver + d.received - d.approved - d.notApproved - d.withdrawn)
      expect(d.title).toEqual(expect.stringContaining(' · '))
    }
    const submitted = docs.filter((d: any) => d.state === 'submitted') as any[]
    expect(submitted.every((d) => d.submittedAt && new Date(d.submittedAt) > new Date(Date.UTC(d.year, d.month - 1, 1)))).toBe(true)
    // The unit with a demo officer wrote as that officer; one figure corrected with its reason logged.
    const own = (await pointOfficer.get(`/api/licence-reports?depth=0&limit=50&where[servicePoint][equals]=${pointId}`)).body.docs
    expect(own).toHaveLength(6)
    expect(own.filter((d: any) => d.state === 'submitted').every((d: any) => d.submittedBy)).toBe(true)
    expect(own.some((d: any) => d.changeLog?.length === 1 && d.changeLog[0].comment)).toBe(true)
  })

  it('keeps a month past its deadline locked: an edit answers 409, with or without a waiting request', async () => {
    for (const back of [DEMO_LOCKED_MONTH_BACK, DEMO_UNLOCK_PENDING_MONTH_BACK]) {
      const report = await reportOf(back)
      const res = await pointOfficer.patch(`/api/licence-reports/${report.id}`, {
        received: report.received + 1,
        pendingAtMonthEnd: report.pendingAtMonthEnd + 1,
        changeComment: 'ทดสอบการแก้ไขหลังพ้นกำหนด',
      })
      expect([back, res.status]).toEqual([back, 409])
    }
    const waiting = monthsBack(DEMO_UNLOCK_PENDING_MONTH_BACK)
    const requests = (await pointOfficer.get(`/api/licence-unlock-requests?depth=0&where[year][equals]=${waiting.year}&where[month][equals]=${waiting.month}`)).body.docs
    expect(requests.map((r: any) => r.state)).toEqual(['requested'])
  })

  it('has an unlock approved by the central officer, not the requester, whose month is open again for its window', async () => {
    const p = monthsBack(DEMO_UNLOCKED_MONTH_BACK)
    const central = await login('central.dopa@demo.info.go.th')
    const centralId = (await central.get('/api/users/me')).body.user.id
    const pointOfficerId = (await pointOfficer.get('/api/users/me')).body.user.id
    const requests = (await central.get(`/api/licence-unlock-requests?depth=0&where[year][equals]=${p.year}&where[month][equals]=${p.month}`)).body.docs
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ state: 'approved', requestedBy: pointOfficerId, decidedBy: centralId })
    const windowEnds = new Date(requests[0].windowEndsAt).getTime()
    expect(windowEnds).toBeGreaterThan(Date.now() + 4 * DAY)
    expect(windowEnds).toBeLessThan(Date.now() + 21 * DAY)
    const draft = await reportOf(DEMO_UNLOCKED_MONTH_BACK)
    expect(draft.state).toBe('draft')
    const sent = await pointOfficer.patch(`/api/licence-reports/${draft.id}`, { state: 'submitted' })
    expect([sent.status, sent.body.doc?.state]).toEqual([200, 'submitted'])
  })
})

describe('delay notices (relative to today)', () => {
  const caseOf = async (code: string) => {
    const { docs } = await t.payload.find({ collection: 'delay-notices', where: { trackingCode: { equals: code } }, ...SYSTEM })
    expect(docs).toHaveLength(1)
    return docs[0] as any
  }

  it('has an open case with its notices every 7 days since the due date, a closed one and an overdue one', async () => {
    const open = await caseOf(DEMO_TRACKING_CODE)
    const sent = open.notices.map((n: any) => new Date(n.sentAt).getTime())
    expect(sent.length).toBeGreaterThanOrEqual(2)
    expect(sent[0]).toBe(new Date(open.dueAt).getTime())
    sent.slice(1).forEach((at: number, i: number) => expect(at - sent[i]).toBe(NOTICE_INTERVAL_DAYS * DAY))
    expect(sent[sent.length - 1]).toBeLessThanOrEqual(Date.now())
    expect(open.state).toBe('open')
    expect(new Date(open.nextNoticeDueAt).getTime()).toBeGreaterThan(Date.now())
    expect((await caseOf(DEMO_CLOSED_TRACKING_CODE)).state).toBe('closed')
    expect((await caseOf(DEMO_OVERDUE_TRACKING_CODE)).state).toBe('overdue')
    // The unit's officers see their cases in the menu.
    const point = await login('point.dopa@demo.info.go.th')
    const listed = (await point.get('/api/delay-notices?depth=0')).body.docs.map((d: any) => d.trackingCode)
    expect(listed.sort()).toEqual([DEMO_TRACKING_CODE, DEMO_CLOSED_TRACKING_CODE].sort())
  })

  it('answers the documented tracking code on the public endpoint, without personal data', async () => {
    const res = await api(t.baseUrl).get('/api/delay-notices/track?code=track-25580')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ trackingCode: 'TRACK-25580', state: 'open', process: { name: 'การขออนุญาตมีและใช้อาวุธปืน' } })
    expect(res.body.noticeCount).toBeGreaterThanOrEqual(2)
    const open = await caseOf(DEMO_TRACKING_CODE)
    const text = JSON.stringify(res.body)
    for (const secret of [open.applicant.name, open.applicant.phone, open.applicant.email, open.reason, open.notices[0].reference]) {
      expect(text).not.toContain(secret)
    }
  })
})

it('seeding again creates nothing new', async () => {
  const counts = async () =>
    Promise.all(
      (['licence-reports', 'licence-unlock-requests', 'delay-notices', 'survey-question-sets', 'survey-responses'] as const).map(
        async (collection) => [collection, (await t.payload.count({ collection, overrideAccess: true })).totalDocs],
      ),
    )
  const before = await counts()
  const { seed } = await import('../../src/server/seed')
  expect((await seed(t.payload)).created).toBe(0)
  expect(await counts()).toEqual(before)
}, 300_000)
