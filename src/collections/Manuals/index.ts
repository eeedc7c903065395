import type { Access, CollectionConfig } from 'payload'

import { anyOf, createInOwnAgency, sameAgency, seesEverything } from '../../access/predicates'
import { agencyScopeWhere } from '../../access/scope'
import { hasAnyRole, officerOf } from '../../access/user'
import { agencyField } from '../../fields/agency'
import { label } from '../../fields/label'
import { citizenReadDefaults } from '../../hooks/citizenReads'
import { legacyIdField } from '../../fields/legacyId'
import { processField } from '../../fields/process'
import { DURATION_UNITS, totalDuration } from '../../lib/duration'
import { bilingual } from '../../lib/messages'
import { WORKFLOW_STATES } from '../../lib/workflowStates'
import { manualEndpoints } from './endpoints'
import { manualGuard } from './hooks'
import { workflowAdminComponents, workflowTimelineField } from './workflowAdmin'

export const PUBLISHED_MANUAL = { _status: { equals: 'published' } } as const

const AGENCY_ROLES = ['central-officer', 'manual-author', 'manual-reviewer', 'service-point-officer'] as const

/** Citizens read only the published revision; officers also read their agency's work in progress. */
const read: Access = async ({ req }) => {
  if (!officerOf(req)) return PUBLISHED_MANUAL
  if (seesEverything(req)) return true
  const scope = hasAnyRole(req, ...AGENCY_ROLES) ? await agencyScopeWhere(req) : false
  return anyOf(PUBLISHED_MANUAL, scope)
}

const nonNegative = (th: string, en: string) => (value: unknown) =>
  value === null || value === undefined || (typeof value === 'number' && value >= 0) ? true : bilingual(th, en)

