/**
 * The ranking columns and indexes of the `search` table that Payload's fields cannot express:
 * two generated tsvector columns over the segmented token fields and GIN indexes (full-text,
 * and pg_trgm for typos and partial words).
 *
 * They are declared in the Drizzle schema (afterSchemaInit) so the development schema push keeps
 * them (a push drops any index it does not know) and `npm run migrate:create` writes them into
 * the production migrations. `ensureSearchSchema` repeats them idempotently at start, so a
 * production database whose migrations predate the search collection still gets them.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { customType, index } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Payload } from 'payload'

export const SEARCH_SLUG = 'search'
export const SEARCH_TABLE = 'search'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/** Title and common names (A) above tags (B) above agency names (C): small, used for ranking. */
const HEAD_VECTOR = `setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_title, '')), 'A') || setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_tags, '')), 'B') || setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_agency, '')), 'C')`
/** Everything, body text (D) included: used for matching words spread over several parts. */
const ALL_VECTOR = `${HEAD_VECTOR} || setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_body, '')), 'D')`

type SchemaHook = NonNullable<Parameters<typeof import('@payloadcms/db-postgres').postgresAdapter>[0]['afterSchemaInit']>[number]

/** postgresAdapter({ afterSchemaInit: [searchSchemaHook] }) */
export const searchSchemaHook: SchemaHook = ({ schema, extendTable }) => {
  const table = schema.tables[SEARCH_TABLE]
  if (!table) return schema
  extendTable({
    table,
    columns: {
      ftsHead: tsvector('fts_head').generatedAlwaysAs(sql.raw(HEAD_VECTOR)),
      ftsAll: tsvector('fts_all').generatedAlwaysAs(sql.raw(ALL_VECTOR)),
    },
    extraConfig: (t: Record<string, any>) => ({
      search_fts_head_idx: index('search_fts_head_idx').using('gin', t.ftsHead),
      search_fts_all_idx: index('search_fts_all_idx').using('gin', t.ftsAll),
      search_head_text_trgm_idx: index('search_head_text_trgm_idx').using('gin', t.headText.op('gin_trgm_ops')),
    }),
  })
  return schema
}

/** The same columns and indexes, idempotently (IF NOT EXISTS), for databases built by migrations. */
export const ENSURE_SEARCH_SQL = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  `ALTER TABLE "${SEARCH_TABLE}" ADD COLUMN IF NOT EXISTS fts_head tsvector GENERATED ALWAYS AS (${HEAD_VECTOR}) STORED`,
  `ALTER TABLE "${SEARCH_TABLE}" ADD COLUMN IF NOT EXISTS fts_all tsvector GENERATED ALWAYS AS (${ALL_VECTOR}) STORED`,
  `CREATE INDEX IF NOT EXISTS search_fts_head_idx ON "${SEARCH_TABLE}" USING gin (fts_head)`,
  `CREATE INDEX IF NOT EXISTS search_fts_all_idx ON "${SEARCH_TABLE}" USING gin (fts_all)`,
  `CREATE INDEX IF NOT EXISTS search_head_text_trgm_idx ON "${SEARCH_TABLE}" USING gin (head_text gin_trgm_ops)`,
]

export function searchPool(payload: Payload): import('pg').Pool {
  return (payload.db as unknown as PostgresAdapter).pool as unknown as import('pg').Pool
}

export async function ensureSearchSchema(payload: Payload): Promise<void> {
  const pool = searchPool(payload)
  for (const statement of ENSURE_SEARCH_SQL) await pool.query(statement)
}
