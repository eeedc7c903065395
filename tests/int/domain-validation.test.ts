/**
 * Catalogue data over REST as a system admin: valid create and update for each collection, and
 * each validation error as a 400 with a field path and a Thai + English message.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createAgencyTree, createDraftManual, createProcess, completeManualData } from '../helpers/fixtures'
import { createOfficer, startTestServer, type TestServer } from '../helpers/server'
import { lexicalFromParagraphs } from '../../src/lib/lexical'

let t: TestServer
let adminOfficer: Awaited<ReturnType<typeof createOfficer>>
let admin: Awaited<ReturnType<typeof createOfficer>>['api']
let tree: Awaited<ReturnType<typeof createAgencyTree>>

beforeAll(async () => {
  // Uploaded test files go to a throwaway folder, not the checkout's media/.
  t = await startTestServer({ env: { MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'infogo-media-')) } })
  adminOfficer = await createOfficer(t, { roles: ['system-admin'] })
  admin = adminOfficer.api
  tree = await createAgencyTree(t, 'ตรวจ')
})
afterAll(async () => {
  await t?.close()
})

type Res = { status: number; body: any }
/** The field errors of a 400: [{ path, message }]. */
const fieldErrors = (res: Res): Array<{ path: string; message: string }> => {
  expect(res.status).toBe(400)
  return res.body.errors[0].data.errors
}
/** Asserts a 400 naming `path`, with a Thai message followed by its English in brackets. */
function expectFieldError(res: Res, path: string, english?: RegExp) {
  const errors = fieldErrors(res)
  const error = errors.find((e) => e.path === path)
  expect({ paths: errors.map((e) => e.path), found: Boolean(error) }).toEqual({ paths: expect.arrayContaining([path]), found: true })
  expect(error!.message).toMatch(/[\u0E00-\u0E7F].*\(.+\)$/)
  if (english) expect(error!.message).toMatch(english)
}

describe('agencies', () => {
  it('creates and updates a department under a ministry', async () => {
    const created = await admin.post('/api/agencies', { name: 'กรมทดสอบใหม่', nameEn: 'Test Department', kind: 'department', parent: tree.ministry.id, province: 'นนทบุรี', code: 'NEW-1' })
    expect(created.status).toBe(201)
    expect(created.body.doc.breadcrumbs.map((b: any) => b.label)).toEqual([tree.ministry.name, 'กรมทดสอบใหม่'])
    const updated = await admin.patch(`/api/agencies/${created.body.doc.id}`, { website: 'https://example.go.th', province: 'ปทุมธานี' })
    expect(updated.status).toBe(200)
    expect(updated.body.doc).toMatchObject({ website: 'https://example.go.th', province: 'ปทุมธานี' })
  })

  it('refuses an unknown province, an empty name and a ministry with a parent', async () => {
    expectFieldError(await admin.post('/api/agencies', { name: 'กรมก', kind: 'department', province: 'Bangkok' }), 'province', /Unknown province "Bangkok"/)
    expectFieldError(await admin.post('/api/agencies', { name: '  ', kind: 'department' }), 'name', /"Name \(Thai\)" is required/)
    expectFieldError(await admin.post('/api/agencies', { name: 'กระทรวงซ้อน', kind: 'ministry', parent: tree.ministry.id }), 'kind', /A ministry has no parent/)
  })

  it('refuses a parent that would make a cycle', async () => {
    const child = await admin.post('/api/agencies', { name: 'กองย่อย', kind: 'department', parent: tree.department.id })
    expectFieldError(await admin.patch(`/api/agencies/${tree.department.id}`, { parent: child.body.doc.id }), 'parent', /cycle/)
    expectFieldError(await admin.patch(`/api/agencies/${tree.department.id}`, { parent: tree.department.id }), 'parent', /cycle/)
  })
})

