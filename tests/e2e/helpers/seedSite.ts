/**
 * Seeds the browser tests' database (DATABASE_URL) with the Thai demo data and one delay case,
 * then prints, as its last output line, the ids the tests navigate by (JSON). Run with tsx before
 * the production server starts, so the schema push and the seed never race the server.
 */
import { getPayload } from 'payload'

import { loadPayloadConfig } from '../../../src/server/loadConfig'
import { closePayload } from '../../../src/server/shutdown'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const

// Through loadPayloadConfig, as every entry point (src/server/loadConfig.ts; checked for this file
// too by tests/unit/dependencies.test.ts).
const config = await loadPayloadConfig()
const payload = await getPayload({ config })
const { seed } = await import('../../../src/server/seed')
await seed(payload)

// A published manual offered at a visible, active service point: the search → manual → point path.
const points = await payload.find({
  collection: 'service-points',
  where: { and: [{ visible: { equals: true } }, { status: { equals: 'active' } }] },
  depth: 0,
  limit: 100,
  sort: 'id',
  ...SYSTEM,
})
const point = points.docs.find((p) => (p.manuals ?? []).length > 0)
if (!point) throw new Error('the demo data has no visible service point with a pinned manual')
const manualIds = (point.manuals ?? []).map((m: unknown) => (m && typeof m === 'object' ? (m as { id: number }).id : (m as number)))
const manuals = await payload.find({
  collection: 'manuals',
  where: { and: [{ id: { in: manualIds } }, { _status: { equals: 'published' } }] },
  depth: 0,
  limit: 1,
  ...SYSTEM,
})
const manual = manuals.docs[0]
if (!manual) throw new Error(`service point ${point.id} pins no published manual`)
const processId = typeof manual.process === 'object' ? manual.process.id : manual.process

const delay = await payload.create({
  collection: 'delay-notices',
  data: {
    process: processId,
    manual: manual.id,
    servicePoint: point.id,
    receivedAt: new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString(),
    applicant: { name: 'นายทดสอบ ระบบ', phone: '081-000-0000' },
    reason: 'รอผลตรวจสอบจากหน่วยงานอื่น',
  } as never,
  depth: 0,
  ...SYSTEM,
})

const fixtures = {
  manualId: manual.id,
  manualTitle: manual.title,
  servicePointId: point.id,
  servicePointName: point.name,
  trackingCode: (delay as { trackingCode?: string }).trackingCode,
}
await closePayload(payload)
process.stdout.write(`\nSEED_FIXTURES ${JSON.stringify(fixtures)}\n`)
process.exit(0)
