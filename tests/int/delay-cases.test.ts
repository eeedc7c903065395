/** Delay cases over REST: what the system derives, the 7-day cadence, closing, and bad input. */
import { caseData, createDelayAgency, DAY, daysAgo, type DelayAgency } from '../helpers/delay'
import { createDraftManual, createProcess } from '../helpers/fixtures'
import { startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let a: DelayAgency
let b: DelayAgency

beforeAll(async () => {
  t = await startTestServer()
  a = await createDelayAgency(t, 'ก')
  b = await createDelayAgency(t, 'ข')
})
afterAll(async () => {
  await t?.close()
})

it('derives the tracking code, the agency, the due date from the manual and the state', async () => {
  // Monday 2 March 2026, 09:00 Bangkok; the manual states 2 + 3 = 5 working days.
  const res = await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: '2026-03-02T02:00:00.000Z', agency: b.department.id, trackingCode: 'AAAAAAAAAA' }))
  expect(res.status).toBe(201)
  const doc = res.body.doc
  expect(doc.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)
  expect(doc.trackingCode).not.toBe('AAAAAAAAAA')
  // The agency is the service point's, whatever the client sent.
  expect(doc.agency.id ?? doc.agency).toBe(a.department.id)
  expect(doc.statedDuration).toBe(5)
  expect(doc.statedDurationUnit).toBe('days')
  // Makha Bucha (Tuesday 3 March 2026) is a public holiday: 5 working days end on Tuesday 10 March.
  expect(doc.dueAt).toBe('2026-03-10T02:00:00.000Z')
  expect(doc.nextNoticeDueAt).toBe(doc.dueAt)
  expect(doc.state).toBe('overdue')
})

it('keeps a recent case open until its due date', async () => {
  const res = await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: new Date().toISOString() }))
  expect(res.status).toBe(201)
  expect(res.body.doc.state).toBe('open')
  expect(new Date(res.body.doc.dueAt).getTime()).toBeGreaterThan(Date.now() + 5 * DAY)
})

it('owes the next notice 7 days after the latest one, and closes with the decision', async () => {
  const created = (await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: daysAgo(20) }))).body.doc
  expect(created.state).toBe('overdue')

  const sentAt = daysAgo(2)
  const noticed = await a.unitOfficer.api.patch(`/api/delay-notices/${created.id}`, {
    notices: [{ sentAt, channel: 'letter', reasonGiven: 'รอความเห็นจากสำนักงานที่ดินจังหวัด' }],
  })
  expect(noticed.status).toBe(200)
  expect(noticed.body.doc.nextNoticeDueAt).toBe(new Date(new Date(sentAt).getTime() + 7 * DAY).toISOString())
  expect(noticed.body.doc.state).toBe('open')

  const decidedAt = new Date().toISOString()
  const closed = await a.unitOfficer.api.patch(`/api/delay-notices/${created.id}`, { decision: { decidedAt, outcome: 'approved' } })
  expect(closed.status).toBe(200)
  expect(closed.body.doc.state).toBe('closed')
  expect(closed.body.doc.nextNoticeDueAt).toBeNull()

  // A decided case stays decided: the date cannot be taken away again.
  const reopened = await a.unitOfficer.api.patch(`/api/delay-notices/${created.id}`, { decision: { decidedAt: null, outcome: null } })
  expect(reopened.status).toBe(400)
  expect(JSON.stringify(reopened.body.errors)).toContain('decision.decidedAt')
})

it('does not let the client set the computed fields', async () => {
  const created = (await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: daysAgo(20) }))).body.doc
  const res = await a.unitOfficer.api.patch(`/api/delay-notices/${created.id}`, {
    state: 'closed',
    dueAt: '2099-01-01T00:00:00.000Z',
    nextNoticeDueAt: '2099-01-01T00:00:00.000Z',
    trackingCode: 'ZZZZZZZZZZ',
  })
  expect(res.status).toBe(200)
  expect(res.body.doc.state).toBe('overdue')
  expect(res.body.doc.dueAt).toBe(created.dueAt)
  expect(res.body.doc.trackingCode).toBe(created.trackingCode)
})

it('rejects bad input with a field path in Thai and English', async () => {
  const otherProcess = await createProcess(t, a.department.id)
  const wrongManual = await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { process: otherProcess.id }))
  expect(wrongManual.status).toBe(400)
  expect(wrongManual.body.errors[0].data.errors[0].path).toBe('manual')
  expect(wrongManual.body.errors[0].data.errors[0].message).toMatch(/คู่มือ.*\(The manual is not one of this process\)/)

  const noOutcome = await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { decision: { decidedAt: new Date().toISOString() } }))
  expect(noOutcome.status).toBe(400)
  expect(noOutcome.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain('decision.outcome')

  const earlyNotice = await a.unitOfficer.api.post(
    '/api/delay-notices',
    caseData(a, { receivedAt: daysAgo(5), notices: [{ sentAt: daysAgo(6), channel: 'email', reasonGiven: 'x' }] }),
  )
  expect(earlyNotice.status).toBe(400)
  expect(earlyNotice.body.errors[0].data.errors[0].path).toBe('notices.0.sentAt')

  // A manual with no stated time (a draft without steps) cannot give a due date.
  const untimed = await createDraftManual(t, a.process.id, a.department.id, { steps: [] })
  const noTime = await a.central.api.post('/api/delay-notices', caseData(a, { manual: untimed.id }))
  expect(noTime.status).toBe(400)
  expect(JSON.stringify(noTime.body.errors)).toContain('no total processing time')
})

it('lets officers record cases only for the units they act for', async () => {
  // Another unit of the same department, and another department's unit.
  expect((await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { servicePoint: a.otherUnit.id }))).status).toBe(400)
  const foreign = await a.central.api.post('/api/delay-notices', caseData(a, { servicePoint: b.unit.id }))
  expect(foreign.status).toBe(400)
  expect(foreign.body.errors[0].data.errors[0].path).toBe('servicePoint')
  // The department's central officers record for any of its units; manual authors and OPDC do not record.
  expect((await a.central.api.post('/api/delay-notices', caseData(a, { servicePoint: a.otherUnit.id }))).status).toBe(201)
  expect((await a.author.api.post('/api/delay-notices', caseData(a))).status).toBe(403)
})
