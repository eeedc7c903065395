/** GET /api/reports/<report>[/export]: the figures on a known set, who sees what, and the files. */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'

import { createAgencyTree, createDraftManual, createProcess, createPublishedManual, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'
import { clearRateLimits, clientHeaders, createQuestionSet, rating } from '../helpers/survey'

let t: TestServer
let ministryA: any, deptA: any, subA: any, ministryB: any, deptB: any
let pA1: any, pA2: any, pB1: any, pB2: any, spA1: any, spA2: any, spB1: any
let central: Awaited<ReturnType<typeof createOfficer>>
let opdc: Awaited<ReturnType<typeof createOfficer>>
let unbound: Awaited<ReturnType<typeof createOfficer>>

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
const rowsOf = (body: any) => body.rows as any[][]
const byName = (body: any, name: string) => rowsOf(body).find((r) => r[0] === name)

/** The CSV rows (BOM checked and stripped). */
async function csvRows(res: Response): Promise<string[][]> {
  const bytes = Buffer.from(await res.arrayBuffer())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data
}

const fetchAs = (token: string | undefined, path: string) =>
  fetch(`${t.baseUrl}${path}`, { headers: token ? { Authorization: `JWT ${token}` } : {}, redirect: 'manual' })

beforeAll(async () => {
  t = await startTestServer({ env: { SURVEY_RATE_LIMIT_POINTS: '1000' } })
  await clearRateLimits(t)
  ;({ ministry: ministryA, department: deptA } = await createAgencyTree(t, 'เอ'))
  subA = await t.payload.create({ collection: 'agencies', data: { name: 'สำนักย่อยเอ', kind: 'department', parent: deptA.id, code: 'SUB-A', province: 'เชียงใหม่' } as never, ...SYSTEM })
  ;({ ministry: ministryB, department: deptB } = await createAgencyTree(t, 'บี'))
  const category = await t.payload.create({ collection: 'tags', data: { name: 'ทะเบียนราษฎร', type: 'service-category' } as never, ...SYSTEM })

  pA1 = await createProcess(t, deptA.id, { name: 'ขอมีบัตรประจำตัวประชาชน', tags: [category.id] })
  pA2 = await createProcess(t, subA.id, { name: 'แจ้งย้ายที่อยู่' })
  pB1 = await createProcess(t, deptB.id, { name: '=HYPERLINK("http://evil","x")' })
  pB2 = await createProcess(t, deptB.id, { name: 'จดทะเบียนพาณิชย์' })
  const mA1 = await createPublishedManual(t, pA1.id, deptA.id)
  await createDraftManual(t, pA2.id, subA.id)
  const mB1 = await createPublishedManual(t, pB1.id, deptB.id)
  await createDraftManual(t, pB2.id, deptB.id)
  // One published revision three years old.
  await (t.payload.db as any).pool.query(`UPDATE manuals SET published_at = now() - interval '3 years' WHERE id = $1`, [mB1.id])

  spA1 = await createServicePoint(t, deptA.id, { name: 'จุดบริการเอหนึ่ง', manuals: [mA1.id] })
  spA2 = await createServicePoint(t, subA.id, { name: 'จุดบริการย่อยเอ' })
  spB1 = await createServicePoint(t, deptB.id, { name: 'จุดบริการบี' })

  await createQuestionSet(t)
  for (const [sp, scores, comment] of [
    [spA1, { staff: 5, speed: 4 }, '=1+1'],
    [spA2, { staff: 3, speed: 2 }, 'ดีมาก'],
    [spB1, { staff: 1, speed: 1 }, '@SUM(A1)'],
  ] as const) {
    const res = await api(t.baseUrl).post('/api/survey-responses', rating(sp.id, scores, { comment }), clientHeaders())
    expect(res.status).toBe(201)
  }

  central = await createOfficer(t, { roles: ['central-officer'], agency: deptA.id })
  opdc = await createOfficer(t, { roles: ['opdc-officer'] })
  unbound = await createOfficer(t, { roles: ['manual-author'] })
})
afterAll(async () => {
  await t?.close()
})

describe('access', () => {
  it('refuses anonymous readers (401) and officers without an agency (403)', async () => {
    for (const path of ['/api/reports', '/api/reports/manuals-by-state', '/api/reports/manuals-by-state/export?format=csv']) {
      const res = await api(t.baseUrl).get(path)
      expect(res.status).toBe(401)
      expect(res.body.errors[0].message).toMatch(/กรุณาเข้าสู่ระบบ.*Log in/)
    }
    expect((await unbound.api.get('/api/reports/processes-coverage')).status).toBe(403)
  })

  it('keeps an officer to their agency and its sub-units; OPDC sees every agency', async () => {
    const mine = await central.api.get('/api/reports/unpinned-service-points')
    expect(mine.status).toBe(200)
    expect(rowsOf(mine.body).map((r) => r[1])).toEqual(['จุดบริการย่อยเอ'])
    const all = await opdc.api.get('/api/reports/unpinned-service-points')
    expect(rowsOf(all.body).map((r) => r[1]).sort()).toEqual(['จุดบริการบี', 'จุดบริการย่อยเอ'].sort())
    // Asking for another agency is refused, not silently emptied.
    const other = await central.api.get(`/api/reports/manuals-by-state?agency=${deptB.id}`)
    expect(other.status).toBe(403)
    const exportOther = await fetchAs(central.token, `/api/reports/survey-responses/export?agency=${deptB.id}`)
    expect(exportOther.status).toBe(403)
  })

  it('narrows to an agency with its sub-units', async () => {
    const res = await opdc.api.get(`/api/reports/processes-coverage?agency=${deptA.id}`)
    expect(rowsOf(res.body).map((r) => r[1]).sort()).toEqual(['ขอมีบัตรประจำตัวประชาชน', 'แจ้งย้ายที่อยู่'].sort())
  })
})

describe('figures', () => {
  it('counts manuals per state and published age, by agency', async () => {
    const res = await opdc.api.get('/api/reports/manuals-by-state')
    expect(res.status).toBe(200)
    const keys = res.body.columns.map((c: any) => c.key)
    const row = (name: string) => Object.fromEntries(keys.map((k: string, i: number) => [k, byName(res.body, name)?.[i]]))
    expect(row(deptA.name)).toMatchObject({ draft: 0, published: 1, total: 1, ageUnder1y: 1, ageOver2y: 0, neverPublished: 0 })
    expect(row('สำนักย่อยเอ')).toMatchObject({ draft: 1, published: 0, total: 1, neverPublished: 1 })
    expect(row(deptB.name)).toMatchObject({ draft: 1, published: 1, total: 2, ageUnder1y: 0, ageOver2y: 1, neverPublished: 1 })
    // The officer's view has their agency and sub-unit only.
    const mine = await central.api.get('/api/reports/manuals-by-state')
    expect(rowsOf(mine.body).map((r) => r[0]).sort()).toEqual([deptA.name, 'สำนักย่อยเอ'].sort())
  })

  it('groups by ministry and by service category', async () => {
    const ministries = await opdc.api.get('/api/reports/manuals-by-state?groupBy=ministry')
    const totalIndex = ministries.body.columns.findIndex((c: any) => c.key === 'total')
    expect(byName(ministries.body, ministryA.name)?.[totalIndex]).toBe(2)
    expect(byName(ministries.body, ministryB.name)?.[totalIndex]).toBe(2)
    const categories = await opdc.api.get('/api/reports/manuals-by-state?groupBy=category')
    expect(byName(categories.body, 'ทะเบียนราษฎร')?.[totalIndex]).toBe(1)
    expect(byName(categories.body, '(ไม่ระบุ / none)')?.[totalIndex]).toBe(3)
    const bad = await opdc.api.get('/api/reports/manuals-by-state?groupBy=planet')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0].path).toBe('groupBy')
  })

  it('lists processes with and without a published manual', async () => {
    const res = await central.api.get('/api/reports/processes-coverage')
    const has = Object.fromEntries(rowsOf(res.body).map((r) => [r[1], r[4]]))
    expect(has).toEqual({ ขอมีบัตรประจำตัวประชาชน: 'มี', แจ้งย้ายที่อยู่: 'ไม่มี' })
    expect(byName({ rows: rowsOf(res.body).map((r) => [r[1], ...r]) }, 'ขอมีบัตรประจำตัวประชาชน')?.[4]).toBe('ทะเบียนราษฎร')
    const without = await opdc.api.get('/api/reports/processes-coverage?coverage=without')
    expect(rowsOf(without.body).map((r) => r[1]).sort()).toEqual(['จดทะเบียนพาณิชย์', 'แจ้งย้ายที่อยู่'].sort())
  })
})

