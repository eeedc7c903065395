/** The public tracking lookup: status without personal data, one 404 for every miss, a rate limit. */
import { APPLICANT, caseData, createDelayAgency, daysAgo, type DelayAgency } from '../helpers/delay'
import { api, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let a: DelayAgency

beforeAll(async () => {
  t = await startTestServer({ env: { DELAY_TRACK_RATE_LIMIT: '8' } })
  a = await createDelayAgency(t, 'ก')
})
afterAll(async () => {
  await t?.close()
})

/** Each test looks up from its own client address (the Express host trusts loopback proxies). */
let client = 0
const citizen = () => {
  client += 1
  const headers = { 'X-Forwarded-For': `203.0.113.${client}` }
  return (path: string) => api(t.baseUrl).get(path, headers)
}

it('answers the status, the reason given and the notice dates, with no personal data', async () => {
  const created = (await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: daysAgo(20), reason: 'บันทึกภายใน: ผู้อำนวยการลาพักร้อน' }))).body.doc
  const sentAt = daysAgo(3)
  await a.unitOfficer.api.patch(`/api/delay-notices/${created.id}`, {
    notices: [
      { sentAt: daysAgo(10), channel: 'letter', reasonGiven: 'รอเอกสารจากกรมที่ดิน' },
      { sentAt, channel: 'email', reasonGiven: 'รอผลการตรวจสอบสถานที่', expectedDecisionAt: '2026-12-15T00:00:00.000Z', reference: 'ชม 0001/123' },
    ],
  })
  const get = citizen()
  // Typed from the letter: lower case, with the hyphen.
  const typed = `${created.trackingCode.slice(0, 5)}-${created.trackingCode.slice(5)}`.toLowerCase()
  const res = await get(`/api/delay-notices/track?code=${typed}`)
  expect(res.status).toBe(200)
  expect(res.body).toMatchObject({
    trackingCode: `${created.trackingCode.slice(0, 5)}-${created.trackingCode.slice(5)}`,
    state: 'open',
    process: { name: a.process.name },
    servicePoint: { name: a.unit.name },
    agency: { name: a.department.name },
    receivedAt: created.receivedAt,
    dueAt: created.dueAt,
    noticeCount: 2,
    lastNoticeAt: sentAt,
    reasonGiven: 'รอผลการตรวจสอบสถานที่',
    nextNoticeDueAt: new Date(new Date(sentAt).getTime() + 7 * 24 * 3600 * 1000).toISOString(),
    expectedDecisionAt: '2026-12-15T00:00:00.000Z',
    decidedAt: null,
  })
  const text = JSON.stringify(res.body)
  for (const value of Object.values(APPLICANT)) expect(text).not.toContain(value)
  expect(text).not.toContain('ผู้อำนวยการลาพักร้อน')
  expect(text).not.toContain('ชม 0001/123')
  expect(Object.keys(res.body)).not.toContain('applicant')
  expect(res.headers.get('cache-control')).toBe('no-store')

  // Once decided: closed, no next notice.
  await a.unitOfficer.api.patch(`/api/delay-notices/${created.id}`, { decision: { decidedAt: new Date().toISOString(), outcome: 'approved' } })
  const closed = await get(`/api/delay-notices/track?code=${created.trackingCode}`)
  expect(closed.body.state).toBe('closed')
  expect(closed.body.nextNoticeDueAt).toBeNull()
  expect(closed.body.decidedAt).not.toBeNull()
})

it('answers 404 with the same body for an unknown code and a malformed one', async () => {
  const get = citizen()
  const unknown = await get('/api/delay-notices/track?code=ZZZZZ-ZZZZZ')
  const malformed = await get('/api/delay-notices/track?code=not-a-code')
  expect(unknown.status).toBe(404)
  expect(malformed.status).toBe(404)
  expect(malformed.body).toEqual(unknown.body)
  expect(unknown.body.errors[0].message).toMatch(/ไม่พบเรื่อง.*\(No application matches this tracking code/)
  const missing = await get('/api/delay-notices/track')
  expect(missing.status).toBe(400)
})

it('limits lookups per client and tells when to try again', async () => {
  const get = citizen()
  const statuses: number[] = []
  for (let i = 0; i < 9; i += 1) statuses.push((await get(`/api/delay-notices/track?code=ZZZZZZZZZ${i}`)).status)
  expect(statuses.slice(0, 8)).toEqual(Array(8).fill(404))
  const limited = await get('/api/delay-notices/track?code=ZZZZZZZZZZ')
  expect(limited.status).toBe(429)
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(limited.body.errors[0].message).toContain('Too many lookups')
  // Another client is not affected.
  expect((await citizen()('/api/delay-notices/track?code=ZZZZZZZZZZ')).status).toBe(404)
})

describe('a tracking code given by a seed or an import (context.trackingCode)', () => {
  const SYSTEM = { overrideAccess: true, depth: 0 } as const

  it('is kept when a system write gives a valid one, normalised, and found by the public lookup', async () => {
    const doc = await t.payload.create({
      collection: 'delay-notices',
      data: caseData(a) as never,
      ...SYSTEM,
      context: { systemWrite: true, trackingCode: 'abcde-fghjk' },
    })
    expect(doc.trackingCode).toBe('ABCDEFGHJK')
    expect((await citizen()('/api/delay-notices/track?code=ABCDE-FGHJK')).status).toBe(200)
    // An update never changes it.
    const updated = await t.payload.update({ collection: 'delay-notices', id: doc.id, data: { reason: 'ปรับบันทึก' } as never, ...SYSTEM, context: { systemWrite: true, trackingCode: 'ZZZZZZZZZZ' } })
    expect(updated.trackingCode).toBe('ABCDEFGHJK')
  })

  it('is refused with a bilingual error on trackingCode when malformed, and ignored for an officer', async () => {
    const bad = t.payload.create({ collection: 'delay-notices', data: caseData(a) as never, ...SYSTEM, context: { systemWrite: true, trackingCode: 'TRACK-2558U' } })
    await expect(bad).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'trackingCode', message: expect.stringMatching(/รหัส.*Crockford/) })] } })
    const officer = await t.payload.findByID({ collection: 'users', id: a.unitOfficer.user.id, depth: 0, overrideAccess: true })
    const own = await t.payload.create({
      collection: 'delay-notices',
      data: caseData(a) as never,
      depth: 0,
      user: { ...officer, collection: 'users' },
      overrideAccess: false,
      context: { systemWrite: true, trackingCode: 'QQQQQQQQQQ' },
    })
    expect(own.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)
    expect(own.trackingCode).not.toBe('QQQQQQQQQQ')
  })
})
