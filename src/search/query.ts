/**
 * The ranking query over the search tables, in parameterised SQL (see siteSearch for the tiers).
 *
 * Words match by prefix (a word typed halfway still counts); trigram word similarity of the names
 * catches typos and words run together differently. Score: ts_rank with title and common names
 * (A) above tags (B) above agency (C) above body (D), plus trigram similarity of the names, plus
 * a small preference for manuals. Ties (the same process at many agencies) go by id.
 */
import { createHash } from 'node:crypto'
import type { Pool } from 'pg'

import { compactText, makeSnippet, queryTokens } from '../lib/thaiText'

export type SiteSearchQuery = {
  q: string
  type?: string
  agencyIds?: number[]
  province?: string
  tagId?: number
  page: number
  limit: number
}

export type SiteSearchHit = {
  id: number
  type: string
  title: string
  agency: { id: number; name: string } | null
  snippet: string
  score: number
}

export type SiteSearchResult = { docs: SiteSearchHit[]; totalDocs: number; page: number; limit: number }

const quote = (token: string) => `'${token.replace(/'/g, "''")}'`
/**
 * Every word; the last one also as a prefix (typed halfway), when it is long enough not to match
 * half the dictionary. Earlier words are whole: the segmenter already split compounds.
 */
export function tsqueryAll(tokens: string[]): string {
  return tokens.map((t, i) => (i === tokens.length - 1 && [...t].length >= 2 ? `${quote(t)}:*` : quote(t))).join(' & ')
}

/** Any of the words of two letters or more (one-letter words match too much on their own). */
export function tsqueryAny(tokens: string[]): string {
  const useful = tokens.filter((t) => [...t].length >= 2)
  return (useful.length ? useful : tokens).map(quote).join(' | ')
}

type Row = {
  total: string
  doc_id: number | null
  type: string
  title: string
  agency_id: number | null
  agency_name: string | null
  body_text: string | null
  score: number
}

type Head = { head_key: string; score: number }

/**
 * Runs a statement as a named prepared statement (one name per distinct text; a few dozen filter
 * combinations): each connection parses and plans it once, not on every search.
 */
async function run<T extends Record<string, unknown>>(pool: Pool, text: string, values: unknown[]): Promise<T[]> {
  let name = statementNames.get(text)
  if (!name) statementNames.set(text, (name = `site_search_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`))
  return (await pool.query<T>({ name, text, values })).rows
}
const statementNames = new Map<string, string>()

/**
 * Filters on the document rows; parameters appended to `params`. `withType` is off where the
 * heads were already filtered by type (a head has one type).
 */
function filterSql(query: SiteSearchQuery, params: unknown[], withType = true): string {
  const where: string[] = []
  if (query.type && withType) {
    params.push(query.type)
    where.push(`s.type = $${params.length}`)
  }
  if (query.agencyIds) {
    params.push(query.agencyIds)
    where.push(`s.agency_id = ANY($${params.length}::int[])`)
  }
  if (query.province) {
    params.push(`%|${query.province}|%`)
    where.push(`s.provinces LIKE $${params.length}`)
  }
  if (query.tagId !== undefined) {
    params.push(`%|${query.tagId}|%`)
    where.push(`s.tag_ids LIKE $${params.length}`)
  }
  return where.length ? ` AND ${where.join(' AND ')}` : ''
}

const WEIGHTS = `'{0.05, 0.2, 0.4, 1.0}'`

/**
 * The heads (distinct title / common names / tags) that match: every word, or close in
 * trigrams to the whole query (typos, different spacing). Scored once per head, however many
 * documents share it.
 */
async function matchingHeads(pool: Pool, query: SiteSearchQuery, tsquery: string): Promise<Head[]> {
  const params: unknown[] = [tsquery, compactText(query.q)]
  let typeFilter = ''
  if (query.type) {
    params.push(query.type)
    typeFilter = ` AND h.type = $${params.length}`
  }
  const rows = await run<Head>(
    pool,
    `SELECT h.head_key,
            ts_rank(${WEIGHTS}, h.fts_head, $1::tsquery) * 10 + word_similarity($2, h.head_text) * 2
              + COALESCE(h.priority, 0) * 0.01 AS score
     FROM search_heads h
     WHERE (h.fts_head @@ $1::tsquery OR $2 <% h.head_text)${typeFilter}
       -- a head whose documents were all unpublished or deleted stays behind until a reindex
       AND EXISTS (SELECT 1 FROM search s WHERE s.head_key = h.head_key)`,
    params,
  )
  return rows
}

/**
 * One page of the documents under the given heads, each with its head's score, ordered by
 * score then id. A page needs at most page × limit documents of each head, read from the
 * (head_key, id) index, so a head shared by thousands of manuals costs a short index range;
 * the total is counted from the same index.
 */
