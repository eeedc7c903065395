/** GET /api/survey-responses/summary and its exports: the figures on a known set, and who sees what. */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'

import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'
import { clearRateLimits, clientHeaders, createQuestionSet, rating } from '../helpers/survey'

let t: TestServer
let d1: any, sub1: any, d2: any, sp1: any, sp2: any, sp3: any, hidden: any
let central1: Awaited<ReturnType<typeof createOfficer>>
let central2: Awaited<ReturnType<typeof createOfficer>>
let opdc: Awaited<ReturnType<typeof createOfficer>>
const ids: Record<string, number> = {}

const rate = async (name: string, sp: any, staff: number, speed: number, at: string, extra: Record<string, unknown> = {}) => {
  const res = await api(t.baseUrl).post('/api/survey-responses', rating(sp.id, { staff, speed }, extra), clientHeaders())
  expect(res.status).toBe(201)
  ids[name] = res.body.doc.id
  const pool = (t.payload.db as any).pool
  await pool.query('UPDATE survey_responses SET created_at = $1 WHERE id = $2', [at, res.body.doc.id])
}

beforeAll(async () => {
  t = await startTestServer({ env: { SURVEY_RATE_LIMIT_POINTS: '1000' } })
  await clearRateLimits(t)
  await createQuestionSet(t)
  ;({ department: d1 } = await createAgencyTree(t, 'หนึ่ง'))
  sub1 = await t.payload.create({ collection: 'agencies', data: { name: 'สำนักย่อยหนึ่ง', kind: 'department', parent: d1.id, code: 'SUB-1' } as never, overrideAccess: true })
  ;({ department: d2 } = await createAgencyTree(t, 'สอง'))
  sp1 = await createServicePoint(t, d1.id, { name: 'จุดบริการหนึ่ง' })
  sp2 = await createServicePoint(t, sub1.id, { name: 'จุดบริการย่อย' })
  sp3 = await createServicePoint(t, d2.id, { name: 'จุดบริการสอง' })
  hidden = await createServicePoint(t, d1.id)
  // The known set (Bangkok months: Sep, Oct, Nov 2026; 2026-10-31 20:00 UTC is 1 Nov in Bangkok).
  await rate('r1', sp1, 5, 4, '2026-09-10T03:00:00Z')
  await rate('r2', sp1, 4, 4, '2026-10-05T03:00:00Z')
  await rate('r3', sp1, 3, 2, '2026-10-31T20:00:00Z')
  await rate('r4', sp2, 5, 5, '2026-11-20T05:00:00Z')
  await rate('r5', sp3, 1, 1, '2026-11-02T05:00:00Z')
  await rate('r6', sp3, 2, 3, '2026-11-03T05:00:00Z')
  await rate('bot', sp1, 1, 1, '2026-10-06T03:00:00Z', { website: 'spam' })
  await t.payload.update({ collection: 'service-points', id: hidden.id, data: { visible: false }, overrideAccess: true })
  central1 = await createOfficer(t, { roles: ['central-officer'], agency: d1.id })
  central2 = await createOfficer(t, { roles: ['central-officer'], agency: d2.id })
  opdc = await createOfficer(t, { roles: ['opdc-officer'] })
})
afterAll(async () => {
  await t?.close()
})

it('computes count, means per question and overall, distributions and the monthly trend of an agency with its sub-units', async () => {
  const res = await central1.api.get('/api/survey-responses/summary')
  expect(res.status).toBe(200)
  const s = res.body
  expect(s.count).toBe(4)
  const staff = s.questions.find((q: any) => q.key === 'staff')
  const speed = s.questions.find((q: any) => q.key === 'speed')
  expect(staff).toMatchObject({ count: 4, mean: 4.25, distribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 2 }, text: 'ความพึงพอใจต่อเจ้าหน้าที่' })
  expect(speed).toMatchObject({ count: 4, mean: 3.75, distribution: { '1': 0, '2': 1, '3': 0, '4': 2, '5': 1 } })
  expect(s.overall).toEqual({ mean: 4, answers: 8, distribution: { '1': 0, '2': 1, '3': 1, '4': 3, '5': 3 } })
  expect(s.trend).toEqual([
    { month: '2026-09', label: 'ก.ย. 2569', count: 1, mean: 4.5 },
    { month: '2026-10', label: 'ต.ค. 2569', count: 1, mean: 4 },
    { month: '2026-11', label: 'พ.ย. 2569', count: 2, mean: 3.75 },
  ])
})

