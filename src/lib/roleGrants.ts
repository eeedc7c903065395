import type { Role } from './roles'

/**
 * Who may hand out which role. Pure rules, used by role tokens and by user management alike.
 * OPDC and system-admin roles are never granted by an agency: only a system admin gives them.
 */
export const AGENCY_GRANTABLE: readonly Role[] = ['service-point-officer', 'manual-author', 'manual-reviewer']

export type GrantTarget = {
  /** The target agency is the actor's own agency (not one of its sub-units). */
  ownAgency: boolean
  /** The target agency is inside the actor's scope (own agency or a sub-unit). */
  inScope: boolean
}

/**
 * May an officer with `actorRoles` grant (or take away) `role` for a user or token of the target agency?
 * Central officers grant the agency roles in their scope, and the central-officer role for
 * sub-units only; their own agency's central officers are named by a system admin.
 */
export function canGrantRole(actorRoles: readonly Role[], role: Role, target: GrantTarget): boolean {
  if (actorRoles.includes('system-admin')) return true
  if (!actorRoles.includes('central-officer') || !target.inScope) return false
  if (AGENCY_GRANTABLE.includes(role)) return true
  return role === 'central-officer' && !target.ownAgency
}

/** The roles added or removed between two role lists: each needs canGrantRole. */
export function changedRoles(before: readonly Role[], after: readonly Role[]): Role[] {
  const added = after.filter((r) => !before.includes(r))
  const removed = before.filter((r) => !after.includes(r))
  return [...new Set([...added, ...removed])]
}

/** Roles that work without an agency: everyone else must redeem a token first. */
export const AGENCY_FREE_ROLES: readonly Role[] = ['opdc-officer', 'system-admin']

/** An officer who may do nothing but redeem a token. */
export function isUnboundOfficer(user: { roles?: readonly string[] | null; agency?: unknown } | null | undefined): boolean {
  if (!user) return false
  const roles = user.roles ?? []
  if (roles.some((r) => (AGENCY_FREE_ROLES as readonly string[]).includes(r))) return false
  return user.agency === null || user.agency === undefined || user.agency === ''
}

/** A service-point officer's token must name a service point; other roles must not. */
export function servicePointRequired(role: Role): boolean {
  return role === 'service-point-officer'
}
