import ExcelJS from 'exceljs'
import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { hasAnyRole, idOf, officerOf, servicePointIdOf, agencyIdOf } from '../../access/user'
import {
  comparePeriods,
  formatThaiPeriod,
  LICENCE_COUNT_FIELDS,
  LICENCE_COUNT_LABELS,
  neutraliseFormula,
  type Period,
  periodOf,
  periodState,
  previousPeriod,
  THAI_MONTHS,
} from '../../lib/licenceReport'
import { bilingual } from '../../lib/messages'
import { BOM, CSV_CONTENT_TYPE, parseExportFormat, XLSX_CONTENT_TYPE } from '../../lib/spreadsheet'
import { csvLines } from '../../services/export'
import { formatThaiDate, toBuddhistYear } from '../../lib/thaiDate'
import { LICENCE_REPORTS } from './hooks'
import { unlockRequestsOf } from './periodState'
import { resolveReportingUnit, type ReportingUnit } from './reportingRight'
import { authoriseRollup, buildRollup, parseRollupQuery, reportingUnits, type ReportRow, type Unit } from './rollup'
import { licenceDeadlineDay, licenceNow } from './settings'

const errorResponse = (error: unknown): Response => {
  if (error instanceof APIError && error.status < 500) {
    return Response.json({ errors: [{ message: error.message, ...(error.data ? { data: error.data } : {}) }] }, { status: error.status })
  }
  throw error
}

const guarded =
  (handler: (req: PayloadRequest) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      return await handler(req)
    } catch (error) {
      return errorResponse(error)
    }
  }

/**
 * GET /api/licence-reports/rollup?agency=&year=&quarter=|month=
 * Submitted figures of a department, a ministry (its departments) or, for OPDC, every agency:
 * totals, by month, by department, and which units have not reported each month yet.
 */
export const licenceRollupEndpoint: Endpoint = {
  path: '/rollup',
  method: 'get',
  handler: guarded(async (req) => {
    const query = await authoriseRollup(req, parseRollupQuery(req))
    const { rollup } = await buildRollup(req, query)
    return Response.json(rollup)
  }),
}

const STATE_TH: Record<string, string> = { draft: 'ร่าง', submitted: 'ส่งแล้ว', missing: 'ยังไม่รายงาน' }

type ExportRow = { year: number; month: number; department: string; unit: string; process: string; report: ReportRow | null }

const EXPORT_COLUMNS: Array<{ header: string; width: number; value: (row: ExportRow) => string | number | null }> = [
  { header: 'ปี พ.ศ. (Year BE)', width: 10, value: (r) => toBuddhistYear(r.year) },
  { header: 'เดือน (Month)', width: 12, value: (r) => THAI_MONTHS[r.month - 1] },
  { header: 'หน่วยงาน (Department)', width: 30, value: (r) => r.department },
  { header: 'หน่วยที่รายงาน (Reporting unit)', width: 30, value: (r) => r.unit },
  { header: 'กระบวนงาน (Process)', width: 40, value: (r) => r.process },
  ...LICENCE_COUNT_FIELDS.map((field) => ({
    header: `${LICENCE_COUNT_LABELS[field].th} (${LICENCE_COUNT_LABELS[field].en})`,
    width: 14,
    value: (r: ExportRow) => (r.report ? Number(r.report[field] ?? 0) : null),
  })),
  { header: 'สถานะ (State)', width: 14, value: (r) => STATE_TH[r.report?.state ?? 'missing'] },
  { header: 'ส่งเมื่อ (Submitted)', width: 20, value: (r) => formatThaiDate((r.report?.submittedAt as string) ?? null, { withTime: true, short: true }) },
]

