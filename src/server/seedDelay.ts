import type { Payload } from 'payload'

import { NOTICE_INTERVAL_DAYS } from '../lib/delay'
import { bangkokDateOf, startOfBangkokDay } from '../lib/workingDays'

type Id = number | string

/**
 * The demo's documented tracking code: `/track?code=TRACK-25580` (2558: the year B.E. of the
 * Licensing Facilitation Act). Valid Crockford base32, like the codes the collection generates.
 */
export const DEMO_TRACKING_CODE = 'TRACK25580'
/** The other demo cases' codes: fixed too, so a second seed run finds them. */
export const DEMO_CLOSED_TRACKING_CODE = 'TRACK25581'
export const DEMO_OVERDUE_TRACKING_CODE = 'TRACK25582'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

export type DelayCaseUnit = { servicePoint: Id; process: Id; manual: Id }
export type DelayDemo = {
  /** A long licence (45 working days) at a unit with demo officers: the open and the closed case. */
  licence: DelayCaseUnit
  /** A short service at another agency's unit: the case whose notice is overdue. */
  service: DelayCaseUnit
}

/** 10:00 Bangkok time, `days` calendar days before now. */
const daysAgoAtTen = (now: Date, days: number) =>
  new Date(startOfBangkokDay(bangkokDateOf(new Date(now.getTime() - days * DAY))).getTime() + 3 * HOUR)

const REASONS = [
  'อยู่ระหว่างรอผลการตรวจสอบประวัติจากสำนักงานตำรวจแห่งชาติ',
  'อยู่ระหว่างรอความเห็นจากคณะกรรมการพิจารณา ซึ่งกำหนดประชุมครั้งถัดไป',
  'อยู่ระหว่างรอเอกสารประกอบจากหน่วยงานอื่นที่เกี่ยวข้อง',
  'ผู้มีอำนาจลงนามอยู่ระหว่างเดินทางไปราชการ',
]

type CaseSeed = {
  code: string
  unit: DelayCaseUnit
  receivedDaysAgo: number
  applicant: { name: string; phone: string; email: string; address: string }
  reason: string
  /** Notices every 7 days from the due date: how many (null: as many as have fallen due by now). */
  notices: number | null
  /** Days after the due date the application was decided (closes the case). */
  decidedAfterDueDays?: number
}

/**
 * หนังสือแจ้งเรื่องล่าช้า for the demo, relative to today: an open case with its 7-day notices
 * recorded (every 7 days since the due date; the next one not yet owed) under the documented
 * DEMO_TRACKING_CODE, a closed case, and one whose notice is overdue. Written through the Local
 * API as the system (every derived date and check runs), the code given by `context.trackingCode`;
 * the due date comes from the collection (the manual's stated time on the Thai calendar), then the
 * notices are recorded from it. Idempotent: a case with its code is left as it is.
 */
export async function seedDelayNotices(payload: Payload, demo: DelayDemo, now = new Date()): Promise<number> {
  const cases: CaseSeed[] = [
    {
      code: DEMO_TRACKING_CODE,
      unit: demo.licence,
      receivedDaysAgo: 100,
      applicant: { name: 'นายสมชาย ใจดี (ตัวอย่าง)', phone: '081-000-0001', email: 'somchai.demo@example.com', address: '99 ถนนห้วยแก้ว ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200' },
      reason: 'รอผลตรวจสอบประวัติ (ส่งหนังสือถึง สตช. แล้ว 2 ครั้ง)',
      notices: null,
    },
    {
      code: DEMO_CLOSED_TRACKING_CODE,
      unit: demo.licence,
      receivedDaysAgo: 140,
      applicant: { name: 'นางสาวสุดา รักษ์ไทย (ตัวอย่าง)', phone: '081-000-0002', email: 'suda.demo@example.com', address: '12 ถนนนิมมานเหมินท์ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200' },
      reason: 'รอมติคณะกรรมการ',
      notices: 2,
      decidedAfterDueDays: 10,
    },
    {
      code: DEMO_OVERDUE_TRACKING_CODE,
      unit: demo.service,
      receivedDaysAgo: 21,
      applicant: { name: 'นายวิชัย ค้าขาย (ตัวอย่าง)', phone: '081-000-0003', email: 'wichai.demo@example.com', address: '5 ถนนช้างคลาน อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50100' },
      reason: 'ระบบจดทะเบียนขัดข้อง รอผู้ดูแลระบบแก้ไข',
      notices: 2,
    },
  ]
  let created = 0
  for (const c of cases) {
    const found = await payload.count({ collection: 'delay-notices', where: { trackingCode: { equals: c.code } }, overrideAccess: true })
    if (found.totalDocs > 0) continue
    const system = { overrideAccess: true, context: { systemWrite: true, trackingCode: c.code } } as const
    const doc = await payload.create({
      collection: 'delay-notices',
      data: { ...c.unit, receivedAt: daysAgoAtTen(now, c.receivedDaysAgo).toISOString(), applicant: c.applicant, reason: c.reason } as never,
      depth: 0,
      ...system,
    })
    created += 1
    const dueAt = new Date(String(doc.dueAt)).getTime()
    const notices = []
    for (let i = 0; c.notices === null || i < c.notices; i++) {
      const sentAt = dueAt + i * NOTICE_INTERVAL_DAYS * DAY
      if (sentAt > now.getTime()) break
      notices.push({
        sentAt: new Date(sentAt).toISOString(),
        channel: i % 2 === 0 ? 'letter' : 'email',
        reasonGiven: REASONS[i % REASONS.length],
        expectedDecisionAt: new Date(sentAt + 14 * DAY).toISOString(),
        reference: `ที่ ${c.code.slice(5)}/${i + 1}`,
      })
    }
    const decidedAt = c.decidedAfterDueDays === undefined ? null : new Date(dueAt + c.decidedAfterDueDays * DAY)
    await payload.update({
      collection: 'delay-notices',
      id: doc.id,
      data: {
        notices,
        ...(decidedAt && decidedAt.getTime() <= now.getTime() ? { decision: { decidedAt: decidedAt.toISOString(), outcome: 'approved' } } : {}),
      } as never,
      depth: 0,
      ...system,
    })
  }
  return created
}
