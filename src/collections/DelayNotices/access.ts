import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { anyOf, isOpdcOfficer, isSystemAdmin, seesEverything } from '../../access/predicates'
import { agencyScopeWhere, inAgencyScope, servicePointScopeIds } from '../../access/scope'
import { hasAnyRole, idOf, officerOf } from '../../access/user'

/**
 * Who handles a delay case: the service point's own officers (and those of the units nested
 * under it) and the central officers of its agency (and the agencies above it). OPDC reads
 * every case, since each notice goes to OPDC too.
 */
async function ownServicePointsWhere(req: PayloadRequest): Promise<Where | false> {
  if (!hasAnyRole(req, 'service-point-officer')) return false
  const ids = await servicePointScopeIds(req)
  return ids.length ? { servicePoint: { in: ids } } : false
}

async function handlingUnitWhere(req: PayloadRequest): Promise<boolean | Where> {
  const agencyWide = hasAnyRole(req, 'central-officer') ? await agencyScopeWhere(req) : false
  return anyOf(agencyWide, await ownServicePointsWhere(req))
}

export const readCases: Access = async ({ req }) => {
  if (!officerOf(req)) return false
  if (seesEverything(req)) return true
  return handlingUnitWhere(req)
}

/** OPDC reads but does not edit another agency's cases. */
export const updateCases: Access = async ({ req }) => {
  if (isSystemAdmin(req)) return true
  return handlingUnitWhere(req)
}

/** Creating is checked again on the data by the servicePoint field (it must be the officer's unit). */
export const createCases: Access = ({ req }) =>
  isSystemAdmin(req) || hasAnyRole(req, 'central-officer', 'service-point-officer')

export const deleteCases: Access = async ({ req }) => {
  if (isSystemAdmin(req)) return true
  return hasAnyRole(req, 'central-officer') ? agencyScopeWhere(req) : false
}

/** The agency a service point belongs to, cached for the request. */
export async function agencyOfServicePoint(req: PayloadRequest, servicePoint: unknown): Promise<number | string | null> {
  const id = idOf(servicePoint)
  if (id === null) return null
  const key = `servicePointAgency:${id}`
  if (req.context && key in req.context) return req.context[key] as number | string | null
  const found = await req.payload
    .findByID({ collection: 'service-points', id, depth: 0, select: { agency: true }, overrideAccess: true, req })
    .catch(() => null)
  const agency = idOf(found?.agency)
  req.context = { ...(req.context ?? {}), [key]: agency }
  return agency
}

/** Whether this officer acts for the unit that handles a case at `servicePoint`. */
export async function handlesServicePoint(req: PayloadRequest, servicePoint: unknown): Promise<boolean> {
  const id = idOf(servicePoint)
  if (id === null) return false
  if (hasAnyRole(req, 'service-point-officer')) {
    const own = await servicePointScopeIds(req)
    if (own.some((s) => String(s) === String(id))) return true
  }
  if (hasAnyRole(req, 'central-officer')) return inAgencyScope(req, await agencyOfServicePoint(req, id))
  return false
}

/**
 * The applicant's contact details (PDPA personal data): only the unit handling the case, its
 * central officers and OPDC, not even a system administrator. Without a document (Payload asks
 * when it checks a `where` on the field) the answer is per role; the collection's read access
 * already limits which documents the officer reaches.
 */
export const personalDataAccess: FieldAccess = async ({ req, doc, data }) => {
  if (!officerOf(req)) return false
  if (isOpdcOfficer(req)) return true
  if (!hasAnyRole(req, 'central-officer', 'service-point-officer')) return false
  const source = (doc ?? data) as { servicePoint?: unknown } | undefined
  if (!source || idOf(source.servicePoint) === null) return true
  return handlesServicePoint(req, source.servicePoint)
}

/** Fields the system computes: nobody writes them over the API. */
export const systemOnly: FieldAccess = () => false
