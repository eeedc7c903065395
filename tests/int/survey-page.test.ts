/**
 * The public rating page without JavaScript: the server-rendered form has a label for every
 * control and posts plain form fields that the intake stores before redirecting to the thanks page.
 */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { RatingForm } from '../../src/components/survey/RatingForm'
import { loadRatingPage } from '../../src/collections/SurveyResponses/ratingPage'
import { createAgencyTree, createServicePoint } from '../helpers/fixtures'
import { startTestServer, type TestServer } from '../helpers/server'
import { clearRateLimits, clientHeaders, createQuestionSet } from '../helpers/survey'

let t: TestServer
let sp: any
let set: any
beforeAll(async () => {
  t = await startTestServer({ env: { SURVEY_RATE_LIMIT_POINTS: '1000' } })
  await clearRateLimits(t)
  const { department } = await createAgencyTree(t, 'หน้าประเมิน')
  sp = await createServicePoint(t, department.id, { name: 'สำนักงานที่ดินจังหวัดเชียงใหม่' })
  set = await createQuestionSet(t)
})
afterAll(async () => {
  await t?.close()
})

const render = async (search: Record<string, string> = {}) => {
  const data = await loadRatingPage(t.payload, String(sp.id), search)
  return data ? renderToStaticMarkup(createElement(RatingForm, { data, submissionId: 'page-test-0001' })) : null
}

it('renders an accessible plain form: fieldset + legend per question, labelled radios, labelled comment, no script', async () => {
  const html = (await render())!
  expect(html).toContain('สำนักงานที่ดินจังหวัดเชียงใหม่')
  const form = html.match(/<form [^>]*>/)![0]
  expect(form).toMatch(/method="post"/)
  expect(form).toMatch(/action="\/api\/survey-responses"/)
  expect(html).not.toMatch(/<script/i)
  expect(html.match(/<fieldset/g)).toHaveLength(set.questions.length)
  expect(html.match(/<legend>/g)).toHaveLength(set.questions.length)
  for (const q of set.questions) {
    const radios = (html.match(/<input type="radio"[^>]*>/g) ?? []).filter((r) => r.includes(`name="score.${q.key}"`))
    expect(radios).toHaveLength(5)
    for (const r of radios) {
      expect(r).toMatch(/required/)
      expect(r).toMatch(/aria-label="[1-5] /)
    }
  }
  expect(html).toMatch(/<label class="label" for="comment">/)
  expect(html).toMatch(/<textarea id="comment" name="comment" maxlength="1000"/i)
  // The honeypot is hidden from people and from assistive technology, and out of the tab order.
  const honeypot = html.match(/<div class="hp" aria-hidden="true">.*?<input [^>]*>/)![0]
  expect(honeypot).toMatch(/name="website"/)
  expect(honeypot).toMatch(/tabindex="-1"/)
})

it('has no page for hidden service points', async () => {
  const { department } = await createAgencyTree(t, 'ซ่อน')
  const hidden = await createServicePoint(t, department.id, { visible: false })
  expect(await loadRatingPage(t.payload, String(hidden.id))).toBeNull()
  expect(await loadRatingPage(t.payload, 'abc')).toBeNull()
})

it('posts what the browser would send and lands on the thank-you page', async () => {
  const html = (await render())!
  const fields = new URLSearchParams()
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(name, value)
  // A citizen picks 4 for every question (the first radio with value 4 in each group).
  for (const q of set.questions) fields.set(`score.${q.key}`, '4')
  fields.set('comment', 'เจ้าหน้าที่สุภาพ & รวดเร็ว')
  fields.set('website', '')
  const res = await fetch(`${t.baseUrl}/api/survey-responses`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...clientHeaders() },
    body: fields.toString(),
  })
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe(`/rate/${sp.id}/thanks`)
  const stored = await t.payload.find({ collection: 'survey-responses', where: { servicePoint: { equals: sp.id } }, overrideAccess: true })
  expect(stored.docs.map((d) => d.comment)).toContain('เจ้าหน้าที่สุภาพ & รวดเร็ว')
})

it('shows the reason and keeps the choices when the form comes back', async () => {
  const html = (await render({ error: 'rate-limited', retryAfter: '42', 'score.staff': '5', comment: 'ลองใหม่' }))!
  expect(html).toMatch(/role="alert"[^>]*>[^<]*42/)
  const checked = (html.match(/<input type="radio"[^>]*>/g) ?? []).filter((r) => /checked/.test(r))
  expect(checked).toHaveLength(1)
  expect(checked[0]).toMatch(/name="score\.staff"/)
  expect(checked[0]).toMatch(/value="5"/)
  expect(html).toContain('>ลองใหม่</textarea>')
})
