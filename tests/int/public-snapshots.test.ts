/**
 * Public snapshots (src/server/publicSnapshots.ts): the fast path's answer to an anonymous read
 * equals Payload's own answer to the same URL (fast path off), byte for byte, for every workflow
 * state, visibility and pagination edge; writes (publish, unpublish, hide, delete, a rolled-back
 * write, concurrent publishes) keep it equal; officers and unsupported shapes go to Payload.
 */
import pg from 'pg'

import { etagOf } from '../../src/lib/publicQuery'
import { rebuildPublicSnapshots } from '../../src/services/publicSnapshots'
import { createAgencyTree, createDraftManual, createOtherService, createProcess, createPublishedManual, createPublishedManualInReview, createServicePoint } from '../helpers/fixtures'
import { createOfficer, startTestServer, workerDatabaseUrl, type TestServer } from '../helpers/server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
let t: TestServer
let w: Awaited<ReturnType<typeof buildWorld>>

type Answer = { status: number; text: string; headers: Headers }
const get = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
  const res = await fetch(`${t.baseUrl}${path}`, { headers })
  return { status: res.status, text: await res.text(), headers: res.headers }
}

/** The same URL with the fast path off and the cache emptied: Payload's own answer. */
async function fromPayload(path: string): Promise<Answer> {
  process.env.PUBLIC_SNAPSHOTS = 'off'
  try {
    t.server.publicCache.invalidate()
    return await get(path)
  } finally {
    delete process.env.PUBLIC_SNAPSHOTS
  }
}

/** Asserts the fast path answered `path` and that its answer is exactly Payload's. */
async function expectServedSame(path: string) {
  const fast = await get(path)
  const slow = await fromPayload(path)
  expect({ path, status: fast.status }).toEqual({ path, status: slow.status })
  expect(fast.headers.get('x-cache')).toBe('SNAPSHOT')
  expect(JSON.parse(fast.text)).toEqual(JSON.parse(slow.text))
  expect(fast.text).toBe(slow.text)
  expect(fast.headers.get('etag')).toBe(etagOf(slow.text))
  expect(fast.headers.get('content-type')).toBe(slow.headers.get('content-type'))
  expect(fast.headers.get('access-control-allow-methods')).toBe(slow.headers.get('access-control-allow-methods'))
  return JSON.parse(fast.text)
}

/** Asserts the fast path let `path` through to the cache and Payload. */
async function expectFallsThrough(path: string, headers: Record<string, string> = {}) {
  const res = await get(path, headers)
  expect({ path, cache: res.headers.get('x-cache') }).not.toEqual({ path, cache: 'SNAPSHOT' })
  return res
}

async function buildWorld() {
  const { ministry, department } = await createAgencyTree(t, 'สแนป')
  const other = await createAgencyTree(t, 'อื่น')
  const tagA = await t.payload.create({ collection: 'tags', data: { name: 'หมวดทดสอบ', type: 'service-category' } as never, ...SYSTEM })
  const tagB = await t.payload.create({ collection: 'tags', data: { name: 'ป้ายทดสอบ', type: 'tag', parent: tagA.id } as never, ...SYSTEM })
  const process = await createProcess(t, department.id, { tags: [tagA.id, tagB.id], commonNames: ['ชื่อเรียก'] })
  const published = [] as Array<{ id: number }>
  for (let i = 0; i < 5; i++) published.push((await createPublishedManual(t, process.id, department.id, { title: `คู่มือเผยแพร่ ${i}` })) as never)
  const draft = await createDraftManual(t, process.id, department.id, { title: 'คู่มือร่าง' })
  const inReview = await createPublishedManualInReview(t, process.id, department.id)
  const pins = { manuals: [published[0].id, draft.id, inReview.id] }
  const open = await createServicePoint(t, department.id, {
    name: 'จุดเปิด',
    ...pins,
    location: { lat: 18.7883, lng: 98.9853 },
    openingHours: [{ day: 'mon', opens: '08:30', closes: '16:30' }],
    pinDetails: [
      { manual: published[0].id, hours: 'จันทร์-ศุกร์', feeNote: 'ไม่มีค่าธรรมเนียม' },
      { manual: draft.id, phone: '053-000-000' },
    ],
  })
  const hidden = await createServicePoint(t, department.id, { name: 'จุดซ่อน', visible: false, ...pins })
  const closed = await createServicePoint(t, department.id, { name: 'จุดปิด', status: 'closed', ...pins })
  const lamphun = await createServicePoint(t, department.id, { name: 'จุดลำพูน', province: 'ลำพูน', manuals: [published[1].id] })
  const child = await createServicePoint(t, department.id, { name: 'จุดย่อย', parent: hidden.id })
  const otherPublished = await createOtherService(t, department.id, { title: 'บริการอื่นที่เผยแพร่', published: true })
  const otherDraft = await createOtherService(t, department.id, { title: 'บริการอื่นฉบับร่าง', description: 'ร่าง', published: false })
  const questionSet = await t.payload.create({
    collection: 'survey-question-sets',
    data: { title: 'ชุดทดสอบ', active: true, questions: [{ key: 'staff', text: 'เจ้าหน้าที่', textEn: 'Staff' }] } as never,
    ...SYSTEM,
  })
  return { ministry, department, other, tagA, tagB, process, published, draft, inReview, open, hidden, closed, lamphun, child, otherPublished, otherDraft, questionSet }
}

