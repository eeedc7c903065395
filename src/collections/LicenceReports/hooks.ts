import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import { idOf, officerOf } from '../../access/user'
import {
  changedCounts,
  editBlockedReason,
  expectedPendingAtMonthEnd,
  formatThaiPeriod,
  isValidPeriod,
  LICENCE_COUNT_FIELDS,
  LICENCE_COUNT_LABELS,
  type LicenceCounts,
  type Period,
  previousPeriod,
  validateLicenceCounts,
} from '../../lib/licenceReport'
import { bilingual } from '../../lib/messages'
import { loadPeriodState } from './periodState'
import { actsForUnit, notYourUnit, resolveReportingUnit, type ReportingUnit } from './reportingRight'
import { licenceNow } from './settings'
import { LicenceRuleError } from './errors'

export const LICENCE_REPORTS = 'licence-reports'

type Doc = Record<string, unknown>

const invalid = (req: PayloadRequest, path: string, message: string) =>
  new ValidationError({ collection: LICENCE_REPORTS, errors: [{ path, message }], req })

const IDENTITY_FIELDS = ['servicePoint', 'agency', 'process', 'year', 'month'] as const

/** A report's identity (unit, process, month) is fixed once created: a different one is a new report. */
function keepIdentity(req: PayloadRequest, data: Doc, before: Doc) {
  for (const field of IDENTITY_FIELDS) {
    if (!(field in data)) continue
    const was = idOf(before[field])
    const now = idOf(data[field])
    if (String(was ?? '') !== String(now ?? '')) {
      throw invalid(
        req,
        field,
        bilingual('เปลี่ยนหน่วย กระบวนงาน หรืองวดของรายงานที่สร้างแล้วไม่ได้ กรุณาสร้างรายงานใหม่', 'The unit, process and month of a report cannot change: create a new report'),
      )
    }
  }
}

async function checkProcess(req: PayloadRequest, processId: unknown, unit: ReportingUnit) {
  const id = idOf(processId)
  const process = id === null
    ? null
    : await req.payload.findByID({ collection: 'processes', id, depth: 0, overrideAccess: true, req, disableErrors: true }).catch(() => null)
  if (!process) throw invalid(req, 'process', bilingual('กรุณาเลือกกระบวนงาน', 'Choose a process'))
  if (String(idOf(process.agency)) !== String(unit.agency)) {
    throw invalid(req, 'process', bilingual('กระบวนงานนี้ไม่ใช่ของหน่วยงานที่รายงาน', 'This process does not belong to the reporting department'))
  }
  return process
}

