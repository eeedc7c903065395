/**
 * `npm run bench:import [-- --manuals 100000 --points 30000 --concurrency 2 --batch <rows> --keep]`
 *
 * Generates export files of the earlier systems' shape (agencies, manuals, service points with
 * pins), imports them into a separate, fresh embedded PostgreSQL (never the project's database)
 * and reports the time, the rate and the importer's peak RSS. Target: under 10 minutes.
 */
import cliProgress from 'cli-progress'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { getPayload } from 'payload'

import { findFreePort, startEmbeddedPostgres } from '../src/db/embedded'
import { districtsOf, PROVINCE_NAMES } from '../src/lib/geography'
import { loadPayloadConfig } from '../src/server/loadConfig'
import { closePayload } from '../src/server/shutdown'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const MANUALS = arg('manuals', 100_000)
const POINTS = arg('points', 30_000)
const CONCURRENCY = arg('concurrency', 2)
const BATCH = arg('batch', 0)
const KEEP = process.argv.includes('--keep')
const MINISTRIES = 20
const DEPARTMENTS = 300

// A fixed seed: every run imports the same data.
let seed = 20260101
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infogo-bench-import-'))
fs.chmodSync(dir, 0o755)

async function writeCsv(file: string, count: number, row: (i: number) => Record<string, unknown>) {
  const out = fs.createWriteStream(file)
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())))
  for (let i = 0; i < count; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - i) }, (_, k) => row(i + k))
    await write(Papa.unparse(rows, { header: i === 0 }) + '\r\n')
  }
  await new Promise<void>((resolve) => out.end(resolve))
}

const SUBJECTS = ['การขออนุญาตประกอบกิจการ', 'การจดทะเบียนพาณิชย์', 'การขอรับเบี้ยยังชีพผู้สูงอายุ', 'การขออนุญาตก่อสร้างอาคาร', 'การแจ้งเกิด', 'การขอหนังสือรับรอง', 'การต่ออายุใบอนุญาต', 'การขอใช้น้ำประปา']
const UNITS = ['minutes', 'hours', 'days'] as const

async function generate() {
  const started = Date.now()
  await writeCsv(path.join(dir, 'agencies.csv'), MINISTRIES + DEPARTMENTS, (i) =>
    i < MINISTRIES
      ? { legacyId: `M${i}`, name: `กระทรวงทดสอบที่ ${i + 1}`, kind: 'ministry', parentLegacyId: '', province: 'กรุงเทพมหานคร' }
      : { legacyId: `D${i}`, name: `กรมทดสอบที่ ${i + 1}`, kind: i % 5 === 0 ? 'local-government' : 'department', parentLegacyId: `M${i % MINISTRIES}`, province: pick(PROVINCE_NAMES) },
  )
  await writeCsv(path.join(dir, 'manuals.csv'), MANUALS, (i) => {
    const subject = pick(SUBJECTS)
    const steps = 2 + Math.floor(random() * 3)
    return {
      legacyId: `MAN${i}`,
      title: `${subject} (ชุดที่ ${i + 1})`,
      agencyLegacyId: `D${MINISTRIES + (i % DEPARTMENTS)}`,
      serviceType: i % 3 === 0 ? 'อนุญาต' : 'บริการ',
      categories: pick(['ทะเบียนราษฎร', 'การประกอบธุรกิจ', 'สวัสดิการสังคม', 'ที่อยู่อาศัยและที่ดิน']),
      conditions: `ผู้ยื่นคำขอต้องยื่นคำขอ${subject}ด้วยตนเอง\nกรณีเอกสารไม่ครบถ้วน เจ้าหน้าที่จะแจ้งให้ทราบทันที`,
      serviceChannels: 'ณ หน่วยงานที่ให้บริการ|วันจันทร์ถึงวันศุกร์ 08:30 - 16:30 น.',
      steps: Array.from({ length: steps }, (_, s) => `ขั้นตอนที่ ${s + 1}|${1 + Math.floor(random() * 30)}|${pick(UNITS)}|งานบริการ`).join('\n'),
      documents: 'บัตรประจำตัวประชาชน|กรมการปกครอง|1|1\nทะเบียนบ้าน|กรมการปกครอง|1|1',
      fees: i % 2 ? `ค่าธรรมเนียม|${(i % 50) * 10}` : '',
      complaintChannels: 'ศูนย์บริการประชาชน|สายด่วน 1111',
      legalBasis: 'พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558',
      publishedAt: `${2015 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`,
      revision: 1 + (i % 3),
      history: 'เผยแพร่ครั้งแรก',
    }
  })
  await writeCsv(path.join(dir, 'service-points.csv'), POINTS, (i) => {
    const province = pick(PROVINCE_NAMES)
    const pins = Array.from({ length: 1 + Math.floor(random() * 5) }, () => `MAN${Math.floor(random() * MANUALS)}`)
    return {
      legacyId: `SP${i}`,
      name: `จุดบริการทดสอบที่ ${i + 1}`,
      agencyLegacyId: `D${MINISTRIES + (i % DEPARTMENTS)}`,
      visible: i % 20 ? 'true' : 'false',
      province,
      district: pick(districtsOf(province)),
      lat: (6 + random() * 14).toFixed(5),
      lng: (98 + random() * 7).toFixed(5),
      openingHours: 'จันทร์-ศุกร์ 08:30-16:30',
      phone: `02 ${String(100 + (i % 900))} ${String(1000 + (i % 9000))}`,
      manualLegacyIds: [...new Set(pins)].join('|'),
    }
  })
  return Date.now() - started
}

