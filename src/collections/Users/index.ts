import type {
  Access,
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  FieldAccess,
  Where,
} from 'payload'
import { APIError, Forbidden, ValidationError } from 'payload'

import { anyOf, isSystemAdmin } from '../../access/predicates'
import { agencyScopeWhere, inAgencyScope } from '../../access/scope'
import { agencyIdOf, hasAnyRole, idOf, officerOf, rolesOf } from '../../access/user'
import { label } from '../../fields/label'
import { localLoginAllowed } from '../../lib/localLogin'
import { bilingual } from '../../lib/messages'
import { AGENCY_FREE_ROLES, canGrantRole, changedRoles } from '../../lib/roleGrants'
import { isRole, ROLE_LABELS, ROLES, type Role } from '../../lib/roles'
import { clientIp, recordAudit } from '../AuditLog/record'
import { clearLoginFailures, throttlePasswordLogin } from './loginThrottle'
import { redeemTokenEndpoint } from './redeemToken'
import { removeFromAgencyEndpoint } from './removeFromAgency'

const self: Access = ({ req }) => {
  const user = officerOf(req)
  return user ? { id: { equals: user.id } } : false
}

/** Central officers manage the users of their agency and its sub-units; everyone reads themself. */
const manageUsers: Access = async (args) => {
  if (isSystemAdmin(args.req)) return true
  const own = (await self(args)) as boolean | Where
  if (!hasAnyRole(args.req, 'central-officer')) return own
  return anyOf(own, await agencyScopeWhere(args.req))
}

const centralOrAdmin: FieldAccess = ({ req }) => isSystemAdmin(req) || hasAnyRole(req, 'central-officer')
const selfOrAdmin: FieldAccess = ({ req, doc }) => isSystemAdmin(req) || (doc?.id !== undefined && String(doc.id) === String(officerOf(req)?.id))

const rolesIn = (value: unknown): Role[] => (Array.isArray(value) ? value.filter(isRole) : [])

const deny = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'users', errors: [{ path, message }] })
}

/** In production only Digital ID logs officers in (unless LOCAL_LOGIN=true). */
const passwordLoginGate: CollectionBeforeOperationHook = ({ operation, args, req }) => {
  if (['login', 'forgotPassword', 'resetPassword', 'unlock'].includes(operation) && !localLoginAllowed()) {
    throw new APIError(
      bilingual('การเข้าสู่ระบบด้วยรหัสผ่านปิดอยู่ กรุณาเข้าสู่ระบบด้วย Digital ID', 'Password login is off: log in with Digital ID'),
      403,
    )
  }
  // Only the account owner or a system admin sets a password (the email: see checkMembershipChange).
  if (operation === 'update' && req.user && !isSystemAdmin(req)) {
    const data = (args as { data?: Record<string, unknown> }).data ?? {}
    const id = (args as { id?: unknown }).id
    const isSelf = id !== undefined && String(id) === String(req.user.id)
    if (!isSelf && data.password) throw new Forbidden(req.t)
  }
  return args
}

/**
 * What a central officer may change about a user: roles they may grant, an agency and service
 * point inside their scope, or removal from the agency (the account stays, unbound).
 */
const checkMembershipChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  if (!req.user || context.systemWrite || isSystemAdmin(req) || operation !== 'update') return data
  // The admin form sends the email back unchanged; only its owner may change it.
  const isSelf = String(originalDoc?.id) === String(req.user.id)
  if (!isSelf && typeof data.email === 'string' && data.email.toLowerCase() !== String(originalDoc?.email ?? '').toLowerCase())
    throw new Forbidden(req.t)
  const before = {
    agency: idOf(originalDoc?.agency),
    servicePoint: idOf(originalDoc?.servicePoint),
    roles: rolesIn(originalDoc?.roles),
  }
  const after = {
    agency: 'agency' in data ? idOf(data.agency) : before.agency,
    servicePoint: 'servicePoint' in data ? idOf(data.servicePoint) : before.servicePoint,
    roles: 'roles' in data ? rolesIn(data.roles) : before.roles,
  }
  const untouched =
    String(after.agency) === String(before.agency) &&
    String(after.servicePoint) === String(before.servicePoint) &&
    changedRoles(before.roles, after.roles).length === 0
  if (untouched) return data
  if (!hasAnyRole(req, 'central-officer')) deny('roles', bilingual('ท่านไม่มีสิทธิ์เปลี่ยนบทบาทหรือหน่วยงาน', 'You may not change roles or agencies'))
  if (before.roles.some((r) => AGENCY_FREE_ROLES.includes(r)))
    deny('roles', bilingual('ผู้ใช้นี้จัดการได้เฉพาะผู้ดูแลระบบ', 'Only a system admin manages this user'))

  // Removal: the Digital ID account stays, but nothing ties it to the agency any more.
  if (after.agency === null) {
    data.agency = null
    data.servicePoint = null
    data.roles = []
    return data
  }
  if (!(await inAgencyScope(req, after.agency)))
    deny('agency', bilingual('ไม่สามารถเลือกหน่วยงานนอกสังกัดของท่านได้', 'You may not choose an agency outside your own'))
  const target = { inScope: true, ownAgency: String(after.agency) === String(agencyIdOf(req)) }
  for (const role of changedRoles(before.roles, after.roles)) {
    if (!canGrantRole(rolesOf(req), role, target))
      deny('roles', bilingual(`ท่านไม่มีสิทธิ์มอบหรือถอนบทบาท "${ROLE_LABELS[role].th}"`, `You may not grant or remove the role "${ROLE_LABELS[role].en}"`))
  }
  if (after.servicePoint !== null) {
    const point = await req.payload.findByID({ collection: 'service-points', id: after.servicePoint as never, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!point || String(idOf(point.agency)) !== String(after.agency))
      deny('servicePoint', bilingual('จุดบริการต้องอยู่ในหน่วยงานของผู้ใช้', 'The service point must belong to the user’s agency'))
  }
  return data
}

