/**
 * `npm run bench:data [-- --force]`: the national-scale dataset the read benches run on, in a
 * separate database (BENCH_DATABASE_URL, else an embedded PostgreSQL in .data/bench/national-pg).
 *
 * 8,000 agencies (20 ministries > 380 departments; 7,600 local governments under the Department
 * of Local Administration, named after real districts), 30,000 service points across the 77
 * provinces, 100,000 processes (common names, tags) each with its published manual (steps,
 * documents, complaint channel, legal basis, a version row), pins from service points to their
 * agency's manuals, and 1,000,000 survey responses with their answers.
 *
 * Payload pushes the schema once; the rows go in by SQL (INSERT ... SELECT over generate_series),
 * with setseed() before each statement so the same seed gives the same data. A marker row in
 * infogo_runtime.bench_dataset skips a second run unless --force. The site-search index is not
 * built here (bench:search builds its own).
 */
import { getPayload } from 'payload'
import pg from 'pg'

import { districtsOf, PROVINCE_NAMES } from '../src/lib/geography'
import { lexicalFromParagraphs } from '../src/lib/lexical'
import { loadPayloadConfig } from '../src/server/loadConfig'
import { closePayload } from '../src/server/shutdown'
import { benchDatabase } from './lib'

export const DATASET = {
  name: 'national-v1',
  seed: 0.2558,
  ministries: 20,
  departments: 380,
  localGovernments: 7_600,
  servicePoints: 30_000,
  manuals: 100_000,
  tags: 200,
  surveyResponses: 1_000_000,
}
const FORCE = process.argv.includes('--force')
const MARKER = 'infogo_runtime.bench_dataset'

const MINISTRIES = [
  'กระทรวงมหาดไทย', 'กระทรวงการคลัง', 'กระทรวงพาณิชย์', 'กระทรวงอุตสาหกรรม', 'กระทรวงสาธารณสุข',
  'กระทรวงแรงงาน', 'กระทรวงคมนาคม', 'กระทรวงเกษตรและสหกรณ์', 'กระทรวงศึกษาธิการ', 'กระทรวงยุติธรรม',
  'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์', 'กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม', 'กระทรวงพลังงาน',
  'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม', 'กระทรวงการท่องเที่ยวและกีฬา', 'กระทรวงวัฒนธรรม', 'กระทรวงการต่างประเทศ',
  'กระทรวงกลาโหม', 'กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม', 'สำนักนายกรัฐมนตรี',
]
const DEPARTMENT_WORDS = [
  'การปกครอง', 'ที่ดิน', 'โยธาธิการและผังเมือง', 'พัฒนาธุรกิจการค้า', 'สรรพากร', 'ศุลกากร', 'โรงงานอุตสาหกรรม',
  'ควบคุมโรค', 'อนามัย', 'การจัดหางาน', 'การขนส่งทางบก', 'ปศุสัตว์', 'ประมง', 'วิชาการเกษตร', 'คุ้มครองสิทธิและเสรีภาพ',
  'พัฒนาสังคมและสวัสดิการ', 'ควบคุมมลพิษ', 'ธุรกิจพลังงาน', 'การท่องเที่ยว', 'ศิลปากร',
]
const LOCAL_PREFIXES = ['เทศบาลตำบล', 'องค์การบริหารส่วนตำบล', 'เทศบาลเมือง', 'เทศบาลนคร']
const ACTIONS = ['การขออนุญาต', 'การจดทะเบียน', 'การแจ้ง', 'การขอรับ', 'การต่ออายุใบอนุญาต', 'การขอเปลี่ยนแปลง', 'การยกเลิก', 'การขอหนังสือรับรอง']
const OBJECTS = [
  'ก่อสร้างอาคาร', 'รื้อถอนอาคาร', 'ประกอบกิจการโรงงาน', 'พาณิชย์', 'ทะเบียนบ้าน', 'เบี้ยยังชีพผู้สูงอายุ', 'เบี้ยความพิการ',
  'จัดตั้งสถานที่จำหน่ายอาหาร', 'ขุดดินและถมดิน', 'จำหน่ายสุรา', 'ใช้น้ำประปา', 'ตั้งตลาดเอกชน', 'ประกอบกิจการที่เป็นอันตรายต่อสุขภาพ',
  'โฆษณาโดยใช้เครื่องขยายเสียง', 'การเกิด', 'การตาย', 'ย้ายที่อยู่', 'บัตรประจำตัวประชาชน', 'ห้างหุ้นส่วนจำกัด', 'ใบขับขี่',
]
const COMMON_NAMES = ['ขอใบอนุญาตสร้างบ้าน', 'จดทะเบียนร้านค้า', 'แจ้งเกิด', 'ทำบัตรประชาชน', 'ขอเบี้ยคนชรา', 'ขอถมดิน', 'เปิดร้านอาหาร', 'ย้ายทะเบียนบ้าน', 'ต่อใบขับขี่', 'ขอน้ำประปา']
const TAG_WORDS = ['ทะเบียนราษฎร', 'การประกอบธุรกิจ', 'สวัสดิการสังคม', 'ที่อยู่อาศัยและที่ดิน', 'สาธารณสุข', 'การเกษตร', 'แรงงาน', 'คมนาคม', 'สิ่งแวดล้อม', 'ผู้สูงอายุ']
const TAG_TYPES = ['service-category', 'user-group', 'tag']