/** One row per report, and one per process a unit has not reported for a month that has begun. */
function exportRows(reports: ReportRow[], units: Unit[], notReported: Array<{ year: number; month: number; unit: { id: unknown; kind: string }; missingProcesses: Array<{ id: unknown }> }>): ExportRow[] {
  const unitByKey = new Map(units.map((u) => [u.key, u]))
  const unitOf = (kind: string, id: unknown) => units.find((u) => u.kind === kind && String(u.id) === String(id))
  const processName = new Map(units.flatMap((u) => u.processes.map((p) => [String(p.id), p.name] as const)))
  const rows: ExportRow[] = reports.map((report) => {
    const unit = unitByKey.get(report.unitKey)
    return {
      year: report.year,
      month: report.month,
      department: unit?.agency.name ?? '',
      unit: unit?.name ?? String(report.title ?? ''),
      process: processName.get(String(idOf(report.process))) ?? '',
      report,
    }
  })
  for (const gap of notReported) {
    const unit = unitOf(gap.unit.kind, gap.unit.id)
    for (const p of gap.missingProcesses) {
      const draft = reports.some((r) => r.unitKey === unit?.key && String(idOf(r.process)) === String(p.id) && r.month === gap.month)
      if (draft) continue // the draft row above already shows it
      rows.push({ year: gap.year, month: gap.month, department: unit?.agency.name ?? '', unit: unit?.name ?? '', process: processName.get(String(p.id)) ?? '', report: null })
    }
  }
  return rows.sort((a, b) => a.month - b.month || a.department.localeCompare(b.department, 'th') || a.unit.localeCompare(b.unit, 'th') || a.process.localeCompare(b.process, 'th'))
}

/**
 * GET /api/licence-reports/export?format=csv|xlsx&agency=&year=&quarter=|month=
 * The rollup's reports as a spreadsheet, with the units that have not reported; same access as
 * the rollup. Text cells are neutralised against formula injection; CSV carries a BOM for Excel.
 */
export const licenceExportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: guarded(async (req) => {
    const format = parseExportFormat((req.query as Record<string, unknown>)?.format)
    if (!format) {
      throw new APIError(bilingual('รูปแบบไฟล์ต้องเป็น csv หรือ xlsx', 'format must be csv or xlsx'), 400)
    }
    const query = await authoriseRollup(req, parseRollupQuery(req))
    const { rollup, reports, units } = await buildRollup(req, query)
    const rows = exportRows(reports, units, rollup.notReported).map((row) =>
      EXPORT_COLUMNS.map((c) => neutraliseFormula(c.value(row))),
    )
    const name = `licence-reports-${query.year}${query.quarter ? `-q${query.quarter}` : ''}${query.months.length === 1 ? `-${query.months[0]}` : ''}`
    if (format === 'csv') {
      const csv = BOM + csvLines([EXPORT_COLUMNS.map((c) => c.header), ...rows])
      return new Response(csv, {
        headers: { 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${name}.csv"` },
      })
    }
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('รายงานการออกใบอนุญาต')
    sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
    sheet.getRow(1).font = { bold: true }
    sheet.addRows(rows)
    const summary = workbook.addWorksheet('สรุปรายเดือน')
    summary.columns = [
      { header: 'เดือน (Month)', width: 18 },
      ...LICENCE_COUNT_FIELDS.map((f) => ({ header: LICENCE_COUNT_LABELS[f].th, width: 14 })),
      { header: 'หน่วยที่ต้องรายงาน (Units due)', width: 14 },
      { header: 'รายงานครบแล้ว (Reported)', width: 14 },
    ]
    summary.getRow(1).font = { bold: true }
    for (const m of rollup.byMonth) {
      summary.addRow([formatThaiPeriod({ year: query.year, month: m.month }), ...LICENCE_COUNT_FIELDS.map((f) => m.totals[f]), m.unitsDue, m.unitsReported])
    }
    const buffer = await workbook.xlsx.writeBuffer()
    return new Response(buffer as ArrayBuffer, {
      headers: {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${name}.xlsx"`,
      },
    })
  }),
}

/** The unit the officer reports for, if they hold a reporting right now. */
async function ownReportingUnit(req: PayloadRequest): Promise<ReportingUnit | null> {
  const attempts: Array<{ servicePoint?: unknown; agency?: unknown }> = []
  if (hasAnyRole(req, 'service-point-officer') && servicePointIdOf(req) !== null) attempts.push({ servicePoint: servicePointIdOf(req) })
  if (hasAnyRole(req, 'central-officer') && agencyIdOf(req) !== null) attempts.push({ agency: agencyIdOf(req) })
  for (const source of attempts) {
    const unit = await resolveReportingUnit(req, source, LICENCE_REPORTS).catch(() => null)
    if (unit) return unit
  }
  return null
}

