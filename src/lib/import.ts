/**
 * Reading the earlier info.go.th systems' exports: which column means what, how a cell holding a
 * list is written, and whether a row is complete enough to import. Pure: no Payload, no I/O.
 *
 * One row is one record. In CSV a list cell holds one item per line and an item's parts are
 * separated by `|` (e.g. a step: `ตรวจสอบเอกสาร|15|minutes|งานทะเบียน`); a JSON export may give the
 * same lists as arrays of objects instead. docs/import-export.md ("Column mapping")
 * documents every column.
 */
import { DURATION_UNITS, type DurationUnit } from './duration'
import { isDistrictOf, isProvince, isSubdistrictOf } from './geography'
import { bilingual } from './messages'
import { formatDateFor, formatThaiDate } from './thaiDate'
import { isValidLatitude, isValidLongitude, isValidTime, WEEKDAYS } from './servicePoint'

export const IMPORT_KINDS = ['agencies', 'manuals', 'service-points'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** Agencies first (everything names one), then manuals, then service points (they pin manuals). */
export const IMPORT_ORDER: Record<ImportKind, number> = { agencies: 0, manuals: 1, 'service-points': 2 }

export type RawRow = Record<string, unknown>

/** infogo field ← the column names the earlier systems used for it (compared without case, `_`, `-` or spaces). */
export const COLUMN_ALIASES: Record<ImportKind, Record<string, string[]>> = {
  agencies: {
    legacyId: ['legacyId', 'id', 'agencyId', 'orgId', 'รหัส'],
    name: ['name', 'nameTh', 'agencyName', 'orgName', 'ชื่อหน่วยงาน'],
    nameEn: ['nameEn', 'agencyNameEn', 'orgNameEn'],
    kind: ['kind', 'type', 'agencyType', 'orgType', 'ประเภท'],
    parentLegacyId: ['parentLegacyId', 'parentId', 'parent', 'ministryId'],
    code: ['code', 'agencyCode', 'orgCode', 'รหัสหน่วยงาน'],
    province: ['province', 'provinceName', 'จังหวัด'],
    address: ['address', 'ที่อยู่'],
    phone: ['phone', 'tel', 'telephone', 'โทรศัพท์'],
    email: ['email', 'อีเมล'],
    website: ['website', 'url', 'web'],
  },
  'service-points': {
    legacyId: ['legacyId', 'id', 'servicePointId', 'pointId', 'รหัส'],
    name: ['name', 'servicePointName', 'pointName', 'ชื่อจุดบริการ'],
    nameEn: ['nameEn'],
    agencyLegacyId: ['agencyLegacyId', 'agencyId', 'orgId'],
    parentLegacyId: ['parentLegacyId', 'parentId', 'parent'],
    visible: ['visible', 'display', 'show', 'การแสดงผล'],
    status: ['status', 'สถานะ'],
    address: ['address', 'ที่อยู่'],
    province: ['province', 'provinceName', 'จังหวัด'],
    district: ['district', 'amphoe', 'อำเภอ'],
    subdistrict: ['subdistrict', 'tambon', 'ตำบล'],
    postcode: ['postcode', 'zipcode', 'zip', 'รหัสไปรษณีย์'],
    lat: ['lat', 'latitude', 'ละติจูด'],
    lng: ['lng', 'lon', 'long', 'longitude', 'ลองจิจูด'],
    openingHours: ['openingHours', 'hours', 'officeHours', 'วันเวลาทำการ'],
    phone: ['phone', 'tel', 'telephone', 'โทรศัพท์'],
    email: ['email', 'อีเมล'],
    manualLegacyIds: ['manualLegacyIds', 'manualIds', 'manuals', 'pins', 'pinnedManuals', 'คู่มือที่ปักหมุด'],
  },
  manuals: {
    legacyId: ['legacyId', 'id', 'manualId', 'รหัส'],
    title: ['title', 'manualTitle', 'name', 'ชื่อคู่มือ'],
    agencyLegacyId: ['agencyLegacyId', 'agencyId', 'orgId'],
    processLegacyId: ['processLegacyId', 'processId'],
    processName: ['processName', 'process', 'ชื่อกระบวนงาน'],
    commonNames: ['commonNames', 'aliases', 'ชื่อเรียกทั่วไป'],
    serviceType: ['serviceType', 'type', 'ประเภทขั้นตอน'],
    categories: ['categories', 'category', 'serviceCategory', 'หมวดหมู่'],
    conditions: ['conditions', 'criteria', 'หลักเกณฑ์'],
    serviceChannels: ['serviceChannels', 'channels', 'ช่องทางการให้บริการ'],
    steps: ['steps', 'ขั้นตอน'],
    documents: ['documents', 'requiredDocuments', 'เอกสาร'],
    fees: ['fees', 'ค่าธรรมเนียม'],
    complaintChannels: ['complaintChannels', 'complaints', 'ช่องทางการร้องเรียน'],
    legalBasis: ['legalBasis', 'laws', 'legalReferences', 'กฎหมาย'],
    publishedAt: ['publishedAt', 'publishDate', 'published', 'วันที่เผยแพร่'],
    revision: ['revision', 'version', 'ฉบับที่'],
    history: ['history', 'revisionHistory', 'ประวัติ'],
    remarks: ['remarks', 'note', 'หมายเหตุ'],
  },
}

const keyOf = (name: string) => name.normalize('NFC').toLowerCase().replace(/[\s_\-.]/g, '')

/** Picks each infogo field's value from a row, whatever the earlier system called the column. */
export function pickColumns(kind: ImportKind, row: RawRow): Record<string, unknown> {
  const byKey = new Map<string, unknown>()
  for (const [column, value] of Object.entries(row)) byKey.set(keyOf(column), value)
  const out: Record<string, unknown> = {}
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES[kind])) {
    for (const alias of aliases) {
      const value = byKey.get(keyOf(alias))
      if (value !== undefined && value !== null && value !== '') {
        out[field] = value
        break
      }
    }
  }
  return out
}

