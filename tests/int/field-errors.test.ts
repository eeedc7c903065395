/**
 * Errors that tell a client what to send (src/plugins/fieldErrors.ts): over REST against real
 * Postgres, each bad value answers 400 with its path and a Thai + English message naming the
 * expected shape, and nothing is stored. The admin's form state (built on the server) shows the
 * same messages.
 */
import { createLocalReq } from 'payload'
import { fieldSchemasToFormState } from '@payloadcms/ui/forms/fieldSchemasToFormState'

import { completeManualData, createAgencyTree, createDraftManual, createProcess } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let admin: Awaited<ReturnType<typeof createOfficer>>
let author: Awaited<ReturnType<typeof createOfficer>>
let otherAuthor: Awaited<ReturnType<typeof createOfficer>>
let tree: Awaited<ReturnType<typeof createAgencyTree>>
let processId: number

beforeAll(async () => {
  t = await startTestServer()
  tree = await createAgencyTree(t, 'ข้อผิดพลาด')
  const other = await createAgencyTree(t, 'อื่น')
  admin = await createOfficer(t, { roles: ['system-admin'] })
  author = await createOfficer(t, { roles: ['manual-author'], agency: tree.department.id })
  otherAuthor = await createOfficer(t, { roles: ['manual-author'], agency: other.department.id })
  processId = (await createProcess(t, tree.department.id)).id as number
})
afterAll(async () => {
  await t?.close()
})

type Res = { status: number; body: any }
const THAI_THEN_ENGLISH = /^[^()]*[\u0E00-\u0E7F].*\(.*[A-Za-z].*\)$/

/** The one field error of a 400, checked to be Thai then English, with a bilingual top message. */
function fieldError(res: Res, path: string): string {
  expect(res.status).toBe(400)
  const [error] = res.body.errors
  expect(error.message).toMatch(THAI_THEN_ENGLISH)
  const errors = error.data.errors as Array<{ path: string; message: string }>
  expect(errors.map((e) => e.path)).toEqual([path])
  expect(errors[0].message).toMatch(/[\u0E00-\u0E7F].*\(.*[A-Za-z].*\)$/)
  return errors[0].message
}

const manual = (overrides: Record<string, unknown> = {}) => completeManualData(processId, tree.department.id, overrides)
const countManuals = async () => (await t.payload.count({ collection: 'manuals', overrideAccess: true })).totalDocs

