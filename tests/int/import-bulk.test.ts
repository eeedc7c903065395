/**
 * The import's batches write through Payload's database adapter (multi-row inserts), its retries
 * through the Local API with every hook. Both must leave the same data: the samples are
 * imported row by row through the Local API (batch size 1), the search index rebuilt by the
 * existing reindex, and what Payload reads back is kept; then the database is emptied, the same
 * files imported in batches, and everything read back compared. The same again for a later
 * export that changes documents. Then the admin workflow takes a batch-imported manual through a
 * new revision.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { createLocalReq, type Payload } from 'payload'

import { runImport } from '../../src/import/run'
import { reindexAll } from '../../src/search/documents'
import { api, createOfficer, resetDatabase, startTestServer, type TestServer } from '../helpers/server'

const SAMPLES = path.resolve('samples/import')
const FILES = ['agencies.csv', 'manuals.csv', 'manuals.json', 'service-points.csv'].map((f) => path.join(SAMPLES, f))
const ALL = { overrideAccess: true, depth: 0, limit: 0, pagination: false } as const

let t: TestServer
let tmp: string
let CHANGED: string[]
beforeAll(async () => {
  t = await startTestServer()
  // A later export: two manuals changed (a fee, a revision, a category), a point now pinning one
  // more manual and another hidden (its pinned manuals' search rows lose its province).
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infogo-import-bulk-'))
  const read = (file: string) => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(SAMPLES, file), 'utf8'), { header: true, skipEmptyLines: true }).data
  const manuals = read('manuals.csv')
  Object.assign(manuals.find((r) => r.legacyId === 'MAN-20001')!, { fees: 'ค่าธรรมเนียมใบอนุญาตก่อสร้าง|40', revision: '4' })
  Object.assign(manuals.find((r) => r.legacyId === 'MAN-10002')!, { categories: 'ทะเบียนราษฎร|บัตรประจำตัว', revision: '3' })
  const points = read('service-points.csv')
  Object.assign(points.find((r) => r.legacyId === 'SP-00002')!, { manualLegacyIds: 'MAN-10001|MAN-10002|MAN-10003', phone: '02 143 8701' })
  Object.assign(points.find((r) => r.legacyId === 'SP-00003')!, { visible: 'false' })
  CHANGED = [path.join(tmp, 'manuals.csv'), path.join(tmp, 'service-points.csv')]
  fs.writeFileSync(CHANGED[0], Papa.unparse(manuals))
  fs.writeFileSync(CHANGED[1], Papa.unparse(points))
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

type Doc = Record<string, any>

/**
 * Everything the import writes, as Payload's Local API reads it, with ids replaced by what they
 * stand for (legacyIds, tag names) and timestamps and array row ids left out, so two imports
 * into emptied databases compare equal when they wrote the same.
 */
async function snapshot(payload: Payload) {
  const read = async (collection: string) => (await payload.find({ collection: collection as never, ...ALL })).docs as Doc[]
  const [agencies, processes, tags, manuals, points, search, heads] = await Promise.all(
    ['agencies', 'processes', 'tags', 'manuals', 'service-points', 'search', 'search-heads'].map(read),
  )
  const names = new Map<string, string>()
  const name = (collection: string, id: unknown) => (id === null || id === undefined ? id : (names.get(`${collection}:${id}`) ?? `?${collection}:${id}`))
  for (const [collection, docs] of [['agencies', agencies], ['processes', processes], ['manuals', manuals], ['service-points', points]] as const)
    for (const d of docs) names.set(`${collection}:${d.id}`, d.legacyId)
  for (const d of tags) names.set(`tags:${d.id}`, `${d.type}/${d.name}`)
  const clean = (value: any): any => {
    if (Array.isArray(value)) return value.map(clean)
    if (!value || typeof value !== 'object') return value
    const out: Doc = {}
    for (const [k, v] of Object.entries(value)) if (!['id', 'createdAt', 'updatedAt'].includes(k)) out[k] = clean(v)
    return out
  }
  const byKey = (docs: Doc[], key: (d: Doc) => string) => Object.fromEntries(docs.map((d) => [key(d), d]).sort(([a], [b]) => a.localeCompare(b)))

  const versions = (await payload.findVersions({ collection: 'manuals', ...ALL })).docs as Doc[]
  const versionsOf = (id: unknown) =>
    versions
      .filter((v) => String(v.parent) === String(id))
      .map((v) => ({ latest: v.latest, autosave: v.autosave, version: manualShape(v.version) }))
  function manualShape(m: Doc) {
    return clean({ ...m, process: name('processes', m.process), agency: name('agencies', m.agency), servicePoints: undefined })
  }
  return {
    agencies: byKey(
      agencies.map((a) => clean({ ...a, parent: name('agencies', a.parent), breadcrumbs: a.breadcrumbs?.map((b: Doc) => ({ ...b, doc: name('agencies', b.doc) })) })),
      (a) => a.legacyId,
    ),
    tags: tags.map((tag) => `${tag.type}/${tag.name}`).sort(),
    processes: byKey(
      processes.map((p) => clean({ ...p, agency: name('agencies', p.agency), tags: p.tags.map((id: number) => name('tags', id)) })),
      (p) => p.legacyId,
    ),
    manuals: byKey(
      manuals.map((m) => ({
        ...manualShape(m),
        servicePoints: m.servicePoints.docs.map((id: number) => name('service-points', id)).sort(),
        versions: versionsOf(m.id),
      })),
      (m) => m.legacyId,
    ),
    points: byKey(
      points.map((p) => clean({ ...p, agency: name('agencies', p.agency), parent: name('service-points', p.parent), manuals: p.manuals.map((id: number) => name('manuals', id)) })),
      (p) => p.legacyId,
    ),
    search: byKey(
      search.map((s) => {
        const collection = s.doc.relationTo
        return clean({
          ...s,
          doc: `${collection}:${name(collection, s.doc.value)}`,
          docId: name(collection, s.docId),
          agency: name('agencies', s.agency),
          tagIds: s.tagIds.split('|').filter(Boolean).map((id: string) => name('tags', id)),
          // Points created in the same millisecond list in either order: compare the set.
          provinces: s.provinces.split('|').filter(Boolean).sort(),
        })
      }),
      (s) => s.doc,
    ),
    // Heads no row uses any more are left behind by the search hooks too (the full reindex
    // removes them): compared are the heads in use.
    heads: byKey(heads.filter((h) => search.some((s) => s.headKey === h.headKey)).map(clean), (h) => h.headKey),
  }
}