/** Months looked back for reports still due (a locked month can still be unlocked once). */
const LOOK_BACK_MONTHS = 12

/**
 * GET /api/licence-reports/due — what the officer's unit has to report ("สร้างรายงานการออกใบอนุญาต"):
 * each month that is open, unlocked, waiting for an unlock, or locked with reports missing, and
 * for each the processes with their report (or none yet).
 */
export const licenceDueEndpoint: Endpoint = {
  path: '/due',
  method: 'get',
  handler: guarded(async (req) => {
    if (!officerOf(req)) throw new APIError(bilingual('กรุณาเข้าสู่ระบบ', 'Log in first'), 401)
    const unit = await ownReportingUnit(req)
    if (!unit) {
      return Response.json({
        unit: null,
        periods: [],
        message: bilingual('ท่านไม่ได้เป็นผู้มีสิทธิ์รายงานผลการออกใบอนุญาตของหน่วยใด', 'You do not hold the licence-reporting right of any unit'),
      })
    }
    const department = await req.payload.findByID({ collection: 'agencies', id: unit.agency, depth: 0, overrideAccess: true, req })
    const [unitInfo] = (await reportingUnits(req, [{ id: department.id, name: String(department.name), mode: unit.kind === 'department' ? 'department' : 'service-points' }]))
      .filter((u) => u.key === unit.key)
    const processes = unitInfo?.processes ?? []
    const now = licenceNow(req)
    const deadlineDay = licenceDeadlineDay()
    let period: Period = periodOf(now)
    const months: Period[] = []
    for (let i = 0; i <= LOOK_BACK_MONTHS; i++, period = previousPeriod(period)) months.push(period)
    const oldest = months[months.length - 1]
    const { docs: reports } = await req.payload.find({
      collection: LICENCE_REPORTS,
      where: { and: [{ unitKey: { equals: unit.key } }, { or: [{ year: { greater_than: oldest.year } }, { and: [{ year: { equals: oldest.year } }, { month: { greater_than_equal: oldest.month } }] }] }] },
      pagination: false,
      limit: 0,
      depth: 0,
      req,
      user: req.user,
      overrideAccess: false,
    })
    const periods = []
    for (const p of months) {
      const requests = await unlockRequestsOf(req, unit.key, p)
      const state = periodState(p, now, requests, deadlineDay)
      const rows = processes.map((process) => {
        const report = reports.find((r) => String(idOf(r.process)) === String(process.id) && r.year === p.year && r.month === p.month)
        return { process, report: report ? { id: report.id, state: report.state, updatedAt: report.updatedAt } : null }
      })
      const allSubmitted = rows.every((r) => r.report?.state === 'submitted')
      const relevant = ['open', 'unlocked', 'unlock-requested'].includes(state.status) || (state.status === 'locked' && !allSubmitted)
      if (!relevant) continue
      const lastRequest = requests[requests.length - 1]
      periods.push({
        year: p.year,
        month: p.month,
        label: formatThaiPeriod(p),
        status: state.status,
        locksAt: state.locksAt.toISOString(),
        editableUntil: state.editableUntil?.toISOString() ?? null,
        canRequestUnlock: state.canRequestUnlock,
        unlockRequest: lastRequest ? { id: lastRequest.id, state: lastRequest.state, windowEndsAt: lastRequest.windowEndsAt ?? null } : null,
        processes: rows,
      })
    }
    periods.sort((a, b) => comparePeriods(b, a))
    const unitName = unit.servicePoint !== null
      ? String((await req.payload.findByID({ collection: 'service-points', id: unit.servicePoint, depth: 0, overrideAccess: true, req })).name)
      : String(department.name)
    return Response.json({
      unit: { kind: unit.kind, servicePoint: unit.servicePoint, agency: unit.agency, name: unitName },
      periods,
    })
  }),
}

export const licenceReportEndpoints: Endpoint[] = [licenceRollupEndpoint, licenceExportEndpoint, licenceDueEndpoint]
