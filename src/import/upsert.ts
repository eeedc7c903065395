/**
 * Writes one imported record through the Local API, matched on `legacyId`: created when new,
 * updated when the export says something else than what is stored, left alone when equal (so a
 * rerun writes nothing). Trusted system writes: access overridden, workflow told it is trusted.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { AgencyRecord, ManualRecord, ServicePointRecord } from '../lib/import'
import { importedRemarks, wouldChange } from '../lib/import'
import { lexicalFromParagraphs } from '../lib/lexical'
import { bilingual } from '../lib/messages'
import { formatThaiDate } from '../lib/thaiDate'

export type Id = number | string
export type Doc = Record<string, unknown> & { id: Id }
export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped'
export type Written = { outcome: Outcome; id?: Id; warnings: string[] }

export const IMPORT_CONTEXT = { systemWrite: true, importing: true } as const
export const SYSTEM = { overrideAccess: true, depth: 0 } as const

type LegacyCollection = 'agencies' | 'service-points' | 'processes' | 'manuals'

/** Ids by legacyId of what is committed, filled as batches commit and by look-ups. */
export class LegacyIndex {
  private ids = new Map<string, Id>()
  constructor(
    private payload: Payload,
    readonly collection: LegacyCollection,
  ) {}

  get(legacyId: string): Id | undefined {
    return this.ids.get(legacyId)
  }

  set(legacyId: string, id: Id) {
    this.ids.set(legacyId, id)
  }

  /** Loads the stored documents with these legacyIds (full, depth 0), remembering their ids. */
  async load(legacyIds: string[], req?: Partial<PayloadRequest>): Promise<Map<string, Doc>> {
    const wanted = [...new Set(legacyIds)]
    const found = new Map<string, Doc>()
    for (let i = 0; i < wanted.length; i += 500) {
      const slice = wanted.slice(i, i + 500)
      const result = await this.payload.find({
        collection: this.collection,
        where: { legacyId: { in: slice } },
        limit: slice.length,
        pagination: false,
        ...SYSTEM,
        req,
      })
      for (const doc of result.docs as unknown as Doc[]) {
        found.set(String(doc.legacyId), doc)
        this.ids.set(String(doc.legacyId), doc.id)
      }
    }
    return found
  }

  /** Resolves ids not yet known (one query for all of them). */
  async resolve(legacyIds: string[], req?: Partial<PayloadRequest>): Promise<void> {
    const unknown = legacyIds.filter((l) => !this.ids.has(l))
    if (unknown.length) await this.load(unknown, req)
  }
}

export type ImportState = {
  payload: Payload
  agencies: LegacyIndex
  servicePoints: LegacyIndex
  processes: LegacyIndex
  manuals: LegacyIndex
  /** service-category tags by name */
  tags: Map<string, Id>
  /** Last pass over a file: a service point whose parent is nowhere goes in without it. */
  parentOptional?: boolean
}

export function createImportState(payload: Payload): ImportState {
  return {
    payload,
    agencies: new LegacyIndex(payload, 'agencies'),
    servicePoints: new LegacyIndex(payload, 'service-points'),
    processes: new LegacyIndex(payload, 'processes'),
    manuals: new LegacyIndex(payload, 'manuals'),
    tags: new Map(),
  }
}

/** Work done inside a transaction, published to the shared indexes only once it commits. */
export type Pending = Array<() => void>

