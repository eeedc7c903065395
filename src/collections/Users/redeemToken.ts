import { sql } from '@payloadcms/db-postgres'
import type { Endpoint, PayloadRequest } from 'payload'
import { APIError, commitTransaction, initTransaction, killTransaction, ValidationError } from 'payload'

import { idOf } from '../../access/user'
import { bilingual } from '../../lib/messages'
import { isUnboundOfficer } from '../../lib/roleGrants'
import { hashRoleTokenCode, looksLikeRoleTokenCode } from '../../lib/roleTokenCode'
import { authLimits, bruteForceGuard, TOO_MANY_CODES, tooManyBody } from '../../lib/bruteForce'
import { clientAddress, rateLimiter } from '../../services/rateLimit'
import { recordAudit } from '../AuditLog/record'

const invalidToken = () =>
  new ValidationError({
    collection: 'users',
    errors: [{ path: 'token', message: bilingual('รหัส Token ไม่ถูกต้อง ถูกใช้แล้ว หรือหมดอายุ', 'The token is wrong, already used or expired') }],
  })

/**
 * Codes are not guessable, but nobody needs more than a few tries: per client address (any
 * account; a success gives its point back) and per officer whatever the outcome (default 50 and
 * 10 per 15 minutes, on every instance), so new accounts do not buy more guesses. The account key
 * names the account (id and creation time), never a reused id.
 */
function redeemGuard(req: PayloadRequest) {
  return bruteForceGuard({ perAddress: rateLimiter(req.payload, { name: 'redeem-token-address', ...authLimits().redeemPerAddress }) })
}
const perAccount = (req: PayloadRequest) => rateLimiter(req.payload, { name: 'redeem-token', ...authLimits().redeemPerAccount })

const tooMany = (retryAfterSeconds: number) =>
  Response.json(tooManyBody(TOO_MANY_CODES, retryAfterSeconds), { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } })

type Claimed = { id: number; agency_id: number; service_point_id: number | null; role: string }

/** The database handle of this request's transaction, for the two conditional updates. */
async function drizzleOf(req: PayloadRequest) {
  const db = req.payload.db as unknown as { drizzle: any; sessions: Record<string, { db: any }> }
  return (req.transactionID && db.sessions[String(await req.transactionID)]?.db) || db.drizzle
}

/**
 * POST /api/users/redeem-token { token }: binds the logged-in officer, who has no agency yet, to
 * the token's agency, service point and role. Claiming the token and binding the officer are
 * conditional updates in one transaction, so of many concurrent redemptions exactly one wins.
 */
export const redeemTokenEndpoint: Endpoint = {
  path: '/redeem-token',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    if (!user || user.collection !== 'users') throw new APIError(bilingual('กรุณาเข้าสู่ระบบ', 'Please log in'), 401)
    if (!isUnboundOfficer(user as never))
      throw new APIError(bilingual('บัญชีนี้สังกัดหน่วยงานแล้ว', 'This account already belongs to an agency'), 409)

    const address = clientAddress(req)
    const guard = redeemGuard(req)
    const refuse = async (scope: 'address' | 'account', retryAfterSeconds: number, first: boolean) => {
      // Once per refused window, not for every request of a flood.
      if (first)
        await recordAudit(req.payload, { action: 'throttled', actor: user.id, targetUser: user.id, ip: address, details: { method: 'redeem-token', scope, retryAfterSeconds } })
      return tooMany(retryAfterSeconds)
    }
    const byAddress = await guard.attempt(address)
    if (!byAddress.allowed) return refuse('address', byAddress.retryAfterSeconds, byAddress.first)
    const accountLimiter = perAccount(req)
    const verdict = await accountLimiter.consume(`user:${user.id}:${String((user as { createdAt?: string }).createdAt ?? '')}`)
    if (!verdict.allowed) return refuse('account', verdict.retryAfterSeconds, verdict.consumed === accountLimiter.options.points + 1)
    const body = (await req.json?.().catch(() => null)) as { token?: unknown } | null
    if (!looksLikeRoleTokenCode(body?.token)) throw invalidToken()
    const codeHash = hashRoleTokenCode(body.token, req.payload.secret)

    const shouldCommit = await initTransaction(req)
    try {
      const db = await drizzleOf(req)
      const claimed = await db.execute(sql`
        UPDATE role_tokens SET used_by_id = ${user.id}, used_at = now()
        WHERE code_hash = ${codeHash} AND used_by_id IS NULL AND expires_at > now()
        RETURNING id, agency_id, service_point_id, role`)
      const token = (claimed.rows as Claimed[])[0]
      if (!token) throw invalidToken()
      const bound = await db.execute(sql`
        UPDATE users SET agency_id = ${token.agency_id}, service_point_id = ${token.service_point_id}
        WHERE id = ${user.id} AND agency_id IS NULL RETURNING id`)
      if (bound.rows.length !== 1)
        throw new APIError(bilingual('บัญชีนี้สังกัดหน่วยงานแล้ว', 'This account already belongs to an agency'), 409)
      const updated = await req.payload.update({
        collection: 'users',
        id: user.id,
        data: { agency: token.agency_id, servicePoint: token.service_point_id, roles: [token.role] } as never,
        overrideAccess: true,
        context: { systemWrite: true, auditedAs: 'token-redeemed' },
        depth: 0,
        req,
      })
      await recordAudit(
        req.payload,
        { action: 'token-redeemed', actor: user.id, targetUser: user.id, agency: token.agency_id, details: { token: token.id, role: token.role, servicePoint: token.service_point_id } },
        req,
      )
      if (shouldCommit) await commitTransaction(req)
      await guard.succeeded(address)
      return Response.json({
        message: bilingual('ผูกบัญชีกับหน่วยงานเรียบร้อยแล้ว', 'Your account is now bound to the agency'),
        user: { id: updated.id, email: updated.email, agency: idOf(updated.agency), servicePoint: idOf(updated.servicePoint), roles: updated.roles },
      })
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  },
}
