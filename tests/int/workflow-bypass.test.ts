/** No way around the workflow: every route that could skip or fake a step is refused. */
import { createAgencyTree, createDraftManual, createProcess, createPublishedManual } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
type Officer = Awaited<ReturnType<typeof createOfficer>>
let agency: number, processId: number
let author: Officer, reviewer: Officer, central: Officer, opdc: Officer, opdc2: Officer, admin: Officer
const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const

beforeAll(async () => {
  t = await startTestServer()
  agency = (await createAgencyTree(t, 'เลี่ยง')).department.id as number
  processId = (await createProcess(t, agency)).id as number
  author = await createOfficer(t, { roles: ['manual-author'], agency })
  reviewer = await createOfficer(t, { roles: ['manual-reviewer'], agency })
  central = await createOfficer(t, { roles: ['central-officer'], agency })
  opdc = await createOfficer(t, { roles: ['opdc-officer'] })
  opdc2 = await createOfficer(t, { roles: ['opdc-officer'] })
  admin = await createOfficer(t, { roles: ['system-admin'] })
})
afterAll(async () => {
  await t?.close()
})

const anon = () => api(t.baseUrl)
const stateOf = async (id: number) => (await t.payload.findByID({ collection: 'manuals', id, draft: true, overrideAccess: true })).workflowState
const publicTitle = async (id: number) => {
  const res = await anon().get(`/api/manuals/${id}`)
  return res.status === 200 ? res.body.title : res.status
}
async function inState(state: string, title = 'คู่มือทดสอบการเลี่ยง') {
  const doc = await createDraftManual(t, processId, agency, { title })
  await t.payload.update({ collection: 'manuals', id: doc.id, data: { workflowState: state } as never, draft: true, ...SYSTEM })
  return doc.id as number
}
/** A published revision 1 with revision 2 in `state` on top. */
async function publishedWithRevision(state: string) {
  const doc = await createPublishedManual(t, processId, agency, { title: 'ฉบับที่เผยแพร่' })
  await t.payload.update({
    collection: 'manuals',
    id: doc.id,
    data: { title: 'ฉบับร่างใหม่', revision: 2, workflowState: state } as never,
    draft: true,
    ...SYSTEM,
  })
  return doc.id as number
}

