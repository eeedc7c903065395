import { neutralizeFormula, satisfactionRows } from '../../src/lib/surveyExport'
import { summarizeScores } from '../../src/lib/surveyStats'
import { ratingUrl, scriptRuns } from '../../src/lib/surveyLinks'

it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
  for (const danger of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=x', '\r=x']) expect(neutralizeFormula(danger)).toBe(`'${danger}`)
  expect(neutralizeFormula('ดีมาก')).toBe('ดีมาก')
  expect(neutralizeFormula('a=b')).toBe('a=b')
  expect(neutralizeFormula(-3)).toBe(-3)
  expect(neutralizeFormula(null)).toBeNull()
})

it('puts the figures in rows with every text cell neutralised', () => {
  const summary = summarizeScores({
    groups: [{ month: '2026-01', question: 'q', score: 4, n: 2 }],
    ratingsByMonth: [{ month: '2026-01', n: 2 }],
    questions: [{ key: 'q', text: '=HYPERLINK("http://evil","คลิก")', textEn: '@evil' }],
  })
  const rows = satisfactionRows(summary, { title: 'รายงาน', scope: '-scope', period: 'ทั้งหมด', generatedAt: 'now' })
  const question = rows.find((r) => r[0] === 'q')!
  expect(question.slice(1, 5)).toEqual([`'=HYPERLINK("http://evil","คลิก")`, `'@evil`, 2, 4])
  expect(rows[1]).toEqual(['ขอบเขต (Scope)', "'-scope"])
  expect(rows.find((r) => r[0] === '2026-01')).toEqual(['2026-01', 'ม.ค. 2569', 2, 4])
})

it('builds the rating URL from PUBLIC_SITE_URL and splits Thai from Latin runs', () => {
  expect(ratingUrl(5, { base: 'https://info.go.th' })).toBe('https://info.go.th/rate/5')
  expect(ratingUrl(5, { base: 'https://info.go.th', manual: 9 })).toBe('https://info.go.th/rate/5?manual=9')
  expect(scriptRuns('จุด A1 บริการ')).toEqual([
    { thai: true, text: 'จุด' },
    { thai: false, text: ' A1 ' },
    { thai: true, text: 'บริการ' },
  ])
})