describe('service points', () => {
  const base = () => ({ name: 'จุดบริการตรวจสอบ', agency: tree.department.id, province: 'เชียงใหม่' })

  it('creates a point with address, hours and pins, then updates it', async () => {
    const process = await createProcess(t, tree.department.id)
    const manual = await createDraftManual(t, process.id, tree.department.id)
    const created = await admin.post('/api/service-points', {
      ...base(),
      district: 'เมืองเชียงใหม่',
      subdistrict: 'ศรีภูมิ',
      location: { lat: 18.79, lng: 98.98 },
      openingHours: [{ day: 'mon', opens: '08:30', closes: '16:30' }],
      manuals: [manual.id],
      pinDetails: [{ manual: manual.id, hours: 'จันทร์ 08:30-12:00', phone: '053-111-222', feeNote: 'ค่าคัดสำเนา 20 บาท' }],
    })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ visible: true, status: 'active', location: { lat: 18.79, lng: 98.98 } })
    const updated = await admin.patch(`/api/service-points/${created.body.doc.id}`, { status: 'closed', phone: '053-999-999' })
    expect(updated.status).toBe(200)
    expect(updated.body.doc).toMatchObject({ status: 'closed', phone: '053-999-999' })
    // The detail row stays valid on a partial update: the pins come from the stored document.
    expect(updated.body.doc.pinDetails).toHaveLength(1)
  })

  it('refuses impossible coordinates and half a coordinate', async () => {
    expectFieldError(await admin.post('/api/service-points', { ...base(), location: { lat: 95, lng: 98.9 } }), 'location.lat', /within Thailand/)
    expectFieldError(await admin.post('/api/service-points', { ...base(), location: { lat: 13.7, lng: 200 } }), 'location.lng', /within Thailand/)
    expectFieldError(await admin.post('/api/service-points', { ...base(), location: { lat: 13.7 } }), 'location.lng', /together with the latitude/)
  })

  it('refuses an unknown province, district or subdistrict', async () => {
    expectFieldError(await admin.post('/api/service-points', { ...base(), province: 'เชียงใหม' }), 'province', /Unknown province/)
    expectFieldError(await admin.post('/api/service-points', { ...base(), district: 'บางรัก' }), 'district', /not a district of this province/)
    expectFieldError(await admin.post('/api/service-points', { ...base(), district: 'เมืองเชียงใหม่', subdistrict: 'สีลม' }), 'subdistrict', /not a subdistrict/)
  })

  it('refuses an empty name, a missing agency and closing before opening', async () => {
    expectFieldError(await admin.post('/api/service-points', { ...base(), name: '' }), 'name', /is required/)
    expectFieldError(await admin.post('/api/service-points', { ...base(), agency: undefined }), 'agency', /Agency is required|"Agency" is required/)
    expectFieldError(await admin.post('/api/service-points', { ...base(), openingHours: [{ day: 'tue', opens: '16:00', closes: '09:00' }] }), 'openingHours.0.closes', /after opening/)
  })

  it('refuses per-location details for a manual that is not pinned, or twice for one manual', async () => {
    const process = await createProcess(t, tree.department.id)
    const pinned = await createDraftManual(t, process.id, tree.department.id)
    const other = await createDraftManual(t, process.id, tree.department.id)
    expectFieldError(
      await admin.post('/api/service-points', { ...base(), manuals: [pinned.id], pinDetails: [{ manual: other.id, phone: '1' }] }),
      'pinDetails.0.manual',
      /not pinned/,
    )
    expectFieldError(
      await admin.post('/api/service-points', { ...base(), manuals: [pinned.id], pinDetails: [{ manual: pinned.id }, { manual: pinned.id }] }),
      'pinDetails.1.manual',
      /already has details/,
    )
    // Unpinning a manual that still has details is refused too.
    const point = await admin.post('/api/service-points', { ...base(), manuals: [pinned.id], pinDetails: [{ manual: pinned.id, phone: '2' }] })
    expectFieldError(await admin.patch(`/api/service-points/${point.body.doc.id}`, { manuals: [] }), 'pinDetails.0.manual', /not pinned/)
  })

  it('refuses a parent point that would make a cycle', async () => {
    const a = await admin.post('/api/service-points', base())
    const b = await admin.post('/api/service-points', { ...base(), parent: a.body.doc.id })
    expect(b.status).toBe(201)
    expectFieldError(await admin.patch(`/api/service-points/${a.body.doc.id}`, { parent: b.body.doc.id }), 'parent', /cycle/)
  })
})

