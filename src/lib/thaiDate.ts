/**
 * Dates are stored in UTC and shown to Thai readers in the Buddhist era (พ.ศ. = ค.ศ. + 543)
 * in the Asia/Bangkok time zone. ICU's Buddhist calendar does the conversion.
 */
import type { Locale } from 'date-fns'

import { bilingual } from './messages'

export const BANGKOK_TZ = 'Asia/Bangkok'

type DateInput = Date | string | number | null | undefined

const toDate = (value: DateInput): Date | null => {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Thai unless the admin or site language is another one (Thai is the default). */
const isThai = (language: string | undefined): boolean => !language || language.startsWith('th')

export function formatThaiDate(value: DateInput, options: { withTime?: boolean; short?: boolean } = {}): string {
  const date = toDate(value)
  if (!date) return ''
  return new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: BANGKOK_TZ,
    day: 'numeric',
    month: options.short ? 'short' : 'long',
    year: 'numeric',
    ...(options.withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  }).format(date)
}

/** English readers get the Gregorian calendar, still in Bangkok time. */
export function formatDateFor(language: string | undefined, value: DateInput, withTime = false): string {
  if (isThai(language)) return formatThaiDate(value, { withTime, short: true })
  const date = toDate(value)
  if (!date) return ''
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: BANGKOK_TZ,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  }).format(date)
}

export const toBuddhistYear = (ceYear: number): number => ceYear + 543

/** A Gregorian year as a reader expects it: 2569 (พ.ศ.) in Thai, 2026 in English. */
export const yearFor = (language: string | undefined, ceYear: number): string => String(isThai(language) ? toBuddhistYear(ceYear) : ceYear)

/** A month's name alone: "ธันวาคม" / "December" (short: "ธ.ค." / "Dec"). */
export function monthNameFor(language: string | undefined, month: number, short = false): string {
  return new Intl.DateTimeFormat(isThai(language) ? 'th-TH' : 'en-GB', { timeZone: 'UTC', month: short ? 'short' : 'long' }).format(new Date(Date.UTC(2000, month - 1, 15)))
}

/** A calendar month ("ธันวาคม 2569" / "December 2026", short: "ธ.ค. 2569" / "Dec 2026"): Buddhist era in Thai, Gregorian in English. */
export function formatMonthFor(language: string | undefined, year: number, month: number, short = false): string {
  const thai = isThai(language)
  // Mid-month in UTC is the same month in Bangkok (and anywhere else).
  return new Intl.DateTimeFormat(thai ? 'th-TH-u-ca-buddhist' : 'en-GB', { timeZone: BANGKOK_TZ, month: short ? 'short' : 'long', year: 'numeric' }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  )
}

/** A day written `YYYY-MM-DD` (a Bangkok calendar day in the API's filters and day fields). */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/*
 * Payload's DatePicker stores a picked day (appearances `default`, `dayOnly`, `monthOnly`) as
 * 12:00 UTC of the day picked in the calendar, whatever the browser's time zone: noon UTC is the
 * same calendar day in Bangkok (19:00) and in every zone from UTC-12 to UTC+11.
 */
/** The instant Payload's DatePicker gives a calendar day: `YYYY-MM-DD` at 12:00 UTC. */
export const pickedDayInstant = (day: string): string => `${day}T12:00:00.000Z`

/** The calendar day a day picker's value means (its UTC date: the picker puts days at 12:00 UTC). */
export const dayOfPicked = (value: Date | string): string => new Date(value).toISOString().slice(0, 10)

/** Whether `value` is a day written `YYYY-MM-DD` (not checked against the calendar). */
/** `YYYY-MM-DD` naming a real calendar day (not 2026-02-30 nor 2026-13-01, which Date would roll over). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = ISO_DAY.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}
export const toGregorianYear = (beYear: number): number => beYear - 543

/*
 * Payload's admin formats every date with date-fns (`format(date, pattern, { locale })`) and
 * react-datepicker parses typed dates with date-fns `parse`. date-fns' `y` token ignores the
 * locale, but `yo` (the year as an "ordinal") asks `locale.localize.ordinalNumber(year, { unit:
 * 'year' })` and parses with `locale.match.ordinalNumber(text, { unit: 'year' })`. So a Thai
 * locale that answers the Buddhist year there (and an English one that answers the plain year)
 * together with `yo` patterns make date-fns itself print and read พ.ศ.; storage stays UTC.
 */
/** Payload's `admin.dateFormat`: lists, document controls, version history. `yo`, never `y`. */
export const ADMIN_DATE_FORMAT = 'd MMM yo HH:mm'

