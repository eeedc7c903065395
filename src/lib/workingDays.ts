import Holidays from 'date-holidays'

import { isIsoDate } from './thaiDate'

/**
 * Thai government working days, counted on the Asia/Bangkok calendar.
 *
 * A day is a calendar day in Bangkok written `YYYY-MM-DD` (CE). Thailand keeps UTC+7 all year
 * (no daylight saving), so converting an instant is a fixed offset.
 */
export type IsoDate = string

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** The Bangkok calendar day an instant falls on. */
export const bangkokDateOf = (instant: Date): IsoDate =>
  new Date(instant.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10)

/** An ISO 8601 date-time with its offset (`Z` or `+07:00`): an instant, unlike a bare day. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

/**
 * The Bangkok calendar day a date value means: `YYYY-MM-DD` is that day; an ISO 8601 instant (with
 * its offset) or a Date is the day it falls on in Bangkok. Null for anything else, including the
 * locale-dependent texts JavaScript's Date would guess at ("04/05/2026").
 */
export function bangkokDayOf(value: unknown): IsoDate | null {
  if (isIsoDate(value)) return value
  const instant = value instanceof Date ? value : typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : null
  return instant && !Number.isNaN(instant.getTime()) ? bangkokDateOf(instant) : null
}

/** The instant a Bangkok calendar day begins (00:00 +07:00). */
export const startOfBangkokDay = (day: IsoDate): Date => new Date(Date.parse(`${day}T00:00:00Z`) - BANGKOK_OFFSET_MS)

/** `day` moved by `n` calendar days. */
export const addCalendarDays = (day: IsoDate, n: number): IsoDate =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)

/** 0 = Sunday ... 6 = Saturday. */
const weekdayOf = (day: IsoDate): number => new Date(`${day}T00:00:00Z`).getUTCDay()
export const isWeekend = (day: IsoDate): boolean => {
  const weekday = weekdayOf(day)
  return weekday === 0 || weekday === 6
}

const thaiHolidayData = new Holidays('TH', { languages: ['th', 'en'] })
const publicHolidayCache = new Map<number, Map<IsoDate, string>>()

/** date-holidays' public holidays of Thailand for one year (no substitute days: it lists none for TH). */
function listedPublicHolidays(year: number): Map<IsoDate, string> {
  const cached = publicHolidayCache.get(year)
  if (cached) return cached
  const days = new Map<IsoDate, string>()
  for (const holiday of thaiHolidayData.getHolidays(year, 'th')) {
    if (holiday.type !== 'public') continue
    days.set(holiday.date.slice(0, 10), holiday.name)
  }
  publicHolidayCache.set(year, days)
  return days
}

const holidayYearCache = new Map<number, Map<IsoDate, string>>()

/**
 * Thai public holidays of a year with their substitute days (วันหยุดชดเชย): a public holiday that
 * falls on a Saturday or Sunday gives the next weekday that is not already a holiday off, as the
 * Cabinet's standing rule does. Holidays late in December may put a substitute into January.
 */
export function thaiPublicHolidays(year: number): Map<IsoDate, string> {
  const cached = holidayYearCache.get(year)
  if (cached) return cached
  const listed = new Map([...listedPublicHolidays(year - 1), ...listedPublicHolidays(year)])
  const all = new Map(listed)
  const ordered = [...listed.keys()].sort()
  for (const day of ordered) {
    if (!isWeekend(day)) continue
    let substitute = addCalendarDays(day, 1)
    while (isWeekend(substitute) || all.has(substitute)) substitute = addCalendarDays(substitute, 1)
    all.set(substitute, `ชดเชย${listed.get(day)}`)
  }
  const prefix = `${year}-`
  const result = new Map([...all].filter(([day]) => day.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b)))
  holidayYearCache.set(year, result)
  return result
}

export type WorkingDayCalendar = {
  /** The holiday's name when `day` is a public or extra holiday, else null. */
  holidayName: (day: IsoDate) => string | null
  isWorkingDay: (day: IsoDate) => boolean
  /** The `n`-th working day after `day` (`day` itself never counts); n = 0 gives `day`. */
  addWorkingDays: (day: IsoDate, n: number) => IsoDate
}

/**
 * A calendar of working days: Monday to Friday except Thai public holidays (with substitutes)
 * and the extra holidays given (days the Cabinet declares, which no library knows in advance).
 */
export function thaiWorkingCalendar(extraHolidays: Iterable<IsoDate | { date: IsoDate; name?: string | null }> = []): WorkingDayCalendar {
  const extra = new Map<IsoDate, string>()
  for (const entry of extraHolidays) {
    const date = typeof entry === 'string' ? entry : entry.date
    const name = typeof entry === 'string' ? null : entry.name
    if (isIsoDate(date)) extra.set(date, name || 'วันหยุดพิเศษ')
  }
  const holidayName = (day: IsoDate): string | null =>
    extra.get(day) ?? thaiPublicHolidays(Number(day.slice(0, 4))).get(day) ?? null
  const isWorkingDay = (day: IsoDate): boolean => !isWeekend(day) && holidayName(day) === null
  const addWorkingDays = (day: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number of days, got ${n}`)
    let current = day
    for (let left = n; left > 0; ) {
      current = addCalendarDays(current, 1)
      if (isWorkingDay(current)) left -= 1
    }
    return current
  }
  return { holidayName, isWorkingDay, addWorkingDays }
}

/** The `n`-th Thai working day after `day`, skipping weekends, public holidays and `extraHolidays`. */
export const addWorkingDays = (day: IsoDate, n: number, extraHolidays: Iterable<IsoDate> = []): IsoDate =>
  thaiWorkingCalendar(extraHolidays).addWorkingDays(day, n)

/**
 * The instant a window of `n` working days that opens at `opensAt` closes: the end (midnight,
 * Bangkok) of the `n`-th working day after the opening day. A window opened on Friday afternoon
 * with n = 1 stays open through Monday (when Monday is a working day).
 */
export function workingDayWindowEnd(opensAt: Date, n: number, calendar: WorkingDayCalendar): Date {
  const lastDay = calendar.addWorkingDays(bangkokDateOf(opensAt), n)
  return startOfBangkokDay(addCalendarDays(lastDay, 1))
}
