/**
 * The ranking columns and indexes that Payload's fields cannot express: generated tsvector
 * columns over the segmented token fields and GIN indexes (full-text, and pg_trgm for typos and
 * partial words), on two tables:
 * - `search` (plugin-search's collection): one row per public document; `fts_all` holds title
 *   and common names (A), tags (B), agency (C) and body (D).
 * - `search_heads`: one row per distinct title / common names / tags ("head"). Thousands of
 *   manuals share one head (the same process carried by every local government), so ranking
 *   heads and then listing their documents touches a few hundred rows, not tens of thousands.
 *
 * They are declared in the Drizzle schema (afterSchemaInit) so the development schema push keeps
 * them (a push drops any index it does not know) and `npm run migrate:create` writes them into
 * the production migrations. `ensureSearchSchema` repeats them idempotently at start, so a
 * production database whose migrations predate them still gets them.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { customType, index } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Payload } from 'payload'

export const SEARCH_SLUG = 'search'
export const SEARCH_HEADS_SLUG = 'search-heads'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

const weighted = (column: string, weight: string) =>
  `setweight(to_tsvector('simple'::regconfig, COALESCE(${column}, '')), '${weight}')`
/** Title and common names (A) above tags (B): the head of a document. */
const HEAD_VECTOR = `${weighted('tokens_title', 'A')} || ${weighted('tokens_tags', 'B')}`
/** Everything: head, agency names (C) and body text (D), for words spread over several parts. */
const ALL_VECTOR = `${HEAD_VECTOR} || ${weighted('tokens_agency', 'C')} || ${weighted('tokens_body', 'D')}`

type SchemaHook = NonNullable<Parameters<typeof import('@payloadcms/db-postgres').postgresAdapter>[0]['afterSchemaInit']>[number]

/** postgresAdapter({ afterSchemaInit: [searchSchemaHook] }) */
export const searchSchemaHook: SchemaHook = ({ schema, extendTable }) => {
  const rows = schema.tables.search
  const heads = schema.tables.search_heads
  if (rows) {
    extendTable({
      table: rows,
      columns: { ftsAll: tsvector('fts_all').generatedAlwaysAs(sql.raw(ALL_VECTOR)) },
      extraConfig: (t: Record<string, any>) => ({
        search_fts_all_idx: index('search_fts_all_idx').using('gin', t.ftsAll),
        // Lists a head's documents in id order from the index alone.
        search_head_key_id_idx: index('search_head_key_id_idx').on(t.headKey, t.id),
        // The province and tag filters are LIKE '%|x|%' over delimited lists: trigram GIN serves them.
        search_provinces_trgm_idx: index('search_provinces_trgm_idx').using('gin', t.provinces.op('gin_trgm_ops')),
        search_tag_ids_trgm_idx: index('search_tag_ids_trgm_idx').using('gin', t.tagIds.op('gin_trgm_ops')),
      }),
    })
  }
  if (heads) {
    extendTable({
      table: heads,
      columns: { ftsHead: tsvector('fts_head').generatedAlwaysAs(sql.raw(HEAD_VECTOR)) },
      extraConfig: (t: Record<string, any>) => ({
        search_heads_fts_head_idx: index('search_heads_fts_head_idx').using('gin', t.ftsHead),
        search_heads_head_text_trgm_idx: index('search_heads_head_text_trgm_idx').using('gin', t.headText.op('gin_trgm_ops')),
      }),
    })
  }
  return schema
}

/** The same columns and indexes, idempotently (IF NOT EXISTS), for databases built by migrations. */
export const ENSURE_SEARCH_SQL = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  `ALTER TABLE search ADD COLUMN IF NOT EXISTS fts_all tsvector GENERATED ALWAYS AS (${ALL_VECTOR}) STORED`,
  `ALTER TABLE search_heads ADD COLUMN IF NOT EXISTS fts_head tsvector GENERATED ALWAYS AS (${HEAD_VECTOR}) STORED`,
  'CREATE INDEX IF NOT EXISTS search_fts_all_idx ON search USING gin (fts_all)',
  'CREATE INDEX IF NOT EXISTS search_head_key_id_idx ON search (head_key, id)',
  'CREATE INDEX IF NOT EXISTS search_provinces_trgm_idx ON search USING gin (provinces gin_trgm_ops)',
  'CREATE INDEX IF NOT EXISTS search_tag_ids_trgm_idx ON search USING gin (tag_ids gin_trgm_ops)',
  'CREATE INDEX IF NOT EXISTS search_heads_fts_head_idx ON search_heads USING gin (fts_head)',
  'CREATE INDEX IF NOT EXISTS search_heads_head_text_trgm_idx ON search_heads USING gin (head_text gin_trgm_ops)',
]

export function searchPool(payload: Payload): import('pg').Pool {
  return (payload.db as unknown as PostgresAdapter).pool as unknown as import('pg').Pool
}

/** The columns and indexes ENSURE_SEARCH_SQL makes, read from its statements. */
const ENSURED_COLUMNS = ENSURE_SEARCH_SQL.flatMap((s) => {
  const found = /^ALTER TABLE (\w+) ADD COLUMN IF NOT EXISTS (\w+)/.exec(s)
  return found ? [{ table: found[1], column: found[2] }] : []
})
const ENSURED_INDEXES = ENSURE_SEARCH_SQL.flatMap((s) => /^CREATE INDEX IF NOT EXISTS (\w+)/.exec(s)?.[1] ?? [])

/**
 * Runs ENSURE_SEARCH_SQL unless the catalog shows all of it there already. The check takes no
 * lock; ALTER TABLE would take an exclusive one on every start even when the column exists, so a
 * starting instance would wait behind (and hold up) the running instances' searches and writes.
 */
export async function ensureSearchSchema(payload: Payload): Promise<void> {
  const pool = searchPool(payload)
  const { rows } = await pool.query<{ missing: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')
        OR EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[]) AS c(tbl, col)
                   WHERE NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(c.tbl) AND attname = c.col AND NOT attisdropped))
        OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS i(name) WHERE to_regclass(i.name) IS NULL) AS missing`,
    [ENSURED_COLUMNS.map((c) => c.table), ENSURED_COLUMNS.map((c) => c.column), ENSURED_INDEXES],
  )
  if (!rows[0]?.missing) return
  for (const statement of ENSURE_SEARCH_SQL) await pool.query(statement)
}
