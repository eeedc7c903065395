/**
 * infogo's HTTP server: Express hosting Payload's REST API, the Digital ID routes and Next
 * (admin at /admin). `npm run dev` and `npm start` both run this file.
 */
// First: Bangkok time (unless TZ is set) before any other module makes a Date.
import { processTimeZone } from './src/server/defaultTimeZone'
import { takeOverShutdownSignals } from './src/db/embedded'
import { createInfogoServer, type InfogoServer } from './src/server/app'
import { loadPayloadConfig } from './src/server/loadConfig'
import { loginSetupProblem } from './src/lib/localLogin'
import { runJobsQueueInThisProcess } from './src/services/jobsLeader'

const dev = process.env.NODE_ENV !== 'production'
if (!dev && !process.env.PAYLOAD_SECRET) {
  console.error('PAYLOAD_SECRET must be set in production (it signs officers\' sessions).')
  process.exit(1)
}
const port = Number(process.env.PORT || 3000)

let server: InfogoServer | undefined
let stopping = false
// Registered first, so a stop during start-up also closes what was opened.
const stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`${signal}: closing connections, then the database`)
  const timer = setTimeout(() => process.exit(1), 20000)
  timer.unref()
  await server?.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

const started = Date.now()
// Payload's jobs queue (delay-notice reminders, PDPA retention) runs on this process's cron
// (config.jobs.autoRun); JOBS_AUTORUN=false keeps an instance out of it.
if (process.env.JOBS_AUTORUN !== 'false') runJobsQueueInThisProcess()
server = await createInfogoServer({ withNext: process.env.INFOGO_NO_NEXT !== 'true', dev })

// Production's migrations ship OPDC's standard question set; a pushed (development) database gets
// it here, so ratings work on it as on a fresh installation (even with SEED=false or imported data).
if (dev) {
  const [{ ensureQuestionSet }, { seedIfEmpty }] = await Promise.all([
    import('./src/collections/SurveyQuestionSets/cache'),
    import('./src/server/seed'),
  ])
  await ensureQuestionSet(server.payload)
  if (process.env.SEED !== 'false') await seedIfEmpty(server.payload)
}

takeOverShutdownSignals()
await server.listen(port)
// Start the queue's cron now rather than at the first REST request.
if (process.env.JOBS_AUTORUN !== 'false') {
  const { getPayload } = await import('payload')
  await getPayload({ config: await loadPayloadConfig(), cron: true })
}
// A production start with no way to log in (ADMIN_EMAIL's admin included) says so plainly.
const loginProblem = loginSetupProblem()
if (loginProblem) server.payload.logger.warn(loginProblem)
server.payload.logger.info(`infogo ready in ${Date.now() - started} ms: http://localhost:${port}/admin (time zone ${processTimeZone()})`)

