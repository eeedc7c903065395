/**
 * The satisfaction report as rows for CSV and XLSX (pure). Spreadsheet programs run a cell that
 * starts with = + - @ (or a tab / carriage return before one) as a formula, so any text cell
 * starting that way gets a leading apostrophe (OWASP "CSV injection").
 */
import { neutraliseCell } from './spreadsheet'
import type { SatisfactionSummary } from './surveyStats'

/** The shared rule (src/lib/spreadsheet.ts), under the name this module's callers know. */
export const neutralizeFormula = neutraliseCell

export type ExportCell = string | number | null
export type ReportHeading = { title: string; scope: string; period: string; generatedAt: string }

/** One sheet of rows: heading lines, overall figures, per-question means and distribution, trend. */
export function satisfactionRows(summary: SatisfactionSummary, heading: ReportHeading): ExportCell[][] {
  const rows: ExportCell[][] = [
    [heading.title],
    ['ขอบเขต (Scope)', heading.scope],
    ['ช่วงเวลา (Period)', heading.period],
    ['จัดทำเมื่อ (Generated)', heading.generatedAt],
    [],
    ['จำนวนผู้ประเมิน (Ratings)', summary.count],
    ['คะแนนเฉลี่ยรวม (Overall mean)', summary.overall.mean],
    [],
    ['รหัส (Key)', 'คำถาม (Question)', 'Question (English)', 'จำนวน (Count)', 'เฉลี่ย (Mean)', '1', '2', '3', '4', '5'],
    ...summary.questions.map((q) => [q.key, q.text, q.textEn, q.count, q.mean, q.distribution['1'], q.distribution['2'], q.distribution['3'], q.distribution['4'], q.distribution['5']]),
    [
      'รวม (All)',
      'ทุกข้อ',
      'All questions',
      summary.overall.answers,
      summary.overall.mean,
      summary.overall.distribution['1'],
      summary.overall.distribution['2'],
      summary.overall.distribution['3'],
      summary.overall.distribution['4'],
      summary.overall.distribution['5'],
    ],
    [],
    ['เดือน (Month)', 'เดือน (พ.ศ.)', 'จำนวน (Ratings)', 'เฉลี่ย (Mean)'],
    ...summary.trend.map((m) => [m.month, m.label, m.count, m.mean]),
  ]
  return rows.map((row) => row.map((cell) => neutralizeFormula(cell) as ExportCell))
}
