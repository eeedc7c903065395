/**
 * Delay notices (หนังสือแจ้งเรื่องล่าช้า) under s.10 of the Licensing Facilitation Act B.E. 2558:
 * when an application is not decided within the time the citizen manual states, the applicant
 * is told why every 7 days until the decision (and OPDC gets a copy each time).
 *
 * Pure date arithmetic; working days (weekends and public holidays) come from the caller, so
 * these rules test without a holiday calendar.
 */
import { DURATION_UNITS } from './duration'
import { neutraliseCell } from './spreadsheet'

const MINUTE = 60 * 1000
const DAY = 24 * 60 * MINUTE

/** "ทุกเจ็ดวัน": the Act counts calendar days here (it says วันทำการ where it means working days). */
export const NOTICE_INTERVAL_DAYS = 7

/** A working day is 7 working hours in OPDC's manual template (src/lib/duration.ts). */
const WORKING_DAY_MINUTES = DURATION_UNITS.find((u) => u.value === 'days')!.minutes

export const DELAY_STATES = [
  { value: 'open', th: 'อยู่ระหว่างพิจารณา', en: 'Open' },
  { value: 'overdue', th: 'ค้างแจ้งความล่าช้า', en: 'Notice overdue' },
  { value: 'closed', th: 'พิจารณาแล้วเสร็จ', en: 'Decided' },
] as const
export type DelayState = (typeof DELAY_STATES)[number]['value']

export const NOTICE_CHANNELS = [
  { value: 'letter', th: 'หนังสือ / ไปรษณีย์', en: 'Letter or post' },
  { value: 'email', th: 'อีเมล', en: 'Email' },
  { value: 'sms', th: 'ข้อความ SMS', en: 'SMS' },
  { value: 'phone', th: 'โทรศัพท์', en: 'Phone' },
  { value: 'in-person', th: 'แจ้งด้วยตนเอง', en: 'In person' },
  { value: 'other', th: 'อื่น ๆ', en: 'Other' },
] as const

export const DECISION_OUTCOMES = [
  { value: 'approved', th: 'อนุญาต / อนุมัติ', en: 'Approved' },
  { value: 'refused', th: 'ไม่อนุญาต', en: 'Refused' },
  { value: 'withdrawn', th: 'ผู้ยื่นคำขอถอนคำขอ', en: 'Withdrawn by the applicant' },
  { value: 'returned', th: 'คืนคำขอ', en: 'Returned' },
] as const

/** Adds `days` working days to a moment, keeping its time of day (weekends and holidays skipped). */
export type AddWorkingDays = (from: Date, days: number) => Date

export type StatedDuration = { totalDuration?: number | null; totalDurationUnit?: string | null }

/** The manual's stated total time in working minutes, or null when it states none (a zero total is none). */
export function statedWorkingMinutes({ totalDuration, totalDurationUnit }: StatedDuration): number | null {
  const unit = DURATION_UNITS.find((u) => u.value === totalDurationUnit)
  if (!unit || typeof totalDuration !== 'number' || !Number.isFinite(totalDuration) || totalDuration <= 0) return null
  return Math.round(totalDuration * unit.minutes)
}

/**
 * When the decision is due: the manual's total time counted as working time from receipt. Every
 * 7 working hours make one working day (weekends and holidays skipped); what remains under a
 * day is added as clock time. So 2 days → 2 working days later, 30 minutes → 30 minutes later,
 * 10 hours → 1 working day and 3 hours later.
 */
export function decisionDueAt(receivedAt: Date, stated: StatedDuration, addWorkingDays: AddWorkingDays): Date | null {
  const minutes = statedWorkingMinutes(stated)
  if (minutes === null || Number.isNaN(receivedAt.getTime())) return null
  const wholeDays = Math.floor(minutes / WORKING_DAY_MINUTES)
  const remainder = minutes - wholeDays * WORKING_DAY_MINUTES
  const afterDays = wholeDays > 0 ? addWorkingDays(receivedAt, wholeDays) : receivedAt
  return new Date(afterDays.getTime() + remainder * MINUTE)
}

type NoticeLike = { sentAt?: string | Date | null }

const toTime = (value: string | Date | null | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? null : time
}

/** The latest notice actually sent, or null. */
export function lastNoticeAt(notices: NoticeLike[] | null | undefined): Date | null {
  const times = (notices ?? []).map((n) => toTime(n.sentAt)).filter((t): t is number => t !== null)
  return times.length ? new Date(Math.max(...times)) : null
}

