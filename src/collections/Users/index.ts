import type { Access, CollectionConfig } from 'payload'

import { anyOf, isSystemAdmin } from '../../access/predicates'
import { agencyScopeWhere } from '../../access/scope'
import { hasAnyRole, officerOf } from '../../access/user'
import { label } from '../../fields/label'
import { ROLE_LABELS, ROLES } from '../../lib/roles'

const self: Access = ({ req }) => {
  const user = officerOf(req)
  return user ? { id: { equals: user.id } } : false
}

/** Central officers manage the users of their agency and its sub-units. */
const readUsers: Access = async (args) => {
  if (isSystemAdmin(args.req)) return true
  const own = self(args)
  if (!hasAnyRole(args.req, 'central-officer')) return own
  return anyOf(own as never, await agencyScopeWhere(args.req))
}

const localLoginAllowed = () => process.env.NODE_ENV !== 'production' || process.env.LOCAL_LOGIN === 'true'

/** เจ้าหน้าที่: officers, bound to an agency and roles by a one-time token (or by an admin). */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('ผู้ใช้งาน', 'User'), plural: label('จัดการรายละเอียดผู้ใช้งาน', 'Users') },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'agency', 'roles'],
    group: label('บัญชีผู้ใช้', 'Accounts'),
    listSearchableFields: ['name', 'email'],
  },
  auth: {
    // Outside production the demo accounts log in with a password; in production only Digital ID.
    disableLocalStrategy: localLoginAllowed() ? undefined : true,
    tokenExpiration: 8 * 60 * 60,
    useSessions: true,
  },
  access: {
    read: readUsers,
    create: ({ req }) => isSystemAdmin(req),
    update: readUsers,
    delete: ({ req }) => isSystemAdmin(req),
    admin: ({ req }) => Boolean(officerOf(req)),
  },
  fields: [
    { name: 'name', type: 'text', label: label('ชื่อ-นามสกุล', 'Full name') },
    {
      name: 'agency',
      type: 'relationship',
      relationTo: 'agencies',
      index: true,
      label: label('หน่วยงาน', 'Agency'),
      access: { update: ({ req }) => isSystemAdmin(req) || hasAnyRole(req, 'central-officer') },
    },
    {
      name: 'servicePoint',
      type: 'relationship',
      relationTo: 'service-points',
      label: label('จุดบริการ', 'Service point'),
      access: { update: ({ req }) => isSystemAdmin(req) || hasAnyRole(req, 'central-officer') },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      label: label('บทบาท', 'Roles'),
      access: { update: ({ req }) => isSystemAdmin(req) || hasAnyRole(req, 'central-officer') },
      saveToJWT: true,
    },
    {
      name: 'digitalIdSub',
      type: 'text',
      unique: true,
      index: true,
      label: label('รหัส Digital ID', 'Digital ID subject'),
      admin: { readOnly: true },
      access: { update: ({ req }) => isSystemAdmin(req) },
    },
  ],
}
