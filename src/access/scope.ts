import type { PayloadRequest, Where } from 'payload'

import { agencyIdOf, servicePointIdOf } from './user'

/**
 * The agencies an officer may act for: their own agency and every agency below it
 * (a department's sub-units), found through the nested-docs breadcrumbs. Cached per request.
 */
export async function agencyScopeIds(req: PayloadRequest): Promise<Array<number | string>> {
  const own = agencyIdOf(req)
  if (own === null) return []
  const cacheKey = `agencyScope:${own}`
  const cached = req.context?.[cacheKey] as Array<number | string> | undefined
  if (cached) return cached
  const result = await req.payload.find({
    collection: 'agencies',
    where: { or: [{ id: { equals: own } }, { 'breadcrumbs.doc': { equals: own } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  const ids = result.docs.map((doc) => doc.id)
  if (!ids.includes(own as never)) ids.push(own as never)
  req.context = { ...(req.context ?? {}), [cacheKey]: ids }
  return ids
}

/** The service points an officer may act for: theirs and the ones nested below it. */
export async function servicePointScopeIds(req: PayloadRequest): Promise<Array<number | string>> {
  const own = servicePointIdOf(req)
  if (own === null) return []
  const cacheKey = `servicePointScope:${own}`
  const cached = req.context?.[cacheKey] as Array<number | string> | undefined
  if (cached) return cached
  const result = await req.payload.find({
    collection: 'service-points',
    where: { or: [{ id: { equals: own } }, { parent: { equals: own } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  const ids = result.docs.map((doc) => doc.id)
  req.context = { ...(req.context ?? {}), [cacheKey]: ids }
  return ids
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
