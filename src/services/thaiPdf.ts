/**
 * Thai text in pdfkit documents (the service point poster, the officer guide): Noto Sans Thai from
 * @fontsource embedded as subsets with a ToUnicode map (searchable, copyable text), each run of
 * Thai or Latin script set in its own face, and word wrapping by Intl.Segmenter, since Thai has
 * no spaces between words.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'

import { scriptRuns } from '../lib/surveyLinks'

export type PdfDoc = InstanceType<typeof PDFDocument>

const require = createRequire(import.meta.url)
const fontFile = (subset: 'thai' | 'latin', weight: 400 | 700) =>
  path.join(path.dirname(require.resolve('@fontsource/noto-sans-thai/package.json')), 'files', `noto-sans-thai-${subset}-${weight}-normal.woff`)

export const FONTS = { thai: 'Thai', thaiBold: 'ThaiBold', latin: 'Latin', latinBold: 'LatinBold' }

/** A new document with the four faces registered; `done` resolves to the whole file once ended. */
export function thaiPdf(options: PDFKit.PDFDocumentOptions): { doc: PdfDoc; done: Promise<Buffer> } {
  const doc = new PDFDocument(options)
  doc.registerFont(FONTS.thai, fontFile('thai', 400))
  doc.registerFont(FONTS.thaiBold, fontFile('thai', 700))
  doc.registerFont(FONTS.latin, fontFile('latin', 400))
  doc.registerFont(FONTS.latinBold, fontFile('latin', 700))
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, done }
}

export const runFont = (thai: boolean, bold: boolean) => (thai ? (bold ? FONTS.thaiBold : FONTS.thai) : bold ? FONTS.latinBold : FONTS.latin)

/** The width of mixed Thai/Latin text at `size`. */
export function widthOf(doc: PdfDoc, text: string, size: number, bold: boolean): number {
  return scriptRuns(text).reduce((sum, run) => sum + doc.font(runFont(run.thai, bold)).fontSize(size).widthOfString(run.text), 0)
}

/** Word-wraps with Intl.Segmenter (Thai has no spaces between words). */
export function wrap(doc: PdfDoc, text: string, size: number, bold: boolean, maxWidth: number): string[] {
  const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.segment)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const next = line + word
    if (line && widthOf(doc, next, size, bold) > maxWidth) {
      lines.push(line.trimEnd())
      line = word.trimStart()
    } else line = next
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

/** One line of mixed text from (x, y), run by run in its script's face, no line break. */
export function drawLine(doc: PdfDoc, line: string, x: number, y: number, size: number, bold: boolean, color: string): void {
  for (const run of scriptRuns(line)) {
    doc.font(runFont(run.thai, bold)).fontSize(size).fillColor(color)
    doc.text(run.text, x, y, { lineBreak: false })
    x += doc.widthOfString(run.text)
  }
}
