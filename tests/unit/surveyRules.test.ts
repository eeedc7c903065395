import { orderAnswers, parseSubmission, plainTextComment, questionsChanged, validateAnswers, validateQuestions } from '../../src/lib/surveyRules'

const QUESTIONS = [
  { key: 'staff', text: 'เจ้าหน้าที่', textEn: 'Staff' },
  { key: 'speed', text: 'ความรวดเร็ว', textEn: 'Speed' },
]

describe('validateQuestions', () => {
  it('accepts well-formed questions and names every problem with its path', () => {
    expect(validateQuestions(QUESTIONS)).toEqual([])
    expect(validateQuestions([])[0].path).toBe('questions')
    const errors = validateQuestions([
      { key: 'Staff Name', text: 'x', textEn: 'x' },
      { key: 'a', text: '', textEn: 'y' },
      { key: 'a', text: 'z', textEn: ' ' },
    ])
    expect(errors.map((e) => e.path)).toEqual(['questions.0.key', 'questions.1.text', 'questions.2.key', 'questions.2.textEn'])
    expect(errors[2].message).toMatch(/ซ้ำ.*\(Duplicate/)
  })
  it('notices a changed wording or order', () => {
    expect(questionsChanged(QUESTIONS, QUESTIONS.map((q) => ({ ...q })))).toBe(false)
    expect(questionsChanged(QUESTIONS, [QUESTIONS[1], QUESTIONS[0]])).toBe(true)
    expect(questionsChanged(QUESTIONS, [QUESTIONS[0], { ...QUESTIONS[1], textEn: 'Quickness' }])).toBe(true)
  })
})

describe('parseSubmission', () => {
  it('reads JSON answers and form fields alike', () => {
    const json = parseSubmission({ servicePoint: 7, answers: [{ question: 'staff', score: 5 }, { question: 'speed', score: '4' }] })
    const form = parseSubmission({ servicePoint: '7', 'score.staff': '5', 'score.speed': '4', comment: '', website: '' })
    expect(json).toEqual(form)
    expect(json.ok && json.value).toMatchObject({ servicePoint: 7, manual: null, questionSet: null, honeypot: false })
  })
  it('refuses scores that are not whole numbers from 1 to 5', () => {
    for (const score of [0, 6, 2.5, '', 'five', null, true]) {
      const r = parseSubmission({ servicePoint: 1, answers: [{ question: 'staff', score }] })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.errors[0].path).toBe('answers.0.score')
    }
  })
  it('refuses a missing or malformed service point, manual and set', () => {
    const r = parseSubmission({ servicePoint: 'abc', manual: '1; drop', questionSet: -1, answers: [] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['servicePoint', 'manual', 'questionSet'])
  })
  it('flags the honeypot and keeps only a well-formed submission id', () => {
    const r = parseSubmission({ servicePoint: 1, answers: [], website: 'http://x', submissionId: '<bad id>' })
    expect(r.ok && r.value.honeypot).toBe(true)
    expect(r.ok && r.value.submissionId).toBeNull()
    const ok = parseSubmission({ servicePoint: 1, answers: [], submissionId: '6f1c2a9e-0000-4000-8000-000000000000' })
    expect(ok.ok && ok.value.submissionId).toBe('6f1c2a9e-0000-4000-8000-000000000000')
  })
  it('limits the comment length after cleaning it', () => {
    expect(parseSubmission({ servicePoint: 1, answers: [], comment: 'ก'.repeat(1000) }).ok).toBe(true)
    const long = parseSubmission({ servicePoint: 1, answers: [], comment: 'ก'.repeat(1001) })
    expect(!long.ok && long.errors[0].path).toBe('comment')
    expect(parseSubmission({ servicePoint: 1, answers: [], comment: 42 }).ok).toBe(false)
  })
})

describe('plainTextComment', () => {
  it('keeps markup as literal text, drops control characters, normalises line ends and NFC', () => {
    expect(plainTextComment('  <b>ดี</b>\r\n\r\n\r\n\r\nต่อ\u0000\u200B  ')).toBe('<b>ดี</b>\n\nต่อ')
    expect(plainTextComment('e\u0301')).toBe('\u00e9')
    expect(plainTextComment(undefined)).toBe('')
  })
})

describe('validateAnswers', () => {
  it('wants every question of the set once and nothing else', () => {
    expect(validateAnswers([{ question: 'speed', score: 3 }, { question: 'staff', score: 4 }], QUESTIONS)).toEqual([])
    const errors = validateAnswers([{ question: 'staff', score: 4 }, { question: 'staff', score: 2 }, { question: 'price', score: 1 }], QUESTIONS)
    expect(errors.map((e) => e.path)).toEqual(['answers.1.question', 'answers.2.question', 'answers'])
    expect(errors[2].message).toMatch(/ความรวดเร็ว.*\(Please score "Speed"\)/)
  })
  it('orders answers as the set asks them', () => {
    expect(orderAnswers([{ question: 'speed', score: 3 }, { question: 'staff', score: 4 }], QUESTIONS).map((a) => a.question)).toEqual(['staff', 'speed'])
  })
})
