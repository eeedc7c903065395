/**
 * The officers' admin: the dashboard counts per role (Local API as each real officer, with the
 * links to the filtered lists), the FAQ and guideline collections (public read, system admins
 * write, seeded from the normalised officer FAQ), and the per-role menu decisions in the config.
 */
import type { TypedUser } from 'payload'

import { OFFICER_FAQ } from '../../src/data/officerFaq'
import { buildOfficerDashboard, type DashboardItem } from '../../src/admin/officerDashboard'
import { seedHelp } from '../../src/server/seedHelp'
import { caseData, createDelayAgency, type DelayAgency } from '../helpers/delay'
import { createAgencyTree, createDraftManual, createProcess, createPublishedManual, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
type Officer = Awaited<ReturnType<typeof createOfficer>>
let a: DelayAgency
let other: { department: { id: number } }
let o: Record<'reviewer' | 'otherReviewer' | 'author' | 'opdc' | 'admin' | 'otherCentral', Officer>

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
const board = async (who: Officer) => {
  const user = await t.payload.findByID({ collection: 'users', id: who.user.id, overrideAccess: true, depth: 0 })
  return buildOfficerDashboard(t.payload, { ...user, collection: 'users' } as unknown as TypedUser)
}
/** A draft revision moved to `state` as the workflow would (create resets the state). */
async function manualIn(state: string, process: number | string, agency: number | string) {
  const doc = await createDraftManual(t, process, agency)
  await t.payload.update({ collection: 'manuals', id: doc.id, data: { workflowState: state } as never, draft: true, ...SYSTEM })
}
const item = (items: DashboardItem[], key: string) => items.find((i) => i.key === key)
const keys = (items: DashboardItem[]) => items.map((i) => i.key)

beforeAll(async () => {
  process.env.LICENCE_REPORT_DEADLINE_DAY = '5'
  delete process.env.LICENCE_UNLOCK_APPROVER
  t = await startTestServer()
  a = await createDelayAgency(t, 'แดชบอร์ด')
  other = (await createAgencyTree(t, 'อื่น')) as never
  o = {
    reviewer: await createOfficer(t, { roles: ['manual-reviewer'], agency: a.department.id }),
    otherReviewer: await createOfficer(t, { roles: ['manual-reviewer'], agency: other.department.id }),
    author: await createOfficer(t, { roles: ['manual-author'], agency: a.department.id }),
    opdc: await createOfficer(t, { roles: ['opdc-officer'] }),
    admin: await createOfficer(t, { roles: ['system-admin'] }),
    otherCentral: await createOfficer(t, { roles: ['central-officer'], agency: other.department.id }),
  }
})
afterAll(async () => {
  delete process.env.LICENCE_REPORT_NOW
  delete process.env.LICENCE_REPORT_DEADLINE_DAY
  await t?.close()
})

describe('dashboard: manuals waiting on this officer', () => {
  beforeAll(async () => {
    const otherProcess = await createProcess(t, other.department.id)
    await manualIn('pending-review', a.process.id, a.department.id)
    await manualIn('pending-review', a.process.id, a.department.id)
    await manualIn('pending-review', otherProcess.id, other.department.id)
    await manualIn('pending-opdc', a.process.id, a.department.id)
    await manualIn('pending-opdc', otherProcess.id, other.department.id)
    await manualIn('rejected', a.process.id, a.department.id)
  })

  it('counts for the reviewer the revisions of their own agency waiting for review', async () => {
    const items = await board(o.reviewer)
    expect(item(items, 'manuals-pending-review')?.count).toBe(2)
    expect(item(items, 'manuals-pending-review')?.href).toBe(
      '/admin/collections/manuals?where%5Bor%5D%5B0%5D%5Band%5D%5B0%5D%5BworkflowState%5D%5Bequals%5D=pending-review',
    )
    expect(keys(items)).not.toContain('manuals-pending-opdc')
    expect(item(await board(o.otherReviewer), 'manuals-pending-review')?.count).toBe(1)
  })

  it('counts for OPDC the revisions of every agency waiting for its approval', async () => {
    const items = await board(o.opdc)
    expect(item(items, 'manuals-pending-opdc')?.count).toBe(2)
    expect(keys(items)).not.toContain('manuals-pending-review')
    expect(keys(items)).not.toContain('licence-due')
  })

  it('shows the author the revisions returned to them, and the list link filters the same way over REST', async () => {
    const items = await board(o.author)
    const returned = item(items, 'manuals-rejected')!
    expect(returned.count).toBe(1)
    const query = returned.href.split('?')[1].replace(/where%5Bor%5D%5B0%5D%5Band%5D%5B0%5D/, 'where')
    const rest = await o.author.api.get(`/api/manuals?draft=true&depth=0&${query}`)
    expect(rest.body.totalDocs).toBe(1)
  })
})

describe('dashboard: unit work', () => {
  it('counts delay notices due for the unit that handles them, not for a sibling unit', async () => {
    const created = await a.unitOfficer.api.post('/api/delay-notices', caseData(a))
    expect(created.status).toBe(201)
    expect(item(await board(a.unitOfficer), 'delay-notices-due')?.count).toBe(1)
    expect(item(await board(a.otherUnitOfficer), 'delay-notices-due')?.count).toBe(0)
    expect(item(await board(a.central), 'delay-notices-due')?.count).toBe(1)
    expect(keys(await board(o.reviewer))).not.toContain('delay-notices-due')
  })

  it('counts service points that pin no manual: the officer\'s own point, or the central officer\'s agency', async () => {
    expect(item(await board(a.unitOfficer), 'service-points-unpinned')?.count).toBe(1)
    await t.payload.update({ collection: 'service-points', id: a.unit.id, data: { manuals: [a.manual.id] } as never, ...SYSTEM })
    expect(item(await board(a.unitOfficer), 'service-points-unpinned')?.count).toBe(0)
    const central = item(await board(a.central), 'service-points-unpinned')!
    expect(central.count).toBe(1)
    expect(central.href).toContain(encodeURIComponent(String(a.otherUnit.id)))
    // Another agency's public points are readable but are not this officer's work.
    await createServicePoint(t, other.department.id)
    expect(item(await board(a.central), 'service-points-unpinned')?.count).toBe(1)
  })

  it('gives the licence-report counts that GET /api/licence-reports/due gives the same officer', async () => {
    process.env.LICENCE_REPORT_NOW = '2026-04-06T03:00:00Z'
    const due = await a.otherUnitOfficer.api.get('/api/licence-reports/due')
    expect(due.status).toBe(200)
    const periods = due.body.periods as Array<{ status: string; processes: Array<{ report: { state: string } | null }> }>
    const items = await board(a.otherUnitOfficer)
    expect(item(items, 'licence-locked')?.count).toBe(periods.filter((p) => p.status === 'locked').length)
    expect(item(items, 'licence-due')?.count).toBe(
      periods
        .filter((p) => p.status === 'open' || p.status === 'unlocked')
        .reduce((n, p) => n + p.processes.filter((r) => r.report?.state !== 'submitted').length, 0),
    )
    expect(item(items, 'licence-locked')!.count).toBeGreaterThan(0)
  })

  it('counts unlock requests for the approving central officer only', async () => {
    process.env.LICENCE_REPORT_NOW = '2026-04-06T03:00:00Z'
    const before = item(await board(a.central), 'unlock-requests')?.count
    expect(before).toBe(0)
    const asked = await a.unitOfficer.api.post('/api/licence-unlock-requests', { servicePoint: a.unit.id, year: 2026, month: 3, reason: 'เจ้าหน้าที่ลาป่วย' })
    expect(asked.status).toBe(201)
    const central = item(await board(a.central), 'unlock-requests')!
    expect(central.count).toBe(1)
    expect(central.href).toContain('state')
    expect(item(await board(o.otherCentral), 'unlock-requests')?.count).toBe(0)
    expect(keys(await board(a.unitOfficer))).not.toContain('unlock-requests')
  })

  it('counts unread notifications for everyone, their own only', async () => {
    await t.payload.create({ collection: 'notifications', data: { recipient: o.author.user.id, message: 'ทดสอบ' } as never, ...SYSTEM })
    expect(item(await board(o.author), 'notifications-unread')?.count).toBe(1)
    expect(item(await board(o.reviewer), 'notifications-unread')?.count).toBe(0)
  })
})

describe('FAQ and guidelines', () => {
  it('seeds the normalised officer FAQ and the guideline pages once', async () => {
    const first = await seedHelp(t.payload)
    expect(first).toBe(OFFICER_FAQ.flatMap((s) => s.entries).length + 6)
    expect(await seedHelp(t.payload)).toBe(0)
  })

  it('lets anyone read the FAQ, sorted, with Thai in its proper form', async () => {
    const res = await api(t.baseUrl).get('/api/faqs?limit=100&sort=order')
    expect(res.status).toBe(200)
    expect(res.body.docs[0].question).toBe(OFFICER_FAQ[0].entries[0].question)
    expect(JSON.stringify(res.body.docs)).not.toMatch(/[\u0E48-\u0E4C][\u0E31\u0E34-\u0E39]/)
    expect((await api(t.baseUrl).get('/api/guidelines?limit=100')).body.totalDocs).toBe(6)
  })

  it('lets only system admins write FAQs and guidelines', async () => {
    const faq = { section: 'ทดสอบ', question: 'ทดสอบคำถาม', answer: 'คำตอบ' }
    expect((await api(t.baseUrl).post('/api/faqs', faq)).status).toBe(403)
    expect((await a.central.api.post('/api/faqs', faq)).status).toBe(403)
    expect((await o.opdc.api.post('/api/guidelines', { title: 'x', slug: 'x', body: 'x' })).status).toBe(403)
    const created = await o.admin.api.post('/api/faqs', faq)
    expect(created.status).toBe(201)
    expect((await a.central.api.patch(`/api/faqs/${created.body.doc.id}`, { answer: 'แก้' })).status).toBe(403)
    expect((await o.admin.api.patch(`/api/faqs/${created.body.doc.id}`, { answer: 'แก้' })).status).toBe(200)
  })

  it('refuses a guideline slug that would not make a link, in Thai and English', async () => {
    const res = await o.admin.api.post('/api/guidelines', { title: 'หัวข้อ', slug: 'มี ช่องว่าง', body: 'x' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/ใช้ได้เฉพาะ.*Use a-z/)
  })
})

describe('menu decisions in the loaded config', () => {
  it('hides collections by role through admin.hidden, not through access', async () => {
    const hidden = (slug: string, roles: string[]) => {
      const c = t.payload.config.collections.find((x) => x.slug === slug)!
      return (c.admin.hidden as (a: { user: unknown }) => boolean)({ user: { roles } })
    }
    expect(hidden('role-tokens', ['manual-author'])).toBe(true)
    expect(hidden('role-tokens', ['central-officer'])).toBe(false)
    expect(hidden('delay-notices', ['manual-reviewer'])).toBe(true)
    expect(hidden('faqs', ['opdc-officer'])).toBe(true)
    const tokens = t.payload.config.collections.find((x) => x.slug === 'role-tokens')!
    expect(tokens.admin.group).toEqual({ th: 'บัญชีผู้ใช้', en: 'Accounts' })
    expect(tokens.labels.plural).toEqual({ th: 'จัดการ Token', en: 'Tokens' })
    // Buddhist-era dates in lists, pickers and versions: tests/int/buddhist-era-dates.test.ts.
    // Hidden is not denied: a reviewer still reads published manuals' processes over REST.
    expect((await o.reviewer.api.get('/api/processes?limit=1')).status).toBe(200)
  })
})