/** The kind of an export, from its file name or, failing that, its columns. */
export function detectKind(fileName: string, columns: string[] = []): ImportKind | null {
  const name = fileName.toLowerCase().split(/[\\/]/).pop() ?? ''
  if (/service[-_ ]?points?|points?|locations?/.test(name)) return 'service-points'
  if (/manuals?|คู่มือ/.test(name)) return 'manuals'
  if (/agenc|organi[sz]ations?|หน่วยงาน/.test(name)) return 'agencies'
  const keys = new Set(columns.map(keyOf))
  if (keys.has('steps') || keys.has('title')) return 'manuals'
  if (keys.has('lat') || keys.has('latitude') || keys.has('manuallegacyids')) return 'service-points'
  if (keys.has('kind') || keys.has('agencytype')) return 'agencies'
  return null
}

// ---------------------------------------------------------------------------------------------
// Cells

const text = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  const s = String(value).normalize('NFC').trim()
  return s === '' ? undefined : s
}

/** A list cell: a JSON array as it is, a JSON array written into a CSV cell, or one item per line. */
export function listOf(value: unknown): unknown[] {
  if (value === null || value === undefined || value === '') return []
  if (Array.isArray(value)) return value
  const s = String(value).trim()
  if (s.startsWith('[')) {
    try {
      const parsed = JSON.parse(s)
      if (Array.isArray(parsed)) return parsed
    } catch {
      // not JSON: read it as lines
    }
  }
  return s
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

/** An item of a list: an object as given, or `a|b|c` read into the named parts. */
function partsOf(item: unknown, names: string[]): Record<string, unknown> {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const obj = item as Record<string, unknown>
    const byKey = new Map(Object.entries(obj).map(([k, v]) => [keyOf(k), v]))
    return Object.fromEntries(names.map((n) => [n, byKey.get(keyOf(n))]))
  }
  const values = String(item).split('|').map((p) => p.trim())
  return Object.fromEntries(names.map((n, i) => [n, values[i] === '' ? undefined : values[i]]))
}

/** A number as the exports write it: `1,200`, `1200.50`, `1,200 บาท`. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  const s = text(value)
  if (!s) return undefined
  const cleaned = s.replace(/,/g, '').replace(/\s*(บาท|baht)\.?$/i, '')
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined
  return Number(cleaned)
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'ใช่', 'แสดง', 'show', 'visible'])
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'ไม่', 'ไม่ใช่', 'ไม่แสดง', 'hide', 'hidden'])

export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  const s = text(value)?.toLowerCase()
  if (s === undefined) return undefined
  if (TRUE_WORDS.has(s)) return true
  if (FALSE_WORDS.has(s)) return false
  return undefined
}

/**
 * A date as ISO-8601 (UTC). Accepts ISO dates and times, and `dd/mm/yyyy` with a Buddhist-era
 * (พ.ศ. > 2400) or Gregorian year; a date alone is midnight in Bangkok.
 */
