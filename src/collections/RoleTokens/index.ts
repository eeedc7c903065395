import type { Access, CollectionBeforeChangeHook, CollectionConfig, PayloadRequest, Where } from 'payload'
import { ValidationError } from 'payload'

import { isSystemAdmin } from '../../access/predicates'
import { agencyScopeWhere, inAgencyScope } from '../../access/scope'
import { agencyIdOf, hasAnyRole, idOf, rolesOf } from '../../access/user'
import { label } from '../../fields/label'
import { bilingual } from '../../lib/messages'
import { canGrantRole, servicePointRequired } from '../../lib/roleGrants'
import {
  decryptRoleTokenCode,
  encryptRoleTokenCode,
  generateRoleTokenCode,
  hashRoleTokenCode,
  roleTokenExpiry,
  roleTokenTtlDays,
} from '../../lib/roleTokenCode'
import { isRole, ROLE_LABELS, type Role } from '../../lib/roles'
import { recordAudit } from '../AuditLog/record'
import { refreshRoleTokenEndpoint } from './endpoints'

const TOKEN_ROLES: Role[] = ['central-officer', 'service-point-officer', 'manual-author', 'manual-reviewer']

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

const readUpdateDelete: Access = async ({ req }) => (isSystemAdmin(req) ? true : tokensInScope(req))

const create: Access = ({ req }) => isSystemAdmin(req) || hasAnyRole(req, 'central-officer')

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

const fail = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'role-tokens', errors: [{ path, message }] })
}

