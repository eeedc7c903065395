/** The whole two-step approval over REST, with real officers of two agencies. */
import { createAgencyTree, createDraftManual, createProcess, createPublishedManual } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
type Officer = Awaited<ReturnType<typeof createOfficer>>
let dopa: { id: number }, dbd: { id: number }
let author: Officer, reviewer: Officer, opdc: Officer, otherReviewer: Officer, otherAuthor: Officer
let processId: number

beforeAll(async () => {
  t = await startTestServer()
  dopa = (await createAgencyTree(t, 'ปกครอง')).department as { id: number }
  dbd = (await createAgencyTree(t, 'พัฒนาธุรกิจ')).department as { id: number }
  processId = (await createProcess(t, dopa.id)).id as number
  author = await createOfficer(t, { roles: ['manual-author'], agency: dopa.id })
  reviewer = await createOfficer(t, { roles: ['manual-reviewer'], agency: dopa.id })
  opdc = await createOfficer(t, { roles: ['opdc-officer'] })
  otherReviewer = await createOfficer(t, { roles: ['manual-reviewer'], agency: dbd.id })
  otherAuthor = await createOfficer(t, { roles: ['manual-author'], agency: dbd.id })
})
afterAll(async () => {
  await t?.close()
})

const move = (who: Officer, id: number, action: string, comment?: string) =>
  who.api.post(`/api/manuals/${id}/workflow`, comment === undefined ? { action } : { action, comment })

it('takes a new manual from draft to published: author → agency reviewer → OPDC', async () => {
  const created = await author.api.post('/api/manuals?draft=true', {
    title: 'การแจ้งเกิด',
    process: processId,
    agency: dopa.id,
  })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as number
  expect(created.body.doc).toMatchObject({ workflowState: 'draft', revision: 1 })

  // Incomplete: the refusal names every Act-required field that is missing.
  const incomplete = await move(author, id, 'submit')
  expect(incomplete.status).toBe(400)
  const paths = incomplete.body.errors[0].data.errors.map((e: { path: string }) => e.path)
  expect(paths).toEqual(expect.arrayContaining(['conditions', 'steps', 'documents', 'complaintChannels', 'legalBasis']))

  const draft = await createDraftManual(t, processId, dopa.id)
  const submitted = await move(author, draft.id as number, 'submit')
  expect(submitted.status).toBe(200)
  expect(submitted.body).toMatchObject({ id: draft.id, workflowState: 'pending-review' })
  // Nothing is visible to citizens yet.
  expect((await api(t.baseUrl).get(`/api/manuals/${draft.id}`)).status).toBe(404)

  // The admin's buttons: the steps each officer may take now.
  const buttons = async (who: Officer) => (await who.api.get(`/api/manuals/${draft.id}/workflow`)).body.actions?.map((a: any) => a.action)
  expect(await buttons(reviewer)).toEqual(['approve', 'reject'])
  expect(await buttons(author)).toEqual([])
  expect(await buttons(opdc)).toEqual([])
  expect((await otherReviewer.api.get(`/api/manuals/${draft.id}/workflow`)).status).toBe(404)

  const step1 = await move(reviewer, draft.id as number, 'approve')
  expect(step1.status).toBe(200)
  expect(step1.body.workflowState).toBe('pending-opdc')

  expect(await buttons(opdc)).toEqual(['approve', 'reject'])
  expect(await buttons(reviewer)).toEqual([])
  const step2 = await move(opdc, draft.id as number, 'approve', 'ถูกต้องตามแบบ')
  expect(step2.status).toBe(200)
  expect(step2.body).toMatchObject({ workflowState: 'published', _status: 'published', revision: 1 })
  expect(step2.body.publishedAt).toBeTruthy()

  const citizen = await api(t.baseUrl).get(`/api/manuals/${draft.id}`)
  expect(citizen.status).toBe(200)
  expect(citizen.body).toMatchObject({ workflowState: 'published', revision: 1 })

  // The timeline, newest first, as the agency's reviewer reads it.
  const timeline = await reviewer.api.get(`/api/manual-transitions?where[manual][equals]=${draft.id}&sort=-createdAt&depth=0`)
  expect(timeline.status).toBe(200)
  expect(timeline.body.docs.map((d: any) => [d.fromState, d.toState, d.actorRole])).toEqual([
    ['pending-opdc', 'published', 'opdc-officer'],
    ['pending-review', 'pending-opdc', 'manual-reviewer'],
    ['draft', 'pending-review', 'manual-author'],
  ])
  expect(timeline.body.docs[0]).toMatchObject({ actor: opdc.user.id, comment: 'ถูกต้องตามแบบ', revision: 1 })
  // Another agency's officer does not read it; citizens neither.
  expect((await otherReviewer.api.get(`/api/manual-transitions?where[manual][equals]=${draft.id}`)).body.docs).toEqual([])
  expect((await api(t.baseUrl).get(`/api/manual-transitions`)).status).toBe(403)
  // Nobody edits the timeline, not even a system admin.
  const admin = await createOfficer(t, { roles: ['system-admin'] })
  const row = timeline.body.docs[0].id
  expect((await admin.api.patch(`/api/manual-transitions/${row}`, { comment: 'แก้ประวัติ' })).status).toBe(403)
  expect((await admin.api.delete(`/api/manual-transitions/${row}`)).status).toBe(403)
  expect((await admin.api.post('/api/manual-transitions', { ...timeline.body.docs[0], id: undefined })).status).toBe(403)
  expect((await reviewer.api.get(`/api/manual-transitions/${row}`)).body.comment).toBe('ถูกต้องตามแบบ')
})

