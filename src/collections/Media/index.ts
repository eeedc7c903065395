import type { CollectionConfig } from 'payload'

import { anyone, createInOwnAgency, sameAgency } from '../../access/predicates'
import { agencyField } from '../../fields/agency'
import { label } from '../../fields/label'
import { MEDIA_MAX_BYTES, MEDIA_MIME_TYPES } from '../../lib/uploads'
import { checkUploadedFile } from './uploadRules'

export { MEDIA_MAX_BYTES }

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
    mimeTypes: MEDIA_MIME_TYPES,
  },
  hooks: { beforeOperation: [checkUploadedFile] },
  fields: [
    { name: 'alt', type: 'text', label: label('คำอธิบาย', 'Description') },
    agencyField(),
  ],
}