const generateMs = await generate()
const sizes = fs.readdirSync(dir).map((f) => `${f} ${(fs.statSync(path.join(dir, f)).size / 1e6).toFixed(1)} MB`)
console.log(`Generated ${MANUALS} manuals, ${POINTS} service points, ${MINISTRIES + DEPARTMENTS} agencies in ${(generateMs / 1000).toFixed(1)} s (${sizes.join(', ')})`)

const port = await findFreePort()
const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, databases: ['bench_import'], quiet: true })
process.env.DATABASE_URL = db.url
process.env.INFOGO_EMBEDDED_DATABASE_URL = ''
const config = await loadPayloadConfig()
const { runImport } = await import('../src/import/run')
const payload = await getPayload({ config })

/**
 * CPU seconds used by this embedded PostgreSQL: its postmaster (with the backends it has reaped)
 * and the backends still running. With the importer's own CPU time this tells what the run
 * costs apart from what other processes on a shared machine take.
 */
function postgresCpuSeconds(dataDir: string): number {
  const tick = 100 // USER_HZ on Linux
  const stat = (pid: string) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  let postmaster = ''
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)) postmaster = pid
    } catch {
      // gone
    }
  }
  if (!postmaster) return 0
  const own = stat(postmaster)
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const s = stat(pid)
      if (s[1] === postmaster) ticks += Number(s[11]) + Number(s[12])
    } catch {
      // gone
    }
  }
  return ticks / tick
}

const pgCpuBefore = postgresCpuSeconds(path.join(dir, 'pg'))
const cpuBefore = process.cpuUsage()
let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250)
const bar = process.stderr.isTTY
  ? new cliProgress.SingleBar({ format: '{bar} {percentage}% | {rows} rows | {rate} rows/s | {file}' }, cliProgress.Presets.shades_classic)
  : null
