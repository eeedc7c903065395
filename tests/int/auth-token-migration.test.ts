/**
 * The migration that gives an older database its role tokens (src/migrations/*_role_token_rows):
 * agencies and service points that existed before it get exactly their rows, the rows already
 * there keep their codes, and running it again changes nothing.
 */
import { up } from '../../src/migrations/20261203_074008_role_token_rows'
import { hashRoleTokenCode, encryptRoleTokenCode } from '../../src/lib/roleTokenCode'
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { createOfficer, startTestServer, type TestServer } from '../helpers/server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
let t: TestServer
const pool = () => (t.payload.db as any).pool as { query: (q: string, p?: unknown[]) => Promise<{ rows: any[] }> }

beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t?.close()
})

const runUp = () => up({ db: (t.payload.db as any).drizzle, payload: t.payload, req: {} as never })

async function slots() {
  const { rows } = await pool().query(`SELECT slot, role, agency_id, service_point_id FROM role_tokens ORDER BY slot`)
  return rows
}

it('creates the rows of agencies and points made before it, keeps existing codes, and does nothing the second time', async () => {
  const a = await createAgencyTree(t, 'ก่อนย้าย')
  const b = await createAgencyTree(t, 'ก่อนย้ายข')
  const lg = await t.payload.create({ collection: 'agencies', data: { name: 'อบต.ทดสอบ', kind: 'local-government', parent: a.ministry.id }, ...SYSTEM })
  const p1 = await createServicePoint(t, a.department.id)
  const p2 = await createServicePoint(t, lg.id)

  // The database as it was before the migration: no slot column, no automatic rows, and one
  // token a central officer had made by hand (its code already handed out).
  await pool().query('DELETE FROM role_tokens')
  await pool().query('ALTER TABLE role_tokens DROP COLUMN slot')
  const handedOut = 'ABCD-EFGH-JKMN-PQRS'
  const secret = t.payload.secret
  await pool().query(
    `INSERT INTO role_tokens (role, agency_id, code_hash, code_cipher, expires_at) VALUES ('manual-author', $1, $2, $3, now() + interval '3 days')`,
    [a.department.id, hashRoleTokenCode(handedOut, secret), encryptRoleTokenCode(handedOut, secret)],
  )

  await runUp()
  const after = await slots()
  const expected = [
    ...[a.department.id, b.department.id, lg.id].flatMap((id) => ['central-officer', 'manual-author', 'manual-reviewer'].map((role) => `agency:${id}:${role}`)),
    `service-point:${p1.id}`,
    `service-point:${p2.id}`,
  ].sort()
  expect(after.map((r) => r.slot).sort()).toEqual(expected)
  // Ministries hold none; every service point's row sits in its agency.
  expect(after.filter((r) => [a.ministry.id, b.ministry.id].includes(r.agency_id))).toEqual([])
  expect(after.find((r) => r.slot === `service-point:${p2.id}`)).toMatchObject({ agency_id: lg.id, service_point_id: p2.id, role: 'service-point-officer' })
  // The unique slot is back: the database itself refuses a second row.
  await expect(pool().query(`INSERT INTO role_tokens (slot, role, agency_id) VALUES ($1, 'manual-reviewer', $2)`, [`agency:${lg.id}:manual-reviewer`, lg.id])).rejects.toThrow(/unique/)

  await runUp()
  expect(await slots()).toEqual(after)

  // The code made before the migration still works, and the new rows' codes are readable.
  const officer = await createOfficer(t, { roles: [] })
  expect((await officer.api.post('/api/users/redeem-token', { token: handedOut })).status).toBe(200)
  const central = await createOfficer(t, { roles: ['central-officer'], agency: a.department.id })
  const list = await central.api.get('/api/role-tokens?limit=50&depth=0')
  expect(list.body.docs.map((d: { role: string }) => d.role).sort()).toEqual(['manual-author', 'manual-reviewer', 'service-point-officer'])
  expect(list.body.docs.every((d: { code: string }) => /^[2-9A-Z]{4}-/.test(d.code))).toBe(true)
})
