import session from 'express-session'
import type { Payload } from 'payload'

import { RATE_LIMIT_SCHEMA } from '../services/rateLimit'

/**
 * Where the Digital ID handshake keeps its state, nonce and PKCE verifier between /login and
 * /callback: a small UNLOGGED table beside the rate-limit counters (outside Payload's schema and
 * migrations), so the callback may land on any instance behind a load balancer. Entries live
 * for the 15 minutes of a login and are swept as new logins start.
 */
const TABLE = `"${RATE_LIMIT_SCHEMA}"."digital_id_sessions"`

type Pool = { query: (text: string, values?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> }
type Callback = (err?: unknown, value?: any) => void

export class PostgresSessionStore extends session.Store {
  private ready: Promise<void> | null = null

  constructor(private readonly payload: Payload) {
    super()
  }

  private get pool(): Pool {
    return (this.payload.db as unknown as { pool: Pool }).pool
  }

  private ensure(): Promise<void> {
    this.ready ??= (async () => {
      try {
        await this.pool.query(`CREATE SCHEMA IF NOT EXISTS "${RATE_LIMIT_SCHEMA}"`)
        await this.pool.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${TABLE} (sid text PRIMARY KEY, data jsonb NOT NULL, expires timestamptz NOT NULL)`)
      } catch (error) {
        // Two instances creating it at once: the loser sees a duplicate; the table is there.
        if ((error as { code?: string }).code !== '23505') {
          this.ready = null
          throw error
        }
      }
    })()
    return this.ready
  }

  private expiry(data: session.SessionData): Date {
    const expires = data.cookie?.expires
    return expires ? new Date(expires) : new Date(Date.now() + 15 * 60 * 1000)
  }

  get(sid: string, cb: Callback): void {
    this.ensure()
      .then(() => this.pool.query(`SELECT data FROM ${TABLE} WHERE sid = $1 AND expires > now()`, [sid]))
      .then((result) => cb(null, result.rows[0]?.data ?? null), cb)
  }

  set(sid: string, data: session.SessionData, cb?: Callback): void {
    this.ensure()
      .then(async () => {
        await this.pool.query(
          `INSERT INTO ${TABLE} (sid, data, expires) VALUES ($1, $2, $3) ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, expires = EXCLUDED.expires`,
          [sid, JSON.stringify(data), this.expiry(data)],
        )
        if (Math.random() < 0.05) await this.pool.query(`DELETE FROM ${TABLE} WHERE expires < now()`)
      })
      .then(() => cb?.(), (error) => cb?.(error))
  }

  destroy(sid: string, cb?: Callback): void {
    this.ensure()
      .then(() => this.pool.query(`DELETE FROM ${TABLE} WHERE sid = $1`, [sid]))
      .then(() => cb?.(), (error) => cb?.(error))
  }

  touch(sid: string, data: session.SessionData, cb?: Callback): void {
    this.ensure()
      .then(() => this.pool.query(`UPDATE ${TABLE} SET expires = $2 WHERE sid = $1`, [sid, this.expiry(data)]))
      .then(() => cb?.(), (error) => cb?.(error))
  }
}
