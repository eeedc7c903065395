/** The per-client rate limit of POST /api/survey-responses: 429 with Retry-After, then the next window passes. */
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { api, startTestServer, type TestServer } from '../helpers/server'
import { clearRateLimits, clientHeaders, createQuestionSet, rating } from '../helpers/survey'

let t: TestServer
let sp: any
beforeAll(async () => {
  t = await startTestServer({ env: { SURVEY_RATE_LIMIT_POINTS: '3', SURVEY_RATE_LIMIT_DURATION: '4' } })
  await clearRateLimits(t)
  await createQuestionSet(t)
  const { department } = await createAgencyTree(t, 'จำกัด')
  sp = await createServicePoint(t, department.id)
})
afterAll(async () => {
  await t?.close()
})

const send = (ip: string, n: number) => api(t.baseUrl).post('/api/survey-responses', rating(sp.id, { staff: (n % 5) + 1, speed: 3 }, { comment: `ครั้งที่ ${n}` }), clientHeaders(ip))

it('answers 429 with Retry-After past the limit, and lets the client through in the next window', async () => {
  const first = await send('203.0.113.10', 0)
  expect(first.status).toBe(201)
  expect((await send('203.0.113.10', 1)).status).toBe(201)
  expect((await send('203.0.113.10', 2)).status).toBe(201)
  const refused = await send('203.0.113.10', 3)
  expect(refused.status).toBe(429)
  const retryAfter = Number(refused.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(4)
  expect(refused.body.errors[0].message).toMatch(/บ่อยเกินไป.*\(Too many ratings/)
  // Another client is not affected.
  expect((await send('203.0.113.11', 4)).status).toBe(201)
  await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100))
  expect((await send('203.0.113.10', 5)).status).toBe(201)
  // Refused ratings were not stored: 3 + 1 + 1.
  expect((await t.payload.count({ collection: 'survey-responses', overrideAccess: true })).totalDocs).toBe(5)
})

it('sends the plain form back to the rating page with the wait time instead of losing it', async () => {
  const ip = '203.0.113.20'
  for (let i = 0; i < 3; i++) await send(ip, i)
  const res = await fetch(`${t.baseUrl}/api/survey-responses`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...clientHeaders(ip) },
    body: new URLSearchParams({ servicePoint: String(sp.id), 'score.staff': '5', 'score.speed': '4' }).toString(),
  })
  expect(res.status).toBe(303)
  const back = new URL(res.headers.get('location')!, 'http://x')
  expect(back.pathname).toBe(`/rate/${sp.id}`)
  expect(back.searchParams.get('error')).toBe('rate-limited')
  expect(Number(back.searchParams.get('retryAfter'))).toBeGreaterThanOrEqual(1)
  expect(back.searchParams.get('score.staff')).toBe('5')
})

