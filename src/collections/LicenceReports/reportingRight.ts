import { type PayloadRequest, type SelectField, ValidationError } from 'payload'

import { isSystemAdmin } from '../../access/predicates'
import { agencyIdOf, hasAnyRole, idOf, servicePointIdOf } from '../../access/user'
import { label } from '../../fields/label'
import { bilingual } from '../../lib/messages'
import { LicenceRuleError } from './errors'

export type ReportingMode = 'service-points' | 'department'

/**
 * สิทธิ์การรายงานผลการออกใบอนุญาต, on agencies: by default each service point reports and its
 * figures roll up to the department; a system admin may switch a department to report itself.
 */
export const licenceReportingByField: SelectField = {
  name: 'licenceReportingBy',
  type: 'select',
  defaultValue: 'service-points',
  options: [
    { value: 'service-points', label: label('จุดบริการเป็นผู้รายงาน (สรุปรวมที่กรม)', 'Service points report (rolled up to the department)') },
    { value: 'department', label: label('กรมเป็นผู้รายงานเอง', 'The department reports itself') },
  ],
  label: label('สิทธิ์การรายงานผลการออกใบอนุญาต', 'Licence-report reporting right'),
  access: {
    create: ({ req }) => isSystemAdmin(req),
    update: ({ req }) => isSystemAdmin(req),
  },
  admin: {
    position: 'sidebar',
    condition: (data) => data?.kind !== 'ministry',
  },
}

export const reportingModeOf = (agency: Record<string, unknown> | null | undefined): ReportingMode =>
  agency?.licenceReportingBy === 'department' ? 'department' : 'service-points'

/** The unit a report or unlock request belongs to: a service point, or a department reporting itself. */
export type ReportingUnit = {
  kind: 'service-point' | 'department'
  /** The department (or local government) the figures roll up to. */
  agency: number | string
  servicePoint: number | string | null
  key: string
}

export const unitKeyOf = (servicePoint: number | string | null, agency: number | string): string =>
  servicePoint !== null ? `sp:${servicePoint}` : `agency:${agency}`

/**
 * Resolves the reporting unit named by a document's `servicePoint` / `agency` and checks that it
 * holds the reporting right now: a service point only while its department lets service points
 * report; a department only once switched to report itself.
 */
export async function resolveReportingUnit(
  req: PayloadRequest,
  source: { servicePoint?: unknown; agency?: unknown },
  collection: string,
): Promise<ReportingUnit> {
  const unitError = (path: string, message: string) => new ValidationError({ collection, errors: [{ path, message }], req })
  const servicePointId = idOf(source.servicePoint)
  if (servicePointId !== null) {
    const servicePoint = await req.payload
      .findByID({ collection: 'service-points', id: servicePointId, depth: 0, overrideAccess: true, req, disableErrors: true })
      .catch(() => null)
    if (!servicePoint) throw unitError('servicePoint', bilingual('ไม่พบจุดบริการ', 'Service point not found'))
    const agencyId = idOf(servicePoint.agency) as number | string
    const agency = await req.payload.findByID({ collection: 'agencies', id: agencyId, depth: 0, overrideAccess: true, req })
    if (reportingModeOf(agency) === 'department') {
      throw new LicenceRuleError(
        bilingual(
          'หน่วยงานนี้ตั้งค่าให้กรมเป็นผู้รายงานผลการออกใบอนุญาต จุดบริการจึงรายงานเองไม่ได้',
          'This department reports its licence figures itself: its service points do not report',
        ),
        403,
      )
    }
    return { kind: 'service-point', agency: agencyId, servicePoint: servicePointId, key: unitKeyOf(servicePointId, agencyId) }
  }
  const agencyId = idOf(source.agency)
  if (agencyId === null) {
    throw unitError('servicePoint', bilingual('กรุณาระบุจุดบริการหรือหน่วยงานที่รายงาน', 'Give the reporting service point or department'))
  }
  const agency = await req.payload
    .findByID({ collection: 'agencies', id: agencyId, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)
  if (!agency) throw unitError('agency', bilingual('ไม่พบหน่วยงาน', 'Agency not found'))
  if (reportingModeOf(agency) !== 'department') {
    throw new LicenceRuleError(
      bilingual(
        'จุดบริการของหน่วยงานนี้เป็นผู้รายงาน กรุณาระบุจุดบริการ',
        "This department's service points report: give the service point",
      ),
      403,
    )
  }
  return { kind: 'department', agency: agencyId, servicePoint: null, key: unitKeyOf(null, agencyId) }
}

/**
 * Whether the logged-in officer acts for the unit: the service point's own officer, or a central
 * officer of the department itself (not of its ministry). System admins do not report.
 */
export function actsForUnit(req: PayloadRequest, unit: ReportingUnit): boolean {
  if (unit.kind === 'service-point') {
    return hasAnyRole(req, 'service-point-officer') && String(servicePointIdOf(req)) === String(unit.servicePoint)
  }
  return hasAnyRole(req, 'central-officer') && String(agencyIdOf(req)) === String(unit.agency)
}

export const notYourUnit = () =>
  new LicenceRuleError(
    bilingual(
      'ท่านไม่ใช่ผู้มีสิทธิ์รายงานของหน่วยนี้: เฉพาะหน่วยที่มีสิทธิ์การรายงานเท่านั้นที่สร้างหรือแก้ไขรายงานได้',
      'You do not hold the reporting right of this unit: only that unit may create or edit its reports',
    ),
    403,
  )
