/**
 * The summary reports (รายงานสรุป): each one a set of columns and a function that reads its rows
 * from PostgreSQL in batches, already limited to the agencies the reader may see. The SQL is
 * plain and parameterised; every page is a short query on the pool (keyset, no OFFSET), so an
 * export of any size streams in flat memory (src/services/export.ts).
 */
import { dateCell, type Cell, type ExportColumn } from '../lib/spreadsheet'
import { WORKFLOW_STATES, type WorkflowState } from '../lib/workflowStates'
import { keysetPages } from '../services/export'

export type Queryable = { query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/** null: every agency (OPDC, system admin); otherwise the agency ids the reader may see. */
export type AgencyScope = number[] | null

export type ReportParams = {
  scope: AgencyScope
  language: string
  /** Narrowing filters from the query string (already checked). */
  agency?: number
  groupBy: GroupBy
  coverage?: 'with' | 'without'
  from?: Date
  to?: Date
  now: Date
}

export type ReportDefinition = {
  key: string
  title: { th: string; en: string }
  sheetName: string
  columns: (params: ReportParams) => ExportColumn[]
  batches: (db: Queryable, params: ReportParams) => AsyncIterable<Cell[][]>
}

export const GROUP_BY = ['agency', 'ministry', 'province', 'category'] as const
export type GroupBy = (typeof GROUP_BY)[number]

/** Column headers of the workflow states, shorter than their labels elsewhere (a narrow column each). */
const STATE_HEADERS: Record<WorkflowState, { th: string; en: string }> = {
  draft: { th: 'ร่าง', en: 'Draft' },
  'pending-review': { th: 'รอตรวจสอบ', en: 'Pending review' },
  'pending-opdc': { th: 'รอ ก.พ.ร. อนุมัติ', en: 'Pending OPDC' },
  published: { th: 'เผยแพร่แล้ว', en: 'Published' },
  rejected: { th: 'ส่งกลับแก้ไข', en: 'Rejected' },
  superseded: { th: 'ถูกแทนที่', en: 'Superseded' },
}
/** The states in their order (src/lib/workflowStates.ts), with the report's headers. */
const STATE_COLUMNS = WORKFLOW_STATES.map((s) => ({ value: s.value, ...STATE_HEADERS[s.value] }))

/**
 * Agencies limited to the scope (and the `agency` filter with its sub-units, found through the
 * nested-docs breadcrumbs). Appends its parameters to `values` and returns the SQL condition on `column`.
 */
function agencyCondition(column: string, params: ReportParams, values: unknown[]): string {
  const parts: string[] = []
  if (params.scope) {
    values.push(params.scope)
    parts.push(`${column} = ANY($${values.length}::int[])`)
  }
  if (params.agency !== undefined) {
    values.push(params.agency)
    const p = `$${values.length}`
    parts.push(`(${column} = ${p} OR ${column} IN (SELECT _parent_id FROM agencies_breadcrumbs WHERE doc_id = ${p}))`)
  }
  return parts.length ? parts.join(' AND ') : 'TRUE'
}

const yesNo = (value: unknown, language: string) => (value ? (language.startsWith('en') ? 'yes' : 'มี') : language.startsWith('en') ? 'no' : 'ไม่มี')

// ---------------------------------------------------------------------------------------------
// manuals-by-state
// ---------------------------------------------------------------------------------------------

/** The group each manual falls in, per dimension: id and name (a process may sit in several categories). */
const GROUP_SQL: Record<GroupBy, { join: string; id: string; name: string }> = {
  agency: { join: '', id: 'a.id', name: 'a.name' },
  ministry: {
    join: `LEFT JOIN LATERAL (SELECT ma.id, ma.name FROM agencies_breadcrumbs b JOIN agencies ma ON ma.id = b.doc_id AND ma.kind = 'ministry'
             WHERE b._parent_id = a.id ORDER BY b._order LIMIT 1) g ON TRUE`,
    id: `COALESCE(g.id, CASE WHEN a.kind = 'ministry' THEN a.id END)`,
    name: `COALESCE(g.name, CASE WHEN a.kind = 'ministry' THEN a.name END)`,
  },
  province: { join: '', id: 'a.province', name: 'a.province' },
  category: {
    join: `LEFT JOIN processes_rels pr ON pr.parent_id = m.process_id AND pr.path = 'tags'
           LEFT JOIN tags g ON g.id = pr.tags_id AND g.type = 'service-category'`,
    id: 'g.id',
    name: 'g.name',
  },
}

const manualsByState: ReportDefinition = {
  key: 'manuals-by-state',
  title: { th: 'คู่มือประชาชนจำแนกตามสถานะและอายุฉบับที่เผยแพร่', en: 'Manuals by workflow state and revision age' },
  sheetName: 'คู่มือตามสถานะ',
  columns: (p) => [
    { key: 'group', header: groupHeader(p.groupBy), width: 40 },
    ...STATE_COLUMNS.map((s) => ({ key: s.value, header: `${s.th} (${s.en})`, width: 12 })),
    { key: 'total', header: 'รวม (Total)', width: 10 },
    { key: 'ageUnder1y', header: 'เผยแพร่ไม่เกิน 1 ปี (Published < 1 year)', width: 14 },
    { key: 'age1to2y', header: 'เผยแพร่ 1-2 ปี (1-2 years)', width: 14 },
    { key: 'ageOver2y', header: 'เผยแพร่เกิน 2 ปี (> 2 years)', width: 14 },
    { key: 'neverPublished', header: 'ยังไม่เคยเผยแพร่ (Never published)', width: 14 },
    { key: 'oldestPublished', header: 'ฉบับเผยแพร่เก่าที่สุด (Oldest published)', width: 18 },
  ],
  async *batches(db, p) {
    const values: unknown[] = [p.now]
    const where = agencyCondition('m.agency_id', p, values)
    const g = GROUP_SQL[p.groupBy]
    // A manual's state is that of its latest revision (a draft in progress under a published
    // one counts as a draft); its age is that of the revision citizens read.
    const { rows } = await db.query(
      `WITH m AS (
         SELECT m.id, m.agency_id, m.process_id,
                COALESCE(v.state, m.workflow_state::text) AS state,
                CASE WHEN m._status = 'published' THEN m.published_at END AS published_at
           FROM manuals m
           LEFT JOIN LATERAL (SELECT version_workflow_state::text AS state FROM _manuals_v v
                               WHERE v.parent_id = m.id ORDER BY v.latest DESC NULLS LAST, v.id DESC LIMIT 1) v ON TRUE
          WHERE ${where}
       )
       SELECT ${g.id} AS group_id, ${g.name} AS group_name,
              ${STATE_COLUMNS.map((s, i) => `count(*) FILTER (WHERE m.state = '${s.value}') AS s${i}`).join(', ')},
              count(*) AS total,
              count(*) FILTER (WHERE m.published_at > $1::timestamptz - interval '1 year') AS age0,
              count(*) FILTER (WHERE m.published_at <= $1::timestamptz - interval '1 year' AND m.published_at > $1::timestamptz - interval '2 years') AS age1,
              count(*) FILTER (WHERE m.published_at <= $1::timestamptz - interval '2 years') AS age2,
              count(*) FILTER (WHERE m.published_at IS NULL) AS never,
              min(m.published_at) AS oldest
         FROM m JOIN agencies a ON a.id = m.agency_id
         ${g.join}
        GROUP BY 1, 2
        ORDER BY 2 NULLS LAST`,
      values,
    )
    yield rows.map((r) => [
      r.group_name === null ? '(ไม่ระบุ / none)' : String(r.group_name),
      ...STATE_COLUMNS.map((_, i) => Number(r[`s${i}`])),
      Number(r.total),
      Number(r.age0),
      Number(r.age1),
      Number(r.age2),
      Number(r.never),
      dateCell(r.oldest as Date | null, p.language),
    ])
  },
}

function groupHeader(groupBy: GroupBy): string {
  switch (groupBy) {
    case 'ministry':
      return 'กระทรวง (Ministry)'
    case 'province':
      return 'จังหวัด (Province)'
    case 'category':
      return 'หมวดหมู่บริการ (Service category)'
    default:
      return 'หน่วยงาน (Agency)'
  }
}

// ---------------------------------------------------------------------------------------------
// processes-coverage
// ---------------------------------------------------------------------------------------------

const processesCoverage: ReportDefinition = {
  key: 'processes-coverage',
  title: { th: 'กระบวนงานที่มีและไม่มีคู่มือที่เผยแพร่', en: 'Processes with and without a published manual' },
  sheetName: 'กระบวนงานและคู่มือ',
  columns: () => [
    { key: 'id', header: 'รหัส (ID)', width: 8 },
    { key: 'process', header: 'กระบวนงาน (Process)', width: 48 },
    { key: 'agency', header: 'หน่วยงาน (Agency)', width: 32 },
    { key: 'categories', header: 'หมวดหมู่บริการ (Service category)', width: 24 },
    { key: 'hasPublished', header: 'มีคู่มือที่เผยแพร่ (Published manual)', width: 12 },
    { key: 'manual', header: 'คู่มือ (Manual)', width: 48 },
    { key: 'publishedAt', header: 'วันที่เผยแพร่ (Published)', width: 16 },
  ],
  async *batches(db, p) {
    const values: unknown[] = []
    const where = [agencyCondition('pr.agency_id', p, values)]
    if (p.coverage) where.push(`${p.coverage === 'with' ? '' : 'NOT '}(pm.id IS NOT NULL)`)
    const pages = keysetPages<Record<string, unknown>>(db, {
      values,
      key: 'id',
      sql: (after, limit) => `
        SELECT pr.id, pr.name, a.name AS agency, pm.title AS manual, pm.published_at,
               (SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM processes_rels r JOIN tags t ON t.id = r.tags_id AND t.type = 'service-category'
                 WHERE r.parent_id = pr.id AND r.path = 'tags') AS categories
          FROM processes pr
          JOIN agencies a ON a.id = pr.agency_id
          LEFT JOIN LATERAL (SELECT m.id, m.title, m.published_at FROM manuals m
                              WHERE m.process_id = pr.id AND m._status = 'published'
                              ORDER BY m.published_at DESC NULLS LAST LIMIT 1) pm ON TRUE
         WHERE ${where.join(' AND ')} AND pr.id > ${after}
         ORDER BY pr.id LIMIT ${limit}`,
    })
    for await (const rows of pages) {
      yield rows.map((r) => [
        Number(r.id),
        String(r.name),
        String(r.agency ?? ''),
        (r.categories as string | null) ?? '',
        yesNo(r.manual !== null, p.language),
        (r.manual as string | null) ?? '',
        dateCell(r.published_at as Date | null, p.language),
      ])
    }
  },
}

// ---------------------------------------------------------------------------------------------
// unpinned-service-points
// ---------------------------------------------------------------------------------------------

const unpinnedServicePoints: ReportDefinition = {
  key: 'unpinned-service-points',
  title: { th: 'จุดบริการที่ยังไม่ได้ปักหมุดคู่มือ', en: 'Service points with no pinned manual' },
  sheetName: 'จุดบริการไม่มีคู่มือ',
  columns: () => [
    { key: 'id', header: 'รหัส (ID)', width: 8 },
    { key: 'servicePoint', header: 'จุดบริการ (Service point)', width: 40 },
    { key: 'agency', header: 'หน่วยงาน (Agency)', width: 32 },
    { key: 'province', header: 'จังหวัด (Province)', width: 18 },
    { key: 'status', header: 'สถานะ (Status)', width: 12 },
    { key: 'visible', header: 'แสดงต่อประชาชน (Visible)', width: 12 },
  ],
  async *batches(db, p) {
    const values: unknown[] = []
    const where = agencyCondition('sp.agency_id', p, values)
    const pages = keysetPages<Record<string, unknown>>(db, {
      values,
      key: 'id',
      sql: (after, limit) => `
        SELECT sp.id, sp.name, a.name AS agency, sp.province, sp.status, sp.visible
          FROM service_points sp JOIN agencies a ON a.id = sp.agency_id
         WHERE ${where}
           AND NOT EXISTS (SELECT 1 FROM service_points_rels r WHERE r.parent_id = sp.id AND r.path = 'manuals' AND r.manuals_id IS NOT NULL)
           AND sp.id > ${after}
         ORDER BY sp.id LIMIT ${limit}`,
    })
    for await (const rows of pages) {
      yield rows.map((r) => [
        Number(r.id),
        String(r.name),
        String(r.agency ?? ''),
        String(r.province ?? ''),
        r.status === 'closed' ? 'ปิดให้บริการ (closed)' : 'เปิดให้บริการ (active)',
        yesNo(r.visible, p.language),
      ])
    }
  },
}

// ---------------------------------------------------------------------------------------------
// survey-responses (every rating, one row each: the large one)
// ---------------------------------------------------------------------------------------------

const surveyResponses: ReportDefinition = {
  key: 'survey-responses',
  title: { th: 'ผลประเมินความพึงพอใจรายครั้ง', en: 'Satisfaction ratings, one row each' },
  sheetName: 'ผลประเมินรายครั้ง',
  columns: () => [
    { key: 'id', header: 'รหัส (ID)', width: 10 },
    { key: 'createdAt', header: 'วันเวลาที่ประเมิน (Rated at)', width: 20 },
    { key: 'servicePoint', header: 'จุดบริการ (Service point)', width: 36 },
    { key: 'agency', header: 'หน่วยงาน (Agency)', width: 32 },
    { key: 'manual', header: 'คู่มือ (Manual)', width: 36 },
    { key: 'answers', header: 'จำนวนข้อ (Answers)', width: 10 },
    { key: 'mean', header: 'คะแนนเฉลี่ย (Mean score)', width: 10 },
    { key: 'comment', header: 'ความคิดเห็น (Comment)', width: 48 },
  ],
  async *batches(db, p) {
    const values: unknown[] = []
    const where = [agencyCondition('r.agency_id', p, values)]
    if (p.from) {
      values.push(p.from)
      where.push(`r.created_at >= $${values.length}`)
    }
    if (p.to) {
      values.push(p.to)
      where.push(`r.created_at < $${values.length}`)
    }
    // One page of ratings by keyset; names come from small tables, and the answers of the page are
    // aggregated in one index range scan (a per-row subquery costs three times as much).
    // 2,000 rows a page: each page dies young in the GC; 10,000 held the server's RSS ~150 MB
    // higher for the same speed (npm run bench:export).
    const pages = keysetPages<Record<string, unknown>>(db, {
      values,
      key: 'id',
      pageSize: 2000,
      sql: (after, limit) => `
        WITH r AS (SELECT * FROM survey_responses r WHERE ${where.join(' AND ')} AND r.id > ${after} ORDER BY r.id LIMIT ${limit}),
             s AS (SELECT x._parent_id, count(*) AS answers, round(avg(x.score)::numeric, 2) AS mean
                     FROM survey_responses_answers x
                    WHERE x._parent_id > ${after} AND x._parent_id <= (SELECT max(id) FROM r) AND x._parent_id IN (SELECT id FROM r)
                    GROUP BY x._parent_id)
        SELECT r.id, r.created_at, sp.name AS service_point, a.name AS agency, m.title AS manual, r.comment,
               COALESCE(s.answers, 0) AS answers, s.mean
          FROM r
          LEFT JOIN s ON s._parent_id = r.id
          LEFT JOIN service_points sp ON sp.id = r.service_point_id
          LEFT JOIN agencies a ON a.id = r.agency_id
          LEFT JOIN manuals m ON m.id = r.manual_id
         ORDER BY r.id`,
    })
    for await (const rows of pages) {
      yield rows.map((r) => [
        Number(r.id),
        dateCell(r.created_at as Date, p.language, true),
        (r.service_point as string | null) ?? '',
        (r.agency as string | null) ?? '',
        (r.manual as string | null) ?? '',
        Number(r.answers),
        r.mean === null ? null : Number(r.mean),
        (r.comment as string | null) ?? '',
      ])
    }
  },
}

export const SUMMARY_REPORTS: Record<string, ReportDefinition> = Object.fromEntries(
  [manualsByState, processesCoverage, unpinnedServicePoints, surveyResponses].map((r) => [r.key, r]),
)

/**
 * Reports that other features already serve: /api/reports/<key>[/export] sends the client there
 * (with the same query string), so the summary menu lists every report in one place.
 */
export const REPORT_ALIASES: Record<string, { title: { th: string; en: string }; json: string; export: string }> = {
  satisfaction: {
    title: { th: 'รายงานผลประเมินความพึงพอใจ', en: 'Citizen satisfaction' },
    json: '/api/survey-responses/summary',
    export: '/api/reports/satisfaction/export',
  },
  licence: {
    title: { th: 'รายงานผลการออกใบอนุญาต', en: 'Licence issuance' },
    json: '/api/licence-reports/rollup',
    export: '/api/licence-reports/export',
  },
  'delay-notices': {
    title: { th: 'หนังสือแจ้งเรื่องล่าช้า', en: 'Delay notices' },
    json: '/api/delay-notices',
    export: '/api/delay-notices/export',
  },
}