describe('tags', () => {
  it('creates, nests and updates tags, and refuses a cycle or an empty name', async () => {
    const category = await admin.post('/api/tags', { name: 'ธุรกิจ', nameEn: 'Business', type: 'service-category' })
    expect(category.status).toBe(201)
    const tag = await admin.post('/api/tags', { name: 'จดทะเบียนบริษัท', type: 'tag', parent: category.body.doc.id, agency: tree.department.id })
    expect(tag.status).toBe(201)
    const sub = await admin.post('/api/tags', { name: 'บริษัทจำกัด', type: 'tag', parent: tag.body.doc.id })
    const renamed = await admin.patch(`/api/tags/${tag.body.doc.id}`, { name: 'จดทะเบียนนิติบุคคล' })
    expect(renamed.body.doc.name).toBe('จดทะเบียนนิติบุคคล')
    expectFieldError(await admin.patch(`/api/tags/${category.body.doc.id}`, { parent: sub.body.doc.id }), 'parent', /cycle/)
    expectFieldError(await admin.post('/api/tags', { name: '', type: 'tag' }), 'name', /is required/)
    expectFieldError(await admin.post('/api/tags', { name: 'ไม่มีประเภท' }), 'type', /required/)
  })
})

describe('processes', () => {
  it('creates and updates a process with common names and tags; refuses empty required fields', async () => {
    const tag = await admin.post('/api/tags', { name: 'ทะเบียน', type: 'service-category' })
    const created = await admin.post('/api/processes', {
      name: 'การแจ้งเกิด',
      agency: tree.department.id,
      commonNames: ['แจ้งเกิด', 'ขอสูติบัตร'],
      tags: [tag.body.doc.id],
      legalBasis: 'พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534',
    })
    expect(created.status).toBe(201)
    const updated = await admin.patch(`/api/processes/${created.body.doc.id}`, { commonNames: ['แจ้งเกิด'] })
    expect(updated.body.doc.commonNames).toEqual(['แจ้งเกิด'])
    expectFieldError(await admin.post('/api/processes', { name: '', agency: tree.department.id }), 'name', /"Process name" is required/)
    expectFieldError(await admin.post('/api/processes', { name: 'ไม่มีหน่วยงาน' }), 'agency', /required/)
  })
})

