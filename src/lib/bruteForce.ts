import { createHash } from 'node:crypto'

import { positiveInt } from './env'
import { bilingual } from './messages'

/**
 * Brute-force protection for logins and token codes, after rate-limiter-flexible's documented
 * login pattern: one counter per client address across every account, one per account AND
 * address for consecutive failures, the latter cleared by a success. Both are consumed before
 * the attempt runs (so a burst of parallel requests cannot slip past a check-then-count race)
 * and a successful attempt gives its address point back, so officers behind one office address
 * who log in correctly never use up each other's allowance.
 *
 * Nothing is counted per account alone: a per-account lock is one anybody can trigger from
 * anywhere, which is how an attacker would lock a system admin out. The owner, from any other
 * address, always gets through.
 */

/** What the guard needs of a counter (src/services/rateLimit.ts's `RateLimiter` fits). */
export type AttemptCounter = {
  consume: (key: string) => Promise<{ allowed: boolean; retryAfterSeconds: number; consumed: number }>
  reward: (key: string) => Promise<void>
  reset: (key: string) => Promise<void>
  options: { points: number }
}

export type AttemptVerdict =
  | { allowed: true }
  | {
      allowed: false
      retryAfterSeconds: number
      /** Which counter refused: the address over all accounts, or this account from this address. */
      scope: 'address' | 'account'
      /** The first refusal of its window (log it once, not for every request of a flood). */
      first: boolean
    }

export type BruteForceGuard = {
  attempt: (address: string, account?: string) => Promise<AttemptVerdict>
  succeeded: (address: string, account?: string) => Promise<void>
}

/** The key of one account from one address: hashed, so no email sits in the counters' table. */
export const accountAddressKey = (account: string, address: string): string =>
  createHash('sha256').update(`${account.trim().toLowerCase()}\u0000${address}`).digest('base64url').slice(0, 32)

export function bruteForceGuard(counters: { perAddress: AttemptCounter; perAccountAddress?: AttemptCounter }): BruteForceGuard {
  const { perAddress, perAccountAddress } = counters
  const refusal = (counter: AttemptCounter, scope: 'address' | 'account', v: { retryAfterSeconds: number; consumed: number }): AttemptVerdict => ({
    allowed: false,
    retryAfterSeconds: v.retryAfterSeconds,
    scope,
    first: v.consumed === counter.options.points + 1,
  })
  return {
    attempt: async (address, account) => {
      const byAddress = await perAddress.consume(address)
      if (!byAddress.allowed) return refusal(perAddress, 'address', byAddress)
      if (perAccountAddress && account) {
        const byAccount = await perAccountAddress.consume(accountAddressKey(account, address))
        if (!byAccount.allowed) return refusal(perAccountAddress, 'account', byAccount)
      }
      return { allowed: true }
    },
    succeeded: async (address, account) => {
      await perAddress.reward(address)
      if (perAccountAddress && account) await perAccountAddress.reset(accountAddressKey(account, address))
    },
  }
}

type Limit = { points: number; durationSeconds: number }

const limit = (env: Record<string, string | undefined>, prefix: string, points: number, durationSeconds: number): Limit => ({
  points: positiveInt(env, `${prefix}_POINTS`, points),
  durationSeconds: positiveInt(env, `${prefix}_DURATION`, durationSeconds),
})

/**
 * The limits, each `<NAME>_POINTS` attempts per `<NAME>_DURATION` seconds (README "Security").
 * Address counters count failed (and in-flight) attempts: successes are given back.
 */
export function authLimits(env: Record<string, string | undefined> = process.env) {
  return {
    /** Password logins from one address, any account. */
    loginPerAddress: limit(env, 'LOGIN_RATE_LIMIT_ADDRESS', 30, 15 * 60),
    /** Consecutive failed password logins of one account from one address; a success clears it. */
    loginPerAccountAddress: limit(env, 'LOGIN_RATE_LIMIT_ACCOUNT', 10, 60 * 60),
    /** Digital ID callbacks from one address that did not end in a login. */
    digitalIdPerAddress: limit(env, 'DIGITAL_ID_RATE_LIMIT_ADDRESS', 20, 15 * 60),
    /** Token codes tried from one address (any account) that did not bind an account. */
    redeemPerAddress: limit(env, 'REDEEM_TOKEN_RATE_LIMIT_ADDRESS', 50, 15 * 60),
    /** Token codes tried by one account, whatever the outcome. */
    redeemPerAccount: limit(env, 'REDEEM_TOKEN_RATE_LIMIT_ACCOUNT', 10, 15 * 60),
  }
}

export const TOO_MANY_LOGINS = bilingual(
  'พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',
  'Too many login attempts: please wait and try again',
)

export const TOO_MANY_CODES = bilingual('ลองใส่รหัสหลายครั้งเกินไป กรุณารอสักครู่', 'Too many attempts: please wait and try again')

/** The JSON body of a 429 (Payload's error shape), with the wait in seconds. */
export const tooManyBody = (message: string, retryAfterSeconds: number) => ({
  errors: [{ message, data: { retryAfterSeconds } }],
})
