import type { CollectionAfterLoginHook, CollectionBeforeOperationHook, Payload, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { authLimits, bruteForceGuard, TOO_MANY_LOGINS, type AttemptVerdict } from '../../lib/bruteForce'
import { clientAddress, rateLimiter } from '../../services/rateLimit'
import { recordAudit } from '../AuditLog/record'

/** The password-login guard of this Payload (limits read from the environment when first used). */
export function loginGuard(payload: Payload) {
  const limits = authLimits()
  return bruteForceGuard({
    perAddress: rateLimiter(payload, { name: 'login-address', ...limits.loginPerAddress }),
    perAccountAddress: rateLimiter(payload, { name: 'login-account', ...limits.loginPerAccountAddress }),
  })
}

const submittedAccount = (data: unknown): string => {
  const { email, username } = (data ?? {}) as { email?: unknown; username?: unknown }
  const value = typeof email === 'string' ? email : typeof username === 'string' ? username : ''
  // Payload looks the account up by the lower-cased, trimmed email: count the same key.
  return value.toLowerCase().trim()
}

/** A refused attempt; its own name, so the config can keep a flood out of the error log. */
export class TooManyAttempts extends APIError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 429, { retryAfterSeconds }, true)
    this.name = 'TooManyAttempts'
  }
}

/** A 429 through Payload's error handler, which merges `req.responseHeaders` into its answer. */
export function throttled(req: PayloadRequest, message: string, retryAfterSeconds: number): never {
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(retryAfterSeconds))
  req.responseHeaders = headers
  throw new TooManyAttempts(message, retryAfterSeconds)
}

/** One audit entry per refused window (not one per request of a flood). */
async function auditThrottled(req: PayloadRequest, verdict: Extract<AttemptVerdict, { allowed: false }>, account: string, address: string) {
  if (!verdict.first) return
  const target = account
    ? (await req.payload.find({ collection: 'users', where: { email: { equals: account } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
    : undefined
  await recordAudit(req.payload, {
    action: 'throttled',
    targetUser: target?.id ?? null,
    ip: address,
    details: { method: 'password', reason: 'throttled', scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds },
  }).catch((err) => req.payload.logger.warn(`audit of a throttled login failed: ${(err as Error).message}`))
}

/**
 * Password logins over REST and GraphQL (the admin's login form too) are counted per client
 * address and per account + address before Payload checks the password; past a limit they get
 * 429 with Retry-After. Local API logins (server code, tests) have no client and are not counted.
 */
export const throttlePasswordLogin: CollectionBeforeOperationHook = async ({ operation, args, req }) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const account = submittedAccount((args as { data?: unknown }).data)
  const address = clientAddress(req)
  const verdict = await loginGuard(req.payload).attempt(address, account || undefined)
  if (!verdict.allowed) {
    await auditThrottled(req, verdict, account, address)
    throttled(req, TOO_MANY_LOGINS, verdict.retryAfterSeconds)
  }
  return args
}

/** A correct password clears the account's failures from this address and gives its point back. */
export const clearLoginFailures: CollectionAfterLoginHook = async ({ user, req }) => {
  if (req.payloadAPI === 'local') return
  const account = String((user as { email?: string }).email ?? '').toLowerCase().trim()
  await loginGuard(req.payload).succeeded(clientAddress(req), account || undefined)
}
