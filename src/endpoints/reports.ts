import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { seesEverything } from '../access/predicates'
import { agencyScopeIds } from '../access/scope'
import { agencyIdOf, officerOf } from '../access/user'
import { bilingual } from '../lib/messages'
import { parseExportFormat, type Cell } from '../lib/spreadsheet'
import { buddhistYearMistake, isIsoDate } from '../lib/thaiDate'
import { addCalendarDays, startOfBangkokDay } from '../lib/workingDays'
import { exportResponse } from '../services/export'
import {
  GROUP_BY,
  REPORT_ALIASES,
  SUMMARY_REPORTS,
  type AgencyScope,
  type GroupBy,
  type Queryable,
  type ReportDefinition,
  type ReportParams,
} from './summaryReports'

/** Rows the JSON answer carries at most (the admin table); the export has them all. */
export const JSON_ROW_LIMIT = 2000

const failWith = (status: number, message: string, path?: string): never => {
  throw new APIError(message, status, path ? { errors: [{ path, message }] } : undefined, true)
}
const fail = (status: number, th: string, en: string, path?: string): never => failWith(status, bilingual(th, en), path)

const errorResponse = (error: unknown): Response => {
  if (error instanceof APIError && error.status < 500) {
    return Response.json({ errors: [{ message: error.message, ...(error.data ? { data: error.data } : {}) }] }, { status: error.status })
  }
  throw error
}

const poolOf = (req: PayloadRequest): Queryable => {
  const pool = (req.payload.db as unknown as { pool?: Queryable }).pool
  if (!pool) throw new Error('summary reports need the PostgreSQL adapter (payload.db.pool)')
  return pool
}

/** OPDC and system admins see every agency; any other officer their agency and its sub-units. */
export async function reportScope(req: PayloadRequest): Promise<AgencyScope> {
  if (!officerOf(req)) fail(401, 'กรุณาเข้าสู่ระบบ', 'Log in to read reports')
  if (seesEverything(req)) return null
  if (agencyIdOf(req) === null) fail(403, 'บัญชีของท่านยังไม่ได้สังกัดหน่วยงาน', 'Your account is not bound to an agency')
  return (await agencyScopeIds(req)).map(Number)
}

const queryOf = (req: PayloadRequest): Record<string, string> => {
  const params = req.searchParams ?? new URL(req.url ?? 'http://x').searchParams
  return Object.fromEntries(params.entries())
}

/**
 * A period end: a day (`YYYY-MM-DD`) is a Bangkok calendar day and both ends include it, as in the
 * satisfaction summary (`from` opens at its 00:00 +07:00, `to` closes at the next day's, exclusive);
 * a full ISO instant is taken as it is.
 */
function parseDate(value: string | undefined, path: 'from' | 'to'): Date | undefined {
  if (!value) return undefined
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = day ? (isIsoDate(value) ? startOfBangkokDay(path === 'to' ? addCalendarDays(value, 1) : value) : null) : new Date(value)
  if (!date || Number.isNaN(date.getTime())) fail(400, `${path} ต้องเป็นวันที่ (YYYY-MM-DD)`, `${path} must be a date (YYYY-MM-DD)`, path)
  // 2569-01-01 (a day or an instant) would be 543 years away and an empty report: say why instead.
  const mistake = buddhistYearMistake(day ? value : date)
  if (mistake) failWith(400, mistake, path)
  return date!
}

/** The reader's scope and the checked filters (`q`: the query string, by name). */
export async function paramsOf(req: PayloadRequest, q: Record<string, string | undefined> = queryOf(req)): Promise<ReportParams> {
  const scope = await reportScope(req)
  const groupBy = (q.groupBy || 'agency') as GroupBy
  if (!GROUP_BY.includes(groupBy)) fail(400, `groupBy ต้องเป็น ${GROUP_BY.join(', ')}`, `groupBy must be one of ${GROUP_BY.join(', ')}`, 'groupBy')
  let agency: number | undefined
  if (q.agency) {
    if (!/^\d+$/.test(q.agency)) fail(400, 'agency ต้องเป็นรหัสหน่วยงาน', 'agency must be an agency id', 'agency')
    agency = Number(q.agency)
    if (scope && !scope.includes(agency)) fail(403, 'ท่านดูรายงานของหน่วยงานนี้ไม่ได้', 'You may not read reports of this agency', 'agency')
  }
  if (q.coverage && q.coverage !== 'with' && q.coverage !== 'without') {
    fail(400, 'coverage ต้องเป็น with หรือ without', 'coverage must be with or without', 'coverage')
  }
  const language = q.lang || req.i18n?.language || 'th'
  return {
    scope,
    language,
    agency,
    groupBy,
    coverage: (q.coverage || undefined) as ReportParams['coverage'],
    from: parseDate(q.from, 'from'),
    to: parseDate(q.to, 'to'),
    now: new Date(),
  }
}

