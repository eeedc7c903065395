/**
 * Scale-out: two infogo instances (child processes, as behind a load balancer) on one database.
 * Nothing one instance needs lives only in the other's memory: the public cache is invalidated on
 * both through PostgreSQL NOTIFY, rate limits count in PostgreSQL, and a queued job runs once.
 */
import { spawn, type ChildProcess } from 'node:child_process'

import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, workerDatabaseUrl, type TestServer } from '../helpers/server'

type Instance = { child: ChildProcess; baseUrl: string; output: () => string }

/** Starts `server.ts` without Next on a free port; resolves once /api/health answers. */
async function startInstance(env: Record<string, string>): Promise<Instance> {
  const { findFreePort } = await import('../../src/db/embedded')
  const port = await findFreePort()
  const child = spawn(process.execPath, ['--import', 'tsx', '--no-deprecation', 'server.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      DATABASE_URL: workerDatabaseUrl(),
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'infogo-test-secret',
      PORT: String(port),
      INFOGO_NO_NEXT: 'true',
      SEED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c) => (output += String(c)))
  child.stderr!.on('data', (c) => (output += String(c)))
  const baseUrl = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}:\n${output}`)
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)
    if (ok) return { child, baseUrl, output: () => output }
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGTERM')
  throw new Error(`instance did not start:\n${output}`)
}

async function stopInstance(instance: Instance | undefined) {
  if (!instance || instance.child.exitCode !== null) return
  const exited = new Promise((resolve) => instance.child.once('exit', resolve))
  instance.child.kill('SIGTERM')
  await exited
}

let t: TestServer
let one: Instance
let two: Instance

beforeAll(async () => {
  // In this process: pushes the schema into this worker's database and empties it (fixtures, officers).
  t = await startTestServer()
  // Both run the jobs queue from their crons, ticking every second here (every minute by default).
  const env = { DELAY_TRACK_RATE_LIMIT: '4', JOBS_AUTORUN: 'true', JOBS_CRON: '* * * * * *' }
  // One after the other: each start runs the (empty) schema push.
  one = await startInstance(env)
  two = await startInstance(env)
}, 180_000)
afterAll(async () => {
  await stopInstance(one)
  await stopInstance(two)
  await t?.close()
})

/** NOTIFY arrives asynchronously: allow the other instance a moment to hear it. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, tries = 50): Promise<T> {
  let value = await read()
  for (let i = 0; i < tries && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 40))
    value = await read()
  }
  return value
}

it('serves a change made through one instance fresh from the other (cache invalidated by NOTIFY)', async () => {
  const { department } = await createAgencyTree(t, 'สเกล')
  const point = await createServicePoint(t, department.id, { province: 'ลำปาง' })
  const admin = await createOfficer(t, { roles: ['system-admin'] })
  const anonTwo = api(two.baseUrl)
  const agencyPath = `/api/agencies/${department.id}`
  const pointsPath = `/api/service-points?where[province][equals]=${encodeURIComponent('ลำปาง')}&limit=50`

  // Instance two caches both anonymous answers.
  await anonTwo.get(agencyPath)
  await anonTwo.get(pointsPath)
  expect((await anonTwo.get(agencyPath)).headers.get('x-cache')).toBe('HIT')
  const cachedPoints = await anonTwo.get(pointsPath)
  expect(cachedPoints.headers.get('x-cache')).toBe('HIT')
  expect(cachedPoints.body.docs.map((d: { id: number }) => d.id)).toContain(point.id)

  // Renamed and hidden through instance one (the admin's token is valid on every instance).
  const viaOne = api(one.baseUrl, admin.token)
  expect((await viaOne.patch(agencyPath, { name: 'กรมสเกลที่เปลี่ยนชื่อ' })).status).toBe(200)
  expect((await viaOne.patch(`/api/service-points/${point.id}`, { visible: false })).status).toBe(200)

  const agency = await eventually(() => anonTwo.get(agencyPath), (r) => r.body?.name === 'กรมสเกลที่เปลี่ยนชื่อ')
  expect(agency.status).toBe(200)
  expect(agency.body.name).toBe('กรมสเกลที่เปลี่ยนชื่อ')
  const points = await eventually(
    () => anonTwo.get(pointsPath),
    (r) => !r.body?.docs?.some((d: { id: number }) => d.id === point.id),
  )
  expect(points.body.docs.map((d: { id: number }) => d.id)).not.toContain(point.id)
})

it('holds a rate limit counted on one instance on the other (counters in PostgreSQL)', async () => {
  const headers = { 'X-Forwarded-For': '198.51.100.77' }
  const lookup = (i: Instance) => api(i.baseUrl).get('/api/delay-notices/track?code=ZZZZZ-ZZZZZ', headers)
  // DELAY_TRACK_RATE_LIMIT=4 per minute: four misses on instance one use the client's budget...
  for (let i = 0; i < 4; i++) expect((await lookup(one)).status).toBe(404)
  // ...so instance two, which never saw this client, refuses the fifth.
  const refused = await lookup(two)
  expect(refused.status).toBe(429)
  // Another client still gets through on instance two.
  expect((await api(two.baseUrl).get('/api/delay-notices/track?code=ZZZZZ-ZZZZZ', { 'X-Forwarded-For': '198.51.100.78' })).status).toBe(404)
})

it('runs the queue on one instance only (advisory lock), so a queued job runs once', async () => {
  const pool = (t.payload.db as unknown as { pool: { query: (q: string, v?: unknown[]) => Promise<{ rows: any[] }> } }).pool
  const { JOBS_LOCK_KEY } = await import('../../src/services/jobsLeader')
  const holders = async () =>
    // Advisory locks are per database; other test workers' servers hold theirs in their own.
    (
      await pool.query(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        [JOBS_LOCK_KEY],
      )
    ).rows.length
  // Both instances' crons tick every second and ask for the lock; one holds it.
  expect(await eventually(holders, (n) => n === 1)).toBe(1)
  const { rows: holder } = await pool.query(
    "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND a.datname = current_database()",
    [JOBS_LOCK_KEY],
  )
  expect([one.child.pid, two.child.pid].map((pid) => `infogo jobs leader (pid ${pid})`)).toContain(holder[0].application_name)
  // This test process serves REST requests (Payload asks for crons on each) but never opted in.
  expect((await api(t.baseUrl).get('/api/users/me')).status).toBe(200)
  expect(t.payload.crons).toHaveLength(0)

  const job = await t.payload.jobs.queue({ task: 'delayNoticeReminders', input: {}, queue: 'delay-notices' })
  // Completed jobs are deleted (deleteJobOnComplete): wait for it to be gone.
  const gone = await eventually(
    async () => (await pool.query('SELECT count(*)::int AS n FROM payload_jobs WHERE id = $1', [job.id])).rows[0].n,
    (n) => n === 0,
    // up to a minute: each cron tick (every second) waits its turn on a loaded 2-core machine
    1500,
  )
  if (gone !== 0) {
    // Say why: the job row (an error, still processing?) and what both instances printed.
    const { rows } = await pool.query('SELECT * FROM payload_jobs')
    const { rows: lockHolders } = await pool.query(
      "SELECT l.pid, a.datname, a.application_name, a.backend_start, a.client_port FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted",
      [JOBS_LOCK_KEY],
    )
    const { rows: activity } = await pool.query(
      "SELECT pid, application_name, state, backend_start, xact_start, wait_event, left(query, 200) AS query FROM pg_stat_activity WHERE datname = current_database()",
    )
    throw new Error(
      `job ${job.id} still queued: ${JSON.stringify({ jobs: rows, lockHolders, activity, pids: [one.child.pid, two.child.pid], jest: process.pid }, null, 1)}\n--- one:\n${one.output()}\n--- two:\n${two.output()}`,
    )
  }
  // Still one runner after several ticks of both crons.
  expect(await holders()).toBe(1)

  // The runner stops: the other instance takes the lock over at its next tick.
  await stopInstance(one)
  expect(await eventually(holders, (n) => n === 1, 250)).toBe(1)
})
