/**
 * infogo's HTTP server: Express hosting Payload's REST API, the Digital ID routes and Next
 * (admin at /admin). `npm run dev` and `npm start` both run this file.
 */
import { createInfogoServer } from './src/server/app'
import { seedIfEmpty } from './src/server/seed'

const dev = process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT || 3000)

const started = Date.now()
const server = await createInfogoServer({ withNext: process.env.INFOGO_NO_NEXT !== 'true', dev })

if (dev && process.env.SEED !== 'false') await seedIfEmpty(server.payload)

await server.listen(port)
// Payload's jobs queue (delay-notice reminders, PDPA retention) runs on this process's crons
// (config.jobs.autoRun); JOBS_AUTORUN=false keeps an instance out of it. Tests never start them.
if (process.env.JOBS_AUTORUN !== 'false') {
  const { getPayload } = await import('payload')
  const { default: config } = await import('./src/payload.config')
  await getPayload({ config, cron: true })
}
server.payload.logger.info(`infogo ready in ${Date.now() - started} ms: http://localhost:${port}/admin`)

let stopping = false
const stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  server.payload.logger.info(`${signal}: closing connections, then the database`)
  const timer = setTimeout(() => process.exit(1), 20000)
  timer.unref()
  await server.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
