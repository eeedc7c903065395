import type { Endpoint, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { generateOpenApi, schemaName, type CollectionLike, type EndpointDoc, type PublicCollection, type WritableCollection } from '../lib/openapi'
import { endpointDocs } from '../lib/openapiEndpoints'
import { ROLES } from '../lib/roles'

const errors = { $ref: '#/components/schemas/Errors' }
const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } })

/** `/service-points/:id/poster` and `/service-points/:anything/poster` are the same route. */
const routeKey = (method: string, path: string) =>
  `${method.toLowerCase()} ${path.replace(/:[A-Za-z0-9_]+|\{[A-Za-z0-9_]+\}/g, ':').replace(/(.)\/$/, '$1')}`

/** The request as an anonymous citizen would make it: access rules are asked with no user. */
const anonymous = (req: PayloadRequest): PayloadRequest => ({ ...req, user: null, context: {} }) as PayloadRequest

/**
 * An officer holding every role, of an agency and service point that do not exist: a write that
 * even this officer is refused (audit log entries, workflow transitions) is nobody's, and is left
 * out of the description; rules limited to the officer's own unit answer a filter, not `false`.
 */
const everyRole = (req: PayloadRequest): PayloadRequest =>
  ({ ...req, user: { id: -1, collection: 'users', roles: [...ROLES], agency: -1, servicePoint: -1 }, context: {} }) as unknown as PayloadRequest

type Operation = 'read' | 'create' | 'update' | 'delete'

async function accessFor(collection: SanitizedCollectionConfig, operation: Operation, req: PayloadRequest) {
  const access = collection.access?.[operation]
  if (!access) return false
  try {
    return await access({ req } as never)
  } catch {
    return false
  }
}
const anonymousAccess = (collection: SanitizedCollectionConfig, operation: Operation, req: PayloadRequest) => accessFor(collection, operation, anonymous(req))
/** Whether some officer may: anything but a plain `false` (a filter, or an error from a rule that needs a real officer). */
async function someOfficerMay(collection: SanitizedCollectionConfig, operation: Operation, req: PayloadRequest) {
  const access = collection.access?.[operation]
  if (!access) return false
  try {
    return (await access({ req: everyRole(req) } as never)) !== false
  } catch {
    return true
  }
}

/** GET /api/openapi.json: the public read API, generated from the live collection configs. */
export const openApiEndpoint: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: async (req) => {
    const config = req.payload.config
    const collections: PublicCollection[] = []
    const writable: WritableCollection[] = []
    const extra: EndpointDoc[] = []
    for (const collection of config.collections) {
      if (collection.slug.startsWith('payload-')) continue
      const read = await anonymousAccess(collection, 'read', req)
      if (read) collections.push({ config: collection as unknown as CollectionLike, readRule: read === true ? true : (read as Record<string, unknown>) })
      // What officers write over REST: the same routes with an officer session, bodies from the fields.
      const [create, update, remove] = await Promise.all((['create', 'update', 'delete'] as const).map((op) => someOfficerMay(collection, op, req)))
      if (create || update || remove) writable.push({ config: collection as unknown as CollectionLike, create, update, delete: remove })
      // Public writes (a citizen's survey answer) are part of the public surface too.
      if (!collection.auth && (await anonymousAccess(collection, 'create', req)) === true) {
        extra.push({
          method: 'post',
          path: `/${collection.slug}`,
          tags: [collection.slug],
          summary: `Create a ${collection.slug} document (no login)`,
          requestBody: { required: true, ...json({ $ref: `#/components/schemas/${schemaName(collection.slug)}` }) },
          access: 'public',
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
    for (const doc of endpointDocs()) {
      const key = routeKey(doc.method, doc.path)
      if (registered.has(key) && !documented.has(key)) endpoints.push(doc)
    }
    endpoints.push(...extra.filter((doc) => !documented.has(routeKey(doc.method, doc.path))))

    const document = generateOpenApi({
      title: 'info.go.th public API (ศูนย์ข้อมูลการติดต่อราชการ)',
      version: '1.0.0',
      description:
        'Generated from the collection configs: every collection an anonymous reader may read, with the filter that applies to it, ' +
        'the public endpoints (no login), and the officer operations (marked with security: an officer session, the payload-token cookie ' +
        'or Authorization: JWT <token>; which role and agency may is in the README). Errors: { errors: [{ message, data: { errors: [{ path, message }] } }] }, ' +
        'each message in Thai then English and, for a field, naming what it must be.',
      serverUrl: config.serverURL || undefined,
      collections,
      endpoints,
      writable,
    })
    return Response.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } })
  },
}
