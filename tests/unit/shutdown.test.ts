/**
 * closePayload gives up after its timeout instead of leaving a script's top-level await
 * unsettled: node exits with code 13 and skips the rest when nothing holds the event loop.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

it('returns after its timeout even when the close waits on nothing alive', () => {
  const script = path.join(process.cwd(), 'tests/fixtures/shutdown/closeWhileNothingIsAlive.ts')
  const started = Date.now()
  const run = spawnSync(path.join(process.cwd(), 'node_modules/.bin/tsx'), [script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
    timeout: 30_000,
  })
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toMatchObject({ status: 0, stdout: 'CLOSED\n' })
  expect(Date.now() - started).toBeGreaterThanOrEqual(3000)
})
