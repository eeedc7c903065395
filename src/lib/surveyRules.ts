/**
 * Citizen satisfaction rules (pure): what a question set must look like and what a rating
 * submission must hold. The REST intake, the rating page's plain HTML form and the admin all
 * go through these functions, so one rule gives one message everywhere.
 */
import { bilingual } from './messages'

export const SCORE_MIN = 1
export const SCORE_MAX = 5
export const COMMENT_MAX_LENGTH = 1000
export const QUESTIONS_MAX = 20
/** Question keys appear in form field names and exports: short, lower-case, no spaces. */
export const QUESTION_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/
/** The hidden field a person never sees or fills; bots that fill every input do. */
export const HONEYPOT_FIELD = 'website'
/** Form fields carry one score each: `score.<questionKey>`. */
export const FORM_SCORE_PREFIX = 'score.'

export const SCORE_LABELS: Record<number, { th: string; en: string }> = {
  1: { th: 'น้อยที่สุด', en: 'Very dissatisfied' },
  2: { th: 'น้อย', en: 'Dissatisfied' },
  3: { th: 'ปานกลาง', en: 'Neutral' },
  4: { th: 'มาก', en: 'Satisfied' },
  5: { th: 'มากที่สุด', en: 'Very satisfied' },
}

export type SurveyQuestion = { key: string; text: string; textEn?: string | null }
export type SurveyAnswer = { question: string; score: number }
export type FieldError = { path: string; message: string }

/** Checks the questions of a set: at least one, unique well-formed keys, Thai and English text. */
export function validateQuestions(questions: unknown): FieldError[] {
  if (!Array.isArray(questions) || questions.length === 0) {
    return [{ path: 'questions', message: bilingual('ชุดคำถามต้องมีคำถามอย่างน้อย 1 ข้อ', 'A question set needs at least one question') }]
  }
  const errors: FieldError[] = []
  if (questions.length > QUESTIONS_MAX) {
    errors.push({
      path: 'questions',
      message: bilingual(`ชุดคำถามมีได้ไม่เกิน ${QUESTIONS_MAX} ข้อ`, `A question set holds at most ${QUESTIONS_MAX} questions`),
    })
  }
  const seen = new Set<string>()
  questions.forEach((q: Partial<SurveyQuestion> | null, i) => {
    const key = typeof q?.key === 'string' ? q.key.trim() : ''
    if (!QUESTION_KEY_PATTERN.test(key)) {
      errors.push({
        path: `questions.${i}.key`,
        message: bilingual(
          'รหัสคำถามต้องขึ้นต้นด้วยอักษรอังกฤษตัวเล็ก และมีได้เฉพาะ a-z 0-9 _ - ไม่เกิน 40 ตัว',
          'A question key starts with a lower-case letter and holds only a-z 0-9 _ - (at most 40)',
        ),
      })
    } else if (seen.has(key)) {
      errors.push({ path: `questions.${i}.key`, message: bilingual(`รหัสคำถาม "${key}" ซ้ำ`, `Duplicate question key "${key}"`) })
    }
    seen.add(key)
    if (typeof q?.text !== 'string' || !q.text.trim()) {
      errors.push({ path: `questions.${i}.text`, message: bilingual('กรุณาระบุข้อความคำถามภาษาไทย', 'The Thai question text is required') })
    }
    if (typeof q?.textEn !== 'string' || !q.textEn.trim()) {
      errors.push({ path: `questions.${i}.textEn`, message: bilingual('กรุณาระบุข้อความคำถามภาษาอังกฤษ', 'The English question text is required') })
    }
  })
  return errors
}

/** True when the questions of two versions differ in a way that changes what a score means. */
export function questionsChanged(before: SurveyQuestion[] = [], after: SurveyQuestion[] = []): boolean {
  if (before.length !== after.length) return true
  return before.some((q, i) => q.key !== after[i]?.key || q.text !== after[i]?.text || (q.textEn ?? '') !== (after[i]?.textEn ?? ''))
}

/**
 * A comment is plain text: Unicode NFC, LF line ends, no control characters, trimmed. Markup is
 * kept as the literal characters the citizen typed; every renderer escapes it.
 */
export function plainTextComment(value: unknown): string {
  if (value === null || value === undefined) return ''
  return String(value)
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const toId = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value
  if (typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value.trim())) return Number(value.trim())
  return null
}

export type RatingSubmission = {
  servicePoint: number
  manual: number | null
  questionSet: number | null
  answers: SurveyAnswer[]
  comment: string
  /** The honeypot held something: a bot, or (rarely) a browser's autofill. */
  honeypot: boolean
  /** A random id the rating page puts in each form it renders, so a resend is recognised. */
  submissionId: string | null
}

export type ParseResult = { ok: true; value: RatingSubmission } | { ok: false; errors: FieldError[] }

/**
 * Reads a submission from a JSON body (`answers: [{ question, score }]`) or from the rating
 * page's form fields (`score.<key>=<n>`), checking shapes only; the question set's keys are
 * checked by {@link validateAnswers}.
 */
