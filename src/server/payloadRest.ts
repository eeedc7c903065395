import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { Readable } from 'node:stream'

/** An Express request as the Web `Request` Payload's handlers take (body streamed, not parsed). */
export function toWebRequest(req: ExpressRequest): Request {
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
  // The address Express trusts (TRUST_PROXY): rate limits key on it; a client cannot forge it.
  headers.set('x-infogo-client-ip', req.ip || req.socket.remoteAddress || 'unknown')
  const hasBody = !['GET', 'HEAD'].includes(req.method)
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // @ts-expect-error Node's fetch needs duplex for a streamed body
    duplex: hasBody ? 'half' : undefined,
  })
}

/** Copies a Web `Response` (status, headers, cookies, streamed body) onto Express's response. */
export function sendWebResponse(response: Response, res: ExpressResponse, method = 'GET'): void {
  res.status(response.status)
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') res.setHeader(key, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('set-cookie', cookies)
  if (!response.body || method === 'HEAD') {
    res.end()
    return
  }
  Readable.fromWeb(response.body as never).pipe(res)
}

/**
 * Serves a Web-Request handler from Express: Payload's REST API (`handleEndpoints`, the handler
 * the generated Next route calls) without a trip through Next's router. Express must not parse
 * the body first: Payload reads the raw stream.
 */
export function payloadRestHandler(handle: (request: Request) => Promise<Response>) {
  return async (req: ExpressRequest, res: ExpressResponse) => {
    const response = await handle(toWebRequest(req))
    sendWebResponse(response, res, req.method)
  }
}
