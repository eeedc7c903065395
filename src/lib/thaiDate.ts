/**
 * Dates are stored in UTC and shown to Thai readers in the Buddhist era (พ.ศ. = ค.ศ. + 543)
 * in the Asia/Bangkok time zone. ICU's Buddhist calendar does the conversion.
 */
export const BANGKOK_TZ = 'Asia/Bangkok'

type DateInput = Date | string | number | null | undefined

const toDate = (value: DateInput): Date | null => {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

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
  if (!language || language.startsWith('th')) return formatThaiDate(value, { withTime, short: true })
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
export const toGregorianYear = (beYear: number): number => beYear - 543
