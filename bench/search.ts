/**
 * `npm run bench:search`: latency of GET /api/site-search over 100,000 manuals, at 10 concurrent
 * clients (autocannon), next to the same queries through Payload's plain `like`.
 *
 * A separate embedded PostgreSQL (data in .data/bench/search-pg, kept between runs) holds the
 * Thai demo data; its published manuals, indexed by the real search plugin, are the templates of
 * 100,000 index rows bulk-inserted by SQL, one per (process, local government) pair, with each
 * local government's own name tokens, the way info.go.th carries the same process for thousands
 * of อปท. The queries go over HTTP to the real Express app, started in a child process so the
 * load generator does not share its event loop.
 *
 * Options (env): BENCH_ROWS (100000), BENCH_SECONDS per run (15), BENCH_CONNECTIONS (10), BENCH_PROFILE=1
 * (CPU profile of the server in bench/out/prof/).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadPaths, percentile } from './lib'

const ROWS = Number(process.env.BENCH_ROWS || 100_000)
const SECONDS = Number(process.env.BENCH_SECONDS || 15)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const DATA_DIR = path.resolve('.data/bench/search-pg')
const SYNTHETIC_DOC_ID_BASE = 10_000_000

/** Realistic citizen queries: common names, spacing, word order, typos, filters. */
const QUERIES: string[] = [
  'q=ขอใบอนุญาตสร้างบ้าน',
  'q=ทะเบียน พาณิชย์',
  'q=จดทะเบียนพาณิชย์',
  'q=แจ้งเกิด',
  'q=ขอมรณบัตร',
  'q=ย้ายทะเบียนบ้าน',
  'q=ทำบัตรประชาชน',
  'q=บัตรประชาชนหาย',
  'q=เปิดบริษัท',
  'q=หมู่บ้านจัดสรร',
  'q=แจ้งสร้างบ้าน',
  'q=เปิดร้านอาหาร',
  'q=เบี้ยคนชรา',
  'q=เบี้ยผู้สูงอายุ',
  'q=ขอถมดิน',
  'q=พาณิชย์ จดทะเบียน',
  'q=ห้างหุ้นส่วน',
  'q=รื้อถอนอาคาร',
  'q=เปลี่ยนชื่อตัว',
  'q=จดทะเบียนพานิชย์',
  'q=ใบอนุญาติก่อสร้างอาคาร',
  'q=เบี้ยยังชีพผู้สูงอายู',
  'q=มาตรา ๓๙ ทวิ',
  'q=กรมพัฒนาธุรกิจการค้า',
  'q=สำนักงานเขตบางรัก',
  'q=ID card ทำบัตร',
  'q=เทศบาลตำบลเกาะกลาง',
  'q=ขออนุญาตก่อสร้างอาคาร&province=เชียงใหม่',
  'q=แจ้งเกิด&type=manual&page=2',
  'q=เบี้ยผู้สูงอายุ&province=ขอนแก่น&limit=20',
]

/** What Payload's `like` gets for the same words (title, the field a plain site would search). */
function likePath(query: string): string {
  const q = new URLSearchParams(query).get('q') ?? ''
  return `/api/search?where[title][like]=${encodeURIComponent(q)}&limit=10&depth=0&select[title]=true`
}

// ---------------------------------------------------------------------------------------------
// Server role: prepare the database, then serve.

/**
 * The bench database is kept between runs, but a schema push over it could stop on a data-loss
 * prompt once the collections changed: rebuild it when the schema sources changed.
 */
function schemaFingerprint(): string {
  const hash = createHash('sha1')
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      // The ranking query does not shape the data; everything else here may.
      else if (/\.tsx?$/.test(entry.name) && file !== path.join('src', 'search', 'query.ts')) hash.update(file).update(fs.readFileSync(file))
    }
  }
  for (const dir of ['src/collections', 'src/fields', 'src/search', 'src/plugins']) if (fs.existsSync(dir)) walk(dir)
  hash.update(fs.readFileSync('src/payload.config.ts'))
  return hash.digest('hex')
}

