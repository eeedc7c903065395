/** Other services: published by the agency's central officer or reviewer, no OPDC step, no way around it. */
import { createAgencyTree } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
type Officer = Awaited<ReturnType<typeof createOfficer>>
let agency: number
let author: Officer, reviewer: Officer, central: Officer, opdc: Officer, otherCentral: Officer, admin: Officer

beforeAll(async () => {
  t = await startTestServer()
  agency = (await createAgencyTree(t, 'บริการ')).department.id as number
  const other = (await createAgencyTree(t, 'อื่น')).department.id as number
  author = await createOfficer(t, { roles: ['manual-author'], agency })
  reviewer = await createOfficer(t, { roles: ['manual-reviewer'], agency })
  central = await createOfficer(t, { roles: ['central-officer'], agency })
  opdc = await createOfficer(t, { roles: ['opdc-officer'] })
  otherCentral = await createOfficer(t, { roles: ['central-officer'], agency: other })
  admin = await createOfficer(t, { roles: ['system-admin'] })
})
afterAll(async () => {
  await t?.close()
})

const publicTitle = async (id: number) => {
  const res = await api(t.baseUrl).get(`/api/other-services/${id}`)
  return res.status === 200 ? res.body.title : res.status
}
const move = (who: Officer, id: number, action: string) => who.api.post(`/api/other-services/${id}/workflow`, { action })

it('is drafted by an author and published by the agency central officer or reviewer only', async () => {
  const created = await author.api.post('/api/other-services?draft=true', { title: 'รับเรื่องร้องเรียน', description: 'บริการรับเรื่อง', agency })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as number
  expect(await publicTitle(id)).toBe(404)

  for (const who of [author, opdc, otherCentral, admin]) expect((await move(who, id, 'publish')).status).toBe(403)
  expect(await publicTitle(id)).toBe(404)

  const published = await move(reviewer, id, 'publish')
  expect(published.status).toBe(200)
  expect(published.body._status).toBe('published')
  expect(await publicTitle(id)).toBe('รับเรื่องร้องเรียน')
  expect((await move(central, id, 'publish')).status).toBe(409)

  // An edit is a draft until published again; citizens keep the published text.
  expect((await author.api.patch(`/api/other-services/${id}`, { title: 'รับเรื่องร้องเรียน (ปรับปรุง)' })).status).toBe(200)
  expect(await publicTitle(id)).toBe('รับเรื่องร้องเรียน')
  expect((await move(central, id, 'publish')).status).toBe(200)
  expect(await publicTitle(id)).toBe('รับเรื่องร้องเรียน (ปรับปรุง)')

  expect((await move(author, id, 'unpublish')).status).toBe(403)
  expect((await move(central, id, 'unpublish')).status).toBe(200)
  expect(await publicTitle(id)).toBe(404)
})

it('refuses every bypass: create as published, PATCH or bulk _status, and a plain restore', async () => {
  const asPublished = await central.api.post('/api/other-services', { title: 'ลัด', description: 'ลัดขั้นตอน', agency, _status: 'published' })
  expect(asPublished.status).toBe(403)

  const created = await author.api.post('/api/other-services?draft=true', { title: 'ขอข้อมูล', description: 'บริการข้อมูล', agency })
  const id = created.body.doc.id as number
  for (const who of [author, reviewer, central, admin]) {
    for (const q of ['', '?draft=false', '?draft=true']) {
      expect((await who.api.patch(`/api/other-services/${id}${q}`, { _status: 'published' })).status).toBe(403)
    }
  }
  const bulk = await admin.api.patch(`/api/other-services?where[id][equals]=${id}`, { _status: 'published' })
  expect(bulk.body.errors).toHaveLength(1)
  expect(await publicTitle(id)).toBe(404)

  const v = (await central.api.get(`/api/other-services/versions?where[parent][equals]=${id}&depth=0`)).body.docs[0]
  // Another agency's officer reads none of its drafts, nor does a citizen.
  expect((await otherCentral.api.get(`/api/other-services/versions?where[parent][equals]=${id}&depth=0`)).body.docs).toEqual([])
  expect((await api(t.baseUrl).get(`/api/other-services/versions?where[parent][equals]=${id}`)).status).toBe(403)
  expect((await central.api.post(`/api/other-services/versions/${v.id}`)).status).toBe(403)
  expect(await publicTitle(id)).toBe(404)
})
