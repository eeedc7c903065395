import type { FieldHook, PayloadRequest } from 'payload'

import { idsOf } from '../../lib/pinning'

type Id = number | string

/**
 * The pinned manuals this reader may read: a citizen gets only published ones, an officer also
 * their agency's work in progress (the manuals collection's own read access decides). Cached per
 * request, so a list of points asks once per manual.
 */
async function readableManualIds(req: PayloadRequest, ids: Id[]): Promise<Set<string>> {
  // Hooks of one document run concurrently: cache the pending answers, not just the settled ones.
  const cache = ((req.context ??= {}).readableManuals ??= new Map<string, Promise<boolean>>()) as Map<string, Promise<boolean>>
  const unknown = [...new Set(ids.map(String))].filter((id) => !cache.has(id))
  if (unknown.length) {
    const found = req.payload
      .find({
        collection: 'manuals',
        where: { id: { in: unknown } },
        select: {},
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: false,
        req,
      })
      .then((result) => new Set(result.docs.map((doc) => String(doc.id))))
    unknown.forEach((id) => cache.set(id, found.then((readable) => readable.has(id))))
  }
  const answers = await Promise.all(ids.map(async (id) => [String(id), await cache.get(String(id))] as const))
  return new Set(answers.filter(([, ok]) => ok).map(([id]) => id))
}

/**
 * Payload shows related ids "regardless of access control": without this a citizen would learn
 * which draft manuals a point has pinned. Runs before population, so hidden ids are never loaded.
 */
export const hideUnreadablePinnedManuals: FieldHook = async ({ value, req, overrideAccess }) => {
  if (overrideAccess || !Array.isArray(value) || value.length === 0) return value
  const readable = await readableManualIds(req, idsOf(value))
  return value.filter((entry) => readable.has(String(idsOf([entry])[0])))
}

/** The per-location details of pinned manuals follow the same rule as the pins themselves. */
export const hideUnreadablePinDetails: FieldHook = async ({ value, req, overrideAccess }) => {
  if (overrideAccess || !Array.isArray(value) || value.length === 0) return value
  const readable = await readableManualIds(req, idsOf(value.map((row: { manual?: unknown }) => row?.manual)))
  return value.filter((row: { manual?: unknown }) => readable.has(String(idsOf([row?.manual])[0])))
}
