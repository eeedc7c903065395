/**
 * The published catalogue as an Open Referral HSDS-style data package (organizations, services,
 * locations, addresses, service_at_location), for other government portals. Pure mapping from
 * infogo documents (depth 0) to HSDS rows; ids are stable UUIDs derived from infogo's ids, so a
 * portal that loads every export sees the same record under the same id.
 */
import { createHash } from 'node:crypto'

import { DURATION_UNITS } from './duration'
import { lexicalToText } from './lexical'

type Doc = Record<string, any>

// Namespace of infogo's HSDS ids (a random UUID fixed once).
const NAMESPACE = '6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e3f4a5b'

/** RFC 4122 version-5 UUID of `name` in infogo's namespace. */
export function stableUuid(name: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex')
  const hash = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)
export const hsdsId = (kind: 'organization' | 'service' | 'location' | 'address' | 'service_at_location', ...ids: unknown[]) =>
  stableUuid(`infogo:${kind}:${ids.map((i) => String(idOf(i))).join(':')}`)

const KIND_DESCRIPTIONS: Record<string, string> = {
  ministry: 'กระทรวง (Ministry)',
  department: 'กรมหรือหน่วยงานเทียบเท่า (Department or equivalent)',
  'local-government': 'องค์กรปกครองส่วนท้องถิ่น (Local government)',
}

const unitName = (unit: unknown) => DURATION_UNITS.find((u) => u.value === unit)?.th ?? ''
const baht = (n: number) => `${n.toLocaleString('th-TH')} บาท`

