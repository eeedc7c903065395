/** npm run import: the sample exports arrive whole, a rerun changes nothing, bad rows are reported. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'

import { runImport } from '../../src/import/run'
import { api, startTestServer, type TestServer } from '../helpers/server'

const SAMPLES = path.resolve('samples/import')
const SAMPLE_FILES = ['service-points.csv', 'manuals.json', 'manuals.csv', 'agencies.csv'].map((f) => path.join(SAMPLES, f))
const SYSTEM = { overrideAccess: true, depth: 0 } as const

let t: TestServer
let tmp: string
beforeAll(async () => {
  t = await startTestServer()
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infogo-import-test-'))
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const byLegacyId = async (collection: 'agencies' | 'service-points' | 'processes' | 'manuals', legacyId: string) => {
  const { docs } = await t.payload.find({ collection, where: { legacyId: { equals: legacyId } }, ...SYSTEM })
  expect(docs).toHaveLength(1)
  return docs[0] as any
}
const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (['agencies', 'service-points', 'processes', 'manuals', 'tags'] as const).map(async (c) => [c, (await t.payload.count({ collection: c, overrideAccess: true })).totalDocs]),
    ),
  )
const versionsOf = async (id: number) => (await t.payload.countVersions({ collection: 'manuals', where: { parent: { equals: id } }, overrideAccess: true })).totalDocs

it('a dry run validates the samples, writes its report and leaves the database empty', async () => {
  const report = path.join(tmp, 'dry.json')
  const summary = await runImport(t.payload, { files: SAMPLE_FILES, dryRun: true, reportPath: report })
  expect(summary.totals).toEqual({ rows: 16, created: 16, updated: 0, unchanged: 0, skipped: 0, failed: 0 })
  expect(await counts()).toEqual({ agencies: 0, 'service-points': 0, processes: 0, manuals: 0, tags: 0 })
  expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toEqual(expect.objectContaining({ dryRun: true, problems: [] }))
})

it('imports every sample file to the expected documents', async () => {
  const summary = await runImport(t.payload, { files: SAMPLE_FILES, reportPath: path.join(tmp, 'first.csv') })
  expect(summary.totals).toEqual({ rows: 16, created: 16, updated: 0, unchanged: 0, skipped: 0, failed: 0 })
  // Files are taken agencies → manuals → service points whatever the order given.
  expect(summary.files.map((f) => f.kind)).toEqual(['agencies', 'manuals', 'manuals', 'service-points'])
  expect(await counts()).toEqual({ agencies: 5, 'service-points': 6, processes: 5, manuals: 5, tags: 5 })

  // agencies.csv: FDA comes before its ministry in the file and still gets it as parent.
  const moph = await byLegacyId('agencies', 'ORG-0002')
  const fda = await byLegacyId('agencies', 'ORG-0202')
  expect(fda).toEqual(expect.objectContaining({ name: 'สำนักงานคณะกรรมการอาหารและยา', kind: 'department', parent: moph.id, code: 'FDA', province: 'นนทบุรี' }))
  expect(await byLegacyId('agencies', 'ORG-5001')).toEqual(expect.objectContaining({ kind: 'local-government', province: 'ขอนแก่น' }))

  // manuals.csv: the published revision with steps, documents, fees, laws and the history noted.
  const dopa = await byLegacyId('agencies', 'ORG-0101')
  const birth = await byLegacyId('manuals', 'MAN-10001')
  expect(birth).toEqual(
    expect.objectContaining({
      title: 'การแจ้งเกิด กรณีเด็กเกิดในบ้าน',
      agency: dopa.id,
      workflowState: 'published',
      _status: 'published',
      revision: 2,
      serviceType: 'service',
      noFee: true,
      totalDuration: 40,
      totalDurationUnit: 'minutes',
    }),
  )
  expect(new Date(birth.publishedAt).toISOString()).toBe('2016-08-14T17:00:00.000Z')
  expect(birth.steps.map((s: any) => [s.title, s.duration, s.durationUnit, s.responsibleUnit])).toEqual([
    ['ตรวจสอบเอกสาร', 10, 'minutes', 'สำนักทะเบียนอำเภอ'],
    ['พิจารณาและบันทึกข้อมูลในระบบ', 20, 'minutes', 'สำนักทะเบียนอำเภอ'],
    ['นายทะเบียนลงนามในสูติบัตร', 10, 'minutes', 'นายทะเบียนอำเภอ'],
  ])
  expect(birth.documents[1]).toEqual(expect.objectContaining({ name: 'หนังสือรับรองการเกิด (ท.ร.1/1)', issuingAgency: 'สถานพยาบาล', originals: 1, copies: 0, note: 'ถ้ามี' }))
  expect(birth.legalBasis.map((l: any) => l.title)).toEqual(['พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534', 'ระเบียบสำนักทะเบียนกลางว่าด้วยการจัดทำทะเบียนราษฎร พ.ศ. 2535'])
  expect(birth.remarks).toMatch(/นำเข้าจากระบบเดิม รหัส MAN-10001 ฉบับที่ 2/)
  expect(birth.remarks).toMatch(/- 15\/08\/2559 ปรับปรุงรายการเอกสารตามระเบียบใหม่/)
  const building = await byLegacyId('manuals', 'MAN-20001')
  expect(building.fees).toEqual([expect.objectContaining({ description: 'ค่าธรรมเนียมใบอนุญาตก่อสร้าง', amount: 20 }), expect.objectContaining({ amount: 2 })])
  expect(building.serviceType).toBe('licence')

  // manuals.json: nested arrays, its own process id, categories as service-category tags.
  const food = await byLegacyId('manuals', 'MAN-30001')
  expect(food).toEqual(expect.objectContaining({ agency: fda.id, revision: 2, noFee: false, totalDuration: 36, totalDurationUnit: 'days' }))
  expect(food.fees.map((f: any) => f.amount)).toEqual([10000, 2000])
  const foodProcess = await byLegacyId('processes', 'PROC-FDA-FOOD-01')
  expect(food.process).toBe(foodProcess.id)
  expect(foodProcess).toEqual(expect.objectContaining({ name: 'การขออนุญาตผลิตอาหาร', agency: fda.id, commonNames: ['ขอ อย. โรงงานอาหาร', 'ใบอนุญาตผลิตอาหาร'] }))
  const tags = await t.payload.find({ collection: 'tags', where: { id: { in: foodProcess.tags } }, ...SYSTEM })
  expect(tags.docs.map((d: any) => [d.name, d.type]).sort()).toEqual([['การประกอบธุรกิจ', 'service-category'], ['อาหารและยา', 'service-category']])
  expect((await byLegacyId('processes', 'manual:MAN-10003')).name).toBe('การแจ้งย้ายที่อยู่ (ย้ายเข้า)')

  // service-points.csv: pins, hours, visibility, parent.
  const cnx = await byLegacyId('service-points', 'SP-00001')
  const pinned = await Promise.all(['MAN-10001', 'MAN-10002', 'MAN-10003'].map(async (l) => (await byLegacyId('manuals', l)).id))
  expect(cnx).toEqual(expect.objectContaining({ agency: dopa.id, province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', visible: true, status: 'active', manuals: pinned }))
  expect(cnx.location).toEqual({ lat: 18.8018, lng: 98.9863 })
  expect((await byLegacyId('service-points', 'SP-00002')).openingHours.map((h: any) => h.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'])
  const closed = await byLegacyId('service-points', 'SP-30002')
  expect(closed).toEqual(expect.objectContaining({ visible: false, status: 'closed', parent: (await byLegacyId('service-points', 'SP-30001')).id, manuals: [] }))

  // Citizens read the imported manuals as published, over REST, and never the hidden point.
  const anonymous = api(t.baseUrl)
  expect((await anonymous.get(`/api/manuals/${birth.id}`)).body.title).toBe('การแจ้งเกิด กรณีเด็กเกิดในบ้าน')
  expect((await anonymous.get(`/api/service-points/${closed.id}`)).status).toBe(404)
})

it('a rerun of the same files changes nothing', async () => {
  const before = await counts()
  const birth = await byLegacyId('manuals', 'MAN-10001')
  const point = await byLegacyId('service-points', 'SP-00001')
  const versions = await versionsOf(birth.id)
  const summary = await runImport(t.payload, { files: SAMPLE_FILES })
  expect(summary.totals).toEqual({ rows: 16, created: 0, updated: 0, unchanged: 16, skipped: 0, failed: 0 })
  expect(await counts()).toEqual(before)
  expect((await byLegacyId('manuals', 'MAN-10001')).updatedAt).toBe(birth.updatedAt)
  expect((await byLegacyId('service-points', 'SP-00001')).updatedAt).toBe(point.updatedAt)
  expect(await versionsOf(birth.id)).toBe(versions)
})

it('a changed row updates its document in place, keeping pins added in infogo', async () => {
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(SAMPLES, 'manuals.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
  const building = rows.find((r) => r.legacyId === 'MAN-20001')!
  building.fees = 'ค่าธรรมเนียมใบอนุญาตก่อสร้าง|40'
  building.revision = '4'
  const file = path.join(tmp, 'manuals-changed.csv')
  fs.writeFileSync(file, Papa.unparse([building]))
  // An officer pinned one more manual at the municipality's point in infogo meanwhile.
  const point = await byLegacyId('service-points', 'SP-50001')
  const extra = await byLegacyId('manuals', 'MAN-10002')
  await t.payload.update({ collection: 'service-points', id: point.id, data: { manuals: [...point.manuals, extra.id] }, ...SYSTEM, context: { systemWrite: true } })

  const summary = await runImport(t.payload, { files: [file, path.join(SAMPLES, 'service-points.csv')] })
  expect(summary.files.map((f) => [f.kind, f.created, f.updated, f.unchanged])).toEqual([
    ['manuals', 0, 1, 0],
    ['service-points', 0, 0, 6],
  ])
  const updated = await byLegacyId('manuals', 'MAN-20001')
  expect(updated.fees).toEqual([expect.objectContaining({ amount: 40 })])
  expect(updated.revision).toBe(4)
  expect(updated.workflowState).toBe('published')
  expect((await byLegacyId('service-points', 'SP-50001')).manuals).toEqual([...point.manuals, extra.id])
  expect((await t.payload.count({ collection: 'manuals', overrideAccess: true })).totalDocs).toBe(5)
})

it('reports bad rows with their reasons and imports the rest', async () => {
  const file = path.join(tmp, 'service-points-bad.csv')
  fs.writeFileSync(
    file,
    [
      'legacyId,name,agencyLegacyId,province,district,lat,lng,openingHours,manualLegacyIds,parentLegacyId',
      'SP-90001,จุดบริการที่ดี,ORG-0101,ภูเก็ต,เมืองภูเก็ต,7.88,98.39,จ-ศ 08:30-16:30,MAN-10001|MAN-NOPE,',
      'SP-90002,จุดบริการหน่วยงานหาย,ORG-9999,ภูเก็ต,,,,,,',
      'SP-90003,จุดบริการพิกัดผิด,ORG-0101,ภูเก็ต,,98.39,7.88,,,',
      ',ไม่มีรหัส,ORG-0101,ภูเก็ต,,,,,,',
      'SP-90004,"แถวขาดคอลัมน์",ORG-0101',
      'SP-90006,จุดบริการย่อย,ORG-5001,ขอนแก่น,,,,,,SP-90005',
      'SP-90005,จุดบริการที่ดีอีกแห่ง,ORG-5001,ขอนแก่น,,,,,,SP-NOWHERE',
    ].join('\n'),
  )
  const report = path.join(tmp, 'report.csv')
  const summary = await runImport(t.payload, { files: [file], reportPath: report })
  expect(summary.totals).toEqual(expect.objectContaining({ rows: 7, created: 3, failed: 4 }))
  await byLegacyId('service-points', 'SP-90001')
  // A parent further down the file is found; a parent nowhere is reported and left out.
  const parent = await byLegacyId('service-points', 'SP-90005')
  expect(parent.parent).toBeNull()
  expect((await byLegacyId('service-points', 'SP-90006')).parent).toBe(parent.id)
  expect((await t.payload.count({ collection: 'service-points', where: { legacyId: { in: ['SP-90002', 'SP-90003', 'SP-90004'] } }, overrideAccess: true })).totalDocs).toBe(0)

  const lines = Papa.parse<Record<string, string>>(fs.readFileSync(report, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
  expect(lines.map((l) => [l.row, l.legacyId, l.severity])).toEqual([
    ['1', 'SP-90001', 'warning'],
    ['2', 'SP-90002', 'error'],
    ['3', 'SP-90003', 'error'],
    ['4', '', 'error'],
    ['5', '', 'error'],
    ['7', 'SP-90005', 'warning'],
  ])
  expect(lines[0].reason).toMatch(/ไม่พบคู่มือที่ปักหมุด: MAN-NOPE.*Pinned manuals not found: MAN-NOPE/)
  expect(lines[1].reason).toMatch(/Agency "ORG-9999" not found/)
  expect(lines[2].reason).toMatch(/Coordinates outside Thailand/)
  expect(lines[3].reason).toMatch(/legacyId is missing/)
  expect(lines[4].reason).toMatch(/^CSV: /)
  expect(lines[5].reason).toMatch(/Parent service point "SP-NOWHERE" not found \(imported without it\)/)
  // The good row kept its one resolvable pin.
  expect((await byLegacyId('service-points', 'SP-90001')).manuals).toEqual([(await byLegacyId('manuals', 'MAN-10001')).id])
})

it('a dry run of a bad file touches nothing and reports the same problems', async () => {
  const file = path.join(tmp, 'agencies-dry.csv')
  fs.writeFileSync(file, 'legacyId,name,kind,parentLegacyId\nORG-7000,กรมใหม่,department,ORG-0001\nORG-7001,กรมลอย,department,ORG-NONE\n')
  const before = await counts()
  const summary = await runImport(t.payload, { files: [file], dryRun: true })
  expect(summary.totals).toEqual(expect.objectContaining({ created: 1, failed: 1 }))
  expect(summary.problems).toEqual([expect.objectContaining({ legacyId: 'ORG-7001', severity: 'error', reason: expect.stringMatching(/Parent agency "ORG-NONE" not found/) })])
  expect(await counts()).toEqual(before)
})

it('leaves a manual alone when infogo holds a newer revision or one in progress', async () => {
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(SAMPLES, 'manuals.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
  const idCard = rows.find((r) => r.legacyId === 'MAN-10002')!
  const birth = rows.find((r) => r.legacyId === 'MAN-10001')!
  idCard.title = 'ชื่อใหม่จากไฟล์ส่งออก'
  birth.revision = '1'
  birth.title = 'ชื่อเก่าจากไฟล์ส่งออก'
  const file = path.join(tmp, 'manuals-older.csv')
  fs.writeFileSync(file, Papa.unparse([idCard, birth]))
  // An author has started revision 2 of the ID-card manual in infogo (a draft over the published one).
  const stored = await byLegacyId('manuals', 'MAN-10002')
  await t.payload.update({
    collection: 'manuals',
    id: stored.id,
    data: { title: 'ฉบับแก้ไขในระบบใหม่', revision: 2, workflowState: 'draft', _status: 'draft' } as never,
    draft: true,
    overrideAccess: true,
    context: { systemWrite: true },
  })

  const summary = await runImport(t.payload, { files: [file] })
  expect(summary.totals).toEqual(expect.objectContaining({ skipped: 2, updated: 0, created: 0 }))
  expect(summary.problems.map((p) => [p.legacyId, p.severity])).toEqual([
    ['MAN-10002', 'warning'],
    ['MAN-10001', 'warning'],
  ])
  expect(summary.problems[0].reason).toMatch(/A revision is in progress in infogo/)
  expect(summary.problems[1].reason).toMatch(/infogo holds revision 2, newer than the export's 1/)
  expect((await byLegacyId('manuals', 'MAN-10002')).title).toBe(stored.title)
  expect((await byLegacyId('manuals', 'MAN-10001')).title).toBe('การแจ้งเกิด กรณีเด็กเกิดในบ้าน')
  const draft = await t.payload.findByID({ collection: 'manuals', id: stored.id, draft: true, overrideAccess: true, depth: 0 })
  expect(draft.title).toBe('ฉบับแก้ไขในระบบใหม่')
})
