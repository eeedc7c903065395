import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig } from 'payload'
import { APIError, ValidationError } from 'payload'

import { anyone, isSystemAdmin } from '../../access/predicates'
import { hasAnyRole } from '../../access/user'
import { label } from '../../fields/label'
import { bilingual } from '../../lib/messages'
import { questionsChanged, validateQuestions, type SurveyQuestion } from '../../lib/surveyRules'
import { forgetQuestionSets } from './cache'

const opdcOrAdmin = ({ req }: { req: Parameters<typeof hasAnyRole>[0] }) => hasAnyRole(req, 'opdc-officer', 'system-admin')

/**
 * Numbers a new set, checks its questions, and freezes the questions of a set that has been in
 * use: ratings point at the set they answered, so changing its wording would change what old
 * scores mean. A new wording is a new version.
 */
const beforeChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const errors = validateQuestions(data.questions)
  if (errors.length) throw new ValidationError({ collection: 'survey-question-sets', errors })
  data.questions = (data.questions as SurveyQuestion[]).map((q) => ({ ...q, key: q.key.trim(), text: q.text.trim(), textEn: q.textEn?.trim() }))
  if (operation === 'create') {
    const last = await req.payload.find({
      collection: 'survey-question-sets',
      sort: '-version',
      limit: 1,
      depth: 0,
      select: { version: true },
      overrideAccess: true,
      req,
    })
    data.version = Number(last.docs[0]?.version ?? 0) + 1
    data.activatedAt = null
    data.retiredAt = null
  } else {
    data.version = originalDoc?.version
    if (originalDoc?.activatedAt && questionsChanged(originalDoc.questions, data.questions)) {
      throw new ValidationError({
        collection: 'survey-question-sets',
        errors: [
          {
            path: 'questions',
            message: bilingual(
              'ชุดคำถามที่เคยเปิดใช้แล้วแก้ไขคำถามไม่ได้ กรุณาสร้างชุดคำถามฉบับใหม่',
              'A set that has been in use keeps its questions: create a new version instead',
            ),
          },
        ],
      })
    }
  }
  if (data.active && !originalDoc?.active) {
    data.activatedAt = new Date().toISOString()
    data.retiredAt = null
  }
  if (!data.active && originalDoc?.active) data.retiredAt = new Date().toISOString()
  return data
}

/** One set is active: activating a set retires the one before it. */
const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.active && !previousDoc?.active) {
    const others = await req.payload.find({
      collection: 'survey-question-sets',
      where: { and: [{ active: { equals: true } }, { id: { not_equals: doc.id } }] },
      depth: 0,
      limit: 0,
      pagination: false,
      select: {},
      overrideAccess: true,
      req,
    })
    for (const other of others.docs) {
      await req.payload.update({
        collection: 'survey-question-sets',
        id: other.id,
        data: { active: false },
        overrideAccess: true,
        context: { systemWrite: true },
        req,
      })
    }
  }
  forgetQuestionSets()
  return doc
}

/** A set that ratings answered stays: the report needs its wording. */
const beforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const used = await req.payload.count({ collection: 'survey-responses', where: { questionSet: { equals: id } }, overrideAccess: true, req })
  if (used.totalDocs > 0) {
    throw new APIError(
      bilingual('ลบชุดคำถามที่มีผู้ประเมินแล้วไม่ได้', 'A question set that ratings answered cannot be deleted'),
      409,
    )
  }
}

/** ชุดคำถามประเมินความพึงพอใจ: versions maintained by OPDC; the active one is asked. */
export const SurveyQuestionSets: CollectionConfig = {
  slug: 'survey-question-sets',
  labels: {
    singular: label('ชุดคำถามประเมินความพึงพอใจ', 'Satisfaction question set'),
    plural: label('ชุดคำถามประเมินความพึงพอใจ', 'Satisfaction question sets'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['version', 'title', 'active', 'activatedAt', 'retiredAt'],
    group: label('ความพึงพอใจ', 'Citizen satisfaction'),
    description: label(
      'เปิดใช้ได้ครั้งละหนึ่งชุด ชุดใหม่ใช้กับการประเมินใหม่ การประเมินเดิมยังอ้างอิงชุดที่ตอบไว้',
      'One set is active at a time; a new set applies to new ratings while old ratings keep theirs',
    ),
  },
  access: {
    read: anyone,
    create: opdcOrAdmin,
    update: opdcOrAdmin,
    delete: ({ req }) => isSystemAdmin(req),
  },
  defaultSort: '-version',
  hooks: { beforeChange: [beforeChange], afterChange: [afterChange], beforeDelete: [beforeDelete] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'version',
          type: 'number',
          index: true,
          label: label('ฉบับที่', 'Version'),
          admin: { readOnly: true, description: label('กำหนดให้อัตโนมัติ', 'Assigned automatically') },
        },
        { name: 'title', type: 'text', required: true, label: label('ชื่อชุดคำถาม', 'Title') },
      ],
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: label('เปิดใช้ชุดนี้ (ปิดชุดเดิมให้อัตโนมัติ)', 'Active (retires the previous set)'),
    },
    {
      type: 'row',
      fields: [
        { name: 'activatedAt', type: 'date', label: label('เปิดใช้เมื่อ', 'Activated at'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'retiredAt', type: 'date', label: label('เลิกใช้เมื่อ', 'Retired at'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'questions',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 20,
      label: label('คำถาม (คะแนน 1–5)', 'Questions (scored 1–5)'),
      labels: { singular: label('คำถาม', 'Question'), plural: label('คำถาม', 'Questions') },
      fields: [
        {
          name: 'key',
          type: 'text',
          required: true,
          label: label('รหัสคำถาม', 'Key'),
          admin: { description: label('เช่น staff, speed (อักษรอังกฤษตัวเล็ก)', 'e.g. staff, speed (lower-case)') },
        },
        { name: 'text', type: 'text', required: true, label: label('คำถาม (ไทย)', 'Question (Thai)') },
        { name: 'textEn', type: 'text', required: true, label: label('คำถาม (อังกฤษ)', 'Question (English)') },
      ],
    },
  ],
}
