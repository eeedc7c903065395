/**
 * วันหยุดเพิ่มเติม (extra-holidays) as a real date: a Bangkok calendar day picked in the admin's
 * date picker (พ.ศ. display), stored as Payload stores a picked day (12:00 UTC of it). Every way
 * of sending the day stores the same instant (so `unique` is one row a day), the working-day
 * calendar counts it as that day, bad input gets a Thai-then-English reason on `date`, and the
 * migration turns the old text days into the same days.
 */
import type { PayloadRequest } from 'payload'
import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import pg from 'pg'

import { loadWorkingCalendar } from '../../src/collections/ExtraHolidays/calendar'
import * as extraHolidaysDate from '../../src/migrations/20261203_100500_extra_holidays_date'
import { api, createOfficer, createScratchDatabase, queryWorkerDatabase, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let admin: Awaited<ReturnType<typeof createOfficer>>
let central: Awaited<ReturnType<typeof createOfficer>>

beforeAll(async () => {
  t = await startTestServer()
  const agency = await t.payload.create({ collection: 'agencies', data: { name: 'กรมวันหยุด', kind: 'department' } as never, overrideAccess: true })
  admin = await createOfficer(t, { roles: ['system-admin'] })
  central = await createOfficer(t, { roles: ['central-officer'], agency: agency.id })
})
afterAll(async () => {
  await t?.close()
})

const dateError = (res: { status: number; body: any }) => {
  expect(res.status).toBe(400)
  const errors = res.body.errors[0].data.errors as Array<{ path: string; message: string }>
  expect(errors.map((e) => e.path)).toEqual(['date'])
  return errors[0].message
}

describe('the date of an extra holiday', () => {
  it('stores a day sent as YYYY-MM-DD as 12:00 UTC of that day, what the admin’s picker sends', async () => {
    const res = await admin.api.post('/api/extra-holidays', { date: '2026-11-02', name: 'วันหยุดพิเศษตามมติ ครม.' })
    expect(res.status).toBe(201)
    expect(res.body.doc.date).toBe('2026-11-02T12:00:00.000Z')
    const picked = await admin.api.post('/api/extra-holidays', { date: '2026-11-03T12:00:00.000Z', name: 'วันหยุดต่อเนื่อง' })
    expect(picked.status).toBe(201)
    expect(picked.body.doc.date).toBe('2026-11-03T12:00:00.000Z')
  })

  it('takes an instant as its day in Bangkok, so the same day twice is refused as a duplicate', async () => {
    // 00:00 on 2 November in Bangkok is still 1 November in UTC.
    const midnight = await admin.api.post('/api/extra-holidays', { date: '2026-11-01T17:00:00.000Z', name: 'ซ้ำ' })
    expect(midnight.status).toBe(400)
    expect(midnight.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['date'])
    // Said as a duplicate, in Thai then English (not as a badly written date).
    expect(midnight.body.errors[0].data.errors[0].message).toMatch(/มีอยู่แล้วในเอกสารอื่น.*\(.*already used by another document/)
    const sameDay = await admin.api.post('/api/extra-holidays', { date: '2026-11-02T23:30:00+07:00', name: 'ซ้ำ' })
    expect(sameDay.status).toBe(400)
    // 1 November 23:59 in Bangkok is another day.
    const dayBefore = await admin.api.post('/api/extra-holidays', { date: '2026-11-01T16:59:00.000Z', name: 'วันก่อนหน้า' })
    expect(dayBefore.status).toBe(201)
    expect(dayBefore.body.doc.date).toBe('2026-11-01T12:00:00.000Z')
    // An update normalises too.
    const moved = await admin.api.patch(`/api/extra-holidays/${dayBefore.body.doc.id}`, { date: '2026-12-30' })
    expect(moved.status).toBe(200)
    expect(moved.body.doc.date).toBe('2026-12-30T12:00:00.000Z')
  })

  it('refuses texts that are no calendar day (not guessed as US dates), and Buddhist years read as CE', async () => {
    for (const date of ['21/04/2026', '04/05/2026', '2026-02-30', 'พรุ่งนี้']) {
      const message = dateError(await admin.api.post('/api/extra-holidays', { date, name: 'ผิดรูปแบบ' }))
      // Thai then English, naming what to send (texts no Date parses get the shared date-field words).
      expect([date, message]).toEqual([date, expect.stringMatching(/^[ก-๙].*ISO 8601.*\(.*ISO 8601.*\)$/)])
    }
    expect(dateError(await admin.api.post('/api/extra-holidays', { date: '04/05/2026', name: 'แบบอเมริกัน' }))).toMatch(/^วันที่ต้องเป็นวันตามปฏิทิน.*\(date must be a calendar day, YYYY-MM-DD/)
    expect(dateError(await admin.api.post('/api/extra-holidays', { name: 'ไม่มีวันที่' }))).toMatch(/^[ก-๙].*\(.+\)$/)
    expect(dateError(await admin.api.post('/api/extra-holidays', { date: '2569-11-05', name: 'ปี พ.ศ.' }))).toMatch(/^ปี 2569 ถูกบันทึกเป็น ค\.ศ\./)
    expect((await t.payload.count({ collection: 'extra-holidays', overrideAccess: true })).totalDocs).toBe(3)
  })

  it('is written by system admins only, read by officers only', async () => {
    expect((await central.api.post('/api/extra-holidays', { date: '2026-11-10', name: 'ไม่มีสิทธิ์' })).status).toBe(403)
    const someone = (await t.payload.find({ collection: 'extra-holidays', limit: 1, overrideAccess: true })).docs[0]
    expect((await central.api.patch(`/api/extra-holidays/${someone.id}`, { date: '2026-11-11' })).status).toBe(403)
    expect((await central.api.delete(`/api/extra-holidays/${someone.id}`)).status).toBe(403)
    expect((await central.api.get('/api/extra-holidays')).body.totalDocs).toBe(3)
    expect((await api(t.baseUrl).get('/api/extra-holidays')).status).toBe(403)
  })

  it('counts as its Bangkok day in the working-day calendar', async () => {
    const calendar = await loadWorkingCalendar({ payload: t.payload, context: {} } as unknown as PayloadRequest)
    expect(calendar.holidayName('2026-11-02')).toBe('วันหยุดพิเศษตามมติ ครม.')
    expect(calendar.isWorkingDay('2026-11-03')).toBe(false)
    expect(calendar.isWorkingDay('2026-11-04')).toBe(true)
    // Friday 30 October + 1 working day: Monday 2 and Tuesday 3 November are holidays.
    expect(calendar.addWorkingDays('2026-10-30', 1)).toBe('2026-11-04')
  })
})

describe('the migration from the text column', () => {
  it('keeps each stored day (up; a พ.ศ. year becomes CE), and gives the CE text back (down)', async () => {
    const database = await createScratchDatabase('infogo_holidays')
    // The session's zone must not matter: a server in UTC or in Bangkok migrates alike.
    await queryWorkerDatabase(`ALTER DATABASE "${database.name}" SET timezone TO 'America/New_York'`)
    const pool = new pg.Pool({ connectionString: database.url })
    try {
      // The table as the initial migration made it.
      await pool.query(`
        CREATE TABLE "extra_holidays" ("id" serial PRIMARY KEY NOT NULL, "date" varchar NOT NULL, "name" varchar NOT NULL,
          "updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL, "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL);
        CREATE UNIQUE INDEX "extra_holidays_date_idx" ON "extra_holidays" USING btree ("date");
        INSERT INTO "extra_holidays" ("date", "name") VALUES ('2026-04-21', 'วันหยุดพิเศษ'), ('2026-12-31', 'สิ้นปี'), ('2570-01-02', 'พิมพ์เป็น พ.ศ.');`)
      const db = drizzle(pool)
      await extraHolidaysDate.up({ db } as never)
      const up = await pool.query(`SELECT to_char("date" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS utc, pg_typeof("date")::text AS type FROM "extra_holidays" ORDER BY id`)
      expect(up.rows).toEqual([
        { utc: '2026-04-21T12:00:00', type: 'timestamp with time zone' },
        { utc: '2026-12-31T12:00:00', type: 'timestamp with time zone' },
        // A day typed as พ.ศ. becomes its CE day, not one 543 years on.
        { utc: '2027-01-02T12:00:00', type: 'timestamp with time zone' },
      ])
      await expect(pool.query(`INSERT INTO "extra_holidays" ("date", "name") VALUES ('2026-04-21T12:00:00Z', 'ซ้ำ')`)).rejects.toThrow(/extra_holidays_date_idx/)
      await extraHolidaysDate.down({ db } as never)
      const down = await pool.query(`SELECT "date" FROM "extra_holidays" ORDER BY id`)
      expect(down.rows.map((r) => r.date)).toEqual(['2026-04-21', '2026-12-31', '2027-01-02'])
    } finally {
      await pool.end()
      await database.drop()
    }
  })
})
