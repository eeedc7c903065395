/**
 * `npm start` on an empty database: production never pushes the schema, so the committed
 * migrations must build every table. Runs server.ts as a child process (API only, no Next build).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import pg from 'pg'

import { STANDARD_QUESTION_SET } from '../../src/data/standardQuestionSet'
import { findFreePort } from '../../src/db/embedded'
import { api, createScratchDatabase } from '../helpers/server'

let child: ChildProcess | undefined
let output = ''
let database: Awaited<ReturnType<typeof createScratchDatabase>>

beforeAll(async () => {
  database = await createScratchDatabase('infogo_prod')
})

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM')
    await new Promise((resolve) => child!.once('exit', resolve))
  }
  await database?.drop()
})

it('applies the committed migrations on an empty database, serves the API, and stops cleanly on SIGTERM', async () => {
  const port = await findFreePort()
  child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: 'production-test-secret',
      PORT: String(port),
      INFOGO_NO_NEXT: 'true',
      JOBS_AUTORUN: 'false',
      ADMIN_EMAIL: 'root@prod.test',
      ADMIN_PASSWORD: 'prod-password-1',
      LOCAL_LOGIN: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const base = `http://127.0.0.1:${port}`
  let healthy = false
  for (let i = 0; i < 240 && !healthy && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 500))
    healthy = await fetch(`${base}/api/health`).then((r) => r.ok, () => false)
  }
  if (!healthy) throw new Error(`server did not start:\n${output.slice(-3000)}`)

  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  const migrations = await client.query('SELECT name FROM payload_migrations')
  await client.end()
  expect(migrations.rowCount).toBeGreaterThan(0)

  const anon = api(base)
  for (const path of ['/api/agencies', '/api/service-points', '/api/manuals', '/api/processes', '/api/tags']) {
    expect([path, (await anon.get(path)).status]).toEqual([path, 200])
  }
  const login = await anon.post('/api/users/login', { email: 'root@prod.test', password: 'prod-password-1' })
  expect(login.status).toBe(200)
  const admin = api(base, login.body.token)
  const created = await admin.post('/api/agencies', { name: 'กระทรวงทดสอบการผลิต', kind: 'ministry' })
  expect(created.status).toBe(201)
  // The tokens table (จัดการ Token) works on the migrated schema: a department comes with its rows.
  const department = await admin.post('/api/agencies', { name: 'กรมทดสอบการผลิต', kind: 'department', parent: created.body.doc.id })
  expect(department.status).toBe(201)
  const tokens = await admin.get(`/api/role-tokens?where[agency][equals]=${department.body.doc.id}&depth=0`)
  expect(tokens.body.docs.map((d: { role: string }) => d.role).sort()).toEqual(['central-officer', 'manual-author', 'manual-reviewer'])

  // The migrations ship OPDC's standard questions, active, as version 1 (Thai and English).
  const sets = await anon.get('/api/survey-question-sets?depth=0')
  expect(sets.status).toBe(200)
  expect(sets.body.docs).toHaveLength(1)
  const v1 = sets.body.docs[0]
  expect(v1).toMatchObject({ version: 1, active: true, title: STANDARD_QUESTION_SET.title, retiredAt: null })
  expect(new Date(v1.activatedAt).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000)
  expect(v1.questions.map((q: any) => [q.key, q.text, q.textEn])).toEqual(STANDARD_QUESTION_SET.questions.map((q) => [q.key, q.text, q.textEn]))
  expect(v1.questions.every((q: any) => /^[0-9a-f]{24}$/.test(q.id))).toBe(true)

  // So the first service point's QR poster works at once: an anonymous rating answers 201.
  const point = await admin.post('/api/service-points', { name: 'จุดบริการแรก', agency: department.body.doc.id, province: 'เชียงใหม่', visible: true, status: 'active' })
  expect(point.status).toBe(201)
  const scores = STANDARD_QUESTION_SET.questions.map((q, i) => ({ question: q.key, score: 5 - (i % 2) }))
  const rated = await anon.post('/api/survey-responses', { servicePoint: point.body.doc.id, answers: scores }, { 'User-Agent': 'production-start-test' })
  expect([rated.status, rated.body]).toEqual([201, expect.objectContaining({ doc: expect.objectContaining({ id: expect.any(Number) }) })])

  // A system admin still publishes a new version: activating v2 retires v1.
  const v2 = await admin.post('/api/survey-question-sets', {
    title: 'แบบประเมินความพึงพอใจ ฉบับปรับปรุง',
    active: true,
    questions: [{ key: 'overall', text: 'ความพึงพอใจโดยรวม', textEn: 'Overall satisfaction' }],
  })
  expect(v2.status).toBe(201)
  expect(v2.body.doc).toMatchObject({ version: 2, active: true })
  const v1After = await anon.get(`/api/survey-question-sets/${v1.id}?depth=0`)
  expect(v1After.body).toMatchObject({ version: 1, active: false, retiredAt: expect.any(String) })
  const active = await anon.get('/api/survey-question-sets?where[active][equals]=true&depth=0')
  expect(active.body.docs.map((d: any) => d.version)).toEqual([2])

  child.kill('SIGTERM')
  const code = await new Promise<number | null>((resolve) => child!.once('exit', resolve))
  expect([code, output.split("\n").filter((l) => !l.startsWith(" ")).slice(-15).join("\n")]).toEqual([0, expect.any(String)])
})
