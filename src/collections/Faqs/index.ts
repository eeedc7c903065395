import type { CollectionConfig } from 'payload'

import { anyone, systemAdminOnly } from '../../access/predicates'
import { label } from '../../fields/label'

/** คำถามที่พบบ่อย: the officers' FAQ, shown in the admin help and on the citizen site; system admins edit. */
export const Faqs: CollectionConfig = {
  slug: 'faqs',
  labels: { singular: label('คำถามที่พบบ่อย', 'FAQ'), plural: label('คำถามที่พบบ่อย', 'FAQs') },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'section', 'order', 'updatedAt'],
    listSearchableFields: ['question', 'answer'],
  },
  defaultSort: 'order',
  access: { read: anyone, create: systemAdminOnly, update: systemAdminOnly, delete: systemAdminOnly },
  fields: [
    { name: 'section', type: 'text', required: true, index: true, label: label('หมวด', 'Section') },
    { name: 'question', type: 'text', required: true, label: label('คำถาม', 'Question') },
    {
      name: 'answer',
      type: 'textarea',
      required: true,
      label: label('คำตอบ', 'Answer'),
      admin: { description: label('ขึ้นบรรทัดใหม่เพื่อแยกย่อหน้า', 'One paragraph per line') },
    },
    { name: 'order', type: 'number', defaultValue: 0, index: true, label: label('ลำดับ', 'Order'), admin: { position: 'sidebar' } },
  ],
}
