/**
 * Where public snapshots live: the tables in the infogo_runtime schema (one row per public
 * document, one per (document, list) key, one completeness mark per collection), created once per
 * pool and serialised across instances, the TRUNCATE triggers that clear them, and the SQL helpers
 * every other part uses (the pool, or the writing request's transaction).
 */
import type { Payload } from 'payload'

import { PUBLIC_CONTENT_COLLECTIONS } from '../publicContent'
import { type Row } from '../transactionSql'

export { type Exec, execIn, type Row, type TransactionID } from '../transactionSql'

export const SNAPSHOT_SCHEMA = 'infogo_runtime'
export const TABLE = `"${SNAPSHOT_SCHEMA}"."public_snapshots"`
export const STATE = `"${SNAPSHOT_SCHEMA}"."public_snapshot_state"`
export const KEYS = `"${SNAPSHOT_SCHEMA}"."public_snapshot_keys"`
/** pg_advisory locks of this module (first key), as in src/services/jobsLeader.ts's style. */
const LOCK_DDL = 0x1f05_0001
export const LOCK_REBUILD = 0x1f05_0002

export type Pool = {
  query: (text: string | { name: string; text: string; values: unknown[] }, values?: unknown[]) => Promise<{ rows: Row[] }>
  connect: () => Promise<{ query: (text: string, values?: unknown[]) => Promise<{ rows: Row[] }>; release: () => void }>
}

export const poolOf = (payload: Payload): Pool => {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool) throw new Error('public snapshots need the PostgreSQL adapter (payload.db.pool)')
  return pool
}

export const json = (value: unknown) => JSON.stringify(value)
export const ID_LIST = (n: number) => `ARRAY(SELECT x::bigint FROM json_array_elements_text($${n}::json) x)`

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
export async function ensureTruncateTriggers(payload: Payload): Promise<void> {
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
