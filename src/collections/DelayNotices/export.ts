import type { Endpoint, PayloadRequest, Where } from 'payload'

import { hasAnyRole, idOf, officerOf } from '../../access/user'
import { DECISION_OUTCOMES, DELAY_STATES, delayState, lastNoticeAt, neutraliseFormula, formatTrackingCode } from '../../lib/delay'
import { bilingual } from '../../lib/messages'
import { formatThaiDate } from '../../lib/thaiDate'
import { exportResponse } from '../../services/export'

type Named = { name?: string | null } | number | string | null | undefined
type CaseRow = {
  trackingCode?: string
  agency?: Named
  servicePoint?: Named
  process?: Named
  receivedAt?: string | null
  dueAt?: string | null
  nextNoticeDueAt?: string | null
  reason?: string | null
  notices?: Array<{ sentAt?: string | null }> | null
  decision?: { decidedAt?: string | null; outcome?: string | null } | null
}

const error = (status: number, th: string, en: string, path?: string) =>
  Response.json({ errors: [{ message: bilingual(th, en), ...(path ? { data: { errors: [{ path }] } } : {}) }] }, { status })

/**
 * The state filters read the dates, not the stored state, so a case whose notice fell due since
 * the reminder job last ran is already listed as overdue.
 */
export function stateWhere(state: string, now: Date): Where | null {
  const undecided: Where = { 'decision.decidedAt': { exists: false } }
  switch (state) {
    case 'closed':
      return { 'decision.decidedAt': { exists: true } }
    case 'overdue':
      return { and: [undecided, { nextNoticeDueAt: { less_than_equal: now.toISOString() } }] }
    case 'open':
      return { and: [undecided, { or: [{ nextNoticeDueAt: { greater_than: now.toISOString() } }, { nextNoticeDueAt: { exists: false } }] }] }
    default:
      return null
  }
}

const nameOf = (value: Named): string => (value && typeof value === 'object' ? (value.name ?? '') : '')
const thaiDate = (value: string | Date | null | undefined): string => formatThaiDate(value ?? null, { withTime: true, short: true })

const COLUMNS: Array<{ header: string; width: number; value: (row: CaseRow, now: Date) => string | number }> = [
  { header: 'รหัสติดตาม (Tracking code)', width: 14, value: (r) => (r.trackingCode ? formatTrackingCode(r.trackingCode) : '') },
  { header: 'หน่วยงาน (Agency)', width: 30, value: (r) => nameOf(r.agency) },
  { header: 'จุดบริการ (Service point)', width: 30, value: (r) => nameOf(r.servicePoint) },
  { header: 'กระบวนงาน (Process)', width: 40, value: (r) => nameOf(r.process) },
  { header: 'วันที่รับคำขอ (Received)', width: 20, value: (r) => thaiDate(r.receivedAt) },
  { header: 'ครบกำหนดตามคู่มือ (Due)', width: 20, value: (r) => thaiDate(r.dueAt) },
  {
    header: 'สถานะ (State)',
    width: 20,
    value: (r, now) => {
      const state = delayState({
        nextNoticeDueAt: r.nextNoticeDueAt ? new Date(r.nextNoticeDueAt) : null,
        decidedAt: r.decision?.decidedAt,
        now,
      })
      return DELAY_STATES.find((s) => s.value === state)!.th
    },
  },
  { header: 'จำนวนครั้งที่แจ้ง (Notices)', width: 12, value: (r) => (r.notices ?? []).length },
  { header: 'แจ้งล่าสุด (Last notice)', width: 20, value: (r) => thaiDate(lastNoticeAt(r.notices)) },
  { header: 'ต้องแจ้งครั้งถัดไป (Next notice due)', width: 20, value: (r) => thaiDate(r.nextNoticeDueAt) },
  { header: 'เหตุแห่งความล่าช้า (Reason)', width: 40, value: (r) => r.reason ?? '' },
  { header: 'วันที่พิจารณาแล้วเสร็จ (Decided)', width: 20, value: (r) => thaiDate(r.decision?.decidedAt) },
  {
    header: 'ผลการพิจารณา (Outcome)',
    width: 20,
    value: (r) => DECISION_OUTCOMES.find((o) => o.value === r.decision?.outcome)?.th ?? '',
  },
]

/** Every text cell is neutralised: a reason typed as "=HYPERLINK(...)" must stay text in Excel. */
const cells = (row: CaseRow, now: Date) =>
  COLUMNS.map((c) => {
    const value = c.value(row, now)
    return typeof value === 'string' ? neutraliseFormula(value) : value
  })

/**
 * GET /api/delay-notices/export?format=csv|xlsx&state=open|overdue|closed&process=&servicePoint=&agency=
 * (and/or a Payload `where`, as the admin list view puts in its URL). The cases a central officer (their agency and its units) or OPDC (every agency) may read, as
 * a spreadsheet. The applicant's contact details are left out: oversight does not need them.
 */
export const delayExportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!officerOf(req)) return error(401, 'กรุณาเข้าสู่ระบบ', 'Log in first')
    if (!hasAnyRole(req, 'central-officer', 'opdc-officer', 'system-admin')) {
      return error(403, 'เฉพาะเจ้าหน้าที่ส่วนกลางและ ก.พ.ร. ส่งออกข้อมูลนี้ได้', 'Only central officers and OPDC may export delay cases')
    }
    const query = (req.query ?? {}) as Record<string, unknown>
    const format = String(query.format ?? 'csv')
    if (format !== 'csv' && format !== 'xlsx') {
      return error(400, 'รูปแบบไฟล์ต้องเป็น csv หรือ xlsx', 'format must be csv or xlsx', 'format')
    }
    const now = new Date()
    const and: Where[] = []
    if (query.state) {
      const where = stateWhere(String(query.state), now)
      if (!where) return error(400, 'สถานะต้องเป็น open, overdue หรือ closed', 'state must be open, overdue or closed', 'state')
      and.push(where)
    }
    // The admin list's own filter (its `where` query) carries over; access still applies to it.
    if (query.where && typeof query.where === 'object') and.push(query.where as Where)
    for (const field of ['process', 'servicePoint', 'agency'] as const) {
      const id = idOf(query[field])
      if (id === null) continue
      if (!/^\d+$/.test(String(id))) return error(400, `${field} ไม่ถูกต้อง`, `${field} must be an id`, field)
      and.push({ [field]: { equals: Number(id) } })
    }

    const result = await req.payload.find({
      collection: 'delay-notices',
      where: and.length ? { and } : undefined,
      sort: 'receivedAt',
      depth: 1,
      pagination: false,
      user: req.user,
      overrideAccess: false,
      req,
      select: {
        trackingCode: true,
        agency: true,
        servicePoint: true,
        process: true,
        receivedAt: true,
        dueAt: true,
        nextNoticeDueAt: true,
        reason: true,
        notices: { sentAt: true },
        decision: true,
      },
      populate: { agencies: { name: true }, 'service-points': { name: true }, processes: { name: true } },
    })
    const rows = (result.docs as CaseRow[]).map((doc) => cells(doc, now))
    // Streamed by the shared writer (src/services/export.ts): BOM for CSV, every text cell neutralised.
    return exportResponse({
      format,
      name: 'delay-notices',
      sheetName: 'หนังสือแจ้งเรื่องล่าช้า',
      columns: COLUMNS.map((c, i) => ({ key: String(i), header: c.header, width: c.width })),
      batches: [rows],
    })
  },
}
