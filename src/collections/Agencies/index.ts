import type { CollectionConfig } from 'payload'

import { anyone, systemAdminOnly, sameAgency } from '../../access/predicates'
import { label } from '../../fields/label'
import { legacyIdField } from '../../fields/legacyId'
import { provinceField } from '../../fields/province'
import { bilingual } from '../../lib/messages'
import { preventParentCycle } from '../../hooks/preventParentCycle'
import { licenceReportingByField } from '../LicenceReports/reportingRight'
import { agencyTokensAfterChange, agencyTokensBeforeDelete } from '../RoleTokens/automatic'

export const AGENCY_KINDS = [
  { value: 'ministry', label: label('กระทรวง', 'Ministry') },
  { value: 'department', label: label('กรม / หน่วยงานเทียบเท่า', 'Department or equivalent') },
  { value: 'local-government', label: label('องค์กรปกครองส่วนท้องถิ่น (อปท.)', 'Local government') },
]

/** หน่วยงาน: ministries > departments / local governments. Parent and breadcrumbs come from nested-docs. */
export const Agencies: CollectionConfig = {
  slug: 'agencies',
  labels: { singular: label('หน่วยงาน', 'Agency'), plural: label('หน่วยงาน', 'Agencies') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'province', 'code'],
    group: label('หน่วยงานและโครงสร้าง', 'Agencies and structure'),
    listSearchableFields: ['name', 'nameEn', 'code'],
  },
  access: {
    read: anyone,
    create: systemAdminOnly,
    // A central officer edits the profile of their own agency and its sub-units.
    update: sameAgency(['central-officer'], 'id'),
    delete: systemAdminOnly,
  },
  defaultPopulate: { name: true, nameEn: true, kind: true, province: true, parent: true },
  hooks: {
    beforeChange: [preventParentCycle('agencies')],
    // Its role tokens (จัดการ Token) come and go with the agency, in the same transaction.
    afterChange: [agencyTokensAfterChange],
    beforeDelete: [agencyTokensBeforeDelete],
  },
  fields: [
    legacyIdField(),
    { name: 'name', type: 'text', required: true, label: label('ชื่อหน่วยงาน (ไทย)', 'Name (Thai)') },
    { name: 'nameEn', type: 'text', label: label('ชื่อหน่วยงาน (อังกฤษ)', 'Name (English)') },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          index: true,
          options: AGENCY_KINDS,
          label: label('ประเภท', 'Kind'),
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            if (!value) return bilingual('กรุณาระบุประเภทหน่วยงาน', 'Kind is required')
            if (value === 'ministry' && siblingData?.parent)
              return bilingual('กระทรวงต้องไม่มีหน่วยงานต้นสังกัด', 'A ministry has no parent agency')
            return true
          },
        },
        { name: 'code', type: 'text', unique: true, index: true, label: label('รหัสหน่วยงาน', 'Agency code') },
      ],
    },
    provinceField(),
    licenceReportingByField,
    { name: 'address', type: 'textarea', label: label('ที่อยู่', 'Address') },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', label: label('โทรศัพท์', 'Phone') },
        { name: 'email', type: 'email', label: label('อีเมล', 'Email') },
        { name: 'website', type: 'text', label: label('เว็บไซต์', 'Website') },
      ],
    },
  ],
}
