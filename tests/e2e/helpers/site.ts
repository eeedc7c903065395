/**
 * Browser-test harness: a Next production build (once per run), the real server (`tsx server.ts`,
 * NODE_ENV=production) as a child process on this jest worker's database with the demo data, and
 * Debian's chromium driven by playwright-core. Reuse it from any tests/e2e/*.test.ts:
 *
 *   const site = await startSite()          // build if stale, seed, start, wait for /api/health
 *   const browser = await launchBrowser()
 *   const page = await browser.newPage(); await page.goto(`${site.baseUrl}/search`)
 *   expect(await axeViolations(page)).toEqual([])
 *   await screenshot(page, 'search'); await browser.close(); await site.close()
 *
 * E2E_SKIP_BUILD=1 uses .next as it is.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'

import { findFreePort } from '../../../src/db/embedded'
import { resetDatabase, workerDatabaseUrl } from '../../helpers/server'

// jest runs from the repository root (rootDir).
const ROOT = process.cwd()
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const NEXT = path.join(ROOT, 'node_modules/.bin/next')
const BUILD_ID = path.join(ROOT, '.next/BUILD_ID')
export const RESULTS_DIR = path.join(ROOT, 'test-results')
const LOCK = path.join(RESULTS_DIR, '.next-build.lock')
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
]

/** Newest modification time under `dir` (files only). */
function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

/** The build is stale when BUILD_ID is missing or older than any file in src/ or the Next config. */
export function buildIsStale(): boolean {
  if (!fs.existsSync(BUILD_ID)) return true
  const built = fs.statSync(BUILD_ID).mtimeMs
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), ...['next.config.mjs', 'server.ts'].map((f) => (fs.existsSync(path.join(ROOT, f)) ? fs.statSync(path.join(ROOT, f)).mtimeMs : 0)))
  return sources > built
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A child's output for a failure message: first the lines that say why it stopped (Node's
 * "unsettled top-level await" warning behind exit code 13, errors), then its last output, without
 * terminal colours and drizzle's spinner, so a shortened CI log still shows the cause.
 */
function whyItStopped(output: string): string {
  const clean = output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\[[^\]]*\] Pulling schema from database\.\.\.\s*/g, '')
  const why = clean.split('\n').filter((line) => /unsettled top-level await|Error:|FATAL/.test(line)).slice(0, 5)
  return `${why.join('\n')}\n--- last output ---\n${clean.slice(-3000)}`
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${label} exited with ${code}:\n${whyItStopped(output)}`))))
  })
}

/**
 * Runs `next build` when the build is stale. A lock file (created exclusively) keeps two jest
 * workers from building at once; the one that waits re-checks afterwards and finds it fresh.
 * A lock older than 15 minutes is left over from a killed run and is taken over.
 */
export async function ensureBuild(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return
  for (;;) {
    if (!buildIsStale()) return
    let fd: number | undefined
    try {
      fs.mkdirSync(RESULTS_DIR, { recursive: true })
      fd = fs.openSync(LOCK, 'wx')
    } catch {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 15 * 60_000) fs.rmSync(LOCK, { force: true })
      await sleep(1000)
      continue
    }
    try {
      fs.writeSync(fd, String(process.pid))
      // The config demands a secret in production; the build reads the config but signs nothing.
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation', PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'infogo-build-only' }
      if (buildIsStale()) await run(NEXT, ['build'], env, 'next build')
      return
    } finally {
      fs.closeSync(fd)
      fs.rmSync(LOCK, { force: true })
    }
  }
}

export type SeedFixtures = {
  manualId: number
  manualTitle: string
  servicePointId: number
  servicePointName: string
  trackingCode: string
}

export type Site = {
  baseUrl: string
  databaseUrl: string
  fixtures: SeedFixtures
  /** The server's output so far (for failure messages). */
  log: () => string
  close: () => Promise<void>
}

/**
 * Empties this worker's database, seeds the demo data (tests/e2e/helpers/seedSite.ts, which also
 * pushes the schema), then starts the production server on a free port and waits for /api/health.
 */
export async function startSite(options: { env?: Record<string, string> } = {}): Promise<Site> {
  await ensureBuild()
  const databaseUrl = workerDatabaseUrl()
  await resetDatabase(databaseUrl)
  const secret = 'infogo-e2e-secret'
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: secret, NODE_OPTIONS: '--no-deprecation' }
  delete baseEnv.JEST_WORKER_ID
  const seeded = await run(TSX, ['tests/e2e/helpers/seedSite.ts'], { ...baseEnv, NODE_ENV: 'development' }, 'seed')
  const line = seeded.split('\n').find((l) => l.startsWith('SEED_FIXTURES '))
  if (!line) throw new Error(`the seed printed no fixtures:\n${seeded.slice(-2000)}`)
  const fixtures = JSON.parse(line.slice('SEED_FIXTURES '.length)) as SeedFixtures

  // Another run may be rebuilding .next right now (it holds the lock): wait for it, start again once.
  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await startServer(baseEnv, options.env ?? {})
  } catch (err) {
    if (!(err as { noBuild?: boolean }).noBuild) throw err
    await ensureBuild()
    server = await startServer(baseEnv, options.env ?? {})
  }
  return { ...server, databaseUrl, fixtures }
}

/** `tsx server.ts` in production mode on a free port, once /api/health answers. */
async function startServer(baseEnv: NodeJS.ProcessEnv, env: Record<string, string>): Promise<Omit<Site, 'databaseUrl' | 'fixtures'>> {
  const port = await findFreePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn(TSX, ['server.ts'], {
    cwd: ROOT,
    env: {
      ...baseEnv,
      NODE_ENV: 'production',
      PORT: String(port),
      INTERNAL_API_URL: baseUrl,
      PUBLIC_SITE_URL: baseUrl,
      LOCAL_LOGIN: 'true',
      SEED: 'false',
      // Production applies migrations and does not push; the tests' database is pushed (docs/operations.md, "Migrations").
      DATABASE_PUSH: 'true',
      JOBS_AUTORUN: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  let exited = false
  child.on('exit', () => (exited = true))

  const deadline = Date.now() + 90_000
  for (;;) {
    if (exited) throw Object.assign(new Error(`the server exited before it was ready:\n${output.slice(-4000)}`), { noBuild: output.includes('Could not find a production build') })
    try {
      const res = await fetch(`${baseUrl}/api/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the server did not answer /api/health within 90 s:\n${output.slice(-4000)}`)
    }
    await sleep(300)
  }

  return {
    baseUrl,
    log: () => output,
    close: async () => {
      if (exited) return
      const done = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await done
      clearTimeout(timer)
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}

export type AxeViolation = { id: string; impact?: string; help: string; nodes: string[] }

const AXE_SOURCE = path.join(ROOT, 'node_modules/axe-core/axe.min.js')

/** axe-core's WCAG 2.0/2.1 A and AA violations on the page, compact enough to read in a failure. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: { target: string[] }) => n.target.join(' ')) }))
  })
}

/** A full-page screenshot in test-results/ (git-ignored), for looking at a failure afterwards. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
