import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import type { SurveyAnswer } from '../../lib/surveyRules'

/** A rating that passed validation, waiting to be stored. */
export type PendingRating = {
  servicePoint: number
  manual: number | null
  questionSet: number
  answers: SurveyAnswer[]
  comment: string
  channel: 'form' | 'api'
  suspect: boolean
  dedupeKey: string
  /** The same rating's key in the previous time bucket (see src/lib/surveyGuard.ts). */
  previousDedupeKey: string
}

export type WriteOutcome =
  | { status: 'stored'; id: number; createdAt: string; agency: number | null }
  | { status: 'duplicate' }
  | { status: 'service-point-unavailable' }

type Waiting = { rating: PendingRating; resolve: (o: WriteOutcome) => void; reject: (e: unknown) => void }
type PgClient = { query: (text: string, values?: unknown[]) => Promise<{ rows: any[] }>; release: (err?: Error | boolean) => void }
type PgPool = { connect: () => Promise<PgClient> }

const MAX_BATCH = 500

/**
 * Group commit for ratings. Each request waits until its rating is committed (a 201 means
 * stored), but ratings that arrive while a write is in flight go to the database together in
 * the next one: three statements and one commit for the whole batch instead of a Payload
 * create (a transaction, several statements and a read-back) per rating. The service point's
 * visibility is checked inside the batch, against the database, not a cache.
 *
 * Rows are written to the tables Payload built for `survey-responses` (Payload reads them as
 * usual); the intake endpoint validates with the same rules as the collection's fields.
 */
export class RatingWriter {
  private queue: Waiting[] = []
  private running = false

  constructor(private readonly pool: PgPool) {}

  submit(rating: PendingRating): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rating, resolve, reject })
      if (!this.running) {
        this.running = true
        // Let the ratings already in this tick's I/O join the first batch.
        setImmediate(() => void this.drain())
      }
    })
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH)
        try {
          const outcomes = await this.write(batch.map((w) => w.rating))
          batch.forEach((w, i) => w.resolve(outcomes[i]))
        } catch (err) {
          batch.forEach((w) => w.reject(err))
        }
      }
    } finally {
      this.running = false
    }
  }

  private async write(ratings: PendingRating[]): Promise<WriteOutcome[]> {
    const client = await this.pool.connect()
    let failed: Error | undefined
    try {
      const spIds = [...new Set(ratings.map((r) => r.servicePoint))]
      const open = await client.query(
        `SELECT id, agency_id FROM service_points WHERE id = ANY($1::int[]) AND visible = true AND status = 'active'`,
        [spIds],
      )
      const agencyOf = new Map<number, number | null>(open.rows.map((r) => [Number(r.id), r.agency_id === null ? null : Number(r.agency_id)]))
      const keys = ratings.flatMap((r) => [r.dedupeKey, r.previousDedupeKey])
      const seenRows = await client.query(`SELECT dedupe_key FROM survey_responses WHERE dedupe_key = ANY($1::text[])`, [keys])
      const seen = new Set<string>(seenRows.rows.map((r) => r.dedupe_key))

      const outcomes: WriteOutcome[] = new Array(ratings.length)
      const toInsert: number[] = []
      ratings.forEach((r, i) => {
        if (!agencyOf.has(r.servicePoint)) outcomes[i] = { status: 'service-point-unavailable' }
        else if (seen.has(r.dedupeKey) || seen.has(r.previousDedupeKey)) outcomes[i] = { status: 'duplicate' }
        else {
          seen.add(r.dedupeKey)
          toInsert.push(i)
        }
      })
      if (!toInsert.length) return outcomes

      const rows = toInsert.map((i) => ratings[i])
      await client.query('BEGIN')
      const inserted = await client.query(
        `INSERT INTO survey_responses
           (service_point_id, agency_id, manual_id, question_set_id, comment, channel, suspect, dedupe_key, updated_at, created_at)
         SELECT u.sp, u.agency, u.manual, u.qs, u.comment, u.channel::enum_survey_responses_channel, u.suspect, u.dedupe, now(), now()
           FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::bool[], $8::text[])
             AS u(sp, agency, manual, qs, comment, channel, suspect, dedupe)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, dedupe_key, created_at`,
        [
          rows.map((r) => r.servicePoint),
          rows.map((r) => agencyOf.get(r.servicePoint) ?? null),
          rows.map((r) => r.manual),
          rows.map((r) => r.questionSet),
          rows.map((r) => r.comment || null),
          rows.map((r) => r.channel),
          rows.map((r) => r.suspect),
          rows.map((r) => r.dedupeKey),
        ],
      )
      const byKey = new Map<string, { id: number; createdAt: string }>(
        inserted.rows.map((r) => [r.dedupe_key, { id: Number(r.id), createdAt: new Date(r.created_at).toISOString() }]),
      )
      const order: number[] = []
      const parents: number[] = []
      const ids: string[] = []
      const questions: string[] = []
      const scores: number[] = []
      for (const r of rows) {
        const parent = byKey.get(r.dedupeKey)
        if (!parent) continue
        r.answers.forEach((a, i) => {
          order.push(i + 1)
          parents.push(parent.id)
          // Payload's array rows carry a 24-hex id (an ObjectId's shape).
          ids.push(randomBytes(12).toString('hex'))
          questions.push(a.question)
          scores.push(a.score)
        })
      }
      if (parents.length) {
        await client.query(
          `INSERT INTO survey_responses_answers (_order, _parent_id, id, question, score)
           SELECT * FROM unnest($1::int[], $2::int[], $3::varchar[], $4::varchar[], $5::numeric[])`,
          [order, parents, ids, questions, scores],
        )
      }
      await client.query('COMMIT')
      toInsert.forEach((i) => {
        const parent = byKey.get(ratings[i].dedupeKey)
        // Lost a race with another instance for the same key: that one stored it.
        outcomes[i] = parent
          ? { status: 'stored', id: parent.id, createdAt: parent.createdAt, agency: agencyOf.get(ratings[i].servicePoint) ?? null }
          : { status: 'duplicate' }
      })
      return outcomes
    } catch (err) {
      failed = err as Error
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release(failed)
    }
  }
}

const writers = new WeakMap<object, RatingWriter>()

export function ratingWriter(payload: Payload): RatingWriter {
  const pool = (payload.db as unknown as { pool: PgPool }).pool
  let writer = writers.get(pool)
  if (!writer) writers.set(pool, (writer = new RatingWriter(pool)))
  return writer
}
