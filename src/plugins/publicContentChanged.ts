import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, Plugin } from 'payload'

import { type FieldLike, relationshipPaths } from '../lib/publicQuery'
import { notifyPublicContentChanged } from '../services/publicContentNotice'
import { syncPublicSnapshot, syncSnapshotsNaming } from '../services/publicSnapshots'

// The public snapshot (src/services/publicSnapshots/sync.ts) is recomputed in the same transaction.
const afterChange: CollectionAfterChangeHook = async ({ req, doc, collection }) => {
  await syncPublicSnapshot(req, collection.slug, doc.id)
  await notifyPublicContentChanged(req)
}
const afterDelete: CollectionAfterDeleteHook = async ({ req, id, collection }) => {
  await syncPublicSnapshot(req, collection.slug, id, true)
  await notifyPublicContentChanged(req)
}
/** A deleted document that public answers name without being public (a manual's form file). */
const afterDeleteNamed: CollectionAfterDeleteHook = async ({ req, id, collection }) => {
  await syncSnapshotsNaming(req, collection.slug, id)
  await notifyPublicContentChanged(req)
}
/** A changed one: depth-1 answers show it populated (a form file's description). */
const afterChangeNamed: CollectionAfterChangeHook = async ({ req, doc, collection }) => {
  await syncSnapshotsNaming(req, collection.slug, doc.id, false)
  await notifyPublicContentChanged(req)
}

/**
 * Adds the change notice (and the snapshot update) to every collection whose documents the public
 * cache may hold, and a delete hook to the other collections their relationships name.
 */
export const publicContentChangedPlugin =
  (slugs: string[]): Plugin =>
  (config: Config): Config => {
    const collections = config.collections ?? []
    const named = new Set(
      collections
        .filter((c) => slugs.includes(c.slug))
        .flatMap((c) => relationshipPaths(c.fields as unknown as FieldLike[]).flatMap((p) => p.relationTo))
        .filter((slug) => !slugs.includes(slug)),
    )
    return {
      ...config,
      collections: collections.map((collection) =>
        slugs.includes(collection.slug)
          ? {
              ...collection,
              hooks: {
                ...collection.hooks,
                afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
                afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
              },
            }
          : named.has(collection.slug)
            ? {
                ...collection,
                hooks: {
                  ...collection.hooks,
                  afterChange: [...(collection.hooks?.afterChange ?? []), afterChangeNamed],
                  afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDeleteNamed],
                },
              }
            : collection,
      ),
    }
  }
