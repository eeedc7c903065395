/** POST /api/survey-responses: validation, storage, honeypot, duplicate guard, question-set versions. */
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'
import { clearRateLimits, clientHeaders, createQuestionSet, QUESTIONS_V1, rating } from '../helpers/survey'

let t: TestServer
let sp: any
let department: any
let set1: any
beforeAll(async () => {
  t = await startTestServer({ env: { SURVEY_RATE_LIMIT_POINTS: '1000' } })
  await clearRateLimits(t)
  ;({ department } = await createAgencyTree(t, 'ประเมิน'))
  sp = await createServicePoint(t, department.id, { name: 'สำนักงานเขตทดสอบ' })
  set1 = await createQuestionSet(t)
})
afterAll(async () => {
  await t?.close()
})

const anon = () => api(t.baseUrl)

it('stores a valid rating with the active question set and answers 201', async () => {
  const res = await anon().post('/api/survey-responses', rating(sp.id, { staff: 5, speed: 4 }, { comment: 'บริการดีมาก' }), clientHeaders())
  expect(res.status).toBe(201)
  expect(res.body.doc.id).toEqual(expect.any(Number))
  const stored = await t.payload.findByID({ collection: 'survey-responses', id: res.body.doc.id, depth: 0, overrideAccess: true })
  expect(stored.servicePoint).toBe(sp.id)
  expect(stored.agency).toBe(department.id)
  expect(stored.questionSet).toBe(set1.id)
  expect(stored.answers?.map((a: any) => [a.question, a.score])).toEqual([
    ['staff', 5],
    ['speed', 4],
  ])
  expect(stored.comment).toBe('บริการดีมาก')
  expect(stored.channel).toBe('api')
  expect(stored.suspect).toBe(false)
  expect((stored as any).dedupeKey).toBeUndefined()
})

it('keeps a comment as the literal text typed, markup included', async () => {
  const comment = '<script>alert(1)</script> <b>ดี</b>\r\nบรรทัดสอง'
  const res = await anon().post('/api/survey-responses', rating(sp.id, { staff: 3, speed: 3 }, { comment }), clientHeaders())
  expect(res.status).toBe(201)
  const stored = await t.payload.findByID({ collection: 'survey-responses', id: res.body.doc.id, overrideAccess: true })
  expect(stored.comment).toBe('<script>alert(1)</script> <b>ดี</b>\nบรรทัดสอง')
})

