import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { LRUCache } from 'lru-cache'
import crypto from 'node:crypto'

import { localInvalidators } from '../services/publicContent'
import { toWebRequest } from './payloadRest'

type Entry = { status: number; headers: Array<[string, string]>; body: Buffer; etag: string }

export type PublicCacheOptions = {
  /** Paths under /api whose anonymous GET answers may be cached. */
  cacheable: RegExp
  maxBytes?: number
  maxEntryBytes?: number
}

/**
 * A cache of anonymous public reads (published manuals, visible service points, agencies, ...).
 * Officers' requests (a token or session cookie) always go to Payload. Any content change clears
 * the cache on every instance through PostgreSQL NOTIFY, sent inside the writing transaction so
 * it arrives only after commit. Answers carry an ETag; clients revalidate with If-None-Match.
 */
export function createPublicCache(options: PublicCacheOptions) {
  const cache = new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.length + 256,
  })
  const maxEntry = options.maxEntryBytes ?? 2 * 1024 * 1024
  // Bumped on every invalidation: an answer computed across a change is not stored.
  let generation = 0
  const stats = { hits: 0, misses: 0, invalidations: 0 }

  const invalidate = () => {
    generation += 1
    stats.invalidations += 1
    cache.clear()
  }

  const isAnonymous = (req: ExpressRequest) =>
    !req.headers.authorization && !/(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')

  const send = (res: ExpressResponse, req: ExpressRequest, entry: Entry, hit: boolean) => {
    for (const [k, v] of entry.headers) res.setHeader(k, v)
    res.setHeader('ETag', entry.etag)
    res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate')
    res.setHeader('X-Cache', hit ? 'HIT' : 'MISS')
    if (req.headers['if-none-match'] === entry.etag) {
      res.status(304).end()
      return
    }
    res.status(entry.status).end(entry.body)
  }

  const middleware =
    (handle: (request: Request) => Promise<Response>) =>
    async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
      if (req.method !== 'GET' || !isAnonymous(req) || !options.cacheable.test(req.path)) return next()
      const key = `${req.originalUrl}|${String(req.headers['accept-language'] ?? '').slice(0, 2)}`
      const cached = cache.get(key)
      if (cached) {
        stats.hits += 1
        return send(res, req, cached, true)
      }
      stats.misses += 1
      const startedAt = generation
      try {
        const response = await handle(toWebRequest(req))
        const body = Buffer.from(await response.arrayBuffer())
        const headers: Array<[string, string]> = []
        response.headers.forEach((v, k) => {
          if (!['set-cookie', 'content-length', 'etag', 'cache-control'].includes(k)) headers.push([k, v])
        })
        const entry: Entry = {
          status: response.status,
          headers,
          body,
          etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"`,
        }
        if (response.status === 200 && body.length <= maxEntry && startedAt === generation) cache.set(key, entry)
        send(res, req, entry, false)
      } catch (err) {
        next(err)
      }
    }

  localInvalidators.add(invalidate)
  return { middleware, invalidate, stats, size: () => cache.size, dispose: () => localInvalidators.delete(invalidate) }
}
