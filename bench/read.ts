/**
 * `npm run bench:read`: the citizen read path at BENCH_CONNECTIONS (20) clients on the
 * national dataset (`npm run bench:data` first), against infogo in production mode (`server.ts`,
 * no Next, in a child process) and, in the same run, a minimal `pg` + `http` server (another child)
 * giving the same answers straight from PostgreSQL with the same pool size.
 *
 * Four reads: a manual by id; an agency's manuals (first page); a province's visible service
 * points (first page); a manual with its pinned service points. Each request asks for another id
 * (autocannon setupRequest), so infogo is measured both "cold" (ids not seen before in the run:
 * every manual once; agencies and provinces × pages cycling through thousands of keys) and "warm"
 * (the same 50 keys over and over). The first three are depth-0 shapes that infogo answers from
 * its public snapshots (src/services/publicSnapshots/; bench:data builds them), cold or warm
 * alike; so does the fourth (depth=1): manuals keep a stored depth-1 body too.
 * Targets, reported and never asserted: infogo ≥ 0.5× the raw server's req/s, p99 < 50 ms.
 *
 * Options (env): BENCH_SECONDS per run (10), BENCH_CONNECTIONS (20), BENCH_DATABASE_URL.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { benchDatabase, seededRandom, spawnServer } from './lib'

const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20)
const POOL = Number(process.env.DATABASE_POOL_MAX || 10)

// ---------------------------------------------------------------------------------------------
// The raw server: the same answers, one SQL statement each.

const MANUAL_JSON = `json_build_object('id', m.id, 'title', m.title, 'process', m.process_id, 'agency', m.agency_id, 'revision', m.revision,
  'workflowState', m.workflow_state, 'publishedAt', m.published_at, 'serviceType', m.service_type, 'conditions', m.conditions,
  'totalDuration', m.total_duration, 'totalDurationUnit', m.total_duration_unit, 'noFee', m.no_fee, 'remarks', m.remarks,
  'steps', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'title', s.title, 'description', s.description, 'duration', s.duration,
     'durationUnit', s.duration_unit, 'responsibleUnit', s.responsible_unit) ORDER BY s._order), '[]') FROM manuals_steps s WHERE s._parent_id = m.id),
  'documents', (SELECT coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'issuingAgency', d.issuing_agency, 'originals', d.originals,
     'copies', d.copies, 'note', d.note) ORDER BY d._order), '[]') FROM manuals_documents d WHERE d._parent_id = m.id),
  'fees', (SELECT coalesce(json_agg(json_build_object('id', f.id) ORDER BY f._order), '[]') FROM manuals_fees f WHERE f._parent_id = m.id),
  'complaintChannels', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'channel', c.channel, 'contact', c.contact) ORDER BY c._order), '[]')
     FROM manuals_complaint_channels c WHERE c._parent_id = m.id),
  'legalBasis', (SELECT coalesce(json_agg(json_build_object('id', l.id, 'title', l.title) ORDER BY l._order), '[]') FROM manuals_legal_basis l WHERE l._parent_id = m.id),
  'updatedAt', m.updated_at, 'createdAt', m.created_at)`
const POINT_JSON = `json_build_object('id', sp.id, 'name', sp.name, 'agency', sp.agency_id, 'province', sp.province, 'district', sp.district,
  'address', sp.address, 'location', json_build_object('lat', sp.location_lat, 'lng', sp.location_lng), 'phone', sp.phone, 'visible', sp.visible,
  'status', sp.status, 'manuals', (SELECT coalesce(json_agg(r.manuals_id ORDER BY r."order"), '[]') FROM service_points_rels r WHERE r.parent_id = sp.id AND r.path = 'manuals'),
  'updatedAt', sp.updated_at, 'createdAt', sp.created_at)`
const PAGE = 10
const page = (rows: string) => `json_build_object('docs', coalesce((SELECT json_agg(x.doc) FROM (${rows}) x), '[]'), 'limit', ${PAGE}, 'page', $2::int`

const RAW_QUERIES: Record<string, string> = {
  manual: `SELECT ${MANUAL_JSON} AS body FROM manuals m WHERE m.id = $1 AND m._status = 'published'`,
  'agency-manuals': `SELECT ${page(`SELECT ${MANUAL_JSON} AS doc FROM manuals m WHERE m.agency_id = $1 AND m._status = 'published' ORDER BY m.created_at DESC, m.id DESC LIMIT ${PAGE} OFFSET ($2::int - 1) * ${PAGE}`)},
    'totalDocs', (SELECT count(*) FROM manuals m WHERE m.agency_id = $1 AND m._status = 'published')) AS body`,
  'province-points': `SELECT ${page(`SELECT ${POINT_JSON} AS doc FROM service_points sp WHERE sp.province = $1 AND sp.visible ORDER BY sp.created_at DESC, sp.id DESC LIMIT ${PAGE} OFFSET ($2::int - 1) * ${PAGE}`)},
    'totalDocs', (SELECT count(*) FROM service_points sp WHERE sp.province = $1 AND sp.visible)) AS body`,
  'manual-pins': `SELECT ${MANUAL_JSON.slice(0, -1)}, 'servicePoints', json_build_object('docs', (SELECT coalesce(json_agg(${POINT_JSON} ORDER BY sp.created_at DESC), '[]')
     FROM service_points sp JOIN service_points_rels r ON r.parent_id = sp.id AND r.path = 'manuals' WHERE r.manuals_id = m.id AND sp.visible))) AS body
     FROM manuals m WHERE m.id = $1 AND m._status = 'published'`,
}

async function serveRaw(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: POOL })
  const server = http.createServer(async (req, res) => {
    const [, kind, key, pageNo] = (req.url ?? '').split('/')
    const sql = RAW_QUERIES[kind]
    if (!sql) return res.writeHead(404).end()
    try {
      const params = kind === 'manual' || kind === 'manual-pins' ? [Number(key)] : [decodeURIComponent(key), Number(pageNo || 1)]
      const { rows } = await pool.query({ name: kind, text: sql, values: params })
      if (!rows.length) return res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Not Found"}]}')
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows[0].body))
    } catch (err) {
      res.writeHead(500).end(String(err))
    }
  })
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`)
  })
  process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))))
}

// ---------------------------------------------------------------------------------------------
// The load

type Keys = { manuals: number[]; pinned: number[]; agencies: number[]; provinces: string[] }
type Row = { read: string; variant: string; rps: number; median: number; p99: number; errors: number }

/** Paths of one read on each server for the i-th key. */
const READS: Record<string, { keys: (k: Keys) => Array<string | number>; infogo: (key: string | number, page: number) => string; raw: (key: string | number, page: number) => string; pages: number }> = {
  'manual by id': {
    keys: (k) => k.manuals,
    pages: 1,
    infogo: (id) => `/api/manuals/${id}?depth=0&joins=false`,
    raw: (id) => `/manual/${id}`,
  },
  'manuals of an agency': {
    keys: (k) => k.agencies,
    pages: 2,
    infogo: (id, p) => `/api/manuals?where[agency][equals]=${id}&limit=${PAGE}&page=${p}&depth=0`,
    raw: (id, p) => `/agency-manuals/${id}/${p}`,
  },
  'visible service points of a province': {
    keys: (k) => k.provinces,
    pages: 20,
    infogo: (name, p) => `/api/service-points?where[province][equals]=${encodeURIComponent(String(name))}&limit=${PAGE}&page=${p}&depth=0`,
    raw: (name, p) => `/province-points/${encodeURIComponent(String(name))}/${p}`,
  },
  'manual with pinned service points': {
    keys: (k) => k.pinned,
    pages: 1,
    infogo: (id) => `/api/manuals/${id}?depth=1`,
    raw: (id) => `/manual-pins/${id}`,
  },
}

