/**
 * The ranking query over the `search` table, in parameterised SQL.
 *
 * Matching: every query word must occur somewhere in the document (a prefix match, so a word
 * typed halfway still counts), or the names must be close in trigrams (typos, words run
 * together differently). Only when that finds nothing are the words relaxed to "any of them",
 * looked up in titles, common names, tags and agency names (not body text, which would match
 * nearly everything).
 * Score: ts_rank with title and common names (A) above tags (B) above agency (C) above body (D),
 * plus trigram word similarity of the names, plus a small preference for manuals.
 */
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

/** Prefix matching only for words long enough not to match half the dictionary. */
const term = (token: string) => `'${token.replace(/'/g, "''")}'${[...token].length >= 2 ? ':*' : ''}`

export function tsqueryAll(tokens: string[]): string {
  return tokens.map(term).join(' & ')
}

export function tsqueryAny(tokens: string[]): string {
  const useful = tokens.filter((t) => [...t].length >= 2)
  return (useful.length ? useful : tokens).map(term).join(' | ')
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

/** Filters shared by every tier; parameters from $5 on. */
function filterSql(query: SiteSearchQuery, params: unknown[]): string {
  const where: string[] = []
  if (query.type) {
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

const SCORE = `(ts_rank('{0.05, 0.2, 0.4, 1.0}', s.fts_head, $1::tsquery) * 10
  + CASE WHEN s.fts_all @@ $1::tsquery THEN 0.5 ELSE 0 END
  + word_similarity($2, s.head_text) * 2
  + COALESCE(s.priority, 0) * 0.01)`

async function runTier(pool: Pool, query: SiteSearchQuery, tsquery: string, match: 'all' | 'head'): Promise<Row[]> {
  const params: unknown[] = [tsquery, compactText(query.q), query.limit, (query.page - 1) * query.limit]
  const filters = filterSql(query, params)
  const vector = match === 'all' ? 's.fts_all' : 's.fts_head'
  const matchSql = `(${vector} @@ $1::tsquery OR $2 <% s.head_text)`
  const sql = `
    WITH hits AS MATERIALIZED (
      SELECT s.id, ${SCORE} AS score FROM search s WHERE ${matchSql}${filters}
    ), page AS (
      SELECT id, score FROM hits ORDER BY score DESC, id LIMIT $3 OFFSET $4
    )
    SELECT (SELECT count(*) FROM hits) AS total, s.doc_id, s.type, s.title, s.agency_id, s.agency_name,
           s.body_text, p.score
    FROM (SELECT 1) AS one
    LEFT JOIN (page p JOIN search s ON s.id = p.id) ON true
    ORDER BY p.score DESC NULLS LAST, s.id`
  return (await pool.query<Row>(sql, params)).rows
}

async function browse(pool: Pool, query: SiteSearchQuery): Promise<Row[]> {
  const params: unknown[] = [null, null, query.limit, (query.page - 1) * query.limit]
  const filters = filterSql(query, params)
  const sql = `
    WITH hits AS MATERIALIZED (
      SELECT s.id, s.priority, s.title FROM search s WHERE $1::text IS NULL AND $2::text IS NULL${filters}
    ), page AS (
      SELECT id FROM hits ORDER BY priority DESC NULLS LAST, title, id LIMIT $3 OFFSET $4
    )
    SELECT (SELECT count(*) FROM hits) AS total, s.doc_id, s.type, s.title, s.agency_id, s.agency_name,
           s.body_text, 0::float AS score
    FROM (SELECT 1) AS one
    LEFT JOIN (page p JOIN search s ON s.id = p.id) ON true
    ORDER BY s.priority DESC NULLS LAST, s.title, s.id`
  return (await pool.query<Row>(sql, params)).rows
}

export async function siteSearch(pool: Pool, query: SiteSearchQuery): Promise<SiteSearchResult> {
  const tokens = queryTokens(query.q)
  let rows: Row[]
  if (!tokens.length) {
    rows = compactText(query.q) ? [{ total: '0' } as Row] : await browse(pool, query)
  } else {
    rows = await runTier(pool, query, tsqueryAll(tokens), 'all')
    if (Number(rows[0]?.total ?? 0) === 0 && tokens.length > 1) rows = await runTier(pool, query, tsqueryAny(tokens), 'head')
  }
  const totalDocs = Number(rows[0]?.total ?? 0)
  const docs = rows
    .filter((r) => r.doc_id !== null && r.doc_id !== undefined)
    .map((r) => ({
      id: Number(r.doc_id),
      type: r.type,
      title: r.title,
      agency: r.agency_id ? { id: Number(r.agency_id), name: r.agency_name ?? '' } : null,
      snippet: makeSnippet(r.body_text || r.title, tokens),
      score: Math.round(Number(r.score) * 1000) / 1000,
    }))
  return { docs, totalDocs, page: query.page, limit: query.limit }
}