async function serve(): Promise<void> {
  const fingerprintFile = path.join(path.dirname(DATA_DIR), 'search-pg.schema')
  const fingerprint = schemaFingerprint()
  if (fs.existsSync(DATA_DIR) && (!fs.existsSync(fingerprintFile) || fs.readFileSync(fingerprintFile, 'utf8') !== fingerprint)) {
    process.stderr.write('schema changed since the last bench: rebuilding the bench database\n')
    fs.rmSync(DATA_DIR, { recursive: true, force: true })
  }
  process.env.EMBEDDED_PG_DIR = DATA_DIR
  process.env.EMBEDDED_PG_DATABASE = 'infogo_bench'
  ;(process.env as Record<string, string>).NODE_ENV = 'test' // quiet logs; schema push as in development
  // Measure the search itself, not the in-memory cache of anonymous reads (BENCH_CACHE=on for that).
  process.env.PUBLIC_CACHE = process.env.BENCH_CACHE === 'on' ? 'on' : 'off'
  const { findFreePort } = await import('../src/db/embedded')
  process.env.EMBEDDED_PG_PORT ||= String(await findFreePort())
  const { createInfogoServer } = await import('../src/server/app')
  const { indexTokens } = await import('../src/lib/thaiText')
  const { THAI_GEOGRAPHY } = await import('../src/lib/thai-geography')

  const server = await createInfogoServer({ withNext: false })
  const { seed } = await import('../src/server/seed')
  const { ENSURE_SEARCH_SQL, searchPool } = await import('../src/search/schema')
  fs.writeFileSync(fingerprintFile, fingerprint)
  const payload = server.payload
  const pool = searchPool(payload)
  await seed(payload)
  const { rows: existing } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM search WHERE doc_id >= $1', [SYNTHETIC_DOC_ID_BASE])
  if (existing[0].n !== ROWS) {
    const started = Date.now()
    await pool.query('DELETE FROM search WHERE doc_id >= $1', [SYNTHETIC_DOC_ID_BASE])
    const { rows: templates } = await pool.query<{ id: number }>("SELECT id FROM search WHERE type = 'manual' AND doc_id < $1 ORDER BY id", [SYNTHETIC_DOC_ID_BASE])
    // Local governments named after real subdistricts, in their province.
    const prefixes = ['เทศบาลตำบล', 'องค์การบริหารส่วนตำบล', 'เทศบาลเมือง']
    const locals: Array<{ name: string; province: string; tokens: string }> = []
    for (const province of THAI_GEOGRAPHY)
      for (const district of province.districts)
        for (const sub of district.subdistricts) {
          const name = `${prefixes[locals.length % prefixes.length]}${sub}`
          locals.push({ name, province: province.name, tokens: indexTokens(name, `อำเภอ${district.name}`, `จังหวัด${province.name}`) })
        }
    // Rebuilding the GIN indexes once is much faster than maintaining them row by row.
    for (const index of ['search_fts_all_idx', 'search_head_key_id_idx']) await pool.query(`DROP INDEX IF EXISTS ${index}`)
    const BATCH = 10_000
    for (let from = 0; from < ROWS; from += BATCH) {
      const n = Math.min(BATCH, ROWS - from)
      const templateIds: number[] = []
      const names: string[] = []
      const provinces: string[] = []
      const tokens: string[] = []
      for (let k = from; k < from + n; k++) {
        templateIds.push(templates[k % templates.length].id)
        const local = locals[Math.floor(k / templates.length) % locals.length]
        names.push(local.name)
        provinces.push(`|${local.province}|`)
        tokens.push(local.tokens)
      }
      await pool.query(
        `INSERT INTO search (title, priority, type, doc_id, agency_id, agency_name, provinces, tag_ids,
           tokens_title, tokens_tags, tokens_agency, tokens_body, head_key, body_text, updated_at, created_at)
         SELECT t.title, t.priority, t.type, $1::int + g.ord::int, t.agency_id, g.name, g.province, t.tag_ids,
           t.tokens_title, t.tokens_tags, g.tokens, t.tokens_body || ' ' || g.tokens, t.head_key, t.body_text, now(), now()
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS g(template, name, province, tokens, ord)
         JOIN search t ON t.id = g.template`,
        [SYNTHETIC_DOC_ID_BASE + from, templateIds, names, provinces, tokens],
      )
      process.stderr.write(`\rindex rows: ${from + n}/${ROWS}`)
    }
    for (const statement of ENSURE_SEARCH_SQL) await pool.query(statement)
    await pool.query('VACUUM ANALYZE search')
    await pool.query('VACUUM ANALYZE search_heads')
    process.stderr.write(`\nbuilt ${ROWS} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  }
  const { rows: count } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM search')
  const http = await server.listen(0, '127.0.0.1')
  const address = http.address()
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0} ${count[0].n}\n`)
  const stop = async () => {
    await server.close()
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

// ---------------------------------------------------------------------------------------------
// Load role: start the server, run autocannon, print the table.

type Run = {
  label: string
  median: number
  p95: number
  p99: number
  rps: number
  errors: number
  nonEmpty: number
  /** CPU time the server and its PostgreSQL spent per request: the cost, whatever else loads the machine. */
  cpuMsPerRequest: number
  /** Of which the Node server's share. */
  serverCpuMsPerRequest: number
}

/** User + system CPU ms of the bench server and of every PostgreSQL process of its data dir (Linux /proc). */
function serverCpuMs(serverPid: number): { server: number; db: number } {
  const ticks = 100 // USER_HZ
  const statOf = (pid: string) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return { ppid: fields[1], cpu: Number(fields[11]) + Number(fields[12]) }
    } catch {
      return null
    }
  }
  let postmaster = ''
  try {
    postmaster = fs.readFileSync(path.join(DATA_DIR, 'postmaster.pid'), 'utf8').split('\n')[0]
  } catch {
    // not running
  }
  let server = 0
  let db = 0
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const stat = statOf(pid)
    if (stat && pid === String(serverPid)) server += stat.cpu
    else if (stat && (pid === postmaster || stat.ppid === postmaster)) db += stat.cpu
  }
  return { server: (server * 1000) / ticks, db: (db * 1000) / ticks }
}

