import type { Payload } from 'payload'

import { acceptsRatings, activeQuestionSet, questionSetById, type QuestionSet } from '../SurveyQuestionSets/cache'
import { PUBLIC_SERVICE_POINT } from '../ServicePoints'
import { FORM_SCORE_PREFIX } from '../../lib/surveyRules'

export type RatingPageData = {
  servicePoint: { id: number; name: string; nameEn?: string | null; agencyName: string; agencyNameEn?: string | null }
  manual: { id: number; title: string } | null
  questionSet: QuestionSet | null
  /** What the citizen had chosen when the form came back with an error. */
  prefill: { scores: Record<string, number>; comment: string }
  error: { code: string; retryAfter: number | null } | null
}

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/**
 * Everything the public rating page shows, read as an anonymous citizen (overrideAccess: false):
 * only a visible, active service point and a published manual. null: no such page.
 */
export async function loadRatingPage(payload: Payload, servicePointId: string, search: Search = {}): Promise<RatingPageData | null> {
  if (!/^[1-9][0-9]{0,9}$/.test(servicePointId)) return null
  const found = await payload.find({
    collection: 'service-points',
    where: { and: [{ id: { equals: Number(servicePointId) } }, PUBLIC_SERVICE_POINT] },
    depth: 1,
    limit: 1,
    overrideAccess: false,
    user: null,
  })
  const sp = found.docs[0] as any
  if (!sp) return null
  const agency = typeof sp.agency === 'object' && sp.agency ? sp.agency : {}

  let manual: RatingPageData['manual'] = null
  const manualId = one(search.manual)
  if (manualId && /^[1-9][0-9]{0,9}$/.test(manualId)) {
    const m = await payload.find({ collection: 'manuals', where: { id: { equals: Number(manualId) } }, depth: 0, limit: 1, overrideAccess: false, user: null })
    if (m.docs[0]) manual = { id: Number(m.docs[0].id), title: String((m.docs[0] as any).title ?? '') }
  }

  // A form sent back with an error keeps the set it was answering (unless that one is closed).
  const askedSet = one(search.questionSet)
  let questionSet: QuestionSet | null = null
  if (askedSet && /^[1-9][0-9]{0,9}$/.test(askedSet)) {
    const s = await questionSetById(payload, Number(askedSet))
    if (s && acceptsRatings(s)) questionSet = s
  }
  questionSet ??= await activeQuestionSet(payload)

  const scores: Record<string, number> = {}
  for (const [k, v] of Object.entries(search)) {
    const n = Number(one(v))
    if (k.startsWith(FORM_SCORE_PREFIX) && Number.isInteger(n) && n >= 1 && n <= 5) scores[k.slice(FORM_SCORE_PREFIX.length)] = n
  }
  const code = one(search.error)
  const retry = Number(one(search.retryAfter))
  return {
    servicePoint: { id: Number(sp.id), name: String(sp.name), nameEn: sp.nameEn ?? null, agencyName: String(agency.name ?? ''), agencyNameEn: agency.nameEn ?? null },
    manual,
    questionSet,
    prefill: { scores, comment: String(one(search.comment) ?? '').slice(0, 1000) },
    error: code ? { code: code.slice(0, 40), retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null } : null,
  }
}
