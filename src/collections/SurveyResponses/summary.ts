import type { Payload, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { seesEverything } from '../../access/predicates'
import { agencyScopeIds } from '../../access/scope'
import { idOf, officerOf } from '../../access/user'
import { bilingual } from '../../lib/messages'
import { bangkokMonth, parsePeriod, summarizeScores, type SatisfactionSummary } from '../../lib/surveyStats'
import { PUBLIC_SERVICE_POINT } from '../ServicePoints'

export type SummaryQuery = { servicePoint?: string | null; agency?: string | null; manual?: string | null; from?: string | null; to?: string | null }

/** What one summary covers, after the asker's rights were applied. */
export type SummaryScope = {
  /** null: every agency (OPDC, system admin). */
  agencyIds: number[] | null
  servicePoint: { id: number; name: string } | null
  agency: { id: number; name: string } | null
  manual: number | null
  from: Date | null
  to: Date | null
  /** Anonymous askers see one public service point's figures. */
  audience: 'public' | 'officer' | 'all'
}

const positiveId = (value: string | null | undefined, path: string): number | null => {
  if (value === undefined || value === null || value === '') return null
  if (!/^[1-9][0-9]{0,9}$/.test(value)) throw new APIError(bilingual(`${path} ต้องเป็นรหัส`, `${path} must be an id`), 400, [{ path, message: 'invalid id' }])
  return Number(value)
}

/** An agency and every agency below it (nested-docs breadcrumbs). */
async function agencyWithSubUnits(payload: Payload, id: number): Promise<number[]> {
  const found = await payload.find({
    collection: 'agencies',
    where: { or: [{ id: { equals: id } }, { 'breadcrumbs.doc': { equals: id } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
  })
  return [...new Set([id, ...found.docs.map((d) => Number(d.id))])]
}

const forbidden = () =>
  new APIError(bilingual('ท่านไม่มีสิทธิ์ดูผลประเมินของหน่วยงานนี้', "You may not see this agency's ratings"), 403)

/**
 * Who sees what: OPDC officers and system admins every agency; other officers their agency and
 * its sub-units (asking for anything outside is 403); anonymous callers only one public service
 * point's aggregate (`servicePoint` required, else 401). Comments are never part of a summary.
 */
export async function resolveSummaryScope(req: PayloadRequest, query: SummaryQuery): Promise<SummaryScope> {
  const period = parsePeriod(query.from, query.to)
  if (period.errors.length) throw new APIError(period.errors[0].message, 400, period.errors)
  const servicePointId = positiveId(query.servicePoint, 'servicePoint')
  const agencyId = positiveId(query.agency, 'agency')
  const manual = positiveId(query.manual, 'manual')
  const { payload } = req
  const user = officerOf(req)

  let servicePoint: SummaryScope['servicePoint'] = null
  let spAgency: number | null = null
  if (servicePointId !== null) {
    const found = await payload.find({
      collection: 'service-points',
      where: user ? { id: { equals: servicePointId } } : { and: [{ id: { equals: servicePointId } }, PUBLIC_SERVICE_POINT] },
      depth: 0,
      limit: 1,
      select: { name: true, agency: true },
      overrideAccess: !user ? false : true,
      req,
    })
    const doc = found.docs[0]
    if (!doc) throw new APIError(bilingual('ไม่พบจุดบริการ', 'Service point not found'), 404)
    servicePoint = { id: Number(doc.id), name: String(doc.name ?? '') }
    spAgency = Number(idOf(doc.agency))
  }

  let agency: SummaryScope['agency'] = null
  if (agencyId !== null) {
    const found = await payload.find({ collection: 'agencies', where: { id: { equals: agencyId } }, depth: 0, limit: 1, select: { name: true }, overrideAccess: false, req })
    if (!found.docs[0]) throw new APIError(bilingual('ไม่พบหน่วยงาน', 'Agency not found'), 404)
    agency = { id: agencyId, name: String(found.docs[0].name ?? '') }
  }

  const base = { servicePoint, agency, manual, from: period.from, to: period.to }
  if (!user) {
    if (!servicePoint) {
      throw new APIError(
        bilingual(
          'กรุณาเข้าสู่ระบบเพื่อดูรายงาน (ผู้ไม่ได้เข้าสู่ระบบดูได้เฉพาะผลรวมของจุดบริการที่เปิดเผย ?servicePoint=)',
          'Log in to see reports (without login only one public service point’s aggregate, ?servicePoint=)',
        ),
        401,
      )
    }
    return { ...base, agencyIds: agency ? await agencyWithSubUnits(payload, agency.id) : null, audience: 'public' }
  }
  if (seesEverything(req)) {
    return { ...base, agencyIds: agency ? await agencyWithSubUnits(payload, agency.id) : null, audience: 'all' }
  }
  const own = (await agencyScopeIds(req)).map(Number)
  if (!own.length) throw forbidden()
  if (spAgency !== null && !own.includes(spAgency)) throw forbidden()
  if (agency && !own.includes(agency.id)) throw forbidden()
  const agencyIds = agency ? (await agencyWithSubUnits(payload, agency.id)).filter((id) => own.includes(id)) : own
  return { ...base, agencyIds, audience: 'officer' }
}

type Pool = { query: (text: string, values?: unknown[]) => Promise<{ rows: any[] }> }

/** Figures for a scope: two grouped queries, the arithmetic in src/lib/surveyStats.ts. */
export async function loadSummary(payload: Payload, scope: SummaryScope): Promise<SatisfactionSummary> {
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const where: string[] = ['r.suspect IS NOT TRUE']
  const values: unknown[] = []
  const add = (sql: string, value: unknown) => {
    values.push(value)
    where.push(sql.replace('?', `$${values.length}`))
  }
  if (scope.agencyIds) add('r.agency_id = ANY(?::int[])', scope.agencyIds)
  if (scope.servicePoint) add('r.service_point_id = ?', scope.servicePoint.id)
  if (scope.manual) add('r.manual_id = ?', scope.manual)
  if (scope.from) add('r.created_at >= ?', scope.from.toISOString())
  if (scope.to) add('r.created_at <= ?', scope.to.toISOString())
  const month = `to_char(r.created_at AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM')`
  const [groups, ratings, sets] = await Promise.all([
    pool.query(
      `SELECT ${month} AS month, a.question, a.score::int AS score, count(*)::int AS n
         FROM survey_responses r JOIN survey_responses_answers a ON a._parent_id = r.id
        WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3`,
      values,
    ),
    pool.query(`SELECT ${month} AS month, count(*)::int AS n FROM survey_responses r WHERE ${where.join(' AND ')} GROUP BY 1`, values),
    payload.find({ collection: 'survey-question-sets', sort: ['-active', '-version'], limit: 0, pagination: false, depth: 0, overrideAccess: true }),
  ])
  // Question wording from the newest set that has the key (the active set first).
  const texts = new Map<string, { key: string; text: string; textEn: string }>()
  for (const set of sets.docs) {
    for (const q of (set.questions ?? []) as Array<{ key: string; text: string; textEn?: string }>) {
      if (!texts.has(q.key)) texts.set(q.key, { key: q.key, text: q.text, textEn: q.textEn ?? '' })
    }
  }
  return summarizeScores({
    groups: groups.rows,
    ratingsByMonth: ratings.rows,
    questions: [...texts.values()],
    trendFrom: scope.from ? bangkokMonth(scope.from) : undefined,
    trendTo: scope.to ? bangkokMonth(scope.to) : undefined,
  })
}

export const summaryQueryOf = (req: PayloadRequest): SummaryQuery => {
  const p = req.searchParams ?? new URL(req.url ?? 'http://x').searchParams
  return { servicePoint: p.get('servicePoint'), agency: p.get('agency'), manual: p.get('manual'), from: p.get('from'), to: p.get('to') }
}
