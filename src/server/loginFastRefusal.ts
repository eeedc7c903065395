import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { Payload } from 'payload'

import { authLimits, TOO_MANY_LOGINS, tooManyBody } from '../lib/bruteForce'
import { payloadCorsHeaders } from '../services/cors'
import { rateLimiter } from '../services/rateLimit'

/**
 * POST /api/users/login from an address this instance already refuses (its per-address login
 * counter is over, src/collections/Users/loginThrottle.ts) is answered here, before Payload builds
 * a request for it: a flood then costs next to nothing and does not queue the owner's login behind
 * it. Same answer as the hook's (429, Retry-After, Thai/English JSON). Everything else goes on.
 */
export function loginFastRefusal(payload: Payload) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method !== 'POST' || !/^\/users\/login\/?$/.test(req.path)) return next()
    // The same limiter (name and size) as the login hook's, hence the same in-memory block.
    const limiter = rateLimiter(payload, { name: 'login-address', ...authLimits().loginPerAddress })
    const blockedMs = limiter.blockedMs(req.ip || req.socket.remoteAddress || 'unknown')
    if (blockedMs <= 0) return next()
    const retryAfterSeconds = Math.max(1, Math.ceil(blockedMs / 1000))
    for (const [key, value] of payloadCorsHeaders(payload, req.headers.origin)) res.setHeader(key, value)
    // The body is not needed: drain it so the connection can be reused.
    req.resume()
    res.status(429).set('Retry-After', String(retryAfterSeconds)).json(tooManyBody(TOO_MANY_LOGINS, retryAfterSeconds))
  }
}
