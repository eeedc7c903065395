/** `npm run seed`: loads the Thai demo data (idempotent). */
import { getPayload } from 'payload'

import { ensureDatabase } from '../src/db/embedded'
import { seed } from '../src/server/seed'
import { closePayload } from '../src/server/shutdown'

const database = await ensureDatabase()
const { default: config } = await import('../src/payload.config')
const payload = await getPayload({ config })
const { created } = await seed(payload)
payload.logger.info(`Seed finished: ${created} documents created`)
await closePayload(payload)
await database.stop()
process.exit(0)