it('rejects scores out of range, unknown or missing questions, with bilingual field errors', async () => {
  const out = await anon().post('/api/survey-responses', rating(sp.id, { staff: 6, speed: 4 }), clientHeaders())
  expect(out.status).toBe(400)
  expect(out.body.errors[0]).toMatchObject({ path: 'answers.0.score' })
  expect(out.body.errors[0].message).toMatch(/คะแนน.*\(score/)
  const unknown = await anon().post('/api/survey-responses', rating(sp.id, { staff: 4, speed: 4, price: 2 }), clientHeaders())
  expect(unknown.status).toBe(400)
  expect(unknown.body.errors.map((e: any) => e.path)).toContain('answers.2.question')
  const missing = await anon().post('/api/survey-responses', rating(sp.id, { staff: 4 }), clientHeaders())
  expect(missing.status).toBe(400)
  expect(missing.body.errors[0].path).toBe('answers')
  const noSp = await anon().post('/api/survey-responses', { answers: [] }, clientHeaders())
  expect(noSp.status).toBe(400)
  expect(noSp.body.errors[0].path).toBe('servicePoint')
})

it('refuses hidden and closed service points', async () => {
  const hidden = await createServicePoint(t, department.id, { visible: false })
  const closed = await createServicePoint(t, department.id, { status: 'closed' })
  for (const target of [hidden, closed]) {
    const res = await anon().post('/api/survey-responses', rating(target.id, { staff: 5, speed: 5 }), clientHeaders())
    expect(res.status).toBe(400)
    expect(res.body.errors[0].path).toBe('servicePoint')
  }
  const count = await t.payload.count({ collection: 'survey-responses', where: { servicePoint: { in: [hidden.id, closed.id] } }, overrideAccess: true })
  expect(count.totalDocs).toBe(0)
})

it('answers a filled honeypot like any rating but stores it marked suspect', async () => {
  const res = await anon().post('/api/survey-responses', rating(sp.id, { staff: 1, speed: 1 }, { website: 'http://spam.example' }), clientHeaders())
  expect(res.status).toBe(201)
  const stored = await t.payload.findByID({ collection: 'survey-responses', id: res.body.doc.id, overrideAccess: true })
  expect(stored.suspect).toBe(true)
})

it('stores a resend from the same device once, but keeps another rating from the same tablet', async () => {
  const device = clientHeaders('192.0.2.77')
  const body = rating(sp.id, { staff: 2, speed: 5 }, { comment: 'ซ้ำ' })
  const first = await anon().post('/api/survey-responses', body, device)
  const again = await anon().post('/api/survey-responses', body, device)
  expect(first.status).toBe(201)
  expect(again.status).toBe(200)
  expect(again.body.duplicate).toBe(true)
  const otherDevice = await anon().post('/api/survey-responses', body, clientHeaders('192.0.2.78'))
  expect(otherDevice.status).toBe(201)
  const nextCitizen = await anon().post('/api/survey-responses', rating(sp.id, { staff: 4, speed: 5 }), device)
  expect(nextCitizen.status).toBe(201)
  // Two citizens giving the same scores on one counter tablet: each form has its own submissionId.
  const formA = await anon().post('/api/survey-responses', { ...rating(sp.id, { staff: 5, speed: 5 }), submissionId: 'form-aaaaaaaa' }, device)
  const formB = await anon().post('/api/survey-responses', { ...rating(sp.id, { staff: 5, speed: 5 }), submissionId: 'form-bbbbbbbb' }, device)
  const formAagain = await anon().post('/api/survey-responses', { ...rating(sp.id, { staff: 5, speed: 5 }), submissionId: 'form-aaaaaaaa' }, device)
  expect([formA.status, formB.status, formAagain.status]).toEqual([201, 201, 200])
  const stored = await t.payload.count({ collection: 'survey-responses', where: { comment: { equals: 'ซ้ำ' } }, overrideAccess: true })
  expect(stored.totalDocs).toBe(2)
})

it('takes the plain HTML form and redirects to the thank-you page, or back to the form with the choices', async () => {
  const form = (fields: Record<string, string>) =>
    fetch(`${t.baseUrl}/api/survey-responses`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...clientHeaders() },
      body: new URLSearchParams(fields).toString(),
    })
  const ok = await form({ servicePoint: String(sp.id), 'score.staff': '5', 'score.speed': '3', comment: 'จากแบบฟอร์ม', website: '', submissionId: 'form-cccccccc' })
  expect(ok.status).toBe(303)
  expect(ok.headers.get('location')).toBe(`/rate/${sp.id}/thanks`)
  const stored = await t.payload.find({ collection: 'survey-responses', where: { comment: { equals: 'จากแบบฟอร์ม' } }, overrideAccess: true })
  expect(stored.docs).toHaveLength(1)
  expect(stored.docs[0].channel).toBe('form')
  const bad = await form({ servicePoint: String(sp.id), 'score.staff': '5' })
  expect(bad.status).toBe(303)
  const back = new URL(bad.headers.get('location')!, 'http://x')
  expect(back.pathname).toBe(`/rate/${sp.id}`)
  expect(back.searchParams.get('error')).toBe('invalid')
  expect(back.searchParams.get('score.staff')).toBe('5')
})

it('keeps ratings out of reach of citizens and of every create path but the intake', async () => {
  expect((await anon().get('/api/survey-responses')).status).toBe(403)
  await expect(
    t.payload.create({
      collection: 'survey-responses',
      data: { servicePoint: sp.id, questionSet: set1.id, answers: [{ question: 'staff', score: 5 }] } as never,
      overrideAccess: false,
    }),
  ).rejects.toThrow()
  const officer = await createOfficer(t, { roles: ['central-officer'], agency: department.id })
  const viaRest = await officer.api.call('POST', '/api/survey-responses/', rating(sp.id, { staff: 5, speed: 5 }), clientHeaders())
  // The collection's own create route is the public intake (same rules for everyone).
  expect([201, 200]).toContain(viaRest.status)
  const list = await officer.api.get('/api/survey-responses?limit=100')
  expect(list.status).toBe(200)
  expect(list.body.totalDocs).toBeGreaterThan(0)
  expect(list.body.docs.every((d: any) => (typeof d.agency === 'object' ? d.agency.id : d.agency) === department.id)).toBe(true)
})

