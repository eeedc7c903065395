/**
 * Answering a read from the snapshots: one indexed query per exact shape (`parsePublicRead` in
 * src/lib/publicQuery.ts), only from collections marked complete with the running code's
 * fingerprint. null: not answerable here (no row, a stale depth-1 body, an incomplete collection),
 * and the caller hands the request on. Stale depth-1 bodies met by reads are refreshed in the
 * background. The HTTP side (headers, ETag, CORS) is src/server/publicSnapshots.ts.
 */
import type { Payload } from 'payload'

import { listBody, paginationEnvelope, type PublicRead, type ReadSpec } from '../../lib/publicQuery'
import { readSpecs, snapshotFingerprints } from './shape'
import { KEYS, poolOf, STATE, TABLE } from './storage'
import { syncDepth1 } from './sync'

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

export type SnapshotReader = {
  /** What `parsePublicRead` may recognise, per public collection. */
  specs: Record<string, ReadSpec>
  /** The exact JSON body Payload would give an anonymous client, or null. */
  answer: (read: PublicRead) => Promise<string | null>
  /** Stops the background refresh and waits for the batch in flight. */
  close: () => Promise<void>
}

/** `onRefreshed(n)`: n stale depth-1 bodies were recomputed (stats). */
export function createSnapshotReader(payload: Payload, options: { onRefreshed?: (count: number) => void } = {}): SnapshotReader {
  const pool = poolOf(payload)
  const specs = readSpecs(payload)
  const prints = snapshotFingerprints(payload)
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
            options.onRefreshed?.(ids.length)
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

  return {
    specs,
    answer,
    close: async () => {
      stopping = true
      await refreshing
    },
  }
}