describe('exports', () => {
  it('streams CSV with a BOM, Buddhist-era dates and neutralised formulas', async () => {
    const res = await fetchAs(opdc.token, '/api/reports/survey-responses/export?format=csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="survey-responses-\d{4}-\d{2}-\d{2}\.csv"/)
    const rows = await csvRows(res)
    expect(rows[0][0]).toBe('รหัส (ID)')
    expect(rows).toHaveLength(4)
    const comments = rows.slice(1).map((r) => r[7]).sort()
    expect(comments).toEqual(["'=1+1", "'@SUM(A1)", 'ดีมาก'].sort())
    const yearBE = new Date().getUTCFullYear() + 543
    expect(rows[1][1]).toContain(String(yearBE))
    expect(rows.find((r) => r[2] === 'จุดบริการเอหนึ่ง')?.[6]).toBe('4.5')
    // English readers get Gregorian years.
    const en = await csvRows(await fetchAs(opdc.token, '/api/reports/survey-responses/export?format=csv&lang=en'))
    expect(en[1][1]).toContain(String(new Date().getUTCFullYear()))
    // A process named like a formula stays text.
    const coverage = await csvRows(await fetchAs(opdc.token, '/api/reports/processes-coverage/export'))
    expect(coverage.some((r) => r[1] === `'=HYPERLINK("http://evil","x")`)).toBe(true)
  })

  it('an officer\'s export holds their agency only', async () => {
    const rows = await csvRows(await fetchAs(central.token, '/api/reports/survey-responses/export?format=csv'))
    expect(rows.slice(1).map((r) => r[2]).sort()).toEqual(['จุดบริการย่อยเอ', 'จุดบริการเอหนึ่ง'].sort())
  })

  it('writes an XLSX that exceljs reads back to the same rows as the CSV', async () => {
    const csv = await csvRows(await fetchAs(opdc.token, '/api/reports/processes-coverage/export?format=csv'))
    const res = await fetchAs(opdc.token, '/api/reports/processes-coverage/export?format=xlsx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await res.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]
    const rows: string[][] = []
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1)
      rows.push(Array.from({ length: csv[0].length }, (_, i) => (values[i] === undefined || values[i] === null ? '' : String(values[i]))))
    })
    expect(rows).toEqual(csv)
    expect(rows.length).toBe(5)
  })

  it('answers 400 for an unknown format, 404 for an unknown report', async () => {
    const bad = await opdc.api.get('/api/reports/manuals-by-state/export?format=pdf')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/csv.*xlsx/)
    expect((await opdc.api.get('/api/reports/no-such-report/export')).status).toBe(404)
  })

  it('sends the satisfaction, licence and delay reports to their own endpoints', async () => {
    const licence = await fetchAs(opdc.token, '/api/reports/licence/export?format=csv&year=2026')
    expect(licence.status).toBe(307)
    expect(licence.headers.get('location')).toBe('/api/licence-reports/export?format=csv&year=2026')
    const delay = await fetchAs(opdc.token, '/api/reports/delay-notices?state=open')
    expect(delay.headers.get('location')).toBe('/api/delay-notices?state=open')
    // The satisfaction export is served in place (its own endpoint answers first).
    const satisfaction = await fetchAs(opdc.token, '/api/reports/satisfaction/export?format=csv')
    expect(satisfaction.status).toBe(200)
    expect(satisfaction.headers.get('content-type')).toContain('text/csv')
    const list = await opdc.api.get('/api/reports')
    expect(list.body.reports.map((r: any) => r.key)).toEqual(
      expect.arrayContaining(['manuals-by-state', 'processes-coverage', 'unpinned-service-points', 'survey-responses', 'satisfaction', 'licence', 'delay-notices']),
    )
  })
})