it('versions question sets: a new set applies to new ratings, old ratings keep theirs', async () => {
  const before = await anon().post('/api/survey-responses', rating(sp.id, { staff: 4, speed: 4 }), clientHeaders())
  expect(before.status).toBe(201)
  const opdc = await createOfficer(t, { roles: ['opdc-officer'] })
  const created = await opdc.api.post('/api/survey-question-sets', {
    title: 'ฉบับปรับปรุง',
    active: true,
    questions: [...QUESTIONS_V1, { key: 'clarity', text: 'ความชัดเจนของข้อมูล', textEn: 'Clarity' }],
  })
  expect(created.status).toBe(201)
  const set2 = created.body.doc
  expect(set2.version).toBe(set1.version + 1)
  const old = await t.payload.findByID({ collection: 'survey-question-sets', id: set1.id, overrideAccess: true })
  expect(old.active).toBe(false)
  expect(old.retiredAt).toBeTruthy()
  expect((await t.payload.count({ collection: 'survey-question-sets', where: { active: { equals: true } }, overrideAccess: true })).totalDocs).toBe(1)

  const missingNew = await anon().post('/api/survey-responses', rating(sp.id, { staff: 4, speed: 4 }), clientHeaders())
  expect(missingNew.status).toBe(400)
  const after = await anon().post('/api/survey-responses', rating(sp.id, { staff: 4, speed: 4, clarity: 5 }), clientHeaders())
  expect(after.status).toBe(201)
  expect(after.body.doc.questionSet).toBe(set2.id)
  // A page opened before the switch still sends the old set: counted against the old set.
  const stalePage = await anon().post('/api/survey-responses', rating(sp.id, { staff: 3, speed: 3 }, { questionSet: set1.id }), clientHeaders())
  expect(stalePage.status).toBe(201)
  expect(stalePage.body.doc.questionSet).toBe(set1.id)
  const kept = await t.payload.findByID({ collection: 'survey-responses', id: before.body.doc.id, depth: 0, overrideAccess: true })
  expect(kept.questionSet).toBe(set1.id)

  // The wording of a set in use is frozen; citizens and other officers cannot edit sets.
  const edit = await opdc.api.patch(`/api/survey-question-sets/${set1.id}`, { questions: [{ key: 'staff', text: 'แก้ไข', textEn: 'Edited' }] })
  expect(edit.status).toBe(400)
  const central = await createOfficer(t, { roles: ['central-officer'], agency: department.id })
  expect((await central.api.post('/api/survey-question-sets', { title: 'x', questions: QUESTIONS_V1 })).status).toBe(403)
  expect((await anon().get('/api/survey-question-sets')).body.totalDocs).toBeGreaterThanOrEqual(2)
})

it('answers the same through Payload’s REST router as through the Express intake', async () => {
  const { handleEndpoints } = await import('payload')
  const { default: config } = await import('../../src/payload.config')
  const viaPayload = async (body: string, contentType = 'application/json') => {
    const res = await handleEndpoints({
      config,
      request: new Request(`${t.baseUrl}/api/survey-responses`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-infogo-client-ip': '203.0.113.200', 'user-agent': 'router-test' },
        body,
      }),
    })
    return { status: res.status, body: res.status === 303 ? res.headers.get('location') : await res.json() }
  }
  // The active set asks staff, speed and clarity (see the test above).
  const stored = await viaPayload(JSON.stringify(rating(sp.id, { staff: 2, speed: 3, clarity: 4 }, { submissionId: 'router-1' })))
  expect(stored.status).toBe(201)
  const row = await t.payload.findByID({ collection: 'survey-responses', id: stored.body.doc.id, depth: 0, overrideAccess: true })
  expect(row.answers?.map((a: any) => a.score)).toEqual([2, 3, 4])
  // The same bad rating gets the same answer from both.
  const bad = rating(sp.id, { staff: 9 })
  const fromExpress = await anon().post('/api/survey-responses', bad, clientHeaders())
  const fromPayload = await viaPayload(JSON.stringify(bad))
  expect(fromExpress.status).toBe(400)
  expect(fromPayload).toEqual({ status: 400, body: fromExpress.body })
  expect((await viaPayload('[1,2]')).status).toBe(400)
})

it('refuses a body over 32 KB with 413 and a bilingual message, declared or streamed', async () => {
  const big = JSON.stringify(rating(sp.id, { staff: 5, speed: 5, clarity: 5 }, { comment: 'ก'.repeat(20_000) }))
  const declared = await anon().post('/api/survey-responses', JSON.parse(big), clientHeaders())
  expect(declared.status).toBe(413)
  expect(declared.body.errors[0].message).toMatch(/ใหญ่เกินไป.*too large/)
  // No Content-Length: the intake stops reading past the limit.
  const encoder = new TextEncoder()
  const streamed = await fetch(`${t.baseUrl}/api/survey-responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...clientHeaders() },
    body: new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(encoder.encode('x'.repeat(8192)))
        controller.close()
      },
    }),
    // @ts-expect-error Node's fetch needs duplex for a streamed body
    duplex: 'half',
  })
  expect(streamed.status).toBe(413)
})
