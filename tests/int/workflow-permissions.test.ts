/**
 * Every transition attempt by every role of the manual's own agency and of another agency:
 * only the table's officers move it (200), the others get 403, an action in the wrong state 409.
 */
import { completeManualData, createAgencyTree, createProcess } from '../helpers/fixtures'
import { createOfficer, startTestServer, type TestServer } from '../helpers/server'
import type { Role } from '../../src/lib/roles'

let t: TestServer
type Officer = Awaited<ReturnType<typeof createOfficer>>
const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
const STATES = ['draft', 'pending-review', 'pending-opdc', 'published', 'rejected'] as const
const ACTIONS = ['submit', 'approve', 'reject', 'new-revision'] as const
const AGENCY_ROLES: Role[] = ['central-officer', 'service-point-officer', 'manual-author', 'manual-reviewer']

let own: number, other: number, processId: number
const officers: Array<{ label: string; role: Role; ownAgency: boolean; o: Officer }> = []

beforeAll(async () => {
  t = await startTestServer()
  own = (await createAgencyTree(t, 'เจ้าของ')).department.id as number
  other = (await createAgencyTree(t, 'อื่น')).department.id as number
  processId = (await createProcess(t, own)).id as number
  for (const role of AGENCY_ROLES) {
    officers.push({ label: `${role} (own agency)`, role, ownAgency: true, o: await createOfficer(t, { roles: [role], agency: own }) })
    officers.push({ label: `${role} (other agency)`, role, ownAgency: false, o: await createOfficer(t, { roles: [role], agency: other }) })
  }
  officers.push({ label: 'opdc-officer', role: 'opdc-officer', ownAgency: false, o: await createOfficer(t, { roles: ['opdc-officer'] }) })
  officers.push({ label: 'system-admin', role: 'system-admin', ownAgency: false, o: await createOfficer(t, { roles: ['system-admin'] }) })
})
afterAll(async () => {
  await t?.close()
})

/** A manual whose latest revision is in `state`, written as the system (as the seed does). */
async function manualIn(state: (typeof STATES)[number]) {
  const published = state === 'published'
  const doc = await t.payload.create({
    collection: 'manuals',
    data: { ...completeManualData(processId, own), workflowState: state, _status: published ? 'published' : 'draft' } as never,
    draft: !published,
    ...SYSTEM,
  })
  return doc.id as number
}

/** The table of ../shared/API.md, spelled out: who may take which step. */
const ALLOWED: Record<string, Partial<Record<(typeof ACTIONS)[number], Role[]>>> = {
  draft: { submit: ['manual-author', 'central-officer'] },
  rejected: { submit: ['manual-author', 'central-officer'] },
  'pending-review': { approve: ['manual-reviewer'], reject: ['manual-reviewer'] },
  'pending-opdc': { approve: ['opdc-officer'], reject: ['opdc-officer'] },
  published: { 'new-revision': ['manual-author', 'central-officer'] },
}
/** Roles that take the action in some state (for their own agency; OPDC for every agency). */
const TAKES: Record<(typeof ACTIONS)[number], Role[]> = {
  submit: ['manual-author', 'central-officer'],
  approve: ['manual-reviewer', 'opdc-officer'],
  reject: ['manual-reviewer', 'opdc-officer'],
  'new-revision': ['manual-author', 'central-officer'],
}

function expected(state: string, action: (typeof ACTIONS)[number], who: (typeof officers)[number]): number {
  const inScope = who.ownAgency || who.role === 'opdc-officer'
  if (!TAKES[action].includes(who.role) || !inScope) return 403 // this officer never takes it on this manual
  // Their step is elsewhere on the path (or nowhere in this state): out of order.
  return ALLOWED[state][action]?.includes(who.role) ? 200 : 409
}

it.each(STATES)('refuses every forbidden step on a %s manual and leaves it untouched', async (state) => {
  const id = await manualIn(state)
  const seen: string[] = []
  for (const action of ACTIONS) {
    for (const who of officers) {
      const want = expected(state, action, who)
      if (want === 200) continue // allowed steps are walked in workflow-path.test.ts
      const res = await who.o.api.post(`/api/manuals/${id}/workflow`, { action, comment: 'ทดสอบ' })
      seen.push(`${action} by ${who.label}: ${res.status}`)
      if (res.status !== want) throw new Error(`${state}: ${action} by ${who.label} gave ${res.status}, expected ${want}: ${JSON.stringify(res.body)}`)
      expect(res.body.errors[0].message).toMatch(/\(.+\)$/) // Thai (English)
    }
  }
  expect(seen.length).toBeGreaterThan(30)
  const after = await t.payload.findByID({ collection: 'manuals', id, draft: true, overrideAccess: true })
  expect(after.workflowState).toBe(state)
  expect((await t.payload.count({ collection: 'manual-transitions', where: { manual: { equals: id } }, overrideAccess: true })).totalDocs).toBe(0)
})

it('lets each allowed officer take their step from each state', async () => {
  for (const state of STATES) {
    for (const action of ACTIONS) {
      for (const who of officers.filter((w) => expected(state, action, w) === 200)) {
        const id = await manualIn(state)
        const res = await who.o.api.post(`/api/manuals/${id}/workflow`, { action, comment: 'ทดสอบ' })
        if (res.status !== 200) throw new Error(`${state}: ${action} by ${who.label} gave ${res.status}: ${JSON.stringify(res.body)}`)
      }
    }
  }
})

it('never lets the submitter approve their own revision, even holding the reviewer role', async () => {
  const both = await createOfficer(t, { roles: ['manual-author', 'manual-reviewer'], agency: own })
  const id = await manualIn('draft')
  expect((await both.api.post(`/api/manuals/${id}/workflow`, { action: 'submit' })).status).toBe(200)
  const self = await both.api.post(`/api/manuals/${id}/workflow`, { action: 'approve' })
  expect(self.status).toBe(403)
  expect(self.body.errors[0].message).toContain('ผู้ส่งคู่มือไม่สามารถอนุมัติคู่มือของตนเองได้')
  const reviewer = officers.find((w) => w.role === 'manual-reviewer' && w.ownAgency)!
  expect((await reviewer.o.api.post(`/api/manuals/${id}/workflow`, { action: 'approve' })).status).toBe(200)
})

it('answers 400 for an unknown action, 404 for an unknown manual, and 401 without login', async () => {
  const author = officers.find((w) => w.role === 'manual-author' && w.ownAgency)!
  const id = await manualIn('draft')
  const unknown = await author.o.api.post(`/api/manuals/${id}/workflow`, { action: 'publish' })
  expect(unknown.status).toBe(400)
  expect(unknown.body.errors[0].data.errors[0].path).toBe('action')
  expect((await author.o.api.post('/api/manuals/999999/workflow', { action: 'submit' })).status).toBe(404)
  const anon = await fetch(`${t.baseUrl}/api/manuals/${id}/workflow`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"submit"}' })
  expect(anon.status).toBe(401)
})
