/**
 * `npm run bench:export`: 1,000,000 satisfaction ratings exported to CSV and to XLSX through the
 * real endpoint (GET /api/reports/survey-responses/export) of a running server; reports the time,
 * the size and the server's peak RSS (VmRSS of its process, sampled every 50 ms).
 *
 * Its own embedded PostgreSQL under the system tmp dir (removed at the end unless BENCH_KEEP=1).
 * The server (`server.ts`, INFOGO_NO_NEXT=true, JOBS_AUTORUN=false, a random PORT) pushes the
 * schema once; the rows then go in with SQL (generate_series), two answers each.
 * Targets: CSV under 30 s, RSS under 300 MB.
 *
 * Options (env): BENCH_ROWS (1000000), BENCH_FORMATS (csv,xlsx), BENCH_SERVER_NODE_OPTIONS (node flags of the server),
 * BENCH_PROFILE=1 (CPU profile of the server in bench/out/prof/).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { findFreePort, startEmbeddedPostgres } from '../src/db/embedded'

const ROWS = Number(process.env.BENCH_ROWS || 1_000_000)
const FORMATS = (process.env.BENCH_FORMATS || 'csv,xlsx').split(',') as Array<'csv' | 'xlsx'>
const ADMIN = { email: 'bench-export@bench.info.go.th', password: 'bench-export-password-2569' }

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

function vmRssBytes(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)
    return line ? Number(line[1]) * 1024 : 0
  } catch {
    return 0
  }
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('server did not become healthy within 180 s')
}

async function insertRatings(url: string): Promise<void> {
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  try {
    await db.query('TRUNCATE survey_responses, survey_responses_answers RESTART IDENTITY CASCADE')
    const agency = await db.query(`INSERT INTO agencies (name, kind, code, province) VALUES ('กรมทดสอบการส่งออก', 'department', 'BENCH-EXPORT', 'กรุงเทพมหานคร') RETURNING id`)
    const agencyId = agency.rows[0].id
    const points = await db.query(
      `INSERT INTO service_points (name, agency_id, province, visible, status)
       SELECT 'จุดบริการทดสอบ ' || g, $1, 'กรุงเทพมหานคร', true, 'active' FROM generate_series(1, 50) g RETURNING id`,
      [agencyId],
    )
    const set = await db.query(`INSERT INTO survey_question_sets (version, title, active) VALUES (1, 'ชุดคำถามทดสอบ', true) RETURNING id`)
    const first = Number(points.rows[0].id)
    // Every fourth rating has a comment; some look like formulas (neutralised on the way out).
    await db.query(
      `INSERT INTO survey_responses (service_point_id, agency_id, question_set_id, comment, channel, created_at, updated_at)
       SELECT $1::int + (g % 50), $2, $3,
              CASE WHEN g % 4 = 0 THEN 'ความคิดเห็นที่ ' || g WHEN g % 97 = 0 THEN '=HYPERLINK("x")' END,
              'api', now() - (g || ' seconds')::interval, now()
         FROM generate_series(1, $4::int) g`,
      [first, agencyId, set.rows[0].id, ROWS],
    )
    await db.query(
      `INSERT INTO survey_responses_answers (_order, _parent_id, id, question, score)
       SELECT q, r.id, md5(r.id || '-' || q), CASE q WHEN 1 THEN 'staff' ELSE 'speed' END, 1 + (r.id + q) % 5
         FROM survey_responses r CROSS JOIN generate_series(1, 2) q`,
    )
    await db.query('ANALYZE survey_responses; ANALYZE survey_responses_answers')
    // The database's share: one page of the export's query, as the server runs it.
    const { SUMMARY_REPORTS } = await import('../src/endpoints/summaryReports')
    let captured = ''
    let capturedValues: unknown[] = []
    const spy = { query: async (text: string, values?: unknown[]) => ((captured = text), (capturedValues = values ?? []), { rows: [] }) }
    for await (const _ of SUMMARY_REPORTS['survey-responses'].batches(spy, { scope: null, language: 'th', groupBy: 'agency', now: new Date() })) break
    capturedValues[capturedValues.length - 2] = Math.floor(ROWS / 2)
    const page = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${captured}`, capturedValues)
    console.log(`one 10,000-row page in PostgreSQL: ${Number(page.rows[0]['QUERY PLAN'][0]['Execution Time']).toFixed(0)} ms`)
  } finally {
    await db.end()
  }
}

// BENCH_PROFILE=1 writes a CPU profile of the measured server to bench/out/prof/ when it stops.
const profileFlags = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/out/prof'] : []

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'infogo-bench-export-'))
  fs.chmodSync(root, 0o755) // as root, initdb runs as the `postgres` user, who must reach the folder
  const pgPort = await findFreePort()
  console.log(`PostgreSQL in ${root} on port ${pgPort}`)
  const database = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: pgPort, databases: ['infogo_bench_export'], quiet: true })
  const port = await findFreePort()
  const base = `http://127.0.0.1:${port}`
  const serverEnv = (mode: 'push' | 'serve'): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    INFOGO_NO_NEXT: 'true',
    JOBS_AUTORUN: 'false',
    SEED: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    PAYLOAD_SECRET: 'bench-export-secret',
    // e.g. BENCH_SERVER_NODE_OPTIONS=--max-old-space-size=256 to see how far the heap's slack goes.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${process.env.BENCH_SERVER_NODE_OPTIONS ?? ''}`.trim(),
    // First a development start pushes the schema; the measured server runs as in production on it.
    ...(mode === 'push' ? { NODE_ENV: 'development' } : { NODE_ENV: 'production', DATABASE_PUSH: 'true', LOCAL_LOGIN: 'true' }),
  })
  const start = (mode: 'push' | 'serve') =>
    spawn(process.execPath, [...(mode === 'serve' ? profileFlags : []), '--import', 'tsx', '--no-deprecation', 'server.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: serverEnv(mode),
    })
  const stop = async (server: ChildProcess) => {
    if (server.exitCode !== null) return
    const exited = new Promise((r) => server.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
  let child: ChildProcess = start('push')
  try {
    await waitForHealth(base, child)
    await stop(child)
    child = start('serve')
    await waitForHealth(base, child)
    let started = Date.now()
    await insertRatings(database.url)
    console.log(`inserted ${ROWS.toLocaleString()} ratings (${(2 * ROWS).toLocaleString()} answers) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) })
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`)
    const { token } = (await login.json()) as { token: string }
    console.log(`server RSS at rest: ${mb(vmRssBytes(child.pid!))}`)

    const results: Array<Record<string, string | number>> = []
    for (const format of FORMATS) {
      let peak = vmRssBytes(child.pid!)
      const sampler = setInterval(() => {
        peak = Math.max(peak, vmRssBytes(child.pid!))
      }, 50)
      started = Date.now()
      const res = await fetch(`${base}/api/reports/survey-responses/export?format=${format}`, { headers: { Authorization: `JWT ${token}` } })
      if (res.status !== 200) throw new Error(`${format} export: ${res.status} ${await res.text()}`)
      let bytes = 0
      let lines = 0
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength
        if (format === 'csv') for (const b of chunk) if (b === 10) lines++
      }
      const seconds = (Date.now() - started) / 1000
      clearInterval(sampler)
      peak = Math.max(peak, vmRssBytes(child.pid!))
      if (format === 'csv' && lines !== ROWS + 1) throw new Error(`CSV has ${lines} lines, expected ${ROWS + 1}`)
      results.push({ format, rows: ROWS, seconds: Number(seconds.toFixed(1)), size: mb(bytes), 'peak RSS': mb(peak) })
      console.log(`${format}: ${ROWS.toLocaleString()} rows, ${mb(bytes)} in ${seconds.toFixed(1)} s, server peak RSS ${mb(peak)}`)
    }
    console.table(results)
    const csv = results.find((r) => r.format === 'csv')
    if (csv) console.log(`target CSV < 30 s: ${Number(csv.seconds) < 30 ? 'met' : 'MISSED'}`)
    const worst = Math.max(...results.map((r) => parseInt(String(r['peak RSS']))))
    console.log(`target RSS < 300 MB: ${worst < 300 ? 'met' : 'MISSED'} (${worst} MB)`)
  } finally {
    await stop(child)
    await database.stop()
    if (!process.env.BENCH_KEEP) fs.rmSync(root, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
