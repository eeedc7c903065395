import type { Endpoint } from 'payload'
import { APIError, NotFound } from 'payload'

import { bilingual } from '../../lib/messages'

/**
 * POST /api/users/:id/remove-from-agency: a central officer unbinds a user from their agency
 * (agency, service point and roles cleared). The Digital ID account itself stays.
 * The same rules apply to a PATCH with `agency: null`; this route names the intent.
 */
export const removeFromAgencyEndpoint: Endpoint = {
  path: '/:id/remove-from-agency',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(bilingual('กรุณาเข้าสู่ระบบ', 'Please log in'), 401)
    const id = String(req.routeParams?.id ?? '')
    const visible = await req.payload
      .findByID({ collection: 'users', id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
      .catch(() => null)
    if (!visible) throw new NotFound(req.t)
    if (String(visible.id) === String(req.user.id))
      throw new APIError(bilingual('ไม่สามารถนำตนเองออกจากหน่วยงานได้', 'You cannot remove yourself from your agency'), 400)
    const doc = await req.payload.update({
      collection: 'users',
      id,
      data: { agency: null, servicePoint: null, roles: [] } as never,
      overrideAccess: false,
      user: req.user,
      req,
      depth: 0,
    })
    return Response.json({ doc, message: bilingual('นำผู้ใช้ออกจากหน่วยงานแล้ว', 'The user was removed from the agency') })
  },
}