/** A report by key, or a redirect for the reports other features serve; 404 for anything else. */
function lookUp(req: PayloadRequest, kind: 'json' | 'export'): ReportDefinition | Response {
  const key = String(req.routeParams?.report ?? '')
  const definition = SUMMARY_REPORTS[key]
  if (definition) return definition
  const alias = REPORT_ALIASES[key]
  if (alias) {
    const search = new URL(req.url ?? 'http://x').search
    return new Response(null, { status: 307, headers: { Location: `${alias[kind]}${search}` } })
  }
  return fail(404, `ไม่มีรายงาน ${key}`, `No report named ${key}`, 'report')
}

export type ReportJson = { report: string; title: { th: string; en: string }; columns: Array<{ key: string; header: string }>; rows: Cell[][]; truncated: boolean }

/** The first JSON_ROW_LIMIT rows of a report (the JSON answer and the admin view). */
export async function loadReport(req: PayloadRequest, definition: ReportDefinition, params: ReportParams): Promise<ReportJson> {
  const rows: Cell[][] = []
  let truncated = false
  for await (const batch of definition.batches(poolOf(req), params)) {
    rows.push(...batch.slice(0, JSON_ROW_LIMIT - rows.length))
    if (rows.length >= JSON_ROW_LIMIT) {
      truncated = true
      break
    }
  }
  const columns = definition.columns(params).map(({ key, header }) => ({ key, header }))
  return { report: definition.key, title: definition.title, columns, rows, truncated }
}

export const describeReports = () => [
  ...Object.values(SUMMARY_REPORTS).map((r) => ({ key: r.key, title: r.title, json: `/api/reports/${r.key}`, export: `/api/reports/${r.key}/export` })),
  ...Object.entries(REPORT_ALIASES).map(([key, a]) => ({ key, title: a.title, json: a.json, export: a.export })),
]

/** GET /api/reports — the reports this server offers (the summary menu's list). Officers only. */
export const reportsListEndpoint: Endpoint = {
  path: '/reports',
  method: 'get',
  handler: async (req) => {
    try {
      await reportScope(req)
      return Response.json({ reports: describeReports() })
    } catch (error) {
      return errorResponse(error)
    }
  },
}

/**
 * GET /api/reports/<report>?groupBy=&agency=&coverage=&from=&to= — the report as JSON for the admin
 * view: `{ report, title, columns, rows, truncated }`, at most JSON_ROW_LIMIT rows.
 */
export const reportJsonEndpoint: Endpoint = {
  path: '/reports/:report',
  method: 'get',
  handler: async (req) => {
    try {
      const definition = lookUp(req, 'json')
      if (definition instanceof Response) return definition
      return Response.json(await loadReport(req, definition, await paramsOf(req)))
    } catch (error) {
      return errorResponse(error)
    }
  },
}

/**
 * GET /api/reports/<report>/export?format=csv|xlsx&... — the whole report as a spreadsheet, streamed
 * (CSV with a UTF-8 BOM, or XLSX); same access and filters as the JSON.
 */
export const reportExportEndpoint: Endpoint = {
  path: '/reports/:report/export',
  method: 'get',
  handler: async (req) => {
    try {
      const definition = lookUp(req, 'export')
      if (definition instanceof Response) return definition
      const format = parseExportFormat(queryOf(req).format)
      if (!format) fail(400, 'รูปแบบไฟล์ต้องเป็น csv หรือ xlsx', 'format must be csv or xlsx', 'format')
      const params = await paramsOf(req)
      return exportResponse({
        format: format!,
        name: definition.key,
        sheetName: definition.sheetName,
        columns: definition.columns(params),
        batches: definition.batches(poolOf(req), params),
      })
    } catch (error) {
      return errorResponse(error)
    }
  },
}

export const reportEndpoints: Endpoint[] = [reportsListEndpoint, reportJsonEndpoint, reportExportEndpoint]
