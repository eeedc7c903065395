/**
 * `npm run bench`: runs the benches one after the other and prints one table.
 *
 * By default: bench:data (skipped when the dataset exists), bench:read, bench:search, bench:survey.
 * BENCH_INCLUDE=import,export,site adds the longer ones; BENCH_SKIP=search,survey leaves some out.
 * Each bench's own output goes to bench/out/<name>.log. Exits non-zero only when a bench could not
 * run (a non-zero exit); a figure that misses its target is reported, never a failure.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'

const DEFAULT = ['data', 'read', 'search', 'survey']
const OPTIONAL = ['import', 'export', 'site']
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)
const skip = new Set(list(process.env.BENCH_SKIP))
const include = list(process.env.BENCH_INCLUDE).filter((b) => OPTIONAL.includes(b))
const benches = [...DEFAULT, ...include].filter((b) => !skip.has(b))

const readJson = (file: string): any => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** One line of the headline figures each bench leaves in bench/out (or prints). */
function headline(name: string, output: string): string {
  if (name === 'data') {
    const m = output.match(/BENCH_DATA (.+)/)
    if (!m) return ''
    const d = JSON.parse(m[1])
    const c = d.counts
    return `${d.skipped ? 'already built in' : 'built in'} ${d.seconds} s: ${c.agencies} agencies, ${c.servicePoints} service points, ${c.publishedManuals} manuals, ${c.pins} pins, ${c.surveyResponses} survey responses`
  }
  if (name === 'read') {
    const r = readJson('bench/out/read.json')
    if (!r) return ''
    const reads = [...new Set(r.rows.map((x: any) => x.read))] as string[]
    return reads
      .map((read) => {
        const rows = r.rows.filter((x: any) => x.read === read)
        const raw = rows.find((x: any) => x.variant.startsWith('raw'))
        const part = (x: any) => `${(x.rps / raw.rps).toFixed(2)}× p99 ${x.p99} ms`
        return `${read}: raw ${Math.round(raw.rps)}/s; cold ${part(rows[1])}; warm ${part(rows[2])}`
      })
      .join('<br>')
  }
  if (name === 'search') {
    const s = readJson('bench/out/search.json')
    return s ? s.runs.map((x: any) => `${x.label}: median ${x.median} ms, p99 ${x.p99} ms, ${Math.round(x.rps)}/s`).join('<br>') : ''
  }
  if (name === 'survey') {
    const s = readJson('bench/out/survey.json')
    return s ? `${s.acceptedPerSecond} ratings/s accepted, p99 ${s.latencyMs.p99} ms, all stored: ${s.everyAcceptedStored ? 'yes' : 'NO'}` : ''
  }
  // Others: the last table row they print.
  return (output.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---')).at(-1) ?? '').replace(/\|/g, ' ').trim()
}

function run(name: string): Promise<{ code: number; output: string; seconds: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', `bench:${name}`], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
    let output = ''
    const log = fs.createWriteStream(`bench/out/${name}.log`)
    for (const stream of [child.stdout!, child.stderr!])
      stream.on('data', (c) => {
        output += String(c)
        log.write(c)
      })
    child.on('exit', (code) => {
      log.end()
      resolve({ code: code ?? 1, output, seconds: Math.round((Date.now() - started) / 1000) })
    })
  })
}

fs.mkdirSync('bench/out', { recursive: true })
const rows: string[] = []
let failed = false
for (const name of benches) {
  process.stderr.write(`bench:${name} ...\n`)
  const r = await run(name)
  if (r.code !== 0) failed = true
  rows.push(`| bench:${name} | ${r.code === 0 ? 'ran' : `could not run (exit ${r.code}, see bench/out/${name}.log)`} | ${r.seconds} | ${r.code === 0 ? headline(name, r.output) : ''} |`)
}
console.log(['| bench | status | wall s | figures |', '|---|---|---:|---|', ...rows].join('\n'))
if (fs.existsSync('bench/out/read.json')) {
  const log = fs.existsSync('bench/out/read.log') ? fs.readFileSync('bench/out/read.log', 'utf8') : ''
  const table = log.split('\n').filter((l) => l.startsWith('|'))
  if (table.length && benches.includes('read')) console.log(['', 'bench:read in full:', ...table].join('\n'))
}
process.exit(failed ? 1 : 0)
