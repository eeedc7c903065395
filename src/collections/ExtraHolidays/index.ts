import type { CollectionConfig } from 'payload'

import { isLoggedIn, systemAdminOnly } from '../../access/predicates'
import { label } from '../../fields/label'
import { bilingual } from '../../lib/messages'
import { pickedDayInstant, PICKER_DISPLAY_FORMATS } from '../../lib/thaiDate'
import { bangkokDayOf } from '../../lib/workingDays'

/**
 * Every way of sending the day (`2026-11-02`, the picker's `2026-11-02T12:00:00.000Z`, midnight
 * Bangkok as `2026-11-01T17:00:00.000Z`) stores the same instant, so `unique` means one row a day.
 * Anything else is left for the validation to refuse.
 */
const asStoredDay = (value: unknown): unknown => {
  const day = bangkokDayOf(value)
  return day ? pickedDayInstant(day) : value
}

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
      // A Bangkok calendar day, stored as Payload's DatePicker stores a day (12:00 UTC of it).
      name: 'date',
      type: 'date',
      required: true,
      unique: true,
      index: true,
      label: label('วันที่', 'Date'),
      admin: { date: { pickerAppearance: 'default', displayFormat: PICKER_DISPLAY_FORMATS.default } },
      hooks: { beforeValidate: [({ value }) => asStoredDay(value)] },
      validate: (value: unknown) =>
        bangkokDayOf(value)
          ? true
          : bilingual(
              'วันที่ต้องเป็นวันตามปฏิทิน ค.ศ. เช่น 2026-11-02 หรือเวลาแบบ ISO 8601 (เลือกจากปฏิทินในหน้าจอ)',
              'date must be a calendar day, YYYY-MM-DD (e.g. 2026-11-02), or an ISO 8601 instant, taken as its day in Bangkok',
            ),
    },
    { name: 'name', type: 'text', required: true, label: label('ชื่อวันหยุด', 'Name') },
  ],
}
