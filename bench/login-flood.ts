/**
 * `npm run bench:login-flood`: floods POST /api/users/login with wrong passwords for the system
 * admin and checks that the real owner still logs in from another address meanwhile.
 *
 * The production server (no Next, LOCAL_LOGIN=true, default limits unless set in the environment)
 * runs in a child process on its own embedded PostgreSQL (.data/bench/login-flood-pg); client
 * addresses are X-Forwarded-For, trusted from loopback as behind a proxy.
 *
 * Phase 1, one address: BENCH_REQUESTS (2000) wrong passwords over BENCH_CONNECTIONS (50)
 * connections; the owner logs in from another address once a quarter, half and three quarters
 * of the way through. Phase 2, many addresses: BENCH_ADDRESSES (50) addresses each send
 * BENCH_PER_ADDRESS (20) wrong passwords at once, more than any per-account lock would take;
 * then the owner logs in again. Prints requests, answers by status (429s, 5xx), the owner's
 * logins, and writes bench/out/login-flood.json.
 */
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { benchDatabase, percentile, spawnServer } from './lib'

const REQUESTS = Number(process.env.BENCH_REQUESTS || 2000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50)
const ADDRESSES = Number(process.env.BENCH_ADDRESSES || 50)
const PER_ADDRESS = Number(process.env.BENCH_PER_ADDRESS || 20)
const ADMIN_EMAIL = 'admin@bench.info.go.th'
const ADMIN_PASSWORD = 'bench-owner-password-2569'

type Answer = { status: number; ms: number }

async function login(baseUrl: string, address: string, password: string): Promise<Answer> {
  const started = performance.now()
  try {
    const res = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ email: ADMIN_EMAIL, password }),
    })
    await res.arrayBuffer()
    return { status: res.status, ms: performance.now() - started }
  } catch {
    return { status: 0, ms: performance.now() - started }
  }
}

/** Runs `total` tasks over `connections` workers; `onProgress` sees how many have started. */
async function pool(total: number, connections: number, task: (i: number) => Promise<Answer>, onProgress?: (started: number) => void) {
  const answers: Answer[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(connections, total) }, async () => {
      while (next < total) {
        const i = next++
        onProgress?.(i)
        answers.push(await task(i))
      }
    }),
  )
  return answers
}

const byStatus = (answers: Answer[]) => answers.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {})
const count = (answers: Answer[], test: (s: number) => boolean) => answers.filter((a) => test(a.status)).length

const db = await benchDatabase('login-flood')
// Counters of an earlier run would still be in their windows.
{
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  await client.query('DROP TABLE IF EXISTS infogo_runtime.rate_limits').catch(() => undefined)
  await client.end()
}
// The production path: migrations build the empty database, the bootstrap admin is created at start.
const server = await spawnServer(db.url, { ADMIN_EMAIL, ADMIN_PASSWORD, LOCAL_LOGIN: 'true', DATABASE_PUSH: 'false' })
try {
  const run = Date.now() % 200
  const floodAddress = `203.0.113.${run + 1}`
  const ownerAddresses = [1, 2, 3, 4].map((i) => `198.51.100.${((run + i) % 250) + 1}`)

  // Phase 1: one address floods; the owner logs in from elsewhere while it goes on.
  const ownerLogins: Array<Promise<Answer>> = []
  const marks = new Set([Math.floor(REQUESTS / 4), Math.floor(REQUESTS / 2), Math.floor((3 * REQUESTS) / 4)])
  const started = performance.now()
  const flood = await pool(REQUESTS, CONNECTIONS, (i) => login(server.baseUrl, floodAddress, `wrong-${i}`), (i) => {
    if (marks.has(i)) ownerLogins.push(login(server.baseUrl, ownerAddresses[ownerLogins.length], ADMIN_PASSWORD))
  })
  const floodSeconds = (performance.now() - started) / 1000
  const duringFlood = await Promise.all(ownerLogins)

  // Phase 2: many addresses at once, then the owner again.
  const spread = await pool(ADDRESSES * PER_ADDRESS, CONNECTIONS, (i) =>
    login(server.baseUrl, `192.0.2.${(Math.floor(i / PER_ADDRESS) % 250) + 1}`, `guess-${i}`),
  )
  const afterSpread = await login(server.baseUrl, ownerAddresses[3], ADMIN_PASSWORD)

  const latencies = flood.map((a) => a.ms).sort((a, b) => a - b)
  const refusedLatencies = flood.filter((a) => a.status === 429).map((a) => a.ms).sort((a, b) => a - b)
  const result = {
    limits: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('LOGIN_RATE_LIMIT_'))),
    oneAddress: {
      requests: flood.length,
      byStatus: byStatus(flood),
      tooManyRequests: count(flood, (s) => s === 429),
      serverErrors: count(flood, (s) => s >= 500 || s === 0),
      passwordChecked: count(flood, (s) => s === 401),
      seconds: Number(floodSeconds.toFixed(2)),
      perSecond: Math.round(flood.length / floodSeconds),
      p50ms: Math.round(percentile(latencies, 50)),
      p99ms: Math.round(percentile(latencies, 99)),
      p50ms429: Math.round(percentile(refusedLatencies, 50)),
    },
    manyAddresses: {
      addresses: ADDRESSES,
      requests: spread.length,
      byStatus: byStatus(spread),
      tooManyRequests: count(spread, (s) => s === 429),
      serverErrors: count(spread, (s) => s >= 500 || s === 0),
    },
    ownerFromAnotherAddress: {
      duringFlood: duringFlood.map((a) => ({ status: a.status, ms: Math.round(a.ms) })),
      afterManyAddresses: { status: afterSpread.status, ms: Math.round(afterSpread.ms) },
      succeeded: duringFlood.every((a) => a.status === 200) && afterSpread.status === 200,
    },
  }
  fs.mkdirSync(path.resolve('bench/out'), { recursive: true })
  fs.writeFileSync(path.resolve('bench/out/login-flood.json'), `${JSON.stringify(result, null, 2)}\n`)

  const o = result.oneAddress
  const m = result.manyAddresses
  console.log(`one address:   ${o.requests} requests in ${o.seconds} s (${o.perSecond}/s): ${o.tooManyRequests} × 429, ${o.serverErrors} × 5xx, ${o.passwordChecked} reached the password check; p50 ${o.p50ms} ms, p99 ${o.p99ms} ms`)
  console.log(`${m.addresses} addresses: ${m.requests} requests: ${m.tooManyRequests} × 429, ${m.serverErrors} × 5xx, by status ${JSON.stringify(m.byStatus)}`)
  console.log(
    `owner from another address: during the flood ${result.ownerFromAnotherAddress.duringFlood.map((a) => `${a.status} (${a.ms} ms)`).join(', ')}; after the spread ${afterSpread.status}: ${result.ownerFromAnotherAddress.succeeded ? 'succeeded' : 'FAILED'}`,
  )
  if (!result.ownerFromAnotherAddress.succeeded || o.serverErrors || m.serverErrors || o.tooManyRequests === 0) process.exitCode = 1
} finally {
  await server.stop()
  await db.stop()
}
