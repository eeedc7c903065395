/**
 * `npm run bench:site`: server response time of the citizen site's manual page and search page
 * (server-rendered by Next in production, reading the public REST API over HTTP) at 10 concurrent
 * clients (autocannon). Reports median, p95 and p99 (ms), requests per second and errors.
 *
 * The large dataset is bench:search's: its database (.data/bench/search-pg: the Thai demo data
 * plus 100,000 synthetic manuals in the search index) is prepared or refreshed first by running
 * `npm run bench:search` briefly (BENCH_SITE_PREPARE=0 skips that when it is fresh). Then the
 * production server (`tsx server.ts`, NODE_ENV=production, after `next build` when the build is
 * older than src/) starts on that database in a child process; the pages are served as
 * in production, including Next's 60 s data cache of API reads (REVALIDATE_SECONDS).
 *
 * Options (env): BENCH_SECONDS per page (15), BENCH_CONNECTIONS (10), BENCH_SITE_PREPARE (1).
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { findFreePort } from '../src/db/embedded'
import { ensureBuild } from '../tests/e2e/helpers/site'
import { loadPaths, percentile } from './lib'

const SECONDS = Number(process.env.BENCH_SECONDS || 15)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const DATA_DIR = path.resolve('.data/bench/search-pg')

const SEARCHES = [
  'q=แจ้งเกิด',
  'q=จดทะเบียนพาณิชย์',
  'q=ขอใบอนุญาตก่อสร้างอาคาร',
  'q=เบี้ยผู้สูงอายุ',
  'q=ย้ายทะเบียนบ้าน',
  'q=ทำบัตรประชาชน',
  'q=เปลี่ยนชื่อตัว',
  'q=เปิดร้านอาหาร',
  'q=ขออนุญาตก่อสร้างอาคาร&province=เชียงใหม่',
  'q=แจ้งเกิด&type=manual&page=2',
  'type=manual',
  'q=เทศบาลตำบลเกาะกลาง',
]

type Run = { label: string; median: number; p95: number; p99: number; rps: number; errors: number; requests: number; cpuMsPerRequest: number }

/**
 * CPU time (ms) used so far by the process tree under `rootPid` (the server) and by the bench's
 * PostgreSQL (its postmaster, found by DATA_DIR, and its backends). On a shared 2-core machine the
 * latencies are mostly waiting for a core; CPU per request is the cost that does not depend on that.
 */
function treeCpuMs(rootPid: number): number {
  const TICK_MS = 10 // USER_HZ 100 on Linux
  const stats = new Map<number, { ppid: number; ms: number }>()
  const roots = new Set<number>([rootPid])
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(pid), { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS })
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(DATA_DIR) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('/')) roots.add(Number(pid))
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = stats.get(p)?.ppid ?? 0, hops++) if (roots.has(p)) return true
    return false
  }
  let total = 0
  for (const [pid, s] of stats) if (inTree(pid)) total += s.ms
  return total
}

async function load(baseUrl: string, label: string, paths: string[], seconds: number, serverPid: number): Promise<Run> {
  const { result, latencies, cpuBefore, cpuAfter } = await loadPaths({ baseUrl, paths, seconds, connections: CONNECTIONS, cpu: () => treeCpuMs(serverPid) })
  const cpuMs = cpuAfter - cpuBefore
  return {
    cpuMsPerRequest: latencies.length ? cpuMs / latencies.length : NaN,
    label,
    median: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
    requests: latencies.length,
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_SITE_PREPARE !== '0' || !fs.existsSync(DATA_DIR)) {
    process.stderr.write('preparing the large dataset (npm run bench:search, short runs)…\n')
    const prep = spawnSync('npm', ['run', 'bench:search'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BENCH_SECONDS: '1' } })
    if (prep.status !== 0) throw new Error('bench:search (dataset preparation) failed')
  }
  process.stderr.write('next build if stale…\n')
  await ensureBuild()

  const port = await findFreePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation',
    PORT: String(port),
    INTERNAL_API_URL: baseUrl,
    PAYLOAD_SECRET: 'infogo-bench-secret',
    EMBEDDED_PG_DIR: DATA_DIR,
    EMBEDDED_PG_DATABASE: 'infogo_bench',
    EMBEDDED_PG_PORT: String(await findFreePort()),
    // bench:search pushed this database's schema; production must not run migrations over it.
    DATABASE_PUSH: 'true',
    SEED: 'false',
    JOBS_AUTORUN: 'false',
  }
  delete env.DATABASE_URL
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const stop = async () => {
    if (child.exitCode !== null) return
    const done = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await done
  }
  try {
    const deadline = Date.now() + 120_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited:\n${output.slice(-3000)}`)
      if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break
      if (Date.now() > deadline) throw new Error(`server not ready in 120 s:\n${output.slice(-3000)}`)
      await new Promise((r) => setTimeout(r, 500))
    }
    const manuals = (await (await fetch(`${baseUrl}/api/manuals?limit=100&depth=0&select[title]=true`)).json()) as { docs: { id: number }[] }
    if (!manuals.docs.length) throw new Error('no published manual in the bench database')
    const manualPaths = manuals.docs.map((m) => `/manuals/${m.id}`)
    const searchPaths = SEARCHES.map((q) => `/search?${new URLSearchParams(q)}`)
    const pid = child.pid!
    await load(baseUrl, 'warm-up', [...manualPaths, ...searchPaths], 5, pid)
    const runs = [
      await load(baseUrl, `manual page /manuals/:id (${manualPaths.length} manuals)`, manualPaths, SECONDS, pid),
      await load(baseUrl, `search page /search?q=… (${searchPaths.length} queries)`, searchPaths, SECONDS, pid),
    ]
    const indexed = (await (await fetch(`${baseUrl}/api/site-search?limit=1`)).json()) as { totalDocs: number }
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-')
    console.log(
      [
        `search index: ${indexed.totalDocs} documents; ${CONNECTIONS} connections, ${SECONDS} s per page; production build`,
        '',
        `load average at the end: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
        '',
        '| page | median ms | p95 ms | p99 ms | req/s | errors | CPU ms / request (server + PostgreSQL) |',
        '|---|---:|---:|---:|---:|---:|---:|',
        ...runs.map((r) => `| ${r.label} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.rps)} | ${r.errors} | ${fmt(r.cpuMsPerRequest)} |`),
      ].join('\n'),
    )
    fs.mkdirSync('bench/out', { recursive: true })
    fs.writeFileSync('bench/out/site.json', JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, indexed: indexed.totalDocs, runs }, null, 2))
  } finally {
    await stop()
  }
}

await main()
