/**
 * OPDC's standard question set on a new database: the data migration (up only where no set
 * exists, down only while no rating used it, public reads refreshed), and on pushed databases
 * ensureQuestionSet (one set even when processes race) and server.ts's start outside production.
 * The production start over the migrations is in production-start.test.ts.
 */
import { spawn } from 'node:child_process'
import pg from 'pg'

import { ensureQuestionSet } from '../../src/collections/SurveyQuestionSets/cache'
import { STANDARD_QUESTION_SET } from '../../src/data/standardQuestionSet'
import { findFreePort } from '../../src/db/embedded'
import { down, up } from '../../src/migrations/20261203_074000_standard_question_set'
import { rebuildPublicSnapshots } from '../../src/services/publicSnapshots'
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { api, createScratchDatabase, queryWorkerDatabase, resetDatabase, startTestServer, type TestServer } from '../helpers/server'
import { clearRateLimits, clientHeaders, createQuestionSet, rating } from '../helpers/survey'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ env: { SURVEY_RATE_LIMIT_POINTS: '1000' } })
  await clearRateLimits(t)
})
afterAll(async () => {
  await t?.close()
})

/** Runs a migration function as Payload does: in one transaction, `db` being its session. */
async function migrate(fn: typeof up) {
  const drizzle = (t.payload.db as unknown as { drizzle: { transaction: (f: (tx: unknown) => Promise<void>) => Promise<void> } }).drizzle
  await drizzle.transaction((tx) => fn({ db: tx, payload: t.payload, req: {} } as never))
}

const sets = () =>
  t.payload.find({ collection: 'survey-question-sets', sort: 'version', depth: 0, limit: 0, pagination: false, overrideAccess: true })

describe('the migration', () => {
  beforeEach(async () => {
    await resetDatabase()
  })

  it('inserts the standard set, active as version 1, in Thai and English, once', async () => {
    await migrate(up)
    await migrate(up)
    const { docs } = await sets()
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ version: 1, active: true, title: STANDARD_QUESTION_SET.title, retiredAt: null })
    expect(docs[0].activatedAt).toEqual(expect.any(String))
    expect((docs[0].questions as any[]).map((q) => ({ key: q.key, text: q.text, textEn: q.textEn }))).toEqual(STANDARD_QUESTION_SET.questions)
  })

  it('leaves a database that already has a set (even a retired one) as it is', async () => {
    await createQuestionSet(t, undefined, { active: false })
    await migrate(up)
    const { docs } = await sets()
    expect(docs.map((d) => [d.version, d.active, d.title === STANDARD_QUESTION_SET.title])).toEqual([[1, false, false]])
  })

  it('keeps anonymous reads true when the public read model was built before it ran', async () => {
    // A running installation's read model is complete before the deploy that runs up...
    await rebuildPublicSnapshots(t.payload, { collections: ['survey-question-sets'] })
    await migrate(up)
    const listed = await api(t.baseUrl).get('/api/survey-question-sets?depth=0')
    expect(listed.body.docs.map((d: any) => [d.version, d.active])).toEqual([[1, true]])
    const id = listed.body.docs[0].id
    // ...and before down: its row of the set must not outlive the set (depth=0 by id is the
    // exact shape the read model answers without Payload).
    await rebuildPublicSnapshots(t.payload, { collections: ['survey-question-sets'] })
    await migrate(down)
    const gone = await api(t.baseUrl).get(`/api/survey-question-sets/${id}?depth=0`)
    expect(gone.status).toBe(404)
  })

  it('answers ratings, and a new version activated later retires it', async () => {
    await migrate(up)
    const { department } = await createAgencyTree(t, 'ชุดมาตรฐาน')
    const sp = await createServicePoint(t, department.id)
    const scores = Object.fromEntries(STANDARD_QUESTION_SET.questions.map((q) => [q.key, 4]))
    const res = await api(t.baseUrl).post('/api/survey-responses', rating(sp.id, scores), clientHeaders())
    expect(res.status).toBe(201)
    const v2 = await createQuestionSet(t)
    expect(v2.version).toBe(2)
    const { docs } = await sets()
    expect(docs.map((d) => [d.version, d.active, Boolean(d.retiredAt)])).toEqual([
      [1, false, true],
      [2, true, false],
    ])
  })

  it('down removes the set while no rating used it, and keeps it once one did', async () => {
    await migrate(up)
    await migrate(down)
    expect((await sets()).docs).toHaveLength(0)

    await migrate(up)
    const { department } = await createAgencyTree(t, 'ถอยกลับ')
    const sp = await createServicePoint(t, department.id)
    const scores = Object.fromEntries(STANDARD_QUESTION_SET.questions.map((q) => [q.key, 5]))
    expect((await api(t.baseUrl).post('/api/survey-responses', rating(sp.id, scores), clientHeaders())).status).toBe(201)
    await migrate(down)
    const { docs } = await sets()
    expect(docs.map((d) => [d.version, d.title])).toEqual([[1, STANDARD_QUESTION_SET.title]])
    expect(docs[0].questions).toHaveLength(STANDARD_QUESTION_SET.questions.length)
  })
})