const snapshotRows = async () => {
  const client = new pg.Client({ connectionString: workerDatabaseUrl() })
  await client.connect()
  try {
    const { rows } = await client.query(
      'SELECT collection, id::int, created_at, body, list_body, keys, refs, body1, refs1 FROM infogo_runtime.public_snapshots ORDER BY collection, id',
    )
    return rows
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  t = await startTestServer()
  // The reset emptied every table: mark every collection complete (nothing to read yet).
  await rebuildPublicSnapshots(t.payload)
  w = await buildWorld()
})
afterAll(async () => {
  delete process.env.PUBLIC_SNAPSHOTS
  await t?.close()
})

it('answers a public document by id exactly as Payload does, in every collection and workflow state', async () => {
  const publicPaths = [
    `/api/agencies/${w.ministry.id}`,
    `/api/agencies/${w.department.id}`,
    `/api/tags/${w.tagB.id}`,
    `/api/processes/${w.process.id}`,
    `/api/manuals/${w.published[0].id}`,
    `/api/service-points/${w.open.id}`,
    `/api/service-points/${w.lamphun.id}`,
    `/api/service-points/${w.child.id}`,
    `/api/other-services/${w.otherPublished.id}`,
    `/api/survey-question-sets/${w.questionSet.id}`,
  ]
  for (const path of publicPaths) {
    await expectServedSame(`${path}?depth=0`)
    await expectServedSame(`${path}?depth=0&joins=false`)
  }
  // The published revision, not the newer one in review; the join lists only the open point.
  const inReview = await expectServedSame(`/api/manuals/${w.inReview.id}?depth=0`)
  expect(inReview.title).toBe('ฉบับเผยแพร่ (รอบก่อน)')
  expect(inReview.servicePoints.docs).toEqual([w.open.id])
  // Pins and pin details show published manuals only.
  const open = await expectServedSame(`/api/service-points/${w.open.id}?depth=0`)
  expect(open.manuals).toEqual([w.published[0].id, w.inReview.id])
  expect(open.pinDetails.map((d: { manual: number }) => d.manual)).toEqual([w.published[0].id])

  // Not public: Payload answers (404 / 403 as it decides).
  for (const path of [
    `/api/manuals/${w.draft.id}`,
    `/api/service-points/${w.hidden.id}`,
    `/api/service-points/${w.closed.id}`,
    `/api/other-services/${w.otherDraft.id}`,
    `/api/manuals/999999`,
  ]) {
    const res = await expectFallsThrough(`${path}?depth=0`)
    expect(res.status).toBeGreaterThanOrEqual(400)
  }
})