describe('a manual created over REST with a value of the wrong shape', () => {
  it('complaintChannels as a string: an array of { channel, contact } is expected', async () => {
    const before = await countManuals()
    const res = await admin.api.post('/api/manuals', manual({ complaintChannels: 'text' }))
    expect(fieldError(res, 'complaintChannels')).toBe('ต้องเป็นรายการของ { channel, contact } (must be an array of { channel, contact })')
    expect(res.body.errors[0].message).toBe('ข้อมูลไม่ถูกต้อง 1 ช่อง: ช่องทางการร้องเรียน แนะนำบริการ (1 invalid field: complaintChannels)')
    expect(await countManuals()).toBe(before)
  })

  it('a durationUnit outside minutes|hours|days', async () => {
    const before = await countManuals()
    const res = await admin.api.post('/api/manuals', manual({ steps: [{ title: 'ตรวจ', duration: 1, durationUnit: 'weeks' }] }))
    expect(fieldError(res, 'steps.0.durationUnit')).toBe('ต้องเป็น minutes, hours หรือ days (must be one of minutes|hours|days)')
    expect(await countManuals()).toBe(before)
  })

  it('a number of the wrong type: text, an object, a string that is no number', async () => {
    const before = await countManuals()
    for (const duration of ['สามสิบ', { minutes: 30 }, [30]]) {
      const res = await admin.api.post('/api/manuals', manual({ steps: [{ title: 'ตรวจ', duration, durationUnit: 'minutes' }] }))
      expect(fieldError(res, 'steps.0.duration')).toBe('ต้องเป็นตัวเลข (must be a number)')
    }
    const fee = await admin.api.post('/api/manuals', manual({ noFee: false, fees: [{ description: 'ค่าคำขอ', amount: 'ten' }] }))
    expect(fieldError(fee, 'fees.0.amount')).toBe('ต้องเป็นตัวเลข (must be a number)')
    // A number sent as a numeric string is what Payload itself accepts: still fine.
    const numeric = await admin.api.post('/api/manuals', manual({ steps: [{ title: 'ตรวจ', duration: '30', durationUnit: 'minutes' }] }))
    expect(numeric.status).toBe(201)
    expect(numeric.body.doc.steps[0].duration).toBe(30)
    expect(await countManuals()).toBe(before + 1)
  })

  it('a relationship to an id no document has (not a foreign-key 500), or to something that is no id', async () => {
    const before = await countManuals()
    const missing = await admin.api.post('/api/manuals', manual({ process: 999999 }))
    expect(fieldError(missing, 'process')).toBe(
      'ไม่พบ processes รหัส 999999: ต้องเป็นรหัส (id) ของ processes (no processes document has the id 999999: must be the id of a processes document)',
    )
    const notAnId = await admin.api.post('/api/manuals', manual({ agency: 'กรมทดสอบ' }))
    expect(fieldError(notAnId, 'agency')).toBe('ต้องเป็นรหัส (id) ของ agencies (must be the id of an agencies document)')
    const pinned = await admin.api.post('/api/service-points', { name: 'จุดทดสอบ', agency: tree.department.id, province: 'เชียงใหม่', manuals: [999998] })
    expect(fieldError(pinned, 'manuals')).toMatch(/^ไม่พบ manuals รหัส 999998: .*\(no manuals document has the id 999998: must be an array of ids of manuals documents\)$/)
    expect(await countManuals()).toBe(before)
    expect((await t.payload.count({ collection: 'service-points', overrideAccess: true })).totalDocs).toBe(0)
  })

  it('a required field left out: its label and what to put there', async () => {
    const before = await countManuals()
    const { title: _title, ...untitled } = manual()
    expect(fieldError(await admin.api.post('/api/manuals', untitled), 'title')).toBe('กรุณากรอก "ชื่อคู่มือ": ต้องเป็นข้อความ ("Title" is required: must be text)')
    const { process: _process, ...noProcess } = manual()
    expect(fieldError(await admin.api.post('/api/manuals', noProcess), 'process')).toBe(
      'กรุณาเลือก "กระบวนงาน": ต้องเป็นรหัส (id) ของ processes ("Process" is required: must be the id of a processes document)',
    )
    expect(await countManuals()).toBe(before)
  })

  it('an array where an object is expected, and a string where a list of rows is', async () => {
    const point = await admin.api.post('/api/service-points', { name: 'จุดทดสอบ', agency: tree.department.id, province: 'เชียงใหม่', location: [18.79, 98.98] })
    expect(fieldError(point, 'location')).toBe('ต้องเป็นออบเจกต์ { lat, lng } (must be an object { lat, lng })')
    const rows = await admin.api.post('/api/manuals', manual({ documents: ['บัตรประชาชน'] }))
    expect(fieldError(rows, 'documents')).toBe(
      'ต้องเป็นรายการของ { name, issuingAgency, originals, copies, note } (must be an array of { name, issuingAgency, originals, copies, note })',
    )
    const steps = await admin.api.post('/api/manuals', manual({ steps: { title: 'ตรวจ' } }))
    expect(fieldError(steps, 'steps')).toMatch(/^ต้องเป็นรายการของ \{ title, description, duration, durationUnit, responsibleUnit \} อย่างน้อย 1 รายการ \(must be an array of at least 1/)
    expect((await t.payload.count({ collection: 'service-points', overrideAccess: true })).totalDocs).toBe(0)
  })

  it('other types: a checkbox, a select with many values, an email, a date, rich text', async () => {
    expect(fieldError(await admin.api.post('/api/manuals', manual({ noFee: 'yes' })), 'noFee')).toBe('ต้องเป็น true หรือ false (must be true or false)')
    expect(fieldError(await admin.api.post('/api/manuals', manual({ conditions: 'ข้อความธรรมดา' })), 'conditions')).toMatch(/\(must be rich text as Lexical JSON/)
    const point = { name: 'จุดทดสอบ', agency: tree.department.id, province: 'เชียงใหม่' }
    expect(fieldError(await admin.api.post('/api/service-points', { ...point, email: 'not-an-email' }), 'email')).toBe(
      'ต้องเป็นอีเมล เช่น name@example.go.th (must be an email address such as name@example.go.th)',
    )
    expect(fieldError(await admin.api.post('/api/service-points', { ...point, openingHours: [{ day: 'someday', opens: '08:30', closes: '16:30' }] }), 'openingHours.0.day')).toMatch(
      /^ต้องเป็น mon, .* หรือ .*\(must be one of mon\|/,
    )
    const roles = await admin.api.post('/api/users', { email: 'roles@test.info.go.th', password: 'password-12345', roles: ['system-admin', 'wizard'] })
    expect(fieldError(roles, 'roles')).toMatch(/^ต้องเป็นรายการค่าที่ไม่ซ้ำกันจาก .*\(must be an array of distinct values from central-officer\|/)
    const email = await admin.api.post('/api/users', { email: 'ไม่ใช่อีเมล', password: 'password-12345' })
    expect(fieldError(email, 'email')).toBe('ต้องเป็นอีเมล เช่น name@example.go.th (must be an email address such as name@example.go.th)')
    const note = await t.payload.create({ collection: 'notifications', data: { recipient: author.user.id, message: 'ทดสอบ' } as never, overrideAccess: true })
    const readAt = await author.api.patch(`/api/notifications/${note.id}`, { readAt: 'พรุ่งนี้' })
    expect(fieldError(readAt, 'readAt')).toMatch(/^ต้องเป็นวันเวลาแบบ ISO 8601 .*\(must be an ISO 8601 date-time/)
    expect((await t.payload.findByID({ collection: 'notifications', id: note.id, overrideAccess: true })).readAt ?? null).toBeNull()
  })

  it('keeps the rules that already answer in Thai and English as they are', async () => {
    const res = await admin.api.post('/api/manuals', manual({ steps: [{ title: 'ตรวจ', duration: -5, durationUnit: 'minutes' }] }))
    expect(fieldError(res, 'steps.0.duration')).toBe('ระยะเวลาต้องไม่ติดลบ (Duration must not be negative)')
  })
})

describe('drafts and access', () => {
  it('a draft save (whose field rules Payload skips) still refuses a wrong shape; the stored draft is unchanged', async () => {
    const draft = await createDraftManual(t, processId, tree.department.id)
    const res = await author.api.patch(`/api/manuals/${draft.id}?draft=true`, { complaintChannels: 'text', remarks: 'เปลี่ยน' })
    expect(fieldError(res, 'complaintChannels')).toMatch(/must be an array of \{ channel, contact \}/)
    const unit = await author.api.patch(`/api/manuals/${draft.id}?draft=true`, { steps: [{ title: 'ก', duration: 1, durationUnit: 'fortnights' }] })
    expect(fieldError(unit, 'steps.0.durationUnit')).toMatch(/must be one of minutes\|hours\|days/)
    const stored = await t.payload.findByID({ collection: 'manuals', id: draft.id, draft: true, overrideAccess: true })
    expect(stored.remarks ?? null).toBeNull()
    expect(stored.complaintChannels).toEqual([expect.objectContaining({ channel: 'สายด่วน 1111' })])
    // A good draft save goes through.
    expect((await author.api.patch(`/api/manuals/${draft.id}?draft=true`, { remarks: 'เปลี่ยน' })).status).toBe(200)
  })

  it('describes nothing to those who may not write: anonymous 403, another agency 404/403', async () => {
    const anonymous = await api(t.baseUrl).post('/api/manuals', manual({ complaintChannels: 'text' }))
    expect(anonymous.status).toBe(403)
    expect(JSON.stringify(anonymous.body)).not.toContain('channel, contact')
    const draft = await createDraftManual(t, processId, tree.department.id)
    const other = await otherAuthor.api.patch(`/api/manuals/${draft.id}?draft=true`, { complaintChannels: 'text' })
    expect([403, 404]).toContain(other.status)
    expect(JSON.stringify(other.body)).not.toContain('channel, contact')
  })
})

describe('the admin form', () => {
  it("shows the same messages: the form state is built on the server with the fields' wrapped rules", async () => {
    const req = await createLocalReq({ user: { ...(admin.user as object), collection: 'users' } as never }, t.payload)
    const state = await fieldSchemasToFormState({
      collectionSlug: 'manuals',
      data: manual({ title: '', steps: [{ title: 'ตรวจ', duration: 1, durationUnit: 'weeks' }] }),
      fields: t.payload.collections.manuals.config.fields,
      operation: 'create',
      permissions: true,
      preferences: { fields: {} },
      renderAllFields: false,
      req,
      schemaPath: 'manuals',
    } as never)
    expect((state as any).title).toMatchObject({ valid: false, errorMessage: 'กรุณากรอก "ชื่อคู่มือ": ต้องเป็นข้อความ ("Title" is required: must be text)' })
    expect((state as any)['steps.0.durationUnit']).toMatchObject({ valid: false, errorMessage: 'ต้องเป็น minutes, hours หรือ days (must be one of minutes|hours|days)' })
  })
})