describe('the period filter', () => {
  it('takes `from`/`to` days as Bangkok calendar days, both included (what the admin’s date pickers send)', async () => {
    // Two ratings either side of midnight in Bangkok: 30 Apr 23:30 and 1 May 03:00 (+07:00).
    const ids: number[] = []
    for (const scores of [{ staff: 4, speed: 4 }, { staff: 2, speed: 2 }]) {
      const res = await api(t.baseUrl).post('/api/survey-responses', rating(spB1.id, scores), clientHeaders())
      expect(res.status).toBe(201)
      ids.push(res.body.doc.id)
    }
    const pool = (t.payload.db as any).pool
    await pool.query(`UPDATE survey_responses SET created_at = $2 WHERE id = $1`, [ids[0], '2026-04-30T16:30:00Z'])
    await pool.query(`UPDATE survey_responses SET created_at = $2 WHERE id = $1`, [ids[1], '2026-04-30T20:00:00Z'])
    const idsIn = async (query: string) => {
      const res = await opdc.api.get(`/api/reports/survey-responses?${query}`)
      expect([query, res.status]).toEqual([query, 200])
      return rowsOf(res.body).map((r) => Number(r[0])).sort((a, b) => a - b)
    }
    expect(await idsIn('from=2026-04-30&to=2026-04-30')).toEqual([ids[0]])
    expect(await idsIn('from=2026-05-01&to=2026-05-01')).toEqual([ids[1]])
    expect(await idsIn('from=2026-04-30&to=2026-05-01')).toEqual(ids)
    // A full instant is still taken as it is (`to` exclusive).
    expect(await idsIn('from=2026-04-30T00:00:00Z&to=2026-04-30T20:00:00Z')).toEqual([ids[0]])
    const impossible = await opdc.api.get('/api/reports/survey-responses?to=2026-02-30')
    expect(impossible.status).toBe(400)
    expect(impossible.body.errors[0].data.errors[0]).toMatchObject({ path: 'to', message: expect.stringMatching(/^to ต้องเป็นวันที่.*\(to must be a date/) })
    // A พ.ศ. year, as a day or as an instant, is said to be one (not answered with an empty report).
    for (const from of ['2569-01-01', '2569-01-01T00:00:00.000Z']) {
      const buddhist = await opdc.api.get(`/api/reports/survey-responses?from=${from}`)
      expect([from, buddhist.status]).toEqual([from, 400])
      expect(buddhist.body.errors[0].data.errors[0]).toMatchObject({ path: 'from', message: expect.stringMatching(/น่าจะเป็นปี พ\.ศ\..*\(year 2569 CE looks like a Buddhist-era year/) })
    }
  })
})
