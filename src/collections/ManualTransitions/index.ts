import type { Access, CollectionConfig } from 'payload'

import { nobody, seesEverything } from '../../access/predicates'
import { agencyScopeWhere } from '../../access/scope'
import { hasAnyRole, officerOf } from '../../access/user'
import { label } from '../../fields/label'
import { ROLE_LABELS, ROLES } from '../../lib/roles'
import { MANUAL_ACTIONS } from '../../lib/workflow'
import { WORKFLOW_STATES } from '../../lib/workflowStates'

/** The manual's own agency (and the agencies above it) and OPDC read its timeline. */
const read: Access = async ({ req }) => {
  if (!officerOf(req)) return false
  if (seesEverything(req)) return true
  if (!hasAnyRole(req, 'central-officer', 'manual-author', 'manual-reviewer')) return false
  return agencyScopeWhere(req)
}

const stateOptions = WORKFLOW_STATES.map((s) => ({ value: s.value, label: label(s.th, s.en) }))

/**
 * ประวัติการดำเนินการของคู่มือ: one row per workflow transition, written only by the workflow
 * service inside the transition's transaction. Nobody creates, edits or deletes rows by hand.
 */
export const ManualTransitions: CollectionConfig = {
  slug: 'manual-transitions',
  labels: {
    singular: label('ประวัติการดำเนินการคู่มือ', 'Manual transition'),
    plural: label('ประวัติการดำเนินการคู่มือ', 'Manual timeline'),
  },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['manual', 'revision', 'fromState', 'toState', 'actorName', 'createdAt'],
    group: label('จัดการคู่มือประชาชน', 'Citizen manuals'),
    description: label('บันทึกโดยระบบทุกครั้งที่คู่มือเปลี่ยนสถานะ แก้ไขไม่ได้', 'Recorded by the system at every transition; read-only'),
  },
  defaultSort: '-createdAt',
  access: { read, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'manual', type: 'relationship', relationTo: 'manuals', required: true, index: true, label: label('คู่มือ', 'Manual') },
    { name: 'agency', type: 'relationship', relationTo: 'agencies', required: true, index: true, label: label('หน่วยงาน', 'Agency') },
    { name: 'revision', type: 'number', required: true, label: label('Revision', 'Revision') },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: MANUAL_ACTIONS.map((a) => ({ value: a, label: a })),
      label: label('การดำเนินการ', 'Action'),
    },
    { name: 'fromState', type: 'select', required: true, options: stateOptions, label: label('จากสถานะ', 'From') },
    { name: 'toState', type: 'select', required: true, index: true, options: stateOptions, label: label('เป็นสถานะ', 'To') },
    { name: 'actor', type: 'relationship', relationTo: 'users', required: true, index: true, label: label('ผู้ดำเนินการ', 'By') },
    // A snapshot: the officer's name as it was, readable by those who may not read users.
    { name: 'actorName', type: 'text', label: label('ชื่อผู้ดำเนินการ', 'By (name)') },
    {
      name: 'actorRole',
      type: 'select',
      options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
      label: label('ในบทบาท', 'As role'),
    },
    { name: 'comment', type: 'textarea', label: label('ความเห็น', 'Comment') },
  ],
}
