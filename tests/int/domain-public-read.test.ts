/**
 * What an anonymous client can and cannot read (../shared/API.md), by id, by list and through
 * relationships and joins of other documents; lean lists; indexes; nearby search; OpenAPI.
 */
import pg from 'pg'
import { Validator } from '@seriousme/openapi-schema-validator'
import Ajv2020 from 'ajv/dist/2020'

import { haversineKm } from '../../src/lib/nearby'
import { createAgencyTree, createDraftManual, createOtherService, createProcess, createPublishedManual, createPublishedManualInReview, createServicePoint } from '../helpers/fixtures'
import { api, startTestServer, workerDatabaseUrl, type TestServer } from '../helpers/server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
let t: TestServer
let anon: ReturnType<typeof api>
let world: Awaited<ReturnType<typeof buildWorld>>

async function buildWorld() {
  const { ministry, department } = await createAgencyTree(t, 'อ่าน')
  const process = await createProcess(t, department.id)
  const published = await createPublishedManual(t, process.id, department.id, { title: 'คู่มือเผยแพร่แล้ว' })
  const draft = await createDraftManual(t, process.id, department.id, { title: 'คู่มือร่าง' })
  // A published manual with a newer revision in review: citizens keep seeing the published one.
  const inReview = await createPublishedManualInReview(t, process.id, department.id)
  const pins = { manuals: [published.id, draft.id, inReview.id] }
  const open = await createServicePoint(t, department.id, {
    name: 'จุดเปิด',
    location: { lat: 18.7883, lng: 98.9853 },
    ...pins,
    pinDetails: [
      { manual: published.id, hours: 'จันทร์-ศุกร์ 08:30-16:30', feeNote: 'ไม่มีค่าธรรมเนียม' },
      { manual: draft.id, phone: '053-000-000' },
    ],
  })
  const hidden = await createServicePoint(t, department.id, { name: 'จุดซ่อน', visible: false, location: { lat: 18.79, lng: 98.99 }, ...pins })
  const closed = await createServicePoint(t, department.id, { name: 'จุดปิด', status: 'closed', location: { lat: 18.789, lng: 98.986 }, ...pins })
  const near = await createServicePoint(t, department.id, { name: 'จุดใกล้', location: { lat: 18.80, lng: 99.0 } })
  const far = await createServicePoint(t, department.id, { name: 'จุดไกล (ลำพูน)', province: 'ลำพูน', location: { lat: 18.5745, lng: 99.0087 } })
  const bangkok = await createServicePoint(t, department.id, { name: 'จุดกรุงเทพฯ', province: 'กรุงเทพมหานคร', location: { lat: 13.7307, lng: 100.5236 } })
  const child = await createServicePoint(t, department.id, { name: 'จุดย่อยของจุดซ่อน', parent: hidden.id })
  const otherPublished = await createOtherService(t, department.id, { title: 'บริการอื่นที่เผยแพร่', published: true })
  const otherDraft = await createOtherService(t, department.id, { title: 'บริการอื่นฉบับร่าง', description: 'ร่าง', published: false })
  return { ministry, department, process, published, draft, inReview, open, hidden, closed, near, far, bangkok, child, otherPublished, otherDraft }
}

beforeAll(async () => {
  t = await startTestServer()
  anon = api(t.baseUrl)
  world = await buildWorld()
})
afterAll(async () => {
  await t?.close()
})

let officers = 0
/** An officer as the Local API sees them (access still enforced with overrideAccess: false). */
async function officer(roles: string[], agency?: number | string) {
  const user = await t.payload.create({
    collection: 'users',
    data: { email: `domain-read-${++officers}@test.info.go.th`, password: 'test-password-1234', name: 'เจ้าหน้าที่', roles, agency } as never,
    ...SYSTEM,
  })
  return { ...user, collection: 'users' } as any
}

const ids = (docs: Array<{ id: unknown }>) => docs.map((d) => d.id)

