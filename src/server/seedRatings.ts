import type { Payload } from 'payload'

import { activeQuestionSet } from '../collections/SurveyQuestionSets/cache'
import { ratingWriter } from '../collections/SurveyResponses/writer'

const COMMENTS = [
  'เจ้าหน้าที่ให้บริการดี พูดจาสุภาพ',
  'รอคิวนานไปหน่อย แต่ได้รับบริการครบถ้วน',
  'ขั้นตอนชัดเจน เอกสารที่ต้องใช้ตรงตามคู่มือ',
  'อยากให้มีที่จอดรถเพิ่ม',
  'บริการรวดเร็วมาก ประทับใจ',
]

/**
 * Demo ratings (a newcomer's satisfaction report has figures and a monthly trend): a few per
 * visible service point, spread over the last six months, through the same writer as the public
 * intake. Nothing when any rating exists, so a second run adds nothing.
 */
export async function seedDemoRatings(payload: Payload, perPoint = 24): Promise<number> {
  if ((await payload.count({ collection: 'survey-responses', overrideAccess: true })).totalDocs > 0) return 0
  const set = await activeQuestionSet(payload)
  if (!set) return 0
  const points = await payload.find({
    collection: 'service-points',
    where: { and: [{ visible: { equals: true } }, { status: { equals: 'active' } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
  })
  // A fixed sequence (not Math.random): every newcomer sees the same report.
  let seed = 2558
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const writer = ratingWriter(payload)
  const stored: Array<{ id: number; daysAgo: number }> = []
  for (const point of points.docs) {
    for (let i = 0; i < perPoint; i++) {
      // Mostly satisfied citizens, as real counters report: scores 3-5, now and then lower.
      const score = () => Math.max(1, Math.min(5, Math.round(4.2 + (next() - 0.5) * 2.6)))
      const outcome = await writer.submit({
        servicePoint: Number(point.id),
        manual: null,
        questionSet: set.id,
        answers: set.questions.map((q) => ({ question: q.key, score: score() })),
        comment: next() < 0.25 ? COMMENTS[Math.floor(next() * COMMENTS.length)] : '',
        channel: next() < 0.7 ? 'form' : 'api',
        suspect: false,
        dedupeKey: `demo-${point.id}-${i}`,
        previousDedupeKey: `demo-${point.id}-${i}`,
      })
      if (outcome.status === 'stored') stored.push({ id: outcome.id, daysAgo: Math.floor(next() * 180) })
    }
  }
  // The writer stamps "now": spread the demo over half a year for the monthly trend.
  const pool = (payload.db as unknown as { pool: { query: (text: string, values: unknown[]) => Promise<unknown> } }).pool
  await pool.query(
    `UPDATE survey_responses r SET created_at = now() - make_interval(days => d.days, hours => d.days % 9)
       FROM unnest($1::int[], $2::int[]) AS d(id, days) WHERE r.id = d.id`,
    [stored.map((s) => s.id), stored.map((s) => s.daysAgo)],
  )
  return stored.length
}
