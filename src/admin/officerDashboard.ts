import type { Payload, PayloadRequest, TypedUser, Where } from 'payload'
import { createLocalReq } from 'payload'

import { seesEverything } from '../access/predicates'
import { agencyScopeWhere, servicePointScopeIds } from '../access/scope'
import { hasAnyRole } from '../access/user'
import { licenceReportEndpoints } from '../collections/LicenceReports/endpoints'
import { decidableByApprover } from '../collections/LicenceUnlockRequests'
import { WAITING_ON } from '../lib/workflow'
import { WORKFLOW_STATES } from '../lib/workflowStates'

export type DashboardItem = {
  key: string
  th: string
  en: string
  count: number
  /** The admin list, filtered to exactly what was counted. */
  href: string
}

/** A list URL the admin understands: one `and` group of field conditions. */
export function listHref(collection: string, conditions: Record<string, Record<string, string | number>>): string {
  const params = new URLSearchParams()
  for (const [field, ops] of Object.entries(conditions))
    for (const [op, value] of Object.entries(ops)) params.append(`where[or][0][and][${params.size}][${field}][${op}]`, String(value))
  return `/admin/collections/${collection}${params.size ? `?${params.toString()}` : ''}`
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * "งานที่รอท่านดำเนินการ": what waits for this officer, by role, each a count with a link to the
 * filtered list. Every count goes through the Local API as the officer (overrideAccess: false), so
 * nobody learns of documents they could not open; agency-bound roles are also held to their scope
 * (public documents of other agencies are readable but are not this officer's work).
 */
export async function buildOfficerDashboard(payload: Payload, user: TypedUser, now = new Date()): Promise<DashboardItem[]> {
  const req: PayloadRequest = await createLocalReq({ user }, payload)
  const asOfficer = { req, user, overrideAccess: false, depth: 0 } as const
  const everything = seesEverything(req)
  const scope = everything ? null : await agencyScopeWhere(req)
  const within = (where: Where): Where => (scope ? { and: [where, scope] } : where)
  const items: DashboardItem[] = []

  // Manuals waiting on one of this officer's roles (review, OPDC approval, returned to the author).
  for (const [state, roles] of Object.entries(WAITING_ON)) {
    if (!roles?.some((r) => hasAnyRole(req, r))) continue
    if (!everything && !scope) continue
    const { totalDocs } = await payload.find({
      collection: 'manuals',
      where: within({ workflowState: { equals: state } }),
      draft: true,
      limit: 1,
      ...asOfficer,
    })
    const label = WORKFLOW_STATES.find((s) => s.value === state)!
    const returned = state === 'rejected'
    items.push({
      key: `manuals-${state}`,
      th: returned ? 'คู่มือที่ถูกส่งกลับให้แก้ไข' : `คู่มือ${label.th}`,
      en: returned ? 'Manuals returned for changes' : `Manuals ${label.en.toLowerCase()}`,
      count: totalDocs,
      href: listHref('manuals', { workflowState: { equals: state } }),
    })
  }

  // Licence reports this officer's unit still owes: the same answer as GET /api/licence-reports/due.
  if (hasAnyRole(req, 'central-officer', 'service-point-officer')) {
    const due = licenceReportEndpoints.find((e) => e.path === '/due')!
    const res = await due.handler(req)
    const body = (res.ok ? await res.json() : { periods: [] }) as {
      periods: Array<{ status: string; processes: Array<{ report: { state: string } | null }> }>
    }
    const missing = (p: (typeof body.periods)[number]) => p.processes.filter((r) => r.report?.state !== 'submitted').length
    const open = body.periods.filter((p) => p.status === 'open' || p.status === 'unlocked')
    const locked = body.periods.filter((p) => p.status === 'locked')
    items.push({
      key: 'licence-due',
      th: 'รายงานการออกใบอนุญาตที่ต้องส่ง',
      en: 'Licence reports due',
      count: open.reduce((n, p) => n + missing(p), 0),
      href: '/admin/collections/licence-reports',
    })
    items.push({
      key: 'licence-locked',
      th: 'เดือนที่ล็อคแล้วและยังรายงานไม่ครบ',
      en: 'Locked months with reports missing',
      count: locked.length,
      href: '/admin/collections/licence-reports',
    })
  }

  // Unlock requests this officer decides (the department's central officer, or OPDC by setting).
  const approver = decidableByApprover(req)
  if (approver) {
    const where: Where = approver === true ? { state: { equals: 'requested' } } : { and: [{ state: { equals: 'requested' } }, approver] }
    const { totalDocs } = await payload.count({ collection: 'licence-unlock-requests', where, ...asOfficer })
    items.push({
      key: 'unlock-requests',
      th: 'คำขอปลดล็อครอพิจารณา',
      en: 'Unlock requests to decide',
      count: totalDocs,
      href: listHref('licence-unlock-requests', { state: { equals: 'requested' } }),
    })
  }

  // Delay notices whose next notice to the applicant is due within a day (or already late).
  if (hasAnyRole(req, 'central-officer', 'service-point-officer')) {
    const dueBy = new Date(now.getTime() + DAY_MS).toISOString()
    const { totalDocs } = await payload.count({
      collection: 'delay-notices',
      where: { and: [{ state: { not_equals: 'closed' } }, { nextNoticeDueAt: { less_than_equal: dueBy } }] },
      ...asOfficer,
    })
    items.push({
      key: 'delay-notices-due',
      th: 'หนังสือแจ้งเรื่องล่าช้าที่ถึงกำหนดแจ้ง',
      en: 'Delay notices due',
      count: totalDocs,
      href: listHref('delay-notices', { state: { not_equals: 'closed' }, nextNoticeDueAt: { less_than_equal: dueBy } }),
    })
  }

  // The officer's service points that pin no manual: citizens see no service there.
  if (hasAnyRole(req, 'central-officer', 'service-point-officer')) {
    const ownPoints = hasAnyRole(req, 'central-officer') ? null : await servicePointScopeIds(req)
    const where: Where | null = ownPoints ? { id: { in: ownPoints } } : scope ? scope : null
    if (where && !(ownPoints && ownPoints.length === 0)) {
      const { docs } = await payload.find({
        collection: 'service-points',
        where,
        pagination: false,
        limit: 0,
        select: { manuals: true },
        ...asOfficer,
      })
      const unpinned = docs.filter((d) => !Array.isArray(d.manuals) || d.manuals.length === 0)
      items.push({
        key: 'service-points-unpinned',
        th: 'จุดบริการที่ยังไม่ปักหมุดคู่มือ',
        en: 'Service points with no pinned manual',
        count: unpinned.length,
        href: unpinned.length
          ? `/admin/collections/service-points?${new URLSearchParams({ 'where[or][0][and][0][id][in]': unpinned.map((d) => d.id).join(',') })}`
          : '/admin/collections/service-points',
      })
    }
  }

  const { totalDocs: unread } = await payload.count({ collection: 'notifications', where: { readAt: { exists: false } }, ...asOfficer })
  items.push({
    key: 'notifications-unread',
    th: 'การแจ้งเตือนที่ยังไม่อ่าน',
    en: 'Unread notifications',
    count: unread,
    href: listHref('notifications', { readAt: { exists: 'false' } }),
  })
  return items
}