describe('REST', () => {
  it('refuses a PATCH of workflowState, revision or publishedAt, with or without ?draft', async () => {
    const id = await inState('draft')
    for (const who of [author, reviewer, central, admin]) {
      for (const q of ['?draft=true', '']) {
        const res = await who.api.patch(`/api/manuals/${id}${q}`, { workflowState: 'published' })
        expect(res.status).toBe(403)
        expect(res.body.errors[0].message).toContain('workflowState')
      }
    }
    expect((await author.api.patch(`/api/manuals/${id}?draft=true`, { revision: 7 })).status).toBe(403)
    expect((await author.api.patch(`/api/manuals/${id}?draft=true`, { publishedAt: '2026-01-01T00:00:00.000Z' })).status).toBe(403)
    expect(await stateOf(id)).toBe('draft')
    // Sending the unchanged values back (as the admin form does) is fine.
    const same = await author.api.patch(`/api/manuals/${id}?draft=true`, { workflowState: 'draft', revision: 1, remarks: 'แก้ไข' })
    expect(same.status).toBe(200)
  })

  it('refuses the publish button: a PATCH of _status published, even on a manual waiting for OPDC', async () => {
    const id = await inState('pending-opdc')
    for (const who of [author, reviewer, central, admin]) {
      for (const q of ['', '?draft=false', '?draft=true']) {
        const res = await who.api.patch(`/api/manuals/${id}${q}`, { _status: 'published' })
        expect([403, 409]).toContain(res.status)
      }
    }
    const draftId = await inState('draft')
    const res = await admin.api.patch(`/api/manuals/${draftId}`, { _status: 'published', workflowState: 'draft' })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toContain('POST /api/manuals/:id/workflow')
    expect(await publicTitle(id)).toBe(404)
    expect(await publicTitle(draftId)).toBe(404)
    expect(await stateOf(id)).toBe('pending-opdc')
  })

  it('refuses a create that claims a later state or publishes', async () => {
    const base = { title: 'สร้างใหม่', process: processId, agency }
    expect((await author.api.post('/api/manuals?draft=true', { ...base, workflowState: 'published' })).status).toBe(403)
    expect((await author.api.post('/api/manuals', { ...base, _status: 'published' })).status).toBe(403)
    expect((await admin.api.post('/api/manuals?draft=true', { ...base, revision: 3 })).status).toBe(403)
    expect((await t.payload.count({ collection: 'manuals', where: { title: { equals: 'สร้างใหม่' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('never writes the published revision from an officer save: edits stay drafts until OPDC approves', async () => {
    const id = await publishedWithRevision('draft')
    // No ?draft: still saved as a draft version; unpublishing by PATCH neither.
    expect((await author.api.patch(`/api/manuals/${id}`, { title: 'แก้ตรงฉบับเผยแพร่' })).status).toBe(200)
    expect((await central.api.patch(`/api/manuals/${id}`, { _status: 'draft' })).status).toBe(200)
    expect(await publicTitle(id)).toBe('ฉบับที่เผยแพร่')
    expect((await author.api.get(`/api/manuals/${id}?draft=true`)).body.title).toBe('แก้ตรงฉบับเผยแพร่')
  })

  it('locks the content while a revision is in review, and a published one until a new revision starts', async () => {
    for (const state of ['pending-review', 'pending-opdc']) {
      const id = await inState(state)
      for (const who of [author, reviewer, central]) {
        const res = await who.api.patch(`/api/manuals/${id}?draft=true`, { remarks: 'แอบแก้' })
        expect(res.status).toBe(409)
      }
    }
    const published = await createPublishedManual(t, processId, agency)
    const res = await author.api.patch(`/api/manuals/${published.id}?draft=true`, { title: 'แก้โดยไม่เพิ่ม Revision' })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toContain('เพิ่ม Revision')
  })

  it('refuses a bulk update (the list view\'s publish) and changes nothing', async () => {
    const a = await inState('pending-opdc', 'กลุ่ม ก')
    const b = await inState('draft', 'กลุ่ม ข')
    for (const body of [{ _status: 'published' }, { workflowState: 'published' }]) {
      const res = await admin.api.patch(`/api/manuals?where[id][in]=${a},${b}`, body)
      expect(res.body.docs ?? []).toEqual([])
      expect(res.body.errors.length).toBe(2)
    }
    expect([await stateOf(a), await stateOf(b)]).toEqual(['pending-opdc', 'draft'])
    expect([await publicTitle(a), await publicTitle(b)]).toEqual([404, 404])
  })

  it('restores an old version as content only: state, revision and the public revision stay', async () => {
    const id = await publishedWithRevision('draft')
    const versions = await author.api.get(`/api/manuals/versions?where[parent][equals]=${id}&where[version._status][equals]=published&depth=0`)
    expect(versions.status).toBe(200)
    const publishedVersion = versions.body.docs[0]
    // A plain restore would write the published document: refused.
    const plain = await author.api.post(`/api/manuals/versions/${publishedVersion.id}`)
    expect(plain.status).toBe(403)
    expect(plain.body.errors[0].message).toContain('?draft=true')
    expect(await publicTitle(id)).toBe('ฉบับที่เผยแพร่')
    const restore = await author.api.post(`/api/manuals/versions/${publishedVersion.id}?draft=true`)
    expect(restore.status).toBe(200)
    const now = await author.api.get(`/api/manuals/${id}?draft=true`)
    expect(now.body).toMatchObject({ title: 'ฉบับที่เผยแพร่', workflowState: 'draft', revision: 2 })
    expect(await publicTitle(id)).toBe('ฉบับที่เผยแพร่')

    // Restoring while the revision is with OPDC is an edit in a locked state.
    const waiting = await publishedWithRevision('pending-opdc')
    const v = (await author.api.get(`/api/manuals/versions?where[parent][equals]=${waiting}&depth=0`)).body.docs[0]
    expect((await author.api.post(`/api/manuals/versions/${v.id}?draft=true`)).status).toBe(409)
    expect(await stateOf(waiting)).toBe('pending-opdc')
  })

  it('duplicates a published manual as a new draft, revision 1', async () => {
    const published = await createPublishedManual(t, processId, agency, { title: 'ต้นฉบับ' })
    // (The create access checks the agency of the incoming data, so the body names it.)
    const dup = await author.api.post(`/api/manuals/${published.id}/duplicate?draft=false`, { agency })
    expect(dup.status).toBe(200)
    const copy = await author.api.get(`/api/manuals/${dup.body.doc.id}?draft=true`)
    expect(copy.body).toMatchObject({ workflowState: 'draft', revision: 1, _status: 'draft' })
    expect(await publicTitle(dup.body.doc.id)).toBe(404)
  })
})

describe('GraphQL', () => {
  it('refuses a mutation that publishes or moves the state', async () => {
    const id = await inState('pending-opdc')
    // The app's GraphQL route (served by Next in the app; called directly here, as Next would).
    const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
    const config = (await import('../../src/payload.config')).default
    const gql = async (query: string) => {
      const res = await GRAPHQL_POST(config)(
        new Request(`${t.baseUrl}/api/graphql`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `JWT ${admin.token}` },
          body: JSON.stringify({ query }),
        }),
      )
      return { status: res.status, body: await res.json() }
    }
    const read = await gql(`{ Manual(id: ${id}, draft: true) { id workflowState } }`)
    expect(read.body.data.Manual.workflowState).toBe('pending_opdc') // the route works, as this admin (GraphQL enum spelling)
    const publish = await gql(`mutation { updateManual(id: ${id}, data: { _status: published }) { id workflowState } }`)
    expect(publish.body.errors[0].message).toContain('POST /api/manuals/:id/workflow')
    const state = await gql(`mutation { updateManual(id: ${id}, draft: true, data: { workflowState: published }) { id } }`)
    expect(state.body.errors?.length).toBeGreaterThan(0)
    expect(await stateOf(id)).toBe('pending-opdc')
    expect(await publicTitle(id)).toBe(404)
  })
})

describe('Local API', () => {
  it('refuses a write with overrideAccess: false, and even with overrideAccess: true unless it is a system write', async () => {
    const id = await inState('pending-opdc')
    const user = await t.payload.findByID({ collection: 'users', id: admin.user.id, overrideAccess: true })
    await expect(
      t.payload.update({ collection: 'manuals', id, data: { _status: 'published' } as never, user, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      t.payload.update({ collection: 'manuals', id, data: { workflowState: 'published' } as never, draft: true, user, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(t.payload.update({ collection: 'manuals', id, data: { _status: 'published' } as never, overrideAccess: true })).rejects.toMatchObject({
      status: 403,
    })
    expect(await stateOf(id)).toBe('pending-opdc')
    // A trusted system write (seed, import) may set any state.
    await t.payload.update({ collection: 'manuals', id, data: { workflowState: 'rejected' } as never, draft: true, ...SYSTEM })
    expect(await stateOf(id)).toBe('rejected')
  })
})

describe('concurrency', () => {
  it('gives one transition when two OPDC officers approve at once', async () => {
    const id = await publishedWithRevision('pending-opdc')
    const results = await Promise.all([opdc, opdc2].map((o) => o.api.post(`/api/manuals/${id}/workflow`, { action: 'approve' })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const rows = await t.payload.find({ collection: 'manual-transitions', where: { manual: { equals: id } }, overrideAccess: true })
    expect(rows.docs.map((d) => d.toState)).toEqual(['published'])
    expect(await publicTitle(id)).toBe('ฉบับร่างใหม่')
    const notices = await t.payload.count({ collection: 'notifications', where: { link: { equals: `/admin/collections/manuals/${id}` } }, overrideAccess: true })
    expect(notices.totalDocs).toBeLessThanOrEqual(1)
  })

  it('gives one transition when a reviewer approves and another rejects at once', async () => {
    const reviewer2 = await createOfficer(t, { roles: ['manual-reviewer'], agency })
    const id = await inState('pending-review')
    const results = await Promise.all([
      reviewer.api.post(`/api/manuals/${id}/workflow`, { action: 'approve' }),
      reviewer2.api.post(`/api/manuals/${id}/workflow`, { action: 'reject', comment: 'ไม่ผ่าน' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(results.find((r) => r.status === 409)!.body.errors[0].message).toContain('does not fit the current state')
    const rows = await t.payload.find({ collection: 'manual-transitions', where: { manual: { equals: id } }, overrideAccess: true })
    expect(rows.totalDocs).toBe(1)
    expect(await stateOf(id)).toBe(rows.docs[0].toState)
  })

  it('does not let an author\'s save undo a submit that committed first', async () => {
    const id = await inState('draft')
    const [submit, save] = await Promise.all([
      author.api.post(`/api/manuals/${id}/workflow`, { action: 'submit' }),
      central.api.patch(`/api/manuals/${id}?draft=true`, { remarks: 'บันทึกพร้อมกัน' }),
    ])
    expect(submit.status).toBe(200)
    expect([200, 409]).toContain(save.status)
    expect(await stateOf(id)).toBe('pending-review')
  })
})
