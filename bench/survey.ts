/**
 * `npm run bench:survey`: sustained citizen ratings (POST /api/survey-responses) from many
 * clients for 60 s against the real Express app, then a count of the stored rows.
 *
 * The server runs in a child process on its own embedded PostgreSQL (.data/bench/survey-pg) and
 * reports its RSS every second. Every request is a distinct rating (its own submissionId) from
 * one of BENCH_CLIENTS addresses (X-Forwarded-For, trusted from loopback as behind a proxy), so
 * the rate limiter keeps one counter per client as in production; the per-client limit is raised
 * through SURVEY_RATE_LIMIT_POINTS. Validation, the rate limit, the duplicate guard and storage
 * all run as in production. Pass: every 201 is a stored row, and accepted ratings per second.
 *
 * Options (env): BENCH_SECONDS (60), BENCH_CONNECTIONS (100), BENCH_CLIENTS (2000),
 * BENCH_SERVICE_POINTS (50).
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SECONDS = Number(process.env.BENCH_SECONDS || 60)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 100)
const CLIENTS = Number(process.env.BENCH_CLIENTS || 2000)
const SERVICE_POINTS = Number(process.env.BENCH_SERVICE_POINTS || 50)
const DATA_DIR = path.resolve('.data/bench/survey-pg')

type Ready = { port: number; servicePoints: number[]; keys: string[] }
type Message =
  | { type: 'ready'; ready: Ready }
  | { type: 'rss'; rss: number; heap: number; at: number; cpuMs: number }
  | { type: 'count'; responses: number; answers: number }

/** CPU time (ms) used so far by the bench's PostgreSQL: its postmaster and every backend. */
function postgresCpuMs(): number {
  const TICK_MS = 10 // USER_HZ 100 on Linux
  let postmaster = 0
  const stats = new Map<number, { ppid: number; ms: number }>()
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(pid), { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS })
      if (!postmaster && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(DATA_DIR)) postmaster = Number(pid)
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0
  for (const [pid, s] of stats) if (pid === postmaster || s.ppid === postmaster) total += s.ms
  return postmaster ? total : NaN
}

// ---------------------------------------------------------------------------------------------
// Server role

