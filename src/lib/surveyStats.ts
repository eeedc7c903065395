/**
 * The satisfaction report's arithmetic (pure). The database groups the scores
 * (month × question × score → how many); everything the report shows is derived here, so the
 * JSON summary, the admin report and the CSV/XLSX exports cannot disagree.
 */
import { bilingual } from './messages'
import { SCORE_MAX, SCORE_MIN } from './surveyRules'
import { BANGKOK_TZ, buddhistYearMistake, isIsoDate, toBuddhistYear } from './thaiDate'

export type ScoreGroup = { month: string; question: string; score: number; n: number }
export type MonthCount = { month: string; n: number }
export type Distribution = Record<'1' | '2' | '3' | '4' | '5', number>
export type QuestionText = { key: string; text: string; textEn?: string | null }

export type QuestionSummary = { key: string; text: string; textEn: string; count: number; mean: number | null; distribution: Distribution }
export type MonthSummary = { month: string; label: string; count: number; mean: number | null }
export type SatisfactionSummary = {
  count: number
  overall: { mean: number | null; answers: number; distribution: Distribution }
  questions: QuestionSummary[]
  trend: MonthSummary[]
}

const emptyDistribution = (): Distribution => ({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 })
export const round2 = (value: number): number => Math.round(value * 100) / 100

const meanOf = (d: Distribution): { count: number; mean: number | null } => {
  let count = 0
  let sum = 0
  for (let s = SCORE_MIN; s <= SCORE_MAX; s++) {
    const n = d[String(s) as keyof Distribution]
    count += n
    sum += n * s
  }
  return { count, mean: count ? round2(sum / count) : null }
}

const THAI_MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.']

/** `2026-01` → `ม.ค. 2569` (Buddhist era, as Thai readers expect). */
export function thaiMonthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${THAI_MONTHS_SHORT[m - 1] ?? ''} ${toBuddhistYear(y)}`
}

/** Every month from `first` to `last` inclusive (`YYYY-MM`), at most `limit` of them. */
export function monthsBetween(first: string, last: string, limit = 240): string[] {
  const out: string[] = []
  let [y, m] = first.split('-').map(Number)
  const [ly, lm] = last.split('-').map(Number)
  while ((y < ly || (y === ly && m <= lm)) && out.length < limit) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/** The month (`YYYY-MM`) of an instant in Bangkok time. */
export function bangkokMonth(value: Date | string | number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: BANGKOK_TZ, year: 'numeric', month: '2-digit' }).formatToParts(new Date(value))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}`
}

/**
 * Builds the summary from grouped scores. `questions` gives the texts and the order (the
 * active set's first); keys found only in the data (older sets) follow in key order.
 * `trendFrom`/`trendTo` widen the trend to the whole requested period, empty months included.
 */
export function summarizeScores(args: {
  groups: ScoreGroup[]
  ratingsByMonth: MonthCount[]
  questions?: QuestionText[]
  trendFrom?: string
  trendTo?: string
}): SatisfactionSummary {
  const byQuestion = new Map<string, Distribution>()
  const overall = emptyDistribution()
  const monthScore = new Map<string, Distribution>()
  for (const g of args.groups) {
    if (!Number.isInteger(g.score) || g.score < SCORE_MIN || g.score > SCORE_MAX || !(g.n > 0)) continue
    const s = String(g.score) as keyof Distribution
    const dq = byQuestion.get(g.question) ?? emptyDistribution()
    dq[s] += g.n
    byQuestion.set(g.question, dq)
    overall[s] += g.n
    const dm = monthScore.get(g.month) ?? emptyDistribution()
    dm[s] += g.n
    monthScore.set(g.month, dm)
  }
  const ratingsPerMonth = new Map<string, number>()
  let count = 0
  for (const r of args.ratingsByMonth) {
    ratingsPerMonth.set(r.month, (ratingsPerMonth.get(r.month) ?? 0) + r.n)
    count += r.n
  }

  const texts = new Map((args.questions ?? []).map((q) => [q.key, q]))
  const keys = [...(args.questions ?? []).map((q) => q.key).filter((k) => byQuestion.has(k))]
  for (const k of [...byQuestion.keys()].sort()) if (!keys.includes(k)) keys.push(k)
  const questions = keys.map((key) => {
    const distribution = byQuestion.get(key) ?? emptyDistribution()
    const { count: n, mean } = meanOf(distribution)
    return { key, text: texts.get(key)?.text ?? key, textEn: texts.get(key)?.textEn ?? '', count: n, mean, distribution }
  })

  const months = [...new Set([...ratingsPerMonth.keys(), ...monthScore.keys()])].sort()
  const first = [args.trendFrom, months[0]].filter(Boolean).sort()[0]
  const last = [args.trendTo, months[months.length - 1]].filter(Boolean).sort().reverse()[0]
  const trend =
    first && last
      ? monthsBetween(first, last).map((month) => ({
          month,
          label: thaiMonthLabel(month),
          count: ratingsPerMonth.get(month) ?? 0,
          mean: meanOf(monthScore.get(month) ?? emptyDistribution()).mean,
        }))
      : []

  const o = meanOf(overall)
  return { count, overall: { mean: o.mean, answers: o.count, distribution: overall }, questions, trend }
}

export type Period = { from: Date | null; to: Date | null; errors: Array<{ path: string; message: string }> }

/**
 * `from`/`to` as calendar days in Bangkok (`YYYY-MM-DD`, both inclusive) or full ISO instants.
 * A date alone means the whole day in Thailand.
 */
export function parsePeriod(from?: string | null, to?: string | null): Period {
  const errors: Period['errors'] = []
  const parse = (value: string | null | undefined, end: boolean, path: string): Date | null => {
    if (!value) return null
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value)
    const date = day ? new Date(`${value}T${end ? '23:59:59.999' : '00:00:00.000'}+07:00`) : new Date(value)
    // A day that is not in the calendar (2026-02-30) would roll over into the next month.
    if (Number.isNaN(date.getTime()) || (day && !isIsoDate(value))) {
      errors.push({ path, message: bilingual('วันที่ไม่ถูกต้อง (ใช้ YYYY-MM-DD)', 'Invalid date (use YYYY-MM-DD)') })
      return null
    }
    const mistake = buddhistYearMistake(date)
    if (mistake) {
      errors.push({ path, message: mistake })
      return null
    }
    return date
  }
  const f = parse(from, false, 'from')
  const t = parse(to, true, 'to')
  if (f && t && f > t) errors.push({ path: 'to', message: bilingual('วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น', '`to` must not be before `from`') })
  return { from: f, to: t, errors }
}
