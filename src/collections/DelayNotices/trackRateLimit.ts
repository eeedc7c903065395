import type { PayloadRequest } from 'payload'

import { bilingual } from '../../lib/messages'
import { clientAddress, envInt, rateLimiter } from '../../services/rateLimit'

/**
 * Tracking lookups per client per minute (DELAY_TRACK_RATE_LIMIT, default 20): plenty for a
 * citizen, far too few to guess 50-bit codes. Every lookup counts, found or not.
 */
export async function limitTrackingLookup(req: PayloadRequest): Promise<Response | null> {
  const limiter = rateLimiter(req.payload, { name: 'delay-track', points: envInt('DELAY_TRACK_RATE_LIMIT', 20), durationSeconds: 60 })
  const verdict = await limiter.consume(clientAddress(req))
  if (verdict.allowed) return null
  const wait = verdict.retryAfterSeconds
  return Response.json(
    { errors: [{ message: bilingual(`ค้นหาบ่อยเกินไป กรุณาลองใหม่ในอีก ${wait} วินาที`, `Too many lookups; try again in ${wait} seconds`) }] },
    { status: 429, headers: { 'Retry-After': String(wait) } },
  )
}