async function serve(): Promise<void> {
  process.env.EMBEDDED_PG_DIR = DATA_DIR
  process.env.EMBEDDED_PG_DATABASE = 'infogo_bench_survey'
  ;(process.env as Record<string, string>).NODE_ENV = 'test' // quiet logs; schema push as in development
  process.env.SURVEY_RATE_LIMIT_POINTS ||= '100000'
  process.env.SURVEY_RATE_LIMIT_DURATION ||= '60'
  const { findFreePort } = await import('../src/db/embedded')
  process.env.EMBEDDED_PG_PORT ||= String(await findFreePort())
  const { createInfogoServer } = await import('../src/server/app')
  const server = await createInfogoServer({ withNext: false })
  const { payload } = server
  const pool = (payload.db as unknown as { pool: { query: (s: string, v?: unknown[]) => Promise<{ rows: any[] }> } }).pool
  const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const

  // A clean slate each run: ratings and rate-limit counters.
  await pool.query('TRUNCATE survey_responses, survey_responses_answers RESTART IDENTITY CASCADE')
  await pool.query('DROP TABLE IF EXISTS infogo_runtime.rate_limits')
  const { ensureQuestionSet, activeQuestionSet } = await import('../src/collections/SurveyQuestionSets/cache')
  await ensureQuestionSet(payload)
  const set = await activeQuestionSet(payload)
  let agency = (await payload.find({ collection: 'agencies', where: { code: { equals: 'BENCH-SURVEY' } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  agency ??= await payload.create({ collection: 'agencies', data: { name: 'กรมทดสอบความเร็ว', kind: 'department', code: 'BENCH-SURVEY' } as never, ...SYSTEM })
  const existing = await payload.find({ collection: 'service-points', where: { agency: { equals: agency.id } }, limit: SERVICE_POINTS, depth: 0, overrideAccess: true })
  const servicePoints = existing.docs.map((d) => Number(d.id))
  while (servicePoints.length < SERVICE_POINTS) {
    const sp = await payload.create({
      collection: 'service-points',
      data: { name: `จุดบริการทดสอบ ${servicePoints.length + 1}`, agency: agency.id, province: 'กรุงเทพมหานคร', visible: true, status: 'active' } as never,
      ...SYSTEM,
    })
    servicePoints.push(Number(sp.id))
  }
  const http = await server.listen(0, '127.0.0.1')
  const address = http.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const send = (m: Message) => process.send?.(m)
  setInterval(() => {
    ;(globalThis as { gc?: () => void }).gc?.()
    const cpu = process.cpuUsage()
    const mem = process.memoryUsage()
    send({ type: 'rss', rss: mem.rss, heap: mem.heapUsed, at: Date.now(), cpuMs: (cpu.user + cpu.system) / 1000 })
  }, 1000).unref()
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'count') {
      const r = await pool.query('SELECT count(*)::int AS n FROM survey_responses')
      const a = await pool.query('SELECT count(*)::int AS n FROM survey_responses_answers')
      send({ type: 'count', responses: r.rows[0].n, answers: a.rows[0].n })
    }
  })
  process.on('SIGTERM', async () => {
    await server.close()
    process.exit(0)
  })
  send({ type: 'ready', ready: { port, servicePoints, keys: set!.questions.map((q) => q.key) } })
}

// ---------------------------------------------------------------------------------------------
// Load role

/** The parts of autocannon's result this bench reads (the package ships no types). */
type AutocannonResult = Record<string, any>

async function main(): Promise<void> {
  // @ts-expect-error autocannon ships no type declarations
  const { default: autocannon } = await import('autocannon')
  const self = fileURLToPath(import.meta.url)
  // BENCH_PROFILE=1 writes a CPU profile of the server to bench/out/prof/.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/out/prof'] : []
  // BENCH_GC_SAMPLE=1: collect garbage before each memory sample, so the heap figure is what is live.
  if (process.env.BENCH_GC_SAMPLE) profile.push('--expose-gc')
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', '--no-deprecation', self, '--serve'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: process.env,
  })
  const rss: Array<{ rss: number; heap: number; at: number; cpuMs: number }> = []
  let countWaiter: ((m: { responses: number; answers: number }) => void) | null = null
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.on('message', (m: Message) => {
      if (m.type === 'ready') resolve(m.ready)
      else if (m.type === 'rss') rss.push({ rss: m.rss, heap: m.heap, at: m.at, cpuMs: m.cpuMs })
      else if (m.type === 'count') countWaiter?.(m)
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  const count = () =>
    new Promise<{ responses: number; answers: number }>((resolve) => {
      countWaiter = resolve
      child.send({ type: 'count' })
    })

  let n = 0
  const body = () => {
    n += 1
    return JSON.stringify({
      servicePoint: ready.servicePoints[n % ready.servicePoints.length],
      answers: ready.keys.map((question, i) => ({ question, score: ((n + i) % 5) + 1 })),
      comment: n % 4 === 0 ? `ความคิดเห็นที่ ${n}` : undefined,
      submissionId: randomUUID(),
    })
  }
  const run = (seconds: number) =>
    new Promise<AutocannonResult>((resolve, reject) => {
      autocannon(
        {
          url: `http://127.0.0.1:${ready.port}`,
          connections: CONNECTIONS,
          duration: seconds,
          requests: [
            {
              method: 'POST',
              path: '/api/survey-responses',
              setupRequest: (req: Record<string, unknown>) => ({
                ...req,
                headers: {
                  'content-type': 'application/json',
                  'user-agent': 'bench-survey',
                  'x-forwarded-for': `10.${(n >> 16) & 255}.${(n % CLIENTS) >> 8}.${(n % CLIENTS) & 255}`,
                },
                body: body(),
              }),
            },
          ],
        },
        (err: Error | null, result: AutocannonResult) => (err ? reject(err) : resolve(result)),
      )
    })

  try {
    await run(3) // warm-up (JIT, pool, prepared statements)
    await new Promise((r) => setTimeout(r, 1000))
    const before = await count()
    const rssStart = rss[rss.length - 1]?.rss ?? 0
    const serverCpuStart = rss[rss.length - 1]?.cpuMs ?? 0
    const pgCpuStart = postgresCpuMs()
    const startedAt = Date.now()
    const result = await run(SECONDS)
    const pgCpuEnd = postgresCpuMs()
    const serverCpuEnd = rss[rss.length - 1]?.cpuMs ?? 0
    // Requests still in flight when the load stopped are stored too, unanswered to autocannon.
    await new Promise((r) => setTimeout(r, 1000))
    const after = await count()
    const during = rss.filter((s) => s.at >= startedAt)
    const mb = (b: number) => Math.round(b / 1024 / 1024)
    const third = Math.max(1, Math.floor(during.length / 3))
    const avg = (xs: typeof during) => xs.reduce((a, s) => a + s.rss, 0) / Math.max(1, xs.length)
    const accepted = result.statusCodeStats?.['201']?.count ?? 0
    const stored = after.responses - before.responses
    const summary = {
      seconds: SECONDS,
      connections: CONNECTIONS,
      clients: CLIENTS,
      servicePoints: ready.servicePoints.length,
      requests: result.requests.total,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, (v as { count: number }).count])),
      errors: result.errors,
      timeouts: result.timeouts,
      accepted,
      stored,
      inFlightAtStop: stored - accepted,
      // Every 201 stored; at most one request per connection was cut off by the end of the run.
      everyAcceptedStored: stored >= accepted && stored - accepted <= CONNECTIONS,
      answersStored: after.answers - before.answers,
      acceptedPerSecond: Math.round(accepted / SECONDS),
      // CPU per accepted rating: what it costs regardless of how busy the machine was.
      cpuMsPerRating: {
        server: Number(((serverCpuEnd - serverCpuStart) / Math.max(1, accepted)).toFixed(3)),
        postgres: Number(((pgCpuEnd - pgCpuStart) / Math.max(1, accepted)).toFixed(3)),
      },
      loadAverage: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))),
      latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
      serverRssMb: {
        atStart: mb(rssStart),
        firstThirdAvg: mb(avg(during.slice(0, third))),
        lastThirdAvg: mb(avg(during.slice(-third))),
        peak: mb(Math.max(...during.map((s) => s.rss))),
      },
      // Heap in use (sampled once a second, so between collections): a leak shows as a rising floor.
      serverHeapUsedMb: {
        firstThirdMin: mb(Math.min(...during.slice(0, third).map((s) => s.heap))),
        lastThirdMin: mb(Math.min(...during.slice(-third).map((s) => s.heap))),
        bySecond: during.map((s) => mb(s.heap)),
      },
      serverRssMbBySecond: during.map((s) => mb(s.rss)),
    }
    console.log(
      [
        `ratings for ${SECONDS} s, ${CONNECTIONS} connections, ${CLIENTS} client addresses, ${summary.servicePoints} service points`,
        '',
        '| accepted (201) | stored rows | all stored | accepted/s | other statuses | p50 ms | p99 ms | CPU ms/rating server + postgres | RSS start → first third → last third (peak) MB |',
        '|---:|---:|:---:|---:|---|---:|---:|---|---|',
        `| ${accepted} | ${stored} | ${summary.everyAcceptedStored ? 'yes' : 'NO'} | ${summary.acceptedPerSecond} | ${JSON.stringify({ ...summary.statusCodes, 201: undefined, errors: result.errors || undefined })} | ${result.latency.p50} | ${result.latency.p99} | ${summary.cpuMsPerRating.server} + ${summary.cpuMsPerRating.postgres} | ${summary.serverRssMb.atStart} → ${summary.serverRssMb.firstThirdAvg} → ${summary.serverRssMb.lastThirdAvg} (${summary.serverRssMb.peak}) |`,
        `server heap in use, lowest sample in the first / last third: ${summary.serverHeapUsedMb.firstThirdMin} / ${summary.serverHeapUsedMb.lastThirdMin} MB`,
        `load average during the run: ${summary.loadAverage.join(', ')} (2 cores)`,
      ].join('\n'),
    )
    fs.mkdirSync('bench/out', { recursive: true })
    fs.writeFileSync('bench/out/survey.json', JSON.stringify(summary, null, 2))
    if (!summary.everyAcceptedStored) process.exitCode = 1
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

if (process.argv.includes('--serve')) await serve()
else await main()