it('answers whitelisted list reads with Payload pagination, including the last, empty and out-of-range pages', async () => {
  const agency = w.department.id
  const lists = [
    `/api/manuals?where[agency][equals]=${agency}&depth=0`,
    `/api/manuals?where[agency][equals]=${agency}&limit=2&page=1&depth=0`,
    `/api/manuals?where[agency][equals]=${agency}&limit=2&page=3&depth=0`, // last page (6 manuals)
    `/api/manuals?where[agency][equals]=${agency}&limit=2&page=4&depth=0`, // beyond the end
    `/api/manuals?where[agency][equals]=${agency}&limit=3&page=2&depth=0`, // exactly full last page
    `/api/manuals?where[agency][equals]=${w.other.department.id}&depth=0`, // empty
    `/api/manuals?where[agency][equals]=${w.other.department.id}&page=3&depth=0`, // empty, page 3
    `/api/manuals?where[process][equals]=${w.process.id}&limit=4&depth=0`,
    `/api/manuals?depth=0&limit=5`,
    `/api/service-points?where[province][equals]=${encodeURIComponent('เชียงใหม่')}&depth=0`,
    `/api/service-points?where[province][equals]=${encodeURIComponent('ลำพูน')}&depth=0`,
    `/api/service-points?where[province][equals]=${encodeURIComponent('ภูเก็ต')}&depth=0`,
    `/api/service-points?where[agency][equals]=${agency}&limit=1&page=2&depth=0`,
    `/api/service-points?where[parent][equals]=${w.hidden.id}&depth=0`,
    `/api/agencies?where[kind][equals]=ministry&depth=0`,
    `/api/agencies?where[parent][equals]=${w.ministry.id}&depth=0`,
    `/api/agencies?depth=0&limit=100`,
    `/api/tags?where[type][equals]=tag&depth=0`,
    `/api/processes?where[agency][equals]=${agency}&depth=0`,
    `/api/other-services?where[agency][equals]=${agency}&depth=0`,
  ]
  for (const path of lists) await expectServedSame(path)
  const last = await expectServedSame(`/api/manuals?where[agency][equals]=${agency}&limit=2&page=3&depth=0`)
  expect(last).toMatchObject({ totalDocs: 6, totalPages: 3, hasNextPage: false, prevPage: 2 })
  expect(last.docs).toHaveLength(2)
  // Lists leave out the rich-text body and the join, as Payload's citizen lists do.
  expect(last.docs[0].conditions).toBeUndefined()
  const beyond = await expectServedSame(`/api/manuals?where[agency][equals]=${agency}&limit=2&page=4&depth=0`)
  expect(beyond).toMatchObject({ docs: [], page: 4, pagingCounter: 7, hasPrevPage: true })
  const empty = await expectServedSame(`/api/manuals?where[agency][equals]=${w.other.department.id}&page=3&depth=0`)
  expect(empty).toMatchObject({ docs: [], totalDocs: 0, totalPages: 1, page: 3, pagingCounter: 1, hasPrevPage: false })
})

it('lets officers, other parameters and unknown shapes through to Payload', async () => {
  const agency = w.department.id
  const officer = await createOfficer(t, { roles: ['central-officer'], agency })
  // An officer reads the draft the snapshots never hold, by token or by cookie.
  const byToken = await expectFallsThrough(`/api/manuals/${w.draft.id}?depth=0`, { Authorization: `JWT ${officer.token}` })
  expect(byToken.status).toBe(200)
  await expectFallsThrough(`/api/manuals/${w.published[0].id}?depth=1`, { Authorization: `JWT ${officer.token}` })
  await expectFallsThrough(`/api/manuals/${w.published[0].id}?depth=0`, { Cookie: `payload-token=${officer.token}` })
  await expectFallsThrough(`/api/manuals?where[agency][equals]=${agency}&depth=0`, { Authorization: `JWT ${officer.token}` })
  for (const path of [
    `/api/manuals/${w.published[0].id}`, // default depth
    `/api/manuals/${w.published[0].id}?depth=2`,
    `/api/manuals/${w.published[0].id}?depth=1&locale=en`,
    `/api/manuals/${w.published[0].id}?depth=1&select[title]=true`,
    `/api/manuals?where[agency][equals]=${agency}&depth=1`,
    `/api/service-points/${w.open.id}?depth=1`,
    `/api/manuals/${w.published[0].id}?depth=0&draft=true`,
    `/api/manuals/${w.published[0].id}?depth=0&select[title]=true`,
    `/api/manuals/${w.published[0].id}?depth=0&locale=en`,
    `/api/manuals/${w.published[0].id}?depth=0&joins[servicePoints]=false`,
    `/api/manuals/${w.published[0].id}?depth=0&depth=0`,
    `/api/manuals/${w.published[0].id}/?depth=0`,
    `/api/manuals?where[agency][equals]=${agency}&depth=0&sort=title`,
    `/api/manuals?where[agency][equals]=${agency}&depth=0&limit=0`,
    `/api/manuals?where[agency][equals]=${agency}&depth=0&limit=101`,
    `/api/manuals?where[agency][equals]=${agency}&depth=0&page=0`,
    `/api/manuals?where[agency][equals]=${agency}&depth=0&pagination=false`,
    `/api/manuals?where[agency][equals]=abc&depth=0`,
    `/api/manuals?where[agency][in]=${agency}&depth=0`,
    `/api/manuals?where[title][equals]=x&depth=0`,
    `/api/manuals?where[agency][equals]=${agency}&where[process][equals]=${w.process.id}&depth=0`,
    `/api/agencies?where[kind][equals]=planet&depth=0`,
    `/api/survey-question-sets?depth=0`, // sorted by version, not createdAt
    `/api/users/1?depth=0`,
    `/api/site-search?q=x&depth=0`,
  ]) {
    await expectFallsThrough(path)
  }
  // PUBLIC_SNAPSHOTS=off turns the fast path off.
  process.env.PUBLIC_SNAPSHOTS = 'off'
  try {
    await expectFallsThrough(`/api/manuals/${w.published[0].id}?depth=0`)
  } finally {
    delete process.env.PUBLIC_SNAPSHOTS
  }
})

