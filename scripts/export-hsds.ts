/**
 * `npm run export:hsds [-- --out <dir>] [--base-url https://www.info.go.th]`
 * Writes the published catalogue as an Open Referral HSDS-style data package (docs/import-export.md).
 */
import '../src/server/defaultTimeZone'
import { getPayload } from 'payload'

import { ensureDatabase } from '../src/db/embedded'
import { exportHsds } from '../src/import/exportHsds'
import { loadPayloadConfig } from '../src/server/loadConfig'
import { closePayload } from '../src/server/shutdown'

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

const database = await ensureDatabase()
const config = await loadPayloadConfig()
const payload = await getPayload({ config })
const started = Date.now()
const { dir, counts } = await exportHsds(payload, { outDir: option('out') ?? 'hsds-export', publicBaseUrl: option('base-url') })
console.log(`HSDS data package written to ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s:`)
for (const [table, n] of Object.entries(counts)) console.log(`  ${table}.csv: ${n} rows`)
await closePayload(payload)
await database.stop()
process.exit(0)
