import type { Payload } from 'payload'

import { STANDARD_QUESTION_SET } from '../../data/standardQuestionSet'
import type { SurveyQuestion } from '../../lib/surveyRules'

export type QuestionSet = {
  id: number
  version: number
  title: string
  active: boolean
  retiredAt: string | null
  questions: SurveyQuestion[]
}

/**
 * The intake reads question sets on every rating; they change a few times a year. Each instance
 * keeps them for SURVEY_CACHE_TTL_MS (default 10 s) and forgets them at once when a set changes
 * on this instance, so an activation reaches every instance within that time.
 */
const ttl = () => Number(process.env.SURVEY_CACHE_TTL_MS ?? 10_000)
let cache: { at: number; active: QuestionSet | null; byId: Map<number, QuestionSet> } | null = null

export function forgetQuestionSets(): void {
  cache = null
}

const toSet = (doc: Record<string, any>): QuestionSet => ({
  id: Number(doc.id),
  version: Number(doc.version ?? 0),
  title: String(doc.title ?? ''),
  active: Boolean(doc.active),
  retiredAt: doc.retiredAt ?? null,
  questions: (doc.questions ?? []).map((q: SurveyQuestion) => ({ key: q.key, text: q.text, textEn: q.textEn ?? '' })),
})

function fresh() {
  if (!cache || Date.now() - cache.at > ttl()) cache = { at: Date.now(), active: null, byId: new Map() }
  return cache
}

let loadingActive: Promise<QuestionSet | null> | null = null

/** The set new ratings answer, or null while OPDC has activated none. */
export async function activeQuestionSet(payload: Payload): Promise<QuestionSet | null> {
  const c = fresh()
  if (c.active) return c.active
  loadingActive ??= payload
    .find({ collection: 'survey-question-sets', where: { active: { equals: true } }, sort: '-version', limit: 1, depth: 0, overrideAccess: true })
    .then((r) => {
      const set = r.docs[0] ? toSet(r.docs[0]) : null
      if (set && cache === c) {
        c.active = set
        c.byId.set(set.id, set)
      }
      return set
    })
    .finally(() => {
      loadingActive = null
    })
  return loadingActive
}

export async function questionSetById(payload: Payload, id: number): Promise<QuestionSet | null> {
  const c = fresh()
  const hit = c.byId.get(id)
  if (hit) return hit
  const found = await payload.find({ collection: 'survey-question-sets', where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: true })
  const set = found.docs[0] ? toSet(found.docs[0]) : null
  if (set && cache === c) c.byId.set(id, set)
  return set
}

/**
 * A page opened just before OPDC activated a new set still sends the old set's questions:
 * those ratings count against the set they answered for SURVEY_SET_GRACE_MINUTES (default 120).
 */
export function acceptsRatings(set: QuestionSet, now = Date.now()): boolean {
  if (set.active) return true
  if (!set.retiredAt) return false
  const graceMs = Number(process.env.SURVEY_SET_GRACE_MINUTES ?? 120) * 60_000
  return now - new Date(set.retiredAt).getTime() <= graceMs
}

/** Any constant, the same in every process: ensureQuestionSet's turn (pg advisory lock). */
const ENSURE_LOCK_KEY = 25580101

/**
 * Creates OPDC's standard set (src/data/standardQuestionSet.ts) as the active version 1 when the
 * database has no set at all, through the Local API (hooks run). Production gets it from the
 * migration; this serves databases whose schema is pushed (development, tests): the demo seed
 * and every start of server.ts outside production. Two processes starting on one empty database
 * take turns on an advisory lock, so they create one set between them. Idempotent.
 */
export async function ensureQuestionSet(payload: Payload): Promise<boolean> {
  const pool = (payload.db as unknown as { pool: { connect: () => Promise<LockClient> } }).pool
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ENSURE_LOCK_KEY])
    const existing = await payload.count({ collection: 'survey-question-sets', overrideAccess: true })
    if (existing.totalDocs > 0) return false
    await payload.create({
      collection: 'survey-question-sets',
      data: { ...STANDARD_QUESTION_SET, questions: STANDARD_QUESTION_SET.questions.map((q) => ({ ...q })), active: true },
      overrideAccess: true,
      context: { systemWrite: true },
    })
    return true
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ENSURE_LOCK_KEY]).catch(() => undefined)
    client.release()
  }
}

type LockClient = { query: (text: string, values?: unknown[]) => Promise<unknown>; release: () => void }
