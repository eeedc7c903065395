/** `npm run seed`: loads the Thai demo data (idempotent). */
import '../src/server/defaultTimeZone'
import { getPayload } from 'payload'

import { ensureDatabase } from '../src/db/embedded'
import { loadPayloadConfig } from '../src/server/loadConfig'
import { closePayload } from '../src/server/shutdown'

const database = await ensureDatabase()
const config = await loadPayloadConfig()
const payload = await getPayload({ config })
const { seed } = await import('../src/server/seed')
const { created } = await seed(payload)
payload.logger.info(`Seed finished: ${created} documents created`)
await closePayload(payload)
await database.stop()
process.exit(0)