it('narrows to one service point, one sub-unit, and a period of Bangkok days', async () => {
  const one = await central1.api.get(`/api/survey-responses/summary?servicePoint=${sp1.id}`)
  expect(one.body.count).toBe(3)
  expect(one.body.questions.find((q: any) => q.key === 'speed').mean).toBe(3.33)
  const sub = await central1.api.get(`/api/survey-responses/summary?agency=${sub1.id}`)
  expect(sub.body.count).toBe(1)
  const october = await central1.api.get('/api/survey-responses/summary?from=2026-10-01&to=2026-10-31')
  expect(october.body.count).toBe(1)
  expect(october.body.trend.map((m: any) => m.month)).toEqual(['2026-10'])
  const bad = await central1.api.get('/api/survey-responses/summary?from=2026-13-45')
  expect(bad.status).toBe(400)
  expect(bad.body.errors[0].message).toMatch(/วันที่.*\(Invalid date/)
})

it('shows an officer of another agency none of these ratings', async () => {
  const own = await central2.api.get('/api/survey-responses/summary')
  expect(own.status).toBe(200)
  expect(own.body.count).toBe(2)
  expect(own.body.questions.find((q: any) => q.key === 'staff').mean).toBe(1.5)
  expect((await central2.api.get(`/api/survey-responses/summary?agency=${d1.id}`)).status).toBe(403)
  expect((await central2.api.get(`/api/survey-responses/summary?servicePoint=${sp1.id}`)).status).toBe(403)
  expect((await central2.api.get(`/api/reports/satisfaction/export?format=csv&agency=${d1.id}`)).status).toBe(403)
  const list = await central2.api.get('/api/survey-responses?limit=100&depth=0')
  expect(list.body.docs.map((d: any) => d.servicePoint).sort()).toEqual([sp3.id, sp3.id])
  expect((await central2.api.get(`/api/survey-responses/${ids.r1}`)).status).toBe(404)
  // The same access rule holds for the Local API (and so GraphQL) without overrideAccess.
  const local = await t.payload.find({ collection: 'survey-responses', user: central2.user, overrideAccess: false, depth: 0, limit: 100 })
  expect(local.docs.map((d) => d.servicePoint)).toEqual([sp3.id, sp3.id])
})

it('shows OPDC every agency, and anonymous callers one public service point only', async () => {
  const all = await opdc.api.get('/api/survey-responses/summary')
  expect(all.body.count).toBe(6)
  const anon = api(t.baseUrl)
  const pub = await anon.get(`/api/survey-responses/summary?servicePoint=${sp1.id}`)
  expect(pub.status).toBe(200)
  expect(pub.body.count).toBe(3)
  expect(pub.body.scope.agencies).toBeUndefined()
  expect((await anon.get('/api/survey-responses/summary')).status).toBe(401)
  expect((await anon.get(`/api/survey-responses/summary?servicePoint=${hidden.id}`)).status).toBe(404)
  expect((await anon.get('/api/reports/satisfaction/export?format=csv')).status).toBe(401)
})

it('exports the same figures as CSV (UTF-8 BOM) and XLSX', async () => {
  const csvRes = await fetch(`${t.baseUrl}/api/reports/satisfaction/export?format=csv`, { headers: { Authorization: `JWT ${central1.token}` } })
  expect(csvRes.status).toBe(200)
  expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/)
  const bytes = Buffer.from(await csvRes.arrayBuffer())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1)).data
  expect(rows.find((r) => r[0] === 'staff')?.slice(3, 10)).toEqual(['4', '4.25', '0', '0', '1', '1', '2'])
  expect(rows.find((r) => r[0] === 'จำนวนผู้ประเมิน (Ratings)')?.[1]).toBe('4')
  expect(rows.find((r) => r[0] === '2026-11')).toEqual(['2026-11', 'พ.ย. 2569', '2', '3.75'])

  const xlsxRes = await fetch(`${t.baseUrl}/api/reports/satisfaction/export?format=xlsx&servicePoint=${sp1.id}`, { headers: { Authorization: `JWT ${central1.token}` } })
  expect(xlsxRes.status).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await xlsxRes.arrayBuffer()) as never)
  const sheet = workbook.worksheets[0]
  const values: unknown[][] = []
  sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)))
  expect(values.find((r) => r[0] === 'จำนวนผู้ประเมิน (Ratings)')?.[1]).toBe(3)
  expect(values.find((r) => r[0] === 'speed')?.[4]).toBe(3.33)
  expect((await central1.api.get('/api/reports/satisfaction/export?format=pdf')).status).toBe(400)
})
