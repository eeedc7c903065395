import type { Role } from './roles'

/**
 * Which role tokens exist by themselves (the officer FAQ's "จัดการ Token": pick the role, copy the
 * code, Refresh for the next officer). Pure rules, no Payload.
 *
 * - A department (or equivalent) and a local government (อปท.) each hold one token per role their
 *   officers are given: central officer (handed out by a system admin, i.e. DGA, or for a sub-unit
 *   by its parent's central officer, as canGrantRole says), manual author and manual reviewer.
 * - A ministry holds none: the FAQ gives central officers, authors and reviewers to departments
 *   and local governments only. With no ministry central officers, a department's central-officer
 *   code stays the system admin's to hand out.
 * - Each service point holds one service-point officer token (in its agency).
 */
export const AGENCY_TOKEN_ROLES: Record<string, readonly Role[]> = {
  ministry: [],
  department: ['central-officer', 'manual-author', 'manual-reviewer'],
  'local-government': ['central-officer', 'manual-author', 'manual-reviewer'],
}

export const SERVICE_POINT_TOKEN_ROLE: Role = 'service-point-officer'

/** The roles whose token an agency of this kind holds (service points' tokens aside). */
export function agencyTokenRoles(kind: unknown): readonly Role[] {
  return typeof kind === 'string' && Object.hasOwn(AGENCY_TOKEN_ROLES, kind) ? AGENCY_TOKEN_ROLES[kind] : []
}

type Id = number | string

/**
 * The one place a token may sit: unique in the database, so no agency or service point ever gets
 * a second token for a role, however many requests race. A service point's token follows the
 * point when it moves to another agency.
 */
export function roleTokenSlot(token: { role: Role; agency: Id | null; servicePoint?: Id | null }): string {
  if (token.role === SERVICE_POINT_TOKEN_ROLE) return `service-point:${token.servicePoint}`
  return `agency:${token.agency}:${token.role}`
}

export type RoleTokenState = 'unused' | 'used' | 'expired'

/**
 * ใช้แล้ว wins over หมดอายุ: a code used before it expired stays "used by …" (also once the
 * officer's account is gone and usedBy is empty, since usedAt remains).
 */
export function roleTokenState(
  token: { usedBy?: unknown; usedAt?: string | Date | null; expiresAt?: string | Date | null },
  now: Date = new Date(),
): RoleTokenState {
  const present = (v: unknown) => v !== null && v !== undefined && v !== ''
  if (present(token.usedBy) || present(token.usedAt)) return 'used'
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired'
  return 'unused'
}

export const ROLE_TOKEN_STATE_LABELS: Record<RoleTokenState, { th: string; en: string }> = {
  unused: { th: 'ยังไม่ถูกใช้', en: 'Not used yet' },
  used: { th: 'ใช้แล้ว', en: 'Used' },
  expired: { th: 'หมดอายุ', en: 'Expired' },
}
