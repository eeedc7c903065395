import { sql } from '@payloadcms/db-postgres'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { Payload, PayloadRequest, Where } from 'payload'

import {
  collectRefs,
  etagOf,
  type FieldLike,
  filterKeysOf,
  isAnonymousHeaders,
  joinFields,
  listBody,
  paginationEnvelope,
  parsePublicRead,
  populatedView,
  type PublicRead,
  type ReadSpec,
  relationshipPaths,
  shapeFingerprint,
  SNAPSHOT_DEPTH1,
  SNAPSHOT_LIST_FILTERS,
} from '../lib/publicQuery'
import { payloadCorsHeaders } from '../services/cors'
import { PUBLIC_CONTENT_COLLECTIONS } from '../services/publicContent'

/**
 * Public snapshots: a read model of what anonymous clients get from Payload's REST API, so that an
 * uncached public read costs one indexed PostgreSQL query instead of Payload's pipeline.
 *
 * - One row per public document (PUBLIC_CONTENT_COLLECTIONS) in infogo_runtime.public_snapshots:
 *   `body` is the exact JSON of `GET /api/<collection>/<id>?depth=0` for an anonymous client,
 *   joins included: manuals list the visible service points pinning them, as Payload does by
 *   default (`joins=false` changes nothing there: Payload's REST parser reads the bare string as
 *   no join option; `joins[servicePoints]=false` is not served). `list_body` is the same document
 *   as it appears in a list when that differs (manuals' lists leave out `conditions` and the join),
 *   `refs` the documents the answer names. Both bodies are computed by Payload's Local API as an
 *   anonymous user. public_snapshot_keys holds one row per (document, list it belongs to: the
 *   collection's, and each whitelisted filter value, src/lib/publicQuery.ts) in Payload's order.
 * - Writing: every create, update and delete of a public document recomputes its row inside the
 *   writing transaction (src/plugins/publicContentChanged.ts), so it commits or rolls back with
 *   the write. Answers that depend on another document are recomputed with it: a service point's
 *   pinned manuals and pin details show only published manuals, a manual's `servicePoints` join
 *   lists only visible, active points, and a deleted document disappears from every answer
 *   naming it (foreign keys set null / cascade). Each recomputed row is locked first, so two
 *   writers touching one answer take turns and the second reads what the first committed.
 * - Depth 1 (SNAPSHOT_DEPTH1: manuals): `body1` is the exact `?depth=1` answer (process, agency and
 *   form files populated with their defaultPopulate fields, the join's points populated), computed
 *   the same way; `refs1` names every document it shows and what those name. A write that changes
 *   what depth-1 answers show of a document (its defaultPopulate view, readability, or deletion;
 *   any change of a non-public one such as a form file) recomputes the bodies naming it in the
 *   writing transaction, up to PUBLIC_SNAPSHOTS_DEPTH1_INLINE (50) of them; past that (an agency
 *   or process with thousands of manuals: about 2.5 ms each) they are set null (stale) there, and
 *   a stale body's first read goes to Payload and queues its refresh (a background transaction).
 * - Completeness: lists (and by-id reads) are answered only for collections whose rows were
 *   rebuilt (`rebuildPublicSnapshots`, `npm run public:rebuild`) with the running code's field
 *   fingerprint (infogo_runtime.public_snapshot_state). TRUNCATE of a public table clears both
 *   tables (a trigger), and a deploy that changes a collection's fields rebuilds it on start.
 * - Reading (`createPublicSnapshots(...).middleware`): only exact shapes (`parsePublicRead`);
 *   everything else, officers, and documents without a row fall through to the cache and Payload.
 */

export const SNAPSHOT_SCHEMA = 'infogo_runtime'
const TABLE = `"${SNAPSHOT_SCHEMA}"."public_snapshots"`
const STATE = `"${SNAPSHOT_SCHEMA}"."public_snapshot_state"`
const KEYS = `"${SNAPSHOT_SCHEMA}"."public_snapshot_keys"`
/** Bump when read-time logic changes in a way the field fingerprint cannot see (hooks, access). */
const FORMAT = 2
/** pg_advisory locks of this module (first key), as in src/services/jobsLeader.ts's style. */
const LOCK_DDL = 0x1f05_0001
const LOCK_REBUILD = 0x1f05_0002

/**
 * A batched `find` with no `select` gets the citizen list defaults (src/hooks/citizenReads.ts:
 * no rich text, no join). An explicit select that leaves out only a UI field (nothing stored)
 * gives the by-id answer byte for byte.
 */
const BY_ID_SELECT: Record<string, Record<string, false>> = { manuals: { workflowTimeline: false } }

type Row = Record<string, unknown>
type Exec = (text: string, values?: unknown[]) => Promise<{ rows: Row[] }>
type Pool = {
  query: (text: string | { name: string; text: string; values: unknown[] }, values?: unknown[]) => Promise<{ rows: Row[] }>
  connect: () => Promise<{ query: (text: string, values?: unknown[]) => Promise<{ rows: Row[] }>; release: () => void }>
}
type TransactionID = string | number

const poolOf = (payload: Payload): Pool => {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool) throw new Error('public snapshots need the PostgreSQL adapter (payload.db.pool)')
  return pool
}

