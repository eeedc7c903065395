import type { Endpoint, Payload } from 'payload'

import { bilingual } from '../../lib/messages'
import { duplicateGuardKeys } from '../../lib/surveyGuard'
import { orderAnswers, parseSubmission, validateAnswers, type FieldError } from '../../lib/surveyRules'
import { clientAddress, envInt, rateLimiter } from '../../services/rateLimit'
import { acceptsRatings, activeQuestionSet, questionSetById } from '../SurveyQuestionSets/cache'
import { loadSummary, resolveSummaryScope, summaryQueryOf } from './summary'
import { ratingWriter } from './writer'

export const MAX_BODY_BYTES = 32 * 1024

/** Per client address: SURVEY_RATE_LIMIT_POINTS ratings per SURVEY_RATE_LIMIT_DURATION seconds. */
export const surveyRateLimit = () => ({
  name: 'survey',
  // Generous: one government office's tablets and phones often share one public address.
  points: envInt('SURVEY_RATE_LIMIT_POINTS', 30),
  durationSeconds: envInt('SURVEY_RATE_LIMIT_DURATION', 60),
})

type Problem = { status: number; code: string; errors: FieldError[]; headers?: Record<string, string> }

const problem = (status: number, code: string, message: string, path?: string, headers?: Record<string, string>): Problem => ({
  status,
  code,
  errors: [{ path: path ?? '', message }],
  headers,
})

type Body = { form: boolean; data: Record<string, unknown> }

/** Parses the rating's body (JSON, or the rating page's plain form) within MAX_BODY_BYTES. */
export function parseRatingBody(contentType: string, text: string): Body | Problem {
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge()
  if (contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return { form: true, data: Object.fromEntries(new URLSearchParams(text)) }
  }
  try {
    const data = text ? JSON.parse(text) : {}
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object')
    return { form: false, data }
  } catch {
    return problem(400, 'invalid', bilingual('ข้อมูลต้องเป็น JSON object', 'The body must be a JSON object'))
  }
}

export const tooLarge = () => problem(413, 'too-large', bilingual('ข้อมูลที่ส่งมีขนาดใหญ่เกินไป', 'The request body is too large'))

export const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'status' in v && 'errors' in v

/** An answer to a rating, whichever HTTP layer sends it. */
export type IntakeResult = { status: number; json?: unknown; location?: string; headers?: Record<string, string> }

export const errorsOf = (p: Problem): IntakeResult => ({ status: p.status, json: { errors: p.errors }, headers: p.headers })

/** The rating page again, with the reason and what the citizen had chosen (no JavaScript needed). */
function backToForm(data: Record<string, unknown>, p: Problem): IntakeResult {
  const sp = /^[1-9][0-9]{0,9}$/.test(String(data.servicePoint ?? '')) ? String(data.servicePoint) : ''
  if (!sp) return { status: p.status, json: { errors: p.errors } }
  const params = new URLSearchParams({ error: p.code })
  if (p.headers?.['Retry-After']) params.set('retryAfter', p.headers['Retry-After'])
  for (const [k, v] of Object.entries(data)) {
    if ((k.startsWith('score.') || k === 'manual' || k === 'questionSet') && typeof v === 'string' && v.length < 12) params.set(k, v)
  }
  if (typeof data.comment === 'string' && data.comment.length <= 300) params.set('comment', data.comment)
  return { status: 303, location: `/rate/${sp}?${params.toString()}` }
}

/**
 * POST /api/survey-responses — public. JSON: `{ servicePoint, manual?, questionSet?, answers:
 * [{ question, score }], comment?, submissionId? }` → 201 `{ doc, message }`. The rating page's
 * plain form (`score.<key>` fields) gets 303 to its thank-you page instead.
 *
 * Abuse protection that loses no real rating:
 * - rate limit per client address (429 + Retry-After; the form comes back filled in);
 * - honeypot `website`: the rating is answered like any other and stored marked `suspect`,
 *   left out of every report (an officer can still see it), so an autofilled field costs nothing;
 * - duplicate guard: the same device sending the same rating (or the same form twice) for the
 *   same service point within SURVEY_DUPLICATE_WINDOW_MINUTES (default 5) is acknowledged
 *   (200, `duplicate: true`) and stored once. Another rating from the same tablet is kept.
 */
