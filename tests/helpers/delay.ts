/** Fixtures for the delay-notice tests: two agencies, each with units, officers and a manual. */
import { createAgencyTree, createProcess, createPublishedManual, createServicePoint } from './fixtures'
import { createOfficer, type TestServer } from './server'

export const DAY = 24 * 60 * 60 * 1000
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString()

export const APPLICANT = {
  name: 'นางสาวสมหญิง ใจดี',
  phone: '081-234-5678',
  email: 'somying@example.co.th',
  address: '99/1 ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200',
}

/** One department with two service points, a process whose manual states 5 working days, and its officers. */
export async function createDelayAgency(t: TestServer, label: string) {
  const { ministry, department } = await createAgencyTree(t, label)
  const unit = await createServicePoint(t, department.id)
  const otherUnit = await createServicePoint(t, department.id)
  const process = await createProcess(t, department.id)
  const manual = await createPublishedManual(t, process.id, department.id, {
    steps: [
      { title: 'ตรวจสอบคำขอ', duration: 2, durationUnit: 'days', responsibleUnit: 'งานทะเบียน' },
      { title: 'พิจารณาอนุญาต', duration: 3, durationUnit: 'days', responsibleUnit: 'ผู้อำนวยการ' },
    ],
  })
  const unitOfficer = await createOfficer(t, { roles: ['service-point-officer'], agency: department.id, servicePoint: unit.id })
  const otherUnitOfficer = await createOfficer(t, { roles: ['service-point-officer'], agency: department.id, servicePoint: otherUnit.id })
  const central = await createOfficer(t, { roles: ['central-officer'], agency: department.id })
  const author = await createOfficer(t, { roles: ['manual-author'], agency: department.id })
  return { ministry, department, unit, otherUnit, process, manual, unitOfficer, otherUnitOfficer, central, author }
}

export type DelayAgency = Awaited<ReturnType<typeof createDelayAgency>>

export const caseData = (a: DelayAgency, overrides: Record<string, unknown> = {}) => ({
  process: a.process.id,
  manual: a.manual.id,
  servicePoint: a.unit.id,
  receivedAt: daysAgo(30),
  applicant: APPLICANT,
  reason: 'รอผลตรวจสอบจากหน่วยงานอื่น',
  ...overrides,
})