it('revalidates with the ETag: 304 on If-None-Match', async () => {
  const path = `/api/manuals/${w.published[0].id}?depth=0`
  const first = await get(path)
  expect(first.headers.get('cache-control')).toContain('must-revalidate')
  const again = await get(path, { 'If-None-Match': first.headers.get('etag')! })
  expect(again.status).toBe(304)
  expect(again.headers.get('x-cache')).toBe('SNAPSHOT')
})

it('follows publish, unpublish, hide and delete, including the answers that depend on them', async () => {
  const agencyList = `/api/manuals?where[agency][equals]=${w.department.id}&limit=100&depth=0`
  // Publish the draft: its page, the agency's list and the open point's pins now show it.
  await t.payload.update({
    collection: 'manuals',
    id: w.draft.id,
    data: { workflowState: 'published', _status: 'published', publishedAt: new Date().toISOString() } as never,
    ...SYSTEM,
  })
  const published = await expectServedSame(`/api/manuals/${w.draft.id}?depth=0`)
  expect(published.servicePoints.docs).toEqual([w.open.id])
  expect((await expectServedSame(`/api/service-points/${w.open.id}?depth=0`)).manuals).toContain(w.draft.id)
  expect((await expectServedSame(agencyList)).totalDocs).toBe(7)

  // Unpublish a manual: gone from its page, the list and the pins.
  await t.payload.update({ collection: 'manuals', id: w.published[0].id, data: { _status: 'draft' } as never, ...SYSTEM })
  expect((await expectFallsThrough(`/api/manuals/${w.published[0].id}?depth=0`)).status).toBe(404)
  const open = await expectServedSame(`/api/service-points/${w.open.id}?depth=0`)
  expect(open.manuals).not.toContain(w.published[0].id)
  expect(open.pinDetails).toEqual([expect.objectContaining({ manual: w.draft.id })])
  expect((await expectServedSame(agencyList)).totalDocs).toBe(6)

  // Hide the open point: gone from its province, and from the joins of the manuals it pins.
  await t.payload.update({ collection: 'service-points', id: w.open.id, data: { visible: false } as never, ...SYSTEM })
  await expectFallsThrough(`/api/service-points/${w.open.id}?depth=0`)
  await expectServedSame(`/api/service-points?where[province][equals]=${encodeURIComponent('เชียงใหม่')}&depth=0`)
  expect((await expectServedSame(`/api/manuals/${w.inReview.id}?depth=0`)).servicePoints.docs).toEqual([])
  // ... and back: a point newly pinning a manual shows in its join.
  await t.payload.update({ collection: 'service-points', id: w.open.id, data: { visible: true, manuals: [w.published[0].id, w.draft.id, w.published[2].id] } as never, ...SYSTEM })
  expect((await expectServedSame(`/api/manuals/${w.published[2].id}?depth=0`)).servicePoints.docs).toEqual([w.open.id])
  expect((await expectServedSame(`/api/manuals/${w.inReview.id}?depth=0`)).servicePoints.docs).toEqual([])

  // Close the Lamphun point, then delete a manual it pinned and a tag a process names.
  await t.payload.update({ collection: 'service-points', id: w.lamphun.id, data: { status: 'closed' } as never, ...SYSTEM })
  await expectFallsThrough(`/api/service-points/${w.lamphun.id}?depth=0`)
  expect((await expectServedSame(`/api/service-points?where[province][equals]=${encodeURIComponent('ลำพูน')}&depth=0`)).totalDocs).toBe(0)
  await t.payload.delete({ collection: 'manuals', id: w.published[2].id, ...SYSTEM })
  expect((await expectFallsThrough(`/api/manuals/${w.published[2].id}?depth=0`)).status).toBe(404)
  expect((await expectServedSame(`/api/service-points/${w.open.id}?depth=0`)).manuals).toEqual([w.draft.id])
  await t.payload.delete({ collection: 'tags', id: w.tagB.id, ...SYSTEM })
  expect((await expectServedSame(`/api/processes/${w.process.id}?depth=0`)).tags).toEqual([w.tagA.id])
  await expectServedSame(`/api/tags?depth=0`)
  await expectServedSame(agencyList)

  // Renaming a ministry re-saves its departments (nested-docs breadcrumbs carry the name).
  await t.payload.update({ collection: 'agencies', id: w.ministry.id, data: { name: 'กระทรวงที่เปลี่ยนชื่อ' } as never, ...SYSTEM })
  const department = await expectServedSame(`/api/agencies/${w.department.id}?depth=0`)
  expect(department.breadcrumbs[0].label).toBe('กระทรวงที่เปลี่ยนชื่อ')
})

