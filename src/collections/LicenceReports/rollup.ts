import { APIError, type PayloadRequest, type Where } from 'payload'

import { seesEverything } from '../../access/predicates'
import { inAgencyScope } from '../../access/scope'
import { agencyIdOf, hasAnyRole, idOf, officerOf } from '../../access/user'
import {
  addCounts,
  emptyCounts,
  type LicenceCounts,
  monthsOfQuarter,
  periodOpensAt,
  sumPeriodCounts,
} from '../../lib/licenceReport'
import { bilingual } from '../../lib/messages'
import { LICENCE_REPORTS } from './hooks'
import { reportingModeOf, type ReportingMode, unitKeyOf } from './reportingRight'
import { licenceNow } from './settings'

type Id = number | string
type Named = { id: Id; name: string }

export type Unit = {
  kind: 'service-point' | 'department'
  id: Id
  name: string
  key: string
  agency: Named
  /** Processes the unit reports on each month. */
  processes: Named[]
}

export type RollupQuery = { agency: Id | null; year: number; quarter: number | null; months: number[] }

const badQuery = (message: string) => new APIError(message, 400)

/** ?agency=&year=&quarter= or &month=; without either, the whole year. */
export const parseRollupQuery = (req: PayloadRequest): RollupQuery => parseRollupParams((req.query ?? {}) as Record<string, unknown>)

/** The same from plain parameters (the admin's summary view reads its page's search parameters). */
export function parseRollupParams(q: Record<string, unknown>): RollupQuery {
  const year = Number(q.year)
  if (!Number.isInteger(year) || year < 2000 || year > 2200) {
    throw badQuery(bilingual('กรุณาระบุปี ค.ศ. (year) เช่น 2026', 'Give the year (CE), e.g. year=2026'))
  }
  let months = Array.from({ length: 12 }, (_, i) => i + 1)
  let quarter: number | null = null
  if (q.quarter !== undefined && q.quarter !== '') {
    quarter = Number(q.quarter)
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badQuery(bilingual('ไตรมาสต้องเป็น 1-4', 'quarter must be 1-4'))
    months = monthsOfQuarter(quarter)
  }
  if (q.month !== undefined && q.month !== '') {
    const month = Number(q.month)
    if (!Number.isInteger(month) || month < 1 || month > 12 || (quarter !== null && !months.includes(month))) {
      throw badQuery(bilingual('เดือนต้องเป็น 1-12 และอยู่ในไตรมาสที่ระบุ', 'month must be 1-12 and inside the quarter given'))
    }
    months = [month]
  }
  const agency = q.agency === undefined || q.agency === '' ? null : (q.agency as Id)
  return { agency, year, quarter, months }
}

/**
 * Rollups are for the department, the ministry and OPDC: a central officer for an agency in
 * their scope (their own by default), OPDC officers and system admins for any or all.
 */
export async function authoriseRollup(req: PayloadRequest, query: RollupQuery): Promise<RollupQuery> {
  if (!officerOf(req)) throw new APIError(bilingual('กรุณาเข้าสู่ระบบ', 'Log in first'), 401)
  if (seesEverything(req)) return query
  if (!hasAnyRole(req, 'central-officer')) {
    throw new APIError(bilingual('เฉพาะเจ้าหน้าที่ส่วนกลางและ ก.พ.ร. ดูภาพรวมได้', 'Only central and OPDC officers see rollups'), 403)
  }
  const agency = query.agency ?? agencyIdOf(req)
  if (agency === null || !(await inAgencyScope(req, agency))) {
    throw new APIError(bilingual('ไม่สามารถดูรายงานของหน่วยงานนอกสังกัดของท่านได้', "You may not see another agency's reports"), 403)
  }
  return { ...query, agency }
}

const asUser = (req: PayloadRequest) => ({ req, user: req.user, overrideAccess: false, depth: 0, pagination: false, limit: 0 }) as const

