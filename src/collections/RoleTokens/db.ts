import type { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

export type Db = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Array<Record<string, unknown>> }> }

/** The database handle of the request's transaction (so SQL joins it), or the pool outside one. */
export async function dbOf(payload: Payload, req?: Partial<PayloadRequest>): Promise<Db> {
  const adapter = payload.db as unknown as { drizzle: Db; sessions?: Record<string, { db: Db }> }
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[String(id)]?.db) || adapter.drizzle
}
