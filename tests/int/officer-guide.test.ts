/** The officer user guide PDF ("คู่มือ"): generated from the guidelines and FAQ, committed in public/. */
import { readFileSync } from 'node:fs'

import { OFFICER_FAQ } from '../../src/data/officerFaq'
import { OFFICER_GUIDELINES } from '../../src/data/officerGuidelines'
import { supportContact } from '../../src/lib/support'
import { officerGuidePdf } from '../../src/admin/officerGuidePdf'
import { readPdf } from '../helpers/pdfText'

// Shaping draws สระอำ as two glyphs, the second shared with สระอา, so a copy reads "ำา": fold it.
const compact = (s: string) => s.replace(/\s+/g, '').replace(/\u0E33\u0E32/g, '\u0E33')

it('renders every guideline title, every FAQ question and the support contact as searchable Thai text', async () => {
  const pdf = readPdf(
    await officerGuidePdf({ title: 'คู่มือการใช้งานสำหรับเจ้าหน้าที่', guidelines: OFFICER_GUIDELINES, faq: OFFICER_FAQ, contact: supportContact({ SUPPORT_PHONE: '1111' }), edition: 'ทดสอบ' }),
  )
  expect(pdf.pageCount).toBeGreaterThanOrEqual(4)
  const text = compact(pdf.text)
  for (const g of OFFICER_GUIDELINES) expect(text).toContain(compact(g.title))
  for (const e of OFFICER_FAQ.flatMap((s) => s.entries)) expect(text).toContain(compact(e.question))
  expect(text).toContain('contact@dga.or.th')
  expect(text).toContain('1111')
})

it('commits the guide where the admin menu links it (/officer-guide.pdf), with the current guidelines', () => {
  const committed = readPdf(readFileSync('public/officer-guide.pdf'))
  const text = compact(committed.text)
  for (const g of OFFICER_GUIDELINES) expect(text).toContain(compact(g.title))
  expect(text).toContain('02-612-6060')
})
