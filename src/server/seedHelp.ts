import type { Payload } from 'payload'

import { OFFICER_FAQ } from '../data/officerFaq'
import { OFFICER_GUIDELINES } from '../data/officerGuidelines'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const

/**
 * Help content: the officers' FAQ (normalised from the old system's PDF) and the guideline pages.
 * Idempotent: a question or a guideline slug already present is left as the admins edited it.
 */
export async function seedHelp(payload: Payload): Promise<number> {
  let created = 0
  let order = 0
  for (const section of OFFICER_FAQ) {
    for (const entry of section.entries) {
      order += 10
      const found = await payload.find({ collection: 'faqs', where: { question: { equals: entry.question } }, limit: 1, depth: 0, ...SYSTEM })
      if (found.docs.length) continue
      await payload.create({
        collection: 'faqs',
        data: { section: section.title, question: entry.question, answer: entry.answer.join('\n'), order },
        depth: 0,
        ...SYSTEM,
      })
      created += 1
    }
  }
  for (const [i, page] of OFFICER_GUIDELINES.entries()) {
    const found = await payload.find({ collection: 'guidelines', where: { slug: { equals: page.slug } }, limit: 1, depth: 0, ...SYSTEM })
    if (found.docs.length) continue
    await payload.create({ collection: 'guidelines', data: { ...page, order: (i + 1) * 10 }, depth: 0, ...SYSTEM })
    created += 1
  }
  return created
}
