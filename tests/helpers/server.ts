import type { Payload } from 'payload'
import pg from 'pg'

import type { InfogoServer } from '../../src/server/app'
import type { Role } from '../../src/lib/roles'

/** This worker's own database (see tests/setup/globalSetup.cjs). */
export function workerDatabaseUrl(): string {
  const template = process.env.TEST_DATABASE_URL_TEMPLATE
  if (!template) throw new Error('TEST_DATABASE_URL_TEMPLATE is not set: run the tests through jest')
  return template.replace('__DB__', `infogo_test_${process.env.JEST_WORKER_ID ?? '1'}`)
}

/** Runs one statement on this worker's database (as its owner, who may create databases). */
export async function queryWorkerDatabase<T = Record<string, unknown>>(statement: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: workerDatabaseUrl() })
  await client.connect()
  try {
    return (await client.query(statement, values)).rows as T[]
  } finally {
    await client.end()
  }
}

/**
 * A new, empty database beside this worker's, `<prefix>_<worker>` (dropped first if a killed run
 * left it): for tests that need a database nothing else has touched (migrations, a first start).
 */
export async function createScratchDatabase(prefix: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.env.JEST_WORKER_ID ?? '1'}`
  const drop = async () => void (await queryWorkerDatabase(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
  await drop()
  await queryWorkerDatabase(`CREATE DATABASE "${name}"`)
  return { name, url: workerDatabaseUrl().replace(/\/[^/]+$/, `/${name}`), drop }
}

/** Empties every table of this worker's database, so each test file starts from nothing. */
export async function resetDatabase(url = workerDatabaseUrl()): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'payload_migrations'",
    )
    if (rows.length) {
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`)
    }
  } finally {
    await client.end()
  }
}

export type TestServer = {
  payload: Payload
  baseUrl: string
  server: InfogoServer
  close: () => Promise<void>
}

/**
 * Starts the real Express app (Payload REST under /api, no Next) on a free port against this
 * worker's database, after emptying it.
 */
export async function startTestServer(options: { env?: Record<string, string>; dev?: boolean } = {}): Promise<TestServer> {
  process.env.DATABASE_URL = workerDatabaseUrl()
  process.env.PAYLOAD_SECRET ??= 'infogo-test-secret'
  Object.assign(process.env, options.env ?? {})
  const { createInfogoServer } = await import('../../src/server/app')
  // `dev: false` gives the production answers' headers (no Next either way).
  const server = await createInfogoServer({ withNext: false, dev: options.dev })
  await resetDatabase()
  const http = await server.listen(0, '127.0.0.1')
  const address = http.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    payload: server.payload,
    baseUrl: `http://127.0.0.1:${port}`,
    server,
    // The database belongs to the whole run: close the app and its pool, not the server.
    close: async () => {
      server.database.stop = async () => undefined
      await server.close()
    },
  }
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

/** A REST client for the test server, optionally authenticated as an officer. */
export function api(baseUrl: string, token?: string) {
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T, headers: res.headers }
  }
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body ?? {}, headers),
    patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    delete: <T = any>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
    call,
  }
}

export const TEST_PASSWORD = 'test-password-1234'
let counter = 0

/** Creates an officer with roles (and agency / service point) and logs them in over REST. */
export async function createOfficer(
  t: TestServer,
  options: { roles: Role[]; agency?: number | string; servicePoint?: number | string; email?: string; name?: string },
) {
  counter += 1
  const email = options.email ?? `officer${counter}-${options.roles.join('_')}@test.info.go.th`
  const user = await t.payload.create({
    collection: 'users',
    data: {
      email,
      password: TEST_PASSWORD,
      name: options.name ?? `เจ้าหน้าที่ทดสอบ ${counter}`,
      roles: options.roles,
      agency: options.agency as number | undefined,
      servicePoint: options.servicePoint as number | undefined,
    },
    overrideAccess: true,
  })
  const login = await api(t.baseUrl).post<{ token: string }>('/api/users/login', { email, password: TEST_PASSWORD })
  if (login.status !== 200) throw new Error(`login failed for ${email}: ${login.status} ${JSON.stringify(login.body)}`)
  return { user, token: login.body.token, api: api(t.baseUrl, login.body.token) }
}
