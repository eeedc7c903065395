import type { CollectionConfig } from 'payload'

import { anyone, systemAdminOnly } from '../../access/predicates'
import { label } from '../../fields/label'
import { bilingual } from '../../lib/messages'

/**
 * แนวทางปฏิบัติ: short how-to pages for officers (menu "แนวทางปฏิบัติ"); the same text makes the
 * downloadable user guide ("คู่มือ", scripts/build-officer-guide.ts). System admins edit.
 */
export const Guidelines: CollectionConfig = {
  slug: 'guidelines',
  labels: { singular: label('แนวทางปฏิบัติ', 'Guideline'), plural: label('แนวทางปฏิบัติ', 'Guidelines') },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'order', 'updatedAt'] },
  defaultSort: 'order',
  access: { read: anyone, create: systemAdminOnly, update: systemAdminOnly, delete: systemAdminOnly },
  fields: [
    { name: 'title', type: 'text', required: true, label: label('หัวข้อ', 'Title') },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: label('ชื่อในลิงก์', 'Slug'),
      validate: (value: unknown) => (typeof value === 'string' && /^[a-z0-9-]+$/.test(value) ? true : bilingual('ใช้ได้เฉพาะ a-z, 0-9 และ -', 'Use a-z, 0-9 and - only')),
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      label: label('เนื้อหา', 'Body'),
      admin: { description: label('ย่อหน้าละบรรทัด; "- " นำหน้าเป็นรายการ', 'One paragraph per line; "- " starts a list item') },
    },
    { name: 'order', type: 'number', defaultValue: 0, index: true, label: label('ลำดับ', 'Order'), admin: { position: 'sidebar' } },
  ],
}