/** Runs SQL in the Payload transaction `transactionID` (its drizzle session), else on the pool. */
function execIn(payload: Payload, transactionID?: TransactionID): Exec {
  const adapter = payload.db as unknown as { sessions?: Record<string, { db: { execute: (q: unknown) => Promise<{ rows: Row[] }> } }> }
  const db = transactionID !== undefined ? adapter.sessions?.[String(transactionID)]?.db : undefined
  if (!db) {
    const pool = poolOf(payload)
    return (text, values) => pool.query(text, values)
  }
  return (text, values = []) => {
    // `$n` placeholders become drizzle params (scalars only: arrays travel as JSON text).
    const parts = text.split(/\$(\d+)/)
    const chunks = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`))
    return db.execute(sql.join(chunks, sql.raw('')))
  }
}

const json = (value: unknown) => JSON.stringify(value)
const ID_LIST = (n: number) => `ARRAY(SELECT x::bigint FROM json_array_elements_text($${n}::json) x)`

// ---------------------------------------------------------------------------------------------
// Tables

const tablesReady = new WeakMap<object, Promise<void>>()

/** Creates the schema and tables once per pool (idempotent; DDL serialised across instances). */
export function ensurePublicSnapshotTables(payload: Payload): Promise<void> {
  const pool = poolOf(payload)
  let ready = tablesReady.get(pool)
  if (!ready) {
    ready = (async () => {
      const { rows } = await pool.query(
        `SELECT to_regclass('${SNAPSHOT_SCHEMA}.public_snapshot_keys') IS NOT NULL AND EXISTS (SELECT 1 FROM information_schema.columns
           WHERE table_schema = '${SNAPSHOT_SCHEMA}' AND table_name = 'public_snapshots' AND column_name = 'refs1') AS ok`,
      )
      if (rows[0]?.ok) return
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query(`SELECT pg_advisory_xact_lock(${LOCK_DDL})`)
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${SNAPSHOT_SCHEMA}"`)
        await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
          collection text NOT NULL,
          id bigint NOT NULL,
          created_at timestamptz(3),
          body text,
          list_body text,
          keys text[] NOT NULL DEFAULT '{}',
          refs text[] NOT NULL DEFAULT '{}',
          PRIMARY KEY (collection, id))`)
        // body and created_at are null only in a row a writer has just locked (never committed so).
        await client.query(`CREATE INDEX IF NOT EXISTS public_snapshots_refs ON ${TABLE} USING gin (refs)`)
        // Depth-1 bodies (SNAPSHOT_DEPTH1): null while stale (then Payload answers), and every
        // document they show, populated ones' own references included.
        await client.query(`ALTER TABLE ${TABLE} ADD COLUMN IF NOT EXISTS body1 text`)
        await client.query(`ALTER TABLE ${TABLE} ADD COLUMN IF NOT EXISTS refs1 text[] NOT NULL DEFAULT '{}'`)
        await client.query(`CREATE INDEX IF NOT EXISTS public_snapshots_refs1 ON ${TABLE} USING gin (refs1)`)
        // One row per (document, list it belongs to): a list's count and page are index scans of
        // one key in Payload's default order, then ten bodies by primary key.
        await client.query(`CREATE TABLE IF NOT EXISTS ${KEYS} (
          key text NOT NULL,
          created_at timestamptz(3) NOT NULL,
          id bigint NOT NULL,
          collection text NOT NULL,
          FOREIGN KEY (collection, id) REFERENCES ${TABLE} (collection, id) ON DELETE CASCADE)`)
        await client.query(`CREATE INDEX IF NOT EXISTS public_snapshot_keys_order ON ${KEYS} (key, created_at DESC, id DESC)`)
        await client.query(`CREATE INDEX IF NOT EXISTS public_snapshot_keys_doc ON ${KEYS} (collection, id)`)
        // Left by the first layout (keys as a GIN-indexed array): the key table replaces them.
        await client.query(`DROP INDEX IF EXISTS "${SNAPSHOT_SCHEMA}".public_snapshots_keys`)
        await client.query(`DROP INDEX IF EXISTS "${SNAPSHOT_SCHEMA}".public_snapshots_order`)
        await client.query(`CREATE TABLE IF NOT EXISTS ${STATE} (
          collection text PRIMARY KEY, fingerprint text NOT NULL, docs integer NOT NULL, seconds numeric NOT NULL,
          rebuilt_at timestamptz NOT NULL DEFAULT now())`)
        await client.query(`CREATE OR REPLACE FUNCTION "${SNAPSHOT_SCHEMA}".public_snapshots_truncated() RETURNS trigger LANGUAGE plpgsql AS $f$
          BEGIN
            DELETE FROM ${KEYS};
            DELETE FROM ${TABLE};
            DELETE FROM ${STATE};
            RETURN NULL;
          END $f$`)
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        tablesReady.delete(pool)
        throw err
      } finally {
        client.release()
      }
    })()
    tablesReady.set(pool, ready)
  }
  return ready
}

/**
 * A TRUNCATE of a public collection's table (tests' reset, bench:data) clears every snapshot and
 * every completeness mark: rows keyed by ids that are about to be reused must not survive it.
 * Created only where missing, at server start or rebuild, never from a writing hook (creating a
 * trigger waits for the writers of that table).
 */
async function ensureTruncateTriggers(payload: Payload): Promise<void> {
  await ensurePublicSnapshotTables(payload)
  const pool = poolOf(payload)
  const schema = (payload.db as unknown as { schemaName?: string }).schemaName || 'public'
  for (const slug of PUBLIC_CONTENT_COLLECTIONS) {
    const config = payload.collections[slug]?.config as { dbName?: string } | undefined
    if (!config) continue
    const table = config.dbName ?? slug.replace(/-/g, '_')
    const { rows } = await pool.query(
      `SELECT to_regclass($1) AS rel, EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'infogo_public_snapshots_truncate' AND tgrelid = to_regclass($1)) AS has`,
      [`"${schema}"."${table}"`],
    )
    if (!rows[0]?.rel || rows[0]?.has) continue
    await pool
      .query(
        `CREATE TRIGGER infogo_public_snapshots_truncate AFTER TRUNCATE ON "${schema}"."${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${SNAPSHOT_SCHEMA}".public_snapshots_truncated()`,
      )
      .catch((err: Error & { code?: string }) => {
        // Two instances starting together: the loser sees duplicate_object.
        if (err.code !== '42710') payload.logger.warn(`public snapshots: no truncate trigger on ${table}: ${err.message}`)
      })
  }
}

// ---------------------------------------------------------------------------------------------
// What the running code serves

const fingerprints = new WeakMap<object, Record<string, string>>()

/** The field fingerprint of each public collection (what stored rows must match to be served). */
export function snapshotFingerprints(payload: Payload): Record<string, string> {
  let out = fingerprints.get(payload.config)
  if (!out) {
    out = {}
    for (const slug of PUBLIC_CONTENT_COLLECTIONS) {
      const config = payload.collections[slug]?.config
      if (!config) continue
      const hooks = config.hooks ?? {}
      const collectionLevel = {
        defaultSort: config.defaultSort ?? null,
        drafts: Boolean(config.versions && typeof config.versions === 'object' && config.versions.drafts),
        hooks: Object.fromEntries(['beforeOperation', 'beforeRead', 'afterRead'].map((k) => [k, (hooks as Record<string, unknown[]>)[k]?.length ?? 0])),
        byIdSelect: BY_ID_SELECT[slug] ?? null,
        filters: SNAPSHOT_LIST_FILTERS[slug] ?? null,
        // A depth-1 body also shows the documents it populates, in their collections' shapes.
        populates: SNAPSHOT_DEPTH1.includes(slug)
          ? populatedCollections(payload, slug).map((other) => {
              const c = payload.collections[other as never]?.config
              return [other, c?.defaultPopulate ?? null, c ? shapeFingerprint(c.fields as unknown as FieldLike[], null, FORMAT) : null]
            })
          : null,
      }
      out[slug] = shapeFingerprint(config.fields as unknown as FieldLike[], collectionLevel, FORMAT)
    }
    fingerprints.set(payload.config, out)
  }
  return out
}

/** The collections a document of `slug` populates at depth 1 (relationships, uploads, joins). */
function populatedCollections(payload: Payload, slug: string): string[] {
  const fields = (payload.collections[slug as never]?.config.fields ?? []) as unknown as FieldLike[]
  const out = new Set([...relationshipPaths(fields).flatMap((p) => p.relationTo), ...joinFields(fields).map((j) => j.collection)])
  return [...out].sort()
}

const fieldsOf = (payload: Payload) => (slug: string) => payload.collections[slug as never]?.config.fields as unknown as FieldLike[] | undefined

function readSpecs(payload: Payload): Record<string, ReadSpec> {
  const specs: Record<string, ReadSpec> = {}
  for (const slug of PUBLIC_CONTENT_COLLECTIONS) {
    const config = payload.collections[slug]?.config
    if (!config) continue
    const filters: ReadSpec['filters'] = {}
    for (const [field, kind] of Object.entries(SNAPSHOT_LIST_FILTERS[slug] ?? {})) {
      const def = config.flattenedFields.find((f) => 'name' in f && f.name === field) as FieldLike | undefined
      if (!def) continue
      filters[field] = {
        kind,
        options: kind === 'select' ? (def.options ?? []).map((o) => (typeof o === 'string' ? o : o.value)) : undefined,
      }
    }
    specs[slug] = { lists: !config.defaultSort, filters, depth1: SNAPSHOT_DEPTH1.includes(slug) }
  }
  return specs
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A Local API request as an anonymous client inside transaction `transactionID`. */
const anonymous = (transactionID?: TransactionID) =>
  ({ transactionID, context: {} }) as unknown as PayloadRequest

type Dependents = Map<string, Set<number>>

/**
 * At most this many depth-1 bodies naming one changed document are recomputed in the writing
 * transaction; beyond it (an agency or process naming thousands of manuals) they are marked stale
 * there and refreshed later (the next read of each, or a rebuild). Measured cost: docs/performance.md.
 */
const depth1Inline = () => Number(process.env.PUBLIC_SNAPSHOTS_DEPTH1_INLINE || 50)

/** The depth-1 bodies of public documents `ids` as Payload gives them to an anonymous client. */
async function depth1Bodies(
  payload: Payload,
  transactionID: TransactionID | undefined,
  collection: string,
  ids: number[],
): Promise<Map<number, { body1: string; refs1: string[] }>> {
  const out = new Map<number, { body1: string; refs1: string[] }>()
  if (!ids.length) return out
  const select = BY_ID_SELECT[collection]
  const found = await payload.find({
    collection: collection as never,
    where: { id: { in: ids } },
    depth: 1,
    pagination: false,
    overrideAccess: false,
    ...(select ? { select: select as never } : {}),
    req: anonymous(transactionID),
  })
  const fields = payload.collections[collection as never].config.fields as unknown as FieldLike[]
  for (const doc of found.docs as Row[]) {
    out.set(Number(doc.id), { body1: JSON.stringify(doc), refs1: collectRefs(fields, doc, fieldsOf(payload)) })
  }
  return out
}

/** Recomputes the depth-1 bodies of `ids` (rows locked first, in id order), leaving the rest of each row. */
async function syncDepth1(payload: Payload, transactionID: TransactionID | undefined, collection: string, ids: number[]): Promise<void> {
  const exec = execIn(payload, transactionID)
  const locked = await exec(
    `SELECT id FROM ${TABLE} WHERE collection = $1 AND id = ANY (${ID_LIST(2)}) AND body IS NOT NULL ORDER BY id FOR UPDATE`,
    [collection, json([...new Set(ids)].sort((a, b) => a - b))],
  )
  const live = locked.rows.map((r) => Number(r.id))
  if (!live.length) return
  const bodies = await depth1Bodies(payload, transactionID, collection, live)
  await exec(
    `UPDATE ${TABLE} t SET body1 = r->>'body1', refs1 = ARRAY(SELECT json_array_elements_text(r->'refs1'))
     FROM json_array_elements($2::json) r WHERE t.collection = $1 AND t.id = (r->>'id')::bigint`,
    [collection, json([...bodies].map(([id, b]) => ({ id, ...b })))],
  )
  // Locked while unreadable (a concurrent unpublish committed first): Payload answers it.
  const gone = live.filter((id) => !bodies.has(id))
  if (gone.length) await exec(`UPDATE ${TABLE} SET body1 = NULL WHERE collection = $1 AND id = ANY (${ID_LIST(2)})`, [collection, json(gone)])
}

/**
 * The depth-1 bodies that show one of `named` (populated, or named by a populated document) and
 * are not in `skip` (recomputed whole anyway): recomputed, or marked stale when too many.
 */
async function refreshDepth1Naming(payload: Payload, transactionID: TransactionID | undefined, named: string[], skip: Dependents): Promise<void> {
  if (!named.length) return
  const exec = execIn(payload, transactionID)
  const found = await exec(
    `SELECT collection, id FROM ${TABLE} WHERE refs1 && ARRAY(SELECT json_array_elements_text($1::json)) AND body1 IS NOT NULL`,
    [json(named)],
  )
  const byCollection = new Map<string, number[]>()
  for (const r of found.rows) {
    const c = String(r.collection)
    const id = Number(r.id)
    if (skip.get(c)?.has(id)) continue
    byCollection.set(c, [...(byCollection.get(c) ?? []), id])
  }
  for (const [c, ids] of byCollection) {
    if (ids.length <= depth1Inline()) {
      await syncDepth1(payload, transactionID, c, ids)
      continue
    }
    const idsJson = json(ids.sort((a, b) => a - b))
    await exec(`SELECT id FROM ${TABLE} WHERE collection = $1 AND id = ANY (${ID_LIST(2)}) ORDER BY id FOR UPDATE`, [c, idsJson])
    await exec(`UPDATE ${TABLE} SET body1 = NULL WHERE collection = $1 AND id = ANY (${ID_LIST(2)})`, [c, idsJson])
  }
}

/**
 * Recomputes the rows of `ids` in `collection` from Payload (anonymous, depth 0) inside the
 * transaction: upserts the public ones, deletes the rest. With `cascade`, then recomputes the
 * answers that depend on these documents (see the module comment); those do not cascade further
 * (a dependent's own readability does not change with its dependencies).
 */
async function syncSnapshots(
  payload: Payload,
  transactionID: TransactionID | undefined,
  collection: string,
  ids: number[],
  options: { cascade: boolean; deleted?: boolean },
): Promise<void> {
  if (!ids.length) return
  const exec = execIn(payload, transactionID)
  const idsJson = json([...new Set(ids)].sort((a, b) => a - b))
  // Lock each row (a placeholder when missing) in id order, and see what it held before.
  await exec(
    `INSERT INTO ${TABLE} (collection, id) SELECT $1, x FROM unnest(${ID_LIST(2)}) x ORDER BY x ON CONFLICT DO NOTHING`,
    [collection, idsJson],
  )
  const before = await exec(
    `SELECT id, body IS NOT NULL AS public, refs, body FROM ${TABLE} WHERE collection = $1 AND id = ANY (${ID_LIST(2)}) ORDER BY id FOR UPDATE`,
    [collection, idsJson],
  )

  const config = payload.collections[collection as never].config
  const where: Where = { id: { in: JSON.parse(idsJson) as number[] } }
  const base = { collection: collection as never, where, depth: 0, pagination: false as const, overrideAccess: false }
  const list = await payload.find({ ...base, req: anonymous(transactionID) })
  const select = BY_ID_SELECT[collection]
  const byId = select ? await payload.find({ ...base, select: select as never, req: anonymous(transactionID) }) : list
  const listDocs = new Map(list.docs.map((d) => [Number((d as Row).id), d as Row]))
  const fields = config.fields as unknown as FieldLike[]

  const rows = byId.docs.map((doc) => {
    const d = doc as Row
    const id = Number(d.id)
    const listDoc = listDocs.get(id) ?? d
    const body = JSON.stringify(d)
    const listText = listDoc === d ? body : JSON.stringify(listDoc)
    return {
      id,
      createdAt: d.createdAt ?? null,
      body,
      listBody: listText === body ? null : listText,
      keys: filterKeysOf(collection, listDoc),
      refs: collectRefs(fields, d),
      body1: null as string | null,
      refs1: [] as string[],
    }
  })
  if (SNAPSHOT_DEPTH1.includes(collection)) {
    const bodies = await depth1Bodies(payload, transactionID, collection, rows.map((r) => r.id))
    for (const r of rows) Object.assign(r, bodies.get(r.id) ?? {})
  }
  if (rows.length) {
    await exec(
      `INSERT INTO ${TABLE} (collection, id, created_at, body, list_body, keys, refs, body1, refs1)
       SELECT $1, (r->>'id')::bigint, (r->>'createdAt')::timestamptz, r->>'body', r->>'listBody',
         ARRAY(SELECT json_array_elements_text(r->'keys')), ARRAY(SELECT json_array_elements_text(r->'refs')),
         r->>'body1', ARRAY(SELECT json_array_elements_text(r->'refs1'))
       FROM json_array_elements($2::json) r
       ON CONFLICT (collection, id) DO UPDATE SET created_at = EXCLUDED.created_at, body = EXCLUDED.body,
         list_body = EXCLUDED.list_body, keys = EXCLUDED.keys, refs = EXCLUDED.refs, body1 = EXCLUDED.body1, refs1 = EXCLUDED.refs1`,
      [collection, json(rows)],
    )
  }
  await exec(`DELETE FROM ${KEYS} WHERE collection = $1 AND id = ANY (${ID_LIST(2)})`, [collection, idsJson])
  if (rows.length) {
    await exec(
      `INSERT INTO ${KEYS} (key, created_at, id, collection)
       SELECT k, (r->>'createdAt')::timestamptz, (r->>'id')::bigint, $1 FROM json_array_elements($2::json) r, json_array_elements_text(r->'keys') k`,
      [collection, json(rows.filter((r) => r.createdAt !== null))],
    )
  }
  const publicIds = rows.map((r) => r.id)
  await exec(`DELETE FROM ${TABLE} WHERE collection = $1 AND id = ANY (${ID_LIST(2)}) AND NOT (id = ANY (${ID_LIST(3)}))`, [
    collection,
    idsJson,
    json(publicIds),
  ])
  if (!options.cascade) return

  // Dependents.
  const deps: Dependents = new Map()
  const add = (ref: string) => {
    const at = ref.lastIndexOf(':')
    const c = ref.slice(0, at)
    const id = Number(ref.slice(at + 1))
    if (!PUBLIC_CONTENT_COLLECTIONS.includes(c) || !Number.isInteger(id) || (c === collection && ids.includes(id))) return
    if (!deps.has(c)) deps.set(c, new Set())
    deps.get(c)!.add(id)
  }
  // Collections whose join fields list documents of this one (manuals.servicePoints here).
  const joinOwners = PUBLIC_CONTENT_COLLECTIONS.filter((c) =>
    joinFields((payload.collections[c as never]?.config.fields ?? []) as unknown as FieldLike[]).some((j) => j.collection === collection),
  )
  const wasPublic = new Map(before.rows.map((r) => [Number(r.id), Boolean(r.public)]))
  const oldRefs = new Map(before.rows.map((r) => [Number(r.id), (r.refs as string[]) ?? []]))
  const newRefs = new Map(rows.map((r) => [r.id, r.refs]))
  const oldBodies = new Map(before.rows.map((r) => [Number(r.id), r.body === null ? null : String(r.body)]))
  const newBodies = new Map(rows.map((r) => [r.id, r.body]))
  const populate = (config as { defaultPopulate?: Record<string, unknown> }).defaultPopulate
  const view = (body: string | null | undefined) => populatedView(body ? (JSON.parse(body) as Row) : null, populate)
  const named: string[] = []
  // Depth-1 bodies show this document populated: they change when what they show of it does.
  const named1: string[] = []
  const becamePublic: number[] = []
  for (const id of ids) {
    const was = wasPublic.get(id) ?? false
    const now = newRefs.has(id)
    // Answers naming this document change when it is deleted or its readability flips; a join
    // lists it by its pins and readability, which any write may change.
    if (options.deleted || was !== now || joinOwners.length) named.push(`${collection}:${id}`)
    if (options.deleted || was !== now || view(oldBodies.get(id)) !== view(newBodies.get(id))) named1.push(`${collection}:${id}`)
    if (now && !was) becamePublic.push(id)
    if (joinOwners.length) {
      for (const ref of [...(oldRefs.get(id) ?? []), ...(newRefs.get(id) ?? [])]) {
        if (joinOwners.includes(ref.slice(0, ref.lastIndexOf(':')))) add(ref)
      }
    }
  }
  if (named.length) {
    const found = await exec(
      `SELECT collection, id FROM ${TABLE} WHERE refs && ARRAY(SELECT json_array_elements_text($1::json)) AND body IS NOT NULL`,
      [json(named)],
    )
    found.rows.forEach((r) => add(`${String(r.collection)}:${String(r.id)}`))
  }
  if (becamePublic.length) {
    // Relationship values hidden from citizens until now (pins of a manual just published).
    for (const other of PUBLIC_CONTENT_COLLECTIONS) {
      const otherConfig = payload.collections[other as never]?.config
      if (!otherConfig) continue
      for (const path of relationshipPaths(otherConfig.fields as unknown as FieldLike[]).filter((p) => p.relationTo.includes(collection))) {
        const referrers = await payload.find({
          collection: other as never,
          where: { [path.path]: { in: becamePublic } },
          depth: 0,
          pagination: false,
          select: {},
          overrideAccess: true,
          req: anonymous(transactionID),
        })
        referrers.docs.forEach((d) => add(`${other}:${String((d as Row).id)}`))
      }
    }
  }
  await refreshDepth1Naming(payload, transactionID, named1, deps)
  for (const [c, set] of deps) await syncSnapshots(payload, transactionID, c, [...set], { cascade: false })
}

/** Runs `fn` in the request's transaction, or in one of its own when the write has none. */
async function inTransaction(req: PayloadRequest, fn: (transactionID: TransactionID | undefined) => Promise<void>) {
  const existing = req.transactionID ? await req.transactionID : undefined
  if (existing) return fn(existing)
  const own = await req.payload.db.beginTransaction?.()
  try {
    await fn(own ?? undefined)
    if (own) await req.payload.db.commitTransaction(own)
  } catch (err) {
    if (own) await req.payload.db.rollbackTransaction(own)
    throw err
  }
}

/**
 * After a public document was created, changed or deleted (collection hooks): recompute its
 * snapshot and the answers depending on it, in the writing transaction. A bulk writer may pass
 * `context: { publicSnapshots: 'defer' }` and rebuild afterwards: the document's row, the rows
 * naming it and every completeness mark are dropped instead (those reads go to Payload).
 */
export async function syncPublicSnapshot(req: PayloadRequest, collection: string, id: number | string, deleted = false): Promise<void> {
  if (typeof id !== 'number' && !/^\d+$/.test(String(id))) return
  await ensurePublicSnapshotTables(req.payload)
  await inTransaction(req, async (transactionID) => {
    if (req.context?.publicSnapshots === 'defer') {
      const exec = execIn(req.payload, transactionID)
      await exec(`DELETE FROM ${STATE}`)
      await exec(`DELETE FROM ${TABLE} WHERE (collection = $1 AND id = $2) OR refs @> ARRAY[$3::text]`, [collection, Number(id), `${collection}:${id}`])
      return
    }
    await syncSnapshots(req.payload, transactionID, collection, [Number(id)], { cascade: true, deleted })
  })
}

/**
 * After a document of a collection that public answers name but that is not public itself
 * (media in a manual's forms) was deleted: the answers naming it lose it (foreign key set null).
 * Changed (`deleted` false): the depth-1 bodies showing it populated are recomputed.
 */
export async function syncSnapshotsNaming(req: PayloadRequest, collection: string, id: number | string, deleted = true): Promise<void> {
  await ensurePublicSnapshotTables(req.payload)
  await inTransaction(req, async (transactionID) => {
    const exec = execIn(req.payload, transactionID)
    const deps: Dependents = new Map()
    if (deleted) {
      const found = await exec(`SELECT collection, id FROM ${TABLE} WHERE refs @> ARRAY[$1::text] AND body IS NOT NULL`, [`${collection}:${id}`])
      for (const r of found.rows) deps.set(String(r.collection), (deps.get(String(r.collection)) ?? new Set()).add(Number(r.id)))
    }
    await refreshDepth1Naming(req.payload, transactionID, [`${collection}:${id}`], deps)
    for (const [c, ids] of deps) await syncSnapshots(req.payload, transactionID, c, [...ids], { cascade: false })
  })
}

// ---------------------------------------------------------------------------------------------
// Rebuilding

export type RebuildReport = Record<string, { docs: number; seconds: number }>

/**
 * Rebuilds the snapshots of `collections` (default: every public one) in id order, `batchSize`
 * documents per transaction, through Payload's `find` as an anonymous client (depth 0); drops rows
 * of documents that no longer exist, then marks each collection complete with the running code's
 * fingerprint. Live writes may go on meanwhile (rows are locked per batch); lists of a collection
 * go to Payload until its rebuild ends. Call it after writing documents without Payload (SQL).
 */
export async function rebuildPublicSnapshots(
  payload: Payload,
  options: { collections?: string[]; batchSize?: number; log?: (message: string) => void; shouldStop?: () => boolean } = {},
): Promise<RebuildReport> {
  await ensureTruncateTriggers(payload)
  const pool = poolOf(payload)
  const batch = options.batchSize ?? 250
  const prints = snapshotFingerprints(payload)
  const report: RebuildReport = {}
  for (const slug of options.collections ?? PUBLIC_CONTENT_COLLECTIONS) {
    if (!PUBLIC_CONTENT_COLLECTIONS.includes(slug)) throw new Error(`not a public collection: ${slug}`)
    if (!payload.collections[slug as never]) continue
    const started = Date.now()
    let logged = started
    await pool.query(`DELETE FROM ${STATE} WHERE collection = $1`, [slug])
    let last = 0
    for (;;) {
      if (options.shouldStop?.()) return report
      const page = await payload.find({
        collection: slug as never,
        where: { id: { greater_than: last } },
        sort: 'id',
        limit: batch,
        pagination: false,
        depth: 0,
        select: {},
        overrideAccess: true,
      })
      const ids = page.docs.map((d) => Number((d as Row).id))
      const transactionID = (await payload.db.beginTransaction?.()) ?? undefined
      try {
        await syncSnapshots(payload, transactionID, slug, ids, { cascade: false })
        // Rows of documents removed without Payload (SQL) in this id range.
        const exec = execIn(payload, transactionID)
        await exec(
          `DELETE FROM ${TABLE} WHERE collection = $1 AND id > $2 ${ids.length ? `AND id <= $3 AND NOT (id = ANY (${ID_LIST(4)}))` : ''}`,
          ids.length ? [slug, last, ids[ids.length - 1], json(ids)] : [slug, last],
        )
        if (transactionID) await payload.db.commitTransaction(transactionID)
      } catch (err) {
        if (transactionID) await payload.db.rollbackTransaction(transactionID)
        throw err
      }
      if (!ids.length) break
      last = ids[ids.length - 1]
      if (Date.now() - logged > 10_000) {
        logged = Date.now()
        options.log?.(`${slug}: up to id ${last}`)
      }
    }
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${TABLE} WHERE collection = $1 AND body IS NOT NULL`, [slug])
    const seconds = (Date.now() - started) / 1000
    await pool.query(
      `INSERT INTO ${STATE} (collection, fingerprint, docs, seconds) VALUES ($1, $2, $3, $4)
       ON CONFLICT (collection) DO UPDATE SET fingerprint = $2, docs = $3, seconds = $4, rebuilt_at = now()`,
      [slug, prints[slug], rows[0].n, seconds],
    )
    report[slug] = { docs: Number(rows[0].n), seconds }
    options.log?.(`${slug}: ${rows[0].n} public documents in ${seconds.toFixed(1)} s`)
  }
  // Fresh statistics and visibility map: the first reads after a large rebuild get index(-only) scans.
  await pool.query(`VACUUM ANALYZE ${TABLE}, ${KEYS}`)
  return report
}

