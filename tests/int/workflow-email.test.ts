/** With SMTP configured, whoever must act next is also emailed (after the step has committed). */
import net from 'node:net'

import { createAgencyTree, createDraftManual, createProcess } from '../helpers/fixtures'
import { createOfficer, startTestServer, type TestServer } from '../helpers/server'

type Mail = { to: string[]; raw: string }
const mails: Mail[] = []
let smtp: net.Server
let t: TestServer

/** Just enough of an SMTP server to receive nodemailer's messages. */
function startSmtp(): Promise<number> {
  smtp = net.createServer((socket) => {
    let buffer = ''
    let inData = false
    let current: Mail = { to: [], raw: '' }
    socket.write('220 test ESMTP\r\n')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          current.raw = buffer.slice(0, end)
          mails.push(current)
          current = { to: [], raw: '' }
          buffer = buffer.slice(end + 5)
          inData = false
          socket.write('250 queued\r\n')
          continue
        }
        const nl = buffer.indexOf('\r\n')
        if (nl < 0) return
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n')
        else if (verb === 'RCPT') {
          current.to.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1'))
          socket.write('250 ok\r\n')
        } else if (verb === 'DATA') {
          inData = true
          socket.write('354 end with .\r\n')
        } else if (verb === 'QUIT') socket.end('221 bye\r\n')
        else socket.write('250 ok\r\n')
      }
    })
  })
  return new Promise((resolve) => smtp.listen(0, '127.0.0.1', () => resolve((smtp.address() as net.AddressInfo).port)))
}

/** The text body, whatever transfer encoding nodemailer chose for Thai. */
function bodyText(raw: string): string {
  const [headers, ...rest] = raw.split('\r\n\r\n')
  const body = rest.join('\r\n\r\n')
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => `%${h}`)
    return decodeURIComponent(bytes)
  }
  return body
}

beforeAll(async () => {
  const port = await startSmtp()
  t = await startTestServer({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'workflow@info.go.th' } })
})
afterAll(async () => {
  delete process.env.SMTP_HOST
  delete process.env.SMTP_PORT
  delete process.env.SMTP_FROM
  await t?.close()
  smtp?.close()
})

it('emails the agency reviewers when an author submits, and only them', async () => {
  const agency = (await createAgencyTree(t, 'อีเมล')).department.id as number
  const other = (await createAgencyTree(t, 'อื่น')).department.id as number
  const processId = (await createProcess(t, agency)).id as number
  const author = await createOfficer(t, { roles: ['manual-author'], agency })
  const reviewer = await createOfficer(t, { roles: ['manual-reviewer'], agency })
  await createOfficer(t, { roles: ['manual-reviewer'], agency: other })
  const draft = await createDraftManual(t, processId, agency, { title: 'คู่มือส่งอีเมล' })

  const res = await author.api.post(`/api/manuals/${draft.id}/workflow`, { action: 'submit' })
  expect(res.status).toBe(200)
  expect(mails.map((m) => m.to)).toEqual([[reviewer.user.email]])
  const text = bodyText(mails[0].raw)
  expect(text).toContain('คู่มือ "คู่มือส่งอีเมล" (Revision 1) รอท่านตรวจสอบ')
  expect(text).toContain(`/admin/collections/manuals/${draft.id}`)
  expect(mails[0].raw).toMatch(/^From: [^\n]*(\n [^\n]*)*<workflow@info\.go\.th>/m)

  // A refused step sends nothing.
  const refused = await author.api.post(`/api/manuals/${draft.id}/workflow`, { action: 'submit' })
  expect(refused.status).toBe(409)
  expect(mails).toHaveLength(1)
})
