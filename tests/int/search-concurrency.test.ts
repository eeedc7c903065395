/**
 * The search index beside other work on the same database.
 *
 * Writes of searchable documents never wait for a second pool connection while their transaction
 * holds one: with a pool of 3 (Payload keeps one for good), twelve agencies created at once, then
 * renamed at once, all finish. Before, the search head was written on another connection, and as
 * many writes at once as free connections deadlocked the whole instance for good.
 *
 * An instance starting beside running ones does not wait for their searches: the search columns and
 * indexes are created only when the catalog lacks them (ALTER TABLE locks even when it has nothing to do).
 */
import pg from 'pg'

import { ensureSearchSchema } from '../../src/search/schema'
import { createAgencyTree } from '../helpers/fixtures'
import { startTestServer, type TestServer, workerDatabaseUrl } from '../helpers/server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
let t: TestServer

beforeAll(async () => {
  t = await startTestServer({ env: { DATABASE_POOL_MAX: '3' } })
})
afterAll(async () => {
  await t?.close()
})

/** The work, or a clear failure after `seconds` instead of a hang until jest's own time limit. */
async function within<T>(seconds: number, work: Promise<T>, stuckMessage: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(stuckMessage)), seconds * 1000)
  })
  try {
    return await Promise.race([work, stuck])
  } finally {
    clearTimeout(timer)
  }
}

const DEADLOCK = 'the concurrent writes were still waiting after 30 s: the pool is deadlocked'

it('runs with the small pool it was given', () => {
  expect(((t.payload.db as unknown as { pool: { options: { max: number } } }).pool.options.max)).toBe(3)
})

it('twelve searchable writes at once on a pool of 3 all finish, each indexed', async () => {
  const { ministry } = await createAgencyTree(t, 'พูลเล็ก')
  const made = await within(
    30,
    Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.payload.create({ collection: 'agencies', data: { name: `กรมพูลเล็ก ${i}`, kind: 'department', parent: ministry.id } as never, ...SYSTEM }),
      ),
    ),
    DEADLOCK,
  )
  expect(made).toHaveLength(12)
  const renamed = await within(
    30,
    Promise.all(made.map((a, i) => t.payload.update({ collection: 'agencies', id: a.id, data: { name: `กรมพูลเล็กใหม่ ${i}` } as never, ...SYSTEM }))),
    DEADLOCK,
  )
  expect(renamed.map((a) => a.name)).toEqual(made.map((_, i) => `กรมพูลเล็กใหม่ ${i}`))
  const indexed = await t.payload.find({
    collection: 'search' as never,
    where: { 'doc.value': { in: made.map((a) => a.id) } } as never,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  expect(indexed.docs.map((d) => (d as { title?: string }).title).sort()).toEqual(made.map((_, i) => `กรมพูลเล็กใหม่ ${i}`).sort())
})

it('a write rolled back after its search head was written leaves no head behind', async () => {
  const { ministry } = await createAgencyTree(t, 'ย้อนกลับ')
  const pool = (t.payload.db as unknown as { pool: { query: (q: string, v?: unknown[]) => Promise<{ rows: Array<{ n: number }> }> } }).pool
  const heads = async () => (await pool.query(`SELECT count(*)::int AS n FROM search_heads WHERE title = $1`, ['กรมที่ไม่ได้บันทึก'])).rows[0].n
  const req = await (await import('payload')).createLocalReq({}, t.payload)
  const transactionID = await t.payload.db.beginTransaction()
  req.transactionID = transactionID!
  await t.payload.create({ collection: 'agencies', data: { name: 'กรมที่ไม่ได้บันทึก', kind: 'department', parent: ministry.id } as never, req, ...SYSTEM })
  await t.payload.db.rollbackTransaction(transactionID!)
  expect(await heads()).toBe(0)
  expect((await t.payload.count({ collection: 'agencies', where: { name: { equals: 'กรมที่ไม่ได้บันทึก' } }, overrideAccess: true })).totalDocs).toBe(0)
})

describe('an instance starting beside a running one', () => {
  it('does not wait for a transaction that read the search tables, and still adds what is missing', async () => {
    const reader = new pg.Client({ connectionString: workerDatabaseUrl() })
    await reader.connect()
    try {
      // A running instance's search, still in its transaction: it holds a share lock on both tables.
      await reader.query('BEGIN')
      await reader.query('SELECT count(*) FROM search, search_heads')
      await within(10, ensureSearchSchema(t.payload), 'the start waited for the open search transaction (ALTER TABLE on tables already complete)')
      await reader.query('COMMIT')

      // A database that lacks one of the indexes gets it back.
      await reader.query('DROP INDEX search_tag_ids_trgm_idx')
      await ensureSearchSchema(t.payload)
      const { rows } = await reader.query(`SELECT to_regclass('search_tag_ids_trgm_idx') IS NOT NULL AS present`)
      expect(rows).toEqual([{ present: true }])
    } finally {
      await reader.query('ROLLBACK').catch(() => undefined)
      await reader.end()
    }
  })
})