it('imports in batches through the adapter exactly what the Local API writes row by row', async () => {
  const byDocument = await runImport(t.payload, { files: FILES, batchSize: 1 })
  expect(byDocument.totals).toEqual({ rows: 16, created: 16, updated: 0, unchanged: 0, skipped: 0, failed: 0 })
  // The reference index: the hooks' rows, then the existing full reindex over them.
  await reindexAll(t.payload, await createLocalReq({ context: { systemWrite: true } }, t.payload))
  const expected = await snapshot(t.payload)

  await resetDatabase()
  const inBatches = await runImport(t.payload, { files: FILES })
  expect(inBatches.totals).toEqual(byDocument.totals)
  // Every batch went in whole (none redone row by row), and every search look-up was answered
  // from what was loaded for the chunk.
  expect(inBatches.retriedBatches).toBe(0)
  expect(inBatches.search).toEqual({ manuals: 5, 'service-points': 5, fallbacks: 0 })
  const actual = await snapshot(t.payload)
  // The points went in around their hooks: the run gave each its service-point officer token.
  const tokens = await (t.payload.db as any).pool.query(
    `SELECT (SELECT count(*) FROM service_points)::int AS points, (SELECT count(DISTINCT service_point_id) FROM role_tokens WHERE role = 'service-point-officer')::int AS tokens`,
  )
  expect(tokens.rows[0].points).toBeGreaterThan(0)
  expect(tokens.rows[0].tokens).toBe(tokens.rows[0].points)

  expect(actual.manuals['MAN-10001'].versions).toEqual([expect.objectContaining({ latest: true, version: expect.objectContaining({ _status: 'published', revision: 2 }) })])
  expect(Object.keys(actual.search)).toHaveLength(5 + 5 + 5)
  expect(actual).toEqual(expected)

  // The public read model was rebuilt: its anonymous answers are Payload's own.
  expect(Object.keys(inBatches.snapshots ?? {})).toEqual(expect.arrayContaining(['agencies', 'service-points', 'processes', 'manuals']))
  const manual = await t.payload.find({ collection: 'manuals', where: { legacyId: { equals: 'MAN-10001' } }, ...ALL })
  for (const url of [`/api/manuals/${manual.docs[0].id}?depth=0`, `/api/service-points?where[province][equals]=${encodeURIComponent('เชียงใหม่')}&depth=0`]) {
    const fast = await fetch(`${t.baseUrl}${url}`)
    expect(fast.headers.get('x-cache')).toBe('SNAPSHOT')
    process.env.PUBLIC_SNAPSHOTS = 'off'
    t.server.publicCache.invalidate()
    const slow = await fetch(`${t.baseUrl}${url}`).finally(() => delete process.env.PUBLIC_SNAPSHOTS)
    expect(await fast.text()).toBe(await slow.text())
  }

  // Nothing left to do: a rerun writes nothing and finds every search row current.
  const rerun = await runImport(t.payload, { files: FILES })
  expect(rerun.totals.unchanged).toBe(16)
  expect(rerun.search).toEqual({ manuals: 0, 'service-points': 0, fallbacks: 0 })
  expect(rerun.snapshots).toBeUndefined()
})

