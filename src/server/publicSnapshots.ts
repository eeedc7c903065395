/**
 * Serving public snapshots (src/services/publicSnapshots/: the read model, how it is kept and
 * rebuilt) to Express: anonymous GETs of exact shapes under /api answered from one query, with
 * Payload's CORS headers, an ETag and X-Cache: SNAPSHOT; everything else goes on to the public
 * cache and Payload.
 */
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { Payload } from 'payload'

import { etagOf, isAnonymousHeaders, parsePublicRead } from '../lib/publicQuery'
import { payloadCorsHeaders } from '../services/cors'
import { createSnapshotReader, ensureTruncateTriggers, rebuildStaleSnapshots } from '../services/publicSnapshots'

export type PublicSnapshots = {
  /** Express middleware for /api: answers the shapes it can, else next(). */
  middleware: (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void
  stats: { served: number; passed: number; refreshed: number }
  /** Tables and triggers exist (awaited by the server before listening). */
  ready: Promise<void>
  /** The background rebuild of stale collections started at creation, if any. */
  rebuilding: Promise<void>
  close: () => Promise<void>
}

/**
 * The read side. `enabled` is asked per request (default: PUBLIC_SNAPSHOTS !== 'off'), so a test
 * can compare the fast path's answer with Payload's own for the same URL. With `rebuildStale`
 * (default outside tests), collections whose snapshots are missing or stale are rebuilt in the
 * background by one instance (advisory lock); their reads go to Payload until then.
 */
export function createPublicSnapshots(
  payload: Payload,
  options: { enabled?: () => boolean; rebuildStale?: boolean } = {},
): PublicSnapshots {
  const enabled = options.enabled ?? (() => process.env.PUBLIC_SNAPSHOTS !== 'off')
  const stats = { served: 0, passed: 0, refreshed: 0 }
  let stopping = false

  const reader = createSnapshotReader(payload, {
    onRefreshed: (count) => {
      stats.refreshed += count
    },
  })

  const ready = ensureTruncateTriggers(payload)
  const rebuildStale = options.rebuildStale ?? (process.env.NODE_ENV !== 'test' && enabled())
  const rebuilding = rebuildStale
    ? ready.then(
        () => rebuildStaleSnapshots(payload, () => stopping),
        (err: Error) => {
          if (!stopping) payload.logger.error(`public snapshots: background rebuild failed: ${err.message}`)
        },
      )
    : Promise.resolve()

  // Payload's CORS headers for a request without Origin (computed once; with Origin, per request).
  const corsFor = (origin: string | undefined) => payloadCorsHeaders(payload, origin)
  const plainCors = corsFor(undefined)

  const middleware = (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method !== 'GET' || !enabled() || !isAnonymousHeaders(req.headers)) return next()
    const q = req.originalUrl.indexOf('?')
    const read = parsePublicRead(req.path, q < 0 ? '' : req.originalUrl.slice(q + 1), reader.specs)
    if (!read) return next()
    reader.answer(read).then(
      (body) => {
        if (body === null) {
          stats.passed += 1
          return next()
        }
        stats.served += 1
        const origin = req.headers.origin
        for (const [k, v] of origin ? corsFor(origin) : plainCors) res.setHeader(k, v)
        const etag = etagOf(body)
        res.setHeader('Content-Type', 'application/json')
        res.setHeader('ETag', etag)
        res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate')
        res.setHeader('X-Cache', 'SNAPSHOT')
        if (req.headers['if-none-match'] === etag) {
          res.status(304).end()
          return
        }
        res.status(200).end(body)
      },
      (err: Error) => {
        // A database hiccup: Payload answers (and reports) it the usual way.
        payload.logger.warn(`public snapshots: ${err.message}`)
        stats.passed += 1
        next()
      },
    )
  }

  return {
    middleware,
    stats,
    ready,
    rebuilding,
    close: async () => {
      stopping = true
      const readerClosed = reader.close()
      await ready.catch(() => undefined)
      await rebuilding
      await readerClosed
    },
  }
}
