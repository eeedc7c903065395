import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { SanitizedConfig } from 'payload'
import { handleEndpoints } from 'payload'
import { Readable } from 'node:stream'

/**
 * Serves Payload's REST API straight from Express: the same handler the generated Next route
 * calls (`handleEndpoints`), without a trip through Next's router. Express must not parse the
 * body first: Payload reads the raw stream.
 */
export function payloadRestHandler(config: Promise<SanitizedConfig> | SanitizedConfig) {
  return async (req: ExpressRequest, res: ExpressResponse) => {
    const url = new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`)
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
      else if (value !== undefined) headers.set(key, value)
    }
    // Behind a proxy the client address arrives in X-Forwarded-For; otherwise use the socket's.
    if (!headers.has('x-forwarded-for') && req.socket.remoteAddress) {
      headers.set('x-forwarded-for', req.socket.remoteAddress)
    }
    const hasBody = !['GET', 'HEAD'].includes(req.method)
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      // @ts-expect-error Node's fetch needs duplex for a streamed body
      duplex: hasBody ? 'half' : undefined,
    })
    const response = await handleEndpoints({ config, request })
    res.status(response.status)
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') res.setHeader(key, value)
    })
    const cookies = response.headers.getSetCookie()
    if (cookies.length) res.setHeader('set-cookie', cookies)
    if (!response.body || req.method === 'HEAD') {
      res.end()
      return
    }
    Readable.fromWeb(response.body as never).pipe(res)
  }
}
