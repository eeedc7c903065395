/**
 * What a field expects, in words a REST client (or an officer) can act on, and whether a value
 * even has the right JSON shape. Pure: read from a field config by structure, no Payload import.
 * src/plugins/fieldErrors.ts puts these messages on every collection's fields.
 */
import { isBlank } from './blank'
import { bilingual } from './messages'

type Option = string | { value: string; label?: unknown }

/** The parts of a Payload field config these rules read. */
export type ShapeField = {
  type: string
  name?: string
  label?: unknown
  required?: boolean
  hasMany?: boolean
  options?: Option[]
  relationTo?: string | string[]
  fields?: ShapeField[]
  tabs?: Array<{ name?: string; label?: unknown; fields: ShapeField[] }>
  blocks?: Array<{ slug: string; fields: ShapeField[] }>
  blockReferences?: Array<string | { slug: string }>
  min?: number
  max?: number
  minRows?: number
  maxRows?: number
  minLength?: number
  maxLength?: number
  filterOptions?: unknown
  virtual?: unknown
  /** `custom.integer: true`: a number field that takes whole numbers only. */
  custom?: { integer?: boolean } & Record<string, unknown>
}

export type Words = { th: string; en: string }

const DATA_LESS = new Set(['ui', 'join', 'row', 'collapsible', 'tabs'])

/** Fields that hold data of their own (rows, collapsibles and unnamed tabs lend theirs to the parent). */
export function dataFields(fields: ShapeField[] = []): ShapeField[] {
  const out: ShapeField[] = []
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs ?? []) {
        if (tab.name) out.push({ type: 'group', name: tab.name, label: tab.label, fields: tab.fields })
        else out.push(...dataFields(tab.fields))
      }
    } else if (!field.name && field.fields) out.push(...dataFields(field.fields))
    else if (field.name && !DATA_LESS.has(field.type) && field.name !== 'id') out.push(field)
  }
  return out
}

/** `{ channel, contact }`: the keys an object of these fields holds. */
const keysOf = (fields: ShapeField[] | undefined): string => {
  const names = dataFields(fields).map((f) => f.name)
  return names.length ? `{ ${names.join(', ')} }` : '{ }'
}

const optionValues = (field: ShapeField): string[] => (field.options ?? []).map((o) => (typeof o === 'string' ? o : o.value))

