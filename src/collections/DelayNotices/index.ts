import type { CollectionConfig, Validate } from 'payload'

import { isSystemAdmin } from '../../access/predicates'
import { officerOf } from '../../access/user'
import { label } from '../../fields/label'
import { processField } from '../../fields/process'
import { DECISION_OUTCOMES, DELAY_STATES, NOTICE_CHANNELS } from '../../lib/delay'
import { DURATION_UNITS } from '../../lib/duration'
import { bilingual } from '../../lib/messages'
import {
  createCases,
  deleteCases,
  handlesServicePoint,
  personalDataAccess,
  readCases,
  systemOnly,
  updateCases,
} from './access'
import { delayExportEndpoint } from './export'
import { deriveCaseFields } from './hooks'
import { delayTrackEndpoint } from './track'

const personalData = { read: personalDataAccess, create: personalDataAccess, update: personalDataAccess }
const computed = { create: systemOnly, update: systemOnly }

const servicePointInScope: Validate = async (value, { req, required }: { req: any; required?: boolean }) => {
  if (value === null || value === undefined || value === '') {
    return required ? bilingual('กรุณาระบุจุดบริการที่รับคำขอ', 'The service point that received the application is required') : true
  }
  // Jobs and seeds run without a user; system admins act for every unit.
  if (!officerOf(req) || isSystemAdmin(req)) return true
  return (await handlesServicePoint(req, value))
    ? true
    : bilingual('เลือกได้เฉพาะจุดบริการในความรับผิดชอบของท่าน', 'You may only choose a service point you act for')
}

/**
 * หนังสือแจ้งเรื่องล่าช้า: one case per application not decided within the time its manual
 * states (s.10 of the Licensing Facilitation Act B.E. 2558). The unit records the case and each
 * notice; the system derives the due date, the next notice date and the state, reminds the unit
 * through the jobs queue (./jobs.ts) and deletes the applicant's contact details after the
 * retention period (PDPA).
 */