/** On create, unfilled figures start from the previous month: its month-end pending is carried over. */
async function fillOpeningFigures(req: PayloadRequest, data: Doc, unit: ReportingUnit, period: Period) {
  if (data.pendingCarriedOver === undefined || data.pendingCarriedOver === null) {
    const previous = previousPeriod(period)
    const { docs } = await req.payload.find({
      collection: LICENCE_REPORTS,
      where: {
        and: [
          { unitKey: { equals: unit.key } },
          { process: { equals: idOf(data.process) } },
          { year: { equals: previous.year } },
          { month: { equals: previous.month } },
        ],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    data.pendingCarriedOver = Number(docs[0]?.pendingAtMonthEnd ?? 0)
  }
  for (const field of LICENCE_COUNT_FIELDS) {
    if (field !== 'pendingAtMonthEnd' && (data[field] === undefined || data[field] === null)) data[field] = 0
  }
  if (data.pendingAtMonthEnd === undefined || data.pendingAtMonthEnd === null) {
    data.pendingAtMonthEnd = Math.max(0, expectedPendingAtMonthEnd(data as LicenceCounts))
  }
}

async function rejectDuplicate(req: PayloadRequest, unit: ReportingUnit, data: Doc, period: Period) {
  const existing = await req.payload.count({
    collection: LICENCE_REPORTS,
    where: {
      and: [
        { unitKey: { equals: unit.key } },
        { process: { equals: idOf(data.process) } },
        { year: { equals: period.year } },
        { month: { equals: period.month } },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (existing.totalDocs > 0) {
    throw invalid(
      req,
      'process',
      bilingual(`มีรายงานของกระบวนงานนี้สำหรับ${formatThaiPeriod(period)}อยู่แล้ว กรุณาแก้ไขรายงานเดิม`, 'This unit already has a report of this process for that month: edit it instead'),
    )
  }
}

async function titleOf(req: PayloadRequest, unit: ReportingUnit, process: Record<string, unknown>, period: Period): Promise<string> {
  const unitDoc = unit.servicePoint !== null
    ? await req.payload.findByID({ collection: 'service-points', id: unit.servicePoint, depth: 0, overrideAccess: true, req })
    : await req.payload.findByID({ collection: 'agencies', id: unit.agency, depth: 0, overrideAccess: true, req })
  return `${String(unitDoc.name)} · ${String(process.name)} · ${formatThaiPeriod(period)}`
}

/**
 * The rules of a licence report, for every route in (REST, GraphQL, Local API, admin):
 * only the unit holding the reporting right writes; only while its period is open or unlocked;
 * figures consistent; a submitted report's figures change only with a comment, which is logged.
 * Writes without a user (seed, import) skip the unit and lock checks but not the figures.
 */
export const guardLicenceReport: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const officer = officerOf(req)
  const before = operation === 'update' ? (originalDoc as Doc) : undefined
  if (before) keepIdentity(req, data, before)
  const merged: Doc = { ...(before ?? {}), ...data }

  const unit = await resolveReportingUnit(req, before ?? data, LICENCE_REPORTS)
  if (officer && !actsForUnit(req, unit)) throw notYourUnit()
  data.agency = unit.agency
  data.servicePoint = unit.servicePoint
  data.unitKey = unit.key

  const period = { year: Number(merged.year), month: Number(merged.month) }
  if (!isValidPeriod(period)) {
    throw invalid(req, 'month', bilingual('กรุณาระบุปี (ค.ศ.) และเดือน (1-12) ที่รายงาน', 'Give the year (CE) and month (1-12) reported'))
  }
  const process = await checkProcess(req, merged.process, unit)

  if (officer) {
    const reason = editBlockedReason(await loadPeriodState(req, unit.key, period))
    if (reason) throw new LicenceRuleError(reason, 409)
  }

  if (!before) {
    await rejectDuplicate(req, unit, data, period)
    await fillOpeningFigures(req, data, unit, period)
    data.title = await titleOf(req, unit, process, period)
  }
  const figures: Doc = { ...(before ?? {}), ...data }
  const errors = validateLicenceCounts(figures)
  if (errors.length) throw new ValidationError({ collection: LICENCE_REPORTS, errors, req })

  const state = figures.state ?? 'draft'
  if (state !== 'draft' && state !== 'submitted') {
    throw invalid(req, 'state', bilingual('สถานะต้องเป็น draft หรือ submitted', 'state must be draft or submitted'))
  }
  data.state = state
  if (before?.state === 'submitted' && state !== 'submitted') {
    throw new LicenceRuleError(bilingual('รายงานที่ส่งแล้วกลับเป็นฉบับร่างไม่ได้', 'A submitted report cannot return to draft'), 409)
  }
  const now = licenceNow(req)
  if (state === 'submitted' && before?.state !== 'submitted') {
    data.submittedAt = now.toISOString()
    data.submittedBy = officer?.id ?? null
  }

  const comment = typeof data.changeComment === 'string' ? data.changeComment.trim() : ''
  if (before?.state === 'submitted') {
    const changed = changedCounts(before, figures)
    if (changed.length) {
      if (!comment) {
        throw invalid(
          req,
          'changeComment',
          bilingual('แก้ไขตัวเลขของรายงานที่ส่งแล้ว ต้องระบุเหตุผลการแก้ไข', 'Changing a figure after submission needs a comment giving the reason'),
        )
      }
      const previousLog = Array.isArray(before.changeLog) ? (before.changeLog as Doc[]) : []
      data.changeLog = [
        ...previousLog,
        {
          changedAt: now.toISOString(),
          changedBy: officer?.id ?? null,
          comment,
          changes: changed
            .map((field) => `${LICENCE_COUNT_LABELS[field].th} ${String(before[field])} → ${String(figures[field])}`)
            .join(', '),
        },
      ]
    }
  }
  // The comment belongs to one change: it is kept in the log, not on the report.
  data.changeComment = null
  return data
}