/** Departments and local governments at or below `agency` (all of them for null). */
export async function reportingDepartments(req: PayloadRequest, agency: Id | null) {
  const kinds: Where = { kind: { in: ['department', 'local-government'] } }
  const where: Where = agency === null ? kinds : { and: [kinds, { or: [{ id: { equals: agency } }, { 'breadcrumbs.doc': { equals: agency } }] }] }
  const { docs } = await req.payload.find({ collection: 'agencies', where, sort: 'name', ...asUser(req) })
  return docs.map((doc) => ({ id: doc.id as Id, name: String(doc.name), kind: String(doc.kind), mode: reportingModeOf(doc) as ReportingMode }))
}

/**
 * The reporting units of some departments and the processes each reports: a department that
 * reports itself reports all its processes; a service point the processes of its pinned manuals,
 * or all of its department's when it pins none. Closed service points report nothing.
 */
export async function reportingUnits(req: PayloadRequest, departments: Array<Named & { mode: ReportingMode }>): Promise<Unit[]> {
  if (!departments.length) return []
  const departmentIds = departments.map((d) => d.id)
  const processes = await req.payload.find({
    collection: 'processes',
    where: { agency: { in: departmentIds } },
    select: { name: true, agency: true },
    sort: 'name',
    ...asUser(req),
  })
  const processesOf = new Map<string, Named[]>()
  for (const p of processes.docs) {
    const key = String(idOf(p.agency))
    processesOf.set(key, [...(processesOf.get(key) ?? []), { id: p.id, name: String(p.name) }])
  }
  const units: Unit[] = []
  for (const d of departments.filter((d) => d.mode === 'department')) {
    units.push({ kind: 'department', id: d.id, name: d.name, key: unitKeyOf(null, d.id), agency: { id: d.id, name: d.name }, processes: processesOf.get(String(d.id)) ?? [] })
  }
  const byServicePoints = departments.filter((d) => d.mode === 'service-points')
  if (byServicePoints.length) {
    const points = await req.payload.find({
      collection: 'service-points',
      where: { and: [{ agency: { in: byServicePoints.map((d) => d.id) } }, { status: { equals: 'active' } }] },
      select: { name: true, agency: true, manuals: true },
      sort: 'name',
      ...asUser(req),
    })
    const pinnedIds = [...new Set(points.docs.flatMap((sp) => ((sp.manuals as unknown[]) ?? []).map((m) => idOf(m))))].filter((id) => id !== null)
    const processOfManual = new Map<string, string>()
    if (pinnedIds.length) {
      const manuals = await req.payload.find({ collection: 'manuals', where: { id: { in: pinnedIds } }, select: { process: true }, ...asUser(req) })
      for (const m of manuals.docs) processOfManual.set(String(m.id), String(idOf(m.process)))
    }
    const departmentOf = new Map(byServicePoints.map((d) => [String(d.id), d]))
    for (const sp of points.docs) {
      const department = departmentOf.get(String(idOf(sp.agency)))
      if (!department) continue
      const all = processesOf.get(String(department.id)) ?? []
      const pinned = new Set(((sp.manuals as unknown[]) ?? []).map((m) => processOfManual.get(String(idOf(m)))).filter(Boolean))
      units.push({
        kind: 'service-point',
        id: sp.id,
        name: String(sp.name),
        key: unitKeyOf(sp.id, department.id),
        agency: { id: department.id, name: department.name },
        processes: pinned.size ? all.filter((p) => pinned.has(String(p.id))) : all,
      })
    }
  }
  return units
}

export type ReportRow = Record<string, unknown> & { id: Id; unitKey: string; process: Id; year: number; month: number; state: string }