export function parseSubmission(body: unknown): ParseResult {
  const errors: FieldError[] = []
  const data = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const servicePoint = toId(data.servicePoint)
  if (servicePoint === null) {
    errors.push({ path: 'servicePoint', message: bilingual('กรุณาระบุจุดบริการ', 'servicePoint is required') })
  }
  const manual = data.manual === undefined || data.manual === null || data.manual === '' ? null : toId(data.manual)
  if (manual === null && !(data.manual === undefined || data.manual === null || data.manual === '')) {
    errors.push({ path: 'manual', message: bilingual('รหัสคู่มือไม่ถูกต้อง', 'manual must be an id') })
  }
  const questionSet = data.questionSet === undefined || data.questionSet === null || data.questionSet === '' ? null : toId(data.questionSet)
  if (questionSet === null && !(data.questionSet === undefined || data.questionSet === null || data.questionSet === '')) {
    errors.push({ path: 'questionSet', message: bilingual('รหัสชุดคำถามไม่ถูกต้อง', 'questionSet must be an id') })
  }

  let rawAnswers: Array<{ question: unknown; score: unknown }> = []
  if (Array.isArray(data.answers)) {
    rawAnswers = data.answers.map((a) => (a && typeof a === 'object' ? (a as { question: unknown; score: unknown }) : { question: undefined, score: undefined }))
  } else if (data.answers !== undefined) {
    errors.push({ path: 'answers', message: bilingual('answers ต้องเป็นรายการ', 'answers must be an array') })
  } else {
    for (const [name, score] of Object.entries(data)) {
      if (name.startsWith(FORM_SCORE_PREFIX)) rawAnswers.push({ question: name.slice(FORM_SCORE_PREFIX.length), score })
    }
  }
  const answers: SurveyAnswer[] = []
  rawAnswers.forEach((a, i) => {
    const question = typeof a.question === 'string' ? a.question.trim() : ''
    const score = typeof a.score === 'string' && a.score.trim() !== '' ? Number(a.score) : a.score
    if (!question) {
      errors.push({ path: `answers.${i}.question`, message: bilingual('กรุณาระบุรหัสคำถาม', 'question (the question key) is required') })
      return
    }
    if (typeof score !== 'number' || !Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX) {
      errors.push({
        path: `answers.${i}.score`,
        message: bilingual(`คะแนนต้องเป็นจำนวนเต็ม ${SCORE_MIN} ถึง ${SCORE_MAX}`, `score must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`),
      })
      return
    }
    answers.push({ question, score })
  })

  if (data.comment !== undefined && data.comment !== null && typeof data.comment !== 'string') {
    errors.push({ path: 'comment', message: bilingual('ความคิดเห็นต้องเป็นข้อความ', 'comment must be text') })
  }
  const comment = plainTextComment(typeof data.comment === 'string' ? data.comment : '')
  if (comment.length > COMMENT_MAX_LENGTH) {
    errors.push({
      path: 'comment',
      message: bilingual(`ความคิดเห็นยาวได้ไม่เกิน ${COMMENT_MAX_LENGTH} ตัวอักษร`, `comment is longer than ${COMMENT_MAX_LENGTH} characters`),
    })
  }
  const honeypotValue = data[HONEYPOT_FIELD]
  const submissionId =
    typeof data.submissionId === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(data.submissionId) ? data.submissionId : null

  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    value: {
      servicePoint: servicePoint as number,
      manual,
      questionSet,
      answers,
      comment,
      honeypot: typeof honeypotValue === 'string' ? honeypotValue.trim() !== '' : Boolean(honeypotValue),
      submissionId,
    },
  }
}

/** Every question of the set answered exactly once, and nothing else. */
export function validateAnswers(answers: SurveyAnswer[], questions: SurveyQuestion[]): FieldError[] {
  const errors: FieldError[] = []
  const keys = new Set(questions.map((q) => q.key))
  const answered = new Set<string>()
  answers.forEach((a, i) => {
    if (!keys.has(a.question)) {
      errors.push({ path: `answers.${i}.question`, message: bilingual(`ไม่มีคำถาม "${a.question}" ในชุดคำถามนี้`, `"${a.question}" is not a question of this set`) })
    } else if (answered.has(a.question)) {
      errors.push({ path: `answers.${i}.question`, message: bilingual(`ตอบคำถาม "${a.question}" ซ้ำ`, `"${a.question}" is answered twice`) })
    }
    answered.add(a.question)
  })
  for (const q of questions) {
    if (!answered.has(q.key)) {
      errors.push({ path: 'answers', message: bilingual(`กรุณาให้คะแนนข้อ "${q.text}"`, `Please score "${q.textEn || q.key}"`) })
    }
  }
  return errors
}

/** Answers in the set's order, so stored ratings read the same way the page asked them. */
export const orderAnswers = (answers: SurveyAnswer[], questions: SurveyQuestion[]): SurveyAnswer[] => {
  const order = new Map(questions.map((q, i) => [q.key, i]))
  return [...answers].sort((a, b) => (order.get(a.question) ?? 0) - (order.get(b.question) ?? 0))
}