/** What every session on database `name` is doing (for a start that never gets ready). */
async function sessionsOf(name: string): Promise<string> {
  const rows = await queryWorkerDatabase(
    `SELECT pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by, left(query, 160) AS query
     FROM pg_stat_activity WHERE datname = $1 ORDER BY pid`,
    [name],
  )
  return rows.map((r) => JSON.stringify(r)).join('\n')
}

describe('pushed databases (development, tests)', () => {
  it('ensureQuestionSet creates one set even when several run at once, and nothing once one exists', async () => {
    await resetDatabase()
    const created = await Promise.all([ensureQuestionSet(t.payload), ensureQuestionSet(t.payload), ensureQuestionSet(t.payload)])
    expect(created.filter(Boolean)).toHaveLength(1)
    const { docs } = await sets()
    expect(docs.map((d) => [d.version, d.active, d.title])).toEqual([[1, true, STANDARD_QUESTION_SET.title]])
    expect(await ensureQuestionSet(t.payload)).toBe(false)
  })

  it('server.ts outside production starts an empty database with the set, even without the demo seed', async () => {
    // A database of its own, new and empty: the start pushes every table, and nothing this file's
    // own server does on the worker's database can stand in its way.
    const { name, url, drop } = await createScratchDatabase('infogo_empty')
    const port = await findFreePort()
    const child = spawn(process.execPath, ['--import', 'tsx', '--no-deprecation', 'server.ts'], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'test',
        DATABASE_URL: url,
        PORT: String(port),
        INFOGO_NO_NEXT: 'true',
        JOBS_AUTORUN: 'false',
        SEED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (d) => (output += d))
    child.stderr!.on('data', (d) => (output += d))
    try {
      // Well inside the test's own limit, so a start that hangs says where it waits.
      const deadline = Date.now() + 150_000
      let healthy = false
      while (!healthy && child.exitCode === null && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250))
        healthy = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false)
      }
      if (!healthy) throw new Error(`server did not start (exit code ${child.exitCode}):\n${output.slice(-3000)}\n--- the database's sessions ---\n${await sessionsOf(name)}`)
      const listed = await api(`http://127.0.0.1:${port}`).get('/api/survey-question-sets?depth=0')
      expect(listed.body.docs.map((d: any) => [d.version, d.active, d.title])).toEqual([[1, true, STANDARD_QUESTION_SET.title]])
      // SEED=false: the demo data did not come with it.
      const db = new pg.Client({ connectionString: url })
      await db.connect()
      try {
        expect((await db.query('SELECT count(*)::int AS n FROM agencies')).rows).toEqual([{ n: 0 }])
      } finally {
        await db.end()
      }
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await drop()
    }
  }, 240_000)
})
