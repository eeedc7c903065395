/**
 * The site-search rows of what an import wrote. Batches go through the database adapter, so the
 * search hooks (src/search/plugin.ts) do not run for them; after the run, every manual and
 * service point whose row is missing, stale or no longer due (src/lib/import.ts
 * `staleSearchRows`) gets its row rebuilt as `refreshSearchRow` builds it, with the same
 * `buildSearchFields` (src/search/documents.ts), a few hundred documents per transaction. The
 * rows, and their heads as `ensureHead` writes them (kept if already there), go in as a few
 * multi-row inserts (./bulk.ts).
 *
 * `buildSearchFields` looks up, per document, its process, agency, category tags and the public
 * service points pinning it. Asked one by one that is four queries per document; here they are
 * loaded per chunk (or once) and answered from memory by a stand-in for `req.payload` that serves
 * exactly those look-ups (same arguments, same answers as the Local API's) and passes anything
 * else to Payload. `fallbacks` counts what it passed on (tests expect none). Two chunks are in
 * flight at a time.
 */
import { isDeepStrictEqual } from 'node:util'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { staleSearchRows } from '../lib/import'
import { buildSearchFields, isPublic } from '../search/documents'
import { SEARCH_HEADS_SLUG, SEARCH_SLUG } from '../search/schema'
import { BulkInsert } from './bulk'
import { IMPORT_CONTEXT, SYSTEM, type Doc, type Id } from './upsert'

type Indexed = 'manuals' | 'service-points'
type Pin = { id: Id; province: unknown }
const CHUNK = 250
/** Chunks in flight: one is computed while the other waits for PostgreSQL. */
const CONCURRENT_CHUNKS = 2
const ALL = { limit: 0, pagination: false } as const
const time = (v: unknown) => (v ? new Date(String(v)).getTime() : 0)
const idOf = (v: unknown): Id | null => (v && typeof v === 'object' ? ((v as Doc).id ?? null) : ((v as Id | null | undefined) ?? null))

export type SearchRefresh = { manuals: number; 'service-points': number; fallbacks: number }

/** Finds the documents whose search row needs rebuilding and rebuilds (or removes) those rows. */
export async function refreshImportedSearchRows(payload: Payload, onProgress?: (done: number, total: number) => void): Promise<SearchRefresh> {
  const { stale, pins } = await readState(payload)
  const total = stale.manuals.length + stale['service-points'].length
  const lookups = new SearchLookups(payload, pins)
  const chunks: Array<{ collection: Indexed; ids: Id[] }> = []
  for (const collection of ['manuals', 'service-points'] as const)
    for (let i = 0; i < stale[collection].length; i += CHUNK) chunks.push({ collection, ids: stale[collection].slice(i, i + CHUNK) })
  let done = 0
  onProgress?.(0, total)
  const work = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      await refreshChunk(payload, lookups, chunk.collection, chunk.ids)
      done += chunk.ids.length
      onProgress?.(done, total)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENT_CHUNKS }, work))
  return { manuals: stale.manuals.length, 'service-points': stale['service-points'].length, fallbacks: lookups.fallbacks }
}

/**
 * What the stale-row rule needs, read through the adapter (timestamps and references only), and
 * the public service points pinning each manual, in Payload's default order (newest first).
 */
async function readState(payload: Payload) {
  const [rows, manuals, processes, points] = await Promise.all([
    payload.db.find<Doc>({ collection: SEARCH_SLUG, select: { doc: true, updatedAt: true }, ...ALL }),
    payload.db.find<Doc>({ collection: 'manuals', select: { updatedAt: true, process: true, _status: true }, ...ALL }),
    payload.db.find<Doc>({ collection: 'processes', select: { updatedAt: true }, ...ALL }),
    payload.db.find<Doc>({ collection: 'service-points', select: { updatedAt: true, visible: true, status: true, province: true, manuals: true }, ...ALL }),
  ])
  const rowTimes = new Map<string, number>()
  for (const row of rows.docs) {
    const doc = row.doc as { relationTo?: string; value?: unknown } | undefined
    const key = `${doc?.relationTo}:${String(idOf(doc?.value))}`
    if (doc?.relationTo) rowTimes.set(key, Math.max(rowTimes.get(key) ?? 0, time(row.updatedAt)))
  }
  const pins = new Map<string, Pin[]>()
  const pointStates = points.docs.map((p) => {
    const pinned = ((p.manuals as unknown[]) ?? []).map(idOf).filter((id): id is Id => id !== null)
    const shown = isPublic('service-points', p)
    if (shown) for (const m of pinned) pins.set(String(m), [...(pins.get(String(m)) ?? []), { id: p.id, province: p.province }])
    return { id: p.id, updatedAt: time(p.updatedAt), public: shown, manuals: pinned }
  })
  const stale = staleSearchRows({
    rows: rowTimes,
    manuals: manuals.docs.map((m) => ({ id: m.id, updatedAt: time(m.updatedAt), process: idOf(m.process), published: isPublic('manuals', m) })),
    processes: new Map(processes.docs.map((p) => [String(p.id), time(p.updatedAt)])),
    points: pointStates,
  }) as { manuals: Id[]; 'service-points': Id[] }
  return { stale, pins }
}

