import type { TestServer } from './server'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const

export const QUESTIONS_V1 = [
  { key: 'staff', text: 'ความพึงพอใจต่อเจ้าหน้าที่', textEn: 'Staff' },
  { key: 'speed', text: 'ความรวดเร็วในการให้บริการ', textEn: 'Speed' },
]

/** An active question set (version numbers are assigned by the collection). */
export async function createQuestionSet(t: TestServer, questions = QUESTIONS_V1, data: Record<string, unknown> = {}) {
  return t.payload.create({
    collection: 'survey-question-sets',
    data: { title: `ชุดคำถามทดสอบ ${Date.now()}`, active: true, questions, ...data } as never,
    ...SYSTEM,
  })
}

let device = 0
/** A distinct client address per call unless given: the rate limit and duplicate guard key on it. */
export const clientHeaders = (ip?: string) => ({ 'X-Forwarded-For': ip ?? `198.51.100.${(device++ % 250) + 1}`, 'User-Agent': 'jest-survey' })

export function rating(servicePoint: number | string, scores: Record<string, number>, extra: Record<string, unknown> = {}) {
  return { servicePoint, answers: Object.entries(scores).map(([question, score]) => ({ question, score })), ...extra }
}

/** Empties the rate-limit counters (they live outside the tables a test file truncates). */
export async function clearRateLimits(t: TestServer) {
  const pool = (t.payload.db as unknown as { pool: { query: (s: string) => Promise<unknown> } }).pool
  await pool.query('CREATE SCHEMA IF NOT EXISTS infogo_runtime')
  await pool.query('DROP TABLE IF EXISTS infogo_runtime.rate_limits')
}
