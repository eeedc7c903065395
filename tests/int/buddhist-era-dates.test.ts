/**
 * Buddhist-era dates in the loaded config (src/plugins/buddhistEraDates.ts): Payload's own date
 * format and every date field's picker format use the `yo` year (พ.ศ. through the aliased Thai
 * date-fns locale), and every date field refuses a Buddhist-era year stored as Gregorian, over
 * REST with the field's path and a Thai-then-English reason, while real dates stay UTC ISO.
 */
import type { Field } from 'payload'

import { ADMIN_DATE_FORMAT } from '../../src/lib/thaiDate'
import { caseData, createDelayAgency, type DelayAgency } from '../helpers/delay'
import { startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let a: DelayAgency

beforeAll(async () => {
  t = await startTestServer()
  a = await createDelayAgency(t, 'พ.ศ.')
})
afterAll(async () => {
  await t?.close()
})

type DateFieldLike = { name: string; type: 'date'; admin?: { date?: { displayFormat?: string; pickerAppearance?: string; timeFormat?: string } } }

/** Every date field at any depth of a sanitised field list, with its dotted path. */
function dateFields(fields: Field[], prefix = ''): Array<{ path: string; field: DateFieldLike }> {
  return fields.flatMap((field) => {
    const f = field as any
    // Hidden and admin-disabled fields (Payload's auth sessions, reset tokens) show nowhere.
    if (f.hidden || f.admin?.disabled) return []
    const path = f.name ? `${prefix}${f.name}` : prefix.replace(/\.$/, '')
    if (f.type === 'date') return [{ path, field: f }]
    const nested = (list: Field[]) => dateFields(list, f.name ? `${path}.` : prefix)
    if (f.type === 'tabs') return f.tabs.flatMap((tab: any) => dateFields(tab.fields, tab.name ? `${prefix}${tab.name}.` : prefix))
    if (f.type === 'blocks') return (f.blocks ?? []).flatMap((b: any) => nested(b.fields))
    return Array.isArray(f.fields) ? nested(f.fields) : []
  })
}

const fieldErrors = (res: { status: number; body: any }): Array<{ path: string; message: string }> => {
  expect(res.status).toBe(400)
  return res.body.errors[0].data.errors
}

describe('the loaded config', () => {
  it('formats Payload’s own dates with the Buddhist-era year token', () => {
    expect(t.payload.config.admin.dateFormat).toBe(ADMIN_DATE_FORMAT)
    expect(ADMIN_DATE_FORMAT).toContain('yo')
    expect(ADMIN_DATE_FORMAT).not.toMatch(/y(?!o)/)
    expect(t.payload.config.admin.components.providers).toContain('/components/Admin/BuddhistEraDatePickers#BuddhistEraDatePickers')
  })

  it('gives every declared date field, nested ones and plugin collections’ too, a yo display format', () => {
    const found: string[] = []
    // Payload's internal collections (jobs, preferences, locks, migrations) are added after the
    // plugins and are not in the officers' admin.
    for (const collection of t.payload.config.collections.filter((c) => !c.slug.startsWith('payload-'))) {
      for (const { path, field } of dateFields(collection.fields)) {
        // Payload's own timestamps have no picker: they use admin.dateFormat.
        if (['createdAt', 'updatedAt'].includes(path)) continue
        const appearance = field.admin?.date?.pickerAppearance ?? 'default'
        const format = field.admin?.date?.displayFormat ?? ''
        found.push(`${collection.slug}.${path}`)
        if (appearance === 'dayOnly' || appearance === 'timeOnly') expect([path, format]).toEqual([path, expect.not.stringMatching(/y/)])
        else expect([`${collection.slug}.${path}`, format]).toEqual([`${collection.slug}.${path}`, expect.stringMatching(/^[^y]*yo[^y]*$/)])
      }
    }
    const receivedAt = dateFields(t.payload.config.collections.find((c) => c.slug === 'delay-notices')!.fields).find((d) => d.path === 'receivedAt')!
    expect(receivedAt.field.admin?.date).toMatchObject({ pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yo HH:mm', timeFormat: 'HH:mm' })
    // Top level, in a row/group, inside an array, and in a collection Payload or a plugin adds.
    expect(found).toEqual(expect.arrayContaining(['manuals.publishedAt', 'delay-notices.receivedAt', 'delay-notices.notices.sentAt', 'delay-notices.decision.decidedAt', 'role-tokens.expiresAt']))
  })
})

describe('a Buddhist-era year sent as Gregorian', () => {
  it('is refused on create, top level and inside an array, with the field path, Thai then English', async () => {
    const res = await a.unitOfficer.api.post(
      '/api/delay-notices',
      caseData(a, {
        receivedAt: '2569-03-12T05:00:00.000Z',
        notices: [{ sentAt: '2569-04-01T02:00:00.000Z', channel: 'letter', reasonGiven: 'รอผลตรวจสอบ' }],
      }),
    )
    const errors = fieldErrors(res)
    // Only the typed fields: the due dates derived from receivedAt are read-only.
    expect(errors.map((e) => e.path).sort()).toEqual(['notices.0.sentAt', 'receivedAt'])
    const received = errors.find((e) => e.path === 'receivedAt')!
    expect(received.message).toMatch(/^ปี 2569 ถูกบันทึกเป็น ค\.ศ\..*พ\.ศ\. 2569 = ค\.ศ\. 2026/)
    expect(received.message).toMatch(/\(year 2569 CE looks like a Buddhist-era year read as Gregorian.*ISO 8601.*\)$/)
    expect((await t.payload.find({ collection: 'delay-notices', where: { servicePoint: { equals: a.unit.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('is refused on update too; the Gregorian date is stored as given, in UTC', async () => {
    const created = await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: '2026-03-02T02:00:00.000Z' }))
    expect(created.status).toBe(201)
    expect(created.body.doc.receivedAt).toBe('2026-03-02T02:00:00.000Z')
    const id = created.body.doc.id
    const errors = fieldErrors(await a.unitOfficer.api.patch(`/api/delay-notices/${id}`, { decision: { decidedAt: '2569-03-20T03:00:00.000Z', outcome: 'approved' } }))
    expect(errors.map((e) => e.path)).toEqual(['decision.decidedAt'])
    const decided = await a.unitOfficer.api.patch(`/api/delay-notices/${id}`, { decision: { decidedAt: '2026-03-20T03:00:00.000Z', outcome: 'approved' } })
    expect(decided.status).toBe(200)
    expect(decided.body.doc.decision.decidedAt).toBe('2026-03-20T03:00:00.000Z')
  })

  it('leaves Payload’s own date checks in place (required, not a date)', async () => {
    const missing = fieldErrors(await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: undefined })))
    expect(missing.map((e) => e.path)).toEqual(['receivedAt'])
    const garbage = fieldErrors(await a.unitOfficer.api.post('/api/delay-notices', caseData(a, { receivedAt: 'พรุ่งนี้' })))
    expect(garbage.map((e) => e.path)).toEqual(['receivedAt'])
    expect(garbage[0].message).not.toMatch(/Buddhist/)
  })
})
