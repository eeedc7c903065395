import QRCode from 'qrcode'

import { drawLine, type PdfDoc, thaiPdf, widthOf, wrap } from '../../services/thaiPdf'

/**
 * The "QR Code/Link Poster" of a service point: a PNG of the QR code (for officers' own
 * material) and a printable A4 PDF with the agency and service point names in Thai (Noto Sans
 * Thai from @fontsource, embedded as a subset with a ToUnicode map, so the text is searchable
 * and copyable), instructions, the QR code and the link for citizens who cannot scan.
 */
export type PosterInput = { url: string; servicePointName: string; servicePointNameEn?: string | null; agencyName: string; agencyNameEn?: string | null }

export async function posterPng(url: string, width = 640): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width })
}

/** Centred lines of mixed Thai/Latin text; returns the y below them. */
function centred(doc: PdfDoc, text: string, y: number, size: number, options: { bold?: boolean; color?: string } = {}): number {
  const bold = Boolean(options.bold)
  const maxWidth = doc.page.width - 2 * 56
  for (const line of wrap(doc, text, size, bold, maxWidth)) {
    drawLine(doc, line, (doc.page.width - widthOf(doc, line, size, bold)) / 2, y, size, bold, options.color ?? '#111111')
    y += size * 1.6
  }
  return y
}

/** The QR code drawn as vector squares: sharp at any print size, and no image to encode. */
function vectorQr(doc: PdfDoc, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const quiet = 2
  const cell = size / (n + 2 * quiet)
  doc.rect(x, y, size, size).fill('#FFFFFF')
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.01, cell + 0.01)
    }
  }
  doc.fill('#000000')
}

export async function posterPdf(input: PosterInput): Promise<Buffer> {
  const { doc, done } = thaiPdf({
    size: 'A4',
    margin: 0,
    info: { Title: `โปสเตอร์ประเมินความพึงพอใจ ${input.servicePointName}`, Subject: input.url, Creator: 'info.go.th' },
  })

  const W = doc.page.width
  doc.rect(0, 0, W, 118).fill('#1F3A93')
  centred(doc, 'ประเมินความพึงพอใจการรับบริการ', 30, 26, { bold: true, color: '#FFFFFF' })
  centred(doc, 'Please rate our service', 76, 16, { color: '#FFFFFF' })

  let y = 146
  y = centred(doc, input.servicePointName, y, 24, { bold: true })
  if (input.servicePointNameEn) y = centred(doc, input.servicePointNameEn, y, 13, { color: '#444444' })
  y = centred(doc, input.agencyName, y + 4, 17)
  if (input.agencyNameEn) y = centred(doc, input.agencyNameEn, y, 12, { color: '#444444' })

  const qrSize = 300
  const qrY = Math.max(y + 14, 280)
  vectorQr(doc, input.url, (W - qrSize) / 2, qrY, qrSize)

  y = qrY + qrSize + 22
  y = centred(doc, '1. สแกน QR Code ด้วยกล้องโทรศัพท์มือถือ  2. ให้คะแนน 1–5 ในแต่ละข้อ  3. กดส่งผลประเมิน', y, 13)
  y = centred(doc, 'Scan the code with your phone camera, score each question from 1 to 5, then send.', y, 11, { color: '#444444' })
  y = centred(doc, 'สแกนไม่ได้? เปิดลิงก์นี้ (Cannot scan? Open this link):', y + 8, 12)
  centred(doc, input.url, y, 13, { bold: true, color: '#1F3A93' })

  doc.rect(0, doc.page.height - 48, W, 48).fill('#F2F4F8')
  centred(doc, 'ศูนย์ข้อมูลการติดต่อราชการ · info.go.th · ไม่ต้องเข้าสู่ระบบ ไม่เก็บข้อมูลส่วนบุคคล', doc.page.height - 32, 10, { color: '#333333' })
  doc.end()
  return done
}
