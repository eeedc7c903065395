import type { CollectionConfig } from 'payload'

import { anyone, createInOwnAgency, sameAgency } from '../../access/predicates'
import { agencyField } from '../../fields/agency'
import { label } from '../../fields/label'
import { legacyIdField } from '../../fields/legacyId'

const EDITORS = ['central-officer', 'manual-author', 'manual-reviewer'] as const

/** กระบวนงาน: what an agency does for citizens. Edits take effect at once (no approval). */
export const Processes: CollectionConfig = {
  slug: 'processes',
  labels: { singular: label('กระบวนงาน', 'Process'), plural: label('กระบวนงาน', 'Processes') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'agency', 'updatedAt'],
    group: label('จัดการกระบวนงาน', 'Processes'),
    listSearchableFields: ['name'],
  },
  access: {
    read: anyone,
    create: createInOwnAgency([...EDITORS]),
    update: sameAgency([...EDITORS]),
    delete: sameAgency(['central-officer']),
  },
  defaultPopulate: { name: true, agency: true, commonNames: true },
  fields: [
    legacyIdField(),
    { name: 'name', type: 'text', required: true, index: true, label: label('ชื่อกระบวนงาน', 'Process name') },
    agencyField(),
    {
      name: 'commonNames',
      type: 'text',
      hasMany: true,
      label: label('ชื่อเรียกทั่วไป', 'Common names'),
      admin: { description: label('ชื่อที่ประชาชนใช้เรียก ใช้ในการค้นหา', 'Names citizens use; used by search') },
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      index: true,
      label: label('หมวดหมู่ / กลุ่มผู้ใช้ / ป้ายคำ', 'Categories, user groups and tags'),
    },
    { name: 'legalBasis', type: 'textarea', label: label('กฎหมายที่ให้อำนาจ', 'Legal basis') },
  ],
}
