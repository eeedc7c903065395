/** Reminders and the PDPA retention, run from Payload's jobs queue as the server's cron would. */
import { APPLICANT, caseData, createDelayAgency, daysAgo, type DelayAgency } from '../helpers/delay'
import { createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let a: DelayAgency

beforeAll(async () => {
  t = await startTestServer({ env: { DELAY_CONTACT_RETENTION_DAYS: '90' } })
  a = await createDelayAgency(t, 'ก')
})
afterAll(async () => {
  await t?.close()
})

/** Queues a task on the delay queue and runs the queue, as autoRun does each minute. */
async function runTask(task: 'delayNoticeReminders' | 'delayContactRetention') {
  const job = await t.payload.jobs.queue({ task, input: {}, queue: 'delay-notices' })
  const result = await t.payload.jobs.run({ queue: 'delay-notices' })
  expect(result.jobStatus?.[String(job.id)]?.status).toBe('success')
}

const notificationsOf = async (officer: { user: { id: number | string } }) =>
  (
    await t.payload.find({
      collection: 'notifications',
      where: { and: [{ recipient: { equals: officer.user.id } }, { topic: { equals: 'delay-notice' } }] },
      overrideAccess: true,
      limit: 100,
    })
  ).docs as unknown as Array<{ message: string; messageEn: string; link: string }>

it('reminds the unit once per due notice, marks the case overdue, and stops once a notice is recorded', async () => {
  // Recorded fresh (open), then its application date moved back so the notice is now owed.
  const created = (await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: new Date().toISOString() }))).body.doc
  expect(created.state).toBe('open')
  await runTask('delayNoticeReminders')
  expect(await notificationsOf(a.unitOfficer)).toHaveLength(0)

  // Time passes: the application is now a month old. Its dates are the ones the hooks compute
  // for that day (Thai working days: a hand-written date could differ from theirs, and the job's
  // save would then move the due date and earn a second reminder); its stored state is stale,
  // as the calendar would leave it.
  const moveBack = (data: Record<string, unknown>) =>
    t.payload.db.updateOne({ collection: 'delay-notices', id: created.id, data, returning: false } as never)
  await moveBack({ receivedAt: daysAgo(30) })
  await t.payload.update({ collection: 'delay-notices', id: created.id, data: {}, overrideAccess: true, context: { systemWrite: true } })
  await moveBack({ state: 'open' })

  await runTask('delayNoticeReminders')
  const after = await t.payload.findByID({ collection: 'delay-notices', id: created.id, overrideAccess: true })
  expect(after.state).toBe('overdue')
  const reminders = await notificationsOf(a.unitOfficer)
  expect(reminders).toHaveLength(1)
  expect(reminders[0].message).toContain(`${created.trackingCode.slice(0, 5)}-${created.trackingCode.slice(5)}`)
  expect(reminders[0].messageEn).toMatch(/late/)
  expect(reminders[0].link).toBe(`/admin/collections/delay-notices/${created.id}`)
  // Other units' officers are not reminded about it.
  expect(await notificationsOf(a.otherUnitOfficer)).toHaveLength(0)

  // Running again the same day reminds nobody twice.
  await runTask('delayNoticeReminders')
  expect(await notificationsOf(a.unitOfficer)).toHaveLength(1)

  // The notice goes out: the next is 7 days away, nothing to remind, the case is open again.
  await a.unitOfficer.api.patch(`/api/delay-notices/${created.id}`, {
    notices: [{ sentAt: new Date().toISOString(), channel: 'letter', reasonGiven: 'รอผลตรวจสอบ' }],
  })
  await runTask('delayNoticeReminders')
  expect(await notificationsOf(a.unitOfficer)).toHaveLength(1)
  expect((await t.payload.findByID({ collection: 'delay-notices', id: created.id, overrideAccess: true })).state).toBe('open')
})

it('reminds the unit once when two runs meet the same due notice at once', async () => {
  const owed = (await a.otherUnitOfficer.api.post('/api/delay-notices', caseData(a, { servicePoint: a.otherUnit.id, receivedAt: daysAgo(30) }))).body.doc
  expect(owed.state).toBe('overdue')
  // Two jobs on the queue run side by side (the cron's and one started over REST, say).
  const jobs = await Promise.all([1, 2].map(() => t.payload.jobs.queue({ task: 'delayNoticeReminders', input: {}, queue: 'delay-notices' })))
  const result = await t.payload.jobs.run({ queue: 'delay-notices' })
  expect(jobs.map((job) => result.jobStatus?.[String(job.id)]?.status)).toEqual(['success', 'success'])
  const reminders = (await notificationsOf(a.otherUnitOfficer)).filter((n) => n.link === `/admin/collections/delay-notices/${owed.id}`)
  expect(reminders).toHaveLength(1)
})

it('reminds the central officers when the unit has no officer, and ignores decided cases', async () => {
  const lonely = await t.payload.create({
    collection: 'service-points',
    data: { name: 'จุดบริการไม่มีเจ้าหน้าที่', agency: a.department.id, province: 'เชียงใหม่' } as never,
    overrideAccess: true,
  })
  const owed = await a.central.api.post('/api/delay-notices', caseData(a, { servicePoint: lonely.id, receivedAt: daysAgo(30) }))
  expect(owed.body.doc.state).toBe('overdue')
  await a.central.api.post('/api/delay-notices', caseData(a, { receivedAt: daysAgo(30), decision: { decidedAt: daysAgo(1), outcome: 'approved' } }))
  const before = (await notificationsOf(a.unitOfficer)).length
  await runTask('delayNoticeReminders')
  expect(await notificationsOf(a.central)).toHaveLength(1)
  expect(await notificationsOf(a.unitOfficer)).toHaveLength(before)
})

it('deletes applicants’ contact details the retention period after the case closed, and only then', async () => {
  const old = (await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: daysAgo(200), decision: { decidedAt: daysAgo(91), outcome: 'approved' } }))).body.doc
  const recent = (await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: daysAgo(200), decision: { decidedAt: daysAgo(89), outcome: 'approved' } }))).body.doc
  const open = (await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: daysAgo(200) }))).body.doc

  await runTask('delayContactRetention')

  const purged = await a.unitOfficer.api.get(`/api/delay-notices/${old.id}`)
  expect(purged.body.applicant).toEqual({ name: null, phone: null, email: null, address: null })
  expect(purged.body.contactPurgedAt).toBeTruthy()
  // The case itself stays for the record.
  expect(purged.body.trackingCode).toBe(old.trackingCode)
  expect(purged.body.state).toBe('closed')
  for (const kept of [recent, open]) {
    expect((await a.unitOfficer.api.get(`/api/delay-notices/${kept.id}`)).body.applicant).toEqual(APPLICANT)
  }
  // The next night leaves the purge date as it was.
  await runTask('delayContactRetention')
  expect((await a.unitOfficer.api.get(`/api/delay-notices/${old.id}`)).body.contactPurgedAt).toBe(purged.body.contactPurgedAt)
})

it('lets only system administrators run or queue jobs over REST', async () => {
  const central = await createOfficer(t, { roles: ['central-officer'], agency: a.department.id })
  expect([401, 403]).toContain((await central.api.get('/api/payload-jobs/run?queue=delay-notices')).status)
  const admin = await createOfficer(t, { roles: ['system-admin'] })
  expect((await admin.api.get('/api/payload-jobs/run?queue=delay-notices')).status).toBe(200)
})
