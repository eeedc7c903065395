import type { Access, PayloadRequest, Where } from 'payload'

import { anyOf, seesEverything } from '../../access/predicates'
import { agencyScopeWhere } from '../../access/scope'
import { agencyIdOf, hasAnyRole, officerOf, servicePointIdOf } from '../../access/user'

/** A service-point officer's own unit. */
const ownServicePoint = (req: PayloadRequest): Where | false => {
  const servicePoint = servicePointIdOf(req)
  return hasAnyRole(req, 'service-point-officer') && servicePoint !== null ? { servicePoint: { equals: servicePoint } } : false
}

/** A central officer's department, when it reports itself (no service point on the document). */
const ownDepartmentUnit = (req: PayloadRequest): Where | false => {
  const agency = agencyIdOf(req)
  return hasAnyRole(req, 'central-officer') && agency !== null
    ? { and: [{ agency: { equals: agency } }, { servicePoint: { exists: false } }] }
    : false
}

/**
 * Read: the reporting unit itself; central officers for their agency and everything below it
 * (the department's and the ministry's rollups); OPDC and system admins everything. Never anonymous.
 */
export const readUnitDocuments: Access = async ({ req }) => {
  if (!officerOf(req)) return false
  if (seesEverything(req)) return true
  const agencyWide = hasAnyRole(req, 'central-officer') ? await agencyScopeWhere(req, 'agency') : false
  return anyOf(agencyWide, ownServicePoint(req))
}

/**
 * Create and update: only a unit's own officers. The hooks check the finer rules (the unit holds
 * the reporting right now, the period is open) and say why when they refuse.
 */
export const mayReport: Access = ({ req }) => hasAnyRole(req, 'service-point-officer', 'central-officer')

export const updateOwnUnitDocuments: Access = ({ req }) => anyOf(ownServicePoint(req), ownDepartmentUnit(req))
