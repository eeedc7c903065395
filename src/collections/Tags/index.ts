import type { Access, CollectionConfig, Where } from 'payload'

import { anyOf, anyone, isSystemAdmin, isOpdcOfficer } from '../../access/predicates'
import { agencyScopeWhere } from '../../access/scope'
import { hasAnyRole } from '../../access/user'
import { agencyField } from '../../fields/agency'
import { label } from '../../fields/label'
import { preventParentCycle } from '../../hooks/preventParentCycle'
import { bilingual } from '../../lib/messages'

export const TAG_TYPES = [
  { value: 'service-category', label: label('หมวดหมู่บริการ', 'Service category') },
  { value: 'user-group', label: label('กลุ่มผู้ใช้บริการ', 'User group') },
  { value: 'tag', label: label('ป้ายคำ', 'Tag') },
]

const MAIN_CATALOG = ['service-category', 'user-group']
const TAG_EDITORS = ['central-officer', 'manual-author', 'manual-reviewer'] as const

/** OPDC and system admins keep the main catalog; officers add sub-catalog tags for their agency. */
const create: Access = ({ req, data }) => {
  if (isSystemAdmin(req)) return true
  const mainCatalog = !data || data.type !== 'tag' || !data.agency
  const agencyTag = !data || data.type === 'tag'
  return (isOpdcOfficer(req) && mainCatalog) || (hasAnyRole(req, ...TAG_EDITORS) && agencyTag)
}

/** An agency's own tags are that agency's; OPDC curates the main catalog and agency-less tags. */
const OPDC_TAGS: Where = { or: [{ type: { not_equals: 'tag' } }, { agency: { exists: false } }] }

const updateOrDelete: Access = async ({ req }) => {
  if (isSystemAdmin(req)) return true
  const scope = hasAnyRole(req, ...TAG_EDITORS) ? await agencyScopeWhere(req) : false
  return anyOf(isOpdcOfficer(req) && OPDC_TAGS, scope ? { and: [{ type: { equals: 'tag' } }, scope] } : false)
}

/** ป้ายคำและหมวดหมู่: one collection for the three kinds of tags. */
export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: label('ป้ายคำ / หมวดหมู่', 'Tag'), plural: label('ป้ายคำและหมวดหมู่', 'Tags') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'type', 'parent'],
    group: label('จัดการกระบวนงาน', 'Processes'),
  },
  access: { read: anyone, create, update: updateOrDelete, delete: updateOrDelete },
  defaultPopulate: { name: true, nameEn: true, type: true },
  hooks: { beforeChange: [preventParentCycle('tags')] },
  fields: [
    { name: 'name', type: 'text', required: true, index: true, label: label('ชื่อ', 'Name') },
    { name: 'nameEn', type: 'text', label: label('ชื่อ (อังกฤษ)', 'Name (English)') },
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      options: TAG_TYPES,
      label: label('ประเภท', 'Type'),
      validate: (value: unknown, { req }: { req: any }) => {
        if (!value) return bilingual('กรุณาระบุประเภท', 'Type is required')
        if (MAIN_CATALOG.includes(String(value)) && req?.user && !isSystemAdmin(req) && !isOpdcOfficer(req))
          return bilingual(
            'หมวดหมู่หลักแก้ไขได้เฉพาะเจ้าหน้าที่ ก.พ.ร. และผู้ดูแลระบบ',
            'Only OPDC officers and system admins maintain the main catalog',
          )
        return true
      },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'tags',
      label: label('หมวดหมู่แม่', 'Parent'),
      admin: { condition: (data) => data?.type === 'tag' },
    },
    agencyField({
      required: false,
      label: label('หน่วยงานเจ้าของป้ายคำ', 'Owning agency'),
      admin: { condition: (data) => data?.type === 'tag' },
    }),
  ],
}