/** (province, district) pairs in order: local governments and service points take them in turn. */
const PLACES = PROVINCE_NAMES.flatMap((province) => districtsOf(province).map((district) => ({ province, district })))

/**
 * Rebuilds the public snapshots (src/services/publicSnapshots/) through Payload, all of them or
 * (`onlyStale`) those missing or stale; returns the seconds it took, or null when none was needed.
 */
async function rebuildSnapshots(url: string, onlyStale: boolean): Promise<number | null> {
  process.env.DATABASE_URL = url
  process.env.INFOGO_EMBEDDED_DATABASE_URL = ''
  ;(process.env as Record<string, string>).NODE_ENV = 'test'
  const config = await loadPayloadConfig()
  const { rebuildPublicSnapshots, staleSnapshotCollections } = await import('../src/services/publicSnapshots')
  const payload = await getPayload({ config })
  try {
    const collections = onlyStale ? await staleSnapshotCollections(payload) : undefined
    if (collections && !collections.length) return null
    const t = Date.now()
    const report = await rebuildPublicSnapshots(payload, { collections, log: (m) => process.stderr.write(`public snapshots: ${m}\n`) })
    process.stderr.write(`public snapshots: ${JSON.stringify(report)}\n`)
    return (Date.now() - t) / 1000
  } finally {
    await closePayload(payload)
  }
}

