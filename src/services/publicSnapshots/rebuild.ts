/**
 * Rebuilding: every public document of a collection recomputed through Payload in id order, a
 * batch per transaction, then the collection marked complete with the running code's fingerprint
 * (`npm run public:rebuild`, after an import, or in the background at start for collections whose
 * rows are missing or were built by other field shapes: one instance at a time, advisory lock).
 */
import type { Payload } from 'payload'

import { PUBLIC_CONTENT_COLLECTIONS } from '../publicContent'
import { snapshotFingerprints } from './shape'
import { ensurePublicSnapshotTables, ensureTruncateTriggers, execIn, ID_LIST, json, KEYS, LOCK_REBUILD, poolOf, type Row, STATE, TABLE } from './storage'
import { syncSnapshots } from './sync'

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

/**
 * Rebuilds the stale collections (staleSnapshotCollections) unless another instance holds the
 * rebuild lock; `shouldStop` ends it between batches (shutdown). Failures are logged, not thrown.
 */
export async function rebuildStaleSnapshots(payload: Payload, shouldStop: () => boolean): Promise<void> {
  try {
    const stale = await staleSnapshotCollections(payload)
    if (!stale.length) return
    const client = await poolOf(payload).connect()
    try {
      const { rows } = await client.query(`SELECT pg_try_advisory_lock(${LOCK_REBUILD}) AS ok`)
      if (!rows[0]?.ok) return
      try {
        // Another instance may have finished meanwhile.
        const still = await staleSnapshotCollections(payload)
        if (!still.length) return
        payload.logger.info(`public snapshots: rebuilding ${still.join(', ')}`)
        const report = await rebuildPublicSnapshots(payload, { collections: still, shouldStop })
        payload.logger.info(`public snapshots rebuilt: ${JSON.stringify(report)}`)
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK_REBUILD})`)
      }
    } finally {
      client.release()
    }
  } catch (err) {
    if (!shouldStop()) payload.logger.error(`public snapshots: background rebuild failed: ${(err as Error).message}`)
  }
}