/** One transaction: the chunk's old rows out, the public documents' new rows (and new heads) in. */
async function refreshChunk(payload: Payload, lookups: SearchLookups, collection: Indexed, ids: Id[]): Promise<void> {
  const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
  await initTransaction(req)
  try {
    // The published main documents, as refreshSearchRow reads each one, but straight from the
    // adapter: at depth 0 and as the system, the Local API's read hooks change nothing the row
    // uses (the equivalence test compares the rows), and the manuals' join is not needed.
    const { docs } = await payload.db.find<Doc>({ collection, where: { id: { in: ids } }, joins: false, ...ALL, req })
    const shown = (docs as Doc[]).filter((doc) => isPublic(collection, doc))
    const lookupReq = await lookups.request(collection, shown, req)
    const bulk = new BulkInsert(payload, req, Math.max(1, shown.length))
    const heads = new Map<string, Record<string, unknown>>()
    for (const doc of shown) {
      const { headText, ...fields } = await buildSearchFields(lookupReq, collection, doc)
      await bulk.create(SEARCH_SLUG as never, { ...fields, doc: { relationTo: collection, value: doc.id } })
      const { headKey, type, priority, title, tokensTitle, tokensTags } = fields
      heads.set(headKey, { headKey, type, priority, title, tokensTitle, tokensTags, headText })
    }
    // In key order: two chunks adding the same heads wait for each other in the same order.
    for (const key of [...heads.keys()].sort()) await bulk.create(SEARCH_HEADS_SLUG as never, heads.get(key)!, { ifAbsent: true })
    await payload.db.deleteMany({ collection: SEARCH_SLUG, where: { and: [{ 'doc.relationTo': { equals: collection } }, { 'doc.value': { in: ids } }] }, req })
    await bulk.flush()
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

type Args = Record<string, unknown> & { req?: unknown; collection?: string; id?: unknown; where?: unknown }

/** Answers buildSearchFields' look-ups from what was loaded (see the top of this file). */
class SearchLookups {
  fallbacks = 0
  private tags: Promise<Doc[]> | null = null
  private agencies: Promise<Map<string, Doc>> | null = null

  constructor(
    private readonly payload: Payload,
    /** Public service points pinning each manual, in Payload's order (`readState`). */
    private readonly pins: Map<string, Pin[]>,
  ) {}

  /**
   * The request buildSearchFields gets for a chunk: the same, with a stand-in as its `payload`
   * that knows the chunk's processes (and the tags, agencies and pins, loaded once).
   */
  async request(collection: Indexed, docs: Doc[], req: PayloadRequest): Promise<PayloadRequest> {
    const { payload } = this
    // Tags and agencies: few, and not changed by this last step of the import.
    this.tags ??= payload.find({ collection: 'tags', ...SYSTEM, ...ALL }).then((r) => r.docs as Doc[])
    this.agencies ??= payload.find({ collection: 'agencies', ...SYSTEM, ...ALL }).then((r) => new Map((r.docs as Doc[]).map((a) => [String(a.id), a])))
    const [tags, agencies] = await Promise.all([this.tags, this.agencies])
    const processes = new Map<string, Doc>()
    const processIds = collection === 'manuals' ? [...new Set(docs.map((d) => idOf(d.process)).filter((id): id is Id => id !== null))] : []
    if (processIds.length)
      for (const p of (await payload.find({ collection: 'processes', where: { id: { in: processIds } }, ...SYSTEM, ...ALL, req })).docs as Doc[]) processes.set(String(p.id), p)
    const findByID = (args: Args) => this.findByID(args, { processes, agencies })
    const find = (args: Args) => this.find(args, tags)
    const stand = Object.create(payload, { findByID: { value: findByID }, find: { value: find } })
    return Object.create(req, { payload: { value: stand } })
  }

  private async findByID(args: Args, known: Record<string, Map<string, Doc>>) {
    const { req: _req, ...rest } = args
    const doc = known[String(rest.collection)]?.get(String(rest.id))
    if (doc && isDeepStrictEqual(rest, { collection: rest.collection, id: rest.id, ...SYSTEM, disableErrors: true })) return doc
    this.fallbacks += 1
    return this.payload.findByID(args as never)
  }

  private async find(args: Args, tags: Doc[]) {
    const { req: _req, ...rest } = args
    const page = (docs: unknown[]) => ({ docs, totalDocs: docs.length, limit: 0, page: 1, totalPages: 1, pagingCounter: 1, hasPrevPage: false, hasNextPage: false, prevPage: null, nextPage: null })
    const ids = (rest.where as { id?: { in?: unknown } } | undefined)?.id?.in
    if (Array.isArray(ids) && isDeepStrictEqual(rest, { collection: 'tags', where: { id: { in: ids } }, ...ALL, ...SYSTEM })) {
      const wanted = new Set(ids.map(String))
      return page(tags.filter((t) => wanted.has(String(t.id))))
    }
    const manual = (rest.where as { and?: Array<{ manuals?: { contains?: unknown } }> } | undefined)?.and?.[0]?.manuals?.contains
    const expected = {
      collection: 'service-points',
      where: { and: [{ manuals: { contains: manual } }, { visible: { equals: true } }, { status: { equals: 'active' } }] },
      select: { province: true },
      ...ALL,
      ...SYSTEM,
    }
    if (manual !== undefined && isDeepStrictEqual(rest, expected)) return page(this.pins.get(String(manual)) ?? [])
    this.fallbacks += 1
    return this.payload.find(args as never)
  }
}
