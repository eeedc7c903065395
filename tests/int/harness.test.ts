/** The test harness itself: a fresh database per file, officers logged in over REST. */
import { createAgencyTree, createDraftManual, createProcess, createPublishedManual } from '../helpers/fixtures'
import { api, createOfficer, startTestServer, type TestServer } from '../helpers/server'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t?.close()
})

it('starts from an empty database and logs an officer in over REST', async () => {
  expect((await t.payload.count({ collection: 'agencies', overrideAccess: true })).totalDocs).toBe(0)
  const { department } = await createAgencyTree(t)
  const author = await createOfficer(t, { roles: ['manual-author'], agency: department.id })
  const me = await author.api.get('/api/users/me')
  expect(me.status).toBe(200)
  expect(me.body.user.email).toBe(author.user.email)
})

it('shows anonymous readers the published manual and never the draft', async () => {
  const { department } = await createAgencyTree(t)
  const process = await createProcess(t, department.id)
  const published = await createPublishedManual(t, process.id, department.id)
  const draft = await createDraftManual(t, process.id, department.id)
  const list = await api(t.baseUrl).get('/api/manuals?limit=100')
  const ids = list.body.docs.map((d: { id: number }) => d.id)
  expect(ids).toContain(published.id)
  expect(ids).not.toContain(draft.id)
  expect((await api(t.baseUrl).get(`/api/manuals/${draft.id}`)).status).toBe(404)
})
