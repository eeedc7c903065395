import type { Access, PayloadRequest, Where } from 'payload'

import type { Role } from '../lib/roles'
import { agencyScopeWhere, inAgencyScope } from './scope'
import { hasAnyRole, idOf, officerOf } from './user'

/**
 * Small named access predicates, composed by the collections. Each returns a boolean or a
 * `Where`; anything not granted is denied.
 */
export const anyone: Access = () => true
export const nobody: Access = () => false
export const isLoggedIn: Access = ({ req }) => Boolean(officerOf(req))
export const isSystemAdmin = (req: PayloadRequest): boolean => hasAnyRole(req, 'system-admin')
export const isOpdcOfficer = (req: PayloadRequest): boolean => hasAnyRole(req, 'opdc-officer')
export const isCentralOfficer = (req: PayloadRequest): boolean => hasAnyRole(req, 'central-officer')
/** OPDC officers read every agency's data; system admins do everything. */
export const seesEverything = (req: PayloadRequest): boolean => hasAnyRole(req, 'system-admin', 'opdc-officer')

export const systemAdminOnly: Access = ({ req }) => isSystemAdmin(req)

/** Combine Where clauses with OR, dropping denials; `true` wins. */
export function anyOf(...parts: Array<boolean | Where>): boolean | Where {
  if (parts.some((p) => p === true)) return true
  const wheres = parts.filter((p): p is Where => typeof p === 'object' && p !== null)
  if (wheres.length === 0) return false
  return wheres.length === 1 ? wheres[0] : { or: wheres }
}

/**
 * Grants `roles` the documents whose `field` points into the officer's agency scope
 * (their agency and its sub-units). System admins get everything.
 */
export const sameAgency =
  (roles: Role[], field = 'agency'): Access =>
  async ({ req }) => {
    if (isSystemAdmin(req)) return true
    if (!hasAnyRole(req, ...roles)) return false
    return agencyScopeWhere(req, field)
  }

/**
 * For create: the incoming document's agency must be inside the officer's scope.
 * Returns true for system admins.
 */
export const createInOwnAgency =
  (roles: Role[], field = 'agency'): Access =>
  async ({ req, data }) => {
    if (isSystemAdmin(req)) return true
    if (!hasAnyRole(req, ...roles)) return false
    // The admin asks for create permission before any data exists: allow the form, then the
    // real create is checked again with its data.
    if (!data) return true
    return inAgencyScope(req, idOf((data as Record<string, unknown>)[field]))
  }
