import type { Payload } from 'payload'
import pg from 'pg'

/**
 * Payload 3.90 claims queued jobs with a find, then an update (not atomic): two instances running
 * the queue at the same moment can both take a job. Every instance's cron fires at the same second,
 * so only the instance holding this PostgreSQL advisory lock runs the queue (config.jobs.shouldAutoRun).
 * The lock lives on a dedicated connection: when that instance dies, its connection drops, the lock
 * is released and another instance takes over at its next tick.
 */
export const JOBS_LOCK_KEY = 25580720 // any constant, the same on every instance

let runsQueue = false

/**
 * server.ts opts its process into running the queue, before it serves anything. Payload starts
 * the crons from every REST request (createPayloadRequest asks getPayload for them), not only
 * where `getPayload({ cron: true })` is called, so the config itself must say "no crons" in every
 * other process: the tests' in-process servers, scripts, and instances with JOBS_AUTORUN=false.
 */
export function runJobsQueueInThisProcess(): void {
  runsQueue = true
}

/** config.jobs.autoRun: the queue's cron in a process that opted in, none elsewhere. */
export const jobsAutoRun = () => (runsQueue ? [{ cron: process.env.JOBS_CRON || '* * * * *', allQueues: true }] : [])

let client: pg.Client | null = null
let leader = false

export async function holdsJobsLock(payload: Payload): Promise<boolean> {
  if (leader && client) return true
  const connectionString = (payload.db as unknown as { poolOptions?: { connectionString?: string } }).poolOptions?.connectionString ?? process.env.DATABASE_URL
  // Named, so pg_stat_activity shows which process runs the queue.
  const c = new pg.Client({ connectionString, application_name: `infogo jobs leader (pid ${process.pid})` })
  c.on('error', () => undefined)
  try {
    await c.connect()
    const { rows } = await c.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [JOBS_LOCK_KEY])
    if (!rows[0]?.locked) {
      await c.end()
      return false
    }
    c.on('end', () => {
      if (client === c) (client = null), (leader = false)
    })
    client = c
    leader = true
    return true
  } catch {
    await c.end().catch(() => undefined)
    return false
  }
}

/** Gives up the lock (shutdown), so another instance takes over at once. */
export async function releaseJobsLock(): Promise<void> {
  const c = client
  client = null
  leader = false
  await c?.end().catch(() => undefined)
}
