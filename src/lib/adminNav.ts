/**
 * The officers' admin menu (admin.info.go.th): which menu group each collection sits in, the name
 * officers know it by, and which roles see it. Pure (no Payload). Visibility only: the access rules
 * of each collection still decide what an officer may read or write; this table only keeps out of
 * the menu what a role cannot use.
 */
import type { Role } from './roles'

export type Bilingual = { th: string; en: string }

export const NAV_GROUPS = {
  structure: { th: 'หน่วยงานและโครงสร้าง', en: 'Agencies and structure' },
  processes: { th: 'จัดการกระบวนงาน', en: 'Processes' },
  manuals: { th: 'จัดการคู่มือประชาชน', en: 'Citizen manuals' },
  otherServices: { th: 'จัดการบริการอื่นๆ', en: 'Other services' },
  accounts: { th: 'บัญชีผู้ใช้', en: 'Accounts' },
  summary: { th: 'รายงานสรุป (Summary report)', en: 'Summary report' },
  licence: { th: 'สร้างรายงานการออกใบอนุญาต', en: 'Licence-issuance reports' },
  delay: { th: 'หนังสือแจ้งเรื่องล่าช้า', en: 'Delay notices' },
  help: { th: 'ช่วยเหลือ', en: 'Help' },
  settings: { th: 'ตั้งค่าระบบ', en: 'Settings' },
} as const satisfies Record<string, Bilingual>

export type NavGroup = keyof typeof NAV_GROUPS

const ALL: readonly Role[] = ['central-officer', 'service-point-officer', 'manual-author', 'manual-reviewer', 'opdc-officer', 'system-admin']
const AGENCY_CONTENT: readonly Role[] = ['central-officer', 'manual-author', 'manual-reviewer', 'opdc-officer', 'system-admin']
const UNIT_WORK: readonly Role[] = ['central-officer', 'service-point-officer', 'opdc-officer', 'system-admin']

export type NavEntry = {
  group: NavGroup
  /** The menu name officers know (the collection's plural label in the menu and list). */
  label?: Bilingual
  roles: readonly Role[]
}

/** Collections in the officers' menu. A slug missing here keeps its own config (see withOfficerNav). */
export const COLLECTION_NAV: Record<string, NavEntry> = {
  agencies: { group: 'structure', label: { th: 'จัดการหน่วยงาน', en: 'Agencies' }, roles: ['central-officer', 'opdc-officer', 'system-admin'] },
  'service-points': { group: 'structure', label: { th: 'จัดการจุดบริการ', en: 'Service points' }, roles: UNIT_WORK },
  processes: { group: 'processes', label: { th: 'จัดการกระบวนงาน', en: 'Processes' }, roles: AGENCY_CONTENT },
  tags: { group: 'processes', label: { th: 'หมวดหมู่และป้ายคำ', en: 'Categories and tags' }, roles: AGENCY_CONTENT },
  manuals: { group: 'manuals', label: { th: 'คู่มือสำหรับประชาชน', en: 'Citizen manuals' }, roles: AGENCY_CONTENT },
  'manual-transitions': { group: 'manuals', roles: AGENCY_CONTENT },
  media: { group: 'manuals', label: { th: 'ไฟล์แนบและรูปภาพ', en: 'Files and images' }, roles: ['central-officer', 'manual-author', 'manual-reviewer', 'system-admin'] },
  'other-services': { group: 'otherServices', label: { th: 'บริการอื่นๆ', en: 'Other services' }, roles: AGENCY_CONTENT },
  'role-tokens': { group: 'accounts', label: { th: 'จัดการ Token', en: 'Tokens' }, roles: ['central-officer', 'system-admin'] },
  users: { group: 'accounts', label: { th: 'จัดการรายละเอียดผู้ใช้งาน', en: 'Users' }, roles: ['central-officer', 'system-admin'] },
  notifications: { group: 'accounts', label: { th: 'การแจ้งเตือน', en: 'Notifications' }, roles: ALL },
  'audit-logs': { group: 'accounts', roles: ['central-officer', 'system-admin'] },
  'survey-responses': { group: 'summary', roles: UNIT_WORK },
  'survey-question-sets': { group: 'summary', roles: ['opdc-officer', 'system-admin'] },
  'licence-reports': { group: 'licence', roles: UNIT_WORK },
  'licence-unlock-requests': { group: 'licence', roles: UNIT_WORK },
  'delay-notices': { group: 'delay', label: { th: 'หนังสือแจ้งเรื่องล่าช้า', en: 'Delay notices' }, roles: UNIT_WORK },
  faqs: { group: 'help', roles: ['system-admin'] },
  guidelines: { group: 'help', roles: ['system-admin'] },
  'extra-holidays': { group: 'settings', roles: ['system-admin'] },
  search: { group: 'settings', roles: ['system-admin'] },
}

