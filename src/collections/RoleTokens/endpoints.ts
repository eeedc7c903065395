import type { Endpoint } from 'payload'
import { APIError, NotFound } from 'payload'

import { bilingual } from '../../lib/messages'
import { recordAudit } from '../AuditLog/record'
import { idOf } from '../../access/user'

/**
 * POST /api/role-tokens/:id/refresh: a new code for the same agency and role. The old code stops
 * working at once (its hash is replaced) and the new one is redeemable again.
 */
export const refreshRoleTokenEndpoint: Endpoint = {
  path: '/:id/refresh',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(bilingual('กรุณาเข้าสู่ระบบ', 'Please log in'), 401)
    const id = String(req.routeParams?.id ?? '')
    // Reading with the officer's own access: a token of another agency is simply not found.
    const existing = await req.payload
      .findByID({ collection: 'role-tokens', id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
      .catch(() => null)
    if (!existing) throw new NotFound(req.t)
    const updated = await req.payload.update({
      collection: 'role-tokens',
      id,
      data: {},
      context: { refreshCode: true },
      overrideAccess: false,
      user: req.user,
      req,
    })
    await recordAudit(
      req.payload,
      { action: 'token-refreshed', actor: req.user.id, agency: idOf(updated.agency), details: { token: updated.id, role: updated.role } },
      req,
    )
    return Response.json({ doc: updated, message: bilingual('ออกรหัส Token ใหม่แล้ว', 'A new code was issued') })
  },
}
