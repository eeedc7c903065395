/**
 * The change notice every writer of public content sends (src/plugins/publicContentChanged.ts on
 * each collection write, src/import/run.ts after a bulk import): this instance's caches drop at once,
 * the others when PostgreSQL delivers the NOTIFY after commit.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { CONTENT_CHANNEL, localInvalidators } from './publicContent'

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
