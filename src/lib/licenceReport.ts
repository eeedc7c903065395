/**
 * รายงานผลการออกใบอนุญาต: the pure rules of the monthly licence-issuance report — its figures,
 * the reporting deadline and lock, and the one-time unlock request. No Payload import: the
 * collections call these and turn the answers into REST errors.
 */
import { bilingual } from './messages'
import { toBuddhistYear } from './thaiDate'
import { neutraliseCell } from './spreadsheet'
import {
  addCalendarDays,
  bangkokDateOf,
  startOfBangkokDay,
  type WorkingDayCalendar,
  workingDayWindowEnd,
} from './workingDays'

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** The counts of one report, in the order the form shows them. */
export const LICENCE_COUNT_FIELDS = [
  'pendingCarriedOver',
  'received',
  'approved',
  'notApproved',
  'withdrawn',
  'pendingAtMonthEnd',
  'decidedLate',
] as const
export type LicenceCountField = (typeof LICENCE_COUNT_FIELDS)[number]
export type LicenceCounts = Record<LicenceCountField, number>

export const LICENCE_COUNT_LABELS: Record<LicenceCountField, { th: string; en: string }> = {
  pendingCarriedOver: { th: 'คำขอค้างยกมาจากเดือนก่อน', en: 'Pending, carried over' },
  received: { th: 'คำขอที่รับในเดือน', en: 'Received' },
  approved: { th: 'อนุญาต (ออกใบอนุญาต)', en: 'Approved (licence issued)' },
  notApproved: { th: 'ไม่อนุญาต', en: 'Not approved' },
  withdrawn: { th: 'ยกเลิก / ถอนคำขอ', en: 'Withdrawn' },
  pendingAtMonthEnd: { th: 'คงค้าง ณ สิ้นเดือน', en: 'Pending at month end' },
  decidedLate: { th: 'พิจารณาเกินระยะเวลาที่กำหนดในคู่มือ', en: 'Decided later than the manual states' },
}

export type FieldError = { path: string; message: string }

export const emptyCounts = (): LicenceCounts =>
  Object.fromEntries(LICENCE_COUNT_FIELDS.map((field) => [field, 0])) as LicenceCounts

/** Applications decided in the month: a withdrawal closes an application as much as a decision. */
export const decidedOf = (c: LicenceCounts): number => c.approved + c.notApproved + c.withdrawn

/** What should still be pending at month end, given the rest of the figures. */
export const expectedPendingAtMonthEnd = (c: LicenceCounts): number => c.pendingCarriedOver + c.received - decidedOf(c)

/**
 * Checks a report's figures: every count a whole number ≥ 0; no more decided than there were
 * applications (received + carried over); the month-end pending equal to what is left; and no more
 * late decisions than decisions (a withdrawal is not a decision the office could be late with).
 */
export function validateLicenceCounts(input: Partial<Record<LicenceCountField, unknown>>): FieldError[] {
  const errors: FieldError[] = []
  for (const field of LICENCE_COUNT_FIELDS) {
    const value = input[field]
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      const { th, en } = LICENCE_COUNT_LABELS[field]
      errors.push({
        path: field,
        message: bilingual(`${th}: ต้องเป็นจำนวนเต็มที่ไม่ติดลบ`, `${en}: must be a whole number, 0 or more`),
      })
    }
  }
  if (errors.length) return errors
  const c = input as LicenceCounts
  const available = c.received + c.pendingCarriedOver
  if (decidedOf(c) > available) {
    errors.push({
      path: 'approved',
      message: bilingual(
        `จำนวนที่พิจารณาแล้ว (อนุญาต + ไม่อนุญาต + ยกเลิก = ${decidedOf(c)}) ต้องไม่เกินคำขอที่รับรวมคำขอค้างยกมา (${available})`,
        `Decided (approved + not approved + withdrawn = ${decidedOf(c)}) must not exceed received plus carried over (${available})`,
      ),
    })
  } else if (c.pendingAtMonthEnd !== expectedPendingAtMonthEnd(c)) {
    errors.push({
      path: 'pendingAtMonthEnd',
      message: bilingual(
        `คงค้าง ณ สิ้นเดือนต้องเท่ากับ ${expectedPendingAtMonthEnd(c)} (ยกมา + รับ − พิจารณาแล้ว)`,
        `Pending at month end must be ${expectedPendingAtMonthEnd(c)} (carried over + received − decided)`,
      ),
    })
  }
  if (c.decidedLate > c.approved + c.notApproved) {
    errors.push({
      path: 'decidedLate',
      message: bilingual(
        `จำนวนที่พิจารณาเกินเวลาต้องไม่เกินจำนวนที่อนุญาตและไม่อนุญาต (${c.approved + c.notApproved})`,
        `Decided late must not exceed approved plus not approved (${c.approved + c.notApproved})`,
      ),
    })
  }
  return errors
}

/** The count fields whose value differs between two versions of a report. */
export const changedCounts = (
  before: Partial<Record<LicenceCountField, unknown>>,
  after: Partial<Record<LicenceCountField, unknown>>,
): LicenceCountField[] => LICENCE_COUNT_FIELDS.filter((field) => Number(before[field] ?? 0) !== Number(after[field] ?? 0))

