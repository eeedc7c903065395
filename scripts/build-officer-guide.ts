/**
 * Writes the officer user guide ("คู่มือ" in the admin menu) to public/officer-guide.pdf from the
 * guideline pages and the FAQ in src/data:  npx tsx scripts/build-officer-guide.ts
 * The PDF is committed; run again after changing the guidelines or the FAQ.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { OFFICER_FAQ } from '../src/data/officerFaq'
import { OFFICER_GUIDELINES } from '../src/data/officerGuidelines'
import { supportContact } from '../src/lib/support'
import { officerGuidePdf } from '../src/admin/officerGuidePdf'

const pdf = await officerGuidePdf({
  title: 'คู่มือการใช้งานสำหรับเจ้าหน้าที่',
  guidelines: OFFICER_GUIDELINES,
  faq: OFFICER_FAQ,
  contact: supportContact({}),
  edition: 'ฉบับปรับปรุง พ.ศ. 2569',
})
const out = path.resolve('public/officer-guide.pdf')
mkdirSync(path.dirname(out), { recursive: true })
writeFileSync(out, pdf)
console.log(`${pdf.length} bytes → ${out}`)