/** The date picker's display (and typing) format per Payload `pickerAppearance`. */
export const PICKER_DISPLAY_FORMATS = {
  default: 'd MMM yo',
  dayAndTime: ADMIN_DATE_FORMAT,
  monthOnly: 'MMMM yo',
  dayOnly: 'd MMM',
  timeOnly: 'HH:mm',
} as const

/** The picker's list of times: 24-hour clock, as Thai officials write it (not "1:30 หลังเที่ยง"). */
export const PICKER_TIME_FORMAT = 'HH:mm'

export type PickerAppearance = keyof typeof PICKER_DISPLAY_FORMATS

export const displayFormatFor = (appearance: string | undefined): string =>
  PICKER_DISPLAY_FORMATS[(appearance ?? 'default') as PickerAppearance] ?? PICKER_DISPLAY_FORMATS.default

/** A date-fns locale whose `yo` prints and parses the Buddhist-era year (2026 ⇄ "2569"). */
export function withBuddhistEraYears(locale: Locale): Locale {
  const { localize, match } = locale
  if (!localize || !match) throw new Error(`date-fns locale ${locale.code} has no localize/match`)
  return {
    ...locale,
    localize: {
      ...localize,
      ordinalNumber: (value, options) => (options?.unit === 'year' ? String(toBuddhistYear(Number(value))) : localize.ordinalNumber(value, options)),
    },
    match: {
      ...match,
      ordinalNumber: (text, options) => {
        const matched = match.ordinalNumber(text, options)
        return matched && options?.unit === 'year' ? { ...matched, value: toGregorianYear(matched.value) } : matched
      },
    },
  }
}

/** A date-fns locale whose `yo` is the plain Gregorian year ("2026", not English's "2026th"). */
export function withPlainYears(locale: Locale): Locale {
  const { localize } = locale
  if (!localize) throw new Error(`date-fns locale ${locale.code} has no localize`)
  return {
    ...locale,
    localize: { ...localize, ordinalNumber: (value, options) => (options?.unit === 'year' ? String(value) : localize.ordinalNumber(value, options)) },
  }
}

/**
 * Years from here on are not plausible Gregorian dates for this system, but are exactly what a
 * Buddhist-era year (25xx) read as Gregorian gives (e.g. "2569" typed where the picker could not
 * parse it).
 */
export const FIRST_IMPLAUSIBLE_CE_YEAR = 2400
/** No date this system keeps (publication, cases, holidays, reports) lies before 1900 CE. */
export const FIRST_PLAUSIBLE_CE_YEAR = 1900

/** Gregorian year of a stored date value, or null when it is no date. */
export function gregorianYearOf(value: unknown): number | null {
  if (!(value instanceof Date) && typeof value !== 'string' && typeof value !== 'number') return null
  const date = toDate(value)
  return date ? date.getUTCFullYear() : null
}

/** The Thai-then-English reason a date is refused as a Buddhist-era year taken for Gregorian, else null. */
export function buddhistYearMistake(value: unknown): string | null {
  const year = gregorianYearOf(value)
  if (year === null) return null
  if (year < FIRST_PLAUSIBLE_CE_YEAR) {
    // The other way round: a CE year typed where the Thai admin reads พ.ศ. (2026 → 1483 CE).
    return bilingual(
      `ปี ค.ศ. ${year} (พ.ศ. ${toBuddhistYear(year)}) น่าจะเป็นปี ค.ศ. ที่พิมพ์แทนปี พ.ศ.: ในหน้าภาษาไทยให้พิมพ์ปี พ.ศ. เช่น 3 ธ.ค. 2569 หรือเลือกวันที่จากปฏิทิน`,
      `year ${year} CE (B.E. ${toBuddhistYear(year)}) looks like a Gregorian year typed where the Thai admin reads a Buddhist-era one: type the B.E. year as shown (3 ธ.ค. 2569) or pick the date in the calendar; over the API send ISO 8601 dates in the Gregorian calendar`,
    )
  }
  if (year < FIRST_IMPLAUSIBLE_CE_YEAR) return null
  return bilingual(
    `ปี ${year} ถูกบันทึกเป็น ค.ศ. แต่น่าจะเป็นปี พ.ศ. (พ.ศ. ${year} = ค.ศ. ${toGregorianYear(year)}): เลือกวันที่จากปฏิทิน หรือพิมพ์ตามรูปแบบที่แสดง เช่น 3 ธ.ค. 2569`,
    `year ${year} CE looks like a Buddhist-era year read as Gregorian (B.E. ${year} = ${toGregorianYear(year)} CE): pick the date in the calendar or type it as shown; over the API send ISO 8601 dates in the Gregorian calendar, e.g. 2026-12-03T07:05:00.000Z`,
  )
}