export type Rollup = {
  agency: { id: Id; name: string; kind: string } | null
  year: number
  quarter: number | null
  months: number[]
  totals: LicenceCounts
  byMonth: Array<{ month: number; totals: LicenceCounts; unitsDue: number; unitsReported: number }>
  byDepartment: Array<{ agency: Named; reportingBy: ReportingMode; totals: LicenceCounts; unitsDue: number; unitsReported: number }>
  notReported: Array<{ year: number; month: number; unit: { kind: Unit['kind']; id: Id; name: string }; agency: Named; missingProcesses: Named[] }>
}

/** Figures of submitted reports, by month and department, and the units still to report. */
export async function buildRollup(req: PayloadRequest, query: RollupQuery): Promise<{ rollup: Rollup; reports: ReportRow[]; units: Unit[] }> {
  const departments = await reportingDepartments(req, query.agency)
  const units = await reportingUnits(req, departments)
  const departmentIds = departments.map((d) => d.id)
  const { docs } = departmentIds.length
    ? await req.payload.find({
        collection: LICENCE_REPORTS,
        where: { and: [{ agency: { in: departmentIds } }, { year: { equals: query.year } }, { month: { in: query.months } }] },
        sort: 'month',
        ...asUser(req),
      })
    : { docs: [] }
  const reports = docs as unknown as ReportRow[]
  const submitted = reports.filter((r) => r.state === 'submitted')
  const series = (r: ReportRow) => ({ ...r, series: `${r.unitKey}/${String(idOf(r.process))}` })

  // Only months that have begun are due; a month still open lists who has not reported yet.
  const now = licenceNow(req)
  const dueMonths = query.months.filter((month) => periodOpensAt({ year: query.year, month }).getTime() <= now.getTime())
  const submittedKeys = new Set(submitted.map((r) => `${r.unitKey}/${String(idOf(r.process))}/${r.month}`))
  const dueUnits = units.filter((u) => u.processes.length > 0)
  const notReported: Rollup['notReported'] = []
  const reportedUnitMonths = new Set<string>()
  for (const month of dueMonths) {
    for (const unit of dueUnits) {
      const missing = unit.processes.filter((p) => !submittedKeys.has(`${unit.key}/${String(p.id)}/${month}`))
      if (missing.length) {
        notReported.push({ year: query.year, month, unit: { kind: unit.kind, id: unit.id, name: unit.name }, agency: unit.agency, missingProcesses: missing })
      } else {
        reportedUnitMonths.add(`${unit.key}/${month}`)
      }
    }
  }
  const fullyReported = (unit: Unit) => dueMonths.every((m) => reportedUnitMonths.has(`${unit.key}/${m}`))

  const byMonth = query.months.map((month) => ({
    month,
    totals: submitted.filter((r) => r.month === month).reduce((sum, r) => addCounts(sum, r), emptyCounts()),
    unitsDue: dueMonths.includes(month) ? dueUnits.length : 0,
    unitsReported: dueMonths.includes(month) ? dueUnits.filter((u) => reportedUnitMonths.has(`${u.key}/${month}`)).length : 0,
  }))
  const byDepartment = departments.map((d) => {
    const own = dueUnits.filter((u) => String(u.agency.id) === String(d.id))
    return {
      agency: { id: d.id, name: d.name },
      reportingBy: d.mode,
      totals: sumPeriodCounts(submitted.filter((r) => String(idOf(r.agency)) === String(d.id)).map(series)),
      unitsDue: own.length,
      unitsReported: own.filter(fullyReported).length,
    }
  })
  const agencyDoc =
    query.agency === null
      ? null
      : await req.payload.findByID({ collection: 'agencies', id: query.agency, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })
  return {
    rollup: {
      agency: agencyDoc ? { id: agencyDoc.id, name: String(agencyDoc.name), kind: String(agencyDoc.kind) } : null,
      year: query.year,
      quarter: query.quarter,
      months: query.months,
      totals: sumPeriodCounts(submitted.map(series)),
      byMonth,
      byDepartment,
      notReported,
    },
    reports,
    units,
  }
}