/** Checks who may issue the token, then gives it a fresh code when created or refreshed. */
const issueCode: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const role = merged.role
  if (!isRole(role) || !TOKEN_ROLES.includes(role)) fail('role', bilingual('บทบาทนี้ออก Token ไม่ได้', 'No token can be issued for this role'))
  const agency = idOf(merged.agency)
  if (agency === null) fail('agency', bilingual('กรุณาระบุหน่วยงาน', 'Agency is required'))
  const servicePoint = idOf(merged.servicePoint)

  if (req.user && !context.systemWrite) {
    const allowed = canGrantRole(rolesOf(req), role, {
      inScope: await inAgencyScope(req, agency),
      ownAgency: String(agency) === String(agencyIdOf(req)),
    })
    if (!allowed)
      fail('role', bilingual('ท่านไม่มีสิทธิ์ออก Token บทบาทนี้ให้หน่วยงานนี้', 'You may not issue a token for this role and agency'))
  }

  if (servicePointRequired(role)) {
    if (servicePoint === null)
      fail('servicePoint', bilingual('Token ของเจ้าหน้าที่จุดบริการต้องระบุจุดบริการ', 'A service-point officer token needs a service point'))
    const point = await req.payload.findByID({ collection: 'service-points', id: servicePoint as never, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!point || String(idOf(point.agency)) !== String(agency))
      fail('servicePoint', bilingual('จุดบริการต้องอยู่ในหน่วยงานของ Token', 'The service point must belong to the token’s agency'))
  } else if (servicePoint !== null) {
    data.servicePoint = null
  }

  // One current code per agency, service point and role: refresh it instead of making another.
  const same = await req.payload.find({
    collection: 'role-tokens',
    where: {
      and: [
        { agency: { equals: agency } },
        { role: { equals: role } },
        servicePointRequired(role) ? { servicePoint: { equals: servicePoint } } : { servicePoint: { exists: false } },
        ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (same.totalDocs > 0)
    fail('role', bilingual('มี Token ของบทบาทนี้อยู่แล้ว ใช้ปุ่ม Refresh เพื่อออกรหัสใหม่', 'A token for this role already exists: refresh it instead'))

  if (operation === 'create' || context.refreshCode) {
    const code = generateRoleTokenCode()
    const secret = req.payload.secret
    data.codeHash = hashRoleTokenCode(code, secret)
    data.codeCipher = encryptRoleTokenCode(code, secret)
    data.expiresAt = roleTokenExpiry(new Date(), roleTokenTtlDays(process.env.ROLE_TOKEN_TTL_DAYS)).toISOString()
    data.usedBy = null
    data.usedAt = null
    data.issuedBy = req.user?.id ?? null
  } else {
    // Codes change only through refresh; nobody sets them by hand.
    delete data.codeHash
    delete data.codeCipher
    delete data.expiresAt
    delete data.usedBy
    delete data.usedAt
  }
  return data
}

/** รหัส Token: one current code per agency (service point) and role, redeemed once. */
export const RoleTokens: CollectionConfig = {
  slug: 'role-tokens',
  labels: { singular: label('รหัส Token', 'Role token'), plural: label('จัดการ Token', 'Role tokens') },
  admin: {
    useAsTitle: 'role',
    defaultColumns: ['role', 'agency', 'servicePoint', 'code', 'expiresAt', 'usedBy'],
    group: label('บัญชีผู้ใช้', 'Accounts'),
    hidden: ({ user }) => !user || !(user.roles ?? []).some((r: string) => r === 'central-officer' || r === 'system-admin'),
    components: { beforeList: ['/components/RoleTokens/TokenHelp#TokenHelp'] },
  },
  access: { read: readUpdateDelete, create, update: readUpdateDelete, delete: readUpdateDelete },
  endpoints: [refreshRoleTokenEndpoint],
  hooks: {
    beforeChange: [issueCode],
    afterChange: [
      async ({ doc, operation, req }) => {
        if (operation === 'create')
          await recordAudit(req.payload, { action: 'token-created', actor: req.user?.id ?? null, agency: idOf(doc.agency), details: { token: doc.id, role: doc.role } }, req)
        return doc
      },
    ],
    // The cipher is a hidden field, gone from `doc` by now: fetch it for the readers allowed the code.
    afterRead: [
      async ({ doc, req }) => {
        if (!doc?.id || !(await mayReadCode(req, doc))) return doc
        const row = await req.payload.db.findOne<{ id: number; codeCipher?: string }>({ collection: 'role-tokens', where: { id: { equals: doc.id } }, req })
        doc.code = row?.codeCipher ? decryptRoleTokenCode(String(row.codeCipher), req.payload.secret) : null
        return doc
      },
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'role',
          type: 'select',
          required: true,
          index: true,
          options: TOKEN_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
          label: label('บทบาท', 'Role'),
        },
        { name: 'agency', type: 'relationship', relationTo: 'agencies', required: true, index: true, label: label('หน่วยงาน', 'Agency') },
        {
          name: 'servicePoint',
          type: 'relationship',
          relationTo: 'service-points',
          index: true,
          label: label('จุดบริการ', 'Service point'),
          admin: { condition: (data) => data?.role === 'service-point-officer' },
        },
      ],
    },
    {
      name: 'code',
      type: 'text',
      virtual: true,
      label: label('รหัส Token', 'Code'),
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, components: { Cell: '/components/RoleTokens/CodeCell#CodeCell', Field: '/components/RoleTokens/CodeField#CodeField' } },
    },
    { name: 'codeHash', type: 'text', unique: true, index: true, hidden: true },
    { name: 'codeCipher', type: 'text', hidden: true },
    {
      type: 'row',
      fields: [
        { name: 'expiresAt', type: 'date', index: true, label: label('หมดอายุ', 'Expires'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'usedBy', type: 'relationship', relationTo: 'users', label: label('ผู้ใช้ Token', 'Used by'), admin: { readOnly: true } },
        { name: 'usedAt', type: 'date', label: label('ใช้เมื่อ', 'Used at'), admin: { readOnly: true } },
      ],
    },
    { name: 'issuedBy', type: 'relationship', relationTo: 'users', label: label('ผู้ออก Token', 'Issued by'), admin: { readOnly: true } },
  ],
}
