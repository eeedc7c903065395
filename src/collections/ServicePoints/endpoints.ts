import { sql } from '@payloadcms/db-postgres'
import type { Endpoint, Payload } from 'payload'
import { ValidationError } from 'payload'

import { bilingual } from '../../lib/messages'
import { NEARBY_DEFAULT_LIMIT, NEARBY_DEFAULT_RADIUS_KM, NEARBY_MAX_LIMIT, NEARBY_MAX_RADIUS_KM, parseNearbyQuery } from '../../lib/nearby'
import type { EndpointDoc } from '../../lib/openapi'

type Drizzle = { execute: (query: unknown) => Promise<{ rows: Array<Record<string, unknown>> }> }
const drizzleOf = (payload: Payload) => (payload.db as unknown as { drizzle: Drizzle }).drizzle

let extensionsReady: Promise<void> | null = null

/**
 * Distances come from PostgreSQL's `cube` + `earthdistance` (bundled with the embedded server; the
 * `point` field would need PostGIS, which it lacks). Created on first use, once per process:
 * `IF NOT EXISTS` makes it safe on every start. Production databases whose role may not create
 * extensions get them from a DBA or a migration (see docs/public-api.md, "Nearby").
 */
export function ensureGeoExtensions(payload: Payload): Promise<void> {
  extensionsReady ??= (async () => {
    const db = drizzleOf(payload)
    for (const name of ['cube', 'earthdistance']) {
      try {
        await db.execute(sql.raw(`CREATE EXTENSION IF NOT EXISTS ${name}`))
      } catch (err) {
        // Two processes creating it at once: one wins, the other sees a duplicate. Re-check.
        const { rows } = await db.execute(sql`SELECT 1 FROM pg_extension WHERE extname = ${name}`)
        if (!rows.length) throw err
      }
    }
  })().catch((err) => {
    extensionsReady = null
    throw err
  })
  return extensionsReady
}

export const nearbyDoc: EndpointDoc = {
  method: 'get',
  path: '/service-points/nearby',
  tags: ['service-points'],
  access: 'public',
  operationId: 'nearbyServicePoints',
  summary: 'Public service points near a place, nearest first (จุดบริการใกล้ฉัน)',
  description:
    'Only visible, active points with coordinates. Each document carries `distanceKm` (great-circle distance, km). Errors are field-level: path lat, lng, radiusKm or limit.',
  parameters: [
    { name: 'lat', in: 'query', required: true, schema: { type: 'number', minimum: 5.5, maximum: 20.5 } },
    { name: 'lng', in: 'query', required: true, schema: { type: 'number', minimum: 97.3, maximum: 105.7 } },
    { name: 'radiusKm', in: 'query', schema: { type: 'number', exclusiveMinimum: 0, maximum: NEARBY_MAX_RADIUS_KM, default: NEARBY_DEFAULT_RADIUS_KM } },
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: NEARBY_MAX_LIMIT, default: NEARBY_DEFAULT_LIMIT } },
    { name: 'depth', in: 'query', schema: { type: 'integer', minimum: 0, default: 1 } },
  ],
  responses: {
    200: {
      description: 'Points within the radius, nearest first',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              docs: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/ServicePoints' }, { type: 'object', properties: { distanceKm: { type: 'number' } } }] } },
              totalDocs: { type: 'integer' },
              limit: { type: 'integer' },
              radiusKm: { type: 'number' },
            },
          },
        },
      },
    },
    400: { description: 'Bad coordinates, radius or limit', content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } },
  },
}

/** GET /api/service-points/nearby?lat=&lng=&radiusKm=&limit= */
export const nearbyEndpoint: Endpoint = {
  path: '/nearby',
  method: 'get',
  custom: { openapi: nearbyDoc },
  handler: async (req) => {
    const params = Object.fromEntries(req.searchParams?.entries() ?? [])
    const parsed = parseNearbyQuery(params)
    if ('errors' in parsed) {
      throw new ValidationError({
        collection: 'service-points',
        errors: parsed.errors.map((e) => ({ path: e.path, message: bilingual(e.message.th, e.message.en) })),
        req,
      })
    }
    const { lat, lng, radiusKm, limit } = parsed.query
    await ensureGeoExtensions(req.payload)
    const meters = radiusKm * 1000
    // earth_box is a quick bounding cube; earth_distance then keeps the true circle.
    const { rows } = await drizzleOf(req.payload).execute(sql`
      SELECT id, earth_distance(ll_to_earth(location_lat, location_lng), ll_to_earth(${lat}, ${lng})) AS meters
      FROM service_points
      WHERE location_lat IS NOT NULL AND location_lng IS NOT NULL
        AND visible = true AND status = 'active'
        AND earth_box(ll_to_earth(${lat}, ${lng}), ${meters}) @> ll_to_earth(location_lat, location_lng)
        AND earth_distance(ll_to_earth(location_lat, location_lng), ll_to_earth(${lat}, ${lng})) <= ${meters}
      ORDER BY meters, id
      LIMIT ${limit}`)
    const distance = new Map(rows.map((r) => [String(r.id), Number(r.meters) / 1000]))
    const depth = Math.min(Math.max(Number(params.depth ?? 1) || 0, 0), 3)
    // Read through the collection with the caller's access, so hooks and field rules apply as for any read.
    const found = rows.length
      ? await req.payload.find({
          collection: 'service-points',
          where: { id: { in: rows.map((r) => r.id as number) } },
          depth,
          limit: rows.length,
          pagination: false,
          overrideAccess: false,
          req,
        })
      : { docs: [] }
    const docs = found.docs
      .map((doc) => ({ ...doc, distanceKm: Math.round((distance.get(String(doc.id)) ?? 0) * 1000) / 1000 }))
      .sort((a, b) => a.distanceKm - b.distanceKm || Number(a.id) - Number(b.id))
    return Response.json({ docs, totalDocs: docs.length, limit, radiusKm, center: { lat, lng } })
  },
}