it('keeps the snapshot of a rolled-back write', async () => {
  const path = `/api/manuals/${w.published[3].id}?depth=0`
  const before = await expectServedSame(path)
  const transactionID = (await t.payload.db.beginTransaction!())!
  await t.payload.update({
    collection: 'manuals',
    id: w.published[3].id,
    data: { title: 'ชื่อที่ไม่ได้บันทึก', _status: 'draft' } as never,
    ...SYSTEM,
    req: { transactionID } as never,
  })
  await t.payload.db.rollbackTransaction(transactionID)
  expect((await expectServedSame(path)).title).toBe(before.title)
})

it('gets concurrent publishes of manuals pinned by one point right', async () => {
  const point = await createServicePoint(t, w.department.id, { name: 'จุดพร้อมกัน' })
  const drafts = await Promise.all([0, 1, 2].map((i) => createDraftManual(t, w.process.id, w.department.id, { title: `ร่างพร้อมกัน ${i}` })))
  await t.payload.update({ collection: 'service-points', id: point.id, data: { manuals: drafts.map((d) => d.id) } as never, ...SYSTEM })
  expect((await expectServedSame(`/api/service-points/${point.id}?depth=0`)).manuals).toEqual([])
  await Promise.all(
    drafts.map((d) =>
      t.payload.update({
        collection: 'manuals',
        id: d.id,
        data: { workflowState: 'published', _status: 'published', publishedAt: new Date().toISOString() } as never,
        ...SYSTEM,
      }),
    ),
  )
  expect((await expectServedSame(`/api/service-points/${point.id}?depth=0`)).manuals).toEqual(drafts.map((d) => d.id))
})

const png = (name: string) => ({
  data: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
  mimetype: 'image/png',
  name,
  size: 68,
})

