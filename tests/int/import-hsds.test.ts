/** npm run export:hsds: the public catalogue, and only it, as an HSDS data package. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'

import { exportHsds } from '../../src/import/exportHsds'
import { runImport } from '../../src/import/run'
import { hsdsId } from '../../src/lib/importHsds'
import { createDraftManual, createProcess } from '../helpers/fixtures'
import { startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let tmp: string
beforeAll(async () => {
  t = await startTestServer()
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infogo-hsds-test-'))
  const samples = ['agencies.csv', 'manuals.csv', 'manuals.json', 'service-points.csv'].map((f) => path.resolve('samples/import', f))
  expect((await runImport(t.payload, { files: samples })).totals.failed).toBe(0)
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const read = (dir: string, table: string) =>
  Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data
const one = async (collection: 'agencies' | 'manuals' | 'service-points', legacyId: string) =>
  (await t.payload.find({ collection, where: { legacyId: { equals: legacyId } }, depth: 0, overrideAccess: true })).docs[0] as any

it('writes organizations, published services, public locations and their pins, with a datapackage.json', async () => {
  // A draft manual pinned at a public point must stay out, as must the hidden, closed point.
  const dopa = await one('agencies', 'ORG-0101')
  const draft = await createDraftManual(t, (await createProcess(t, dopa.id)).id, dopa.id, { title: 'คู่มือฉบับร่างที่ยังไม่เผยแพร่' })
  const cnx = await one('service-points', 'SP-00001')
  await t.payload.update({
    collection: 'service-points',
    id: cnx.id,
    data: { manuals: [...cnx.manuals, draft.id], pinDetails: [{ manual: cnx.manuals[0], hours: 'เฉพาะวันจันทร์ 08:30-12:00' }] },
    overrideAccess: true,
    context: { systemWrite: true },
  })

  const dir = path.join(tmp, 'a')
  const { counts } = await exportHsds(t.payload, { outDir: dir, publicBaseUrl: 'https://www.info.go.th/' })
  expect(counts).toEqual({ organizations: 5, services: 5, locations: 5, addresses: 5, service_at_location: 9 })

  const services = read(dir, 'services')
  expect(services.map((s) => s.name)).not.toContain('คู่มือฉบับร่างที่ยังไม่เผยแพร่')
  const birth = await one('manuals', 'MAN-10001')
  const service = services.find((s) => s.id === hsdsId('service', birth.id))!
  expect(service).toEqual(
    expect.objectContaining({
      organization_id: hsdsId('organization', dopa.id),
      name: 'การแจ้งเกิด กรณีเด็กเกิดในบ้าน',
      alternate_name: 'แจ้งเกิด; ขอสูติบัตร',
      url: `https://www.info.go.th/api/manuals/${birth.id}`,
      wait_time: '40 นาที',
      fees_description: 'ไม่มีค่าธรรมเนียม (No fee)',
    }),
  )
  expect(service.description).toMatch(/^เจ้าบ้านหรือบิดามารดาแจ้งการเกิด/)
  expect(service.application_process.split('\n')).toHaveLength(3)

  const locations = read(dir, 'locations')
  const hidden = await one('service-points', 'SP-30002')
  expect(locations.map((l) => l.id)).not.toContain(hsdsId('location', hidden.id))
  expect(locations.find((l) => l.id === hsdsId('location', cnx.id))).toEqual(expect.objectContaining({ latitude: '18.8018', longitude: '98.9863', external_identifier: 'SP-00001' }))

  const pins = read(dir, 'service_at_location')
  const serviceIds = new Set(services.map((s) => s.id))
  const locationIds = new Set(locations.map((l) => l.id))
  for (const pin of pins) {
    expect(serviceIds.has(pin.service_id)).toBe(true)
    expect(locationIds.has(pin.location_id)).toBe(true)
  }
  expect(pins.find((p) => p.id === hsdsId('service_at_location', cnx.manuals[0], cnx.id))!.description).toBe('เฉพาะวันจันทร์ 08:30-12:00')
  expect(pins.map((p) => p.service_id)).not.toContain(hsdsId('service', draft.id))

  const organizations = read(dir, 'organizations')
  const fda = await one('agencies', 'ORG-0202')
  expect(organizations.find((o) => o.id === hsdsId('organization', fda.id))!.parent_organization_id).toBe(hsdsId('organization', (await one('agencies', 'ORG-0002')).id))

  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'))
  expect(pkg.resources.map((r: any) => [r.name, r.count])).toEqual([
    ['organizations', 5],
    ['services', 5],
    ['locations', 5],
    ['addresses', 5],
    ['service_at_location', 9],
  ])

  // A second export gives the same records under the same ids.
  const again = path.join(tmp, 'b')
  await exportHsds(t.payload, { outDir: again })
  for (const table of ['organizations', 'locations', 'service_at_location']) expect(read(again, table)).toEqual(read(dir, table))
})