/** Public collections whose stored snapshots are missing or were built by other field shapes. */
export async function staleSnapshotCollections(payload: Payload): Promise<string[]> {
  await ensurePublicSnapshotTables(payload)
  const prints = snapshotFingerprints(payload)
  const { rows } = await poolOf(payload).query(`SELECT collection, fingerprint FROM ${STATE}`)
  const current = new Map(rows.map((r) => [String(r.collection), String(r.fingerprint)]))
  return Object.keys(prints).filter((slug) => current.get(slug) !== prints[slug])
}

// ---------------------------------------------------------------------------------------------
// Reading

const BY_ID_SQL = `SELECT s.body FROM ${TABLE} s JOIN ${STATE} st ON st.collection = s.collection AND st.fingerprint = $3
  WHERE s.collection = $1 AND s.id = $2 AND s.body IS NOT NULL`
// A public document whose depth-1 body is stale comes back with body1 null (refreshed meanwhile).
const BY_ID1_SQL = `SELECT s.body1 FROM ${TABLE} s JOIN ${STATE} st ON st.collection = s.collection AND st.fingerprint = $3
  WHERE s.collection = $1 AND s.id = $2 AND s.body IS NOT NULL`
// Payload orders by createdAt only; ties (rows inserted by one SQL statement) are left to its
// query plan. Here they go by id, newest first, so pages never overlap.
const LIST_SQL = `SELECT
    (SELECT count(*)::int FROM ${KEYS} WHERE key = $3) AS total,
    (SELECT string_agg(coalesce(s.list_body, s.body), ',' ORDER BY k.created_at DESC, k.id DESC) FROM (
       SELECT id, created_at FROM ${KEYS} WHERE key = $3 ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5) k
       JOIN ${TABLE} s ON s.collection = $1 AND s.id = k.id) AS docs
  FROM ${STATE} st WHERE st.collection = $1 AND st.fingerprint = $2`

