/**
 * Keeping snapshots in the writing transaction: a create, update or delete of a public document
 * recomputes its row (and the answers depending on it: pins, joins, depth-1 bodies naming it) in
 * the transaction of the write, so it commits or rolls back with it. Rows are locked in id order
 * first, so two writers touching one answer take turns; past PUBLIC_SNAPSHOTS_DEPTH1_INLINE
 * dependent depth-1 bodies are marked stale instead (null: Payload answers, a refresh follows).
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { collectRefs, type FieldLike, filterKeysOf, joinFields, populatedView, relationshipPaths, SNAPSHOT_DEPTH1 } from '../../lib/publicQuery'
import { PUBLIC_CONTENT_COLLECTIONS } from '../publicContent'
import { BY_ID_SELECT, fieldsOf } from './shape'
import { ensurePublicSnapshotTables, execIn, ID_LIST, json, KEYS, type Row, STATE, TABLE, type TransactionID } from './storage'

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
export async function syncDepth1(payload: Payload, transactionID: TransactionID | undefined, collection: string, ids: number[]): Promise<void> {
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
export async function syncSnapshots(
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
