import type { TextField } from 'payload'

import { label } from './label'

/**
 * The record's id in the earlier info.go.th systems. `npm run import` matches on it, so a rerun
 * (or a run resumed after a crash) updates the record instead of adding a second one.
 */
export const legacyIdField = (): TextField => ({
  name: 'legacyId',
  type: 'text',
  unique: true,
  index: true,
  label: label('รหัสในระบบเดิม', 'Earlier-system id'),
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: label('กำหนดโดยการนำเข้าข้อมูลจากระบบเดิม', 'Set by the import from the earlier systems'),
  },
})
