import type { Payload } from 'payload'

import {
  deadlineDayFrom,
  type LicenceCounts,
  nextPeriod,
  type Period,
  periodKey,
  periodOf,
  previousPeriod,
} from '../lib/licenceReport'
import { startOfBangkokDay } from '../lib/workingDays'

type Id = number | string
type Officer = Record<string, unknown> & { id: Id }

/** One reporting unit's one licence process: a series of monthly reports. */
export type LicenceSeries = {
  servicePoint: Id
  process: Id
  /** The unit's own service-point officer (demo account), when it has one: then it writes as them. */
  officer?: Officer
  /** A fixed index, so every newcomer gets the same figures. */
  index: number
  /** Months back from the current one (0) this unit has not reported at all. */
  missing?: number[]
  /** Months back left as drafts (the rest are submitted). */
  drafts?: number[]
}

export type LicenceDemo = {
  series: LicenceSeries[]
  /** The unit whose months show the lock and the unlock requests (its officer asks). */
  unlockUnit: { servicePoint: Id; requester: Officer; approver: Officer }
}

/** Six months of reports: five past months and the current one. */
const MONTHS_BACK = 5
/** Months back (always past their deadline) shown locked with no request, unlocked, and waiting. */
export const DEMO_LOCKED_MONTH_BACK = 4
export const DEMO_UNLOCKED_MONTH_BACK = 3
export const DEMO_UNLOCK_PENDING_MONTH_BACK = 2
/** The unlock unit's month whose submitted figures were corrected within the deadline (change log). */
const CORRECTED_MONTH_BACK = 4

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

const monthsBack = (now: Date, back: number): Period => {
  let p = periodOf(now)
  for (let i = 0; i < back; i++) p = previousPeriod(p)
  return p
}

/**
 * When the demo unit wrote a month's report: early in the following month (10:00 Bangkok on day 3,
 * or the deadline day if earlier), inside the reporting window, or now for a month still running.
 */
function writtenAt(period: Period, now: Date, deadlineDay: number): Date {
  const day = String(Math.min(3, deadlineDay)).padStart(2, '0')
  const at = new Date(startOfBangkokDay(`${periodKey(nextPeriod(period))}-${day}`).getTime() + 3 * HOUR)
  return at.getTime() < now.getTime() ? at : now
}

/** Figures that pass the rules in src/lib/licenceReport.ts, from what was pending at the start. */
function figures(carriedOver: number, series: number, back: number): Omit<LicenceCounts, 'pendingCarriedOver' | 'pendingAtMonthEnd'> {
  const received = 4 + ((series * 7 + back * 5) % 9)
  const available = carriedOver + received
  const approved = Math.floor(available * 0.6)
  const notApproved = (series + back) % 3 === 0 && available - approved > 0 ? 1 : 0
  const withdrawn = (series + back) % 4 === 1 && available - approved - notApproved > 0 ? 1 : 0
  const decidedLate = Math.min(approved + notApproved, (series + back) % 3)
  return { received, approved, notApproved, withdrawn, decidedLate }
}

const asOfficer = (officer: Officer | undefined, at: Date) =>
  officer
    ? ({ user: { ...officer, collection: 'users' }, overrideAccess: false, context: { licenceNow: at.toISOString() } } as const)
    : ({ overrideAccess: true, context: { systemWrite: true, licenceNow: at.toISOString() } } as const)

/**
 * รายงานผลการออกใบอนุญาต and ขอปลดล็อค for the demo (menus สร้างรายงานการออกใบอนุญาต and
 * ขอปลดล็อค): each licence series over the last months, relative to today, written through the
 * Local API as the unit's officer when it has one (every access rule, lock and figure check runs
 * at the moment given by `context.licenceNow`), else as the system. The unlock unit's months show
 * the lock: one locked with no request, one unlocked by the approver (its 5-working-day window
 * open from now) with its report still a draft, and one with a request waiting. Idempotent: a
 * report or request already there for its unit and month is left as it is.
 */