async function save(
  state: ImportState,
  req: PayloadRequest,
  collection: LegacyCollection,
  existing: Doc | undefined,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<{ outcome: Outcome; id: Id }> {
  const { payload } = state
  if (existing) {
    if (!wouldChange(data, existing)) return { outcome: 'unchanged', id: existing.id }
    await payload.update({ collection, id: existing.id, data: data as never, req, ...SYSTEM, ...extra })
    return { outcome: 'updated', id: existing.id }
  }
  const doc = await payload.create({ collection, data: data as never, req, ...SYSTEM, ...extra })
  return { outcome: 'created', id: doc.id }
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v)

export async function upsertAgency(
  state: ImportState,
  req: PayloadRequest,
  record: AgencyRecord,
  existing: Doc | undefined,
  pending: Pending,
): Promise<Written> {
  let parent: Id | null = null
  if (record.parentLegacyId) {
    await state.agencies.resolve([record.parentLegacyId], req)
    parent = state.agencies.get(record.parentLegacyId) ?? null
    if (parent === null) throw new ImportRowError(bilingual(`ไม่พบหน่วยงานต้นสังกัด "${record.parentLegacyId}"`, `Parent agency "${record.parentLegacyId}" not found`))
  }
  // An agency already in infogo (e.g. entered by hand) with the same code is adopted, not doubled.
  let target = existing
  if (!target && record.code) {
    const byCode = await state.payload.find({ collection: 'agencies', where: { code: { equals: record.code } }, limit: 1, req, ...SYSTEM })
    const found = byCode.docs[0] as unknown as Doc | undefined
    if (found && found.legacyId && found.legacyId !== record.legacyId)
      throw new ImportRowError(bilingual(`รหัสหน่วยงาน "${record.code}" เป็นของหน่วยงานอื่นแล้ว (${String(found.legacyId)})`, `Agency code "${record.code}" already belongs to ${String(found.legacyId)}`))
    target = found
  }
  const data = {
    legacyId: record.legacyId,
    name: record.name,
    nameEn: orNull(record.nameEn),
    kind: record.kind,
    parent,
    code: orNull(record.code),
    province: orNull(record.province),
    address: orNull(record.address),
    phone: orNull(record.phone),
    email: orNull(record.email),
    website: orNull(record.website),
  }
  const { outcome, id } = await save(state, req, 'agencies', target, data)
  pending.push(() => state.agencies.set(record.legacyId, id))
  return { outcome, id, warnings: [] }
}

async function categoryTags(state: ImportState, req: PayloadRequest, names: string[], pending: Pending): Promise<Id[]> {
  const ids: Id[] = []
  for (const name of names) {
    let id = state.tags.get(name)
    if (id === undefined) {
      const found = await state.payload.find({
        collection: 'tags',
        where: { and: [{ name: { equals: name } }, { type: { equals: 'service-category' } }] },
        limit: 1,
        req,
        ...SYSTEM,
      })
      id = found.docs[0]?.id ?? (await state.payload.create({ collection: 'tags', data: { name, type: 'service-category' } as never, req, ...SYSTEM })).id
      const committed = id
      pending.push(() => state.tags.set(name, committed))
    }
    ids.push(id)
  }
  return ids
}

export async function upsertManual(
  state: ImportState,
  req: PayloadRequest,
  record: ManualRecord,
  existing: Doc | undefined,
  /** The batch's processes, looked up at its start (and kept current here); none: look it up. */
  batchProcesses: Map<string, Doc> | undefined,
  pending: Pending,
): Promise<Written> {
  await state.agencies.resolve([record.agencyLegacyId], req)
  const agency = state.agencies.get(record.agencyLegacyId)
  if (agency === undefined) throw new ImportRowError(bilingual(`ไม่พบหน่วยงาน "${record.agencyLegacyId}"`, `Agency "${record.agencyLegacyId}" not found`))
  // A revision made in infogo after the import is newer than the export: keep it.
  if (existing && typeof existing.revision === 'number' && existing.revision > record.revision) {
    return {
      outcome: 'skipped',
      id: existing.id,
      warnings: [bilingual(`คู่มือนี้มีฉบับที่ ${existing.revision} ใน infogo ใหม่กว่าไฟล์ (ฉบับที่ ${record.revision}) จึงไม่นำเข้าทับ`, `infogo holds revision ${existing.revision}, newer than the export's ${record.revision}: not overwritten`)],
    }
  }
  const tags = await categoryTags(state, req, record.categories, pending)
  const processData = { legacyId: record.processLegacyId, name: record.processName, agency, commonNames: record.commonNames, tags }
  const storedProcess = batchProcesses ? batchProcesses.get(record.processLegacyId) : (await state.processes.load([record.processLegacyId], req)).get(record.processLegacyId)
  const process = await save(state, req, 'processes', storedProcess, processData)
  // Later rows of the batch naming the same process see it without another query.
  batchProcesses?.set(record.processLegacyId, { ...processData, id: process.id })
  pending.push(() => state.processes.set(record.processLegacyId, process.id))
  const data = {
    legacyId: record.legacyId,
    title: record.title,
    process: process.id,
    agency,
    revision: record.revision,
    workflowState: 'published',
    _status: 'published',
    publishedAt: record.publishedAt,
    serviceType: orNull(record.serviceType),
    conditions: lexicalFromParagraphs(record.conditions),
    serviceChannels: record.serviceChannels.map((c) => ({ place: c.place, hours: orNull(c.hours) })),
    steps: record.steps.map((s) => ({
      title: s.title,
      description: orNull(s.description),
      duration: s.duration,
      durationUnit: s.durationUnit,
      responsibleUnit: orNull(s.responsibleUnit),
    })),
    documents: record.documents.map((d) => ({ name: d.name, issuingAgency: orNull(d.issuingAgency), originals: d.originals, copies: d.copies, note: orNull(d.note) })),
    noFee: record.noFee,
    fees: record.fees,
    complaintChannels: record.complaintChannels.map((c) => ({ channel: c.channel, contact: orNull(c.contact) })),
    legalBasis: record.legalBasis.map((title) => ({ title })),
    remarks: importedRemarks(record, (iso) => formatThaiDate(iso)),
  }
  if (existing && wouldChange(data, existing) && (await hasRevisionInProgress(state.payload, req, existing.id))) {
    return {
      outcome: 'skipped',
      id: existing.id,
      warnings: [bilingual('มีฉบับแก้ไขที่อยู่ระหว่างดำเนินการใน infogo จึงไม่นำเข้าทับ', 'A revision is in progress in infogo: not overwritten')],
    }
  }
  const { outcome, id } = await save(state, req, 'manuals', existing, data, { draft: false })
  pending.push(() => state.manuals.set(record.legacyId, id))
  return { outcome: outcome === 'unchanged' && process.outcome !== 'unchanged' ? 'updated' : outcome, id, warnings: [] }
}

export async function upsertServicePoint(
  state: ImportState,
  req: PayloadRequest,
  record: ServicePointRecord,
  existing: Doc | undefined,
  pending: Pending,
): Promise<Written> {
  const warnings: string[] = []
  await state.agencies.resolve([record.agencyLegacyId], req)
  const agency = state.agencies.get(record.agencyLegacyId)
  if (agency === undefined) throw new ImportRowError(bilingual(`ไม่พบหน่วยงาน "${record.agencyLegacyId}"`, `Agency "${record.agencyLegacyId}" not found`))
  let parent: Id | null = null
  if (record.parentLegacyId) {
    await state.servicePoints.resolve([record.parentLegacyId], req)
    parent = state.servicePoints.get(record.parentLegacyId) ?? null
    if (parent === null && !state.parentOptional)
      throw new ImportRowError(bilingual(`ไม่พบจุดบริการต้นสังกัด "${record.parentLegacyId}"`, `Parent service point "${record.parentLegacyId}" not found`))
    if (parent === null) warnings.push(bilingual(`ไม่พบจุดบริการต้นสังกัด "${record.parentLegacyId}" (นำเข้าโดยไม่มีต้นสังกัด)`, `Parent service point "${record.parentLegacyId}" not found (imported without it)`))
  }
  await state.manuals.resolve(record.manualLegacyIds, req)
  const missing = record.manualLegacyIds.filter((l) => state.manuals.get(l) === undefined)
  if (missing.length)
    warnings.push(bilingual(`ไม่พบคู่มือที่ปักหมุด: ${missing.join(', ')} (ปักหมุดเฉพาะคู่มือที่พบ)`, `Pinned manuals not found: ${missing.join(', ')} (the others are pinned)`))
  // Imports add pins and never remove one an officer added in infogo.
  const pinned = new Set<string>(((existing?.manuals as unknown[]) ?? []).map((m) => String(typeof m === 'object' && m ? (m as Doc).id : m)))
  const manuals = [...((existing?.manuals as unknown[]) ?? []).map((m) => (typeof m === 'object' && m ? (m as Doc).id : (m as Id)))]
  for (const l of record.manualLegacyIds) {
    const id = state.manuals.get(l)
    if (id !== undefined && !pinned.has(String(id))) {
      pinned.add(String(id))
      manuals.push(id)
    }
  }
  const data = {
    legacyId: record.legacyId,
    name: record.name,
    nameEn: orNull(record.nameEn),
    agency,
    parent,
    visible: record.visible,
    status: record.status,
    address: orNull(record.address),
    province: record.province,
    district: orNull(record.district),
    subdistrict: orNull(record.subdistrict),
    postcode: orNull(record.postcode),
    location: { lat: record.location?.lat ?? null, lng: record.location?.lng ?? null },
    openingHours: record.openingHours,
    phone: orNull(record.phone),
    email: orNull(record.email),
    manuals,
  }
  const { outcome, id } = await save(state, req, 'service-points', existing, data)
  pending.push(() => state.servicePoints.set(record.legacyId, id))
  return { outcome, id, warnings }
}

/** Whether the manual's newest version is a draft (an officer's revision not yet published). */
async function hasRevisionInProgress(payload: Payload, req: PayloadRequest, id: Id): Promise<boolean> {
  const latest = await payload.findVersions({
    collection: 'manuals',
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (latest.docs[0]?.version as { _status?: string } | undefined)?._status === 'draft'
}

/** A row that cannot be imported for a reason worth reporting as it is. */
export class ImportRowError extends Error {}
