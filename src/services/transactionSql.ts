/**
 * Raw SQL inside Payload's transaction for a write. Hooks that query beside Payload must use the
 * writing request's transaction, not a second pool connection: a transaction waiting for another
 * connection from the pool it holds one of deadlocks the pool once as many writes run at once as
 * it has connections.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

export type Row = Record<string, unknown>
export type Exec = (text: string, values?: unknown[]) => Promise<{ rows: Row[] }>
export type TransactionID = string | number

type Queryable = { query: (text: string, values?: unknown[]) => Promise<{ rows: Row[] }> }
/** A Payload transaction's drizzle session: `execute` runs a drizzle `sql` query inside it. */
export type TransactionSession = { execute: (query: unknown) => Promise<{ rows: Row[] }> }

const sessionsOf = (payload: Payload) => (payload.db as unknown as { sessions?: Record<string, { db: TransactionSession }> }).sessions

/** The drizzle session of `req`'s transaction, or undefined when it has none. */
export async function transactionSession(req: PayloadRequest): Promise<TransactionSession | undefined> {
  return req.transactionID ? sessionsOf(req.payload)?.[String(await req.transactionID)]?.db : undefined
}

/** Runs SQL in the Payload transaction `transactionID` (its drizzle session), else on the pool. */
export function execIn(payload: Payload, transactionID?: TransactionID): Exec {
  const db = transactionID !== undefined ? sessionsOf(payload)?.[String(transactionID)]?.db : undefined
  if (!db) {
    const pool = (payload.db as unknown as { pool?: Queryable }).pool
    if (!pool) throw new Error('raw SQL needs the PostgreSQL adapter (payload.db.pool)')
    return (text, values) => pool.query(text, values)
  }
  return async (text, values = []) => {
    // `$n` placeholders become drizzle params (scalars only: arrays travel as JSON text).
    const parts = text.split(/\$(\d+)/)
    const chunks = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`))
    return db.execute(sql.join(chunks, sql.raw('')))
  }
}

/** SQL in `req`'s transaction when it has one (a write), else on the pool. */
export async function execFor(req: PayloadRequest): Promise<Exec> {
  return execIn(req.payload, req.transactionID ? await req.transactionID : undefined)
}