describe('manuals', () => {
  let processId: number
  beforeAll(async () => {
    processId = (await createProcess(t, tree.department.id)).id as number
  })
  const manual = (overrides: Record<string, unknown> = {}) => completeManualData(processId, tree.department.id, overrides)

  it('creates a complete manual with its total duration computed, and updates it', async () => {
    const created = await admin.post('/api/manuals', manual({
      steps: [
        { title: 'ยื่นคำขอ', duration: 30, durationUnit: 'minutes' },
        { title: 'พิจารณา', duration: 1, durationUnit: 'days' },
      ],
      noFee: false,
      fees: [{ description: 'ค่าธรรมเนียมการจดทะเบียน', amount: 500 }],
    }))
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ revision: 1, workflowState: 'draft', totalDuration: 1.07, totalDurationUnit: 'days' })
    const updated = await admin.patch(`/api/manuals/${created.body.doc.id}?draft=true`, { remarks: 'ปรับปรุงหมายเหตุ' })
    expect(updated.status).toBe(200)
    expect(updated.body.doc.remarks).toBe('ปรับปรุงหมายเหตุ')
  })

  it('refuses negative durations, copies and fees', async () => {
    expectFieldError(await admin.post('/api/manuals', manual({ steps: [{ title: 'ก', duration: -5, durationUnit: 'minutes' }] })), 'steps.0.duration', /must not be negative/)
    expectFieldError(
      await admin.post('/api/manuals', manual({ documents: [{ name: 'สำเนาทะเบียนบ้าน', originals: 0, copies: -1 }] })),
      'documents.0.copies',
      /Copies must not be negative/,
    )
    expectFieldError(
      await admin.post('/api/manuals', manual({ noFee: false, fees: [{ description: 'ค่าคำขอ', amount: -100 }] })),
      'fees.0.amount',
      /A fee must not be negative/,
    )
  })

  it('makes "no fee" an explicit choice, never a blank', async () => {
    expectFieldError(await admin.post('/api/manuals', manual({ noFee: false, fees: [] })), 'fees', /tick "No fee"/)
    expectFieldError(await admin.post('/api/manuals', manual({ noFee: true, fees: [{ description: 'ค่าคำขอ', amount: 10 }] })), 'noFee', /untick "No fee"/)
  })

  it('refuses an Act field left empty: conditions, steps, title', async () => {
    expectFieldError(await admin.post('/api/manuals', manual({ conditions: lexicalFromParagraphs(['   ']) })), 'conditions', /"Criteria, procedure and conditions" is required/)
    expectFieldError(await admin.post('/api/manuals', manual({ steps: [] })), 'steps', /is required/)
    expectFieldError(await admin.post('/api/manuals', manual({ title: '' })), 'title', /"Title" is required/)
  })
})

describe('other services', () => {
  it('creates and updates one; refuses an empty description', async () => {
    const created = await admin.post('/api/other-services', {
      title: 'ขอข้อมูลข่าวสาร',
      agency: tree.department.id,
      description: 'ยื่นคำขอดูข้อมูลข่าวสารของราชการ',
      channels: [{ place: 'ศูนย์ข้อมูลข่าวสาร', hours: 'จันทร์-ศุกร์' }],
      contact: '02-000-0000',
    })
    expect(created.status).toBe(201)
    const updated = await admin.patch(`/api/other-services/${created.body.doc.id}`, { contact: '1111' })
    expect(updated.body.doc.contact).toBe('1111')
    expectFieldError(await admin.post('/api/other-services', { title: 'ก', agency: tree.department.id, description: '' }), 'description', /"Description" is required/)
  })
})

describe('media', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n')
  async function upload(file: Blob, filename: string) {
    const token = adminOfficer.token
    const form = new FormData()
    form.append('file', file, filename)
    form.append('_payload', JSON.stringify({ alt: 'แบบคำขอ', agency: tree.department.id }))
    const res = await fetch(`${t.baseUrl}/api/media`, { method: 'POST', body: form, headers: token ? { Authorization: `JWT ${token}` } : {} })
    return { status: res.status, body: await res.json().catch(() => null) }
  }

  it('accepts a PDF form', async () => {
    const res = await upload(new Blob([PDF], { type: 'application/pdf' }), 'แบบคำขอ.pdf')
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ mimeType: 'application/pdf', alt: 'แบบคำขอ' })
  })

  it('refuses other file types, even renamed', async () => {
    expectFieldError(await upload(new Blob(['hello'], { type: 'text/plain' }), 'notes.txt'), 'file', /not allowed/)
    expectFieldError(await upload(new Blob([PDF], { type: 'application/msword' }), 'form.doc'), 'file', /not allowed/)
    // Declared and named as PDF but the bytes are a GIF: Payload's content check refuses it.
    const gif = Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex')
    const disguised = await upload(new Blob([gif], { type: 'application/pdf' }), 'form.pdf')
    expect(disguised.status).toBe(400)
    expect(disguised.body.errors[0].data.errors[0].path).toBe('file')
  })

  it('refuses a file over 10 MB', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)
    PDF.copy(big)
    expectFieldError(await upload(new Blob([big], { type: 'application/pdf' }), 'big.pdf'), 'file', /larger than 10 MB/)
  })
})