/** Role changes and removals go to the audit log (token redemption logs itself). */
const auditMembership: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context.auditedAs) return doc
  const beforeRoles = rolesIn(previousDoc?.roles)
  const afterRoles = rolesIn(doc.roles)
  const beforeAgency = idOf(previousDoc?.agency)
  const afterAgency = idOf(doc.agency)
  const actor = req.user?.id ?? null
  if (beforeAgency !== null && afterAgency === null) {
    await recordAudit(req.payload, { action: 'removal', actor, targetUser: doc.id, agency: beforeAgency, details: { roles: beforeRoles } }, req)
  } else if (changedRoles(beforeRoles, afterRoles).length || String(beforeAgency) !== String(afterAgency)) {
    await recordAudit(
      req.payload,
      { action: 'role-change', actor, targetUser: doc.id, agency: afterAgency, details: { from: beforeRoles, to: afterRoles, fromAgency: beforeAgency } },
      req,
    )
  }
  return doc
}

/** เจ้าหน้าที่: officers, bound to an agency and roles by a one-time token (or by an admin). */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('ผู้ใช้งาน', 'User'), plural: label('จัดการรายละเอียดผู้ใช้งาน', 'Users') },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'agency', 'servicePoint', 'roles'],
    group: label('บัญชีผู้ใช้', 'Accounts'),
    listSearchableFields: ['name', 'email'],
  },
  auth: {
    // The local strategy stays configured in every environment, so the schema (and the
    // migrations) are the same; production refuses password logins in passwordLoginGate.
    tokenExpiration: 8 * 60 * 60,
    useSessions: true,
    // No per-account lock: Payload's locks an account after N failures from anywhere, so anyone
    // could keep a system admin locked out. Failures are limited per address and per account +
    // address instead (loginThrottle.ts), which never stops the owner logging in from elsewhere.
    maxLoginAttempts: 0,
  },
  access: {
    read: manageUsers,
    create: ({ req }) => isSystemAdmin(req),
    update: manageUsers,
    delete: ({ req }) => isSystemAdmin(req),
    admin: ({ req }) => Boolean(officerOf(req)),
  },
  endpoints: [redeemTokenEndpoint, removeFromAgencyEndpoint],
  hooks: {
    // The gate first: where password login is off, nothing is counted.
    beforeOperation: [passwordLoginGate, throttlePasswordLogin],
    beforeChange: [checkMembershipChange],
    afterChange: [auditMembership],
    afterLogin: [
      clearLoginFailures,
      async ({ user, req }) => {
        await recordAudit(req.payload, { action: 'login', actor: user.id, targetUser: user.id, agency: idOf(user.agency), ip: clientIp(req), details: { method: 'password' } }, req)
      },
    ],
    afterLogout: [
      async ({ req }) => {
        if (req.user) await recordAudit(req.payload, { action: 'logout', actor: req.user.id, targetUser: req.user.id, ip: clientIp(req) }, req)
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', index: true, label: label('ชื่อ-นามสกุล', 'Full name') },
    {
      name: 'agency',
      type: 'relationship',
      relationTo: 'agencies',
      index: true,
      label: label('หน่วยงาน', 'Agency'),
      access: { create: ({ req }) => isSystemAdmin(req), update: centralOrAdmin },
    },
    {
      name: 'servicePoint',
      type: 'relationship',
      relationTo: 'service-points',
      index: true,
      label: label('จุดบริการ', 'Service point'),
      access: { create: ({ req }) => isSystemAdmin(req), update: centralOrAdmin },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      label: label('บทบาท', 'Roles'),
      access: { create: ({ req }) => isSystemAdmin(req), update: centralOrAdmin },
      saveToJWT: true,
    },
    {
      name: 'digitalIdSub',
      type: 'text',
      unique: true,
      index: true,
      label: label('รหัส Digital ID', 'Digital ID subject'),
      admin: { readOnly: true, position: 'sidebar' },
      // Personal identifier: the owner and system admins only.
      access: { read: selfOrAdmin, create: ({ req }) => isSystemAdmin(req), update: ({ req }) => isSystemAdmin(req) },
    },
  ],
}
