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
 * the next one: two round trips per batch (a read, then one atomic write statement) instead of
 * a Payload create (a transaction, several statements and a read-back) per rating. The service
 * point's visibility is checked inside the batch, against the database, not a cache.
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
    // One connection for as long as ratings keep coming: no wait for the pool between batches.
    let client: PgClient | null = null
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH)
        try {
          client ??= await this.pool.connect()
          const outcomes = await this.write(client, batch.map((w) => w.rating))
          batch.forEach((w, i) => w.resolve(outcomes[i]))
        } catch (err) {
          batch.forEach((w) => w.reject(err))
          release(client, err as Error)
          client = null
        }
      }
    } finally {
      release(client)
      this.running = false
    }
  }

  /** Two round trips per batch: one read (open service points, seen keys), one atomic write. */
  private async write(client: PgClient, ratings: PendingRating[]): Promise<WriteOutcome[]> {
    const spIds = [...new Set(ratings.map((r) => r.servicePoint))]
    const keys = ratings.flatMap((r) => [r.dedupeKey, r.previousDedupeKey])
    const known = await client.query(
      `SELECT 'open' AS kind, id::text AS key, agency_id FROM service_points
        WHERE id = ANY($1::int[]) AND visible = true AND status = 'active'
       UNION ALL
       SELECT 'seen', dedupe_key, NULL FROM survey_responses WHERE dedupe_key = ANY($2::text[])`,
      [spIds, keys],
    )
    const agencyOf = new Map<number, number | null>()
    const seen = new Set<string>()
    for (const row of known.rows) {
      if (row.kind === 'open') agencyOf.set(Number(row.key), row.agency_id === null ? null : Number(row.agency_id))
      else seen.add(row.key)
    }

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
    const answers = { dedupe: [] as string[], order: [] as number[], ids: [] as string[], questions: [] as string[], scores: [] as number[] }
    for (const r of rows) {
      r.answers.forEach((a, i) => {
        answers.dedupe.push(r.dedupeKey)
        answers.order.push(i + 1)
        // Payload's array rows carry a 24-hex id (an ObjectId's shape).
        answers.ids.push(randomBytes(12).toString('hex'))
        answers.questions.push(a.question)
        answers.scores.push(a.score)
      })
    }
    // One statement, so one implicit transaction: a rating is stored with all its answers or not at all.
    const inserted = await client.query(
      `WITH parents AS (
         INSERT INTO survey_responses
           (service_point_id, agency_id, manual_id, question_set_id, comment, channel, suspect, dedupe_key, updated_at, created_at)
         SELECT u.sp, u.agency, u.manual, u.qs, u.comment, u.channel::enum_survey_responses_channel, u.suspect, u.dedupe, now(), now()
           FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::bool[], $8::text[])
             AS u(sp, agency, manual, qs, comment, channel, suspect, dedupe)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, dedupe_key, created_at
       ), answers AS (
         INSERT INTO survey_responses_answers (_order, _parent_id, id, question, score)
         SELECT a.ord, p.id, a.id, a.question, a.score
           FROM unnest($9::text[], $10::int[], $11::varchar[], $12::varchar[], $13::numeric[]) AS a(dedupe, ord, id, question, score)
           JOIN parents p ON p.dedupe_key = a.dedupe
       )
       SELECT id, dedupe_key, created_at FROM parents`,
      [
        rows.map((r) => r.servicePoint),
        rows.map((r) => agencyOf.get(r.servicePoint) ?? null),
        rows.map((r) => r.manual),
        rows.map((r) => r.questionSet),
        rows.map((r) => r.comment || null),
        rows.map((r) => r.channel),
        rows.map((r) => r.suspect),
        rows.map((r) => r.dedupeKey),
        answers.dedupe,
        answers.order,
        answers.ids,
        answers.questions,
        answers.scores,
      ],
    )
    const byKey = new Map<string, { id: number; createdAt: string }>(
      inserted.rows.map((r) => [r.dedupe_key, { id: Number(r.id), createdAt: new Date(r.created_at).toISOString() }]),
    )
    toInsert.forEach((i) => {
      const parent = byKey.get(ratings[i].dedupeKey)
      // Lost a race with another instance for the same key: that one stored it.
      outcomes[i] = parent
        ? { status: 'stored', id: parent.id, createdAt: parent.createdAt, agency: agencyOf.get(ratings[i].servicePoint) ?? null }
        : { status: 'duplicate' }
    })
    return outcomes
  }
}

function release(client: PgClient | null, err?: Error): void {
  try {
    client?.release(err)
  } catch {
    // Shutting down: closePayload() already released every checked-out client.
  }
}

const writers = new WeakMap<object, RatingWriter>()

export function ratingWriter(payload: Payload): RatingWriter {
  const pool = (payload.db as unknown as { pool: PgPool }).pool
  let writer = writers.get(pool)
  if (!writer) writers.set(pool, (writer = new RatingWriter(pool)))
  return writer
}