export async function seedLicenceReports(payload: Payload, demo: LicenceDemo, now = new Date()): Promise<number> {
  const deadlineDay = deadlineDayFrom(process.env.LICENCE_REPORT_DEADLINE_DAY)
  let created = 0
  for (const series of demo.series) {
    const unitKey = `sp:${series.servicePoint}`
    let carriedOver = 0
    for (let back = MONTHS_BACK; back >= 0; back--) {
      const period = monthsBack(now, back)
      const existing = await payload.find({
        collection: 'licence-reports',
        where: { and: [{ unitKey: { equals: unitKey } }, { process: { equals: series.process } }, { year: { equals: period.year } }, { month: { equals: period.month } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      if (existing.docs[0]) {
        carriedOver = Number(existing.docs[0].pendingAtMonthEnd ?? 0)
        continue
      }
      if (series.missing?.includes(back)) {
        carriedOver = 0
        continue
      }
      // The current month is still running: its report is a draft of the unit with an officer.
      if (back === 0 && !series.officer) continue
      const at = writtenAt(period, now, deadlineDay)
      const counts = figures(carriedOver, series.index, back)
      const draft = back === 0 || series.drafts?.includes(back)
      // Carried over and month-end pending are left to the collection (previous month's pending).
      let doc = await payload.create({
        collection: 'licence-reports',
        data: { servicePoint: series.servicePoint, process: series.process, ...period, ...counts, state: draft ? 'draft' : 'submitted' } as never,
        depth: 0,
        ...asOfficer(series.officer, at),
      })
      created += 1
      const isUnlockUnit = String(series.servicePoint) === String(demo.unlockUnit.servicePoint)
      if (isUnlockUnit && back === CORRECTED_MONTH_BACK && !draft && Number(doc.pendingAtMonthEnd) > 0) {
        // Still within the deadline, the unit corrects a submitted figure: the reason is logged.
        doc = await payload.update({
          collection: 'licence-reports',
          id: doc.id,
          data: {
            approved: Number(doc.approved) + 1,
            pendingAtMonthEnd: Number(doc.pendingAtMonthEnd) - 1,
            changeComment: 'บันทึกจำนวนใบอนุญาตที่ออกในวันสุดท้ายของเดือนไม่ครบ 1 ราย',
          } as never,
          depth: 0,
          ...asOfficer(series.officer, new Date(at.getTime() + 2 * HOUR)),
        })
      }
      carriedOver = Number(doc.pendingAtMonthEnd)
    }
  }
  created += await seedUnlockRequests(payload, demo.unlockUnit, now)
  return created
}

async function seedUnlockRequests(payload: Payload, unit: LicenceDemo['unlockUnit'], now: Date): Promise<number> {
  let created = 0
  const unitKey = `sp:${unit.servicePoint}`
  const hasRequest = async (period: Period) =>
    (
      await payload.count({
        collection: 'licence-unlock-requests',
        where: { and: [{ unitKey: { equals: unitKey } }, { year: { equals: period.year } }, { month: { equals: period.month } }] },
        overrideAccess: true,
      })
    ).totalDocs > 0

  const unlocked = monthsBack(now, DEMO_UNLOCKED_MONTH_BACK)
  if (!(await hasRequest(unlocked))) {
    const request = await payload.create({
      collection: 'licence-unlock-requests',
      data: { servicePoint: unit.servicePoint, ...unlocked, reason: 'เจ้าหน้าที่ผู้รับผิดชอบลาคลอดในช่วงกำหนดส่ง รายงานจึงยังเป็นฉบับร่าง ขอปลดล็อคเพื่อส่งรายงาน' } as never,
      depth: 0,
      ...asOfficer(unit.requester, new Date(now.getTime() - DAY)),
    })
    // The approver (not the requester) approves now: the month is open for 5 working days from today.
    await payload.update({
      collection: 'licence-unlock-requests',
      id: request.id,
      data: { state: 'approved', decisionComment: 'อนุมัติ กรุณาส่งรายงานภายใน 5 วันทำการ' } as never,
      depth: 0,
      ...asOfficer(unit.approver, now),
    })
    created += 1
  }
  const waiting = monthsBack(now, DEMO_UNLOCK_PENDING_MONTH_BACK)
  if (!(await hasRequest(waiting))) {
    await payload.create({
      collection: 'licence-unlock-requests',
      data: { servicePoint: unit.servicePoint, ...waiting, reason: 'ตรวจพบจำนวนคำขอที่รับในเดือนไม่ตรงกับทะเบียนคุมคำขอ ขอแก้ไขรายงานที่ส่งแล้ว' } as never,
      depth: 0,
      ...asOfficer(unit.requester, now),
    })
    created += 1
  }
  return created
}
