import { bangkokMonth, monthsBetween, parsePeriod, summarizeScores, thaiMonthLabel } from '../../src/lib/surveyStats'

it('computes means, distributions and the monthly trend from grouped scores', () => {
  const s = summarizeScores({
    groups: [
      { month: '2026-01', question: 'staff', score: 5, n: 2 },
      { month: '2026-01', question: 'speed', score: 3, n: 2 },
      { month: '2026-03', question: 'staff', score: 1, n: 1 },
      { month: '2026-03', question: 'speed', score: 2, n: 1 },
      { month: '2026-03', question: 'legacy', score: 4, n: 1 },
    ],
    ratingsByMonth: [
      { month: '2026-01', n: 2 },
      { month: '2026-03', n: 1 },
    ],
    questions: [
      { key: 'speed', text: 'ความรวดเร็ว', textEn: 'Speed' },
      { key: 'staff', text: 'เจ้าหน้าที่', textEn: 'Staff' },
    ],
  })
  expect(s.count).toBe(3)
  expect(s.questions.map((q) => [q.key, q.count, q.mean])).toEqual([
    ['speed', 3, 2.67],
    ['staff', 3, 3.67],
    ['legacy', 1, 4],
  ])
  expect(s.overall).toEqual({ mean: 3.29, answers: 7, distribution: { '1': 1, '2': 1, '3': 2, '4': 1, '5': 2 } })
  expect(s.trend).toEqual([
    { month: '2026-01', label: 'ม.ค. 2569', count: 2, mean: 4 },
    { month: '2026-02', label: 'ก.พ. 2569', count: 0, mean: null },
    { month: '2026-03', label: 'มี.ค. 2569', count: 1, mean: 2.33 },
  ])
})

it('answers an empty summary without dividing by zero, over the requested months', () => {
  const s = summarizeScores({ groups: [], ratingsByMonth: [], trendFrom: '2025-12', trendTo: '2026-01' })
  expect(s.count).toBe(0)
  expect(s.overall.mean).toBeNull()
  expect(s.trend.map((m) => [m.month, m.count, m.mean])).toEqual([
    ['2025-12', 0, null],
    ['2026-01', 0, null],
  ])
})

it('ignores impossible groups', () => {
  const s = summarizeScores({ groups: [{ month: '2026-01', question: 'x', score: 9, n: 3 }, { month: '2026-01', question: 'x', score: 2, n: 0 }], ratingsByMonth: [] })
  expect(s.overall.answers).toBe(0)
})

it('labels months in the Buddhist era and counts months in Bangkok time', () => {
  expect(thaiMonthLabel('2026-12')).toBe('ธ.ค. 2569')
  expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  expect(bangkokMonth('2026-10-31T17:00:00Z')).toBe('2026-11')
  expect(bangkokMonth('2026-10-31T16:59:59Z')).toBe('2026-10')
})

it('reads a period of Bangkok calendar days, both ends inclusive', () => {
  const p = parsePeriod('2026-10-01', '2026-10-31')
  expect(p.from?.toISOString()).toBe('2026-09-30T17:00:00.000Z')
  expect(p.to?.toISOString()).toBe('2026-10-31T16:59:59.999Z')
  expect(parsePeriod('2026-02-30x', null).errors[0].path).toBe('from')
  expect(parsePeriod('2026-10-02', '2026-10-01').errors[0].path).toBe('to')
  expect(parsePeriod(null, undefined)).toEqual({ from: null, to: null, errors: [] })
})
