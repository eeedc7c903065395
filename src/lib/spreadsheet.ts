/**
 * Spreadsheet cells shared by every CSV / XLSX export (pure, no Payload import).
 *
 * - Formula injection (OWASP "CSV injection"): Excel and LibreOffice run a cell that starts with
 *   = + - @, a tab or a carriage return as a formula, so such text gets a leading apostrophe.
 * - Excel opens a CSV as the local code page unless it starts with a UTF-8 byte-order mark, which
 *   turns Thai into mojibake: every CSV starts with BOM.
 * - Dates go out as text in the reader's calendar: Buddhist era for Thai readers, Gregorian otherwise.
 */
import { BANGKOK_TZ } from './thaiDate'

export const BOM = '\uFEFF'
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8'
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export type ExportFormat = 'csv' | 'xlsx'
export type Cell = string | number | boolean | null | undefined
export type ExportColumn = { key: string; header: string; width?: number }

// = + - @ tab CR (char codes; this runs for every cell of a million-row export).
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d])

/** Text that a spreadsheet would run as a formula gets a leading apostrophe; anything else passes. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value
}

/** A row ready for a spreadsheet: text neutralised, null/undefined as empty. */
export function safeRow(row: readonly Cell[]): Array<string | number | boolean> {
  return row.map((cell) => (cell === null || cell === undefined ? '' : (neutraliseCell(cell) as string | number | boolean)))
}

export function parseExportFormat(value: unknown): ExportFormat | null {
  const format = value === undefined || value === null || value === '' ? 'csv' : String(value)
  return format === 'csv' || format === 'xlsx' ? format : null
}

/** Thai for anyone who has not chosen English (the admin's fallback language is Thai). */
export const isThai = (language: string | null | undefined): boolean => !language || language.toLowerCase().startsWith('th')

// Formatters are costly to build: one per language, reused for every row of a large export.
const formatters = new Map<boolean, Intl.DateTimeFormat>()
function formatterFor(thai: boolean): Intl.DateTimeFormat {
  let formatter = formatters.get(thai)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(thai ? 'th-TH-u-ca-buddhist' : 'en-GB', { timeZone: BANGKOK_TZ, day: 'numeric', month: 'short', year: 'numeric' })
    formatters.set(thai, formatter)
  }
  return formatter
}

// Thailand keeps UTC+7 all year (no daylight saving since 1920), so a Bangkok day and clock time
// follow from the instant by arithmetic; each day's text is formatted once by ICU and reused.
const BANGKOK_OFFSET_MS = 7 * 3600_000
const DAY_MS = 86400_000
const dayTexts = new Map<string, string>()
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** A date cell: "25 พ.ย. 2569" for Thai readers, "25 Nov 2026" otherwise (Bangkok time); empty when none. */
export function dateCell(value: Date | string | number | null | undefined, language?: string | null, withTime = false): string {
  if (value === null || value === undefined || value === '') return ''
  const ms = value instanceof Date ? value.getTime() : new Date(value).getTime()
  if (Number.isNaN(ms)) return ''
  const thai = isThai(language)
  const local = ms + BANGKOK_OFFSET_MS
  const day = Math.floor(local / DAY_MS)
  const key = `${thai ? 'th' : 'en'}:${day}`
  let text = dayTexts.get(key)
  if (text === undefined) {
    text = formatterFor(thai).format(new Date(ms))
    if (dayTexts.size > 20_000) dayTexts.clear()
    dayTexts.set(key, text)
  }
  if (!withTime) return text
  const minutes = Math.floor((local - day * DAY_MS) / 60_000)
  return `${text} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}

/** A file name safe in a Content-Disposition header: report name plus the day in Bangkok (CE), ASCII only. */
export function exportFilename(report: string, format: ExportFormat, now = new Date()): string {
  const base = report.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'report'
  const bangkokDay = new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10)
  return `${base}-${bangkokDay}.${format}`
}
