/**
 * What a snapshot is: which documents and lists the read model answers (ReadSpec per public
 * collection, from src/lib/publicQuery.ts), the select that gives the by-id answer, and the field
 * fingerprint stored rows must match to be served (a deploy that changes a collection's fields,
 * hooks or depth-1 populations stops serving its old rows until they are rebuilt).
 */
import type { Payload } from 'payload'

import { type FieldLike, joinFields, type ReadSpec, relationshipPaths, shapeFingerprint, SNAPSHOT_DEPTH1, SNAPSHOT_LIST_FILTERS } from '../../lib/publicQuery'
import { PUBLIC_CONTENT_COLLECTIONS } from '../publicContent'

/** Bump when read-time logic changes in a way the field fingerprint cannot see (hooks, access). */
const FORMAT = 2

/**
 * A batched `find` with no `select` gets the citizen list defaults (src/hooks/citizenReads.ts:
 * no rich text, no join). An explicit select that leaves out only a UI field (nothing stored)
 * gives the by-id answer byte for byte.
 */
export const BY_ID_SELECT: Record<string, Record<string, false>> = { manuals: { workflowTimeline: false } }

const fingerprints = new WeakMap<object, Record<string, string>>()

/** The field fingerprint of each public collection (what stored rows must match to be served). */
export function snapshotFingerprints(payload: Payload): Record<string, string> {
  let out = fingerprints.get(payload.config)
  if (!out) {
    out = {}
    for (const slug of PUBLIC_CONTENT_COLLECTIONS) {
      const config = payload.collections[slug]?.config
      if (!config) continue
      const hooks = config.hooks ?? {}
      const collectionLevel = {
        defaultSort: config.defaultSort ?? null,
        drafts: Boolean(config.versions && typeof config.versions === 'object' && config.versions.drafts),
        hooks: Object.fromEntries(['beforeOperation', 'beforeRead', 'afterRead'].map((k) => [k, (hooks as Record<string, unknown[]>)[k]?.length ?? 0])),
        byIdSelect: BY_ID_SELECT[slug] ?? null,
        filters: SNAPSHOT_LIST_FILTERS[slug] ?? null,
        // A depth-1 body also shows the documents it populates, in their collections' shapes.
        populates: SNAPSHOT_DEPTH1.includes(slug)
          ? populatedCollections(payload, slug).map((other) => {
              const c = payload.collections[other as never]?.config
              return [other, c?.defaultPopulate ?? null, c ? shapeFingerprint(c.fields as unknown as FieldLike[], null, FORMAT) : null]
            })
          : null,
      }
      out[slug] = shapeFingerprint(config.fields as unknown as FieldLike[], collectionLevel, FORMAT)
    }
    fingerprints.set(payload.config, out)
  }
  return out
}

/** The collections a document of `slug` populates at depth 1 (relationships, uploads, joins). */
function populatedCollections(payload: Payload, slug: string): string[] {
  const fields = (payload.collections[slug as never]?.config.fields ?? []) as unknown as FieldLike[]
  const out = new Set([...relationshipPaths(fields).flatMap((p) => p.relationTo), ...joinFields(fields).map((j) => j.collection)])
  return [...out].sort()
}

export const fieldsOf = (payload: Payload) => (slug: string) => payload.collections[slug as never]?.config.fields as unknown as FieldLike[] | undefined

export function readSpecs(payload: Payload): Record<string, ReadSpec> {
  const specs: Record<string, ReadSpec> = {}
  for (const slug of PUBLIC_CONTENT_COLLECTIONS) {
    const config = payload.collections[slug]?.config
    if (!config) continue
    const filters: ReadSpec['filters'] = {}
    for (const [field, kind] of Object.entries(SNAPSHOT_LIST_FILTERS[slug] ?? {})) {
      const def = config.flattenedFields.find((f) => 'name' in f && f.name === field) as FieldLike | undefined
      if (!def) continue
      filters[field] = {
        kind,
        options: kind === 'select' ? (def.options ?? []).map((o) => (typeof o === 'string' ? o : o.value)) : undefined,
      }
    }
    specs[slug] = { lists: !config.defaultSort, filters, depth1: SNAPSHOT_DEPTH1.includes(slug) }
  }
  return specs
}
