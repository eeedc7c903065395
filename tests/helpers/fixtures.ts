import { lexicalFromParagraphs } from '../../src/lib/lexical'
import type { TestServer } from './server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
let n = 0

/** A ministry with one department under it, as most tests need. */
export async function createAgencyTree(t: TestServer, label = 'ทดสอบ') {
  n += 1
  const ministry = await t.payload.create({
    collection: 'agencies',
    data: { name: `กระทรวง${label} ${n}`, kind: 'ministry', code: `M-${label}-${n}` },
    ...SYSTEM,
  })
  const department = await t.payload.create({
    collection: 'agencies',
    data: { name: `กรม${label} ${n}`, kind: 'department', parent: ministry.id, code: `D-${label}-${n}`, province: 'กรุงเทพมหานคร' },
    ...SYSTEM,
  })
  return { ministry, department }
}

export async function createServicePoint(t: TestServer, agency: number | string, data: Record<string, unknown> = {}) {
  n += 1
  return t.payload.create({
    collection: 'service-points',
    data: { name: `จุดบริการ ${n}`, agency, province: 'เชียงใหม่', visible: true, status: 'active', ...data } as never,
    ...SYSTEM,
  })
}

export async function createProcess(t: TestServer, agency: number | string, data: Record<string, unknown> = {}) {
  n += 1
  return t.payload.create({
    collection: 'processes',
    data: { name: `กระบวนงานทดสอบ ${n}`, agency, commonNames: [], ...data } as never,
    ...SYSTEM,
  })
}

/** A complete manual (every Act-required field filled). */
export function completeManualData(process: number | string, agency: number | string, overrides: Record<string, unknown> = {}) {
  return {
    title: `คู่มือทดสอบ ${++n}`,
    process,
    agency,
    conditions: lexicalFromParagraphs(['ผู้ยื่นคำขอต้องมีสัญชาติไทย']),
    steps: [{ title: 'ตรวจสอบเอกสาร', duration: 30, durationUnit: 'minutes', responsibleUnit: 'งานทะเบียน' }],
    documents: [{ name: 'บัตรประจำตัวประชาชน', issuingAgency: 'กรมการปกครอง', originals: 1, copies: 1 }],
    noFee: true,
    complaintChannels: [{ channel: 'สายด่วน 1111', contact: '1111' }],
    legalBasis: [{ title: 'พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558' }],
    ...overrides,
  }
}

export async function createPublishedManual(t: TestServer, process: number | string, agency: number | string, overrides: Record<string, unknown> = {}) {
  return t.payload.create({
    collection: 'manuals',
    data: { ...completeManualData(process, agency, overrides), workflowState: 'published', _status: 'published', publishedAt: new Date().toISOString() } as never,
    ...SYSTEM,
  })
}

export async function createDraftManual(t: TestServer, process: number | string, agency: number | string, overrides: Record<string, unknown> = {}) {
  return t.payload.create({
    collection: 'manuals',
    data: { ...completeManualData(process, agency, overrides), workflowState: 'draft', _status: 'draft' } as never,
    draft: true,
    ...SYSTEM,
  })
}

/** An "other service" of an agency without Act manuals, published or left as a draft. */
export async function createOtherService(t: TestServer, agency: number | string, data: { title: string; description?: string; published: boolean }) {
  return t.payload.create({
    collection: 'other-services',
    data: { title: data.title, agency, description: data.description ?? 'รายละเอียด', _status: data.published ? 'published' : 'draft' } as never,
    draft: !data.published,
    ...SYSTEM,
  })
}

/** A published manual whose next revision waits in review: citizens keep seeing the published one. */
export async function createPublishedManualInReview(t: TestServer, process: number | string, agency: number | string) {
  const manual = await createPublishedManual(t, process, agency, { title: 'ฉบับเผยแพร่ (รอบก่อน)' })
  await t.payload.update({
    collection: 'manuals',
    id: manual.id,
    data: { title: 'ฉบับแก้ไขระหว่างตรวจ', workflowState: 'pending-review', revision: 2 } as never,
    draft: true,
    ...SYSTEM,
  })
  return manual
}
