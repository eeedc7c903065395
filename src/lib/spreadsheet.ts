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

const FORMULA_START = /^[=+\-@\t\r]/

/** Text that a spreadsheet would run as a formula gets a leading apostrophe; anything else passes. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value
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

// Formatters are costly to build: one per language and shape, reused for every row of a large export.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterFor(thai: boolean, withTime: boolean): Intl.DateTimeFormat {
  const key = `${thai}:${withTime}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(thai ? 'th-TH-u-ca-buddhist' : 'en-GB', {
      timeZone: BANGKOK_TZ,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    })
    formatters.set(key, formatter)
  }
  return formatter
}

/** A date cell: "25 พ.ย. 2569" for Thai readers, "25 Nov 2026" otherwise (Bangkok time); empty when none. */
export function dateCell(value: Date | string | number | null | undefined, language?: string | null, withTime = false): string {
  if (value === null || value === undefined || value === '') return ''
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return formatterFor(isThai(language), withTime).format(date)
}

/** A file name safe in a Content-Disposition header: report name plus the day, ASCII only. */
export function exportFilename(report: string, format: ExportFormat, now = new Date()): string {
  const base = report.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'report'
  return `${base}-${now.toISOString().slice(0, 10)}.${format}`
}