// ---------------------------------------------------------------------------------------------
// Periods and deadlines
// ---------------------------------------------------------------------------------------------

/** One reporting month, in the CE year. */
export type Period = { year: number; month: number }

export const DEFAULT_DEADLINE_DAY = 10

/**
 * The day of the following month through which a month's report stays open
 * (LICENCE_REPORT_DEADLINE_DAY, 1-28, default 10).
 */
export function deadlineDayFrom(value: string | undefined): number {
  const day = Number(value)
  return Number.isInteger(day) && day >= 1 && day <= 28 ? day : DEFAULT_DEADLINE_DAY
}

export const isValidPeriod = (p: Partial<Period>): p is Period =>
  Number.isInteger(p.year) && Number.isInteger(p.month) && (p.year as number) >= 2000 && (p.year as number) <= 2200 && (p.month as number) >= 1 && (p.month as number) <= 12

export const periodKey = (p: Period): string => `${p.year}-${String(p.month).padStart(2, '0')}`
export const nextPeriod = (p: Period): Period => (p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 })
export const previousPeriod = (p: Period): Period => (p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 })
export const comparePeriods = (a: Period, b: Period): number => a.year - b.year || a.month - b.month

const firstDayOf = (p: Period): string => `${periodKey(p)}-01`

/** The instant a month begins in Bangkok: its report can be started from then. */
export const periodOpensAt = (p: Period): Date => startOfBangkokDay(firstDayOf(p))

/** The instant a month's report locks: the end of `deadlineDay` of the following month, Bangkok time. */
export function periodLocksAt(p: Period, deadlineDay = DEFAULT_DEADLINE_DAY): Date {
  const next = nextPeriod(p)
  return startOfBangkokDay(addCalendarDays(`${periodKey(next)}-${String(deadlineDay).padStart(2, '0')}`, 1))
}

/** The month an instant falls in, in Bangkok. */
export const periodOf = (instant: Date): Period => {
  const day = bangkokDateOf(instant)
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) }
}

