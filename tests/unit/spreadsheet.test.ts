import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'

// TextDecoder would drop the BOM: read the raw bytes.
const text = async (stream: Readable) => (await buffer(stream)).toString('utf8')

import { BOM, dateCell, exportFilename, neutraliseCell, parseExportFormat, safeRow } from '../../src/lib/spreadsheet'
import { csvStream, xlsxStream, type ExportSpec } from '../../src/services/export'

describe('neutraliseCell', () => {
  it.each(['=SUM(A1:A9)', '+1', '-2+3', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])('prefixes %j with an apostrophe', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`)
  })

  it.each(['ปกติ', 'a=b', ' =1', '', "'=1"])('leaves %j alone', (value) => {
    expect(neutraliseCell(value)).toBe(value)
  })

  it('passes numbers (negative ones too) and booleans as they are', () => {
    expect(neutraliseCell(-5)).toBe(-5)
    expect(neutraliseCell(true)).toBe(true)
    expect(safeRow([null, undefined, -1.5, '=1'])).toEqual(['', '', -1.5, "'=1"])
  })
})

describe('dates and names', () => {
  const instant = new Date('2026-11-25T18:30:00Z') // 26 Nov 2026 01:30 in Bangkok

  it('writes Buddhist-era dates in Bangkok time for Thai readers', () => {
    expect(dateCell(instant, 'th')).toBe('26 พ.ย. 2569')
    expect(dateCell(instant, undefined)).toBe('26 พ.ย. 2569')
    expect(dateCell(instant, 'th', true)).toContain('01:30')
  })

  it('agrees with ICU in Bangkok time on any instant (day boundaries, time of day)', () => {
    const icu = (d: Date, locale: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: 'numeric' }).format(d)
    const clock = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit', hour12: false }).format(d)
    for (const iso of ['2026-12-31T16:59:59Z', '2026-12-31T17:00:00Z', '2024-02-28T17:00:00Z', '1999-06-30T23:59:00Z', '2026-11-25T00:00:00Z']) {
      const d = new Date(iso)
      expect(dateCell(d, 'th')).toBe(icu(d, 'th-TH-u-ca-buddhist'))
      expect(dateCell(d, 'en')).toBe(icu(d, 'en-GB'))
      expect(dateCell(d, 'th', true)).toBe(`${icu(d, 'th-TH-u-ca-buddhist')} ${clock(d)}`)
    }
    expect(dateCell('2026-12-31T17:00:00Z', 'th')).toBe('1 ม.ค. 2570')
  })

  it('writes Gregorian dates for English readers, empty for none', () => {
    expect(dateCell(instant, 'en')).toBe('26 Nov 2026')
    expect(dateCell(null, 'th')).toBe('')
    expect(dateCell('not a date', 'th')).toBe('')
  })

  it('accepts csv (default) and xlsx only, and keeps file names ASCII', () => {
    expect(parseExportFormat(undefined)).toBe('csv')
    expect(parseExportFormat('xlsx')).toBe('xlsx')
    expect(parseExportFormat('pdf')).toBeNull()
    // The day the officer downloads it on, in Bangkok (as the dates in the file), not UTC's.
    expect(exportFilename('รายงาน manuals/by state', 'csv', instant)).toBe('manuals-by-state-2026-11-26.csv')
  })
})

describe('streamed CSV and XLSX', () => {
  const rows = [
    [1, 'กรมการปกครอง', '=1+1', -3],
    [2, 'ชื่อ, มีจุลภาค "และอัญประกาศ"', '@SUM', 4.5],
    [3, '\tแท็บ', '', null],
  ]
  const spec = (format: 'csv' | 'xlsx'): ExportSpec => ({
    format,
    name: 'test',
    sheetName: 'ทดสอบ',
    columns: [
      { key: 'id', header: 'รหัส (ID)' },
      { key: 'name', header: 'ชื่อ (Name)' },
      { key: 'formula', header: 'สูตร' },
      { key: 'n', header: 'จำนวน' },
    ],
    // Batches from an async source, as the database pages come.
    batches: (async function* () {
      yield rows.slice(0, 2)
      yield rows.slice(2)
    })(),
  })

  it('starts the CSV with a UTF-8 BOM and neutralises formula cells', async () => {
    const csv = await text(csvStream(spec('csv')))
    expect(csv.startsWith(BOM)).toBe(true)
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(parsed).toEqual([
      ['รหัส (ID)', 'ชื่อ (Name)', 'สูตร', 'จำนวน'],
      ['1', 'กรมการปกครอง', "'=1+1", '-3'],
      ['2', 'ชื่อ, มีจุลภาค "และอัญประกาศ"', "'@SUM", '4.5'],
      ['3', "'\tแท็บ", '', ''],
    ])
  })

  it('writes an XLSX that exceljs reads back to the same rows as the CSV', async () => {
    const csv = await text(csvStream(spec('csv')))
    const csvRows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    const chunks: Buffer[] = []
    for await (const chunk of xlsxStream(spec('xlsx')) as Readable) chunks.push(chunk as Buffer)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.concat(chunks) as never)
    const sheet = workbook.getWorksheet('ทดสอบ')!
    const xlsxRows: string[][] = []
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1)
      xlsxRows.push(Array.from({ length: 4 }, (_, i) => (values[i] === undefined || values[i] === null ? '' : String(values[i]))))
    })
    expect(xlsxRows).toEqual(csvRows)
    // Numbers stay numbers in the workbook (sums work), text formulas stay text.
    expect(sheet.getRow(2).getCell(4).value).toBe(-3)
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.String)
  })
})
