/** `npm run seed`: loads the Thai demo data (idempotent). */
import '../src/server/defaultTimeZone'
import { getPayload } from 'payload'

import { ensureDatabase } from '../src/db/embedded'
import { closePayload } from '../src/server/shutdown'

const database = await ensureDatabase()
const { default: config } = await import('../src/payload.config')
const payload = await getPayload({ config })
// After the config: the seed imports Payload's database adapter (see src/server/app.ts).
const { seed } = await import('../src/server/seed')
const { created } = await seed(payload)
payload.logger.info(`Seed finished: ${created} documents created`)
await closePayload(payload)
await database.stop()
process.exit(0)