it('keeps the old revision public until the new one is published, then supersedes it', async () => {
  const published = await createPublishedManual(t, processId, dopa.id, { title: 'คู่มือฉบับเดิม' })
  const id = published.id as number
  const anon = api(t.baseUrl)

  const revise = await move(author, id, 'new-revision')
  expect(revise.status).toBe(200)
  expect(revise.body).toMatchObject({ workflowState: 'draft', revision: 2 })

  const edit = await author.api.patch(`/api/manuals/${id}?draft=true`, { title: 'คู่มือฉบับปรับปรุง' })
  expect(edit.status).toBe(200)

  const check = async (title: string, revision: number) => {
    const doc = await anon.get(`/api/manuals/${id}`)
    expect(doc.status).toBe(200)
    expect(doc.body).toMatchObject({ title, revision, workflowState: 'published' })
    const list = await anon.get(`/api/manuals?where[id][equals]=${id}`)
    expect(list.body.docs.map((d: any) => d.title)).toEqual([title])
  }

  await check('คู่มือฉบับเดิม', 1)
  // The officer sees the revision in progress with ?draft=true.
  const inProgress = await author.api.get(`/api/manuals/${id}?draft=true`)
  expect(inProgress.body).toMatchObject({ title: 'คู่มือฉบับปรับปรุง', revision: 2, workflowState: 'draft' })

  expect((await move(author, id, 'submit')).status).toBe(200)
  await check('คู่มือฉบับเดิม', 1)
  expect((await move(reviewer, id, 'approve')).status).toBe(200)
  await check('คู่มือฉบับเดิม', 1)
  expect((await move(opdc, id, 'approve')).status).toBe(200)
  await check('คู่มือฉบับปรับปรุง', 2)

  // Revision history: revision 1's published snapshot is now superseded.
  const versions = await reviewer.api.get(`/api/manuals/versions?where[parent][equals]=${id}&sort=createdAt&limit=50&depth=0`)
  expect(versions.status).toBe(200)
  const history = versions.body.docs.map((v: any) => [v.version.revision, v.version.workflowState])
  expect(history[0]).toEqual([1, 'superseded'])
  expect(history.at(-1)).toEqual([2, 'published'])
  expect(history.filter(([, s]: [number, string]) => s === 'published')).toEqual([[2, 'published']])
})

it('returns a revision with a required comment, and the author submits it again', async () => {
  const draft = await createDraftManual(t, processId, dopa.id)
  const id = draft.id as number
  expect((await move(author, id, 'submit')).status).toBe(200)

  const noComment = await move(reviewer, id, 'reject')
  expect(noComment.status).toBe(400)
  expect(noComment.body.errors[0].data.errors[0]).toMatchObject({ path: 'comment' })
  expect(noComment.body.errors[0].data.errors[0].message).toMatch(/กรุณาระบุเหตุผล.*A comment is required/)

  const rejected = await move(reviewer, id, 'reject', 'ระยะเวลาขั้นตอนที่ 1 ไม่ตรงกับประกาศ')
  expect(rejected.status).toBe(200)
  expect(rejected.body.workflowState).toBe('rejected')

  // The author edits the returned revision and submits it again.
  expect((await author.api.patch(`/api/manuals/${id}?draft=true`, { remarks: 'แก้ไขตามความเห็น' })).status).toBe(200)
  expect((await move(author, id, 'submit')).body.workflowState).toBe('pending-review')
  expect((await move(reviewer, id, 'approve')).body.workflowState).toBe('pending-opdc')
  const opdcReject = await move(opdc, id, 'reject', 'ขาดกฎหมายที่เกี่ยวข้อง')
  expect(opdcReject.body.workflowState).toBe('rejected')
})

it('notifies in the admin whoever must act next, and only they read it', async () => {
  const draft = await createDraftManual(t, processId, dopa.id, { title: 'คู่มือแจ้งเตือน' })
  const id = draft.id as number
  const unread = async (who: Officer) =>
    (await who.api.get(`/api/notifications?where[link][equals]=/admin/collections/manuals/${id}&sort=-createdAt`)).body.docs

  await move(author, id, 'submit')
  const forReviewer = await unread(reviewer)
  expect(forReviewer).toHaveLength(1)
  expect(forReviewer[0].message).toContain('คู่มือแจ้งเตือน')
  expect(forReviewer[0].messageEn).toContain('waiting for your review')
  // The other agency's reviewer is not told.
  expect(await unread(otherReviewer)).toEqual([])

  await move(reviewer, id, 'approve')
  expect((await unread(opdc)).map((n: any) => n.messageEn)).toEqual([expect.stringContaining('OPDC approval')])

  await move(opdc, id, 'reject', 'แก้ไขค่าธรรมเนียม')
  const forAuthor = await unread(author)
  expect(forAuthor[0].message).toContain('แก้ไขค่าธรรมเนียม')

  // Marking as read works on one's own notification only, and only readAt changes.
  const mine = forAuthor[0]
  const markOther = await otherAuthor.api.patch(`/api/notifications/${mine.id}`, { readAt: new Date().toISOString() })
  expect(markOther.status).toBe(403)
  const read = await author.api.patch(`/api/notifications/${mine.id}`, { readAt: '2026-01-01T00:00:00.000Z', message: 'แก้ข้อความ' })
  expect(read.status).toBe(200)
  expect(read.body.doc).toMatchObject({ readAt: '2026-01-01T00:00:00.000Z', message: mine.message })
  expect((await author.api.post('/api/notifications', { recipient: author.user.id, message: 'ปลอม' })).status).toBe(403)
})
