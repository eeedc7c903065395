/**
 * The officers' FAQ as text extracted from the old system's PDF: repair the Thai and split it into
 * sections of question + answer. Pure (no Payload); scripts/build-officer-faq.ts runs it once and
 * the result is committed in src/data/officerFaq.ts.
 */

/** Tone marks and thanthakhat, which come after an upper or lower vowel in Unicode order. */
const TONE = '\u0E48-\u0E4C'
/** Upper vowels (mai han-akat, sara i, ii, ue, uee) and lower vowels (u, uu). */
const VOWEL = '\u0E31\u0E34-\u0E37\u0E38\u0E39'
const TONE_BEFORE_VOWEL = new RegExp(`([${TONE}])([${VOWEL}])`, 'g')

/**
 * PDF extraction writes a tone mark before the vowel it sits on ("เพ่ือ", "ท่ี", "ข้ึน"): screens
 * then show a dotted circle and search cannot match. Put the vowel first, NFC, tidy spaces.
 */
export function fixThaiMarkOrder(text: string): string {
  return text
    .normalize('NFC')
    .replace(TONE_BEFORE_VOWEL, '$2$1')
    .replace(/\u0E4D\u0E32/g, '\u0E33') // nikhahit + sara aa → sara am
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ :\s*/g, ': ')
    .trim()
}

export type FaqEntry = { question: string; answer: string[] }
export type FaqSection = { title: string; entries: FaqEntry[] }

const QUESTION_WORDS = /(ใด|อะไร|อย่างไร|หรือไม่|ใคร|บ้าง)/
const SECTION = /^คำถามเกี่ยวกับ/
const NEW_PARAGRAPH = /^(\d+\.\s|หมายเหตุ)/
const LINK_ONLY = /^(https?:|mailto:)\S*$/

/** Known slips in the source beyond mark order (missing marks), fixed word by word. */
const TYPOS: Array<[RegExp, string]> = [[/ตั้งแตวันที่/g, 'ตั้งแต่วันที่']]

/**
 * Lines that ask (contain a question word and are not answers) open an entry; "- " lines are
 * answer paragraphs; other lines continue the paragraph the PDF broke across a line or page.
 */
export function parseOfficerFaq(raw: string): FaqSection[] {
  const sections: FaqSection[] = []
  let entry: FaqEntry | null = null
  const section = () => {
    if (!sections.length) sections.push({ title: '', entries: [] })
    return sections[sections.length - 1]
  }
  for (const rawLine of raw.split(/\r?\n/)) {
    let line = fixThaiMarkOrder(rawLine)
    for (const [wrong, right] of TYPOS) line = line.replace(wrong, right)
    if (!line || LINK_ONLY.test(line)) continue
    if (SECTION.test(line)) {
      sections.push({ title: line, entries: [] })
      entry = null
    } else if (line.startsWith('- ') || line.startsWith('-\u00A0')) {
      if (!entry) continue
      entry.answer.push(line.slice(2).trim())
    } else if (entry && entry.answer.length && !QUESTION_WORDS.test(line)) {
      if (NEW_PARAGRAPH.test(line)) entry.answer.push(line)
      else {
        const last = entry.answer.length - 1
        const glue = /\d$/.test(entry.answer[last]) || /^\d/.test(line) ? ' ' : ''
        entry.answer[last] = `${entry.answer[last]}${glue}${line}`
      }
    } else if (entry && !entry.answer.length) {
      entry.question = `${entry.question} ${line}`
    } else {
      entry = { question: line, answer: [] }
      section().entries.push(entry)
    }
  }
  return sections.filter((s) => s.entries.length)
}

/** Marks still written before their vowel: what a repaired text must not contain. */
export const hasMisorderedMarks = (text: string): boolean => new RegExp(`[${TONE}][${VOWEL}]`).test(text)