async function main() {
  const started = Date.now()
  const db = await benchDatabase('national')
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  const q = (sql: string, values?: unknown[]) => client.query(sql, values)
  try {
    await q(`CREATE SCHEMA IF NOT EXISTS infogo_runtime`)
    await q(`CREATE TABLE IF NOT EXISTS ${MARKER} (name text PRIMARY KEY, counts jsonb NOT NULL, seconds numeric NOT NULL, built_at timestamptz NOT NULL DEFAULT now())`)
    const marker = await q(`SELECT counts, seconds, built_at FROM ${MARKER} WHERE name = $1`, [DATASET.name])
    if (marker.rows.length && !FORCE) {
      const m = marker.rows[0]
      console.log(`bench dataset ${DATASET.name} already built (${m.built_at.toISOString()}, ${m.seconds} s): ${JSON.stringify(m.counts)}; --force rebuilds it`)
      // Snapshots missing or built by other field shapes (a dataset older than the code): rebuild them.
      const snapshotSeconds = await rebuildSnapshots(db.url, true)
      if (snapshotSeconds !== null) console.log(`public snapshots rebuilt in ${snapshotSeconds.toFixed(1)} s`)
      console.log(`BENCH_DATA ${JSON.stringify({ skipped: true, seconds: Number(m.seconds), counts: m.counts, url: db.url })}`)
      return
    }

    // Payload builds the tables (schema push), and the active question set.
    const pushStarted = Date.now()
    process.env.DATABASE_URL = db.url
    process.env.INFOGO_EMBEDDED_DATABASE_URL = ''
    ;(process.env as Record<string, string>).NODE_ENV = 'test' // push on, quiet logs
    const config = await loadPayloadConfig()
    const payload = await getPayload({ config })
    const { ensureQuestionSet } = await import('../src/collections/SurveyQuestionSets/cache')
    await closePayload(payload)
    const pushSeconds = (Date.now() - pushStarted) / 1000

    const timings: Record<string, number> = { 'schema push': pushSeconds }
    const step = async (label: string, ...statements: Array<[string, unknown[]?]>) => {
      const t = Date.now()
      for (const [sql, values] of statements) {
        await q(`SELECT setseed(${DATASET.seed})`)
        await q(sql, values)
      }
      timings[label] = (Date.now() - t) / 1000
      process.stderr.write(`${label}: ${timings[label].toFixed(1)} s\n`)
    }

    await step('clear', [
      `TRUNCATE agencies, agencies_breadcrumbs, service_points, service_points_rels, service_points_pin_details, service_points_opening_hours,
        tags, processes, processes_rels, processes_texts, manuals, manuals_steps, manuals_documents, manuals_fees, manuals_forms,
        manuals_complaint_channels, manuals_legal_basis, manuals_service_channels, _manuals_v, survey_responses, survey_responses_answers,
        survey_question_sets, survey_question_sets_questions, search, search_rels RESTART IDENTITY CASCADE`,
    ])
    // The active question set through Payload (its hooks shape it), then plain SQL for the rest.
    {
      const p = await getPayload({ config })
      await ensureQuestionSet(p)
      await closePayload(p)
    }
    const { rows: questionRows } = await q(`SELECT s.id, array_agg(k.key ORDER BY k._order) AS keys FROM survey_question_sets s JOIN survey_question_sets_questions k ON k._parent_id = s.id WHERE s.active GROUP BY s.id`)
    const questionSet = questionRows[0] as { id: number; keys: string[] }

    const { ministries: M, departments: D, localGovernments: L, servicePoints: S, manuals: N, tags: T, surveyResponses: R } = DATASET
    const firstLocal = M + D + 1
    const localAdministration = M + 1 // กรมส่งเสริมการปกครองท้องถิ่น, under the Ministry of Interior
    const places = [PLACES.map((p) => p.province), PLACES.map((p) => p.district)]
    const hexId = (expr: string) => `lpad(to_hex(${expr}), 24, '0')`

    await step(
      'agencies',
      [
        `INSERT INTO agencies (id, name, kind, code, province, parent_id)
         SELECT g, ($1::text[])[g], 'ministry', 'MIN-' || g, 'กรุงเทพมหานคร', NULL FROM generate_series(1, ${M}) g`,
        [MINISTRIES],
      ],
      [
        `INSERT INTO agencies (id, name, kind, code, province, parent_id)
         SELECT g,
           CASE WHEN g = ${localAdministration} THEN 'กรมส่งเสริมการปกครองท้องถิ่น'
                ELSE 'กรม' || ($1::text[])[1 + (g % array_length($1::text[], 1))] || CASE WHEN g > ${M} + array_length($1::text[], 1) THEN ' สำนักงานที่ ' || (g - ${M}) ELSE '' END END,
           'department', 'DEP-' || g, 'กรุงเทพมหานคร', CASE WHEN g = ${localAdministration} THEN 1 ELSE 1 + (g % ${M}) END
         FROM generate_series(${M + 1}, ${M + D}) g`,
        [DEPARTMENT_WORDS],
      ],
      [
        `INSERT INTO agencies (id, name, kind, code, province, parent_id)
         SELECT g, ($1::text[])[1 + (g % array_length($1::text[], 1))] || ($3::text[])[1 + (g % array_length($3::text[], 1))],
           'local-government', 'LAO-' || g, ($2::text[])[1 + (g % array_length($2::text[], 1))], ${localAdministration}
         FROM generate_series(${firstLocal}, ${M + D + L}) g`,
        [LOCAL_PREFIXES, places[0], places[1]],
      ],
      // nested-docs breadcrumbs: the ancestors, then the agency itself (agency scopes read them).
      [
        `INSERT INTO agencies_breadcrumbs (_order, _parent_id, id, doc_id, label)
         SELECT c.ord, c.agency, ${hexId('c.agency * 4 + c.ord')}, c.doc_id, c.label FROM (
           SELECT a.id AS agency, v.doc_id, v.label, row_number() OVER (PARTITION BY a.id ORDER BY v.o)::int AS ord
           FROM agencies a
           LEFT JOIN agencies p ON p.id = a.parent_id
           LEFT JOIN agencies gp ON gp.id = p.parent_id
           CROSS JOIN LATERAL (VALUES (1, gp.id, gp.name), (2, p.id, p.name), (3, a.id, a.name)) AS v(o, doc_id, label)
           WHERE v.doc_id IS NOT NULL) c`,
      ],
      [`SELECT setval('agencies_id_seq', ${M + D + L})`],
    )

    await step(
      'tags',
      [
        `INSERT INTO tags (id, name, type) SELECT g, ($1::text[])[1 + (g % array_length($1::text[], 1))] || CASE WHEN g > array_length($1::text[], 1) THEN ' ' || g ELSE '' END,
           (($2::text[])[1 + (g % 3)])::enum_tags_type FROM generate_series(1, ${T}) g`,
        [TAG_WORDS, TAG_TYPES],
      ],
      [`SELECT setval('tags_id_seq', ${T})`],
    )

    await step(
      'service points',
      [
        // Two in three belong to a local government (in its district), the rest to a department's
        // provincial office; one in twenty is hidden from citizens.
        `INSERT INTO service_points (id, name, agency_id, visible, status, province, district, address, location_lat, location_lng, phone)
         SELECT g, CASE WHEN a.kind = 'local-government' THEN 'สำนักงาน' || a.name ELSE 'สำนักงาน' || a.name || ' สาขา' || pl.district END || ' จุดที่ ' || g,
           a.id, g % 20 <> 0, 'active', coalesce(CASE WHEN a.kind = 'local-government' THEN a.province END, pl.province), pl.district,
           'อำเภอ' || pl.district || ' จังหวัด' || pl.province, round((6 + random() * 14)::numeric, 5), round((98 + random() * 7)::numeric, 5),
           '0' || (2 + (g % 8)) || ' ' || lpad((g % 1000)::text, 3, '0') || ' ' || lpad((g % 10000)::text, 4, '0')
         FROM generate_series(1, ${S}) g
         JOIN agencies a ON a.id = CASE WHEN g % 3 = 0 THEN ${M + 2} + (g % ${D - 1}) ELSE ${firstLocal} + (g % ${L}) END
         CROSS JOIN LATERAL (SELECT ($1::text[])[1 + ((g * 7) % array_length($1::text[], 1))] AS province, ($2::text[])[1 + ((g * 7) % array_length($2::text[], 1))] AS district) pl`,
        places,
      ],
      [`SELECT setval('service_points_id_seq', ${S})`],
    )

    const conditions = JSON.stringify(lexicalFromParagraphs(['ผู้ยื่นคำขอต้องมีสัญชาติไทยและมีชื่ออยู่ในทะเบียนบ้านในเขตพื้นที่', 'กรณีเอกสารไม่ครบถ้วน เจ้าหน้าที่จะแจ้งให้ผู้ยื่นคำขอทราบทันที']))
    await step(
      'processes',
      [
        // Three in five are local governments' (each carries the same processes), the rest departments'.
        `INSERT INTO processes (id, name, agency_id, legal_basis)
         SELECT g, ($1::text[])[1 + (g % array_length($1::text[], 1))] || ($2::text[])[1 + ((g / 8) % array_length($2::text[], 1))],
           CASE WHEN g % 5 < 3 THEN ${firstLocal} + (g % ${L}) ELSE ${M + 2} + (g % ${D - 1}) END,
           'พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558'
         FROM generate_series(1, ${N}) g`,
        [ACTIONS, OBJECTS],
      ],
      [
        `INSERT INTO processes_texts ("order", parent_id, path, text)
         SELECT k, g, 'commonNames', ($1::text[])[1 + ((g + k * 3) % array_length($1::text[], 1))] FROM generate_series(1, ${N}) g, generate_series(1, 2) k`,
        [COMMON_NAMES],
      ],
      [`INSERT INTO processes_rels ("order", parent_id, path, tags_id) SELECT k, g, 'tags', 1 + ((g * k * 13) % ${T}) FROM generate_series(1, ${N}) g, generate_series(1, 2) k`],
      [`SELECT setval('processes_id_seq', ${N})`],
    )

    await step(
      'manuals',
      [
        `INSERT INTO manuals (id, title, process_id, agency_id, revision, workflow_state, published_at, service_type, conditions, total_duration,
           total_duration_unit, no_fee, _status)
         SELECT p.id, p.name, p.id, p.agency_id, 1, 'published', timestamptz '2020-01-01' + (p.id % 2000) * interval '1 day',
           CASE WHEN p.id % 3 = 0 THEN 'licence' ELSE 'service' END::enum_manuals_service_type, $1::jsonb, 1 + p.id % 30, 'days', p.id % 2 = 0, 'published'
         FROM processes p`,
        [conditions],
      ],
      [
        `INSERT INTO manuals_steps (_order, _parent_id, id, title, description, duration, duration_unit, responsible_unit)
         SELECT k, m.id, ${hexId('m.id * 8 + k')}, ($1::text[])[k], 'เจ้าหน้าที่ดำเนินการตามขั้นตอนที่ ' || k, 1 + ((m.id + k) % 5) * 15,
           (CASE WHEN k = 3 THEN 'days' ELSE 'minutes' END)::enum_manuals_steps_duration_unit, 'งานบริการประชาชน'
         FROM manuals m, generate_series(1, 3) k`,
        [['การตรวจสอบคำขอและเอกสารหลักฐาน', 'การพิจารณา', 'การลงนามและแจ้งผล']],
      ],
      [
        `INSERT INTO manuals_documents (_order, _parent_id, id, name, issuing_agency, originals, copies)
         SELECT k, m.id, ${hexId('m.id * 8 + k')}, ($1::text[])[k], 'กรมการปกครอง', 1, 1 FROM manuals m, generate_series(1, 2) k`,
        [['บัตรประจำตัวประชาชน', 'สำเนาทะเบียนบ้าน']],
      ],
      [`INSERT INTO manuals_complaint_channels (_order, _parent_id, id, channel, contact) SELECT 1, id, ${hexId('id * 8')}, 'ศูนย์ดำรงธรรม', 'สายด่วน 1567' FROM manuals`],
      [`INSERT INTO manuals_legal_basis (_order, _parent_id, id, title) SELECT 1, id, ${hexId('id * 8')}, 'พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558' FROM manuals`],
      // The published version row of each manual (the admin's version history; drafts live here).
      [
        `INSERT INTO _manuals_v (parent_id, version_title, version_process_id, version_agency_id, version_revision, version_workflow_state,
           version_published_at, version_service_type, version_conditions, version_total_duration, version_total_duration_unit, version_no_fee,
           version_updated_at, version_created_at, version__status, latest)
         SELECT id, title, process_id, agency_id, revision, workflow_state::text::enum__manuals_v_version_workflow_state, published_at,
           service_type::text::enum__manuals_v_version_service_type, conditions, total_duration, total_duration_unit::text::enum__manuals_v_version_total_duration_unit,
           no_fee, updated_at, created_at, 'published', true
         FROM manuals`,
      ],
      [`SELECT setval('manuals_id_seq', ${N})`],
    )

    await step('pins', [
      // Each service point pins up to four of its agency's manuals.
      `INSERT INTO service_points_rels ("order", parent_id, path, manuals_id)
       SELECT x.rn, x.sp, 'manuals', x.manual FROM (
         SELECT s.id AS sp, m.id AS manual, row_number() OVER (PARTITION BY s.id ORDER BY (m.id * 2654435761::bigint + s.id) % 1000003) AS rn
         FROM service_points s JOIN manuals m ON m.agency_id = s.agency_id) x
       WHERE x.rn <= 4`,
    ])

    await step(
      'survey responses',
      [
        `INSERT INTO survey_responses (id, service_point_id, agency_id, manual_id, question_set_id, comment, channel, created_at, updated_at)
         SELECT g, s.id, s.agency_id, NULL, ${questionSet.id}, CASE WHEN g % 10 = 0 THEN 'เจ้าหน้าที่บริการดีมาก' END,
           (CASE WHEN g % 4 = 0 THEN 'api' ELSE 'form' END)::enum_survey_responses_channel,
           timestamptz '2026-01-01' + (g % 31536000) * interval '1 second', timestamptz '2026-01-01' + (g % 31536000) * interval '1 second'
         FROM generate_series(1, ${R}) g JOIN service_points s ON s.id = 1 + (g::bigint * 7919) % ${S}`,
      ],
      [
        `INSERT INTO survey_responses_answers (_order, _parent_id, id, question, score)
         SELECT k, g, ${hexId('g::bigint * 8 + k')}, ($1::text[])[k], least(5, 2 + floor(random() * 4))::int
         FROM generate_series(1, ${R}) g, generate_series(1, ${questionSet.keys.length}) k`,
        [questionSet.keys],
      ],
      [`SELECT setval('survey_responses_id_seq', ${R})`],
    )
    await step('analyze', [`ANALYZE`])
    // The rows went in by SQL: build the public snapshots (the read model bench:read's infogo answers from).
    timings['public snapshots'] = (await rebuildSnapshots(db.url, false)) ?? 0

    const { rows: countRows } = await q(`SELECT
      (SELECT count(*) FROM agencies)::int AS agencies, (SELECT count(*) FROM service_points)::int AS "servicePoints",
      (SELECT count(*) FROM processes)::int AS processes, (SELECT count(*) FROM manuals WHERE _status = 'published')::int AS "publishedManuals",
      (SELECT count(*) FROM manuals_steps)::int AS steps, (SELECT count(*) FROM service_points_rels)::int AS pins,
      (SELECT count(*) FROM tags)::int AS tags, (SELECT count(*) FROM survey_responses)::int AS "surveyResponses",
      (SELECT count(*) FROM survey_responses_answers)::int AS "surveyAnswers"`)
    const counts = countRows[0]
    const seconds = Number(((Date.now() - started) / 1000).toFixed(1))
    await q(`INSERT INTO ${MARKER} (name, counts, seconds) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET counts = $2, seconds = $3, built_at = now()`, [
      DATASET.name,
      counts,
      seconds,
    ])
    console.log(`bench dataset ${DATASET.name} built in ${seconds} s: ${JSON.stringify(counts)}`)
    console.log(Object.entries(timings).map(([k, v]) => `  ${k}: ${v.toFixed(1)} s`).join('\n'))
    console.log(`BENCH_DATA ${JSON.stringify({ skipped: false, seconds, counts, timings, url: db.url })}`)
  } finally {
    await client.end()
    await db.stop()
  }
}

await main()
process.exit(0)