it('updates changed documents through the adapter as the Local API does: new versions, pins, search rows', async () => {
  await resetDatabase()
  await runImport(t.payload, { files: FILES, batchSize: 1 })
  const byDocument = await runImport(t.payload, { files: CHANGED, batchSize: 1 })
  await reindexAll(t.payload, await createLocalReq({ context: { systemWrite: true } }, t.payload))
  const expected = await snapshot(t.payload)

  await resetDatabase()
  await runImport(t.payload, { files: FILES })
  const inBatches = await runImport(t.payload, { files: CHANGED })
  expect(inBatches.totals).toEqual(byDocument.totals)
  expect(inBatches.totals).toEqual(expect.objectContaining({ updated: 4, unchanged: 5, failed: 0 }))
  expect(inBatches.retriedBatches).toBe(0)
  // The changed manuals and the manuals pinned by the changed points; the changed points.
  expect(inBatches.search).toEqual({ manuals: 4, 'service-points': 2, fallbacks: 0 })
  const actual = await snapshot(t.payload)
  // Newest first: the imported revision 4 over the earlier import's 3.
  expect(actual.manuals['MAN-20001'].versions.map((v: Doc) => [v.latest, v.version.revision])).toEqual([
    [true, 4],
    [false, 3],
  ])
  expect(actual.search['service-points:SP-00003']).toBeUndefined()
  expect(actual).toEqual(expected)
})

it('moves a service point’s officer token with the point when a later export gives it another agency, with a new code', async () => {
  const pool = (t.payload.db as any).pool
  const tokenOf = async (legacyId: string) =>
    (
      await pool.query(
        `SELECT t.agency_id, t.code_hash, sp.agency_id AS point_agency FROM role_tokens t JOIN service_points sp ON sp.id = t.service_point_id WHERE sp.legacy_id = $1`,
        [legacyId],
      )
    ).rows[0]
  const before = await tokenOf('SP-00001')
  expect(before.agency_id).toBe(before.point_agency)
  // The earlier system moved the point to another department (its pins go with the old one).
  const points = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(SAMPLES, 'service-points.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
  Object.assign(points.find((r) => r.legacyId === 'SP-00001')!, { agencyLegacyId: 'ORG-0202', manualLegacyIds: '' })
  const moved = path.join(tmp, 'moved-point.csv')
  fs.writeFileSync(moved, Papa.unparse(points))
  const run = await runImport(t.payload, { files: [moved] })
  expect(run.totals).toEqual(expect.objectContaining({ failed: 0, updated: expect.any(Number) }))
  const after = await tokenOf('SP-00001')
  const fda = await t.payload.find({ collection: 'agencies', where: { legacyId: { equals: 'ORG-0202' } }, ...ALL })
  expect(after.point_agency).toBe(fda.docs[0].id)
  // The token follows the point, and the code the old department's officers could copy is dead.
  expect(after.agency_id).toBe(after.point_agency)
  expect(after.code_hash).not.toBe(before.code_hash)
})

it('takes a batch-imported manual through a new revision to publication', async () => {
  const { docs } = await t.payload.find({ collection: 'manuals', where: { legacyId: { equals: 'MAN-10001' } }, ...ALL })
  const manual = docs[0] as Doc
  const author = await createOfficer(t, { roles: ['manual-author'], agency: manual.agency })
  const reviewer = await createOfficer(t, { roles: ['manual-reviewer'], agency: manual.agency })
  const opdc = await createOfficer(t, { roles: ['opdc-officer'] })
  const move = (who: typeof author, action: string) => who.api.post(`/api/manuals/${manual.id}/workflow`, { action })

  expect((await author.api.get(`/api/manuals/${manual.id}/workflow`)).body.actions.map((a: Doc) => a.action)).toEqual(['new-revision'])
  expect((await move(author, 'new-revision')).body).toMatchObject({ workflowState: 'draft', revision: 3 })
  expect((await author.api.patch(`/api/manuals/${manual.id}?draft=true`, { title: 'การแจ้งเกิด (ปรับปรุง)' })).status).toBe(200)
  // Citizens still read the imported revision.
  expect((await api(t.baseUrl).get(`/api/manuals/${manual.id}`)).body).toMatchObject({ title: manual.title, revision: 2 })
  expect((await move(author, 'submit')).status).toBe(200)
  expect((await move(reviewer, 'approve')).status).toBe(200)
  expect((await move(opdc, 'approve')).body).toMatchObject({ workflowState: 'published', revision: 3, title: 'การแจ้งเกิด (ปรับปรุง)' })

  // The history: the imported revision 2, superseded, then the officers' revision 3.
  const versions = await reviewer.api.get(`/api/manuals/versions?where[parent][equals]=${manual.id}&sort=createdAt&limit=50&depth=0`)
  const history = versions.body.docs.map((v: Doc) => [v.version.revision, v.version.workflowState, v.version._status])
  expect(history[0]).toEqual([2, 'superseded', 'published'])
  expect(history.at(-1)).toEqual([3, 'published', 'published'])
  // The search row follows the published revision.
  const search = await api(t.baseUrl).get(`/api/site-search?q=${encodeURIComponent('การแจ้งเกิด ปรับปรุง')}`)
  expect(search.status).toBe(200)
  expect(JSON.stringify(search.body)).toContain('การแจ้งเกิด (ปรับปรุง)')
})
