/**
 * `npm run search:reindex`: rebuilds the site-search index from the published documents, e.g.
 * after a bulk import, an agency or tag rename, or a change to the tokenizer.
 */
import '../src/server/defaultTimeZone'
import { createLocalReq, getPayload } from 'payload'

import { ensureDatabase } from '../src/db/embedded'
import { reindexAll } from '../src/search/documents'
import { loadPayloadConfig } from '../src/server/loadConfig'
import { closePayload } from '../src/server/shutdown'

const database = await ensureDatabase()
const config = await loadPayloadConfig()
const payload = await getPayload({ config })
const started = Date.now()
const req = await createLocalReq({ context: { systemWrite: true } }, payload)
const written = await reindexAll(payload, req)
payload.logger.info(`Search index rebuilt in ${Date.now() - started} ms: ${JSON.stringify(written)}`)
await closePayload(payload)
await database.stop()
process.exit(0)
