import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeChangeHook, CollectionConfig, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { inAgencyScope } from '../../access/scope'
import { agencyIdOf, idOf, rolesOf } from '../../access/user'
import { label } from '../../fields/label'
import { bilingual } from '../../lib/messages'
import { canGrantRole, servicePointRequired } from '../../lib/roleGrants'
import { decryptRoleTokenCode, issueRoleTokenCode } from '../../lib/roleTokenCode'
import { agencyTokenRoles, roleTokenSlot, roleTokenState } from '../../lib/roleTokenSlots'
import { isRole, ROLE_LABELS, type Role } from '../../lib/roles'
import { recordAudit } from '../AuditLog/record'
import { create, mayReadCode, nobody, read } from './access'
import { dbOf } from './db'
import { refreshRoleTokenEndpoint } from './endpoints'

const TOKEN_ROLES: Role[] = ['central-officer', 'service-point-officer', 'manual-author', 'manual-reviewer']

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

  // One row per agency (service point) and role: the unique slot says so in the database too.
  const slot = roleTokenSlot({ role, agency: agency as number, servicePoint })
  data.slot = slot
  if (operation === 'create' && req.user && !context.systemWrite && !servicePointRequired(role)) {
    const owner = await req.payload.findByID({ collection: 'agencies', id: agency as never, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!owner) fail('agency', bilingual('ไม่พบหน่วยงาน', 'Agency not found'))
    if (!agencyTokenRoles(owner?.kind).includes(role))
      fail('role', bilingual('หน่วยงานประเภทนี้ไม่มี Token ของบทบาทนี้', 'Agencies of this kind have no token for this role'))
  }
  const same = await req.payload.find({
    collection: 'role-tokens',
    where: { and: [{ slot: { equals: slot } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (same.totalDocs > 0)
    fail('role', bilingual('มี Token ของบทบาทนี้อยู่แล้ว ใช้ปุ่ม Refresh เพื่อออกรหัสใหม่', 'A token for this role already exists: refresh it instead'))

  if (operation === 'create' || context.refreshCode) {
    const { codeHash, codeCipher, expiresAt } = issueRoleTokenCode(req.payload.secret)
    data.codeHash = codeHash
    data.codeCipher = codeCipher
    data.expiresAt = expiresAt.toISOString()
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

/** The row as stored, with the name of the officer who used it: one query per token read. */
async function storedRow(req: PayloadRequest, id: number | string) {
  const { rows } = await (await dbOf(req.payload, req)).execute(sql`
    SELECT t.code_cipher, t.used_by_id, t.used_at, t.expires_at, u.name AS used_by_name, u.email AS used_by_email
    FROM role_tokens t LEFT JOIN users u ON u.id = t.used_by_id WHERE t.id = ${Number(id)}`)
  return rows[0] as
    | { code_cipher: string | null; used_by_id: number | null; used_at: string | Date | null; expires_at: string | Date | null; used_by_name: string | null; used_by_email: string | null }
    | undefined
}

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null)

/** รหัส Token: one row per agency (service point) and role, made by the system, redeemed once, refreshed for the next officer. */
export const RoleTokens: CollectionConfig = {
  slug: 'role-tokens',
  labels: { singular: label('รหัส Token', 'Role token'), plural: label('จัดการ Token', 'Role tokens') },
  // The FAQ's table: by agency, then role (in the role list's order), then service point name.
  defaultSort: ['agency.name', 'role', 'servicePoint.name'],
  admin: {
    useAsTitle: 'role',
    // A department may have hundreds of service points: find a row by agency or point name.
    listSearchableFields: ['agencyName', 'servicePointName'],
    defaultColumns: ['role', 'agency', 'servicePoint', 'code', 'state', 'refresh'],
    group: label('บัญชีผู้ใช้', 'Accounts'),
    hidden: ({ user }) => !user || !(user.roles ?? []).some((r: string) => r === 'central-officer' || r === 'system-admin'),
    components: { beforeList: ['/components/RoleTokens/TokenHelp#TokenHelp'] },
  },
  access: { read, create, update: nobody, delete: nobody },
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
        if (!doc?.id) return doc
        const row = await storedRow(req, doc.id)
        if (!row) return doc
        doc.state = {
          status: roleTokenState({ usedBy: row.used_by_id, usedAt: row.used_at, expiresAt: row.expires_at }),
          usedByName: row.used_by_id ? (row.used_by_name || row.used_by_email || null) : null,
          usedAt: iso(row.used_at),
          expiresAt: iso(row.expires_at),
        }
        doc.code = row.code_cipher && (await mayReadCode(req, doc)) ? decryptRoleTokenCode(String(row.code_cipher), req.payload.secret) : null
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
    // For the list search only (read through the relationships, never stored).
    { name: 'agencyName', type: 'text', virtual: 'agency.name', label: label('ชื่อหน่วยงาน', 'Agency name'), admin: { hidden: true } },
    { name: 'servicePointName', type: 'text', virtual: 'servicePoint.name', label: label('ชื่อจุดบริการ', 'Service point name'), admin: { hidden: true } },
    {
      name: 'code',
      type: 'text',
      virtual: true,
      label: label('รหัส Token', 'Code'),
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, components: { Cell: '/components/RoleTokens/CodeCell#CodeCell', Field: '/components/RoleTokens/CodeField#CodeField' } },
    },
    {
      // ยังไม่ถูกใช้ / ใช้แล้วโดย … เมื่อ … / หมดอายุ: { status, usedByName, usedAt, expiresAt }, filled on read.
      name: 'state',
      type: 'json',
      virtual: true,
      label: label('สถานะ', 'State'),
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, components: { Cell: '/components/RoleTokens/StateCell#StateCell', Field: '/components/RoleTokens/StateCell#StateField' } },
    },
    {
      name: 'refresh',
      type: 'ui',
      label: 'Refresh Token',
      admin: { components: { Cell: '/components/RoleTokens/RefreshCell#RefreshCell', Field: '/components/RoleTokens/RefreshCell#RefreshFieldPlaceholder' } },
    },
    { name: 'slot', type: 'text', unique: true, index: true, hidden: true },
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
