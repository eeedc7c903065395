/**
 * Access matrix: every collection × create / read / update / delete × role × own agency / other
 * agency, over REST. Each cell says whether the request is allowed (2xx) or refused (4xx).
 * "own" is department A, where every officer below works; "other" is department B.
 */
import { completeManualData, createAgencyTree, createDraftManual, createProcess, createServicePoint } from '../helpers/fixtures'
import { createOfficer, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server'

const ACTORS = ['anonymous', 'unbound', 'central', 'point', 'author', 'reviewer', 'opdc', 'admin'] as const
type Actor = (typeof ACTORS)[number]
type Side = 'own' | 'other'
type Op = 'create' | 'read' | 'update' | 'delete'
/** One row per operation: for each actor (in ACTORS order) "own other", Y allowed, N refused. */
type Table = Record<Op, string>

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
let t: TestServer
let n = 0
const world = {} as {
  agency: Record<Side, number>
  ministry: Record<Side, number>
  point: Record<Side, number>
  process: Record<Side, number>
  tokens: Partial<Record<Actor, string>>
}

type Spec = {
  slug: string
  /** A document of the agency on that side, made by the system. */
  make: (side: Side) => Promise<number>
  createBody: (side: Side) => Promise<Record<string, unknown> | FormData>
  updateBody: Record<string, unknown>
  query?: string
  table: Table
  /** Undo what a create did that would stop the next create (one code per role). */
  beforeCreate?: (side: Side) => Promise<void>
}

const png = () =>
  new Blob([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')], { type: 'image/png' })

const SPECS: Spec[] = [
  {
    slug: 'agencies',
    make: async (side) => (await t.payload.create({ collection: 'agencies', data: { name: `หน่วยย่อย ${++n}`, kind: 'department', parent: world.agency[side] }, ...SYSTEM })).id as number,
    createBody: async (side) => ({ name: `กรมใหม่ ${++n}`, kind: 'department', parent: world.ministry[side] }),
    updateBody: { phone: '02-123-4567' },
    table: {
      //       anon  unbound central point author reviewer opdc admin
      create: 'NN NN NN NN NN NN NN YY',
      read: '  YY YY YY YY YY YY YY YY',
      update: 'NN NN YN NN NN NN NN YY',
      delete: 'NN NN NN NN NN NN NN YY',
    },
  },
  {
    slug: 'service-points',
    // Hidden points: what citizens may not see makes the read cells meaningful.
    make: async (side) => (await createServicePoint(t, world.agency[side], { visible: false })).id as number,
    createBody: async (side) => ({ name: `จุดใหม่ ${++n}`, agency: world.agency[side], province: 'เชียงใหม่' }),
    updateBody: { phone: '053-000-000' },
    table: {
      create: 'NN NN YN NN NN NN NN YY',
      read: '  NN NN YN YN YN YN YY YY',
      update: 'NN NN YN YN NN NN NN YY',
      delete: 'NN NN YN NN NN NN NN YY',
    },
  },
  {
    slug: 'tags',
    make: async (side) => (await t.payload.create({ collection: 'tags', data: { name: `ป้าย ${++n}`, type: 'tag', agency: world.agency[side] }, ...SYSTEM })).id as number,
    createBody: async (side) => ({ name: `ป้ายใหม่ ${++n}`, type: 'tag', agency: world.agency[side] }),
    updateBody: { nameEn: 'Tag' },
    table: {
      // An agency's own tags belong to it; OPDC keeps the main catalog (tested below).
      create: 'NN NN YN NN YN YN NN YY',
      read: '  YY YY YY YY YY YY YY YY',
      update: 'NN NN YN NN YN YN NN YY',
      delete: 'NN NN YN NN YN YN NN YY',
    },
  },
  {
    slug: 'processes',
    make: async (side) => (await createProcess(t, world.agency[side])).id as number,
    createBody: async (side) => ({ name: `กระบวนงานใหม่ ${++n}`, agency: world.agency[side] }),
    updateBody: { commonNames: ['ชื่อเรียก'] },
    table: {
      create: 'NN NN YN NN YN YN NN YY',
      read: '  YY YY YY YY YY YY YY YY',
      update: 'NN NN YN NN YN YN NN YY',
      delete: 'NN NN YN NN NN NN NN YY',
    },
  },
  {
    slug: 'manuals',
    // Drafts: the published revision is public, the revision in progress is the agency's.
    make: async (side) => (await createDraftManual(t, world.process[side], world.agency[side])).id as number,
    createBody: async (side) => completeManualData(world.process[side], world.agency[side]),
    updateBody: { remarks: 'แก้ไขหมายเหตุ' },
    query: '?draft=true',
    table: {
      create: 'NN NN YN NN YN NN NN YY',
      read: '  NN NN YN YN YN YN YY YY',
      update: 'NN NN YN NN YN YN NN YY',
      delete: 'NN NN YN NN NN NN NN YY',
    },
  },
  {
    slug: 'other-services',
    make: async (side) =>
      (await t.payload.create({ collection: 'other-services', data: { title: `บริการ ${++n}`, agency: world.agency[side], description: 'รายละเอียด', _status: 'draft' } as never, draft: true, ...SYSTEM })).id as number,
    createBody: async (side) => ({ title: `บริการใหม่ ${++n}`, agency: world.agency[side], description: 'รายละเอียดบริการ' }),
    updateBody: { contact: '1111' },
    query: '?draft=true',
    table: {
      create: 'NN NN YN NN YN YN NN YY',
      read: '  NN NN YN YN YN YN YY YY',
      update: 'NN NN YN NN YN YN NN YY',
      delete: 'NN NN YN NN NN NN NN YY',
    },
  },
  {
    slug: 'media',
    make: async (side) =>
      (await t.payload.create({
        collection: 'media',
        data: { alt: 'แบบฟอร์ม', agency: world.agency[side] },
        file: { data: Buffer.from(await png().arrayBuffer()), mimetype: 'image/png', name: `form-${++n}.png`, size: 68 },
        ...SYSTEM,
      })).id as number,
    createBody: async (side) => {
      const form = new FormData()
      form.append('file', png(), `upload-${++n}.png`)
      form.append('_payload', JSON.stringify({ alt: 'แบบฟอร์ม', agency: world.agency[side] }))
      return form
    },
    updateBody: { alt: 'คำอธิบายใหม่' },
    table: {
      create: 'NN NN YN NN YN YN NN YY',
      read: '  YY YY YY YY YY YY YY YY',
      update: 'NN NN YN NN YN YN NN YY',
      delete: 'NN NN YN NN YN NN NN YY',
    },
  },
  {
    slug: 'users',
    make: async (side) =>
      (await t.payload.create({ collection: 'users', data: { email: `user${++n}@matrix.test`, password: TEST_PASSWORD, roles: ['manual-author'], agency: world.agency[side] }, ...SYSTEM })).id as number,
    createBody: async (side) => ({ email: `new${++n}@matrix.test`, password: TEST_PASSWORD, name: 'ใหม่', roles: ['manual-author'], agency: world.agency[side] }),
    updateBody: { name: 'ชื่อใหม่' },
    table: {
      create: 'NN NN NN NN NN NN NN YY',
      read: '  NN NN YN NN NN NN NN YY',
      update: 'NN NN YN NN NN NN NN YY',
      delete: 'NN NN NN NN NN NN NN YY',
    },
  },
  {
    slug: 'role-tokens',
    make: async (side) => {
      await t.payload.delete({ collection: 'role-tokens', where: { agency: { equals: world.agency[side] }, role: { equals: 'manual-author' } }, ...SYSTEM })
      return (await t.payload.create({ collection: 'role-tokens', data: { agency: world.agency[side], role: 'manual-author' } as never, ...SYSTEM })).id as number
    },
    beforeCreate: async (side) => {
      await t.payload.delete({ collection: 'role-tokens', where: { agency: { equals: world.agency[side] }, role: { equals: 'manual-reviewer' } }, ...SYSTEM })
    },
    createBody: async (side) => ({ agency: world.agency[side], role: 'manual-reviewer' }),
    updateBody: {},
    table: {
      // Every agency and service point has its rows from the start: a system admin only puts back
      // a missing one; codes change through Refresh only, rows go only with their agency or point.
      create: 'NN NN NN NN NN NN NN YY',
      read: '  NN NN YN NN NN NN NN YY',
      update: 'NN NN NN NN NN NN NN NN',
      delete: 'NN NN NN NN NN NN NN NN',
    },
  },
  {
    slug: 'audit-logs',
    make: async (side) => (await t.payload.create({ collection: 'audit-logs', data: { action: 'login', agency: world.agency[side], ip: '10.0.0.1' } as never, ...SYSTEM })).id as number,
    createBody: async (side) => ({ action: 'login', agency: world.agency[side] }),
    updateBody: { ip: '10.9.9.9' },
    table: {
      create: 'NN NN NN NN NN NN NN NN',
      read: '  NN NN YN NN NN NN NN YY',
      update: 'NN NN NN NN NN NN NN NN',
      delete: 'NN NN NN NN NN NN NN NN',
    },
  },
]

function expected(table: Table, op: Op, actor: Actor, side: Side): boolean {
  const pairs = table[op].trim().split(/\s+/)
  if (pairs.length !== ACTORS.length) throw new Error(`table row ${op} has ${pairs.length} cells`)
  return pairs[ACTORS.indexOf(actor)][side === 'own' ? 0 : 1] === 'Y'
}

async function send(actor: Actor, method: string, path: string, body?: Record<string, unknown> | FormData) {
  const headers: Record<string, string> = {}
  const token = world.tokens[actor]
  if (token) headers.Authorization = `JWT ${token}`
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const res = await fetch(`${t.baseUrl}${path}`, { method, headers, body: payload })
  const text = await res.text()
  return { status: res.status, text }
}

beforeAll(async () => {
  t = await startTestServer()
  const a = await createAgencyTree(t, 'เมทริกซ์ก')
  const b = await createAgencyTree(t, 'เมทริกซ์ข')
  world.agency = { own: a.department.id as number, other: b.department.id as number }
  world.ministry = { own: a.ministry.id as number, other: b.ministry.id as number }
  world.point = { own: (await createServicePoint(t, world.agency.own)).id as number, other: (await createServicePoint(t, world.agency.other)).id as number }
  world.process = { own: (await createProcess(t, world.agency.own)).id as number, other: (await createProcess(t, world.agency.other)).id as number }
  const own = world.agency.own
  world.tokens = {
    unbound: (await createOfficer(t, { roles: [] })).token,
    central: (await createOfficer(t, { roles: ['central-officer'], agency: own })).token,
    point: (await createOfficer(t, { roles: ['service-point-officer'], agency: own, servicePoint: world.point.own })).token,
    author: (await createOfficer(t, { roles: ['manual-author'], agency: own })).token,
    reviewer: (await createOfficer(t, { roles: ['manual-reviewer'], agency: own })).token,
    opdc: (await createOfficer(t, { roles: ['opdc-officer'] })).token,
    admin: (await createOfficer(t, { roles: ['system-admin'] })).token,
  }
})
afterAll(async () => {
  await t?.close()
})

const outcome = (status: number): 'allow' | 'deny' | 'error' =>
  status >= 200 && status < 300 ? 'allow' : [400, 401, 403, 404].includes(status) ? 'deny' : 'error'

describe.each(SPECS)('$slug', (spec) => {
  // Every cell is checked and the mismatches reported together, so one run shows the whole difference.
  it.each(['create', 'read', 'update', 'delete'] as Op[])('%s', async (op) => {
    const mismatches: string[] = []
    for (const side of ['own', 'other'] as Side[]) {
      // The service-point officer's "own" service point is theirs; other docs are fresh.
      const shared = op === 'read' || op === 'update' ? await spec.make(side) : null
      for (const actor of ACTORS) {
        let res: { status: number; text: string }
        const q = spec.query ?? ''
        if (op === 'create') {
          await spec.beforeCreate?.(side)
          res = await send(actor, 'POST', `/api/${spec.slug}${q}`, await spec.createBody(side))
        } else if (op === 'read') {
          const id = spec.slug === 'service-points' && actor === 'point' ? world.point[side] : shared
          if (spec.slug === 'service-points' && actor === 'point') await t.payload.update({ collection: 'service-points', id: id!, data: { visible: false }, ...SYSTEM })
          res = await send(actor, 'GET', `/api/${spec.slug}/${id}${q}`)
        } else if (op === 'update') {
          const id = spec.slug === 'service-points' && actor === 'point' ? world.point[side] : shared
          res = await send(actor, 'PATCH', `/api/${spec.slug}/${id}${q}`, spec.updateBody)
        } else {
          const id = await spec.make(side)
          res = await send(actor, 'DELETE', `/api/${spec.slug}/${id}`)
          // A refused delete must leave the document there.
          const still = await t.payload.count({ collection: spec.slug as never, where: { id: { equals: id } }, overrideAccess: true })
          if (outcome(res.status) === 'deny' && still.totalDocs !== 1) mismatches.push(`${actor}/${side}: refused but deleted`)
        }
        const want = expected(spec.table, op, actor, side) ? 'allow' : 'deny'
        const got = outcome(res.status)
        if (got !== want) mismatches.push(`${actor}/${side}: expected ${want}, got ${res.status} ${res.text.slice(0, 160)}`)
      }
    }
    expect(mismatches).toEqual([])
  })
})

it('leaves the main tag catalog to OPDC and system admins', async () => {
  for (const actor of ACTORS) {
    const created = await send(actor, 'POST', '/api/tags', { name: `หมวด ${++n}`, type: 'service-category' })
    const want = actor === 'opdc' || actor === 'admin'
    expect([actor, outcome(created.status)]).toEqual([actor, want ? 'allow' : 'deny'])
    const existing = await t.payload.create({ collection: 'tags', data: { name: `กลุ่ม ${++n}`, type: 'user-group' }, ...SYSTEM })
    const edited = await send(actor, 'PATCH', `/api/tags/${existing.id}`, { nameEn: 'Group' })
    expect([actor, outcome(edited.status)]).toEqual([actor, want ? 'allow' : 'deny'])
  }
})