export type PublicSnapshots = {
  /** Express middleware for /api: answers the shapes it can, else next(). */
  middleware: (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void
  stats: { served: number; passed: number; refreshed: number }
  /** Tables and triggers exist (awaited by the server before listening). */
  ready: Promise<void>
  /** The background rebuild of stale collections started at creation, if any. */
  rebuilding: Promise<void>
  close: () => Promise<void>
}

/**
 * The read side. `enabled` is asked per request (default: PUBLIC_SNAPSHOTS !== 'off'), so a test
 * can compare the fast path's answer with Payload's own for the same URL. With `rebuildStale`
 * (default outside tests), collections whose snapshots are missing or stale are rebuilt in the
 * background by one instance (advisory lock); their reads go to Payload until then.
 */
export function createPublicSnapshots(
  payload: Payload,
  options: { enabled?: () => boolean; rebuildStale?: boolean } = {},
): PublicSnapshots {
  const pool = poolOf(payload)
  const enabled = options.enabled ?? (() => process.env.PUBLIC_SNAPSHOTS !== 'off')
  const specs = readSpecs(payload)
  const prints = snapshotFingerprints(payload)
  const stats = { served: 0, passed: 0, refreshed: 0 }
  let stopping = false

  // Stale depth-1 bodies met by reads: recomputed in the background, a batch per transaction
  // (that read and those until the refresh commits go to Payload).
  const pending = new Set<string>()
  let refreshing: Promise<void> = Promise.resolve()
  let refreshRunning = false
  const refreshStale = (collection: string, id: number) => {
    pending.add(`${collection}:${id}`)
    if (refreshRunning || stopping) return
    refreshRunning = true
    refreshing = (async () => {
      while (pending.size && !stopping) {
        const refs = [...pending].slice(0, 50)
        refs.forEach((r) => pending.delete(r))
        const byCollection = new Map<string, number[]>()
        for (const ref of refs) {
          const at = ref.lastIndexOf(':')
          byCollection.set(ref.slice(0, at), [...(byCollection.get(ref.slice(0, at)) ?? []), Number(ref.slice(at + 1))])
        }
        for (const [c, ids] of byCollection) {
          const transactionID = (await payload.db.beginTransaction?.()) ?? undefined
          try {
            await syncDepth1(payload, transactionID, c, ids)
            if (transactionID) await payload.db.commitTransaction(transactionID)
            stats.refreshed += ids.length
          } catch (err) {
            if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
            if (!stopping) payload.logger.warn(`public snapshots: depth-1 refresh failed: ${(err as Error).message}`)
          }
        }
      }
    })().finally(() => {
      refreshRunning = false
    })
  }

  const ready = ensureTruncateTriggers(payload)
  const rebuildStale = options.rebuildStale ?? (process.env.NODE_ENV !== 'test' && enabled())
  const rebuilding = rebuildStale
    ? ready.then(async () => {
        const stale = await staleSnapshotCollections(payload)
        if (!stale.length) return
        const client = await pool.connect()
        try {
          const { rows } = await client.query(`SELECT pg_try_advisory_lock(${LOCK_REBUILD}) AS ok`)
          if (!rows[0]?.ok) return
          try {
            // Another instance may have finished meanwhile.
            const still = await staleSnapshotCollections(payload)
            if (!still.length) return
            payload.logger.info(`public snapshots: rebuilding ${still.join(', ')}`)
            const report = await rebuildPublicSnapshots(payload, { collections: still, shouldStop: () => stopping })
            payload.logger.info(`public snapshots rebuilt: ${JSON.stringify(report)}`)
          } finally {
            await client.query(`SELECT pg_advisory_unlock(${LOCK_REBUILD})`)
          }
        } finally {
          client.release()
        }
      }).catch((err: Error) => {
        if (!stopping) payload.logger.error(`public snapshots: background rebuild failed: ${err.message}`)
      })
    : Promise.resolve()

  // Payload's CORS headers for a request without Origin (computed once; with Origin, per request).
  const corsFor = (origin: string | undefined) => payloadCorsHeaders(payload, origin)
  const plainCors = corsFor(undefined)

  const answer = async (read: PublicRead): Promise<string | null> => {
    if (read.kind === 'id' && read.depth === 1) {
      const { rows } = await pool.query({ name: 'infogo_snapshot_by_id1', text: BY_ID1_SQL, values: [read.collection, read.id, prints[read.collection]] })
      if (!rows.length) return null
      if (rows[0].body1 === null) {
        refreshStale(read.collection, read.id)
        return null
      }
      return String(rows[0].body1)
    }
    if (read.kind === 'id') {
      const { rows } = await pool.query({ name: 'infogo_snapshot_by_id', text: BY_ID_SQL, values: [read.collection, read.id, prints[read.collection]] })
      return rows.length ? String(rows[0].body) : null
    }
    const values = [read.collection, prints[read.collection], read.key, read.limit, (read.page - 1) * read.limit]
    const { rows } = await pool.query({ name: 'infogo_snapshot_list', text: LIST_SQL, values })
    if (!rows.length) return null
    return listBody(rows[0].docs === null ? null : String(rows[0].docs), paginationEnvelope(Number(rows[0].total), read.limit, read.page))
  }

  const middleware = (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method !== 'GET' || !enabled() || !isAnonymousHeaders(req.headers)) return next()
    const q = req.originalUrl.indexOf('?')
    const read = parsePublicRead(req.path, q < 0 ? '' : req.originalUrl.slice(q + 1), specs)
    if (!read) return next()
    answer(read).then(
      (body) => {
        if (body === null) {
          stats.passed += 1
          return next()
        }
        stats.served += 1
        const origin = req.headers.origin
        for (const [k, v] of origin ? corsFor(origin) : plainCors) res.setHeader(k, v)
        const etag = etagOf(body)
        res.setHeader('Content-Type', 'application/json')
        res.setHeader('ETag', etag)
        res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate')
        res.setHeader('X-Cache', 'SNAPSHOT')
        if (req.headers['if-none-match'] === etag) {
          res.status(304).end()
          return
        }
        res.status(200).end(body)
      },
      (err: Error) => {
        // A database hiccup: Payload answers (and reports) it the usual way.
        payload.logger.warn(`public snapshots: ${err.message}`)
        stats.passed += 1
        next()
      },
    )
  }

  return {
    middleware,
    stats,
    ready,
    rebuilding,
    close: async () => {
      stopping = true
      await ready.catch(() => undefined)
      await rebuilding
      await refreshing
    },
  }
}
