/**
 * The foundation on its own embedded PostgreSQL (not the shared test server): boot, health,
 * 503 when the database is down, restart persistence, seed idempotence and the bootstrap admin.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { findFreePort } from '../../src/db/embedded'
import type { InfogoServer } from '../../src/server/app'
import { api } from '../helpers/server'

let dataDir: string
let server: InfogoServer | null = null
let baseUrl = ''

async function boot(env: Record<string, string | undefined> = {}) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  const { createInfogoServer } = await import('../../src/server/app')
  server = await createInfogoServer({ withNext: false })
  const http = await server.listen(0, '127.0.0.1')
  const address = http.address()
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return server
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infogo-foundation-'))
  fs.chmodSync(dataDir, 0o755)
  delete process.env.DATABASE_URL
  process.env.EMBEDDED_PG_DIR = path.join(dataDir, 'pg')
  process.env.EMBEDDED_PG_PORT = String(await findFreePort())
})

afterAll(async () => {
  await server?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('foundation', () => {
  it('boots on an embedded PostgreSQL when DATABASE_URL is unset, creates the bootstrap admin and reports healthy', async () => {
    await boot({ ADMIN_EMAIL: 'root@test.info.go.th', ADMIN_PASSWORD: 'bootstrap-secret-1' })
    expect(process.env.DATABASE_URL).toContain(`:${process.env.EMBEDDED_PG_PORT}/`)
    expect(fs.existsSync(path.join(process.env.EMBEDDED_PG_DIR!, 'PG_VERSION'))).toBe(true)

    const health = await api(baseUrl).get('/api/health')
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ status: 'ok', database: 'up' })

    const login = await api(baseUrl).post('/api/users/login', { email: 'root@test.info.go.th', password: 'bootstrap-secret-1' })
    expect(login.status).toBe(200)
    expect(login.body.user.roles).toEqual(['system-admin'])
  })

  it('seeds the Thai demo data once: a second run adds nothing', async () => {
    const { seed } = await import('../../src/server/seed')
    const first = await seed(server!.payload)
    expect(first.created).toBeGreaterThan(50)
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (['agencies', 'service-points', 'tags', 'processes', 'manuals', 'users', 'other-services', 'survey-responses', 'licence-reports', 'licence-unlock-requests', 'delay-notices'] as const).map(async (c) => [
            c,
            (await server!.payload.count({ collection: c, overrideAccess: true })).totalDocs,
          ]),
        ),
      )
    const before = await counts()
    expect(before.processes).toBeGreaterThanOrEqual(20)
    // Demo ratings for the satisfaction report, spread over months, each with its answers.
    const admin = await api(baseUrl).post('/api/users/login', { email: 'root@test.info.go.th', password: 'bootstrap-secret-1' })
    const summary = (await api(baseUrl, admin.body.token).get('/api/survey-responses/summary')).body
    expect(summary.count).toBeGreaterThanOrEqual(100)
    expect(summary.trend.filter((m: { count: number }) => m.count > 0).length).toBeGreaterThanOrEqual(4)
    expect(before['service-points']).toBeGreaterThanOrEqual(10)
    // The licence-report, unlock and delay-notice menus are not empty (tests/int/workflow-seed.test.ts).
    expect([before['licence-reports'] >= 30, before['licence-unlock-requests'], before['delay-notices']]).toEqual([true, 2, 3])
    const second = await seed(server!.payload)
    expect(second.created).toBe(0)
    expect(await counts()).toEqual(before)

    const ministries = await server!.payload.count({ collection: 'agencies', where: { kind: { equals: 'ministry' } }, overrideAccess: true })
    const departments = await server!.payload.count({ collection: 'agencies', where: { kind: { equals: 'department' } }, overrideAccess: true })
    const local = await server!.payload.count({ collection: 'agencies', where: { kind: { equals: 'local-government' } }, overrideAccess: true })
    expect([ministries.totalDocs >= 2, departments.totalDocs >= 3, local.totalDocs >= 1]).toEqual([true, true, true])
    const states = await server!.payload.find({ collection: 'manuals', draft: true, limit: 100, depth: 0, overrideAccess: true, select: { workflowState: true } })
    expect(new Set(states.docs.map((d) => d.workflowState)).size).toBeGreaterThanOrEqual(4)
  }, 400_000)

  it('keeps every document across a graceful restart, and does not create a second admin', async () => {
    const before = (await server!.payload.count({ collection: 'manuals', overrideAccess: true })).totalDocs
    const created = await server!.payload.create({
      collection: 'agencies',
      data: { name: 'หน่วยงานก่อนรีสตาร์ท', kind: 'ministry', code: 'RESTART-1' },
      overrideAccess: true,
    })
    await server!.close()
    server = null
    await boot({ ADMIN_EMAIL: 'second@test.info.go.th', ADMIN_PASSWORD: 'another-secret-2' })
    const found = await server!.payload.findByID({ collection: 'agencies', id: created.id, overrideAccess: true })
    expect(found.name).toBe('หน่วยงานก่อนรีสตาร์ท')
    expect((await server!.payload.count({ collection: 'manuals', overrideAccess: true })).totalDocs).toBe(before)
    const admins = await server!.payload.find({ collection: 'users', where: { roles: { in: ['system-admin'] } }, overrideAccess: true })
    expect(admins.docs.map((u) => u.email)).not.toContain('second@test.info.go.th')
  })

  it('answers 503 on /api/health while the database is down', async () => {
    await server!.database.stop()
    const health = await api(baseUrl).get('/api/health')
    expect(health.status).toBe(503)
    expect(health.body).toMatchObject({ database: 'down' })
  })
})
