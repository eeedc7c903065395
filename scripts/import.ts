/**
 * `npm run import -- <files…> [--dry-run] [--report <path>] [--batch <n>] [--concurrency <n>]`
 * Imports the earlier systems' exports (docs/import-export.md).
 * Exit code: 0 when every row went in, 1 when some rows were reported, 2 on a usage error.
 */
import '../src/server/defaultTimeZone'
import cliProgress from 'cli-progress'
import { getPayload } from 'payload'

import { ensureDatabase } from '../src/db/embedded'
import { loadPayloadConfig } from '../src/server/loadConfig'
import { closePayload } from '../src/server/shutdown'

const USAGE = 'usage: npm run import -- <files…> [--dry-run] [--report <path.csv|path.json>] [--batch <rows>] [--concurrency <n>]'

function parseArgs(argv: string[]) {
  const files: string[] = []
  let dryRun = false
  let report: string | undefined
  let batchSize: number | undefined
  let concurrency: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--dry-run') dryRun = true
    else if (arg === '--report') report = argv[++i]
    else if (arg === '--batch') batchSize = Number(argv[++i])
    else if (arg === '--concurrency') concurrency = Number(argv[++i])
    else if (arg === '--help' || arg === '-h') return null
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`)
    else files.push(arg)
  }
  if (!files.length) return null
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return { files, dryRun, report: report ?? `import-report-${stamp}.csv`, batchSize, concurrency }
}

let args: ReturnType<typeof parseArgs>
try {
  args = parseArgs(process.argv.slice(2))
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (!args) {
  console.error(USAGE)
  process.exit(2)
}

const database = await ensureDatabase()
const config = await loadPayloadConfig()
const { runImport } = await import('../src/import/run')
const payload = await getPayload({ config })

// A bar only on a terminal; logs and CI get the summary lines alone.
const bar = process.stderr.isTTY
  ? new cliProgress.SingleBar(
      {
        format: '{bar} {percentage}% | {rows} rows ({failed} failed) | {rate} rows/s | {eta_formatted} | {file}',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    )
  : null
const startedAt = Date.now()
let rowsBefore = 0
let lastFile = ''
let lastRows = 0
let searchStartedAt = 0
bar?.start(100, 0, { rows: 0, failed: 0, rate: 0, file: '' })

const summary = await runImport(payload, {
  files: args.files,
  dryRun: args.dryRun,
  reportPath: args.report,
  batchSize: args.batchSize,
  concurrency: args.concurrency,
  onProgress: (p) => {
    if (p.phase === 'search') {
      // The bar now counts the documents whose search rows are rebuilt.
      searchStartedAt ||= Date.now()
      const seconds = (Date.now() - searchStartedAt) / 1000
      bar?.setTotal(p.toIndex || 1)
      bar?.update(p.indexed ?? 0, { rate: seconds ? Math.round((p.indexed ?? 0) / seconds) : 0, file: `search rows ${p.indexed}/${p.toIndex}` })
      return
    }
    if (p.phase === 'snapshots') {
      bar?.update(bar.getTotal(), { file: `public snapshots: ${p.file}` })
      return
    }
    if (p.file !== lastFile) {
      rowsBefore += lastRows
      lastFile = p.file
    }
    lastRows = p.rows
    const rows = rowsBefore + p.rows
    const seconds = (Date.now() - startedAt) / 1000
    bar?.setTotal(p.totalBytes || 1)
    bar?.update(p.bytesRead, { rows, failed: p.failed, rate: seconds ? Math.round(rows / seconds) : 0, file: p.file })
  },
})
bar?.stop()

const t = summary.totals
const mode = summary.dryRun ? 'Dry run (nothing written)' : 'Import'
console.log(
  `${mode}: ${t.rows} rows in ${(summary.ms / 1000).toFixed(1)} s: ${t.created} ${summary.dryRun ? 'to create' : 'created'}, ` +
    `${t.updated} ${summary.dryRun ? 'to update' : 'updated'}, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.failed} failed`,
)
for (const f of summary.files) console.log(`  ${f.file} (${f.kind ?? '?'}): ${f.rows} rows, ${f.created} new, ${f.updated} updated, ${f.unchanged} unchanged, ${f.skipped} skipped, ${f.failed} failed`)
if (summary.search) console.log(`Search rows rebuilt: ${summary.search.manuals} manuals, ${summary.search['service-points']} service points`)
if (summary.snapshots) console.log(`Public snapshots rebuilt: ${Object.entries(summary.snapshots).map(([c, r]) => `${c} ${r.docs}`).join(', ')}`)
const warnings = summary.problems.filter((p) => p.severity === 'warning').length
console.log(`Report: ${summary.reportPath} (${t.failed} rows not imported, ${warnings} warnings)`)

await closePayload(payload)
await database.stop()
process.exit(t.failed > 0 ? 1 : 0)