/** "a, b หรือ c" in Thai; "a|b|c" in English (as an enum reads). */
const thaiOr = (values: string[]): string =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} หรือ ${values[values.length - 1]}`

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a')

const rowCount = (field: ShapeField, unit: Words): Words | null => {
  const { minRows: min, maxRows: max } = field
  if (min && max) return { th: ` ${min} ถึง ${max} ${unit.th}`, en: `${min} to ${max}` }
  if (min) return { th: ` อย่างน้อย ${min} ${unit.th}`, en: `at least ${min}` }
  if (max) return { th: ` ไม่เกิน ${max} ${unit.th}`, en: `at most ${max}` }
  return null
}

function numberWords(field: ShapeField, many = false): Words {
  const whole = field.custom?.integer === true
  const noun: Words = whole
    ? { th: 'จำนวนเต็ม', en: many ? 'whole numbers' : 'a whole number' }
    : { th: 'ตัวเลข', en: many ? 'numbers' : 'a number' }
  const { min, max } = field
  if (typeof min === 'number' && typeof max === 'number') return { th: `${noun.th}ตั้งแต่ ${min} ถึง ${max}`, en: `${noun.en} from ${min} to ${max}` }
  if (typeof min === 'number') return { th: `${noun.th}ตั้งแต่ ${min} ขึ้นไป`, en: `${noun.en} of at least ${min}` }
  if (typeof max === 'number') return { th: `${noun.th}ไม่เกิน ${max}`, en: `${noun.en} of at most ${max}` }
  return noun
}

function textWords(field: ShapeField): Words {
  const { minLength: min, maxLength: max } = field
  if (min && max) return { th: `ข้อความยาว ${min} ถึง ${max} ตัวอักษร`, en: `text of ${min} to ${max} characters` }
  if (max) return { th: `ข้อความยาวไม่เกิน ${max} ตัวอักษร`, en: `text of at most ${max} characters` }
  if (min) return { th: `ข้อความยาวอย่างน้อย ${min} ตัวอักษร`, en: `text of at least ${min} characters` }
  return { th: 'ข้อความ', en: 'text' }
}

/** "an array of …" for hasMany fields, in both languages. */
const listOf = (one: Words, plural: string): Words => ({ th: `รายการของ${one.th}`, en: `an array of ${plural}` })

function referenceWords(field: ShapeField): Words {
  const allowed = field.filterOptions ? { th: ' ที่เลือกได้', en: ' that may be chosen here' } : { th: '', en: '' }
  const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo ?? '']
  if (Array.isArray(field.relationTo)) {
    const one: Words = {
      th: `{ relationTo: ${targets.join('|')}, value: รหัส (id) }${allowed.th}`,
      en: `{ relationTo: ${targets.join('|')}, value: id }${allowed.en}`,
    }
    return field.hasMany ? { th: `รายการของ ${one.th}`, en: `an array of ${one.en}` } : one
  }
  const slug = targets[0]
  if (field.hasMany) return { th: `รายการรหัส (id) ของ ${slug}${allowed.th}`, en: `an array of ids of ${slug} documents${allowed.en}` }
  return { th: `รหัส (id) ของ ${slug}${allowed.th}`, en: `the id of ${article(slug)} ${slug} document${allowed.en}` }
}

/** What a value of this field must be, e.g. "an array of { channel, contact }". */
export function expectedShape(field: ShapeField): Words {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code': {
      const one = textWords(field)
      return field.hasMany ? listOf(one, 'texts') : one
    }
    case 'email':
      return { th: 'อีเมล เช่น name@example.go.th', en: 'an email address such as name@example.go.th' }
    case 'password':
      return { th: 'รหัสผ่าน (ข้อความ)', en: 'a password (text)' }
    case 'number': {
      if (!field.hasMany) return numberWords(field)
      const many = numberWords(field, true)
      return { th: `รายการของ${many.th}`, en: `an array of ${many.en}` }
    }
    case 'checkbox':
      return { th: 'true หรือ false', en: 'true or false' }
    case 'date':
      return { th: 'วันเวลาแบบ ISO 8601 เช่น 2026-01-31T09:00:00.000Z', en: 'an ISO 8601 date-time such as 2026-01-31T09:00:00.000Z' }
    case 'select':
    case 'radio': {
      const values = optionValues(field)
      if (field.hasMany) return { th: `รายการค่าที่ไม่ซ้ำกันจาก ${thaiOr(values)}`, en: `an array of distinct values from ${values.join('|')}` }
      return { th: thaiOr(values), en: values.length === 1 ? values[0] : `one of ${values.join('|')}` }
    }
    case 'relationship':
    case 'upload':
      return referenceWords(field)
    case 'richText':
      return {
        th: 'ข้อความจัดรูปแบบ (Lexical JSON: { root: { type: "root", children: [...] } })',
        en: 'rich text as Lexical JSON ({ root: { type: "root", children: [...] } })',
      }
    case 'json':
      return { th: 'ข้อมูล JSON', en: 'JSON' }
    case 'point':
      return { th: '[ลองจิจูด, ละติจูด] (ตัวเลข 2 ค่า)', en: '[longitude, latitude] (two numbers)' }
    case 'array': {
      const count = rowCount(field, { th: 'รายการ', en: '' })
      const keys = keysOf(field.fields)
      return count
        ? { th: `รายการของ ${keys}${count.th}`, en: `an array of ${count.en} ${keys}` }
        : { th: `รายการของ ${keys}`, en: `an array of ${keys}` }
    }
    case 'blocks': {
      const slugs = [...(field.blocks ?? []).map((b) => b.slug), ...(field.blockReferences ?? []).map((b) => (typeof b === 'string' ? b : b.slug))]
      const unique = [...new Set(slugs)]
      return { th: `รายการของบล็อก { blockType: ${unique.join('|')}, ... }`, en: `an array of blocks { blockType: ${unique.join('|')}, ... }` }
    }
    case 'group':
      return { th: `ออบเจกต์ ${keysOf(field.fields)}`, en: `an object ${keysOf(field.fields)}` }
    default:
      return { th: 'ค่าที่ถูกต้อง', en: 'a valid value' }
  }
}

/** Thai joins a Thai noun directly ("ต้องเป็นข้อความ") and a Latin term with a space ("ต้องเป็น minutes"). */
const thaiMust = (th: string) => (/^[\u0E00-\u0E7F]/.test(th) ? `ต้องเป็น${th}` : `ต้องเป็น ${th}`)

export const labelWords = (field: ShapeField): Words => {
  const l = field.label
  if (l && typeof l === 'object') {
    const { th, en } = l as { th?: string; en?: string }
    return { th: th ?? en ?? field.name ?? '', en: en ?? th ?? field.name ?? '' }
  }
  const text = typeof l === 'string' ? l : (field.name ?? '')
  return { th: text, en: text }
}

/** A value of the wrong shape or out of range: "ต้องเป็น… (must be …)". */
export function invalidMessage(field: ShapeField): string {
  const shape = expectedShape(field)
  return bilingual(thaiMust(shape.th), `must be ${shape.en}`)
}

const CHOSEN = new Set(['select', 'radio', 'relationship', 'upload', 'checkbox'])

/** A required field left empty: its label and what to put there. */
export function requiredMessage(field: ShapeField): string {
  const shape = expectedShape(field)
  const label = labelWords(field)
  const ask = CHOSEN.has(field.type) ? 'กรุณาเลือก' : 'กรุณากรอก'
  return bilingual(`${ask} "${label.th}": ${thaiMust(shape.th)}`, `"${label.en}" is required: must be ${shape.en}`)
}

/** A value the database refused as a duplicate (a unique field another document already has). */
export function duplicateMessage(field: ShapeField): string {
  const label = labelWords(field)
  return bilingual(`"${label.th}" นี้มีอยู่แล้วในเอกสารอื่น กรุณาใช้ค่าอื่น`, `"${label.en}" is already used by another document: choose another value`)
}

/** An id that no document of the related collection has. */
export function missingReferenceMessage(field: ShapeField, collection: string, id: unknown): string {
  const shape = expectedShape(field)
  const shown = JSON.stringify(id)
  return bilingual(`ไม่พบ ${collection} รหัส ${shown}: ${thaiMust(shape.th)}`, `no ${collection} document has the id ${shown}: must be ${shape.en}`)
}

/**
 * Already Thai then English: Thai text and, at the end, English in brackets. Such messages (this
 * project's own rules) are kept as they are; Payload's one-language ones are replaced.
 */
export function isBilingual(message: unknown): boolean {
  return typeof message === 'string' && /[\u0E00-\u0E7F]/.test(message) && /\([^)]*[A-Za-z][^]*\)\s*$/.test(message)
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)
const isId = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '')
const isNumeric = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))

function isReference(field: ShapeField, v: unknown): boolean {
  if (Array.isArray(field.relationTo)) {
    return isPlainObject(v) && typeof v.relationTo === 'string' && field.relationTo.includes(v.relationTo) && (isId(v.value) || (isPlainObject(v.value) && isId(v.value.id)))
  }
  return isId(v) || (isPlainObject(v) && isId(v.id))
}

/**
 * True when a submitted value cannot be what the field stores, whatever its rules: the wrong JSON
 * type (a string where an array is expected, an array where an object is), a value outside a
 * select's options, a number that is not one. Takes the value as Payload holds it once its own
 * coercions ran ("12" → 12, "true" → true, a JSON string → rich text), so only real mistakes are
 * caught. null and undefined (nothing sent) are never a shape problem.
 */
export function hasWrongShape(field: ShapeField, value: unknown): boolean {
  if (value === null || value === undefined || field.virtual) return false
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code': {
      const scalar = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
      return field.hasMany ? !(Array.isArray(value) && value.every(scalar)) : !scalar(value)
    }
    case 'email':
    case 'password':
      return typeof value !== 'string'
    case 'number': {
      const fits = (v: unknown) => isNumeric(v) && (field.custom?.integer !== true || Number.isInteger(Number(v)))
      return field.hasMany ? !(Array.isArray(value) && value.every(fits)) : !fits(value)
    }
    case 'checkbox':
      return typeof value !== 'boolean'
    case 'date':
      if (value instanceof Date) return Number.isNaN(value.getTime())
      if (typeof value === 'string') return value.trim() !== '' && Number.isNaN(Date.parse(value))
      return true
    case 'select':
    case 'radio': {
      const allowed = new Set(optionValues(field))
      if (field.hasMany) return !(Array.isArray(value) && value.every((v) => typeof v === 'string' && allowed.has(v)))
      return typeof value !== 'string' || (value !== '' && !allowed.has(value))
    }
    case 'relationship':
    case 'upload':
      if (field.hasMany) return Array.isArray(value) ? !value.every((v) => isReference(field, v)) : !isReference(field, value)
      return !isReference(field, value)
    case 'richText':
      return !(isPlainObject(value) && isPlainObject(value.root) && (value.root.children === undefined || Array.isArray(value.root.children)))
    case 'point':
      return !(Array.isArray(value) && value.length === 2 && value.every(isNumeric))
    case 'array':
      // A row count is what Payload's own admin form state sends for an array; rows must be objects.
      return typeof value === 'number' ? false : !(Array.isArray(value) && value.every(isPlainObject))
    case 'blocks': {
      if (typeof value === 'number') return false
      const slugs = new Set([...(field.blocks ?? []).map((b) => b.slug), ...(field.blockReferences ?? []).map((b) => (typeof b === 'string' ? b : b.slug))])
      return !(Array.isArray(value) && value.every((row) => isPlainObject(row) && typeof row.blockType === 'string' && slugs.has(row.blockType)))
    }
    case 'group':
      return !isPlainObject(value)
    default:
      return false
  }
}

/** Whether an id can be one of a collection whose ids are numbers (serial) or text. */
export const isValidId = (id: string | number, idType: 'number' | 'text'): boolean =>
  idType === 'number' ? (typeof id === 'number' ? Number.isSafeInteger(id) : /^\d{1,15}$/.test(id.trim())) : String(id).trim() !== ''

/** The ids a relationship or upload value names, per related collection. */
export function referencedIds(field: ShapeField, value: unknown): Array<{ collection: string; id: string | number }> {
  if (value === null || value === undefined || (field.type !== 'relationship' && field.type !== 'upload')) return []
  const values = Array.isArray(value) ? value : [value]
  const out: Array<{ collection: string; id: string | number }> = []
  for (const v of values) {
    if (Array.isArray(field.relationTo)) {
      if (!isPlainObject(v) || typeof v.relationTo !== 'string') continue
      const id = isPlainObject(v.value) ? v.value.id : v.value
      if (isId(id)) out.push({ collection: v.relationTo, id: id as string | number })
    } else if (field.relationTo) {
      const id = isPlainObject(v) ? v.id : v
      if (isId(id)) out.push({ collection: field.relationTo, id: id as string | number })
    }
  }
  return out
}

/**
 * The message a field's check gives: a message already in Thai and English stays; any other
 * failure (Payload's one-language text) becomes "required" for an empty required field and
 * "must be <shape>" otherwise.
 */
export function fieldErrorMessage(field: ShapeField, value: unknown, failure: string): string {
  if (isBilingual(failure)) return failure
  if (field.required && isBlank(value)) return requiredMessage(field)
  return invalidMessage(field)
}

/** The field a dot path ("steps.0.durationUnit") names, through groups, tabs, arrays and blocks. */
export function fieldAtPath(fields: ShapeField[], path: string): ShapeField | undefined {
  const segments = path.split('.').filter(Boolean)
  let level: ShapeField[] = fields
  let found: ShapeField | undefined
  for (let i = 0; i < segments.length; i++) {
    found = dataFields(level).find((f) => f.name === segments[i])
    if (!found) return undefined
    if (i === segments.length - 1) return found
    if (found.type === 'group') level = found.fields ?? []
    else if (found.type === 'array') {
      if (/^\d+$/.test(segments[i + 1] ?? '')) i += 1
      level = found.fields ?? []
    } else if (found.type === 'blocks') {
      // The block type of a row is not in the path: look for the name in every block.
      if (/^\d+$/.test(segments[i + 1] ?? '')) i += 1
      level = (found.blocks ?? []).flatMap((b) => b.fields)
    } else return undefined
  }
  return found
}

/** The top message of a validation error: which fields, Thai labels first, paths in English. */
export function invalidFieldsSummary(errors: Array<{ path: string; label?: string }>): string {
  const paths = errors.map((e) => e.path)
  const labels = errors.map((e) => e.label || e.path)
  return bilingual(`ข้อมูลไม่ถูกต้อง ${errors.length} ช่อง: ${labels.join(', ')}`, `${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${paths.join(', ')}`)
}
