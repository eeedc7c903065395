import type { PayloadRequest, Where } from 'payload'

import { isRole, type Role } from '../lib/roles'

/** The id of a relationship value, whether it arrived populated or as a bare id. */
export const idOf = (value: unknown): number | string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') {
    const id = (value as { id?: number | string }).id
    return id ?? null
  }
  return value as number | string
}

type Officer = { id: number | string; roles?: unknown; agency?: unknown; servicePoint?: unknown; collection?: string }

export const officerOf = (req: Pick<PayloadRequest, 'user'>): Officer | null =>
  req.user && (req.user as Officer).collection !== undefined && (req.user as Officer).collection !== 'users'
    ? null
    : ((req.user as Officer | null) ?? null)

export const rolesOf = (req: Pick<PayloadRequest, 'user'>): Role[] => {
  const roles = officerOf(req)?.roles
  return Array.isArray(roles) ? roles.filter(isRole) : []
}

export const hasAnyRole = (req: Pick<PayloadRequest, 'user'>, ...roles: Role[]): boolean =>
  rolesOf(req).some((role) => roles.includes(role))

export const agencyIdOf = (req: Pick<PayloadRequest, 'user'>) => idOf(officerOf(req)?.agency)
export const servicePointIdOf = (req: Pick<PayloadRequest, 'user'>) => idOf(officerOf(req)?.servicePoint)

/** A where clause that matches nothing: used when a role has no scope yet (unbound officer). */
export const NOTHING: Where = { id: { exists: false } }
