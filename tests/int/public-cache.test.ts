/** The cache of anonymous public reads: hits, ETag revalidation, invalidation, officers bypass it. */
import { createAgencyTree } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer

/**
 * Waits until the change notices of earlier writes have reached this instance: PostgreSQL
 * delivers notices in commit order, so once a fresh sentinel arrives, every earlier one has.
 */
async function settleNotices() {
  const before = t.server.publicCache.stats.invalidations
  const pool = (t.payload.db as unknown as { pool: { query: (q: string) => Promise<unknown> } }).pool
  await pool.query("select pg_notify('infogo_public_content', '')")
  for (let i = 0; i < 100 && t.server.publicCache.stats.invalidations === before; i++) await new Promise((r) => setTimeout(r, 20))
  expect(t.server.publicCache.stats.invalidations).toBeGreaterThan(before)
}

beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t?.close()
})

it('serves a repeated anonymous read from the cache and revalidates with the ETag', async () => {
  const { department } = await createAgencyTree(t)
  await settleNotices()
  const anon = api(t.baseUrl)
  const first = await anon.get(`/api/agencies/${department.id}`)
  expect(first.status).toBe(200)
  expect(first.headers.get('x-cache')).toBe('MISS')
  const second = await anon.get(`/api/agencies/${department.id}`)
  expect(second.headers.get('x-cache')).toBe('HIT')
  expect(second.body).toEqual(first.body)
  const etag = first.headers.get('etag')!
  expect(etag).toMatch(/^".+"$/)
  expect(first.headers.get('cache-control')).toContain('must-revalidate')
  const revalidated = await anon.get(`/api/agencies/${department.id}`, { 'If-None-Match': etag })
  expect(revalidated.status).toBe(304)
})

it('answers fresh content right after a change, and after a change on another instance (NOTIFY)', async () => {
  const { department } = await createAgencyTree(t)
  const admin = await createOfficer(t, { roles: ['system-admin'] })
  await settleNotices()
  const anon = api(t.baseUrl)
  await anon.get('/api/agencies?limit=100')
  expect((await anon.get('/api/agencies?limit=100')).headers.get('x-cache')).toBe('HIT')

  const renamed = await admin.api.patch(`/api/agencies/${department.id}`, { name: 'กรมที่เปลี่ยนชื่อแล้ว' })
  expect(renamed.status).toBe(200)
  const after = await anon.get('/api/agencies?limit=100')
  expect(after.headers.get('x-cache')).toBe('MISS')
  expect(after.body.docs.map((d: { name: string }) => d.name)).toContain('กรมที่เปลี่ยนชื่อแล้ว')

  // Another instance's change reaches this one only as a NOTIFY after its commit.
  await settleNotices()
  await anon.get('/api/agencies?limit=100')
  expect((await anon.get('/api/agencies?limit=100')).headers.get('x-cache')).toBe('HIT')
  await settleNotices()
  expect((await anon.get('/api/agencies?limit=100')).headers.get('x-cache')).toBe('MISS')
})

it('never caches or serves cached answers to a logged-in officer', async () => {
  const { department } = await createAgencyTree(t)
  const officer = await createOfficer(t, { roles: ['central-officer'], agency: department.id })
  await api(t.baseUrl).get(`/api/agencies/${department.id}`)
  const asOfficer = await officer.api.get(`/api/agencies/${department.id}`)
  expect(asOfficer.status).toBe(200)
  expect(asOfficer.headers.get('x-cache')).toBeNull()
})
