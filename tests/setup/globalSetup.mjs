// Starts one PostgreSQL for the whole run (embedded unless DATABASE_URL is set) and gives each
// jest worker its own database, since concurrent schema pushes into one database race.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { tsImport } from 'tsx/esm/api'

export default async function globalSetup(config) {
  const workers = Math.max(2, Number(config.maxWorkers) || 2)
  const names = Array.from({ length: workers + 1 }, (_, i) => `infogo_test_${i + 1}`)
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    for (const name of names) {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (!found.rowCount) await admin.query(`CREATE DATABASE "${name}"`)
    }
    await admin.end()
    const base = new URL(process.env.DATABASE_URL)
    base.pathname = '/__DB__'
    process.env.TEST_DATABASE_URL_TEMPLATE = base.toString()
    return
  }
  const { startEmbeddedPostgres, findFreePort } = await tsImport('../../src/db/embedded.ts', import.meta.url)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infogo-test-pg-'))
  fs.chmodSync(dataDir, 0o755)
  const port = await findFreePort()
  const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port, databases: names, quiet: true })
  process.env.TEST_DATABASE_URL_TEMPLATE = db.urlFor('__DB__')
  globalThis.__INFOGO_TEST_DB__ = { stop: db.stop, dataDir }
}
