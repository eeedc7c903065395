/**
 * Thai text for search: normalisation, word segmentation and tokens. Pure (no Payload).
 *
 * Thai is written without spaces between words and PostgreSQL has no Thai text-search
 * configuration, so the application segments words (ICU's dictionary through Intl.Segmenter,
 * built into Node) and hands PostgreSQL space-separated tokens for its 'simple' configuration.
 * The same functions run at index time and at query time, so both sides agree on the words.
 */

const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
/** Thai marks written above or below a consonant: vowels, tone marks, thanthakhat and others. */
const THAI_COMBINING = '\u0E31\u0E34-\u0E3A\u0E47-\u0E4E'
const REPEATED_COMBINING = new RegExp(`([${THAI_COMBINING}])\\1+`, 'g')
/** Spacing vowels that never legitimately appear twice in a row (sara a, aa, am, lakkhangyao). */
const REPEATED_SPACING_VOWEL = /([\u0E30\u0E32\u0E33\u0E45])\1+/g
const THAI_DIGITS = /[\u0E50-\u0E59]/g
const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/g

/**
 * Canonical form of Thai (and mixed) text: NFC, no zero-width characters, Thai digits as
 * Arabic digits, full-width Latin as ASCII, lower case, and the usual sloppy-typing variants
 * repaired: doubled vowels or tone marks, "เเ" for "แ", sara am typed as nikhahit + aa or
 * before its tone mark. NFKC is not used: it would split sara am (ำ) into two characters.
 */
export function normalizeThai(input: string | null | undefined): string {
  if (!input) return ''
  return String(input)
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/\u0E40\u0E40/g, '\u0E41') // เ + เ → แ
    .replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33') // ํ (+ tone) + า → (tone) + ำ
    .replace(/\u0E33([\u0E48-\u0E4B])/g, '$1\u0E33') // ำ typed before its tone mark
    .replace(REPEATED_COMBINING, '$1')
    .replace(REPEATED_SPACING_VOWEL, '$1')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' })
/** Characters the 'simple' text-search parser would split a token on, and tsquery syntax. */
const TOKEN_PUNCTUATION = /[^\p{L}\p{M}\p{N}]+/gu

/**
 * The words of a text in order (normalised, lower case). Latin words, numbers and Thai words
 * come out alike; punctuation and the repetition mark ๆ are dropped. Dotted abbreviations
 * such as "พ.ศ." or "ป.4" become their letters and digits.
 */
export function segmentWords(input: string | null | undefined): string[] {
  const text = normalizeThai(input)
  if (!text) return []
  const words: string[] = []
  for (const part of segmenter.segment(text)) {
    if (!part.isWordLike) continue
    for (const piece of part.segment.split(TOKEN_PUNCTUATION)) {
      if (piece && piece !== 'ๆ') words.push(piece)
    }
  }
  return words
}

/** Space-separated tokens of one or more texts, for a to_tsvector('simple', ...) column. */
export function indexTokens(...texts: Array<string | null | undefined | Array<string | null | undefined>>): string {
  return texts
    .flat()
    .map((t) => segmentWords(t).join(' '))
    .filter(Boolean)
    .join(' ')
}

/**
 * Function words so common in manual titles ("การ...", "...ที่...") that they say nothing
 * about what a citizen looks for. A query keeps them only when nothing else is left.
 */
export const THAI_STOPWORDS: ReadonlySet<string> = new Set([
  'การ', 'ความ', 'ที่', 'และ', 'หรือ', 'ของ', 'ใน', 'ได้', 'ให้', 'จะ', 'เป็น', 'กับ', 'ตาม', 'โดย', 'แก่', 'แห่ง',
  'อย่างไร', 'ยังไง', 'ไหน', 'ที่ไหน', 'อะไร', 'ไร', 'บ้าง', 'ครับ', 'ค่ะ', 'คะ', 'นะ', 'จ้า', 'หน่อย', 'ต้อง', 'ทำไง',
  'the', 'of', 'and', 'for', 'to', 'a', 'an', 'in', 'how',
])

/** At most this many query words reach the database: longer input is pasted prose, not a query. */
export const MAX_QUERY_TOKENS = 8

/** The distinct meaningful words of a search query, in the order typed. */
export function queryTokens(input: string | null | undefined): string[] {
  const words = [...new Set(segmentWords(input))]
  const meaningful = words.filter((w) => !THAI_STOPWORDS.has(w))
  return (meaningful.length ? meaningful : words).slice(0, MAX_QUERY_TOKENS)
}

/** Text without spaces, for trigram comparison that ignores where a citizen put spaces. */
export function compactText(input: string | null | undefined): string {
  return normalizeThai(input).replace(/\s+/g, '')
}

/**
 * A short excerpt of `text` around the first query word found in it, with an ellipsis where
 * it was cut; the start of the text when no word occurs in it. `normalized`: the text already
 * went through normalizeThai (the search index stores it so), which then need not run again
 * over up to 4,000 characters for each hit.
 */
export function makeSnippet(text: string | null | undefined, tokens: string[], maxLength = 160, normalized = false): string {
  const clean = normalized ? (text ?? '') : normalizeThai(text)
  if (clean.length <= maxLength) return clean
  let at = -1
  for (const token of [...tokens].sort((a, b) => b.length - a.length)) {
    const found = clean.indexOf(token)
    if (found >= 0 && (at < 0 || found < at)) at = found
  }
  if (at < 0) return `${clean.slice(0, maxLength).trimEnd()}…`
  let start = Math.max(0, at - Math.floor(maxLength / 3))
  // Start on a word boundary so the excerpt does not open mid-word.
  if (start > 0) {
    const boundaries = [...segmenter.segment(clean.slice(start, at + 1))].map((s) => s.index)
    start += boundaries[1] ?? 0
  }
  const end = Math.min(clean.length, start + maxLength)
  return `${start > 0 ? '…' : ''}${clean.slice(start, end).trim()}${end < clean.length ? '…' : ''}`
}
