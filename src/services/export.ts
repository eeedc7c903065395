/**
 * Streams an export to the HTTP response: rows come from an async iterator of batches (read from
 * the database in pages), go out as CSV (papaparse per batch, UTF-8 BOM first) or XLSX (exceljs's
 * streaming WorkbookWriter), and only about one batch is held in memory at a time. Both pull the
 * next batch only when the client has taken the previous one, so a slow download does not pile up.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'

import {
  BOM,
  CSV_CONTENT_TYPE,
  exportFilename,
  safeRow,
  XLSX_CONTENT_TYPE,
  type Cell,
  type ExportColumn,
  type ExportFormat,
} from '../lib/spreadsheet'

export type RowBatches = AsyncIterable<Cell[][]> | Iterable<Cell[][]>

export type ExportSpec = {
  format: ExportFormat
  /** Base of the file name (ASCII), e.g. "manuals-by-state". */
  name: string
  /** XLSX worksheet name (Thai is fine; at most 31 characters). */
  sheetName: string
  columns: ExportColumn[]
  /** Lines above the header row (title, scope, period), XLSX and CSV alike. */
  preamble?: Cell[][]
  batches: RowBatches
}

/** CSV text of one batch of rows, each line ended with CRLF (what Excel writes). */
export function csvLines(rows: Cell[][]): string {
  if (!rows.length) return ''
  return Papa.unparse(rows.map(safeRow), { newline: '\r\n' }) + '\r\n'
}

async function* csvChunks(spec: ExportSpec): AsyncGenerator<string> {
  yield BOM + csvLines([...(spec.preamble ?? []), spec.columns.map((c) => c.header)])
  for await (const batch of spec.batches) {
    if (batch.length) yield csvLines(batch)
  }
}

/** The CSV as a Node stream (pull-based: the next batch is read when the consumer wants more). */
export function csvStream(spec: ExportSpec): Readable {
  return Readable.from(csvChunks(spec), { objectMode: false })
}

/** The workbook as a Node stream: rows are committed as they come, never a whole sheet in memory. */
export function xlsxStream(spec: ExportSpec): PassThrough {
  const out = new PassThrough({ highWaterMark: 1 << 20 })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet(spec.sheetName.slice(0, 31))
  sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width ?? 18 }))
  let closed = false
  out.on('close', () => {
    closed = true
  })
  void (async () => {
    try {
      for (const line of spec.preamble ?? []) sheet.addRow(safeRow(line)).commit()
      const header = sheet.addRow(spec.columns.map((c) => c.header))
      header.font = { bold: true }
      header.commit()
      for await (const batch of spec.batches) {
        if (closed) return
        for (const row of batch) sheet.addRow(safeRow(row)).commit()
        // The zip writer pipes into `out`; wait while the client has not taken what is there.
        while (!closed && out.writableNeedDrain) await once(out, 'drain')
      }
      sheet.commit()
      await workbook.commit()
    } catch (err) {
      out.destroy(err as Error)
    }
  })()
  return out
}

/** A Web Response streaming the export as an attachment. */
export function exportResponse(spec: ExportSpec): Response {
  const stream = spec.format === 'csv' ? csvStream(spec) : xlsxStream(spec)
  // Node 20's toWeb counts the stream's byte high-water mark (16384) as chunks, so it would buffer
  // thousands of pages before pausing the source: one chunk (one page) at a time instead.
  const body = Readable.toWeb(stream, { strategy: new CountQueuingStrategy({ highWaterMark: 1 }) })
  return new Response(body as ReadableStream, {
    headers: {
      'Content-Type': spec.format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${exportFilename(spec.name, spec.format)}"`,
      'Cache-Control': 'no-store',
    },
  })
}

type Queryable = { query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Reads a query page by page by keyset (WHERE key > last ORDER BY key LIMIT n): each page is its
 * own short query on the pool, so no connection is held while the client downloads, and no OFFSET
 * makes late pages slow. `sql(afterParam, limitParam)` must filter on `key > afterParam` and order by key.
 */
export async function* keysetPages<T extends Record<string, unknown>>(
  pool: Queryable,
  options: { sql: (after: string, limit: string) => string; values: unknown[]; key: string; start?: unknown; pageSize?: number },
): AsyncGenerator<T[]> {
  const pageSize = options.pageSize ?? 5000
  let after: unknown = options.start ?? 0
  const n = options.values.length
  const text = options.sql(`$${n + 1}`, `$${n + 2}`)
  for (;;) {
    const { rows } = await pool.query(text, [...options.values, after, pageSize])
    if (!rows.length) return
    yield rows as T[]
    if (rows.length < pageSize) return
    after = rows[rows.length - 1][options.key]
  }
}
