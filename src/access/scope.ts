import type { PayloadRequest, Where } from 'payload'

import { agencyIdOf, servicePointIdOf } from './user'

type Id = number | string

/**
 * The ids of `collection` matching `where`, found once per request (access runs many times in
 * one request: list, populate, field access) and kept in req.context under `cacheKey`.
 */
async function idsOncePerRequest(
  req: PayloadRequest,
  cacheKey: string,
  collection: 'agencies' | 'service-points',
  where: Where,
): Promise<Id[]> {
  const cached = req.context?.[cacheKey] as Id[] | undefined
  if (cached) return cached
  const result = await req.payload.find({
    collection,
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  const ids: Id[] = result.docs.map((doc) => doc.id)
  req.context = { ...(req.context ?? {}), [cacheKey]: ids }
  return ids
}

/**
 * The agencies an officer may act for: their own agency and every agency below it
 * (a department's sub-units), found through the nested-docs breadcrumbs.
 */
export async function agencyScopeIds(req: PayloadRequest): Promise<Id[]> {
  const own = agencyIdOf(req)
  if (own === null) return []
  const ids = await idsOncePerRequest(req, `agencyScope:${own}`, 'agencies', {
    or: [{ id: { equals: own } }, { 'breadcrumbs.doc': { equals: own } }],
  })
  return ids.some((id) => String(id) === String(own)) ? ids : [...ids, own]
}

/** The service points an officer may act for: theirs and the ones nested below it. */
export async function servicePointScopeIds(req: PayloadRequest): Promise<Id[]> {
  const own = servicePointIdOf(req)
  if (own === null) return []
  return idsOncePerRequest(req, `servicePointScope:${own}`, 'service-points', {
    or: [{ id: { equals: own } }, { parent: { equals: own } }],
  })
}

export async function inAgencyScope(req: PayloadRequest, agencyId: unknown): Promise<boolean> {
  if (agencyId === null || agencyId === undefined) return false
  const ids = await agencyScopeIds(req)
  return ids.some((id) => String(id) === String(agencyId))
}

export async function agencyScopeWhere(req: PayloadRequest, field = 'agency'): Promise<Where | false> {
  const ids = await agencyScopeIds(req)
  return ids.length ? { [field]: { in: ids } } : false
}
