import type { Endpoint, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { generateOpenApi, schemaName, type CollectionLike, type EndpointDoc, type PublicCollection } from '../lib/openapi'

const errors = { $ref: '#/components/schemas/Errors' }
const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } })
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, required = false) => ({
  name,
  in: 'query',
  description,
  required,
  schema,
})

/**
 * Public routes of ../shared/API.md that other modules implement. Each is documented only when
 * that route is actually registered in the running config. An endpoint may also describe itself
 * with `custom: { openapi: EndpointDoc }` (as /service-points/nearby does).
 */
const KNOWN_PUBLIC_ENDPOINTS: EndpointDoc[] = [
  {
    method: 'get',
    path: '/site-search',
    tags: ['search'],
    summary: 'Ranked search over published manuals, other services, service points and agencies',
    parameters: [
      q('q', 'Search text; Thai without spaces is matched by words', { type: 'string' }, true),
      q('type', 'manual | other-service | service-point | agency'),
      q('agency', 'Agency id'),
      q('province', 'Province (Thai name)'),
      q('tag', 'Tag id'),
      q('page', 'Page, from 1', { type: 'integer', minimum: 1 }),
      q('limit', 'Results per page', { type: 'integer', minimum: 1 }),
    ],
    responses: { 200: { description: '{ docs: [{ id, type, title, agency, snippet, score }], totalDocs, page, limit }' }, 400: { description: 'Bad query', ...json(errors) } },
  },
  {
    method: 'get',
    path: '/survey-responses/summary',
    tags: ['survey-responses'],
    summary: 'Aggregate satisfaction scores',
    parameters: [q('servicePoint', 'Service point id'), q('agency', 'Agency id'), q('from', 'From date (ISO)'), q('to', 'To date (ISO)')],
  },
  {
    method: 'get',
    path: '/delay-notices/track',
    tags: ['delay-notices'],
    summary: 'Public status of one delayed application, without personal data',
    parameters: [q('code', 'Tracking code', { type: 'string' }, true)],
  },
  {
    method: 'get',
    path: '/service-points/:id/poster',
    tags: ['service-points'],
    summary: 'QR-code poster of a service point (the QR encodes the public rating URL)',
    parameters: [q('format', 'png | pdf', { type: 'string', enum: ['png', 'pdf'] })],
    responses: { 200: { description: 'PNG or PDF' }, 404: { description: 'No such public service point', ...json(errors) } },
  },
  {
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness: 200 when the database answers, 503 when not',
    responses: { 200: { description: 'Up' }, 503: { description: 'Database down' } },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tags: ['system'],
    summary: 'This description (OpenAPI 3.1), generated from the collection configs',
    responses: { 200: { description: 'OpenAPI document' } },
  },
]

/** `/service-points/:id/poster` and `/service-points/:anything/poster` are the same route. */
const routeKey = (method: string, path: string) => `${method.toLowerCase()} ${path.replace(/:[A-Za-z0-9_]+/g, ':')}`

/** The request as an anonymous citizen would make it: access rules are asked with no user. */
const anonymous = (req: PayloadRequest): PayloadRequest => ({ ...req, user: null, context: {} }) as PayloadRequest

async function anonymousAccess(collection: SanitizedCollectionConfig, operation: 'read' | 'create', req: PayloadRequest) {
  const access = collection.access?.[operation]
  if (!access) return false
  try {
    return await access({ req: anonymous(req) } as never)
  } catch {
    return false
  }
}

/** GET /api/openapi.json: the public read API, generated from the live collection configs. */
export const openApiEndpoint: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: async (req) => {
    const config = req.payload.config
    const collections: PublicCollection[] = []
    const extra: EndpointDoc[] = []
    for (const collection of config.collections) {
      if (collection.slug.startsWith('payload-')) continue
      const read = await anonymousAccess(collection, 'read', req)
      if (read) collections.push({ config: collection as unknown as CollectionLike, readRule: read === true ? true : (read as Record<string, unknown>) })
      // Public writes (a citizen's survey answer) are part of the public surface too.
      if (!collection.auth && (await anonymousAccess(collection, 'create', req)) === true) {
        extra.push({
          method: 'post',
          path: `/${collection.slug}`,
          tags: [collection.slug],
          summary: `Create a ${collection.slug} document (no login)`,
          requestBody: { required: true, ...json({ $ref: `#/components/schemas/${schemaName(collection.slug)}` }) },
          responses: { 201: { description: 'Created' }, 400: { description: 'Field errors', ...json(errors) }, 429: { description: 'Too many requests' } },
        })
      }
    }

    const registered = new Map<string, EndpointDoc | undefined>()
    const register = (method: string, path: string, custom: Record<string, unknown> | undefined) =>
      registered.set(routeKey(method, path), custom?.openapi as EndpointDoc | undefined)
    for (const endpoint of Array.isArray(config.endpoints) ? config.endpoints : []) register(endpoint.method, endpoint.path, endpoint.custom)
    for (const collection of config.collections) {
      for (const endpoint of Array.isArray(collection.endpoints) ? collection.endpoints : [])
        register(endpoint.method, `/${collection.slug}${endpoint.path}`, endpoint.custom)
    }
    const documented = new Set<string>()
    const endpoints: EndpointDoc[] = []
    for (const [key, doc] of registered) {
      if (doc) {
        endpoints.push(doc)
        documented.add(key)
      }
    }
    for (const doc of KNOWN_PUBLIC_ENDPOINTS) {
      const key = routeKey(doc.method, doc.path)
      if (registered.has(key) && !documented.has(key)) endpoints.push(doc)
    }
    endpoints.push(...extra.filter((doc) => !documented.has(routeKey(doc.method, doc.path))))

    const document = generateOpenApi({
      title: 'info.go.th public API (ศูนย์ข้อมูลการติดต่อราชการ)',
      version: '1.0.0',
      description:
        'What anyone may read without logging in. Generated from the collection configs: every collection an anonymous ' +
        'reader may read, with the filter that applies to it, and the public endpoints. Errors: { errors: [{ message, data? }] }, messages in Thai and English.',
      serverUrl: config.serverURL || undefined,
      collections,
      endpoints,
    })
    return Response.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } })
  },
}