async function pageOfHeads(pool: Pool, query: SiteSearchQuery, heads: Head[]): Promise<Row[]> {
  const params: unknown[] = [heads.map((h) => h.head_key), heads.map((h) => Number(h.score)), query.limit, (query.page - 1) * query.limit]
  const filters = filterSql(query, params, false)
  if (filters) {
    // Filtered (province, agency, tag): the matching documents are found once, by the indexes of
    // both conditions together, then counted and paged; the index range per head would read them twice.
    const filtered = `
    WITH g AS (SELECT * FROM unnest($1::text[], $2::float8[]) AS g(head_key, score)),
    hits AS MATERIALIZED (SELECT s.id, g.score FROM g JOIN search s ON s.head_key = g.head_key WHERE true${filters}),
    page AS (SELECT id, score FROM hits ORDER BY score DESC, id LIMIT $3 OFFSET $4)
    SELECT (SELECT count(*) FROM hits) AS total, s.doc_id, s.type, s.title, s.agency_id, s.agency_name, s.body_text, p.score
    FROM (SELECT 1) AS one
    LEFT JOIN (page p JOIN search s ON s.id = p.id) ON true
    ORDER BY p.score DESC NULLS LAST, s.id`
    return run<Row>(pool, filtered, params)
  }
  const sql = `
    WITH g AS (SELECT * FROM unnest($1::text[], $2::float8[]) AS g(head_key, score)),
    top AS (
      SELECT t.id, g.score FROM g CROSS JOIN LATERAL (
        SELECT s.id FROM search s WHERE s.head_key = g.head_key${filters} ORDER BY s.id LIMIT $3::int + $4::int
      ) t
    ), page AS (
      SELECT id, score FROM top ORDER BY score DESC, id LIMIT $3 OFFSET $4
    )
    SELECT (SELECT count(*) FROM g JOIN search s ON s.head_key = g.head_key WHERE true${filters}) AS total,
           s.doc_id, s.type, s.title, s.agency_id, s.agency_name, s.body_text, p.score
    FROM (SELECT 1) AS one
    LEFT JOIN (page p JOIN search s ON s.id = p.id) ON true
    ORDER BY p.score DESC NULLS LAST, s.id`
  return run<Row>(pool, sql, params)
}

/** One page of the documents holding every word somewhere (head, agency, body), ranked on the whole vector. */
async function pageOfDocuments(pool: Pool, query: SiteSearchQuery, tsquery: string): Promise<Row[]> {
  const params: unknown[] = [tsquery, query.limit, (query.page - 1) * query.limit]
  const filters = filterSql(query, params)
  const sql = `
    WITH hits AS MATERIALIZED (
      SELECT s.id, ts_rank(${WEIGHTS}, s.fts_all, $1::tsquery) * 5 + COALESCE(s.priority, 0) * 0.01 AS score
      FROM search s WHERE s.fts_all @@ $1::tsquery${filters}
    ), page AS (
      SELECT id, score FROM hits ORDER BY score DESC, id LIMIT $2 OFFSET $3
    )
    SELECT (SELECT count(*) FROM hits) AS total, s.doc_id, s.type, s.title, s.agency_id, s.agency_name,
           s.body_text, p.score
    FROM (SELECT 1) AS one
    LEFT JOIN (page p JOIN search s ON s.id = p.id) ON true
    ORDER BY p.score DESC NULLS LAST, s.id`
  return run<Row>(pool, sql, params)
}

async function browse(pool: Pool, query: SiteSearchQuery): Promise<Row[]> {
  const params: unknown[] = [query.limit, (query.page - 1) * query.limit]
  const filters = filterSql(query, params)
  const sql = `
    WITH hits AS MATERIALIZED (
      SELECT s.id, s.priority, s.title FROM search s WHERE true${filters}
    ), page AS (
      SELECT id FROM hits ORDER BY priority DESC NULLS LAST, title, id LIMIT $1 OFFSET $2
    )
    SELECT (SELECT count(*) FROM hits) AS total, s.doc_id, s.type, s.title, s.agency_id, s.agency_name,
           s.body_text, 0::float AS score
    FROM (SELECT 1) AS one
    LEFT JOIN (page p JOIN search s ON s.id = p.id) ON true
    ORDER BY s.priority DESC NULLS LAST, s.title, s.id`
  return run<Row>(pool, sql, params)
}

const totalOf = (rows: Row[]) => Number(rows[0]?.total ?? 0)

/**
 * Tiers, each tried only when the one before finds nothing:
 * 1. heads holding every query word, or close to the query in trigrams (typos);
 * 2. documents holding every word somewhere (agency names, body text);
 * 3. heads holding any of the words, ranked by how many and where.
 */
export async function siteSearch(pool: Pool, query: SiteSearchQuery): Promise<SiteSearchResult> {
  const tokens = queryTokens(query.q)
  let rows: Row[]
  if (!tokens.length) {
    rows = compactText(query.q) ? [] : await browse(pool, query)
  } else {
    const all = tsqueryAll(tokens)
    const heads = await matchingHeads(pool, query, all)
    // Words spread over agency and body are looked up document by document only when no head
    // is close: that lookup is the expensive one.
    rows = heads.length ? await pageOfHeads(pool, query, heads) : await pageOfDocuments(pool, query, all)
    if (totalOf(rows) === 0 && tokens.length > 1) {
      rows = await pageOfHeads(pool, query, await matchingHeads(pool, query, tsqueryAny(tokens)))
    }
  }
  const docs = rows
    .filter((r) => r.doc_id !== null && r.doc_id !== undefined)
    .map((r) => ({
      id: Number(r.doc_id),
      type: r.type,
      title: r.title,
      agency: r.agency_id ? { id: Number(r.agency_id), name: r.agency_name ?? '' } : null,
      // body_text is stored normalised (src/search/documents.ts); a title is not.
      snippet: r.body_text ? makeSnippet(r.body_text, tokens, 160, true) : makeSnippet(r.title, tokens),
      score: Math.round(Number(r.score) * 1000) / 1000,
    }))
  return { docs, totalDocs: totalOf(rows), page: query.page, limit: query.limit }
}