/**
 * When the next notice is owed: the first when the stated time runs out (the due date), then
 * 7 days after the latest notice. An early notice (sent more than 7 days before the due date)
 * never makes one owed before the due date. Null once decided.
 */
export function nextNoticeDueAt(args: {
  dueAt: Date | null
  notices?: NoticeLike[] | null
  decidedAt?: string | Date | null
}): Date | null {
  if (toTime(args.decidedAt ?? null) !== null || !args.dueAt) return null
  const last = lastNoticeAt(args.notices)
  if (!last) return args.dueAt
  const afterLast = last.getTime() + NOTICE_INTERVAL_DAYS * DAY
  return new Date(Math.max(afterLast, args.dueAt.getTime()))
}

/** closed once decided; overdue while a notice is owed and not sent; open otherwise. */
export function delayState(args: { nextNoticeDueAt: Date | null; decidedAt?: string | Date | null; now: Date }): DelayState {
  if (toTime(args.decidedAt ?? null) !== null) return 'closed'
  if (args.nextNoticeDueAt && args.nextNoticeDueAt.getTime() <= args.now.getTime()) return 'overdue'
  return 'open'
}

/** How long before a notice falls due the unit is reminded (a day, so the letter can go out on time). */
export const REMINDER_LEAD_HOURS = 24

/**
 * Whether the unit should be reminded now about the notice due at `nextNoticeDueAt`: it falls due
 * within the lead time (or is already late) and no reminder was sent for that same due date.
 */
export function reminderDue(args: {
  nextNoticeDueAt: Date | null
  remindedFor?: string | Date | null
  now: Date
  leadHours?: number
}): boolean {
  if (!args.nextNoticeDueAt) return false
  const lead = (args.leadHours ?? REMINDER_LEAD_HOURS) * 60 * MINUTE
  if (args.nextNoticeDueAt.getTime() - lead > args.now.getTime()) return false
  return toTime(args.remindedFor ?? null) !== args.nextNoticeDueAt.getTime()
}

export const DEFAULT_CONTACT_RETENTION_DAYS = 365

/** DELAY_CONTACT_RETENTION_DAYS, falling back to the default on a missing or bad value. */
export function contactRetentionDays(raw: string | undefined): number {
  const days = Number(raw)
  return raw !== undefined && raw !== '' && Number.isInteger(days) && days >= 0 ? days : DEFAULT_CONTACT_RETENTION_DAYS
}

/** PDPA: the applicant's contact details are deleted this long after the case closes. */
export function contactRetentionEndsAt(decidedAt: string | Date | null | undefined, retentionDays: number): Date | null {
  const decided = toTime(decidedAt ?? null)
  return decided === null ? null : new Date(decided + retentionDays * DAY)
}

/** Cases decided before this moment have outlived the retention period. */
export const retentionCutoff = (now: Date, retentionDays: number): Date => new Date(now.getTime() - retentionDays * DAY)

// Tracking codes -----------------------------------------------------------------------------

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const TRACKING_CODE_LENGTH = 10

/**
 * A new tracking code: 10 Crockford base32 characters (50 random bits from the platform's
 * CSPRNG). Too many to guess within the lookup's rate limit, short enough to type from a letter.
 */
export function generateTrackingCode(randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = randomBytes(TRACKING_CODE_LENGTH)
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every symbol equally likely.
  return Array.from(bytes, (b) => CROCKFORD[b % 32]).join('')
}

/**
 * What a citizen typed, as stored: upper case, spaces and hyphens dropped, and Crockford's
 * look-alikes read as digits (O → 0, I/L → 1). Null when it cannot be a tracking code.
 */
export function normalizeTrackingCode(input: unknown): string | null {
  if (typeof input !== 'string') return null
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (code.length !== TRACKING_CODE_LENGTH) return null
  return [...code].every((c) => CROCKFORD.includes(c)) ? code : null
}

/** Shown to people in two groups of five: ABCDE-FGHJK. */
export const formatTrackingCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`

// Exports ------------------------------------------------------------------------------------

/**
 * A text cell a spreadsheet would run as a formula (= + - @, or a leading tab / carriage return)
 * is prefixed with an apostrophe, so an exported reason like "=HYPERLINK(...)" stays text.
 */
export function neutraliseFormula(value: string): string {
  return neutraliseCell(value)
}