export const DelayNotices: CollectionConfig = {
  slug: 'delay-notices',
  labels: {
    singular: label('หนังสือแจ้งเรื่องล่าช้า', 'Delay notice case'),
    plural: label('หนังสือแจ้งเรื่องล่าช้า', 'Delay notices'),
  },
  admin: {
    useAsTitle: 'trackingCode',
    defaultColumns: ['trackingCode', 'process', 'servicePoint', 'state', 'dueAt', 'nextNoticeDueAt'],
    group: label('งานบริการประชาชน', 'Citizen services'),
    listSearchableFields: ['trackingCode'],
    components: { beforeListTable: ['/components/DelayNotices/ExportLinks#ExportLinks'] },
    description: label(
      'เรื่องที่พิจารณาไม่แล้วเสร็จภายในเวลาที่คู่มือกำหนด ต้องแจ้งเหตุล่าช้าให้ผู้ยื่นคำขอทราบทุก 7 วัน และส่งสำเนาให้ ก.พ.ร. (มาตรา 10)',
      'Applications not decided within the manual’s stated time: tell the applicant why every 7 days, with a copy to OPDC (s.10)',
    ),
  },
  access: { read: readCases, create: createCases, update: updateCases, delete: deleteCases },
  endpoints: [delayTrackEndpoint, delayExportEndpoint],
  hooks: { beforeChange: [deriveCaseFields] },
  fields: [
    {
      name: 'trackingCode',
      type: 'text',
      unique: true,
      index: true,
      label: label('รหัสติดตามเรื่อง', 'Tracking code'),
      access: computed,
      admin: { readOnly: true, description: label('ให้ผู้ยื่นคำขอใช้ติดตามสถานะ', 'Give it to the applicant to follow the case') },
    },
    {
      type: 'row',
      fields: [
        processField(),
        {
          name: 'manual',
          type: 'relationship',
          relationTo: 'manuals',
          required: true,
          label: label('คู่มือสำหรับประชาชน', 'Citizen manual'),
          filterOptions: ({ siblingData }) => {
            const process = (siblingData as { process?: unknown })?.process
            return process ? { process: { equals: process } } : true
          },
          admin: { description: label('ระยะเวลาดำเนินการรวมของคู่มือใช้คำนวณวันครบกำหนด', 'Its total time gives the due date') },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'servicePoint',
          type: 'relationship',
          relationTo: 'service-points',
          required: true,
          index: true,
          label: label('จุดบริการที่รับคำขอ', 'Service point'),
          validate: servicePointInScope as never,
        },
        {
          name: 'agency',
          type: 'relationship',
          relationTo: 'agencies',
          index: true,
          label: label('หน่วยงาน', 'Agency'),
          access: computed,
          admin: { readOnly: true, description: label('หน่วยงานของจุดบริการ', 'The service point’s agency') },
        },
      ],
    },
    {
      name: 'receivedAt',
      type: 'date',
      required: true,
      index: true,
      label: label('วันที่รับคำขอ', 'Application received'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'applicant',
      type: 'group',
      label: label('ผู้ยื่นคำขอ (ข้อมูลส่วนบุคคล)', 'Applicant (personal data)'),
      access: personalData,
      admin: {
        description: label(
          'เห็นได้เฉพาะหน่วยที่รับผิดชอบ เจ้าหน้าที่ส่วนกลางของหน่วยงาน และ ก.พ.ร. ระบบลบข้อมูลนี้เมื่อพ้นระยะเวลาเก็บรักษาหลังปิดเรื่อง',
          'Only the handling unit, its central officers and OPDC see it; deleted after the retention period once the case closes',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', label: label('ชื่อ-นามสกุล', 'Name') },
            { name: 'phone', type: 'text', label: label('โทรศัพท์', 'Phone') },
            { name: 'email', type: 'email', label: label('อีเมล', 'Email') },
          ],
        },
        { name: 'address', type: 'textarea', label: label('ที่อยู่สำหรับส่งหนังสือ', 'Postal address') },
      ],
    },
    {
      name: 'reason',
      type: 'textarea',
      label: label('เหตุแห่งความล่าช้า', 'Reason for the delay'),
      admin: { description: label('บันทึกภายใน ไม่แสดงต่อสาธารณะ', 'Internal note, not public') },
    },
    {
      name: 'notices',
      type: 'array',
      label: label('การแจ้งผู้ยื่นคำขอ', 'Notices sent'),
      labels: { singular: label('หนังสือแจ้ง', 'Notice'), plural: label('หนังสือแจ้ง', 'Notices') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'sentAt',
              type: 'date',
              required: true,
              label: label('วันที่แจ้ง', 'Sent'),
              admin: { date: { pickerAppearance: 'dayAndTime' } },
            },
            {
              name: 'channel',
              type: 'select',
              required: true,
              defaultValue: 'letter',
              options: NOTICE_CHANNELS.map((c) => ({ value: c.value, label: label(c.th, c.en) })),
              label: label('ช่องทาง', 'Channel'),
            },
            {
              name: 'expectedDecisionAt',
              type: 'date',
              label: label('คาดว่าจะพิจารณาแล้วเสร็จ', 'Expected decision'),
            },
          ],
        },
        {
          name: 'reasonGiven',
          type: 'textarea',
          required: true,
          label: label('เหตุแห่งความล่าช้าที่แจ้ง', 'Reason given to the applicant'),
          admin: { description: label('ผู้ยื่นคำขอเห็นข้อความนี้ในหน้าติดตามเรื่อง', 'The applicant sees this on the tracking page') },
        },
        { name: 'reference', type: 'text', label: label('เลขที่หนังสือ', 'Letter reference') },
      ],
    },
    {
      name: 'decision',
      type: 'group',
      label: label('ผลการพิจารณา (ปิดเรื่อง)', 'Decision (closes the case)'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'decidedAt',
              type: 'date',
              index: true,
              label: label('วันที่พิจารณาแล้วเสร็จ', 'Decided'),
              admin: { date: { pickerAppearance: 'dayAndTime' } },
            },
            {
              name: 'outcome',
              type: 'select',
              options: DECISION_OUTCOMES.map((o) => ({ value: o.value, label: label(o.th, o.en) })),
              label: label('ผลการพิจารณา', 'Outcome'),
            },
          ],
        },
      ],
    },
    {
      name: 'state',
      type: 'select',
      index: true,
      defaultValue: 'open',
      options: DELAY_STATES.map((s) => ({ value: s.value, label: label(s.th, s.en) })),
      label: label('สถานะ', 'State'),
      access: computed,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'dueAt',
      type: 'date',
      index: true,
      label: label('ครบกำหนดตามคู่มือ', 'Due (manual’s stated time)'),
      access: computed,
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'nextNoticeDueAt',
      type: 'date',
      index: true,
      label: label('ต้องแจ้งครั้งถัดไปภายใน', 'Next notice due'),
      access: computed,
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      type: 'row',
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'statedDuration',
          type: 'number',
          label: label('ระยะเวลาตามคู่มือ', 'Stated time'),
          access: computed,
          admin: { readOnly: true },
        },
        {
          name: 'statedDurationUnit',
          type: 'select',
          options: DURATION_UNITS.map((u) => ({ value: u.value, label: label(u.th, u.en) })),
          label: label('หน่วย', 'Unit'),
          access: computed,
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'remindedFor',
      type: 'date',
      label: label('เตือนแล้วสำหรับกำหนดแจ้ง', 'Reminded for the notice due'),
      access: computed,
      admin: { position: 'sidebar', readOnly: true, hidden: true },
    },
    {
      name: 'contactPurgedAt',
      type: 'date',
      label: label('ลบข้อมูลติดต่อผู้ยื่นคำขอเมื่อ', 'Contact details deleted'),
      access: computed,
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.contactPurgedAt) },
    },
  ],
}
