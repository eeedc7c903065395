import type { Access, CollectionConfig } from 'payload'

import { anyOf, isSystemAdmin, nobody } from '../../access/predicates'
import { agencyScopeWhere } from '../../access/scope'
import { hasAnyRole } from '../../access/user'
import { label } from '../../fields/label'

export const AUDIT_ACTIONS = [
  { value: 'login', label: label('เข้าสู่ระบบ', 'Login') },
  { value: 'logout', label: label('ออกจากระบบ', 'Logout') },
  { value: 'login-refused', label: label('ปฏิเสธการเข้าสู่ระบบ', 'Login refused') },
  { value: 'token-created', label: label('สร้าง Token', 'Token created') },
  { value: 'token-redeemed', label: label('ใช้ Token', 'Token redeemed') },
  { value: 'token-refreshed', label: label('ออก Token ใหม่', 'Token refreshed') },
  { value: 'role-change', label: label('เปลี่ยนบทบาท', 'Role change') },
  { value: 'removal', label: label('นำออกจากหน่วยงาน', 'Removed from agency') },
  // Logins and token codes past a rate limit, once per refused window (details: method, scope).
  { value: 'throttled', label: label('ระงับชั่วคราว: พยายามบ่อยเกินไป', 'Throttled: too many attempts') },
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]['value']

/** Central officers read their agency's entries; system admins read all. */
const read: Access = async ({ req }) => {
  if (isSystemAdmin(req)) return true
  if (!hasAnyRole(req, 'central-officer')) return false
  return anyOf(await agencyScopeWhere(req))
}

/**
 * บันทึกการใช้งาน: who did what, when and from where. Written only by the server
 * (overrideAccess); nobody, not even a system admin, creates, edits or deletes it over the API.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-logs',
  labels: { singular: label('บันทึกการใช้งาน', 'Audit entry'), plural: label('บันทึกการใช้งาน', 'Audit log') },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'action', 'actor', 'targetUser', 'agency', 'ip'],
    group: label('บัญชีผู้ใช้', 'Accounts'),
  },
  access: { read, create: nobody, update: nobody, delete: nobody, readVersions: nobody },
  timestamps: true,
  fields: [
    { name: 'action', type: 'select', required: true, index: true, options: [...AUDIT_ACTIONS], label: label('การกระทำ', 'Action') },
    { name: 'actor', type: 'relationship', relationTo: 'users', index: true, label: label('ผู้กระทำ', 'By') },
    { name: 'targetUser', type: 'relationship', relationTo: 'users', index: true, label: label('ผู้ใช้ที่เกี่ยวข้อง', 'User concerned') },
    { name: 'agency', type: 'relationship', relationTo: 'agencies', index: true, label: label('หน่วยงาน', 'Agency') },
    { name: 'ip', type: 'text', label: label('หมายเลข IP', 'IP address') },
    { name: 'details', type: 'json', label: label('รายละเอียด', 'Details') },
  ],
}
