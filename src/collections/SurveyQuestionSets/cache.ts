import type { Payload } from 'payload'

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

/** The first set, used by the demo data and by a fresh installation. */
export const DEFAULT_QUESTION_SET = {
  title: 'แบบประเมินความพึงพอใจการรับบริการ (มาตรฐาน ก.พ.ร.)',
  active: true,
  questions: [
    { key: 'process', text: 'ความพึงพอใจต่อขั้นตอนและระยะเวลาการให้บริการ', textEn: 'Satisfaction with the steps and time taken' },
    { key: 'staff', text: 'ความพึงพอใจต่อเจ้าหน้าที่ผู้ให้บริการ', textEn: 'Satisfaction with the staff who served you' },
    { key: 'facilities', text: 'ความพึงพอใจต่อสิ่งอำนวยความสะดวก', textEn: 'Satisfaction with the facilities' },
    { key: 'information', text: 'ความพึงพอใจต่อข้อมูลและคู่มือสำหรับประชาชน', textEn: 'Satisfaction with the information and citizen manual' },
    { key: 'overall', text: 'ความพึงพอใจต่อการให้บริการโดยรวม', textEn: 'Overall satisfaction with the service' },
  ],
}

/** Creates the first set when there is none (seed; idempotent). */
export async function ensureQuestionSet(payload: Payload): Promise<boolean> {
  const existing = await payload.count({ collection: 'survey-question-sets', overrideAccess: true })
  if (existing.totalDocs > 0) return false
  await payload.create({ collection: 'survey-question-sets', data: DEFAULT_QUESTION_SET as never, overrideAccess: true, context: { systemWrite: true } })
  return true
}