describe('manuals', () => {
  it('lists only published revisions and hides a draft by id', async () => {
    const list = await anon.get('/api/manuals?limit=100&depth=0')
    expect(list.status).toBe(200)
    expect(ids(list.body.docs)).toEqual(expect.arrayContaining([world.published.id, world.inReview.id]))
    expect(ids(list.body.docs)).not.toContain(world.draft.id)
    expect(list.body.docs.every((d: any) => d.workflowState === 'published')).toBe(true)
    expect((await anon.get(`/api/manuals/${world.draft.id}`)).status).toBe(404)
    expect((await anon.get(`/api/manuals/${world.draft.id}?draft=true`)).status).toBe(404)
  })

  it('shows the published revision, never the one in review, even when asking for drafts', async () => {
    for (const query of ['', '?draft=true']) {
      const res = await anon.get(`/api/manuals/${world.inReview.id}${query}`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ title: 'ฉบับเผยแพร่ (รอบก่อน)', workflowState: 'published', revision: 1 })
    }
    const list = await anon.get(`/api/manuals?draft=true&where[id][equals]=${world.inReview.id}`)
    expect(list.body.docs.map((d: any) => d.title)).toEqual(['ฉบับเผยแพร่ (รอบก่อน)'])
    const search = await anon.get(`/api/manuals?where[title][like]=${encodeURIComponent('ระหว่างตรวจ')}&draft=true`)
    expect(search.body.docs).toEqual([])
  })

  it('gives anonymous readers no version history (drafts live there)', async () => {
    const versions = await anon.get('/api/manuals/versions?limit=100')
    const leaked = (versions.body?.docs ?? []).filter((v: any) => v.version?._status !== 'published')
    expect(leaked).toEqual([])
    expect(versions.status).toBe(403)
    // The same rules hold for the Local API when access is enforced (GraphQL uses the same access functions).
    const local = await t.payload.find({ collection: 'manuals', draft: true, limit: 100, overrideAccess: false, user: null })
    const titles = local.docs.map((d) => d.title)
    expect(titles).toEqual(expect.arrayContaining(['คู่มือเผยแพร่แล้ว', 'ฉบับเผยแพร่ (รอบก่อน)']))
    expect(titles).not.toContain('คู่มือร่าง')
    expect(titles).not.toContain('ฉบับแก้ไขระหว่างตรวจ')
  })

  it("joins only public service points into a manual's servicePoints", async () => {
    const res = await anon.get(`/api/manuals/${world.published.id}?depth=1`)
    expect(res.status).toBe(200)
    const joined = res.body.servicePoints.docs
    expect(ids(joined)).toEqual([world.open.id])
    expect(joined[0]).toMatchObject({ name: 'จุดเปิด', visible: true, status: 'active' })
    // A system admin sees all three points that pin it.
    const all = await t.payload.findByID({ collection: 'manuals', id: world.published.id, depth: 0, overrideAccess: false, user: await officer(['system-admin']) })
    expect(new Set((all.servicePoints as any).docs)).toEqual(new Set([world.open.id, world.hidden.id, world.closed.id]))
  })

  it('keeps citizen lists lean: no rich-text body and no join unless selected, full document by id', async () => {
    const list = await anon.get('/api/manuals?limit=5')
    const doc = list.body.docs.find((d: any) => d.id === world.published.id)
    expect(doc.conditions).toBeUndefined()
    expect(doc.servicePoints).toBeUndefined()
    expect(doc.steps[0].title).toBe('ตรวจสอบเอกสาร')
    // Relations come populated with the related collection's defaultPopulate only.
    expect(Object.keys(doc.process).sort()).toEqual(['agency', 'commonNames', 'id', 'name'])
    const selected = await anon.get(`/api/manuals?limit=5&select[title]=true&select[conditions]=true`)
    expect(selected.body.docs[0].conditions.root).toBeDefined()
    const one = await anon.get(`/api/manuals/${world.published.id}`)
    expect(one.body.conditions.root.children.length).toBeGreaterThan(0)
  })
})

