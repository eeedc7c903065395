/**
 * What the benches share: a separate database (BENCH_DATABASE_URL, else an embedded PostgreSQL
 * kept under .data/bench/<name>-pg between runs), a production server in a child process, and
 * latency percentiles.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { findFreePort, startEmbeddedPostgres } from '../src/db/embedded'

export type BenchDatabase = { url: string; stop: () => Promise<void> }

export async function benchDatabase(name: string): Promise<BenchDatabase> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined }
  const port = await findFreePort()
  const db = await startEmbeddedPostgres({
    dataDir: path.resolve(`.data/bench/${name}-pg`),
    port,
    databases: [`infogo_bench_${name}`],
    quiet: true,
  })
  return { url: db.url, stop: db.stop }
}

export type SpawnedServer = { baseUrl: string; child: ChildProcess; stop: () => Promise<void> }

/**
 * `server.ts` as in production (no Next, no job crons) on a free port; resolves once /api/health
 * answers. DATABASE_PUSH=true: the bench database is built by schema push, not migrations.
 */
export async function spawnServer(databaseUrl: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  const port = await findFreePort()
  // BENCH_PROFILE=1 writes a CPU profile of the server to bench/out/prof/ when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/out/prof'] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', '--no-deprecation', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'infogo-bench-secret',
      DATABASE_URL: databaseUrl,
      DATABASE_PUSH: 'true',
      INFOGO_NO_NEXT: 'true',
      JOBS_AUTORUN: 'false',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c) => (output = (output + String(c)).slice(-20000)))
  child.stderr!.on('data', (c) => (output = (output + String(c)).slice(-20000)))
  const baseUrl = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  for (let i = 0; i < 1500; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) return { baseUrl, child, stop }
    await new Promise((r) => setTimeout(r, 200))
  }
  await stop()
  throw new Error(`server did not start:\n${output}`)
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same dataset. */
export function seededRandom(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * GET `paths` in turn from `connections` clients for `seconds` (autocannon), collecting every
 * response's latency (sorted); `cpu` is read before and after, so the caller measures the
 * server's (and its database's) CPU its own way around exactly the load.
 */
export async function loadPaths<C>(options: {
  baseUrl: string
  paths: string[]
  seconds: number
  connections: number
  cpu: () => C
}): Promise<{ result: any; latencies: number[]; cpuBefore: C; cpuAfter: C }> {
  // @ts-expect-error autocannon ships no type declarations
  const { default: autocannon } = await import('autocannon')
  let next = 0
  const latencies: number[] = []
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, method: 'GET', path: options.paths[next++ % options.paths.length] }) }],
  })
  instance.on('response', (_c: unknown, _s: number, _b: number, responseTime: number) => latencies.push(responseTime))
  const cpuBefore = options.cpu()
  const result = await instance
  const cpuAfter = options.cpu()
  latencies.sort((a, b) => a - b)
  return { result, latencies, cpuBefore, cpuAfter }
}
