/**
 * Runs a command against the project's database: the embedded PostgreSQL when DATABASE_URL is
 * unset (started for the command, stopped after), e.g. `tsx scripts/db.ts payload migrate:create`.
 */
import { spawn } from 'node:child_process'

import { ensureDatabase } from '../src/db/embedded'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: tsx scripts/db.ts <command> [args...]')
  process.exit(2)
}
const database = await ensureDatabase()
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: database.url }, shell: false })
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
await database.stop()
process.exit(code)
