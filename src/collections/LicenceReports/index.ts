import type { CollectionConfig, Field, NumberField } from 'payload'

import { systemAdminOnly } from '../../access/predicates'
import { idOf } from '../../access/user'
import { label } from '../../fields/label'
import { periodFields } from '../../fields/period'
import { processField } from '../../fields/process'
import { LICENCE_COUNT_FIELDS, LICENCE_COUNT_LABELS } from '../../lib/licenceReport'
import { mayReport, readUnitDocuments, updateOwnUnitDocuments } from './access'
import { licenceReportEndpoints } from './endpoints'
import { guardLicenceReport, LICENCE_REPORTS } from './hooks'

const systemOnly = { create: () => false, update: () => false }

const countField = (name: (typeof LICENCE_COUNT_FIELDS)[number]): NumberField => ({
  name,
  type: 'number',
  label: LICENCE_COUNT_LABELS[name],
  admin: { step: 1, width: '25%' },
})

/**
 * รายงานผลการออกใบอนุญาต: one reporting unit's figures for one process and one month.
 * The rules live in ../../lib/licenceReport.ts; ./hooks.ts applies them to every write.
 */
export const LicenceReports: CollectionConfig = {
  slug: LICENCE_REPORTS,
  labels: {
    singular: label('รายงานผลการออกใบอนุญาต', 'Licence-issuance report'),
    plural: label('สร้างรายงานการออกใบอนุญาต', 'Licence-issuance reports'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'month', 'received', 'approved', 'state', 'updatedAt'],
    group: label('รายงานการออกใบอนุญาต', 'Licence reports'),
    listSearchableFields: ['title'],
    components: { beforeList: ['/components/LicenceReports/DueReports#DueReports'] },
  },
  access: {
    read: readUnitDocuments,
    create: mayReport,
    update: updateOwnUnitDocuments,
    delete: systemAdminOnly,
  },
  hooks: { beforeChange: [guardLicenceReport] },
  indexes: [{ fields: ['unitKey', 'process', 'year', 'month'], unique: true }],
  defaultSort: '-updatedAt',
  endpoints: licenceReportEndpoints,
  fields: [
    { name: 'title', type: 'text', label: label('รายงาน', 'Report'), access: systemOnly, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'servicePoint',
          type: 'relationship',
          relationTo: 'service-points',
          index: true,
          label: label('จุดบริการที่รายงาน', 'Reporting service point'),
          defaultValue: ({ user }: { user?: { servicePoint?: unknown } | null }) => idOf(user?.servicePoint) ?? undefined,
          admin: { description: label('เว้นว่างเมื่อกรมเป็นผู้รายงานเอง', 'Leave empty when the department reports itself') },
        },
        {
          name: 'agency',
          type: 'relationship',
          relationTo: 'agencies',
          index: true,
          label: label('หน่วยงาน (กรม)', 'Department'),
          defaultValue: ({ user }: { user?: { agency?: unknown } | null }) => idOf(user?.agency) ?? undefined,
          admin: { description: label('กรมที่สรุปรวมตัวเลข กำหนดจากจุดบริการโดยอัตโนมัติ', 'The department the figures roll up to; set from the service point') },
        },
      ],
    },
    processField({
      filterOptions: ({ user }) => {
        const agency = idOf((user as { agency?: unknown } | null)?.agency)
        return agency === null ? true : { agency: { equals: agency } }
      },
    }),
    periodFields(),
    { type: 'row', fields: LICENCE_COUNT_FIELDS.slice(0, 4).map(countField) },
    { type: 'row', fields: LICENCE_COUNT_FIELDS.slice(4).map(countField) },
    {
      name: 'state',
      type: 'select',
      // Not `required`: GraphQL would then demand it on create; the default and the hook suffice.
      defaultValue: 'draft',
      index: true,
      label: label('สถานะ', 'State'),
      options: [
        { value: 'draft', label: label('ร่าง', 'Draft') },
        { value: 'submitted', label: label('ส่งรายงานแล้ว', 'Submitted') },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'changeComment',
      type: 'textarea',
      label: label('เหตุผลการแก้ไขตัวเลข', 'Reason for changing figures'),
      admin: {
        description: label('ต้องระบุเมื่อแก้ไขตัวเลขหลังส่งรายงานแล้ว (บันทึกในประวัติการแก้ไข)', 'Required when changing figures after submission (kept in the change log)'),
        condition: (data) => data?.state === 'submitted',
      },
    },
    {
      name: 'submittedAt',
      type: 'date',
      label: label('ส่งรายงานเมื่อ', 'Submitted at'),
      access: systemOnly,
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'submittedBy',
      type: 'relationship',
      relationTo: 'users',
      label: label('ผู้ส่งรายงาน', 'Submitted by'),
      access: systemOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'changeLog',
      type: 'array',
      label: label('ประวัติการแก้ไขหลังส่งรายงาน', 'Changes after submission'),
      access: systemOnly,
      admin: { readOnly: true, initCollapsed: true },
      fields: [
        { name: 'changedAt', type: 'date', label: label('เมื่อ', 'At'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'changedBy', type: 'relationship', relationTo: 'users', label: label('โดย', 'By') },
        { name: 'comment', type: 'textarea', label: label('เหตุผล', 'Reason') },
        { name: 'changes', type: 'text', label: label('ตัวเลขที่แก้ไข', 'Figures changed') },
      ],
    },
    { name: 'unitKey', type: 'text', index: true, access: systemOnly, admin: { hidden: true } },
  ] as Field[],
}
