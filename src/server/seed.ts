import type { Payload } from 'payload'

import { ensureRoleTokens } from '../collections/RoleTokens/automatic'
import { ensureQuestionSet } from '../collections/SurveyQuestionSets/cache'
import { lexicalFromParagraphs } from '../lib/lexical'
import { seedDelayNotices } from './seedDelay'
import { seedHelp } from './seedHelp'
import { type LicenceSeries, seedLicenceReports } from './seedLicence'
import { seedDemoRatings } from './seedRatings'
import { AGENCIES, DEMO_PASSWORD, DEMO_USERS, OTHER_SERVICES, PROCESSES, SERVICE_POINTS, TAGS } from './seedData'

type Id = number | string
/** Seeds write as the system: no user, access overridden, workflow rules told it is trusted. */
const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const

async function upsert(
  payload: Payload,
  collection: 'agencies' | 'service-points' | 'tags' | 'processes' | 'users' | 'other-services',
  where: Record<string, unknown>,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<{ id: Id; created: boolean }> {
  const found = await payload.find({ collection, where: where as never, limit: 1, depth: 0, draft: true, ...SYSTEM })
  if (found.docs[0]) return { id: found.docs[0].id, created: false }
  const doc = await payload.create({ collection, data: data as never, depth: 0, ...SYSTEM, ...extra })
  return { id: doc.id, created: true }
}

function manualData(p: (typeof PROCESSES)[number], processId: Id, agencyId: Id, revision = 1) {
  const fee = p.fee ?? 0
  return {
    title: `คู่มือสำหรับประชาชน: ${p.name}`,
    process: processId,
    agency: agencyId,
    revision,
    serviceType: p.days > 1 ? 'licence' : 'service',
    conditions: lexicalFromParagraphs([
      `ผู้ยื่นคำขอต้องยื่นคำขอ${p.name}ด้วยตนเอง ณ หน่วยงานที่ให้บริการ พร้อมเอกสารหลักฐานตามรายการที่กำหนด`,
      'กรณีคำขอหรือเอกสารหลักฐานไม่ครบถ้วน เจ้าหน้าที่จะบันทึกความบกพร่องและรายการเอกสารที่ต้องยื่นเพิ่มเติม โดยผู้ยื่นคำขอต้องดำเนินการแก้ไขภายในระยะเวลาที่กำหนด มิฉะนั้นจะถือว่าละทิ้งคำขอ',
      'ระยะเวลาการให้บริการตามคู่มือเริ่มนับหลังจากเจ้าหน้าที่ตรวจสอบเอกสารครบถ้วนตามที่ระบุไว้ในคู่มือประชาชนเรียบร้อยแล้ว',
    ]),
    serviceChannels: [{ place: 'ยื่นด้วยตนเอง ณ จุดบริการ', hours: 'วันจันทร์ถึงวันศุกร์ (ยกเว้นวันหยุดที่ทางราชการกำหนด) ตั้งแต่เวลา 08:30 - 16:30 น.' }],
    steps:
      p.days > 1
        ? [
            { title: 'การตรวจสอบเอกสาร', description: 'เจ้าหน้าที่ตรวจสอบความถูกต้องครบถ้วนของคำขอและเอกสาร', duration: 1, durationUnit: 'days', responsibleUnit: 'งานบริการประชาชน' },
            { title: 'การพิจารณา', description: 'ตรวจสอบข้อเท็จจริงและพิจารณาตามหลักเกณฑ์ของกฎหมาย', duration: p.days - 2, durationUnit: 'days', responsibleUnit: 'ฝ่ายพิจารณาอนุญาต' },
            { title: 'การลงนาม/คณะกรรมการมีมติ', description: 'ผู้มีอำนาจลงนามในใบอนุญาตและแจ้งผลให้ผู้ยื่นคำขอทราบ', duration: 1, durationUnit: 'days', responsibleUnit: 'ผู้มีอำนาจลงนาม' },
          ]
        : [
            { title: 'การตรวจสอบเอกสาร', description: 'เจ้าหน้าที่ตรวจสอบคำขอและเอกสารหลักฐาน', duration: 15, durationUnit: 'minutes', responsibleUnit: 'งานทะเบียน' },
            { title: 'การพิจารณาและบันทึกข้อมูล', description: 'บันทึกข้อมูลในระบบและพิจารณาคำขอ', duration: 20, durationUnit: 'minutes', responsibleUnit: 'งานทะเบียน' },
            { title: 'การลงนามและส่งมอบเอกสาร', description: 'นายทะเบียนลงนามและส่งมอบเอกสารให้ผู้ยื่นคำขอ', duration: 10, durationUnit: 'minutes', responsibleUnit: 'นายทะเบียน' },
          ],
    documents: [
      { name: 'บัตรประจำตัวประชาชน', issuingAgency: 'กรมการปกครอง', originals: 1, copies: 1, note: 'พร้อมรับรองสำเนาถูกต้อง' },
      { name: 'ทะเบียนบ้าน', issuingAgency: 'กรมการปกครอง', originals: 1, copies: 1 },
      { name: `แบบคำขอ${p.name}`, issuingAgency: 'หน่วยงานผู้ให้บริการ', originals: 1, copies: 0 },
    ],
    noFee: fee === 0,
    fees: fee === 0 ? [] : [{ description: `ค่าธรรมเนียม${p.name}`, amount: fee }],
    complaintChannels: [
      { channel: 'ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี', contact: 'สายด่วน 1111 หรือ www.1111.go.th' },
      { channel: 'ศูนย์รับเรื่องร้องเรียนของหน่วยงาน', contact: 'ยื่นด้วยตนเอง ณ หน่วยงานที่ให้บริการ' },
    ],
    legalBasis: [{ title: p.law }],
    remarks: '',
  }
}

export type SeedResult = { created: number }

/** The demo unit whose licence-report months show the lock and the unlock requests (officer point.dopa). */
const UNLOCK_DEMO_POINT = 'dopa-cnx'

/**
 * The licence series the demo reports: every licence process (a manual stating more than a day)
 * pinned at an active, visible service point. A few months are left as drafts or not reported,
 * so the rollup shows its gaps.
 */
function licenceSeries(
  processIds: Map<string, { process: Id }>,
  pointIds: Map<string, Id>,
  officers: Map<string, Record<string, unknown> & { id: Id }>,
): LicenceSeries[] {
  const reporting = new Set(SERVICE_POINTS.filter((sp) => sp.status === 'active' && sp.visible).map((sp) => sp.key))
  const pairs = PROCESSES.filter((p) => p.days > 1).flatMap((p) => p.points.filter((key) => reporting.has(key)).map((key) => ({ key, p })))
  return pairs.map(({ key, p }, index) => ({
    servicePoint: pointIds.get(key)!,
    process: processIds.get(p.name)!.process,
    officer: officers.get(key),
    index,
    ...(key === UNLOCK_DEMO_POINT ? { drafts: [3] } : {}),
    ...(key === 'cnx-city-onestop' ? { missing: [1] } : {}),
    ...(key === 'dpt-sgz' ? { drafts: [1] } : {}),
  }))
}

/**
 * Loads the Thai demo dataset. Idempotent: a second run finds everything and adds nothing.
 * `now` places the licence reports, unlock requests and delay cases (default: the real time).
 */
export async function seed(payload: Payload, { now = new Date() }: { now?: Date } = {}): Promise<SeedResult> {
  let created = 0
  const count = (r: { id: Id; created: boolean }) => {
    if (r.created) created++
    return r.id
  }
  const agencyIds = new Map<string, Id>()
  for (const a of AGENCIES) {
    const parent = 'parent' in a ? agencyIds.get(a.parent) : undefined
    const { parent: _parent, ...rest } = a as typeof a & { parent?: string }
    agencyIds.set(a.code, count(await upsert(payload, 'agencies', { code: { equals: a.code } }, { ...rest, parent })))
  }
  const pointIds = new Map<string, Id>()
  for (const sp of SERVICE_POINTS) {
    const agency = agencyIds.get(sp.agency)!
    pointIds.set(
      sp.key,
      count(
        await upsert(
          payload,
          'service-points',
          { and: [{ name: { equals: sp.name } }, { agency: { equals: agency } }] },
          {
            name: sp.name,
            agency,
            province: sp.province,
            district: sp.district,
            address: `${sp.name} อำเภอ${sp.district} จังหวัด${sp.province}`,
            location: { lat: sp.lat, lng: sp.lng },
            openingHours: sp.hours,
            phone: 'phone' in sp ? sp.phone : undefined,
            visible: sp.visible,
            status: sp.status,
          },
        ),
      ),
    )
  }
  const tagIds = new Map<string, Id>()
  for (const t of TAGS) {
    const parent = 'parent' in t ? tagIds.get(t.parent) : undefined
    const { parent: _p, ...rest } = t as typeof t & { parent?: string }
    tagIds.set(t.name, count(await upsert(payload, 'tags', { and: [{ name: { equals: t.name } }, { type: { equals: t.type } }] }, { ...rest, parent })))
  }
  const pins = new Map<string, Id[]>()
  const processIds = new Map<string, { process: Id; manual: Id }>()
  for (const p of PROCESSES) {
    const agency = agencyIds.get(p.agency)!
    const processId = count(
      await upsert(
        payload,
        'processes',
        { and: [{ name: { equals: p.name } }, { agency: { equals: agency } }] },
        { name: p.name, agency, commonNames: p.commonNames, tags: p.tags.map((t) => tagIds.get(t)!), legalBasis: p.law },
      ),
    )
    const existing = await payload.find({
      collection: 'manuals',
      where: { process: { equals: processId } },
      limit: 1,
      depth: 0,
      draft: true,
      ...SYSTEM,
    })
    let manualId = existing.docs[0]?.id
    if (!manualId) {
      const published = p.state === 'published' || p.state === 'published+review'
      const state = published ? 'published' : p.state
      const doc = await payload.create({
        collection: 'manuals',
        data: {
          ...manualData(p, processId, agency),
          workflowState: state,
          _status: published ? 'published' : 'draft',
          publishedAt: published ? new Date('2025-10-01T03:00:00Z').toISOString() : undefined,
        } as never,
        draft: !published,
        depth: 0,
        ...SYSTEM,
      })
      manualId = doc.id
      created++
      if (p.state === 'published+review') {
        await payload.update({
          collection: 'manuals',
          id: doc.id,
          data: {
            ...manualData(p, processId, agency, 2),
            remarks: 'ปรับปรุงระยะเวลาตามประกาศใหม่ (ฉบับแก้ไข อยู่ระหว่างการตรวจสอบ)',
            workflowState: 'pending-review',
            _status: 'draft',
          } as never,
          draft: true,
          depth: 0,
          ...SYSTEM,
        })
      }
    }
    for (const key of p.points) pins.set(key, [...(pins.get(key) ?? []), manualId])
    processIds.set(p.name, { process: processId, manual: manualId })
  }
  for (const [key, manuals] of pins) {
    const id = pointIds.get(key)!
    const point = await payload.findByID({ collection: 'service-points', id, depth: 0, ...SYSTEM })
    const current = ((point as { manuals?: Id[] }).manuals ?? []).map(String)
    const missing = manuals.filter((m) => !current.includes(String(m)))
    if (missing.length) {
      await payload.update({
        collection: 'service-points',
        id,
        data: { manuals: [...current.map(Number), ...missing] } as never,
        depth: 0,
        ...SYSTEM,
      })
    }
  }
  for (const s of OTHER_SERVICES) {
    const agency = agencyIds.get(s.agency)!
    count(
      await upsert(
        payload,
        'other-services',
        { and: [{ title: { equals: s.title } }, { agency: { equals: agency } }] },
        { title: s.title, description: s.description, contact: s.contact, agency, _status: s.published ? 'published' : 'draft' },
        { draft: !s.published },
      ),
    )
  }
  const userIds = new Map<string, Id>()
  for (const u of DEMO_USERS) {
    const user = await upsert(
      payload,
      'users',
      { email: { equals: u.email } },
      {
        email: u.email,
        name: u.name,
        password: DEMO_PASSWORD,
        roles: u.roles,
        agency: u.agency ? agencyIds.get(u.agency) : undefined,
        servicePoint: u.servicePoint ? pointIds.get(u.servicePoint) : undefined,
      },
    )
    userIds.set(u.email, count(user))
  }
  // The satisfaction question set citizens answer (version 1, active).
  if (await ensureQuestionSet(payload)) created += 1
  // Agencies and points get their role tokens as they are created; a database made before that
  // (or written around the hooks) gets the missing ones here.
  created += (await ensureRoleTokens(payload)).length
  // Help: the officers' FAQ and guideline pages (src/server/seedHelp.ts).
  created += await seedHelp(payload)
  // Citizens' ratings over the last months, for the satisfaction report (src/server/seedRatings.ts).
  created += await seedDemoRatings(payload)
  // Licence reports, unlock requests and delay cases, relative to today (seedLicence.ts, seedDelay.ts).
  const officer = async (email: string) =>
    (await payload.findByID({ collection: 'users', id: userIds.get(email)!, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown> & { id: Id }
  const pointOfficers = new Map(
    await Promise.all(DEMO_USERS.filter((u) => u.servicePoint && u.roles.includes('service-point-officer')).map(async (u) => [u.servicePoint!, await officer(u.email)] as const)),
  )
  created += await seedLicenceReports(payload, {
    series: licenceSeries(processIds, pointIds, pointOfficers),
    unlockUnit: {
      servicePoint: pointIds.get(UNLOCK_DEMO_POINT)!,
      requester: pointOfficers.get(UNLOCK_DEMO_POINT)!,
      // The department's central officer decides (OPDC's officer with LICENCE_UNLOCK_APPROVER=opdc).
      approver: await officer(process.env.LICENCE_UNLOCK_APPROVER === 'opdc' ? 'opdc@demo.info.go.th' : 'central.dopa@demo.info.go.th'),
    },
  }, now)
  const caseAt = (point: string, processName: string) => ({ servicePoint: pointIds.get(point)!, ...processIds.get(processName)! })
  created += await seedDelayNotices(payload, {
    licence: caseAt('dopa-cnx', 'การขออนุญาตมีและใช้อาวุธปืน'),
    service: caseAt('dbd-cnx', 'การจดทะเบียนจัดตั้งบริษัทจำกัด'),
  }, now)
  return { created }
}

/** `npm run dev` seeds an empty database (no agencies yet) so a newcomer sees real content. */
export async function seedIfEmpty(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'agencies', overrideAccess: true })
  if (totalDocs > 0) return false
  const started = Date.now()
  const { created } = await seed(payload)
  payload.logger.info(`Seeded ${created} demo documents in ${Date.now() - started} ms`)
  return true
}