export function parseDate(value: unknown): string | undefined {
  const s = text(value)
  if (!s) return undefined
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
  let iso = s
  if (dmy) {
    const [, d, m, y] = dmy
    const year = Number(y) > 2400 ? Number(y) - 543 : Number(y)
    iso = `${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  }
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (dateOnly) {
    const year = Number(dateOnly[1]) > 2400 ? Number(dateOnly[1]) - 543 : Number(dateOnly[1])
    iso = `${year}-${dateOnly[2]}-${dateOnly[3]}T00:00:00+07:00`
    const date = new Date(iso)
    // 31/02 rolls over in Date: compare the parts to catch it.
    if (Number.isNaN(date.getTime()) || new Date(date.getTime() + 7 * 3600_000).getUTCDate() !== Number(dateOnly[3])) return undefined
    return date.toISOString()
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return undefined
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

const UNIT_WORDS: Record<string, DurationUnit> = {
  minute: 'minutes', minutes: 'minutes', min: 'minutes', mins: 'minutes', นาที: 'minutes',
  hour: 'hours', hours: 'hours', hr: 'hours', hrs: 'hours', ชั่วโมง: 'hours', ชม: 'hours',
  day: 'days', days: 'days', วัน: 'days', วันทำการ: 'days', workingdays: 'days',
}

export function parseDurationUnit(value: unknown): DurationUnit | undefined {
  const s = text(value)?.toLowerCase().replace(/[\s.]/g, '')
  if (!s) return undefined
  return UNIT_WORDS[s] ?? DURATION_UNITS.find((u) => u.value === s)?.value
}

const DAY_WORDS: Record<string, (typeof WEEKDAYS)[number]['value']> = {}
for (const d of WEEKDAYS) {
  DAY_WORDS[d.value] = d.value
  DAY_WORDS[d.en.toLowerCase()] = d.value
  DAY_WORDS[d.th] = d.value
}
Object.assign(DAY_WORDS, { จ: 'mon', อ: 'tue', พ: 'wed', พฤ: 'thu', ศ: 'fri', ส: 'sat', อา: 'sun' })
const DAY_ORDER = WEEKDAYS.map((d) => d.value)
type Day = (typeof DAY_ORDER)[number]

export type OpeningPeriod = { day: Day; opens: string; closes: string }

const dayOf = (word: string): Day | undefined => DAY_WORDS[word.trim().toLowerCase().replace(/^วัน/, '').replace(/\.$/, '')]

/**
 * Opening hours such as `mon-fri 08:30-16:30; sat 09:00-12:00` or `จันทร์-ศุกร์ 08:30-16:30`,
 * one period per day. Returns null when a part cannot be read.
 */
export function parseOpeningHours(value: unknown): OpeningPeriod[] | null {
  if (value === null || value === undefined || value === '') return []
  if (Array.isArray(value)) {
    const out: OpeningPeriod[] = []
    for (const item of value) {
      const p = partsOf(item, ['day', 'opens', 'closes'])
      const day = dayOf(String(p.day ?? ''))
      const opens = text(p.opens)
      const closes = text(p.closes)
      if (!day || !opens || !closes || !isValidTime(opens) || !isValidTime(closes) || closes <= opens) return null
      out.push({ day, opens, closes })
    }
    return out
  }
  const out: OpeningPeriod[] = []
  for (const part of String(value).split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s+(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})(\s*น\.?)?$/.exec(part)
    if (!m) return null
    const opens = `${m[2].padStart(2, '0')}:${m[3]}`
    const closes = `${m[4].padStart(2, '0')}:${m[5]}`
    if (!isValidTime(opens) || !isValidTime(closes) || closes <= opens) return null
    const days: Day[] = []
    for (const spec of m[1].split(',').map((s) => s.trim())) {
      const range = spec.split(/\s*[-–]\s*|\s+ถึง\s+/)
      if (range.length === 2) {
        const from = dayOf(range[0])
        const to = dayOf(range[1])
        if (!from || !to) return null
        const a = DAY_ORDER.indexOf(from)
        const b = DAY_ORDER.indexOf(to)
        if (b < a) return null
        days.push(...DAY_ORDER.slice(a, b + 1))
      } else {
        const day = dayOf(spec)
        if (!day) return null
        days.push(day)
      }
    }
    for (const day of days) out.push({ day, opens, closes })
  }
  return out
}

const KIND_WORDS: Record<string, 'ministry' | 'department' | 'local-government'> = {
  ministry: 'ministry', กระทรวง: 'ministry',
  department: 'department', กรม: 'department', หน่วยงานเทียบเท่ากรม: 'department', agency: 'department',
  'local-government': 'local-government', localgovernment: 'local-government', lao: 'local-government',
  อปท: 'local-government', องค์กรปกครองส่วนท้องถิ่น: 'local-government', ท้องถิ่น: 'local-government',
}

const SERVICE_TYPE_WORDS: Record<string, 'licence' | 'service'> = {
  licence: 'licence', license: 'licence', permit: 'licence', อนุญาต: 'licence', อนุมัติ: 'licence', จดทะเบียน: 'licence',
  service: 'service', บริการ: 'service',
}

// ---------------------------------------------------------------------------------------------
// Records

export type AgencyRecord = {
  legacyId: string
  name: string
  nameEn?: string
  kind: 'ministry' | 'department' | 'local-government'
  parentLegacyId?: string
  code?: string
  province?: string
  address?: string
  phone?: string
  email?: string
  website?: string
}

export type ServicePointRecord = {
  legacyId: string
  name: string
  nameEn?: string
  agencyLegacyId: string
  parentLegacyId?: string
  visible: boolean
  status: 'active' | 'closed'
  address?: string
  province: string
  district?: string
  subdistrict?: string
  postcode?: string
  location?: { lat: number; lng: number }
  openingHours: OpeningPeriod[]
  phone?: string
  email?: string
  manualLegacyIds: string[]
}

export type ManualRecord = {
  legacyId: string
  title: string
  agencyLegacyId: string
  processLegacyId: string
  processName: string
  commonNames: string[]
  categories: string[]
  serviceType?: 'licence' | 'service'
  conditions: string[]
  serviceChannels: Array<{ place: string; hours?: string }>
  steps: Array<{ title: string; description?: string; duration: number; durationUnit: DurationUnit; responsibleUnit?: string }>
  documents: Array<{ name: string; issuingAgency?: string; originals: number; copies: number; note?: string }>
  noFee: boolean
  fees: Array<{ description: string; amount: number }>
  complaintChannels: Array<{ channel: string; contact?: string }>
  legalBasis: string[]
  publishedAt: string
  revision: number
  history: string[]
  remarks?: string
}

export type ImportRecord = AgencyRecord | ServicePointRecord | ManualRecord
export type MappedRow<T> = { ok: true; record: T } | { ok: false; legacyId?: string; errors: string[] }

/**
 * Payload's own email rule (fields/validations.ts in payload): batches are written through the
 * database adapter, which does not validate, so this mapping refuses what the Local API would.
 */
const EMAIL = /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i
/** Payload's `defaultMaxTextLength`: the longest text or textarea value it accepts. */
export const MAX_TEXT_LENGTH = 40_000
const required = (th: string, en: string) => bilingual(`ไม่มี${th}`, `${en} is missing`)

/** The first text in `value` longer than Payload accepts, with where it is; skips the named keys. */
function tooLong(value: unknown, skip: string[], at = ''): string | null {
  if (typeof value === 'string') return value.length > MAX_TEXT_LENGTH ? at : null
  if (!value || typeof value !== 'object') return null
  for (const [key, v] of Object.entries(value)) {
    if (skip.includes(key)) continue
    const found = tooLong(v, [], at ? `${at}.${key}` : key)
    if (found !== null) return found
  }
  return null
}

/**
 * The record, unless something was wrong. `skip`: keys not stored as they are (rich text
 * paragraphs, the parts of a composed text), checked by the caller if at all.
 */
function finish<T>(legacyId: string | undefined, errors: string[], record: () => T, skip: string[] = []): MappedRow<T> {
  if (errors.length) return { ok: false, legacyId, errors }
  const built = record()
  const long = tooLong(built, skip)
  if (long !== null)
    return { ok: false, legacyId, errors: [bilingual(`ข้อความใน ${long} ยาวเกิน ${MAX_TEXT_LENGTH} ตัวอักษร`, `${long} is longer than ${MAX_TEXT_LENGTH} characters`)] }
  return { ok: true, record: built }
}

export function mapAgencyRow(row: RawRow): MappedRow<AgencyRecord> {
  const c = pickColumns('agencies', row)
  const errors: string[] = []
  const legacyId = text(c.legacyId)
  const name = text(c.name)
  const kindWord = text(c.kind)?.toLowerCase().replace(/[\s.]/g, '')
  const kind = kindWord ? KIND_WORDS[kindWord] : undefined
  const province = text(c.province)
  const email = text(c.email)
  const parentLegacyId = text(c.parentLegacyId)
  if (!legacyId) errors.push(required('รหัสในระบบเดิม', 'legacyId'))
  if (!name) errors.push(required('ชื่อหน่วยงาน', 'name'))
  if (!kindWord) errors.push(required('ประเภทหน่วยงาน', 'kind'))
  else if (!kind) errors.push(bilingual(`ไม่รู้จักประเภทหน่วยงาน "${text(c.kind)}"`, `Unknown agency kind "${text(c.kind)}"`))
  if (kind === 'ministry' && parentLegacyId) errors.push(bilingual('กระทรวงต้องไม่มีหน่วยงานต้นสังกัด', 'A ministry has no parent agency'))
  if (kind && kind !== 'ministry' && parentLegacyId === legacyId && legacyId)
    errors.push(bilingual('หน่วยงานเป็นต้นสังกัดของตนเองไม่ได้', 'An agency cannot be its own parent'))
  if (province && !isProvince(province)) errors.push(bilingual(`ไม่พบจังหวัด "${province}"`, `Unknown province "${province}"`))
  if (email && !EMAIL.test(email)) errors.push(bilingual(`อีเมลไม่ถูกต้อง "${email}"`, `Invalid email "${email}"`))
  return finish(legacyId, errors, () => ({
    legacyId: legacyId!,
    name: name!,
    nameEn: text(c.nameEn),
    kind: kind!,
    parentLegacyId,
    code: text(c.code),
    province,
    address: text(c.address),
    phone: text(c.phone),
    email,
    website: text(c.website),
  }))
}

export function mapServicePointRow(row: RawRow): MappedRow<ServicePointRecord> {
  const c = pickColumns('service-points', row)
  const errors: string[] = []
  const legacyId = text(c.legacyId)
  const name = text(c.name)
  const agencyLegacyId = text(c.agencyLegacyId)
  const province = text(c.province)
  const district = text(c.district)
  const subdistrict = text(c.subdistrict)
  const email = text(c.email)
  if (!legacyId) errors.push(required('รหัสในระบบเดิม', 'legacyId'))
  if (!name) errors.push(required('ชื่อจุดบริการ', 'name'))
  if (!agencyLegacyId) errors.push(required('รหัสหน่วยงานเจ้าของ', 'agencyLegacyId'))
  if (!province) errors.push(required('จังหวัด', 'province'))
  else if (!isProvince(province)) errors.push(bilingual(`ไม่พบจังหวัด "${province}"`, `Unknown province "${province}"`))
  else if (district && !isDistrictOf(province, district))
    errors.push(bilingual(`ไม่พบอำเภอ "${district}" ในจังหวัด${province}`, `"${district}" is not a district of ${province}`))
  else if (district && subdistrict && !isSubdistrictOf(province, district, subdistrict))
    errors.push(bilingual(`ไม่พบตำบล "${subdistrict}" ในอำเภอ${district}`, `"${subdistrict}" is not a subdistrict of ${district}`))
  const visible = c.visible === undefined ? true : parseBoolean(c.visible)
  if (visible === undefined) errors.push(bilingual(`ค่าการแสดงผลไม่ถูกต้อง "${text(c.visible)}"`, `Invalid visible value "${text(c.visible)}"`))
  const statusWord = text(c.status)?.toLowerCase()
  const status = !statusWord || ['active', 'open', 'เปิด', 'เปิดให้บริการ'].includes(statusWord) ? 'active' : ['closed', 'ปิด', 'ปิดให้บริการ'].includes(statusWord) ? 'closed' : undefined
  if (!status) errors.push(bilingual(`สถานะไม่ถูกต้อง "${text(c.status)}"`, `Invalid status "${text(c.status)}"`))
  const lat = parseNumber(c.lat)
  const lng = parseNumber(c.lng)
  let location: { lat: number; lng: number } | undefined
  if (c.lat !== undefined || c.lng !== undefined) {
    if (lat === undefined || lng === undefined || !isValidLatitude(lat) || !isValidLongitude(lng))
      errors.push(bilingual(`พิกัดไม่อยู่ในประเทศไทย (${text(c.lat)}, ${text(c.lng)})`, `Coordinates outside Thailand (${text(c.lat)}, ${text(c.lng)})`))
    else location = { lat, lng }
  }
  const openingHours = parseOpeningHours(c.openingHours)
  if (!openingHours)
    errors.push(bilingual(`อ่านวันเวลาทำการไม่ได้ "${text(c.openingHours)}"`, `Cannot read opening hours "${text(c.openingHours)}" (e.g. mon-fri 08:30-16:30)`))
  if (email && !EMAIL.test(email)) errors.push(bilingual(`อีเมลไม่ถูกต้อง "${email}"`, `Invalid email "${email}"`))
  const manualLegacyIds = [...new Set(listOf(c.manualLegacyIds).flatMap((v) => String(v).split(/[|,;]/)).map((v) => v.trim()).filter(Boolean))]
  return finish(legacyId, errors, () => ({
    legacyId: legacyId!,
    name: name!,
    nameEn: text(c.nameEn),
    agencyLegacyId: agencyLegacyId!,
    parentLegacyId: text(c.parentLegacyId),
    visible: visible!,
    status: status!,
    address: text(c.address),
    province: province!,
    district,
    subdistrict,
    postcode: text(c.postcode),
    location,
    openingHours: openingHours!,
    phone: text(c.phone),
    email,
    manualLegacyIds,
  }))
}

export function mapManualRow(row: RawRow): MappedRow<ManualRecord> {
  const c = pickColumns('manuals', row)
  const errors: string[] = []
  const legacyId = text(c.legacyId)
  const title = text(c.title)
  const agencyLegacyId = text(c.agencyLegacyId)
  if (!legacyId) errors.push(required('รหัสในระบบเดิม', 'legacyId'))
  if (!title) errors.push(required('ชื่อคู่มือ', 'title'))
  if (!agencyLegacyId) errors.push(required('รหัสหน่วยงาน', 'agencyLegacyId'))

  const serviceTypeWord = text(c.serviceType)?.toLowerCase()
  const serviceType = serviceTypeWord ? SERVICE_TYPE_WORDS[serviceTypeWord] : undefined
  if (serviceTypeWord && !serviceType)
    errors.push(bilingual(`ไม่รู้จักประเภทขั้นตอน "${text(c.serviceType)}"`, `Unknown service type "${text(c.serviceType)}"`))

  const conditions = listOf(c.conditions).map((p) => text(p)).filter((p): p is string => !!p)
  if (!conditions.length) errors.push(required('หลักเกณฑ์ วิธีการ เงื่อนไข', 'conditions'))

  const steps: ManualRecord['steps'] = []
  listOf(c.steps).forEach((item, i) => {
    const p = partsOf(item, ['title', 'duration', 'durationUnit', 'responsibleUnit', 'description'])
    const stepTitle = text(p.title)
    const duration = parseNumber(p.duration)
    const durationUnit = parseDurationUnit(p.durationUnit ?? (item as Record<string, unknown>)?.unit)
    if (!stepTitle || duration === undefined || duration < 0 || !durationUnit) {
      errors.push(bilingual(`ขั้นตอนที่ ${i + 1} ไม่ครบหรือไม่ถูกต้อง (ขั้นตอน|ระยะเวลา|หน่วย|ผู้รับผิดชอบ)`, `Step ${i + 1} is incomplete or invalid (title|duration|unit|responsible unit)`))
      return
    }
    steps.push({ title: stepTitle, duration, durationUnit, responsibleUnit: text(p.responsibleUnit), description: text(p.description) })
  })
  if (!listOf(c.steps).length) errors.push(required('ขั้นตอนการให้บริการ', 'steps'))

  const documents: ManualRecord['documents'] = []
  listOf(c.documents).forEach((item, i) => {
    const p = partsOf(item, ['name', 'issuingAgency', 'originals', 'copies', 'note'])
    const name = text(p.name)
    const originals = p.originals === undefined ? 0 : parseNumber(p.originals)
    const copies = p.copies === undefined ? 0 : parseNumber(p.copies)
    if (!name || originals === undefined || copies === undefined || originals < 0 || copies < 0 || !Number.isInteger(originals) || !Number.isInteger(copies)) {
      errors.push(bilingual(`เอกสารรายการที่ ${i + 1} ไม่ถูกต้อง (ชื่อ|ผู้ออก|ฉบับจริง|สำเนา|หมายเหตุ)`, `Document ${i + 1} is invalid (name|issuing agency|originals|copies|note)`))
      return
    }
    documents.push({ name, issuingAgency: text(p.issuingAgency), originals, copies, note: text(p.note) })
  })

  const fees: ManualRecord['fees'] = []
  listOf(c.fees).forEach((item, i) => {
    const p = partsOf(item, ['description', 'amount'])
    const description = text(p.description)
    const amount = parseNumber(p.amount)
    if (!description || amount === undefined || amount < 0) {
      errors.push(bilingual(`ค่าธรรมเนียมรายการที่ ${i + 1} ไม่ถูกต้อง (รายการ|จำนวนเงิน)`, `Fee ${i + 1} is invalid (description|amount)`))
      return
    }
    fees.push({ description, amount })
  })

  const complaintChannels = listOf(c.complaintChannels)
    .map((item) => partsOf(item, ['channel', 'contact']))
    .filter((p) => text(p.channel))
    .map((p) => ({ channel: text(p.channel)!, contact: text(p.contact) }))
  const serviceChannels = listOf(c.serviceChannels)
    .map((item) => partsOf(item, ['place', 'hours']))
    .filter((p) => text(p.place))
    .map((p) => ({ place: text(p.place)!, hours: text(p.hours) }))
  const legalBasis = listOf(c.legalBasis)
    .map((item) => (item && typeof item === 'object' ? text((item as Record<string, unknown>).title) : text(item)))
    .filter((s): s is string => !!s)

  const publishedAt = parseDate(c.publishedAt)
  if (!text(c.publishedAt)) errors.push(required('วันที่เผยแพร่', 'publishedAt'))
  else if (!publishedAt) errors.push(bilingual(`วันที่เผยแพร่ไม่ถูกต้อง "${text(c.publishedAt)}"`, `Invalid publishedAt "${text(c.publishedAt)}"`))
  const revision = c.revision === undefined ? 1 : parseNumber(c.revision)
  if (revision === undefined || revision < 1 || !Number.isInteger(revision))
    errors.push(bilingual(`ฉบับที่ (revision) ไม่ถูกต้อง "${text(c.revision)}"`, `Invalid revision "${text(c.revision)}"`))

  const splitNames = (v: unknown) => listOf(v).flatMap((s) => String(s).split(/[|,]/)).map((s) => s.normalize('NFC').trim()).filter(Boolean)
  const processName = text(c.processName) ?? title?.replace(/^คู่มือสำหรับประชาชน\s*[:：]\s*/, '')
  const mapped = finish(legacyId, errors, () => ({
    legacyId: legacyId!,
    title: title!,
    agencyLegacyId: agencyLegacyId!,
    // Most manuals of the earlier systems are their own process: the manual's id then names it.
    processLegacyId: text(c.processLegacyId) ?? `manual:${legacyId}`,
    processName: processName!,
    commonNames: [...new Set(splitNames(c.commonNames))],
    categories: [...new Set(splitNames(c.categories))],
    serviceType,
    conditions,
    serviceChannels,
    steps,
    documents,
    noFee: fees.length === 0,
    fees,
    complaintChannels,
    legalBasis,
    publishedAt: publishedAt!,
    revision: revision!,
    history: listOf(c.history).map((h) => text(typeof h === 'object' ? Object.values(h as object).join(' ') : h)).filter((h): h is string => !!h),
    remarks: text(c.remarks),
  }), ['conditions', 'history', 'remarks'])
  // The remark and the history are stored composed (adding a line of about 200 characters);
  // composed only when that could go over, as formatting the Thai date is slow.
  // Rich text (conditions) has no length limit.
  const parts = mapped.ok ? (mapped.record.remarks?.length ?? 0) + mapped.record.history.reduce((n, h) => n + h.length + 3, 0) : 0
  if (mapped.ok && parts + 1000 > MAX_TEXT_LENGTH && importedRemarks(mapped.record, (iso) => formatThaiDate(iso)).length > MAX_TEXT_LENGTH)
    return { ok: false, legacyId, errors: [bilingual(`หมายเหตุและประวัติรวมกันยาวเกิน ${MAX_TEXT_LENGTH} ตัวอักษร`, `remarks with the history are longer than ${MAX_TEXT_LENGTH} characters`)] }
  return mapped
}

export function mapRow(kind: ImportKind, row: RawRow): MappedRow<ImportRecord> {
  if (kind === 'agencies') return mapAgencyRow(row)
  if (kind === 'service-points') return mapServicePointRow(row)
  return mapManualRow(row)
}

/**
 * The remarks of an imported manual: the export's own remark, then where it came from and its
 * history in the earlier system. No import date, so a rerun writes the same text. The English
 * date is the same Bangkok day as the Thai one (Gregorian).
 */
export function importedRemarks(record: ManualRecord, formatDate: (iso: string) => string): string {
  const lines = [
    ...(record.remarks ? [record.remarks, ''] : []),
    `นำเข้าจากระบบเดิม รหัส ${record.legacyId} ฉบับที่ ${record.revision} เผยแพร่เมื่อ ${formatDate(record.publishedAt)} ` +
      `(Imported from the earlier system, id ${record.legacyId}, revision ${record.revision}, published ${formatDateFor('en', record.publishedAt)})`,
  ]
  if (record.history.length) lines.push('ประวัติในระบบเดิม (History in the earlier system):', ...record.history.map((h) => `- ${h}`))
  return lines.join('\n')
}

// ---------------------------------------------------------------------------------------------
// Comparing with what is stored

const idOf = (v: unknown): unknown => (v && typeof v === 'object' && 'id' in (v as object) && !Array.isArray(v) ? (v as { id: unknown }).id : v)
const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/**
 * Whether writing `data` would change `stored`: only the keys `data` sets are compared, array rows
 * ignore the ids Payload gives them, relations compare by id, dates by instant. A rerun of the same
 * export then writes nothing (no new version, no new updatedAt).
 */
export function wouldChange(data: unknown, stored: unknown): boolean {
  if (blank(data)) return !blank(stored)
  if (Array.isArray(data)) {
    if (!Array.isArray(stored) || stored.length !== data.length) return true
    return data.some((item, i) => wouldChange(item, stored[i]))
  }
  if (data && typeof data === 'object') {
    if (!stored || typeof stored !== 'object') return true
    const s = stored as Record<string, unknown>
    return Object.entries(data as Record<string, unknown>).some(([k, v]) => wouldChange(v, s[k]))
  }
  const a = idOf(data)
  const b = idOf(stored)
  if (typeof a === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(a) && typeof b === 'string') return new Date(a).getTime() !== new Date(b).getTime()
  if (typeof a === 'number' || typeof b === 'number') return Number(a) !== Number(b)
  return a !== b
}

// ---------------------------------------------------------------------------------------------
// Search rows after an import

type DocId = string | number

export type SearchRowState = {
  /** Each search row's updatedAt (ms), by `manuals:<id>` or `service-points:<id>`. */
  rows: Map<string, number>
  manuals: Array<{ id: DocId; updatedAt: number; process: DocId | null; published: boolean }>
  /** Each process's updatedAt (ms), by id. */
  processes: Map<string, number>
  points: Array<{ id: DocId; updatedAt: number; public: boolean; manuals: DocId[] }>
}

/**
 * The documents whose search row is missing, older than something it is built from, or there
 * though the document is no longer public. A published manual's row is built from the manual,
 * its process and the service points pinning it (their provinces); a public service point's row
 * from the point. Decided from what is stored, so a run killed before it refreshed the rows
 * leaves the next run to do it.
 */
export function staleSearchRows(s: SearchRowState): { manuals: DocId[]; 'service-points': DocId[] } {
  const pinnedAt = new Map<string, number>()
  for (const p of s.points) for (const m of p.manuals) pinnedAt.set(String(m), Math.max(pinnedAt.get(String(m)) ?? 0, p.updatedAt))
  const manuals: DocId[] = []
  for (const m of s.manuals) {
    const row = s.rows.get(`manuals:${m.id}`)
    if (!m.published) {
      if (row !== undefined) manuals.push(m.id)
      continue
    }
    const source = Math.max(m.updatedAt, m.process === null ? 0 : (s.processes.get(String(m.process)) ?? 0), pinnedAt.get(String(m.id)) ?? 0)
    if (row === undefined || row < source) manuals.push(m.id)
  }
  const points: DocId[] = []
  for (const p of s.points) {
    const row = s.rows.get(`service-points:${p.id}`)
    if (p.public ? row === undefined || row < p.updatedAt : row !== undefined) points.push(p.id)
  }
  return { manuals, 'service-points': points }
}
