/**
 * Abuse protection for the public rating intake (pure). A duplicate is the same device sending
 * the same rating for the same service point again within a few minutes (a double tap, a
 * reload, a replay). A different rating from the same device is a different citizen at the
 * counter tablet and is kept.
 */
import { createHash } from 'node:crypto'

import type { SurveyAnswer } from './surveyRules'

export const DEFAULT_DUPLICATE_WINDOW_MS = 5 * 60 * 1000

export type DuplicateGuardInput = {
  clientAddress: string
  userAgent: string
  servicePoint: number | string
  manual?: number | string | null
  /** The rating page's per-form id when present; otherwise the content decides. */
  submissionId?: string | null
  answers: SurveyAnswer[]
  comment: string
  at: number
  windowMs?: number
}

/** What identifies one rating regardless of the order its answers arrived in. */
export function ratingFingerprint(input: Pick<DuplicateGuardInput, 'submissionId' | 'answers' | 'comment' | 'manual'>): string {
  if (input.submissionId) return `form:${input.submissionId}`
  const answers = [...input.answers]
    .sort((a, b) => (a.question < b.question ? -1 : a.question > b.question ? 1 : 0))
    .map((a) => `${a.question}=${a.score}`)
    .join('&')
  return `content:${input.manual ?? ''}|${answers}|${input.comment}`
}

const bucketKey = (input: DuplicateGuardInput, bucket: number): string =>
  createHash('sha256')
    .update([input.clientAddress, input.userAgent, String(input.servicePoint), ratingFingerprint(input), String(bucket)].join('\u0000'))
    .digest('base64url')

/**
 * The key stored with the rating (unique in the database) for the current time bucket, and the
 * key the same rating had in the previous bucket: a resend just after a bucket boundary is
 * still found. Only a hash is kept, never the address.
 */
export function duplicateGuardKeys(input: DuplicateGuardInput): { current: string; previous: string } {
  const windowMs = input.windowMs && input.windowMs > 0 ? input.windowMs : DEFAULT_DUPLICATE_WINDOW_MS
  const bucket = Math.floor(input.at / windowMs)
  return { current: bucketKey(input, bucket), previous: bucketKey(input, bucket - 1) }
}
