/**
 * The server process runs in Bangkok time when TZ is unset (src/server/defaultTimeZone.ts, the
 * first import of server.ts), and keeps a TZ the operator sets. Started as `npm start` starts it
 * (tsx server.ts, production, API only); it logs the zone Intl and Date resolved.
 */
import { spawn } from 'node:child_process'

import { findFreePort } from '../../src/db/embedded'
import { startTestServer, workerDatabaseUrl } from '../helpers/server'

beforeAll(async () => {
  // The schema, pushed once (the server below neither pushes nor migrates: DATABASE_PUSH).
  const t = await startTestServer()
  await t.close()
})

/** Starts server.ts with `tz` (undefined: no TZ at all), returns the zone of its "ready" line, stops it. */
async function zoneOfServer(tz: string | undefined): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation',
    DATABASE_URL: workerDatabaseUrl(),
    DATABASE_PUSH: 'true',
    PAYLOAD_SECRET: 'time-zone-test-secret',
    PORT: String(await findFreePort()),
    INFOGO_NO_NEXT: 'true',
    JOBS_AUTORUN: 'false',
  }
  delete env.TZ
  delete env.JEST_WORKER_ID
  if (tz !== undefined) env.TZ = tz
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line within 120 s:\n${output.slice(-3000)}`)), 120_000)
      const read = (chunk: Buffer) => {
        output += chunk
        const zone = /infogo ready .*\(time zone ([^)]+\))\)/.exec(output)?.[1]
        if (zone) {
          clearTimeout(timer)
          resolve(zone)
        }
      }
      child.stdout.on('data', read)
      child.stderr.on('data', read)
      // 'close', not 'exit': the output is complete by then.
      child.once('close', (code) => reject(new Error(`server.ts exited with ${code}:\n${output.slice(-3000)}`)))
    })
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
  }
}

it('defaults to Asia/Bangkok (UTC+07:00) when TZ is unset, for Intl and Date alike', async () => {
  expect(await zoneOfServer(undefined)).toBe('Asia/Bangkok (UTC+07:00)')
  // An empty TZ counts as unset (POSIX would read it as UTC).
  expect(await zoneOfServer('')).toBe('Asia/Bangkok (UTC+07:00)')
}, 300_000)

it('keeps the TZ an operator sets', async () => {
  expect(await zoneOfServer('UTC')).toBe('UTC (UTC+00:00)')
}, 300_000)
