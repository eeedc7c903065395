import type { CollectionConfig } from 'payload'

import { anyone, createInOwnAgency, sameAgency } from '../../access/predicates'
import { agencyField } from '../../fields/agency'
import { label } from '../../fields/label'

export const MEDIA_MAX_BYTES = 10 * 1024 * 1024

/** Forms and attachments of manuals: PDF, Word and images only, at most 10 MB. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: label('ไฟล์', 'File'), plural: label('ไฟล์แนบ', 'Files') },
  admin: { group: label('จัดการคู่มือประชาชน', 'Citizen manuals'), useAsTitle: 'filename' },
  access: {
    read: anyone,
    create: createInOwnAgency(['manual-author', 'manual-reviewer', 'central-officer']),
    update: sameAgency(['manual-author', 'manual-reviewer', 'central-officer']),
    delete: sameAgency(['central-officer', 'manual-author']),
  },
  upload: {
    staticDir: process.env.MEDIA_DIR || 'media',
    mimeTypes: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'image/png',
      'image/jpeg',
      'image/webp',
    ],
  },
  fields: [
    { name: 'alt', type: 'text', label: label('คำอธิบาย', 'Description') },
    agencyField(),
  ],
}