it('answers a manual at depth=1 (populated process, agency, form files and pinned points) as Payload does, through every change they see', async () => {
  const { department } = await createAgencyTree(t, 'ลึกหนึ่ง')
  const tag = await t.payload.create({ collection: 'tags', data: { name: 'ป้ายลึก', type: 'tag' } as never, ...SYSTEM })
  const process = await createProcess(t, department.id, { tags: [tag.id], commonNames: ['ชื่อลึก'] })
  const files = await Promise.all(
    ['form-a.png', 'form-b.png'].map((name) =>
      t.payload.create({ collection: 'media', data: { alt: 'แบบฟอร์ม', agency: department.id } as never, file: png(name), ...SYSTEM }),
    ),
  )
  const forms = [{ title: 'แบบคำขอ', file: files[0].id }, { title: 'แบบแนบ', file: files[1].id }, { title: 'ไม่มีไฟล์' }]
  const manual = await createPublishedManual(t, process.id, department.id, { title: 'คู่มือลึก', forms })
  const sibling = await createPublishedManual(t, process.id, department.id, { title: 'คู่มือลึกอีกฉบับ' })
  const draft = await createDraftManual(t, process.id, department.id, { title: 'คู่มือลึกร่าง' })
  const pins = { manuals: [manual.id, draft.id] }
  const open = await createServicePoint(t, department.id, { name: 'จุดลึกเปิด', location: { lat: 18.79, lng: 98.98 }, ...pins })
  const second = await createServicePoint(t, department.id, { name: 'จุดลึกสอง', phone: '053-111-111', ...pins })
  const hidden = await createServicePoint(t, department.id, { name: 'จุดลึกซ่อน', visible: false, ...pins })
  const closed = await createServicePoint(t, department.id, { name: 'จุดลึกปิด', status: 'closed', ...pins })
  const path = `/api/manuals/${manual.id}?depth=1`
  const points = (doc: { servicePoints: { docs: Array<{ id: number }> } }) => doc.servicePoints.docs.map((d) => d.id)

  const first = await expectServedSame(path)
  await expectServedSame(`${path}&joins=false`)
  await expectServedSame(`/api/manuals/${sibling.id}?depth=1`)
  expect(first.process).toMatchObject({ id: process.id, name: process.name })
  expect(first.agency).toMatchObject({ id: department.id })
  expect(first.forms.map((f: { file?: { id: number } | null }) => f.file?.id ?? f.file)).toEqual([files[0].id, files[1].id, null])
  expect(points(first).sort()).toEqual([open.id, second.id].sort())
  expect(first.servicePoints.docs[0]).toHaveProperty('name')
  // A draft has no public page at any depth.
  expect((await expectFallsThrough(`/api/manuals/${draft.id}?depth=1`)).status).toBe(404)

  // What it populates changes: each is seen at once.
  await t.payload.update({ collection: 'agencies', id: department.id, data: { name: 'กรมลึกเปลี่ยนชื่อ' } as never, ...SYSTEM })
  expect((await expectServedSame(path)).agency.name).toBe('กรมลึกเปลี่ยนชื่อ')
  await t.payload.update({ collection: 'processes', id: process.id, data: { name: 'กระบวนงานลึกใหม่', commonNames: ['อีกชื่อ'] } as never, ...SYSTEM })
  expect((await expectServedSame(path)).process).toMatchObject({ name: 'กระบวนงานลึกใหม่', commonNames: ['อีกชื่อ'] })
  await t.payload.update({ collection: 'processes', id: process.id, data: { legalBasis: 'ไม่แสดงในคู่มือ' } as never, ...SYSTEM })
  await expectServedSame(path)
  await t.payload.update({ collection: 'tags', id: tag.id, data: { name: 'ป้ายลึกใหม่' } as never, ...SYSTEM })
  await expectServedSame(path)
  await t.payload.delete({ collection: 'tags', id: tag.id, ...SYSTEM })
  await expectServedSame(path)
  await t.payload.update({ collection: 'media', id: files[0].id, data: { alt: 'คำอธิบายใหม่' } as never, ...SYSTEM })
  expect((await expectServedSame(path)).forms[0].file.alt).toBe('คำอธิบายใหม่')
  await t.payload.delete({ collection: 'media', id: files[1].id, ...SYSTEM })
  expect((await expectServedSame(path)).forms[1].file ?? null).toBeNull()

  // Pinned points: renamed, hidden, closed, shown again, unpinned, deleted.
  await t.payload.update({ collection: 'service-points', id: second.id, data: { name: 'จุดลึกสองใหม่' } as never, ...SYSTEM })
  expect((await expectServedSame(path)).servicePoints.docs.find((d: { id: number }) => d.id === second.id).name).toBe('จุดลึกสองใหม่')
  await t.payload.update({ collection: 'service-points', id: open.id, data: { visible: false } as never, ...SYSTEM })
  expect(points(await expectServedSame(path))).toEqual([second.id])
  await t.payload.update({ collection: 'service-points', id: second.id, data: { status: 'closed' } as never, ...SYSTEM })
  expect(points(await expectServedSame(path))).toEqual([])
  await t.payload.update({ collection: 'service-points', id: hidden.id, data: { visible: true } as never, ...SYSTEM })
  await t.payload.update({ collection: 'service-points', id: closed.id, data: { status: 'active' } as never, ...SYSTEM })
  expect(points(await expectServedSame(path)).sort()).toEqual([hidden.id, closed.id].sort())
  await t.payload.update({ collection: 'service-points', id: hidden.id, data: { manuals: [draft.id, sibling.id] } as never, ...SYSTEM })
  expect(points(await expectServedSame(path))).toEqual([closed.id])
  expect(points(await expectServedSame(`/api/manuals/${sibling.id}?depth=1`))).toEqual([hidden.id])
  await t.payload.delete({ collection: 'service-points', id: closed.id, ...SYSTEM })
  expect(points(await expectServedSame(path))).toEqual([])

  // Unpublished: no depth-1 page either; published again: back.
  await t.payload.update({ collection: 'manuals', id: manual.id, data: { _status: 'draft' } as never, ...SYSTEM })
  expect((await expectFallsThrough(path)).status).toBe(404)
  await t.payload.update({
    collection: 'manuals',
    id: manual.id,
    data: { workflowState: 'published', _status: 'published', publishedAt: new Date().toISOString() } as never,
    ...SYSTEM,
  })
  await expectServedSame(path)
})

