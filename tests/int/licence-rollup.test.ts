/**
 * Licence-report rollups and exports over REST: a department, a ministry and OPDC, by month and
 * quarter, with the units that have not reported; CSV and XLSX exports; who may see what; and the
 * officer's list of reports due. Figures are a small known dataset written as the system.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'

import { createAgencyTree, createProcess, createPublishedManual, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
type Officer = Awaited<ReturnType<typeof createOfficer>>
type Doc = { id: number; name?: string }
let ministry: Doc, d1: Doc, d2: Doc, d3: Doc
let spA: Doc, spB: Doc, spC: Doc
let p1: Doc, p2: Doc, p3: Doc, p4: Doc
let o: Record<'centralD1' | 'centralD2' | 'centralM' | 'centralD3' | 'opdc' | 'admin' | 'spA' | 'author', Officer>

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
const counts = (pendingCarriedOver: number, received: number, approved: number, notApproved: number, withdrawn: number, pendingAtMonthEnd: number, decidedLate: number) =>
  ({ pendingCarriedOver, received, approved, notApproved, withdrawn, pendingAtMonthEnd, decidedLate })
const report = (unit: { servicePoint?: number; agency?: number }, process: number, month: number, figures: object, state = 'submitted') =>
  t.payload.create({ collection: 'licence-reports', data: { ...unit, process, year: 2026, month, ...figures, state } as never, ...SYSTEM })

beforeAll(async () => {
  process.env.LICENCE_REPORT_NOW = '2026-05-20T03:00:00Z'
  t = await startTestServer()
  const tree = await createAgencyTree(t, 'ภาพรวม')
  ministry = tree.ministry as never
  d1 = tree.department as never
  d2 = (await t.payload.create({
    collection: 'agencies',
    data: { name: 'กรมรายงานเอง', kind: 'department', parent: ministry.id, code: 'D-SELF', licenceReportingBy: 'department' } as never,
    ...SYSTEM,
  })) as never
  d3 = (await createAgencyTree(t, 'กระทรวงอื่น')).department as never
  spA = (await createServicePoint(t, d1.id, { name: 'จุดบริการ ก' })) as never
  spB = (await createServicePoint(t, d1.id, { name: 'จุดบริการ ข' })) as never
  await createServicePoint(t, d1.id, { name: 'จุดบริการที่ปิดแล้ว', status: 'closed' })
  spC = (await createServicePoint(t, d3.id, { name: 'จุดบริการ ค' })) as never
  p1 = (await createProcess(t, d1.id, { name: 'ขออนุญาตตั้งโรงงาน' })) as never
  // A name that would run as a formula in a spreadsheet.
  p2 = (await createProcess(t, d1.id, { name: '=HYPERLINK("http://evil.example","คลิก")' })) as never
  p3 = (await createProcess(t, d2.id, { name: 'ขอใบอนุญาตกรมรายงานเอง' })) as never
  p4 = (await createProcess(t, d3.id, { name: 'กระบวนงานกระทรวงอื่น' })) as never
  // Service point ข pins only the manual of p1: it reports p1 alone.
  const manual = await createPublishedManual(t, p1.id, d1.id)
  await t.payload.update({ collection: 'service-points', id: spB.id, data: { manuals: [manual.id] } as never, ...SYSTEM })

  await report({ servicePoint: spA.id }, p1.id, 1, counts(1, 10, 8, 1, 0, 2, 1))
  await report({ servicePoint: spA.id }, p2.id, 1, counts(0, 5, 5, 0, 0, 0, 0))
  await report({ servicePoint: spB.id }, p1.id, 1, counts(0, 3, 2, 0, 1, 0, 0))
  await report({ agency: d2.id }, p3.id, 1, counts(0, 7, 7, 0, 0, 0, 2))
  await report({ servicePoint: spA.id }, p1.id, 2, counts(2, 4, 6, 0, 0, 0, 0))
  await report({ servicePoint: spA.id }, p2.id, 2, counts(0, 1, 1, 0, 0, 0, 0), 'draft')
  await report({ agency: d2.id }, p3.id, 2, counts(0, 1, 1, 0, 0, 0, 0))
  await report({ servicePoint: spC.id }, p4.id, 1, counts(0, 100, 100, 0, 0, 0, 0))

  o = {
    centralD1: await createOfficer(t, { roles: ['central-officer'], agency: d1.id }),
    centralD2: await createOfficer(t, { roles: ['central-officer'], agency: d2.id }),
    centralM: await createOfficer(t, { roles: ['central-officer'], agency: ministry.id }),
    centralD3: await createOfficer(t, { roles: ['central-officer'], agency: d3.id }),
    opdc: await createOfficer(t, { roles: ['opdc-officer'] }),
    admin: await createOfficer(t, { roles: ['system-admin'] }),
    spA: await createOfficer(t, { roles: ['service-point-officer'], agency: d1.id, servicePoint: spA.id }),
    author: await createOfficer(t, { roles: ['manual-author'], agency: d1.id }),
  }
})
afterAll(async () => {
  delete process.env.LICENCE_REPORT_NOW
  await t?.close()
})

const missing = (body: any) =>
  body.notReported.map((n: any) => `${n.month}:${n.unit.name}:${n.missingProcesses.map((p: Doc) => p.id).sort((a: number, b: number) => a - b).join('+')}`).sort()

describe('rollups', () => {
  it('sums a department\'s submitted figures over a quarter, stocks from the first and last month', async () => {
    const res = await o.centralD1.api.get(`/api/licence-reports/rollup?agency=${d1.id}&year=2026&quarter=1`)
    expect(res.status).toBe(200)
    expect(res.body.months).toEqual([1, 2, 3])
    // The draft of February (p2 at ก) is left out.
    expect(res.body.totals).toEqual(counts(1, 22, 21, 1, 1, 0, 1))
    expect(res.body.byMonth.map((m: any) => [m.month, m.totals.received, m.unitsDue, m.unitsReported])).toEqual([
      [1, 18, 2, 2],
      [2, 4, 2, 0],
      [3, 0, 2, 0],
    ])
  })

  it('lists the units that have not reported, per month and process (closed service points are not due)', async () => {
    const res = await o.centralD1.api.get(`/api/licence-reports/rollup?agency=${d1.id}&year=2026&quarter=1`)
    expect(missing(res.body)).toEqual(
      [`2:จุดบริการ ก:${p2.id}`, `2:จุดบริการ ข:${p1.id}`, `3:จุดบริการ ก:${[p1.id, p2.id].sort((a, b) => a - b).join('+')}`, `3:จุดบริการ ข:${p1.id}`].sort(),
    )
  })

  it('defaults a central officer to their own department, and takes a single month', async () => {
    const res = await o.centralD1.api.get('/api/licence-reports/rollup?year=2026&month=1')
    expect(res.status).toBe(200)
    expect(res.body.agency).toMatchObject({ id: d1.id })
    expect(res.body.totals.received).toBe(18)
    expect(res.body.notReported).toEqual([])
  })

  it('rolls a ministry up by department, including a department that reports itself', async () => {
    const res = await o.centralM.api.get(`/api/licence-reports/rollup?agency=${ministry.id}&year=2026&quarter=1`)
    expect(res.status).toBe(200)
    const byDept = Object.fromEntries(res.body.byDepartment.map((d: any) => [d.agency.id, d]))
    expect(Object.keys(byDept).map(Number).sort()).toEqual([d1.id, d2.id].sort())
    expect(byDept[d2.id]).toMatchObject({ reportingBy: 'department', unitsDue: 1, unitsReported: 0, totals: counts(0, 8, 8, 0, 0, 0, 2) })
    expect(byDept[d1.id]).toMatchObject({ reportingBy: 'service-points', unitsDue: 2, unitsReported: 0 })
    expect(res.body.totals.received).toBe(30)
    expect(missing(res.body)).toContain(`3:กรมรายงานเอง:${p3.id}`)
  })

  it('gives OPDC every agency', async () => {
    const res = await o.opdc.api.get('/api/licence-reports/rollup?year=2026&quarter=1')
    expect(res.status).toBe(200)
    expect(res.body.agency).toBeNull()
    expect(res.body.byDepartment.map((d: any) => d.agency.id)).toEqual(expect.arrayContaining([d1.id, d2.id, d3.id]))
    expect(res.body.totals.received).toBe(130)
  })

  it('does not count months that have not begun as missing', async () => {
    const res = await o.centralD1.api.get(`/api/licence-reports/rollup?agency=${d1.id}&year=2026&quarter=2`)
    expect(res.body.byMonth.find((m: any) => m.month === 6)).toMatchObject({ unitsDue: 0, unitsReported: 0 })
    expect([...new Set(res.body.notReported.map((n: any) => n.month))].sort()).toEqual([4, 5])
  })

  it.each([
    ['a central officer asking for their ministry', 'centralD1', () => `agency=${ministry.id}`, 403],
    ['a central officer asking for another ministry\'s department', 'centralD1', () => `agency=${d3.id}`, 403],
    ['another ministry\'s central officer', 'centralD3', () => `agency=${d1.id}`, 403],
    ['a service-point officer', 'spA', () => `agency=${d1.id}`, 403],
    ['a manual author', 'author', () => `agency=${d1.id}`, 403],
  ] as const)('refuses %s', async (_, who, query, status) => {
    expect((await o[who].api.get(`/api/licence-reports/rollup?${query()}&year=2026&quarter=1`)).status).toBe(status)
    expect((await o[who].api.get(`/api/licence-reports/export?${query()}&year=2026&quarter=1&format=csv`)).status).toBe(status)
  })

  it('refuses anonymous callers and bad queries with a bilingual message', async () => {
    expect((await api(t.baseUrl).get('/api/licence-reports/rollup?year=2026')).status).toBe(401)
    const noYear = await o.opdc.api.get('/api/licence-reports/rollup?quarter=1')
    expect(noYear.status).toBe(400)
    expect(noYear.body.errors[0].message).toMatch(/ปี.*year/)
    expect((await o.opdc.api.get('/api/licence-reports/rollup?year=2026&quarter=5')).status).toBe(400)
    expect((await o.opdc.api.get('/api/licence-reports/rollup?year=2026&quarter=1&month=5')).status).toBe(400)
  })
})

describe('exports', () => {
  const expectedRows = 9 // 5 reports of the department (one a draft) + 4 (unit, process, month) never started

  it('writes CSV with a BOM, Thai headers, missing units, and neutralised formulas', async () => {
    const res = await fetch(`${t.baseUrl}/api/licence-reports/export?agency=${d1.id}&year=2026&quarter=1&format=csv`, {
      headers: { Authorization: `JWT ${o.centralD1.token}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM, so Excel reads the Thai
    const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true })
    const [header, ...rows] = parsed.data
    expect(header).toContain('กระบวนงาน (Process)')
    expect(rows).toHaveLength(expectedRows)
    const processColumn = header.indexOf('กระบวนงาน (Process)')
    const formulaRows = rows.filter((r) => r[processColumn].includes('HYPERLINK'))
    expect(formulaRows.length).toBeGreaterThan(0)
    for (const row of formulaRows) expect(row[processColumn].startsWith("'=")).toBe(true)
    const stateColumn = header.indexOf('สถานะ (State)')
    expect(rows.filter((r) => r[stateColumn] === 'ยังไม่รายงาน')).toHaveLength(4)
    expect(rows.filter((r) => r[stateColumn] === 'ร่าง')).toHaveLength(1)
    expect(rows[0][0]).toBe('2569')
  })

  it('writes an XLSX that reads back to the same rows, with a monthly summary', async () => {
    const res = await fetch(`${t.baseUrl}/api/licence-reports/export?agency=${d1.id}&year=2026&quarter=1&format=xlsx`, {
      headers: { Authorization: `JWT ${o.centralD1.token}` },
    })
    expect(res.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    const sheet = workbook.getWorksheet('รายงานการออกใบอนุญาต')!
    expect(sheet.rowCount).toBe(expectedRows + 1)
    const csv = await o.centralD1.api.get(`/api/licence-reports/export?agency=${d1.id}&year=2026&quarter=1&format=csv`)
    const csvRows = Papa.parse<string[]>(csv.body as string, { skipEmptyLines: true }).data // text() drops the BOM
    for (let i = 1; i <= expectedRows + 1; i++) {
      const values = Array.from((sheet.getRow(i).values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))
      expect(values).toEqual(csvRows[i - 1].slice(0, values.length))
    }
    const summary = workbook.getWorksheet('สรุปรายเดือน')!
    expect(summary.getRow(2).getCell(1).value).toBe('มกราคม 2569')
    expect(summary.getRow(2).getCell(3).value).toBe(18)
  })

  it('refuses an unknown format', async () => {
    expect((await o.centralD1.api.get(`/api/licence-reports/export?agency=${d1.id}&year=2026&format=pdf`)).status).toBe(400)
  })
})

describe('reports due (สร้างรายงานการออกใบอนุญาต)', () => {
  it('lists the service point\'s open month first, then locked months still missing reports', async () => {
    const res = await o.spA.api.get('/api/licence-reports/due')
    expect(res.status).toBe(200)
    expect(res.body.unit).toMatchObject({ kind: 'service-point', servicePoint: spA.id, name: 'จุดบริการ ก' })
    const periods = res.body.periods.map((p: any) => `${p.year}-${p.month}:${p.status}`)
    expect(periods.slice(0, 4)).toEqual(['2026-5:open', '2026-4:locked', '2026-3:locked', '2026-2:locked'])
    expect(periods).not.toContain('2026-1:locked') // January is fully submitted
    const feb = res.body.periods.find((p: any) => p.month === 2 && p.year === 2026)
    expect(feb.canRequestUnlock).toBe(true)
    expect(feb.processes.map((r: any) => [r.process.id, r.report?.state ?? null])).toEqual(
      expect.arrayContaining([[p1.id, 'submitted'], [p2.id, 'draft']]),
    )
  })

  it('gives a department that reports itself its own list, and nobody else a unit', async () => {
    const dept = await o.centralD2.api.get('/api/licence-reports/due')
    expect(dept.body.unit).toMatchObject({ kind: 'department', agency: d2.id })
    expect(dept.body.periods[0].processes.map((r: any) => r.process.id)).toEqual([p3.id])
    // A central officer of a department whose service points report holds no unit.
    const none = await o.centralD1.api.get('/api/licence-reports/due')
    expect(none.status).toBe(200)
    expect(none.body.unit).toBeNull()
    expect((await api(t.baseUrl).get('/api/licence-reports/due')).status).toBe(401)
  })
})
