import type { Access, PayloadRequest, Where } from 'payload'

import { isSystemAdmin } from '../../access/predicates'
import { agencyScopeWhere, inAgencyScope } from '../../access/scope'
import { agencyIdOf, hasAnyRole, idOf, rolesOf } from '../../access/user'
import { canGrantRole } from '../../lib/roleGrants'
import { isRole } from '../../lib/roles'

/**
 * Central officers see the tokens of their agency and its sub-units, except the central-officer
 * token of their own agency (that one is a system admin's to hand out).
 */
export const tokensInScope = async (req: PayloadRequest): Promise<Where | false> => {
  if (!hasAnyRole(req, 'central-officer')) return false
  const scope = await agencyScopeWhere(req)
  if (!scope) return false
  const own = agencyIdOf(req)
  return {
    and: [scope, { or: [{ role: { not_equals: 'central-officer' } }, { agency: { not_equals: own } }] }],
  }
}

export const read: Access = async ({ req }) => (isSystemAdmin(req) ? true : tokensInScope(req))

/**
 * Every agency and service point has its tokens from the start (./automatic.ts), so nobody makes
 * one by hand: a system admin may only put back a row that went missing. Nobody edits or deletes
 * a row over the API either: a code changes only through Refresh (./endpoints.ts), a row goes
 * only with its agency or point, and usedBy/usedAt stay as the record of who joined with it.
 */
export const create: Access = ({ req }) => isSystemAdmin(req)
export const nobody: Access = () => false

/** The code itself: the system admins and the central officers who may hand this token out. */
export const mayReadCode = async (req: PayloadRequest, doc: Record<string, any> | undefined): Promise<boolean> => {
  if (isSystemAdmin(req)) return true
  if (!doc || !hasAnyRole(req, 'central-officer') || !isRole(doc.role)) return false
  const agency = idOf(doc.agency)
  return canGrantRole(rolesOf(req), doc.role, {
    inScope: await inAgencyScope(req, agency),
    ownAgency: String(agency) === String(agencyIdOf(req)),
  })
}