/** Links to custom admin views and files, shown after the collections in the menu. */
export type NavLink = { key: string; group: NavGroup; label: Bilingual; href: string; roles: readonly Role[] }

export const NAV_LINKS: readonly NavLink[] = [
  { key: 'summary-reports', group: 'summary', label: { th: 'รายงานสรุป', en: 'Summary report' }, href: '/admin/reports', roles: UNIT_WORK },
  { key: 'satisfaction', group: 'summary', label: { th: 'รายงานผลประเมินความพึงพอใจ', en: 'Satisfaction report' }, href: '/admin/reports/satisfaction', roles: UNIT_WORK },
  { key: 'poster', group: 'summary', label: { th: 'Download QR Code/Link Poster', en: 'Download QR Code/Link Poster' }, href: '/admin/collections/service-points', roles: ['central-officer', 'service-point-officer', 'system-admin'] },
  { key: 'licence', group: 'licence', label: { th: 'สร้างรายงานการออกใบอนุญาต', en: 'Create licence reports' }, href: '/admin/collections/licence-reports', roles: ['central-officer', 'service-point-officer', 'system-admin'] },
  { key: 'licence-summary', group: 'licence', label: { th: 'รายงานสรุปผลการออกใบอนุญาต', en: 'Licence issuance summary' }, href: '/admin/reports/licence', roles: ['central-officer', 'opdc-officer', 'system-admin'] },
  { key: 'guidelines', group: 'help', label: { th: 'แนวทางปฏิบัติ', en: 'Guidelines' }, href: '/admin/help/guidelines', roles: ALL },
  { key: 'faq', group: 'help', label: { th: 'คำถามที่พบบ่อย', en: 'FAQ' }, href: '/admin/help', roles: ALL },
  { key: 'guide', group: 'help', label: { th: 'คู่มือ (ดาวน์โหลด PDF)', en: 'User guide (PDF)' }, href: '/officer-guide.pdf', roles: ALL },
]

const rolesOf = (user: unknown): readonly string[] => {
  const roles = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : []
}

/** Whether the menu shows this collection to this user. Unknown slugs: not decided here (undefined). */
export function collectionVisibleTo(slug: string, user: unknown): boolean | undefined {
  const entry = COLLECTION_NAV[slug]
  if (!entry) return undefined
  const roles = rolesOf(user)
  return entry.roles.some((r) => roles.includes(r))
}

/** The custom links this user sees, in menu order. */
export function navLinksFor(user: unknown): NavLink[] {
  const roles = rolesOf(user)
  return NAV_LINKS.filter((link) => link.roles.some((r) => roles.includes(r)))
}

/** The whole menu for a user: slugs and link keys, grouped (used by tests and the help page). */
export function menuFor(user: unknown): Record<NavGroup, string[]> {
  const menu = Object.fromEntries(Object.keys(NAV_GROUPS).map((g) => [g, [] as string[]])) as Record<NavGroup, string[]>
  for (const [slug, entry] of Object.entries(COLLECTION_NAV)) if (collectionVisibleTo(slug, user)) menu[entry.group].push(slug)
  for (const link of navLinksFor(user)) menu[link.group].push(link.key)
  return menu
}
