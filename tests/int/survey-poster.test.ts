/** GET /api/service-points/:id/poster: a QR code that decodes to the rating URL; an A4 PDF with the Thai names. */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

import { readPdf } from '../helpers/pdfText'
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
let department: any
let sp: any
const SITE = 'https://info.go.th'
beforeAll(async () => {
  t = await startTestServer({ env: { PUBLIC_SITE_URL: `${SITE}/` } })
  ;({ department } = await createAgencyTree(t, 'โปสเตอร์'))
  await t.payload.update({ collection: 'agencies', id: department.id, data: { name: 'กรมการปกครอง', nameEn: 'Department of Provincial Administration' }, overrideAccess: true })
  sp = await createServicePoint(t, department.id, { name: 'ที่ว่าการอำเภอเมืองเชียงใหม่', nameEn: 'Mueang Chiang Mai District Office' })
})
afterAll(async () => {
  await t?.close()
})

const fetchBytes = async (path: string, token?: string) => {
  const res = await fetch(`${t.baseUrl}${path}`, { headers: token ? { Authorization: `JWT ${token}` } : {} })
  return { res, bytes: Buffer.from(await res.arrayBuffer()) }
}

it('serves a PNG whose QR code decodes to the public rating URL', async () => {
  const { res, bytes } = await fetchBytes(`/api/service-points/${sp.id}/poster?format=png`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  const png = PNG.sync.read(bytes)
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(code?.data).toBe(`${SITE}/rate/${sp.id}`)
  const withManual = await fetchBytes(`/api/service-points/${sp.id}/poster?format=png&manual=12`)
  const png2 = PNG.sync.read(withManual.bytes)
  expect(jsQR(new Uint8ClampedArray(png2.data), png2.width, png2.height)?.data).toBe(`${SITE}/rate/${sp.id}?manual=12`)
})

it('serves a one-page A4 PDF with the agency and service point names in an embedded Thai font', async () => {
  const { res, bytes } = await fetchBytes(`/api/service-points/${sp.id}/poster?format=pdf`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  const pdf = readPdf(bytes)
  expect(pdf.pageCount).toBe(1)
  const [x0, y0, w, h] = pdf.mediaBoxes[0]
  expect([x0, y0, Math.round(w), Math.round(h)]).toEqual([0, 0, 595, 842])
  expect(pdf.fonts.some((f) => /NotoSansThai/.test(f))).toBe(true)
  // Shaping draws สระอำ as two glyphs, the second shared with สระอา, so a copy reads "ำา": fold it.
  const text = pdf.text.replace(/\s+/g, '').replace(/\u0E33\u0E32/g, '\u0E33')
  expect(text).toContain('ที่ว่าการอำเภอเมืองเชียงใหม่')
  expect(text).toContain('กรมการปกครอง')
  expect(text).toContain(`${SITE}/rate/${sp.id}`.replace(/\s+/g, ''))
})

it('gives posters only of service points the caller may read, and checks its parameters', async () => {
  const hidden = await createServicePoint(t, department.id, { visible: false })
  expect((await fetchBytes(`/api/service-points/${hidden.id}/poster?format=png`)).res.status).toBe(404)
  const officer = await createOfficer(t, { roles: ['central-officer'], agency: department.id })
  expect((await fetchBytes(`/api/service-points/${hidden.id}/poster?format=png`, officer.token)).res.status).toBe(200)
  const bad = await api(t.baseUrl).get(`/api/service-points/${sp.id}/poster?format=gif`)
  expect(bad.status).toBe(400)
  expect(bad.body.errors[0].message).toMatch(/png.*\(format/)
})
