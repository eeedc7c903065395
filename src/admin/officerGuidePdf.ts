import type { FaqSection } from '../lib/officerFaq'
import { helpBlocks } from '../lib/helpText'
import type { SupportContact } from '../lib/support'
import { drawLine, FONTS, type PdfDoc, thaiPdf, wrap } from '../services/thaiPdf'

/**
 * The officer user guide ("คู่มือ" in the menu) as a PDF: the guideline pages, the FAQ and the
 * support contact, in Noto Sans Thai (embedded subsets with ToUnicode, so the text is searchable).
 * scripts/build-officer-guide.ts writes it to public/officer-guide.pdf.
 */
export type GuideInput = {
  title: string
  guidelines: Array<{ title: string; body: string }>
  faq: FaqSection[]
  contact: SupportContact
  /** Printed on the cover, e.g. the Buddhist-era date of the build. */
  edition: string
}

const MARGIN = 56

function write(doc: PdfDoc, text: string, options: { size?: number; bold?: boolean; indent?: number; bullet?: string; after?: number } = {}) {
  const size = options.size ?? 11
  const bold = Boolean(options.bold)
  const indent = options.indent ?? 0
  const left = MARGIN + indent
  const lines = wrap(doc, text, size, bold, doc.page.width - MARGIN - left)
  lines.forEach((line, i) => {
    if (doc.y + size * 1.7 > doc.page.height - MARGIN) doc.addPage()
    const y = doc.y
    if (i === 0 && options.bullet) doc.font(FONTS.latin).fontSize(size).text(options.bullet, left - 12, y, { lineBreak: false })
    drawLine(doc, line, left, y, size, bold, '#111111')
    doc.y = y + size * 1.7
  })
  doc.y += options.after ?? size * 0.4
}

function body(doc: PdfDoc, text: string, indent = 0) {
  for (const block of helpBlocks(text)) {
    if (block.kind === 'paragraph') write(doc, block.text, { indent })
    else for (const item of block.items) write(doc, item, { indent: indent + 14, bullet: '•', after: 2 })
  }
}

export async function officerGuidePdf(input: GuideInput): Promise<Buffer> {
  const { doc, done } = thaiPdf({ size: 'A4', margin: MARGIN, info: { Title: input.title, Author: 'info.go.th', Subject: 'คู่มือการใช้งานสำหรับเจ้าหน้าที่' } })

  doc.y = 200
  write(doc, input.title, { size: 24, bold: true })
  write(doc, 'ระบบศูนย์รวมข้อมูลเพื่อติดต่อราชการ (admin.info.go.th)', { size: 14 })
  write(doc, input.edition, { size: 11, after: 24 })
  write(doc, `ติดต่อสอบถามการใช้งานระบบ: ${input.contact.name} อีเมล ${input.contact.email} โทร ${input.contact.phone}`, { size: 11 })

  doc.addPage()
  write(doc, 'ส่วนที่ 1 แนวทางปฏิบัติ', { size: 18, bold: true, after: 8 })
  input.guidelines.forEach((g, i) => {
    write(doc, `${i + 1}. ${g.title}`, { size: 14, bold: true })
    body(doc, g.body)
    doc.y += 8
  })

  doc.addPage()
  write(doc, 'ส่วนที่ 2 คำถามที่พบบ่อย', { size: 18, bold: true, after: 8 })
  for (const section of input.faq) {
    write(doc, section.title, { size: 13, bold: true, after: 6 })
    for (const entry of section.entries) {
      write(doc, `ถาม: ${entry.question}`, { bold: true, after: 2 })
      body(doc, entry.answer.map((a) => `- ${a}`).join('\n'), 0)
      doc.y += 4
    }
  }
  write(doc, `ติดต่อสอบถามการใช้งานระบบ: ${input.contact.name} อีเมล ${input.contact.email} โทร ${input.contact.phone}`, { bold: true })
  doc.end()
  return done
}