/** Quarters of the calendar year (the Cabinet's quarterly reports): 1 = January-March. */
export const monthsOfQuarter = (quarter: number): number[] => {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter must be 1-4, got ${quarter}`)
  return [1, 2, 3].map((i) => (quarter - 1) * 3 + i)
}
export const quarterOf = (month: number): number => Math.floor((month - 1) / 3) + 1

/** "เมษายน 2569": a period as Thai readers name it (Buddhist era). */
export const THAI_MONTHS = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
]
export const formatThaiPeriod = (p: Period): string => `${THAI_MONTHS[p.month - 1]} ${toBuddhistYear(p.year)}`

// ---------------------------------------------------------------------------------------------
// Unlock requests (ขอปลดล็อค)
// ---------------------------------------------------------------------------------------------

export const UNLOCK_STATES = ['requested', 'approved', 'refused'] as const
export type UnlockState = (typeof UNLOCK_STATES)[number]
export const UNLOCK_STATE_LABELS: Record<UnlockState, { th: string; en: string }> = {
  requested: { th: 'รอพิจารณา', en: 'Requested' },
  approved: { th: 'อนุมัติ', en: 'Approved' },
  refused: { th: 'ไม่อนุมัติ', en: 'Refused' },
}

/** Working days a unit has to report once its unlock request is approved. */
export const UNLOCK_WINDOW_WORKING_DAYS = 5

/** What the rules need of an unlock request of the period. */
export type UnlockRequestFacts = { state: UnlockState; decidedAt?: Date | string | null; windowEndsAt?: Date | string | null }

/** The only moves: a request is approved or refused once, by the approver; nothing moves after. */
export function unlockTransition(from: UnlockState, to: UnlockState): { ok: true } | { ok: false; message: string } {
  if (from === to) return { ok: true }
  if (from === 'requested' && (to === 'approved' || to === 'refused')) return { ok: true }
  return {
    ok: false,
    message: bilingual(
      `คำขอปลดล็อคที่${UNLOCK_STATE_LABELS[from].th}แล้ว เปลี่ยนเป็น "${UNLOCK_STATE_LABELS[to].th}" ไม่ได้`,
      `An unlock request that is ${from} cannot become ${to}`,
    ),
  }
}

/** When an approval made at `approvedAt` stops letting the unit edit: 5 Thai working days later. */
export const unlockWindowEndsAt = (approvedAt: Date, calendar: WorkingDayCalendar): Date =>
  workingDayWindowEnd(approvedAt, UNLOCK_WINDOW_WORKING_DAYS, calendar)

const toTime = (value: Date | string | null | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null
  const time = (value instanceof Date ? value : new Date(value)).getTime()
  return Number.isNaN(time) ? null : time
}

/**
 * Where a unit's period stands at `now`:
 * - `not-open`: the month has not begun;
 * - `open`: until the deadline;
 * - `locked`: past the deadline, an unlock may be requested;
 * - `unlock-requested`: a request waits for the approver;
 * - `unlocked`: an approved request's window runs (until `editableUntil`);
 * - `closed`: the approved window has passed; locked for good (one unlock per period).
 */
export type PeriodStatus = 'not-open' | 'open' | 'locked' | 'unlock-requested' | 'unlocked' | 'closed'
export type PeriodState = { status: PeriodStatus; editable: boolean; canRequestUnlock: boolean; locksAt: Date; editableUntil: Date | null }

export function periodState(p: Period, now: Date, requests: UnlockRequestFacts[], deadlineDay = DEFAULT_DEADLINE_DAY): PeriodState {
  const locksAt = periodLocksAt(p, deadlineDay)
  const at = now.getTime()
  const result = (status: PeriodStatus, editableUntil: Date | null = null): PeriodState => ({
    status,
    editable: status === 'open' || status === 'unlocked',
    canRequestUnlock: status === 'locked',
    locksAt,
    editableUntil,
  })
  if (at < periodOpensAt(p).getTime()) return result('not-open')
  if (at < locksAt.getTime()) return result('open', locksAt)
  const approved = requests.find((r) => r.state === 'approved')
  if (approved) {
    const endsAt = toTime(approved.windowEndsAt)
    return endsAt !== null && at < endsAt ? result('unlocked', new Date(endsAt)) : result('closed')
  }
  if (requests.some((r) => r.state === 'requested')) return result('unlock-requested')
  return result('locked')
}

/** Why a report may not be written now, or null when it may. */
export function editBlockedReason(state: PeriodState): string | null {
  switch (state.status) {
    case 'open':
    case 'unlocked':
      return null
    case 'not-open':
      return bilingual('ยังไม่ถึงเดือนที่รายงาน', 'This month has not begun yet')
    case 'closed':
      return bilingual(
        'งวดนี้ปิดถาวรแล้ว: พ้นกำหนด 5 วันทำการหลังอนุมัติปลดล็อค และขอปลดล็อคได้เพียงครั้งเดียว',
        'This period is closed for good: the 5-working-day unlock window has passed and a period is unlocked only once',
      )
    default:
      return bilingual(
        'งวดนี้พ้นกำหนดรายงานและถูกล็อคแล้ว กรุณายื่นคำขอปลดล็อค',
        'This period is past its deadline and locked: request an unlock',
      )
  }
}

/** Why an unlock request may not be made now, or null when it may. */
export function unlockRequestBlockedReason(state: PeriodState): string | null {
  switch (state.status) {
    case 'locked':
      return null
    case 'not-open':
    case 'open':
      return bilingual('งวดนี้ยังไม่ถูกล็อค รายงานได้โดยไม่ต้องขอปลดล็อค', 'This period is not locked: report without an unlock')
    case 'unlock-requested':
      return bilingual('มีคำขอปลดล็อครอพิจารณาอยู่แล้ว', 'An unlock request for this period is already waiting')
    case 'unlocked':
      return bilingual('งวดนี้ปลดล็อคอยู่แล้ว', 'This period is already unlocked')
    default:
      return bilingual(
        'งวดนี้เคยได้รับอนุมัติปลดล็อคแล้ว ขอปลดล็อคอีกไม่ได้',
        'This period has been unlocked once already: no further unlock request is accepted',
      )
  }
}

// ---------------------------------------------------------------------------------------------
// Rollups
// ---------------------------------------------------------------------------------------------

export const addCounts = (a: LicenceCounts, b: Partial<Record<LicenceCountField, unknown>> | Record<string, unknown>): LicenceCounts =>
  Object.fromEntries(LICENCE_COUNT_FIELDS.map((f) => [f, a[f] + (Number(b[f]) || 0)])) as LicenceCounts

/**
 * Sums reports of a span of months. Stocks are not flows: over several months the carried-over
 * figure is each series' first month's and the month-end pending its last month's, so a quarter
 * reads like one long month. A series is one unit's one process (`series`), summed on its own
 * first so a unit that missed a month does not shift another unit's stock.
 */
export function sumPeriodCounts(
  reports: Array<Period & { series?: string } & Partial<Record<LicenceCountField, unknown>>>,
): LicenceCounts {
  const bySeries = new Map<string, typeof reports>()
  for (const r of reports) {
    const key = r.series ?? ''
    bySeries.set(key, [...(bySeries.get(key) ?? []), r])
  }
  const total = emptyCounts()
  for (const series of bySeries.values()) {
    const first = Math.min(...series.map((r) => r.year * 12 + r.month))
    const last = Math.max(...series.map((r) => r.year * 12 + r.month))
    for (const r of series) {
      const index = r.year * 12 + r.month
      for (const f of LICENCE_COUNT_FIELDS) {
        if (f === 'pendingCarriedOver' && index !== first) continue
        if (f === 'pendingAtMonthEnd' && index !== last) continue
        total[f] += Number(r[f]) || 0
      }
    }
  }
  return total
}

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/**
 * A spreadsheet cell that cannot run as a formula: text starting with = + - @, a tab or a carriage
 * return gets a leading apostrophe (OWASP's advice), so Excel shows it as text. Numbers pass.
 */
export const neutraliseFormula = neutraliseCell