it('marks depth-1 bodies stale when a change names more than it recomputes in the transaction, and refreshes them on read', async () => {
  const { department } = await createAgencyTree(t, 'ลึกสอง')
  const process = await createProcess(t, department.id)
  const manuals = [] as Array<{ id: number }>
  for (let i = 0; i < 3; i++) manuals.push((await createPublishedManual(t, process.id, department.id, { title: `คู่มือค้าง ${i}` })) as never)
  for (const m of manuals) await expectServedSame(`/api/manuals/${m.id}?depth=1`)
  process_env_inline('2')
  try {
    await t.payload.update({ collection: 'agencies', id: department.id, data: { name: 'กรมที่ค้าง' } as never, ...SYSTEM })
  } finally {
    process_env_inline(undefined)
  }
  const refreshed = t.server.publicSnapshots.stats.refreshed
  for (const m of manuals) {
    // Stale: Payload answers (with the new name), and the body is recomputed in the background.
    const res = await expectFallsThrough(`/api/manuals/${m.id}?depth=1`)
    expect(JSON.parse(res.text).agency.name).toBe('กรมที่ค้าง')
    // The depth-0 page never depended on the agency's name.
    await expectServedSame(`/api/manuals/${m.id}?depth=0`)
  }
  for (let i = 0; i < 100 && t.server.publicSnapshots.stats.refreshed < refreshed + manuals.length; i++) await new Promise((r) => setTimeout(r, 50))
  for (const m of manuals) expect((await expectServedSame(`/api/manuals/${m.id}?depth=1`)).agency.name).toBe('กรมที่ค้าง')
})

const process_env_inline = (value: string | undefined) => {
  if (value === undefined) delete process.env.PUBLIC_SNAPSHOTS_DEPTH1_INLINE
  else process.env.PUBLIC_SNAPSHOTS_DEPTH1_INLINE = value
}

it('rebuilds to exactly what the writes left, and drops rows of documents removed by SQL', async () => {
  const before = await snapshotRows()
  expect(before.length).toBeGreaterThan(10)
  const report = await rebuildPublicSnapshots(t.payload, { batchSize: 3 })
  expect(report.manuals.docs).toBe(before.filter((r) => r.collection === 'manuals').length)
  expect(await snapshotRows()).toEqual(before)

  // A row whose document went away behind Payload's back is dropped by the next rebuild.
  const client = new pg.Client({ connectionString: workerDatabaseUrl() })
  await client.connect()
  try {
    await client.query('DELETE FROM other_services WHERE id = $1', [w.otherPublished.id])
  } finally {
    await client.end()
  }
  await rebuildPublicSnapshots(t.payload, { collections: ['other-services'] })
  await expectFallsThrough(`/api/other-services/${w.otherPublished.id}?depth=0`)
  await expectServedSame(`/api/other-services?depth=0`)
})