describe('service points', () => {
  it('lists only visible, active points and hides hidden or closed ones by id', async () => {
    const list = await anon.get('/api/service-points?limit=100&depth=0')
    const listed = ids(list.body.docs)
    expect(listed).toEqual(expect.arrayContaining([world.open.id, world.near.id, world.far.id, world.child.id]))
    expect(listed).not.toContain(world.hidden.id)
    expect(listed).not.toContain(world.closed.id)
    expect((await anon.get(`/api/service-points/${world.hidden.id}`)).status).toBe(404)
    expect((await anon.get(`/api/service-points/${world.closed.id}`)).status).toBe(404)
    expect((await anon.get(`/api/service-points?where[visible][equals]=false`)).body.docs).toEqual([])
  })

  it('does not reveal a hidden parent through a child point', async () => {
    const res = await anon.get(`/api/service-points/${world.child.id}?depth=1`)
    expect(res.status).toBe(200)
    // Payload leaves an unreadable relation as its bare id, never the document.
    expect(res.body.parent).toBe(world.hidden.id)
  })

  it('pins only readable manuals: drafts and their per-location details are left out', async () => {
    const res = await anon.get(`/api/service-points/${world.open.id}?depth=0`)
    expect(res.body.manuals).toEqual([world.published.id, world.inReview.id])
    expect(res.body.pinDetails.map((d: any) => d.manual)).toEqual([world.published.id])
    const deep = await anon.get(`/api/service-points/${world.open.id}?depth=1`)
    expect(deep.body.manuals.map((m: any) => [m.id, m.title])).toEqual([
      [world.published.id, 'คู่มือเผยแพร่แล้ว'],
      [world.inReview.id, 'ฉบับเผยแพร่ (รอบก่อน)'],
    ])
    expect(deep.body.pinDetails[0].manual).toMatchObject({ id: world.published.id, workflowState: 'published' })
    const list = await anon.get(`/api/service-points?where[id][equals]=${world.open.id}&depth=0`)
    expect(list.body.docs[0].manuals).not.toContain(world.draft.id)
    // The agency's own author still sees the draft pinned.
    const author = await officer(['manual-author'], world.department.id)
    const own = await t.payload.findByID({ collection: 'service-points', id: world.open.id, depth: 0, overrideAccess: false, user: author })
    expect(own.manuals).toContain(world.draft.id)
    expect(own.pinDetails).toHaveLength(2)
  })
})

describe('other services, catalogue and people', () => {
  it('shows only published other services', async () => {
    const list = await anon.get('/api/other-services?limit=100')
    expect(ids(list.body.docs)).toEqual([world.otherPublished.id])
    expect((await anon.get(`/api/other-services/${world.otherDraft.id}`)).status).toBe(404)
  })

  it('lets anyone read agencies, tags and processes', async () => {
    const tag = await t.payload.create({ collection: 'tags', data: { name: 'ทะเบียนราษฎร', type: 'service-category' }, ...SYSTEM })
    expect((await anon.get(`/api/agencies/${world.department.id}`)).body.name).toBe(world.department.name)
    expect((await anon.get(`/api/tags/${tag.id}`)).body.type).toBe('service-category')
    expect((await anon.get(`/api/processes/${world.process.id}`)).body.name).toBe(world.process.name)
  })

  it('gives anonymous readers nothing of users or role tokens', async () => {
    await officer(['central-officer'], world.department.id)
    const users = await anon.get('/api/users')
    expect(users.status === 403 || (users.status === 200 && users.body.docs.length === 0)).toBe(true)
    if (t.payload.collections['role-tokens']) {
      const tokens = await anon.get('/api/role-tokens')
      expect(tokens.status === 403 || (tokens.status === 200 && tokens.body.docs.length === 0)).toBe(true)
    }
  })
})

describe('indexes', () => {
  it('exist in PostgreSQL for the common public filters', async () => {
    const client = new pg.Client({ connectionString: workerDatabaseUrl() })
    await client.connect()
    try {
      const { rows } = await client.query<{ tablename: string; indexdef: string }>(
        "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'",
      )
      const indexed = (table: string, column: string) =>
        rows.some((r) => r.tablename === table && new RegExp(`\\(\\s*"?${column}"?\\s*\\)`).test(r.indexdef))
      const wanted: Array<[string, string]> = [
        ['service_points', 'agency_id'],
        ['service_points', 'province'],
        ['service_points', 'visible'],
        ['service_points', 'status'],
        ['service_points_rels', 'manuals_id'],
        ['manuals', 'agency_id'],
        ['manuals', 'process_id'],
        ['processes', 'agency_id'],
        ['processes_rels', 'tags_id'],
        ['agencies', 'province'],
        ['other_services', 'agency_id'],
        ['tags', 'type'],
      ]
      expect(wanted.filter(([table, column]) => !indexed(table, column))).toEqual([])
    } finally {
      await client.end()
    }
  })
})

