/**
 * `npm run public:rebuild [-- manuals service-points ...]`: rebuilds the public snapshots (the read
 * model anonymous reads are answered from, src/services/publicSnapshots/) of every public
 * collection, or of those named, through Payload's find as an anonymous client (manuals' depth-1
 * bodies included, so stale ones are rebuilt too). Run it after
 * writing documents without Payload (SQL); the server also rebuilds stale collections on start.
 */
import '../src/server/defaultTimeZone'
import { getPayload } from 'payload'

import { ensureDatabase } from '../src/db/embedded'
import { loadPayloadConfig } from '../src/server/loadConfig'
import { closePayload } from '../src/server/shutdown'

const database = await ensureDatabase()
const config = await loadPayloadConfig()
const { rebuildPublicSnapshots } = await import('../src/services/publicSnapshots')
const payload = await getPayload({ config })
const collections = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const started = Date.now()
const report = await rebuildPublicSnapshots(payload, {
  collections: collections.length ? collections : undefined,
  log: (message) => process.stderr.write(`${message}\n`),
})
payload.logger.info(`Public snapshots rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(report)}`)
await closePayload(payload)
await database.stop()
process.exit(0)