async function load(baseUrl: string, paths: string[], seconds: number) {
  // @ts-expect-error autocannon ships no type declarations
  const { default: autocannon } = await import('autocannon')
  let next = 0
  const result: any = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, method: 'GET', path: paths[next++ % paths.length] }) }],
  })
  return { rps: result.requests.average as number, median: result.latency.p50 as number, p99: result.latency.p99 as number, errors: (result.errors + result.non2xx) as number }
}

async function spawnRaw(databaseUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--no-deprecation', fileURLToPath(import.meta.url), '--raw'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c) => {
      out += String(c)
      const m = out.match(/READY (\d+)/)
      if (m) resolve(Number(m[1]))
    })
    child.on('exit', (code) => reject(new Error(`raw server exited with ${code}`)))
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function main(): Promise<void> {
  const db = await benchDatabase('national')
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  let keys: Keys
  try {
    const marker = await client.query(`SELECT to_regclass('infogo_runtime.bench_dataset') IS NOT NULL AS ok`)
    const built = marker.rows[0].ok ? (await client.query(`SELECT 1 FROM infogo_runtime.bench_dataset`)).rows.length : 0
    if (!built) {
      console.error('no bench dataset in this database: run `npm run bench:data` first')
      process.exitCode = 1
      return
    }
    const random = seededRandom(2558)
    const shuffle = <T>(xs: T[]) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[xs[i], xs[j]] = [xs[j], xs[i]]
      }
      return xs
    }
    const ids = async (sql: string) => (await client.query(sql)).rows.map((r) => r.id)
    keys = {
      manuals: shuffle(await ids(`SELECT id FROM manuals WHERE _status = 'published' ORDER BY id`)),
      pinned: shuffle(await ids(`SELECT DISTINCT r.manuals_id AS id FROM service_points_rels r JOIN service_points sp ON sp.id = r.parent_id AND sp.visible WHERE r.path = 'manuals' ORDER BY 1`)),
      agencies: shuffle(await ids(`SELECT DISTINCT agency_id AS id FROM manuals WHERE _status = 'published' ORDER BY 1`)),
      provinces: shuffle(await ids(`SELECT DISTINCT province AS id FROM service_points WHERE visible ORDER BY 1`)),
    }
  } finally {
    await client.end()
  }

  const raw = await spawnRaw(db.url)
  const infogo = await spawnServer(db.url, { DATABASE_POOL_MAX: String(POOL) })
  const rows: Row[] = []
  try {
    for (const [read, spec] of Object.entries(READS)) {
      const all = spec.keys(keys)
      // Cold-ish: every key × page in turn (thousands of distinct URLs); warm: 50 URLs repeated.
      const cold = (fn: (key: string | number, page: number) => string) => all.flatMap((k) => Array.from({ length: spec.pages }, (_, p) => fn(k, p + 1)))
      const warm = (fn: (key: string | number, page: number) => string) => all.slice(0, 50).map((k) => fn(k, 1))
      // Same answers? One spot check: both find the first key.
      const [a, b] = await Promise.all([fetch(raw.baseUrl + spec.raw(all[0], 1)), fetch(infogo.baseUrl + spec.infogo(all[0], 1))])
      if (a.status !== 200 || b.status !== 200) throw new Error(`${read}: raw ${a.status}, infogo ${b.status} for ${all[0]}`)
      await load(raw.baseUrl, warm(spec.raw), 2) // warm-up: JIT, pool, plans
      await load(infogo.baseUrl, warm(spec.infogo), 2)
      const coldPaths = cold(spec.raw)
      rows.push({ read, variant: 'raw pg + http', ...(await load(raw.baseUrl, coldPaths, SECONDS)) })
      rows.push({ read, variant: `infogo, cold-ish (${coldPaths.length} URLs)`, ...(await load(infogo.baseUrl, cold(spec.infogo), SECONDS)) })
      rows.push({ read, variant: 'infogo, warm (50 URLs)', ...(await load(infogo.baseUrl, warm(spec.infogo), SECONDS)) })
      process.stderr.write(`${read}: done\n`)
    }
  } finally {
    await infogo.stop()
    await raw.stop()
    await db.stop()
  }

  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-')
  const rawOf = (read: string) => rows.find((r) => r.read === read && r.variant.startsWith('raw'))!
  const lines = [
    `citizen reads on the national dataset, ${CONNECTIONS} connections, ${SECONDS} s per run, pool ${POOL} on both servers`,
    '',
    '| read | server | req/s | median ms | p99 ms | errors | × raw | targets (≥ 0.5× raw, p99 < 50 ms) |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const ratio = r.rps / rawOf(r.read).rps
      const isRaw = r.variant.startsWith('raw')
      const met = isRaw ? '' : `${ratio >= 0.5 ? 'met' : 'MISSED'} / ${r.p99 < 50 ? 'met' : 'MISSED'}`
      return `| ${r.read} | ${r.variant} | ${fmt(r.rps)} | ${fmt(r.median)} | ${fmt(r.p99)} | ${r.errors} | ${isRaw ? '1' : ratio.toFixed(2)} | ${met} |`
    }),
  ]
  console.log(lines.join('\n'))
  fs.mkdirSync('bench/out', { recursive: true })
  fs.writeFileSync('bench/out/read.json', JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, pool: POOL, rows }, null, 2))
}

if (process.argv.includes('--raw')) await serveRaw()
else {
  await main()
  process.exit(process.exitCode ?? 0)
}
