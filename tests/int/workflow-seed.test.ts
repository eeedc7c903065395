/** The demo data's manuals in review move on with the demo accounts, as a newcomer would try. */
import { DEMO_PASSWORD } from '../../src/server/seedData'
import { api, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
  const { seed } = await import('../../src/server/seed')
  await seed(t.payload)
})
afterAll(async () => {
  await t?.close()
})

const login = async (email: string) => {
  const res = await api(t.baseUrl).post('/api/users/login', { email, password: DEMO_PASSWORD })
  expect(res.status).toBe(200)
  return api(t.baseUrl, res.body.token)
}

it('publishes the revision in review of a published demo manual, replacing the public one', async () => {
  const title = 'คู่มือสำหรับประชาชน: การแจ้งย้ายที่อยู่'
  const anon = api(t.baseUrl)
  const publicDoc = (await anon.get(`/api/manuals?where[title][equals]=${encodeURIComponent(title)}`)).body.docs[0]
  expect(publicDoc).toMatchObject({ revision: 1, workflowState: 'published' })

  const reviewer = await login('reviewer.dopa@demo.info.go.th')
  const wrongAgency = await login('reviewer.dbd@demo.info.go.th')
  expect((await wrongAgency.post(`/api/manuals/${publicDoc.id}/workflow`, { action: 'approve' })).status).toBe(403)
  const step1 = await reviewer.post(`/api/manuals/${publicDoc.id}/workflow`, { action: 'approve' })
  expect(step1.status).toBe(200)
  expect(step1.body).toMatchObject({ revision: 2, workflowState: 'pending-opdc' })

  const opdc = await login('opdc@demo.info.go.th')
  expect((await opdc.post(`/api/manuals/${publicDoc.id}/workflow`, { action: 'approve' })).status).toBe(200)
  const after = await anon.get(`/api/manuals/${publicDoc.id}`)
  expect(after.body).toMatchObject({ revision: 2, workflowState: 'published' })
  expect(after.body.remarks).toContain('ฉบับแก้ไข')
})

it('lets the demo author resubmit the returned demo manual after editing it', async () => {
  const author = await login('author.dbd@demo.info.go.th')
  const rejected = (await author.get('/api/manuals?draft=true&where[workflowState][equals]=rejected&depth=0')).body.docs
  expect(rejected.length).toBeGreaterThan(0)
  const id = rejected[0].id
  expect((await author.patch(`/api/manuals/${id}?draft=true`, { remarks: 'แก้ไขตามที่ส่งกลับ' })).status).toBe(200)
  const again = await author.post(`/api/manuals/${id}/workflow`, { action: 'submit' })
  expect(again.status).toBe(200)
  expect(again.body.workflowState).toBe('pending-review')
})