/** คู่มือสำหรับประชาชน: what the Licensing Facilitation Act B.E. 2558 s.7 and OPDC's template require. */
export const Manuals: CollectionConfig = {
  slug: 'manuals',
  labels: { singular: label('คู่มือสำหรับประชาชน', 'Citizen manual'), plural: label('คู่มือสำหรับประชาชน', 'Citizen manuals') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'agency', 'revision', 'workflowState', '_status', 'updatedAt'],
    group: label('จัดการคู่มือประชาชน', 'Citizen manuals'),
    listSearchableFields: ['title'],
    components: workflowAdminComponents,
    // The citizen page of this manual, showing the revision in progress to the signed-in officer.
    livePreview: { url: ({ data }) => (data?.id ? `/manuals/${data.id}?preview=1` : '/') },
    preview: (doc) => (doc?.id ? `/manuals/${String(doc.id)}?preview=1` : null),
  },
  versions: { drafts: { schedulePublish: false }, maxPerDoc: 100 },
  endpoints: manualEndpoints,
  access: {
    read,
    readVersions: async (args) => {
      const result = await read(args)
      // Citizens get no version history: drafts and revisions in review live there.
      if (!officerOf(args.req)) return false
      // Version rows keep the manual's fields under `version.`.
      return result === true ? result : anyOf(seesEverything(args.req), await agencyScopeWhere(args.req, 'version.agency'))
    },
    create: createInOwnAgency(['manual-author', 'central-officer']),
    update: sameAgency(['manual-author', 'manual-reviewer', 'central-officer']),
    delete: sameAgency(['central-officer']),
  },
  defaultPopulate: { title: true, agency: true, process: true, revision: true, workflowState: true, publishedAt: true },
  hooks: {
    // Citizens read the published revision; their lists leave out the rich-text body and the join.
    beforeOperation: [citizenReadDefaults({ conditions: false, servicePoints: false }), manualGuard.beforeOperation],
    // The workflow guard first: only POST /api/manuals/:id/workflow (or a system write) moves a manual.
    beforeChange: [
      manualGuard.beforeChange,
      ({ data }) => {
        if (data && Array.isArray(data.steps)) {
          const total = totalDuration(data.steps)
          data.totalDuration = total.value
          data.totalDurationUnit = total.unit
        }
        return data
      },
    ],
  },
  fields: [
    legacyIdField(),
    { name: 'title', type: 'text', required: true, index: true, label: label('ชื่อคู่มือ', 'Title') },
    {
      type: 'row',
      fields: [
        processField(),
        agencyField(),
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'revision',
          type: 'number',
          defaultValue: 1,
          min: 1,
          required: true,
          label: label('Revision', 'Revision'),
          admin: { readOnly: true },
        },
        {
          name: 'workflowState',
          type: 'select',
          defaultValue: 'draft',
          required: true,
          index: true,
          options: WORKFLOW_STATES.map((s) => ({ value: s.value, label: label(s.th, s.en) })),
          label: label('สถานะคู่มือ', 'Workflow state'),
          admin: { readOnly: true },
        },
        {
          name: 'publishedAt',
          type: 'date',
          index: true,
          label: label('วันที่เผยแพร่', 'Published at'),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'serviceType',
      type: 'select',
      label: label('ประเภทขั้นตอน', 'Service type'),
      options: [
        { value: 'licence', label: label('อนุญาต / อนุมัติ / จดทะเบียน', 'Licence, approval or registration') },
        { value: 'service', label: label('บริการ', 'Service') },
      ],
    },
    {
      name: 'conditions',
      type: 'richText',
      required: true,
      label: label('หลักเกณฑ์ วิธีการ เงื่อนไข', 'Criteria, procedure and conditions'),
    },
    {
      name: 'serviceChannels',
      type: 'array',
      label: label('ช่องทางการให้บริการ', 'Service channels'),
      fields: [
        { name: 'place', type: 'text', required: true, label: label('สถานที่ / ช่องทาง', 'Place or channel') },
        { name: 'hours', type: 'text', label: label('ระยะเวลาเปิดให้บริการ', 'Service hours') },
      ],
    },
    {
      name: 'steps',
      type: 'array',
      required: true,
      minRows: 1,
      label: label('ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ', 'Steps, time and responsible unit'),
      fields: [
        { name: 'title', type: 'text', required: true, label: label('ขั้นตอน', 'Step') },
        { name: 'description', type: 'textarea', label: label('รายละเอียด', 'Description') },
        {
          type: 'row',
          fields: [
            {
              name: 'duration',
              type: 'number',
              required: true,
              label: label('ระยะเวลา', 'Duration'),
              validate: nonNegative('ระยะเวลาต้องไม่ติดลบ', 'Duration must not be negative'),
            },
            {
              name: 'durationUnit',
              type: 'select',
              required: true,
              defaultValue: 'minutes',
              options: DURATION_UNITS.map((u) => ({ value: u.value, label: label(u.th, u.en) })),
              label: label('หน่วย', 'Unit'),
            },
            { name: 'responsibleUnit', type: 'text', label: label('ส่วนงาน / หน่วยงานที่รับผิดชอบ', 'Responsible unit') },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'totalDuration',
          type: 'number',
          label: label('ระยะเวลาดำเนินการรวม', 'Total duration'),
          admin: { readOnly: true },
        },
        {
          name: 'totalDurationUnit',
          type: 'select',
          options: DURATION_UNITS.map((u) => ({ value: u.value, label: label(u.th, u.en) })),
          label: label('หน่วย', 'Unit'),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'documents',
      type: 'array',
      label: label('รายการเอกสารหลักฐานประกอบ', 'Required documents'),
      fields: [
        { name: 'name', type: 'text', required: true, label: label('รายการเอกสาร', 'Document') },
        { name: 'issuingAgency', type: 'text', label: label('หน่วยงานภาครัฐผู้ออกเอกสาร', 'Issuing agency') },
        {
          type: 'row',
          fields: [
            {
              name: 'originals',
              type: 'number',
              defaultValue: 0,
              label: label('ฉบับจริง', 'Originals'),
              validate: nonNegative('จำนวนฉบับจริงต้องไม่ติดลบ', 'Originals must not be negative'),
            },
            {
              name: 'copies',
              type: 'number',
              defaultValue: 0,
              label: label('สำเนา', 'Copies'),
              validate: nonNegative('จำนวนสำเนาต้องไม่ติดลบ', 'Copies must not be negative'),
            },
          ],
        },
        { name: 'note', type: 'text', label: label('หมายเหตุ', 'Note') },
      ],
    },
    {
      name: 'noFee',
      type: 'checkbox',
      defaultValue: false,
      label: label('ไม่มีค่าธรรมเนียม', 'No fee'),
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        value && Array.isArray(siblingData?.fees) && siblingData.fees.length
          ? bilingual('เลือก "ไม่มีค่าธรรมเนียม" แล้ว ต้องไม่มีรายการค่าธรรมเนียม', 'Remove the fee items or untick "No fee"')
          : true,
    },
    {
      name: 'fees',
      type: 'array',
      label: label('ค่าธรรมเนียม', 'Fees'),
      admin: { condition: (data) => !data?.noFee },
      // The Act's template never leaves fees blank: either items with amounts, or "no fee" ticked.
      // (Checked here only while fees apply; the opposite case is checked on noFee, which is always shown.)
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
        const rows = Array.isArray(value) ? value.length : 0
        if (!siblingData?.noFee && !rows)
          return bilingual('กรุณาระบุค่าธรรมเนียม หรือเลือก "ไม่มีค่าธรรมเนียม"', 'List the fees or tick "No fee"')
        return true
      },
      fields: [
        { name: 'description', type: 'text', required: true, label: label('รายการ', 'Item') },
        {
          name: 'amount',
          type: 'number',
          required: true,
          label: label('ค่าธรรมเนียม (บาท)', 'Amount (baht)'),
          validate: nonNegative('ค่าธรรมเนียมต้องไม่ติดลบ', 'A fee must not be negative'),
        },
      ],
    },
    {
      name: 'complaintChannels',
      type: 'array',
      label: label('ช่องทางการร้องเรียน แนะนำบริการ', 'Complaint channels'),
      fields: [
        { name: 'channel', type: 'text', required: true, label: label('ช่องทาง', 'Channel') },
        { name: 'contact', type: 'text', label: label('รายละเอียดการติดต่อ', 'Contact') },
      ],
    },
    {
      name: 'forms',
      type: 'array',
      label: label('ตัวอย่างแบบฟอร์ม ตัวอย่าง และคู่มือการกรอก', 'Forms'),
      fields: [
        { name: 'title', type: 'text', required: true, label: label('ชื่อแบบฟอร์ม', 'Title') },
        { name: 'file', type: 'upload', relationTo: 'media', label: label('ไฟล์', 'File') },
      ],
    },
    {
      name: 'legalBasis',
      type: 'array',
      label: label('กฎหมายที่ให้อำนาจการอนุญาต หรือที่เกี่ยวข้อง', 'Legal basis'),
      fields: [{ name: 'title', type: 'text', required: true, label: label('ชื่อกฎหมาย', 'Law') }],
    },
    { name: 'remarks', type: 'textarea', label: label('หมายเหตุ', 'Remarks') },
    {
      name: 'servicePoints',
      type: 'join',
      collection: 'service-points',
      on: 'manuals',
      label: label('จุดบริการที่ให้บริการ', 'Service points offering it'),
      defaultLimit: 50,
    },
    workflowTimelineField,
  ],
}
