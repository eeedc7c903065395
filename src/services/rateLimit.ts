import type { Payload, PayloadRequest } from 'payload'
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { positiveInt } from '../lib/env'

/**
 * Per-client rate limits shared by every instance of the app: the counters live in PostgreSQL
 * (rate-limiter-flexible's RateLimiterPostgres on Payload's own `pg` pool), so a limit holds
 * behind a load balancer. The table is UNLOGGED (counters need no crash safety, and skipping
 * the WAL keeps each check cheap) and sits in its own schema, outside Payload's schema push and
 * migrations. When the database cannot answer, an in-memory limiter of the same size takes over
 * for that instance rather than refusing everyone.
 *
 * Usage:
 *   const limiter = rateLimiter(payload, { name: 'survey', points: 30, durationSeconds: 60 })
 *   const verdict = await limiter.consume(clientAddress(req))
 *   if (!verdict.allowed) return 429 with `Retry-After: verdict.retryAfterSeconds`
 */
export const RATE_LIMIT_SCHEMA = 'infogo_runtime'
export const RATE_LIMIT_TABLE = 'rate_limits'

export type RateLimitOptions = {
  /** Names the counters (a key prefix): one name per protected action. */
  name: string
  points: number
  durationSeconds: number
}

export type RateLimitVerdict = {
  allowed: boolean
  remaining: number
  retryAfterSeconds: number
  resetMs: number
  /**
   * Points used in this window, this request's included. A refusal with `points + 1` is the first
   * one of its window (refusals answered from the in-memory block report 0).
   */
  consumed: number
}

export type RateLimiter = {
  consume: (key: string, points?: number) => Promise<RateLimitVerdict>
  /** Gives back what one key consumed (e.g. after the request failed for another reason). */
  reset: (key: string) => Promise<void>
  /** Gives back `points` of one key's window (an attempt that turned out legitimate). */
  reward: (key: string, points?: number) => Promise<void>
  /** How long this instance still refuses the key from memory (0: not blocked here); no database call. */
  blockedMs: (key: string) => number
  options: RateLimitOptions
}

type PgPool = { query: (text: string) => Promise<unknown>; constructor: { name: string } }

const poolOf = (payload: Payload): PgPool => {
  const pool = (payload.db as unknown as { pool?: PgPool }).pool
  if (!pool) throw new Error('rate limits need the PostgreSQL adapter (payload.db.pool)')
  return pool
}

const tablesReady = new WeakMap<object, Promise<void>>()

/** Creates the counters' schema and table once per pool (idempotent, safe from several instances). */
export function ensureRateLimitTable(payload: Payload): Promise<void> {
  const pool = poolOf(payload)
  let ready = tablesReady.get(pool)
  if (!ready) {
    ready = (async () => {
      try {
        await pool.query(`CREATE SCHEMA IF NOT EXISTS "${RATE_LIMIT_SCHEMA}"`)
        await pool.query(
          `CREATE UNLOGGED TABLE IF NOT EXISTS "${RATE_LIMIT_SCHEMA}"."${RATE_LIMIT_TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
        )
      } catch (err) {
        // Two instances starting together race on CREATE ... IF NOT EXISTS: the loser sees 23505.
        if ((err as { code?: string }).code !== '23505') {
          tablesReady.delete(pool)
          throw err
        }
      }
    })()
    tablesReady.set(pool, ready)
  }
  return ready
}

const limiters = new WeakMap<object, Map<string, RateLimiter>>()

/** A limiter for one action; the same options on the same Payload give the same instance. */
export function rateLimiter(payload: Payload, options: RateLimitOptions): RateLimiter {
  const pool = poolOf(payload)
  const cacheKey = `${options.name}:${options.points}:${options.durationSeconds}`
  let byKey = limiters.get(pool)
  if (!byKey) limiters.set(pool, (byKey = new Map()))
  const cached = byKey.get(cacheKey)
  if (cached) return cached

  const common = { keyPrefix: options.name, points: options.points, duration: options.durationSeconds }
  const store = new RateLimiterPostgres({
    ...common,
    storeClient: pool,
    storeType: 'pool',
    schemaName: RATE_LIMIT_SCHEMA,
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    // Once a client is over its limit, later requests in the window are refused from memory.
    inMemoryBlockOnConsumed: options.points + 1,
    insuranceLimiter: new RateLimiterMemory(common),
  })

  const verdict = (res: RateLimiterRes, allowed: boolean): RateLimitVerdict => ({
    allowed,
    remaining: res.remainingPoints,
    resetMs: res.msBeforeNext,
    retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    consumed: res.consumedPoints,
  })

  const limiter: RateLimiter = {
    options,
    consume: async (key, points = 1) => {
      // A database that cannot create the table cannot count either: the in-memory insurance does.
      await ensureRateLimitTable(payload).catch(() => undefined)
      try {
        return verdict(await store.consume(key, points), true)
      } catch (err) {
        if (err instanceof RateLimiterRes) return verdict(err, false)
        throw err
      }
    },
    reset: async (key) => {
      // As consume and reward: a table that cannot be made (no CREATE right) must not fail a login.
      await ensureRateLimitTable(payload).catch(() => undefined)
      await store.delete(key)
    },
    reward: async (key, points = 1) => {
      await ensureRateLimitTable(payload).catch(() => undefined)
      await store.reward(key, points)
    },
    blockedMs: (key) =>
      (store as unknown as { getInMemoryBlockMsBeforeExpire: (rlKey: string) => number }).getInMemoryBlockMsBeforeExpire(store.getKey(key)),
  }
  byKey.set(cacheKey, limiter)
  return limiter
}

/** Reads a positive integer from the environment, falling back when unset or invalid. */
export const envInt = (name: string, fallback: number): number => positiveInt(process.env, name, fallback)

/**
 * The client's address as the Express host determined it (honouring TRUST_PROXY), passed in
 * `x-infogo-client-ip`; a client cannot set that header itself (src/server/payloadRest.ts
 * replaces it). Falls back to the last X-Forwarded-For hop when served without Express.
 */
export function clientAddress(req: Pick<PayloadRequest, 'headers'>): string {
  const trusted = req.headers.get('x-infogo-client-ip')
  if (trusted) return trusted
  const hops = (req.headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  // The hop nearest to us is the one our own proxy appended; earlier ones are the client's claim.
  return hops[hops.length - 1] ?? 'unknown'
}