export async function acceptRating(payload: Payload, body: Body, client: { address: string; userAgent: string }): Promise<IntakeResult> {
  const { form, data } = body
  const fail = (p: Problem) => (form ? backToForm(data, p) : errorsOf(p))

  const address = client.address
  const limit = await rateLimiter(payload, surveyRateLimit()).consume(address)
  if (!limit.allowed) {
    const s = limit.retryAfterSeconds
    return fail(
      problem(429, 'rate-limited', bilingual(`ส่งผลประเมินบ่อยเกินไป กรุณาลองใหม่ในอีก ${s} วินาที`, `Too many ratings; try again in ${s} seconds`), undefined, {
        'Retry-After': String(s),
      }),
    )
  }

  const parsed = parseSubmission(data)
  if (!parsed.ok) return fail({ status: 400, code: 'invalid', errors: parsed.errors })
  const rating = parsed.value

  const set = rating.questionSet ? await questionSetById(payload, rating.questionSet) : await activeQuestionSet(payload)
  if (!set) {
    return fail(
      rating.questionSet
        ? problem(400, 'invalid', bilingual('ไม่พบชุดคำถาม', 'Question set not found'), 'questionSet')
        : problem(503, 'closed', bilingual('ยังไม่เปิดรับการประเมิน', 'Ratings are not open yet (no active question set)')),
    )
  }
  if (!acceptsRatings(set)) {
    return fail(problem(400, 'set-retired', bilingual('ชุดคำถามนี้เลิกใช้แล้ว กรุณาเปิดหน้าประเมินใหม่', 'This question set is retired: reload the rating page'), 'questionSet'))
  }
  const answerErrors = validateAnswers(rating.answers, set.questions)
  if (answerErrors.length) return fail({ status: 400, code: 'invalid', errors: answerErrors })

  if (rating.manual !== null) {
    // Anonymous read rules: only a published manual can be rated.
    const manual = await payload.find({
      collection: 'manuals',
      where: { id: { equals: rating.manual } },
      depth: 0,
      limit: 1,
      select: {},
      overrideAccess: false,
      user: null,
    })
    if (!manual.docs.length) return fail(problem(400, 'invalid', bilingual('ไม่พบคู่มือที่เผยแพร่', 'No published manual with this id'), 'manual'))
  }

  const keys = duplicateGuardKeys({
    clientAddress: address,
    userAgent: client.userAgent,
    servicePoint: rating.servicePoint,
    manual: rating.manual,
    submissionId: rating.submissionId,
    answers: rating.answers,
    comment: rating.comment,
    at: Date.now(),
    windowMs: envInt('SURVEY_DUPLICATE_WINDOW_MINUTES', 5) * 60_000,
  })
  const outcome = await ratingWriter(payload).submit({
    servicePoint: rating.servicePoint,
    manual: rating.manual,
    questionSet: set.id,
    answers: orderAnswers(rating.answers, set.questions),
    comment: rating.comment,
    channel: form ? 'form' : 'api',
    suspect: rating.honeypot,
    dedupeKey: keys.current,
    previousDedupeKey: keys.previous,
  })

  if (outcome.status === 'service-point-unavailable') {
    return fail(problem(400, 'unavailable', bilingual('ไม่พบจุดบริการที่เปิดรับการประเมิน', 'No visible, active service point with this id'), 'servicePoint'))
  }
  const thanks = `/rate/${rating.servicePoint}/thanks`
  const message = bilingual('ขอบคุณสำหรับการประเมิน', 'Thank you for your rating')
  if (form) return { status: 303, location: thanks }
  if (outcome.status === 'duplicate') return { status: 200, json: { duplicate: true, message } }
  return {
    status: 201,
    json: {
      doc: { id: outcome.id, servicePoint: rating.servicePoint, questionSet: set.id, manual: rating.manual, createdAt: outcome.createdAt },
      message,
    },
  }
}

const asResponse = (r: IntakeResult): Response =>
  r.location
    ? new Response(null, { status: r.status, headers: { ...r.headers, Location: r.location } })
    : Response.json(r.json, { status: r.status, headers: r.headers })

/**
 * The intake as a Payload endpoint (Payload's REST router, as behind Next's /api route). The
 * Express server answers the same path first (src/server/surveyIntake.ts): the same acceptRating
 * without building a Web Request and a Payload request for every rating.
 */
export const surveyIntakeEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return asResponse(errorsOf(tooLarge()))
    const body = parseRatingBody(req.headers.get('content-type') ?? '', (await req.text?.()) ?? '')
    if (isProblem(body)) return asResponse(errorsOf(body))
    return asResponse(await acceptRating(req.payload, body, { address: clientAddress(req), userAgent: req.headers.get('user-agent') ?? '' }))
  },
}

/** GET /api/survey-responses/summary?servicePoint=&agency=&manual=&from=&to= — see summary.ts for who sees what. */
export const surveySummaryEndpoint: Endpoint = {
  path: '/summary',
  method: 'get',
  handler: async (req) => {
    const scope = await resolveSummaryScope(req, summaryQueryOf(req))
    const summary = await loadSummary(req.payload, scope)
    return Response.json({
      scope: {
        servicePoint: scope.servicePoint,
        agency: scope.agency,
        agencies: scope.audience === 'public' ? undefined : scope.agencyIds,
        manual: scope.manual,
        from: scope.from?.toISOString() ?? null,
        to: scope.to?.toISOString() ?? null,
      },
      ...summary,
    })
  },
}
