import { type Endpoint, type Payload, type PayloadRequest, ValidationError } from 'payload'

import { isProvince } from '../lib/geography'
import { bilingual } from '../lib/messages'
import { normalizeThai } from '../lib/thaiText'
import { SEARCH_SLUG, searchPool } from './schema'
import { payloadCorsHeaders } from '../services/cors'
import { siteSearch, type SiteSearchQuery, type SiteSearchResult } from './query'

const TYPES = ['manual', 'other-service', 'service-point', 'agency']
const MAX_LIMIT = 50
const MAX_QUERY_LENGTH = 200

const invalid = (path: string, th: string, en: string) =>
  new ValidationError({ collection: SEARCH_SLUG, errors: [{ path, message: bilingual(th, en) }] })

const positiveInt = (value: string | null, path: string, fallback?: number): number | undefined => {
  if (value === null || value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw invalid(path, `${path} ต้องเป็นจำนวนเต็มบวก`, `${path} must be a positive integer`)
  return Number(value)
}

/** The agency and every agency below it (nested-docs breadcrumbs), as the caller may read them. */
async function agencyWithSubunits(payload: Payload, id: number, caller: Caller): Promise<number[]> {
  const found = await payload.find({
    collection: 'agencies',
    where: { or: [{ id: { equals: id } }, { 'breadcrumbs.doc': { equals: id } }] },
    select: {},
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    user: caller.user,
    req: caller.req,
  })
  return found.docs.map((d) => Number(d.id))
}

type Caller = { user: PayloadRequest['user'] | null; req?: PayloadRequest }
export type SiteSearchParams = Omit<SiteSearchQuery, 'agencyIds'> & { agency?: number }

/** The query string of GET /api/site-search, checked; a ValidationError names the bad parameter. */
export function parseSiteSearch(params: URLSearchParams): SiteSearchParams {
  const q = normalizeThai(params.get('q'))
  if (q.length > MAX_QUERY_LENGTH)
    throw invalid('q', `คำค้นยาวได้ไม่เกิน ${MAX_QUERY_LENGTH} ตัวอักษร`, `The query may be at most ${MAX_QUERY_LENGTH} characters`)
  const type = params.get('type') || undefined
  if (type && !TYPES.includes(type))
    throw invalid('type', `ประเภทต้องเป็น ${TYPES.join(', ')}`, `type must be one of ${TYPES.join(', ')}`)
  const province = params.get('province') ? normalizeThai(params.get('province')) : undefined
  if (province && !isProvince(province))
    throw invalid('province', `ไม่พบจังหวัด "${province}"`, `"${province}" is not a Thai province`)
  const agency = positiveInt(params.get('agency'), 'agency')
  const tagId = positiveInt(params.get('tag'), 'tag')
  const page = positiveInt(params.get('page'), 'page', 1)!
  const limit = positiveInt(params.get('limit'), 'limit', 10)!
  if (limit > MAX_LIMIT) throw invalid('limit', `limit ได้ไม่เกิน ${MAX_LIMIT}`, `limit may be at most ${MAX_LIMIT}`)
  return { q, type, province, agency, tagId, page, limit }
}

/** Runs a checked search as the caller (whose access decides which agencies' sub-units count). */
export async function searchSite(payload: Payload, query: SiteSearchParams, caller: Caller): Promise<SiteSearchResult> {
  const { agency, ...rest } = query
  const agencyIds = agency === undefined ? undefined : await agencyWithSubunits(payload, agency, caller)
  if (agencyIds && agencyIds.length === 0) return { docs: [], totalDocs: 0, page: query.page, limit: query.limit }
  return siteSearch(searchPool(payload), { ...rest, agencyIds })
}

/**
 * GET /api/site-search?q=&type=&agency=&province=&tag=&page=&limit= — ranked search of the
 * public index (../shared/API.md). `agency` and `tag` are ids; `agency` includes its sub-units
 * and `tag` its sub-tags. Without `q`, lists what the filters select.
 */
export const siteSearchEndpoint: Endpoint = {
  path: '/site-search',
  method: 'get',
  handler: async (req) => {
    const query = parseSiteSearch(new URL(req.url ?? '', 'http://localhost').searchParams)
    return Response.json(await searchSite(req.payload, query, { user: req.user, req }))
  },
}

/**
 * A citizen's search (no token, no session cookie) answered without Payload's request pipeline:
 * the same parse and query as the endpoint, as an anonymous reader. Null for anything else, and
 * for invalid parameters, so that Payload's endpoint answers those with its usual error body.
 */
export async function anonymousSiteSearch(payload: Payload, request: Request): Promise<Response | null> {
  if (request.method !== 'GET' || request.headers.has('authorization') || /(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')) return null
  const url = new URL(request.url)
  if (!/^\/api\/site-search\/?$/.test(url.pathname)) return null
  let query: SiteSearchParams
  try {
    query = parseSiteSearch(url.searchParams)
  } catch {
    return null
  }
  return Response.json(await searchSite(payload, query, { user: null }), { headers: payloadCorsHeaders(payload, request.headers.get('origin')) })
}