export const HSDS_FIELDS = {
  organizations: ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'parent_organization_id', 'external_identifier', 'external_identifier_type'],
  services: ['id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'status', 'application_process', 'wait_time', 'fees_description', 'licenses', 'last_modified'],
  locations: ['id', 'location_type', 'organization_id', 'name', 'alternate_name', 'description', 'latitude', 'longitude', 'external_identifier', 'external_identifier_type'],
  addresses: ['id', 'location_id', 'address_1', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type'],
  service_at_location: ['id', 'service_id', 'location_id', 'description'],
} as const

export type HsdsTable = keyof typeof HSDS_FIELDS
export type HsdsRow = Record<string, string | number | null>

export function organizationRow(agency: Doc): HsdsRow {
  return {
    id: hsdsId('organization', agency.id),
    name: agency.name,
    alternate_name: agency.nameEn ?? null,
    description: [KIND_DESCRIPTIONS[agency.kind] ?? agency.kind, agency.province ? `จังหวัด${agency.province}` : ''].filter(Boolean).join(' · '),
    email: agency.email ?? null,
    website: agency.website ?? null,
    parent_organization_id: agency.parent ? hsdsId('organization', agency.parent) : null,
    external_identifier: agency.code ?? null,
    external_identifier_type: agency.code ? 'infogo agency code' : null,
  }
}

/** A published manual as a service; `publicUrl` is where citizens read it. */
export function serviceRow(manual: Doc, processDoc: Doc | undefined, publicUrl: string): HsdsRow {
  const steps = (manual.steps ?? []) as Doc[]
  const fees = (manual.fees ?? []) as Doc[]
  return {
    id: hsdsId('service', manual.id),
    organization_id: hsdsId('organization', manual.agency),
    name: manual.title,
    alternate_name: ((processDoc?.commonNames as string[] | undefined) ?? []).join('; ') || null,
    description: lexicalToText(manual.conditions) || manual.title,
    url: publicUrl,
    status: 'active',
    application_process: steps.map((s, i) => `${i + 1}. ${s.title} (${s.duration} ${unitName(s.durationUnit)}${s.responsibleUnit ? `, ${s.responsibleUnit}` : ''})`).join('\n'),
    wait_time: typeof manual.totalDuration === 'number' ? `${manual.totalDuration} ${unitName(manual.totalDurationUnit)}` : null,
    fees_description: manual.noFee || !fees.length ? 'ไม่มีค่าธรรมเนียม (No fee)' : fees.map((f) => `${f.description}: ${baht(Number(f.amount))}`).join('; '),
    licenses: ((manual.legalBasis ?? []) as Doc[]).map((l) => l.title).join('; ') || null,
    last_modified: manual.publishedAt ?? manual.updatedAt ?? null,
  }
}

export function locationRows(point: Doc): { location: HsdsRow; address: HsdsRow | null } {
  const id = hsdsId('location', point.id)
  const hasAddress = point.address || point.district || point.province
  return {
    location: {
      id,
      location_type: 'physical',
      organization_id: hsdsId('organization', point.agency),
      name: point.name,
      alternate_name: point.nameEn ?? null,
      description: [point.phone ? `โทร ${point.phone}` : '', openingHoursText(point.openingHours)].filter(Boolean).join(' · ') || null,
      latitude: point.location?.lat ?? null,
      longitude: point.location?.lng ?? null,
      external_identifier: point.legacyId ?? null,
      external_identifier_type: point.legacyId ? 'info.go.th earlier-system id' : null,
    },
    address: hasAddress
      ? {
          id: hsdsId('address', point.id),
          location_id: id,
          address_1: point.address ?? '',
          city: point.district ?? null,
          region: point.subdistrict ?? null,
          state_province: point.province ?? '',
          postal_code: point.postcode ?? null,
          country: 'TH',
          address_type: 'physical',
        }
      : null,
  }
}

const DAY_TH: Record<string, string> = { mon: 'จ.', tue: 'อ.', wed: 'พ.', thu: 'พฤ.', fri: 'ศ.', sat: 'ส.', sun: 'อา.' }
function openingHoursText(hours: Doc[] | undefined): string {
  return (hours ?? []).map((h) => `${DAY_TH[h.day] ?? h.day} ${h.opens ?? ''}-${h.closes ?? ''}`).join(', ')
}

/** A pin: the manual offered at the point, with the point's own hours, phone or fee note. */
export function serviceAtLocationRow(point: Doc, manualId: unknown): HsdsRow {
  const detail = ((point.pinDetails ?? []) as Doc[]).find((d) => String(idOf(d.manual)) === String(idOf(manualId)))
  const notes = detail ? [detail.hours, detail.phone ? `โทร ${detail.phone}` : '', detail.feeNote].filter(Boolean).join(' · ') : ''
  return {
    id: hsdsId('service_at_location', manualId, point.id),
    service_id: hsdsId('service', manualId),
    location_id: hsdsId('location', point.id),
    description: notes || null,
  }
}

const FIELD_TYPES: Record<string, string> = { latitude: 'number', longitude: 'number', last_modified: 'datetime' }
const FOREIGN_KEYS: Partial<Record<HsdsTable, Array<{ fields: string; reference: { resource: HsdsTable; fields: string } }>>> = {
  organizations: [{ fields: 'parent_organization_id', reference: { resource: 'organizations', fields: 'id' } }],
  services: [{ fields: 'organization_id', reference: { resource: 'organizations', fields: 'id' } }],
  locations: [{ fields: 'organization_id', reference: { resource: 'organizations', fields: 'id' } }],
  addresses: [{ fields: 'location_id', reference: { resource: 'locations', fields: 'id' } }],
  service_at_location: [
    { fields: 'service_id', reference: { resource: 'services', fields: 'id' } },
    { fields: 'location_id', reference: { resource: 'locations', fields: 'id' } },
  ],
}

/** The Frictionless Data Package descriptor (datapackage.json) of an export. */
export function dataPackage(created: string, counts: Record<HsdsTable, number>) {
  return {
    profile: 'tabular-data-package',
    name: 'infogo-hsds',
    title: 'ศูนย์ข้อมูลการติดต่อราชการ (info.go.th): คู่มือสำหรับประชาชนที่เผยแพร่แล้ว',
    description: 'Published citizen manuals (services), agencies (organizations) and public service points (locations) of info.go.th, in the Open Referral Human Services Data Specification (HSDS) layout.',
    created,
    homepage: 'https://www.info.go.th',
    licenses: [{ name: 'OGL-TH', title: 'Open Government Licence – Thailand' }],
    resources: (Object.keys(HSDS_FIELDS) as HsdsTable[]).map((table) => ({
      name: table,
      path: `${table}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      count: counts[table],
      schema: {
        fields: HSDS_FIELDS[table].map((name) => ({ name, type: FIELD_TYPES[name] ?? 'string', ...(name === 'id' ? { constraints: { required: true, unique: true } } : {}) })),
        primaryKey: 'id',
        ...(FOREIGN_KEYS[table] ? { foreignKeys: FOREIGN_KEYS[table] } : {}),
      },
    })),
  }
}
