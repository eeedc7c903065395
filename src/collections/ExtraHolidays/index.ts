import type { CollectionConfig } from 'payload'

import { isLoggedIn, systemAdminOnly } from '../../access/predicates'
import { label } from '../../fields/label'
import { bilingual } from '../../lib/messages'
import { isIsoDate } from '../../lib/workingDays'

/**
 * วันหยุดเพิ่มเติม: holidays that no library knows in advance (special days the Cabinet
 * declares). They are not working days for the licence reports' unlock window and any other
 * working-day count that loads them (see ./calendar.ts).
 */
export const ExtraHolidays: CollectionConfig = {
  slug: 'extra-holidays',
  labels: { singular: label('วันหยุดเพิ่มเติม', 'Extra holiday'), plural: label('วันหยุดเพิ่มเติม', 'Extra holidays') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['date', 'name'],
    group: label('ตั้งค่าระบบ', 'Settings'),
    description: label(
      'วันหยุดราชการเพิ่มเติมจากวันหยุดนักขัตฤกษ์ (เช่น วันหยุดพิเศษตามมติคณะรัฐมนตรี) ใช้ในการนับวันทำการ',
      'Government holidays beyond the public holidays (e.g. special days declared by the Cabinet); used to count working days',
    ),
  },
  access: {
    read: isLoggedIn,
    create: systemAdminOnly,
    update: systemAdminOnly,
    delete: systemAdminOnly,
  },
  defaultSort: 'date',
  fields: [
    {
      name: 'date',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: label('วันที่ (ค.ศ. YYYY-MM-DD)', 'Date (YYYY-MM-DD)'),
      admin: { placeholder: '2026-11-02' },
      validate: (value: unknown) =>
        isIsoDate(value) ? true : bilingual('วันที่ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.)', 'Date must be YYYY-MM-DD (CE)'),
    },
    { name: 'name', type: 'text', required: true, label: label('ชื่อวันหยุด', 'Name') },
  ],
}
