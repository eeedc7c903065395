/**
 * Writes of searchable documents never wait for a second pool connection while their transaction
 * holds one: with a pool of 3 (Payload keeps one for good), twelve agencies created at once, then
 * renamed at once, all finish. Before, the search head was written on another connection, and as
 * many writes at once as free connections deadlocked the whole instance for good.
 */
import { createAgencyTree } from '../helpers/fixtures'
import { startTestServer, type TestServer } from '../helpers/server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
let t: TestServer

beforeAll(async () => {
  t = await startTestServer({ env: { DATABASE_POOL_MAX: '3' } })
})
afterAll(async () => {
  await t?.close()
})

/** The writes, or a clear failure after 30 s instead of a hang until jest's own time limit. */
async function withinThirtySeconds<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the concurrent writes were still waiting after 30 s: the pool is deadlocked')), 30_000)
  })
  try {
    return await Promise.race([work, stuck])
  } finally {
    clearTimeout(timer)
  }
}

it('runs with the small pool it was given', () => {
  expect(((t.payload.db as unknown as { pool: { options: { max: number } } }).pool.options.max)).toBe(3)
})

it('twelve searchable writes at once on a pool of 3 all finish, each indexed', async () => {
  const { ministry } = await createAgencyTree(t, 'พูลเล็ก')
  const made = await withinThirtySeconds(
    Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.payload.create({ collection: 'agencies', data: { name: `กรมพูลเล็ก ${i}`, kind: 'department', parent: ministry.id } as never, ...SYSTEM }),
      ),
    ),
  )
  expect(made).toHaveLength(12)
  const renamed = await withinThirtySeconds(
    Promise.all(made.map((a, i) => t.payload.update({ collection: 'agencies', id: a.id, data: { name: `กรมพูลเล็กใหม่ ${i}` } as never, ...SYSTEM }))),
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
