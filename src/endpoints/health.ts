import type { Endpoint } from 'payload'
import { sql } from '@payloadcms/db-postgres'

/** GET /api/health: 200 when the database answers, 503 when it does not (load balancers use it). */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const started = Date.now()
    try {
      const db = req.payload.db as unknown as { drizzle: { execute: (q: unknown) => Promise<unknown> } }
      await Promise.race([
        db.drizzle.execute(sql`select 1`),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
      ])
      return Response.json({ status: 'ok', database: 'up', latencyMs: Date.now() - started })
    } catch {
      return Response.json({ status: 'error', database: 'down' }, { status: 503, headers: { 'Retry-After': '5' } })
    }
  },
}