bar?.start(100, 0, { rows: 0, rate: 0, file: '' })
const started = Date.now()
let lastLog = started
// When each phase began (the search rows' rate).
const phaseStarted: Record<string, number> = {}
const summary = await runImport(payload, {
  files: ['agencies.csv', 'manuals.csv', 'service-points.csv'].map((f) => path.join(dir, f)),
  batchSize: BATCH || undefined,
  concurrency: CONCURRENCY,
  reportPath: path.join(dir, 'report.csv'),
  onProgress: (p) => {
    phaseStarted[p.phase] ||= Date.now()
    if (p.phase === 'search') {
      bar?.setTotal(p.toIndex || 1)
      bar?.update(p.indexed ?? 0, { rows: p.indexed, rate: Math.round((p.indexed ?? 0) / Math.max(0.001, (Date.now() - phaseStarted.search) / 1000)), file: 'search rows' })
      if (!bar && Date.now() - lastLog > 15_000) {
        lastLog = Date.now()
        console.log(`  search rows: ${p.indexed} of ${p.toIndex}, ${Math.round((Date.now() - started) / 1000)} s`)
      }
      return
    }
    if (p.phase === 'snapshots') {
      bar?.update(bar.getTotal(), { file: p.file })
      if (!bar) console.log(`  public snapshots: ${p.file}, ${Math.round((Date.now() - started) / 1000)} s`)
      return
    }
    const rate = Math.round(p.rows / ((Date.now() - started) / 1000))
    bar?.setTotal(p.totalBytes)
    bar?.update(p.bytesRead, { rows: p.rows, rate, file: p.file })
    if (!bar && Date.now() - lastLog > 15_000) {
      lastLog = Date.now()
      console.log(`  ${p.file}: ${p.rows} rows, ${Math.round((100 * p.bytesRead) / p.totalBytes)}% of bytes, ${Math.round((Date.now() - started) / 1000)} s`)
    }
  },
})
bar?.stop()
clearInterval(sampler)
const ms = Date.now() - started
const cpu = process.cpuUsage(cpuBefore)
const importerCpu = (cpu.user + cpu.system) / 1e6
const pgCpu = postgresCpuSeconds(path.join(dir, 'pg')) - pgCpuBefore
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024)

const counts = {
  agencies: (await payload.count({ collection: 'agencies', overrideAccess: true })).totalDocs,
  manuals: (await payload.count({ collection: 'manuals', overrideAccess: true })).totalDocs,
  processes: (await payload.count({ collection: 'processes', overrideAccess: true })).totalDocs,
  servicePoints: (await payload.count({ collection: 'service-points', overrideAccess: true })).totalDocs,
}
const t = summary.totals
console.log(`Imported ${t.rows} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(t.rows / (ms / 1000))} rows/s): ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.failed} failed`)
for (const f of summary.files) console.log(`  ${f.file}: ${f.rows} rows, ${f.created} created, ${f.failed} failed`)
const search = summary.search
const snapshotDocs = Object.values(summary.snapshots ?? {}).reduce((n, r) => n + r.docs, 0)
console.log(
  `  the rows ${(summary.phases.rows / 1000).toFixed(1)} s (${summary.retriedBatches} batches redone row by row); then side by side ` +
    `the search rows ${(summary.phases.search / 1000).toFixed(1)} s (${search ? search.manuals + search['service-points'] : 0} documents, ${search?.fallbacks ?? 0} look-ups not served from the chunk) ` +
    `and the public snapshots ${(summary.phases.snapshots / 1000).toFixed(1)} s (${snapshotDocs} documents)`,
)
console.log(`In the database: ${JSON.stringify(counts)}`)
console.log(
  `CPU: importer ${importerCpu.toFixed(0)} s, PostgreSQL ${pgCpu.toFixed(0)} s (${((1000 * (importerCpu + pgCpu)) / Math.max(1, t.rows)).toFixed(1)} ms per row; ` +
    `on ${os.cpus().length} idle cores at least ${((importerCpu + pgCpu) / os.cpus().length / 60).toFixed(1)} min, load average now ${os.loadavg()[0].toFixed(1)})`,
)
console.log(`Peak RSS of the importer: ${Math.round(peakRss / 1024 / 1024)} MB.`)
if (MANUALS >= 100_000 && POINTS >= 30_000) console.log(`Target (100,000 manuals and 30,000 service points under 10 minutes): ${ms < 600_000 ? 'met' : 'NOT met'}`)
else {
  // A smaller run: scale its CPU cost per row to the target size, the floor on idle cores.
  const fullRows = 100_000 + 30_000 + MINISTRIES + DEPARTMENTS
  const floor = ((importerCpu + pgCpu) / Math.max(1, t.rows)) * fullRows / os.cpus().length
  console.log(`At 100,000 manuals and 30,000 service points this CPU cost per row means at least ${(floor / 60).toFixed(0)} min on ${os.cpus().length} idle cores (target: 10).`)
}

await closePayload(payload)
await db.stop()
if (KEEP) console.log(`Files and database kept in ${dir}`)
else fs.rmSync(dir, { recursive: true, force: true })
process.exit(0)