describe('nearby', () => {
  const centre = { lat: 18.7883, lng: 98.9853 }
  it('returns public points within the radius, nearest first, with their distance', async () => {
    const res = await anon.get(`/api/service-points/nearby?lat=${centre.lat}&lng=${centre.lng}&radiusKm=50`)
    expect(res.status).toBe(200)
    expect(ids(res.body.docs)).toEqual([world.open.id, world.near.id, world.far.id])
    const expected = haversineKm(centre, { lat: 18.5745, lng: 99.0087 })
    expect(Math.abs(res.body.docs[2].distanceKm - expected)).toBeLessThan(0.5)
    expect(res.body.docs[0].distanceKm).toBeLessThan(0.01)
    // Same read rules as any read: the draft pinned here is not listed.
    expect(res.body.docs[0].manuals.map((m: any) => m.id ?? m)).not.toContain(world.draft.id)
  })

  it('narrows to the radius and honours limit', async () => {
    const small = await anon.get(`/api/service-points/nearby?lat=${centre.lat}&lng=${centre.lng}&radiusKm=5`)
    expect(ids(small.body.docs)).toEqual([world.open.id, world.near.id])
    const one = await anon.get(`/api/service-points/nearby?lat=13.75&lng=100.5&radiusKm=200&limit=1`)
    expect(ids(one.body.docs)).toEqual([world.bangkok.id])
  })

  it('answers 400 with field paths for bad coordinates', async () => {
    const res = await anon.get('/api/service-points/nearby?lat=120&lng=98.9&radiusKm=0')
    expect(res.status).toBe(400)
    const paths = res.body.errors[0].data.errors.map((e: any) => e.path)
    expect(paths).toEqual(['lat', 'radiusKm'])
    expect(res.body.errors[0].data.errors[0].message).toMatch(/ละติจูด.*\(lat must be within Thailand/)
  })
})

describe('openapi.json', () => {
  it('describes the public collections with their filters, generated from the configs', async () => {
    const res = await anon.get('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = res.body
    expect(doc.openapi).toBe('3.1.0')
    for (const slug of ['agencies', 'service-points', 'tags', 'processes', 'manuals', 'other-services']) {
      expect(doc.paths[`/api/${slug}`]?.get).toBeDefined()
      expect(doc.paths[`/api/${slug}/{id}`]?.get).toBeDefined()
    }
    // Nothing of users for anonymous readers (their writes are listed for officers only).
    expect(doc.paths['/api/users']?.get).toBeUndefined()
    expect(doc.paths['/api/users'].post.security).toEqual([{ payloadToken: [] }, { jwt: [] }])
    const list = doc.paths['/api/service-points'].get
    expect(list.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['where', 'limit', 'page', 'sort', 'depth', 'select']))
    expect(list['x-public-filter']).toEqual({ and: [{ visible: { equals: true } }, { status: { equals: 'active' } }] })
    expect(doc.paths['/api/manuals'].get['x-public-filter']).toEqual({ _status: { equals: 'published' } })
    const filterable = list.parameters.find((p: any) => p.name === 'where')['x-filterable-fields']
    expect(filterable).toEqual(expect.arrayContaining(['province', 'visible', 'location.lat', 'openingHours.day', 'manuals']))
    // Every field of the config, e.g. the manual's steps and their units.
    const manual = doc.components.schemas.Manuals.properties
    expect(manual.steps.items.properties.durationUnit.enum).toEqual(['minutes', 'hours', 'days'])
    expect(manual.servicePoints.properties.docs).toBeDefined()
    expect(doc.paths['/api/service-points/nearby'].get.parameters.map((p: any) => p.name)).toEqual(['lat', 'lng', 'radiusKm', 'limit', 'depth'])
    expect(doc.paths['/api/health']?.get).toBeDefined()
  })

  it('is valid OpenAPI 3.1 and lists the public rating write and the officer endpoints with their bodies', async () => {
    const doc = (await anon.get('/api/openapi.json')).body
    const checked = await new Validator().validate(doc)
    expect({ valid: checked.valid, errors: checked.errors }).toEqual({ valid: true, errors: undefined })

    // The citizen's rating: public (no security), JSON and the rating page's form, its answers.
    const rate = doc.paths['/api/survey-responses'].post
    expect(rate.security).toBeUndefined()
    expect(Object.keys(rate.responses)).toEqual(expect.arrayContaining(['201', '200', '400', '429']))
    const body = rate.requestBody.content['application/json'].schema
    expect(body.required).toEqual(['servicePoint', 'answers'])
    expect(body.properties.answers.items.properties.score).toEqual({ type: 'integer', minimum: 1, maximum: 5 })
    expect(rate.requestBody.content['application/x-www-form-urlencoded'].schema.patternProperties).toBeDefined()
    // The schema takes a rating the intake accepts and refuses one it refuses.
    const ajv = new Ajv2020({ strict: false })
    const components = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', '#/$defs/'))
    const rating = ajv.compile({ ...components(body), $defs: components(doc.components.schemas) })
    expect(rating({ servicePoint: 3, answers: [{ question: 'overall', score: 5 }], comment: 'ดีมาก' })).toBe(true)
    expect(rating({ servicePoint: 3, answers: [{ question: 'overall', score: 6 }] })).toBe(false)
    expect(rating({ servicePoint: 3, answers: 'five' })).toBe(false)

    // Officer endpoints: security (the payload-token cookie or Authorization: JWT), bodies from the code's own rules.
    expect(doc.components.securitySchemes.payloadToken).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'payload-token' })
    expect(doc.components.securitySchemes.jwt).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' })
    const officer = [{ payloadToken: [] }, { jwt: [] }]
    const workflow = doc.paths['/api/manuals/{id}/workflow'].post
    expect(workflow.security).toEqual(officer)
    const workflowBody = workflow.requestBody.content['application/json'].schema
    expect(workflowBody.properties.action.enum).toEqual(['submit', 'approve', 'reject', 'new-revision'])
    expect(workflowBody.allOf[0]).toEqual({ if: { properties: { action: { enum: ['reject'] } }, required: ['action'] }, then: { required: ['comment'] } })
    expect(doc.paths['/api/other-services/{id}/workflow'].post.requestBody.content['application/json'].schema.properties.action.enum).toEqual(['publish', 'unpublish'])
    const redeem = doc.paths['/api/users/redeem-token'].post
    expect(redeem.security).toEqual(officer)
    expect(redeem.requestBody.content['application/json'].schema.required).toEqual(['token'])
    expect(Object.keys(redeem.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '409', '429']))
    for (const [path, method] of [
      ['/api/role-tokens/{id}/refresh', 'post'],
      ['/api/users/{id}/remove-from-agency', 'post'],
      ['/api/licence-reports/rollup', 'get'],
      ['/api/licence-reports/export', 'get'],
      ['/api/licence-reports/due', 'get'],
      ['/api/delay-notices/export', 'get'],
      ['/api/reports/satisfaction/export', 'get'],
    ]) {
      expect({ path, security: doc.paths[path]?.[method]?.security }).toEqual({ path, security: officer })
    }
    expect(doc.paths['/api/licence-reports/rollup'].get.parameters.find((p: any) => p.name === 'year')).toMatchObject({ required: true })
    expect(doc.paths['/api/delay-notices/track'].get.security).toBeUndefined()

    // Officer writes of the collections, bodies generated from the fields: ids for relationships,
    // the system's read-only fields left out, nobody's writes (audit log) not listed.
    const unlock = doc.paths['/api/licence-unlock-requests'].post
    expect(unlock.security).toEqual(officer)
    expect(unlock.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/LicenceUnlockRequestsInput' })
    expect(doc.paths['/api/licence-reports/{id}'].patch.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/LicenceReportsPatch' })
    const manualInput = doc.components.schemas.ManualsInput
    expect(manualInput.required).toEqual(expect.arrayContaining(['title', 'process', 'agency', 'steps']))
    expect(manualInput.properties.process).toMatchObject({ $ref: '#/components/schemas/Id' })
    expect(manualInput.properties.complaintChannels.items.properties).toHaveProperty('channel')
    expect(manualInput.properties.workflowState).toBeUndefined()
    expect(manualInput.properties.servicePoints).toBeUndefined()
    expect(doc.components.schemas.ManualsPatch.required).toBeUndefined()
    expect(doc.paths['/api/audit-logs']?.post).toBeUndefined()
    expect(doc.paths['/api/manual-transitions']?.post).toBeUndefined()
  })
})
