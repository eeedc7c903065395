import { headersWithCors, type Payload, type PayloadRequest } from 'payload'

/**
 * Payload's CORS headers (config.cors) for a request from `origin`: the answers Express gives
 * without Payload's router (read model, citizens' search, rating intake) carry what Payload's own
 * answer would.
 */
export function payloadCorsHeaders(payload: Payload, origin: string | null | undefined): Array<[string, string]> {
  const headers = new Headers()
  headersWithCors({ headers, req: { payload, headers: new Headers(origin ? { origin } : {}) } as unknown as PayloadRequest })
  return [...headers.entries()]
}
