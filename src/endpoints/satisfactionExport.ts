import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { PassThrough, Readable } from 'node:stream'
import type { Endpoint } from 'payload'
import { APIError } from 'payload'

import { loadSummary, resolveSummaryScope, summaryQueryOf, type SummaryScope } from '../collections/SurveyResponses/summary'
import { bilingual } from '../lib/messages'
import { satisfactionRows, type ExportCell } from '../lib/surveyExport'
import { BOM, CSV_CONTENT_TYPE, exportFilename, XLSX_CONTENT_TYPE } from '../lib/spreadsheet'
import { formatDateFor, formatThaiDate } from '../lib/thaiDate'

const TITLE = 'รายงานผลประเมินความพึงพอใจ (Citizen satisfaction report)'

export function scopeLabel(scope: SummaryScope): string {
  if (scope.servicePoint) return `จุดบริการ ${scope.servicePoint.name}`
  if (scope.agency) return `หน่วยงาน ${scope.agency.name} และหน่วยงานในสังกัด`
  return scope.audience === 'all' ? 'ทุกหน่วยงาน (All agencies)' : 'หน่วยงานของท่านและหน่วยงานในสังกัด'
}

/** The period's days: พ.ศ. for Thai readers (the export, the Thai admin), Gregorian for English ones. */
export function periodLabel(scope: SummaryScope, language = 'th'): string {
  const day = (date: Date) => (language.startsWith('th') ? formatThaiDate(date) : formatDateFor(language, date))
  return scope.from || scope.to ? `${scope.from ? day(scope.from) : '…'} – ${scope.to ? day(scope.to) : '…'}` : 'ทั้งหมด (All time)'
}

/**
 * GET /api/reports/satisfaction/export?format=csv|xlsx&servicePoint=&agency=&manual=&from=&to=
 * The satisfaction summary (same scope rules as /api/survey-responses/summary, officers only) as
 * CSV (UTF-8 with BOM, so Excel reads Thai) or XLSX (streamed). Cells that a spreadsheet would
 * run as a formula are neutralised (src/lib/surveyExport.ts).
 */
export const satisfactionExportEndpoint: Endpoint = {
  path: '/reports/satisfaction/export',
  method: 'get',
  handler: async (req) => {
    const params = req.searchParams ?? new URL(req.url ?? 'http://x').searchParams
    const format = params.get('format') ?? 'csv'
    if (format !== 'csv' && format !== 'xlsx') {
      throw new APIError(bilingual('format ต้องเป็น csv หรือ xlsx', 'format must be csv or xlsx'), 400, [{ path: 'format', message: 'csv | xlsx' }])
    }
    if (!req.user) throw new APIError(bilingual('กรุณาเข้าสู่ระบบ', 'Log in to export reports'), 401)
    const scope = await resolveSummaryScope(req, summaryQueryOf(req))
    const summary = await loadSummary(req.payload, scope)
    const rows = satisfactionRows(summary, {
      title: TITLE,
      scope: scopeLabel(scope),
      period: periodLabel(scope),
      generatedAt: formatThaiDate(new Date(), { withTime: true }),
    })
    const filename = exportFilename('satisfaction-report', format)
    if (format === 'csv') {
      const csv = BOM + Papa.unparse(rows.map((r) => r.map((c) => (c === null ? '' : c))), { newline: '\r\n' })
      return new Response(csv, {
        headers: { 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${filename}"` },
      })
    }
    return new Response(Readable.toWeb(xlsxStream(rows)) as ReadableStream, {
      headers: {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${filename}"`,
      },
    })
  },
}

/** Writes the workbook row by row into the response (exceljs streaming writer). */
function xlsxStream(rows: ExportCell[][]): PassThrough {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
  const sheet = workbook.addWorksheet('ความพึงพอใจ')
  sheet.columns = [{ width: 26 }, { width: 48 }, { width: 36 }, { width: 14 }, { width: 12 }, ...[1, 2, 3, 4, 5].map(() => ({ width: 8 }))]
  void (async () => {
    try {
      rows.forEach((row, i) => {
        const added = sheet.addRow(row.map((c) => (c === null ? undefined : c)))
        if (i === 0) added.font = { bold: true, size: 14 }
        added.commit()
      })
      sheet.commit()
      await workbook.commit()
    } catch (err) {
      out.destroy(err as Error)
    }
  })()
  return out
}