async function load(baseUrl: string, label: string, paths: string[], seconds: number, serverPid: number): Promise<Run> {
  const { result, latencies, cpuBefore, cpuAfter } = await loadPaths({ baseUrl, paths, seconds, connections: CONNECTIONS, cpu: () => serverCpuMs(serverPid) })
  const cpuMs = { server: cpuAfter.server - cpuBefore.server, db: cpuAfter.db - cpuBefore.db }
  // How many of the queries find anything at all (one plain request each).
  let nonEmpty = 0
  for (const p of paths) {
    const body = (await (await fetch(`${baseUrl}${p}`)).json()) as { docs?: unknown[] }
    if (body.docs?.length) nonEmpty++
  }
  return {
    label,
    median: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
    nonEmpty: nonEmpty / paths.length,
    cpuMsPerRequest: latencies.length ? (cpuMs.server + cpuMs.db) / latencies.length : NaN,
    serverCpuMsPerRequest: latencies.length ? cpuMs.server / latencies.length : NaN,
  }
}

async function main(): Promise<void> {
  const self = fileURLToPath(import.meta.url)
  // BENCH_PROFILE=1 writes a CPU profile of the server to bench/out/prof/ when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/out/prof'] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', '--no-deprecation', self, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  })
  const ready = await new Promise<{ port: number; rows: number }>((resolve, reject) => {
    let buffer = ''
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk)
      const m = buffer.match(/READY (\d+) (\d+)/)
      if (m) resolve({ port: Number(m[1]), rows: Number(m[2]) })
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  const baseUrl = `http://127.0.0.1:${ready.port}`
  try {
    const sitePaths = QUERIES.map((q) => `/api/site-search?${new URLSearchParams(q)}`)
    const likePaths = QUERIES.map(likePath)
    const pid = child.pid!
    await load(baseUrl, 'warm-up', sitePaths, 3, pid)
    const runs = [
      await load(baseUrl, '/api/site-search (FTS + trigram)', sitePaths, SECONDS, pid),
      await load(baseUrl, "/api/search where[title][like] (Payload's like)", likePaths, SECONDS, pid),
    ]
    const loadavg = (await import('node:os')).loadavg()
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-')
    const lines = [
      `search rows: ${ready.rows} (${ROWS} synthetic manuals), ${CONNECTIONS} connections, ${SECONDS} s per run, ${QUERIES.length} queries`,
      '',
      `machine: ${(await import('node:os')).cpus().length} cores, load average ${loadavg.map((l) => l.toFixed(1)).join(' ')} at the end`,
      '',
      '| endpoint | median ms | p95 ms | p99 ms | req/s | errors | queries with results | server + db CPU ms/request | of which server |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...runs.map(
        (r) =>
          `| ${r.label} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.rps)} | ${r.errors} | ${Math.round(r.nonEmpty * 100)}% | ${fmt(r.cpuMsPerRequest)} | ${fmt(r.serverCpuMsPerRequest)} |`,
      ),
    ]
    console.log(lines.join('\n'))
    fs.mkdirSync('bench/out', { recursive: true })
    fs.writeFileSync('bench/out/search.json', JSON.stringify({ rows: ready.rows, connections: CONNECTIONS, seconds: SECONDS, runs }, null, 2))
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

if (process.argv.includes('--serve')) await serve()
else await main()
