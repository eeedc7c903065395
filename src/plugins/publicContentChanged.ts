import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, PayloadRequest, Plugin } from 'payload'

import { CONTENT_CHANNEL, localInvalidators } from '../server/publicCache'

type Drizzle = { execute: (query: unknown) => Promise<unknown> }

/**
 * Tells every instance that public content changed. The NOTIFY runs in the writing request's
 * transaction, so PostgreSQL delivers it only after commit (and never for a rolled-back write).
 */
export async function notifyPublicContentChanged(req: PayloadRequest): Promise<void> {
  localInvalidators.forEach((invalidate) => invalidate())
  const adapter = req.payload.db as unknown as { sessions?: Record<string, { db: Drizzle }>; drizzle: Drizzle }
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const db = (transactionID && adapter.sessions?.[String(transactionID)]?.db) || adapter.drizzle
  await db.execute(sql`select pg_notify(${CONTENT_CHANNEL}, '')`)
}

const afterChange: CollectionAfterChangeHook = async ({ req }) => {
  await notifyPublicContentChanged(req)
}
const afterDelete: CollectionAfterDeleteHook = async ({ req }) => {
  await notifyPublicContentChanged(req)
}

/** Adds the change notice to every collection whose documents the public cache may hold. */
export const publicContentChangedPlugin =
  (slugs: string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      slugs.includes(collection.slug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
              afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
            },
          }
        : collection,
    ),
  })
