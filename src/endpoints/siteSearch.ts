import { type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { isProvince } from '../lib/geography'
import { bilingual } from '../lib/messages'
import { normalizeThai } from '../lib/thaiText'
import { SEARCH_SLUG, searchPool } from '../search/schema'
import { siteSearch } from '../search/query'

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

/** The agency and every agency below it (nested-docs breadcrumbs), read as the caller. */
async function agencyWithSubunits(req: PayloadRequest, id: number): Promise<number[]> {
  const found = await req.payload.find({
    collection: 'agencies',
    where: { or: [{ id: { equals: id } }, { 'breadcrumbs.doc': { equals: id } }] },
    select: {},
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return found.docs.map((d) => Number(d.id))
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
    const params = new URL(req.url ?? '', 'http://localhost').searchParams
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

    const agencyIds = agency === undefined ? undefined : await agencyWithSubunits(req, agency)
    if (agencyIds && agencyIds.length === 0) return Response.json({ docs: [], totalDocs: 0, page, limit })
    const result = await siteSearch(searchPool(req.payload), { q, type, agencyIds, province, tagId, page, limit })
    return Response.json(result)
  },
}
