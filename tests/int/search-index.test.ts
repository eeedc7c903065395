/** The site-search index follows publish, drafts, unpublish, hide and delete; the endpoint filters and pages. */
import { createLocalReq } from 'payload'

import { reindexAll } from '../../src/search/documents'
import { searchPool } from '../../src/search/schema'
import { createAgencyTree, createDraftManual, createProcess, createPublishedManual, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const

let t: TestServer
let anon: ReturnType<typeof api>
beforeAll(async () => {
  t = await startTestServer()
  anon = api(t.baseUrl)
})
afterAll(async () => {
  await t?.close()
})

type Hit = { id: number; type: string; title: string; agency: { id: number; name: string } | null; snippet: string; score: number }
const search = async (query: Record<string, string | number>) => {
  const res = await anon.get<{ docs: Hit[]; totalDocs: number; page: number; limit: number }>(
    `/api/site-search?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
  )
  expect(res.status).toBe(200)
  return res.body
}
const idsOf = (body: { docs: Hit[] }, type = 'manual') => body.docs.filter((d) => d.type === type).map((d) => d.id)
const indexRows = async (relationTo: string, id: number | string) =>
  (
    await t.payload.find({
      collection: 'search' as never,
      where: { and: [{ 'doc.relationTo': { equals: relationTo } }, { 'doc.value': { equals: id } }] },
      overrideAccess: true,
    })
  ).docs as Array<Record<string, any>>

describe('manuals', () => {
  it('indexes a published manual with its common names, and answers in the contract shape', async () => {
    const { department } = await createAgencyTree(t, 'โยธา')
    const process = await createProcess(t, department.id, {
      name: 'การขออนุญาตก่อสร้างอาคาร',
      commonNames: ['ขอใบอนุญาตสร้างบ้าน'],
    })
    const manual = await createPublishedManual(t, process.id, department.id, { title: 'การขออนุญาตก่อสร้างอาคาร ดัดแปลงอาคาร' })
    const body = await search({ q: 'ขอใบอนุญาตสร้างบ้าน' })
    expect(body.docs[0]).toMatchObject({
      id: manual.id,
      type: 'manual',
      title: 'การขออนุญาตก่อสร้างอาคาร ดัดแปลงอาคาร',
      agency: { id: department.id, name: department.name },
    })
    expect(typeof body.docs[0].snippet).toBe('string')
    expect(body.docs[0].score).toBeGreaterThan(0)
    expect(body).toMatchObject({ page: 1, limit: 10 })
    expect(body.totalDocs).toBeGreaterThanOrEqual(1)
  })

  it('never indexes a draft, and keeps the published text while a revision is in review', async () => {
    const { department } = await createAgencyTree(t, 'ทะเบียน')
    const process = await createProcess(t, department.id, { name: 'การจดทะเบียนสมรส' })
    const draft = await createDraftManual(t, process.id, department.id, { title: 'การจดทะเบียนสมรส (ร่าง)' })
    expect(await indexRows('manuals', draft.id)).toHaveLength(0)
    expect(idsOf(await search({ q: 'จดทะเบียนสมรส' }))).not.toContain(draft.id)

    const published = await createPublishedManual(t, process.id, department.id, { title: 'การขอคัดสำเนาทะเบียนบ้าน' })
    await t.payload.update({
      collection: 'manuals',
      id: published.id,
      data: { title: 'การขอคัดสำเนาทะเบียนบ้านฉบับปรับปรุงใหม่ล่าสุด', workflowState: 'pending-review', _status: 'draft' } as never,
      draft: true,
      ...SYSTEM,
    })
    const rows = await indexRows('manuals', published.id)
    expect(rows).toHaveLength(1)
    expect(rows[0].title).toBe('การขอคัดสำเนาทะเบียนบ้าน')
    expect(idsOf(await search({ q: 'คัดสำเนาทะเบียนบ้าน' }))).toContain(published.id)
    expect(idsOf(await search({ q: 'ฉบับปรับปรุงใหม่ล่าสุด' }))).not.toContain(published.id)

    // Publishing the revision replaces the indexed text.
    await t.payload.update({
      collection: 'manuals',
      id: published.id,
      data: { workflowState: 'published', _status: 'published' } as never,
      ...SYSTEM,
    })
    expect((await indexRows('manuals', published.id))[0].title).toBe('การขอคัดสำเนาทะเบียนบ้านฉบับปรับปรุงใหม่ล่าสุด')
  })

  it('drops a manual that is unpublished or deleted', async () => {
    const { department } = await createAgencyTree(t, 'พาณิชย์')
    const process = await createProcess(t, department.id, { name: 'การจดทะเบียนพาณิชย์', commonNames: ['จดทะเบียนร้านค้า'] })
    const manual = await createPublishedManual(t, process.id, department.id, { title: 'การจดทะเบียนพาณิชย์' })
    expect(idsOf(await search({ q: 'ทะเบียน พาณิชย์' }))).toContain(manual.id)
    await t.payload.update({ collection: 'manuals', id: manual.id, data: { _status: 'draft', workflowState: 'draft' } as never, ...SYSTEM })
    expect(await indexRows('manuals', manual.id)).toHaveLength(0)
    expect(idsOf(await search({ q: 'ทะเบียน พาณิชย์' }))).not.toContain(manual.id)

    const other = await createPublishedManual(t, process.id, department.id, { title: 'การจดทะเบียนพาณิชย์ (เปลี่ยนแปลง)' })
    expect(await indexRows('manuals', other.id)).toHaveLength(1)
    await t.payload.delete({ collection: 'manuals', id: other.id, ...SYSTEM })
    expect(await indexRows('manuals', other.id)).toHaveLength(0)
  })

  it('follows a change of the process common names', async () => {
    const { department } = await createAgencyTree(t, 'สวัสดิการ')
    const process = await createProcess(t, department.id, { name: 'การลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ' })
    const manual = await createPublishedManual(t, process.id, department.id, { title: 'การลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ' })
    expect(idsOf(await search({ q: 'บำนาญชราภาพ' }))).not.toContain(manual.id)
    await t.payload.update({ collection: 'processes', id: process.id, data: { commonNames: ['บำนาญชราภาพ'] } as never, ...SYSTEM })
    expect(idsOf(await search({ q: 'บำนาญชราภาพ' }))[0]).toBe(manual.id)
  })
})

describe('service points, other services and agencies', () => {
  it('removes a service point while it is hidden or closed', async () => {
    const { department } = await createAgencyTree(t, 'ปกครอง')
    const point = await createServicePoint(t, department.id, { name: 'ที่ว่าการอำเภอแม่ริม', province: 'เชียงใหม่' })
    expect(idsOf(await search({ q: 'อำเภอแม่ริม' }), 'service-point')).toContain(point.id)
    await t.payload.update({ collection: 'service-points', id: point.id, data: { visible: false } as never, ...SYSTEM })
    expect(idsOf(await search({ q: 'อำเภอแม่ริม' }), 'service-point')).not.toContain(point.id)
    await t.payload.update({ collection: 'service-points', id: point.id, data: { visible: true } as never, ...SYSTEM })
    expect(idsOf(await search({ q: 'อำเภอแม่ริม' }), 'service-point')).toContain(point.id)
    await t.payload.update({ collection: 'service-points', id: point.id, data: { status: 'closed' } as never, ...SYSTEM })
    expect(await indexRows('service-points', point.id)).toHaveLength(0)
    const hidden = await createServicePoint(t, department.id, { name: 'ห้องทดสอบระบบแม่ริม', visible: false })
    expect(await indexRows('service-points', hidden.id)).toHaveLength(0)
  })

  it('indexes only published other services, and agencies by name', async () => {
    const { ministry, department } = await createAgencyTree(t, 'สาธารณสุข')
    const draft = await t.payload.create({
      collection: 'other-services',
      data: { title: 'บริการจัดเก็บขยะชิ้นใหญ่', agency: department.id, description: 'นัดหมายจัดเก็บขยะ', _status: 'draft' } as never,
      draft: true,
      ...SYSTEM,
    })
    expect(idsOf(await search({ q: 'ขยะชิ้นใหญ่' }), 'other-service')).not.toContain(draft.id)
    await t.payload.update({ collection: 'other-services', id: draft.id, data: { _status: 'published' } as never, ...SYSTEM })
    expect(idsOf(await search({ q: 'ขยะชิ้นใหญ่' }), 'other-service')).toContain(draft.id)
    const agencies = await search({ q: department.name, type: 'agency' })
    expect(agencies.docs[0]).toMatchObject({ id: department.id, type: 'agency' })
    expect(agencies.docs.every((d) => d.type === 'agency')).toBe(true)
    expect(idsOf(agencies, 'agency')).toContain(department.id)
    expect(ministry.id).not.toBe(department.id)
  })
})

describe('filters, pages and bad input', () => {
  let ministry: any
  let department: any
  let otherDepartment: any
  let parentTag: any
  let inCnx: any
  let inBkk: any
  beforeAll(async () => {
    ;({ ministry, department } = await createAgencyTree(t, 'กรองผล'))
    ;({ department: otherDepartment } = await createAgencyTree(t, 'อื่น'))
    parentTag = await t.payload.create({ collection: 'tags', data: { name: 'ธุรกิจและการค้า', type: 'service-category' } as never, ...SYSTEM })
    const childTag = await t.payload.create({
      collection: 'tags',
      data: { name: 'ร้านค้า', type: 'tag', parent: parentTag.id } as never,
      ...SYSTEM,
    })
    const p1 = await createProcess(t, department.id, { name: 'การขออนุญาตจำหน่ายสินค้าในที่สาธารณะ', tags: [childTag.id] })
    const p2 = await createProcess(t, otherDepartment.id, { name: 'การขออนุญาตจำหน่ายสินค้าริมทาง' })
    inCnx = await createPublishedManual(t, p1.id, department.id, { title: 'การขออนุญาตจำหน่ายสินค้าในที่สาธารณะ' })
    inBkk = await createPublishedManual(t, p2.id, otherDepartment.id, { title: 'การขออนุญาตจำหน่ายสินค้าริมทาง' })
    await createServicePoint(t, department.id, { name: 'ศูนย์บริการร่วม', province: 'เชียงใหม่', manuals: [inCnx.id] })
  })

  it('filters by agency including its sub-units', async () => {
    const byMinistry = await search({ q: 'จำหน่ายสินค้า', agency: ministry.id })
    expect(idsOf(byMinistry)).toEqual([inCnx.id])
    expect(idsOf(await search({ q: 'จำหน่ายสินค้า', agency: otherDepartment.id }))).toEqual([inBkk.id])
  })

  it('filters by province (where the manual is offered) and by tag including sub-tags', async () => {
    expect(idsOf(await search({ q: 'จำหน่ายสินค้า', province: 'เชียงใหม่' }))).toEqual([inCnx.id])
    // A manual no service point pins is found in its agency's province.
    expect(idsOf(await search({ q: 'จำหน่ายสินค้า', province: 'กรุงเทพมหานคร' }))).toEqual([inBkk.id])
    expect(idsOf(await search({ q: 'จำหน่ายสินค้า', tag: parentTag.id }))).toEqual([inCnx.id])
  })

  it('filters by type and pages through the results', async () => {
    const all = await search({ q: 'จำหน่ายสินค้า', type: 'manual' })
    expect(all.totalDocs).toBe(2)
    const first = await search({ q: 'จำหน่ายสินค้า', type: 'manual', limit: 1, page: 1 })
    const second = await search({ q: 'จำหน่ายสินค้า', type: 'manual', limit: 1, page: 2 })
    expect(first).toMatchObject({ totalDocs: 2, page: 1, limit: 1 })
    expect(second).toMatchObject({ totalDocs: 2, page: 2, limit: 1 })
    expect([...idsOf(first), ...idsOf(second)].sort()).toEqual([inCnx.id, inBkk.id].sort())
    expect((await search({ q: 'จำหน่ายสินค้า', type: 'manual', limit: 1, page: 3 })).docs).toEqual([])
  })

  it('answers 400 with a bilingual field error for bad parameters', async () => {
    for (const [query, path] of [
      ['type=bogus', 'type'],
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
      ['page=abc', 'page'],
      ['agency=x', 'agency'],
      ['province=Atlantis', 'province'],
      [`q=${'ก'.repeat(300)}`, 'q'],
    ]) {
      const res = await anon.get(`/api/site-search?${query}`)
      expect(res.status).toBe(400)
      const error = res.body.errors[0]
      expect(error.data.errors[0].path).toBe(path)
      expect(error.data.errors[0].message).toMatch(/[ก-๙].*\(.*[A-Za-z]/)
    }
  })

  it('answers a citizen from Express exactly as Payload’s endpoint answers, filters and officers included', async () => {
    const { handleEndpoints } = await import('payload')
    const { default: config } = await import('../../src/payload.config')
    const officer = await createOfficer(t, { roles: ['central-officer'], agency: department.id })
    for (const query of [
      `q=${encodeURIComponent('จำหน่ายสินค้า')}&agency=${ministry.id}`,
      `q=${encodeURIComponent('จำหน่ายสินค้า')}&province=${encodeURIComponent('เชียงใหม่')}&tag=${parentTag.id}`,
      `q=${encodeURIComponent('จำหน่ายสินค้า')}&type=manual&limit=1&page=2`,
      'type=service-point',
    ]) {
      const viaExpress = await anon.get(`/api/site-search?${query}`)
      expect(viaExpress.status).toBe(200)
      const viaPayload = await handleEndpoints({ config, request: new Request(`${t.baseUrl}/api/site-search?${query}`) })
      expect(viaPayload.status).toBe(200)
      expect(viaExpress.body).toEqual(await viaPayload.json())
      // An officer's search runs through Payload's endpoint, as that officer.
      const asOfficer = await officer.api.get(`/api/site-search?${query}`)
      expect(asOfficer.body).toEqual(viaExpress.body)
    }
  })

  it('keeps its index rows read-only for officers and the public', async () => {
    const rows = await t.payload.find({ collection: 'search' as never, limit: 1, overrideAccess: true })
    const res = await anon.patch(`/api/search/${rows.docs[0].id}`, { title: 'แก้ไข' })
    expect([401, 403]).toContain(res.status)
    expect((await anon.post('/api/search', { title: 'x' })).status).toBe(403)
  })
})

it('rebuilds the whole index from the published documents', async () => {
  const pool = searchPool(t.payload)
  const before = (await pool.query('SELECT count(*)::int AS n FROM search')).rows[0].n
  await pool.query(`DELETE FROM search WHERE id IN (SELECT id FROM search ORDER BY id LIMIT 3)`)
  await pool.query(`UPDATE search SET title = 'stale'`)
  const orphansBefore = await pool.query('SELECT count(*)::int AS n FROM search_heads h WHERE NOT EXISTS (SELECT 1 FROM search s WHERE s.head_key = h.head_key)')
  expect(orphansBefore.rows[0].n).toBeGreaterThan(0)
  const req = await createLocalReq({ context: { systemWrite: true } }, t.payload)
  const written = await reindexAll(t.payload, req)
  const after = (await pool.query('SELECT count(*)::int AS n, count(*) FILTER (WHERE title = $1)::int AS stale FROM search', ['stale'])).rows[0]
  expect(after.n).toBe(before)
  expect(after.stale).toBe(0)
  expect(Object.values(written).reduce((a, b) => a + b, 0)).toBe(before)
  // Heads left by unpublished and deleted documents are gone; every remaining head is used.
  const orphans = await pool.query('SELECT count(*)::int AS n FROM search_heads h WHERE NOT EXISTS (SELECT 1 FROM search s WHERE s.head_key = h.head_key)')
  expect(orphans.rows[0].n).toBe(0)
})
