import type { Access, CollectionConfig } from 'payload'

import { isSystemAdmin, seesEverything } from '../../access/predicates'
import { agencyScopeWhere } from '../../access/scope'
import { officerOf } from '../../access/user'
import { label } from '../../fields/label'
import { SCORE_MAX, SCORE_MIN, COMMENT_MAX_LENGTH } from '../../lib/surveyRules'
import { surveyIntakeEndpoint, surveySummaryEndpoint } from './endpoints'

/**
 * Officers read the ratings of their agency and its sub-units (whatever their role); OPDC and
 * system admins read all; citizens read none (only the aggregate endpoint).
 */
const read: Access = async ({ req }) => {
  if (!officerOf(req)) return false
  if (seesEverything(req)) return true
  return agencyScopeWhere(req)
}

/** ผลประเมินความพึงพอใจ: one citizen's rating of one service point. Ratings are never edited. */
export const SurveyResponses: CollectionConfig = {
  slug: 'survey-responses',
  labels: {
    singular: label('ผลประเมินความพึงพอใจ', 'Satisfaction rating'),
    plural: label('ผลประเมินความพึงพอใจ', 'Satisfaction ratings'),
  },
  admin: {
    defaultColumns: ['servicePoint', 'agency', 'createdAt', 'channel', 'suspect'],
    group: label('ความพึงพอใจ', 'Citizen satisfaction'),
    description: label(
      'ประชาชนส่งผ่านหน้าประเมิน (QR Code/ลิงก์) เท่านั้น แก้ไขไม่ได้',
      'Citizens send these through the rating page (QR code or link); they cannot be edited',
    ),
  },
  access: {
    read,
    // Citizens create through POST /api/survey-responses (rate limits, validation): not here.
    create: ({ req }) => isSystemAdmin(req),
    update: () => false,
    delete: ({ req }) => isSystemAdmin(req),
  },
  endpoints: [surveyIntakeEndpoint, surveySummaryEndpoint],
  fields: [
    { name: 'servicePoint', type: 'relationship', relationTo: 'service-points', required: true, index: true, label: label('จุดบริการ', 'Service point') },
    {
      name: 'agency',
      type: 'relationship',
      relationTo: 'agencies',
      index: true,
      label: label('หน่วยงาน', 'Agency'),
      admin: { readOnly: true, description: label('หน่วยงานของจุดบริการ ณ เวลาที่ประเมิน', "The service point's agency when rated") },
    },
    { name: 'manual', type: 'relationship', relationTo: 'manuals', index: true, label: label('คู่มือ', 'Manual') },
    { name: 'questionSet', type: 'relationship', relationTo: 'survey-question-sets', required: true, index: true, label: label('ชุดคำถาม', 'Question set') },
    {
      name: 'answers',
      type: 'array',
      label: label('คะแนน', 'Scores'),
      labels: { singular: label('คะแนน', 'Score'), plural: label('คะแนน', 'Scores') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'question', type: 'text', required: true, label: label('รหัสคำถาม', 'Question key') },
            { name: 'score', type: 'number', required: true, min: SCORE_MIN, max: SCORE_MAX, label: label('คะแนน (1–5)', 'Score (1–5)') },
          ],
        },
      ],
    },
    {
      name: 'comment',
      type: 'textarea',
      maxLength: COMMENT_MAX_LENGTH,
      label: label('ความคิดเห็น (ข้อความล้วน)', 'Comment (plain text)'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channel',
          type: 'select',
          defaultValue: 'api',
          options: [
            { value: 'form', label: label('หน้าประเมิน', 'Rating page') },
            { value: 'api', label: label('API', 'API') },
          ],
          label: label('ช่องทาง', 'Channel'),
        },
        {
          name: 'suspect',
          type: 'checkbox',
          defaultValue: false,
          label: label('สงสัยว่าเป็นบอต (ไม่นับในรายงาน)', 'Suspected bot (left out of reports)'),
          admin: { description: label('ช่องดักบอตถูกกรอก', 'The honeypot field was filled') },
        },
      ],
    },
    // The duplicate guard's hash (device + rating + time bucket): unique, never shown.
    { name: 'dedupeKey', type: 'text', unique: true, hidden: true },
  ],
}
