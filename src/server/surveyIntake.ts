import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { Payload } from 'payload'

import {
  acceptRating,
  errorsOf,
  isProblem,
  MAX_BODY_BYTES,
  parseRatingBody,
  tooLarge,
  type IntakeResult,
} from '../collections/SurveyResponses/endpoints'
import { payloadCorsHeaders } from '../services/cors'

/** The body as text, or null once it passes `limit` bytes (the rest is not read into memory). */
function readText(req: ExpressRequest, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ExpressResponse, result: IntakeResult, cors: Array<[string, string]>): void {
  for (const [name, value] of cors) res.setHeader(name, value)
  if (result.headers) res.set(result.headers)
  if (result.location) {
    res.status(result.status).location(result.location).end()
    return
  }
  res.status(result.status).json(result.json)
}

/**
 * POST /api/survey-responses straight from Express: the public rating intake (the collection's
 * endpoint, acceptRating) without converting each request to a Web Request and a Payload request
 * first. Ratings arrive in bursts from QR posters; this is the path `npm run bench:survey` measures.
 * The client address is the one Express trusts (TRUST_PROXY), as for every other rate limit.
 */
export function surveyIntakeMiddleware(payload: Payload) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method !== 'POST' || !/^\/survey-responses\/?$/.test(req.path)) return next()
    const cors = payloadCorsHeaders(payload, req.headers.origin)
    try {
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return send(res, errorsOf(tooLarge()), cors)
      const text = await readText(req, MAX_BODY_BYTES)
      if (text === null) return send(res, errorsOf(tooLarge()), cors)
      const body = parseRatingBody(String(req.headers['content-type'] ?? ''), text)
      if (isProblem(body)) return send(res, errorsOf(body), cors)
      const client = { address: req.ip || req.socket.remoteAddress || 'unknown', userAgent: String(req.headers['user-agent'] ?? '') }
      send(res, await acceptRating(payload, body, client), cors)
    } catch (err) {
      payload.logger.error({ err, msg: 'rating intake failed' })
      if (!res.headersSent) res.status(500).json({ errors: [{ message: 'บันทึกผลประเมินไม่สำเร็จ กรุณาลองใหม่ (The rating could not be saved; please try again)' }] })
    }
  }
}
