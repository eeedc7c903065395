/** The officer roles of ../shared/API.md, with their Thai names as officers know them. */
export const ROLES = [
  'central-officer',
  'service-point-officer',
  'manual-author',
  'manual-reviewer',
  'opdc-officer',
  'system-admin',
] as const

export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { th: string; en: string }> = {
  'central-officer': { th: 'เจ้าหน้าที่ส่วนกลาง', en: 'Central officer' },
  'service-point-officer': { th: 'เจ้าหน้าที่จุดบริการ', en: 'Service-point officer' },
  'manual-author': { th: 'ผู้จัดทำคู่มือ', en: 'Manual author' },
  'manual-reviewer': { th: 'ผู้ตรวจสอบคู่มือ', en: 'Manual reviewer' },
  'opdc-officer': { th: 'เจ้าหน้าที่ สำนักงาน ก.พ.ร.', en: 'OPDC officer' },
  'system-admin': { th: 'ผู้ดูแลระบบ', en: 'System administrator' },
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)
