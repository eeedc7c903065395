/**
 * The change notice every writer of public content sends (src/plugins/publicContentChanged.ts on
 * each collection write, src/import/run.ts after a bulk import): this instance's caches drop at once,
 * the others when PostgreSQL delivers the NOTIFY after commit.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { CONTENT_CHANNEL, localInvalidators } from './publicContent'
import { transactionSession } from './transactionSql'

type Drizzle = { execute: (query: unknown) => Promise<unknown> }

/**
 * Tells every instance that public content changed. The NOTIFY runs in the writing request's
 * transaction, so PostgreSQL delivers it only after commit (and never for a rolled-back write).
 */
export async function notifyPublicContentChanged(req: PayloadRequest): Promise<void> {
  localInvalidators.forEach((invalidate) => invalidate())
  const db = (await transactionSession(req)) ?? (req.payload.db as unknown as { drizzle: Drizzle }).drizzle
  await db.execute(sql`select pg_notify(${CONTENT_CHANNEL}, '')`)
}
