/**
 * Writes one imported record, matched on `legacyId`: created when new, updated when the export
 * says something else than what is stored, left alone when equal (so a rerun writes nothing).
 * Trusted system writes: access overridden, workflow told it is trusted.
 *
 * Two writers do the writing (./run.ts picks one):
 * - `bulkWriter`, for batches of manuals and service points: Payload's database adapter, without
 *   the Local API's per-document overhead. New documents become one multi-row INSERT per table
 *   at the end of the batch (./bulk.ts, versions included); changed ones are
 *   payload.db.updateOne plus a version as the Local API saves it (payload's saveVersion). The
 *   collection's own beforeChange hooks still run (the total duration, the parent-cycle check),
 *   with the array row ids Payload would give. Validation is the mapping's (src/lib/import.ts);
 *   the afterChange hooks' work is done per batch (the change notice, in ./run.ts) and after the
 *   run (the search rows, ./searchIndex.ts).
 * - `documentWriter`: the Local API, every hook and validation. For agencies (few, their
 *   breadcrumbs come from the nested-docs plugin), and for the rows of a batch that failed, redone
 *   one by one so each bad row is reported with Payload's own reason.
 */
import { saveVersion, type CollectionSlug, type FlattenedField, type Payload, type PayloadRequest } from 'payload'

import type { AgencyRecord, ManualRecord, ServicePointRecord } from '../lib/import'
import { importedRemarks, wouldChange } from '../lib/import'
import { lexicalFromParagraphs } from '../lib/lexical'
import { bilingual } from '../lib/messages'
import { formatThaiDate } from '../lib/thaiDate'
import { arrayRowId, type BulkInsert } from './bulk'

export type Id = number | string
export type Doc = Record<string, unknown> & { id: Id }
export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped'
export type Written = { outcome: Outcome; id?: Id; warnings: string[] }

/**
 * Trusted system writes; the public snapshots' hooks only drop what the write makes stale, as
 * the run rebuilds them at its end (src/services/publicSnapshots/, "bulk writer").
 */
export const IMPORT_CONTEXT = { systemWrite: true, importing: true, publicSnapshots: 'defer' } as const
export const SYSTEM = { overrideAccess: true, depth: 0 } as const

type LegacyCollection = 'agencies' | 'service-points' | 'processes' | 'manuals'
type Data = Record<string, unknown>

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

  /** The stored documents with these legacyIds (full, depth 0), remembering their ids. */
  async load(legacyIds: string[], req?: Partial<PayloadRequest>): Promise<Map<string, Doc>> {
    return this.query(legacyIds, req, undefined)
  }

  /** Looks up the ids not yet known (one query for all of them, ids only). */
  async resolve(legacyIds: string[], req?: Partial<PayloadRequest>): Promise<void> {
    const unknown = legacyIds.filter((l) => !this.ids.has(l))
    if (unknown.length) await this.query(unknown, req, { legacyId: true })
  }

  private async query(legacyIds: string[], req: Partial<PayloadRequest> | undefined, select: Record<string, true> | undefined): Promise<Map<string, Doc>> {
    const wanted = [...new Set(legacyIds)]
    const found = new Map<string, Doc>()
    for (let i = 0; i < wanted.length; i += 500) {
      const slice = wanted.slice(i, i + 500)
      const result = await this.payload.find({
        collection: this.collection,
        where: { legacyId: { in: slice } },
        limit: slice.length,
        pagination: false,
        ...(select ? { select } : {}),
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
  /** Batches that failed and were redone row by row. */
  retriedBatches: number
  /** A batch wrote through the adapter (its tables want fresh statistics after the rows). */
  bulkWritten?: boolean
}

export function createImportState(payload: Payload): ImportState {
  return {
    payload,
    agencies: new LegacyIndex(payload, 'agencies'),
    servicePoints: new LegacyIndex(payload, 'service-points'),
    processes: new LegacyIndex(payload, 'processes'),
    manuals: new LegacyIndex(payload, 'manuals'),
    tags: new Map(),
    retriedBatches: 0,
  }
}

/** Work done inside a transaction, published to the shared indexes only once it commits. */
export type Pending = Array<() => void>

/** How documents reach the database. `writes` counts them, so a failing row can tell whether it wrote anything. */
export type Writer = {
  writes: number
  create(collection: LegacyCollection, data: Data): Promise<Id>
  update(collection: LegacyCollection, existing: Doc, data: Data): Promise<void>
}

/** The Local API: every hook, validation and version, one document at a time. */
export function documentWriter(payload: Payload, req: PayloadRequest): Writer {
  return {
    writes: 0,
    async create(collection, data) {
      this.writes += 1
      return (await payload.create({ collection, data: data as never, req, draft: false, ...SYSTEM })).id
    },
    async update(collection, existing, data) {
      this.writes += 1
      await payload.update({ collection, id: existing.id, data: data as never, req, draft: false, ...SYSTEM })
    },
  }
}

/** Gives array rows the ids Payload's field hooks would (they do not run on the adapter path). */
function withRowIds(fields: FlattenedField[], data: Data): Data {
  const out: Data = { ...data }
  for (const field of fields) {
    const value = out[field.name]
    if (field.type === 'array' && Array.isArray(value))
      out[field.name] = value.map((row: Data) => ({ ...withRowIds(field.flattenedFields, row), id: row.id ?? arrayRowId() }))
    else if (field.type === 'group' && value && typeof value === 'object') out[field.name] = withRowIds(field.flattenedFields, value as Data)
    else if (field.type === 'blocks' && Array.isArray(value)) throw new Error(`The import's adapter path does not write blocks (${field.name})`)
  }
  return out
}

/** Payload's database adapter, new documents collected in `bulk` (see the top of this file). */
export function bulkWriter(payload: Payload, req: PayloadRequest, bulk: BulkInsert): Writer {
  const prepare = async (collection: LegacyCollection, data: Data, originalDoc: Doc | undefined) => {
    const config = payload.collections[collection as CollectionSlug].config
    let result = data
    for (const hook of config.hooks.beforeChange ?? [])
      result = ((await hook({ collection: config, context: req.context, data: result, operation: originalDoc ? 'update' : 'create', originalDoc, req })) as Data | undefined) ?? result
    return { config, data: withRowIds(config.flattenedFields, result) }
  }
  return {
    writes: 0,
    async create(collection, data) {
      this.writes += 1
      return bulk.create(collection as CollectionSlug, (await prepare(collection, data, undefined)).data)
    },
    async update(collection, existing, incoming) {
      this.writes += 1
      const { config, data } = await prepare(collection, incoming, existing)
      const doc = await payload.db.updateOne({ collection, id: existing.id, data: { ...data, updatedAt: new Date().toISOString() }, req })
      if (config.versions) await saveVersion({ id: existing.id, collection: config, docWithLocales: doc, operation: 'update', payload, req, returning: false })
    },
  }
}

/** What one write needs besides the record: the transaction, the writer, and what the batch looked up. */
export type WriteContext = {
  req: PayloadRequest
  writer: Writer
  pending: Pending
  /** Category tags found or created in this transaction (not yet committed), by name. */
  tags: Map<string, Id>
  /** The batch's processes, looked up at its start (and kept current here); none: look each up. */
  processes?: Map<string, Doc>
  /** Manual ids whose newest version is a draft (an officer's revision); none: look each up. */
  inProgress?: Set<string>
  /** Service points created earlier in this batch (parents of later rows), by legacyId. */
  created?: Map<string, Id>
}

async function save(w: WriteContext, collection: LegacyCollection, existing: Doc | undefined, data: Data): Promise<{ outcome: Outcome; id: Id }> {
  if (existing) {
    if (!wouldChange(data, existing)) return { outcome: 'unchanged', id: existing.id }
    await w.writer.update(collection, existing, data)
    return { outcome: 'updated', id: existing.id }
  }
  return { outcome: 'created', id: await w.writer.create(collection, data) }
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v)

/** formatThaiDate builds a date formatter per call: remember the answers (publication dates repeat). */
const thaiDates = new Map<string, string>()
const thaiDate = (iso: string) => {
  let formatted = thaiDates.get(iso)
  if (formatted === undefined) {
    if (thaiDates.size > 10_000) thaiDates.clear()
    formatted = formatThaiDate(iso)
    thaiDates.set(iso, formatted)
  }
  return formatted
}

export async function upsertAgency(state: ImportState, w: WriteContext, record: AgencyRecord, existing: Doc | undefined): Promise<Written> {
  const { req } = w
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
  const { outcome, id } = await save(w, 'agencies', target, data)
  w.pending.push(() => state.agencies.set(record.legacyId, id))
  return { outcome, id, warnings: [] }
}

/** Service-category tags by name, created when missing (through the Local API: there are few). */
async function categoryTags(state: ImportState, w: WriteContext, names: string[]): Promise<Id[]> {
  const ids: Id[] = []
  for (const name of names) {
    let id = state.tags.get(name) ?? w.tags.get(name)
    if (id === undefined) {
      const found = await state.payload.find({
        collection: 'tags',
        where: { and: [{ name: { equals: name } }, { type: { equals: 'service-category' } }] },
        limit: 1,
        req: w.req,
        ...SYSTEM,
      })
      id = found.docs[0]?.id
      if (id === undefined) {
        w.writer.writes += 1
        id = (await state.payload.create({ collection: 'tags', data: { name, type: 'service-category' } as never, req: w.req, ...SYSTEM })).id
      }
      const committed = id
      w.tags.set(name, committed)
      w.pending.push(() => state.tags.set(name, committed))
    }
    ids.push(id)
  }
  return ids
}

/** Manual ids (of `ids`) whose newest version is a draft: an officer's revision not yet published. */
export async function revisionsInProgress(payload: Payload, req: PayloadRequest, ids: Id[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const latest = await payload.db.findVersions({
    collection: 'manuals',
    where: { and: [{ parent: { in: ids } }, { latest: { equals: true } }] },
    limit: 0,
    pagination: false,
    req,
  })
  return new Set(latest.docs.filter((v) => (v.version as { _status?: string })._status === 'draft').map((v) => String(v.parent)))
}

export async function upsertManual(state: ImportState, w: WriteContext, record: ManualRecord, existing: Doc | undefined): Promise<Written> {
  const { req } = w
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
  const tags = await categoryTags(state, w, record.categories)
  const processData = { legacyId: record.processLegacyId, name: record.processName, agency, commonNames: record.commonNames, tags }
  const storedProcess = w.processes ? w.processes.get(record.processLegacyId) : (await state.processes.load([record.processLegacyId], req)).get(record.processLegacyId)
  const process = await save(w, 'processes', storedProcess, processData)
  // Later rows of the batch naming the same process see it without another query.
  w.processes?.set(record.processLegacyId, { ...processData, id: process.id })
  w.pending.push(() => state.processes.set(record.processLegacyId, process.id))
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
    remarks: importedRemarks(record, thaiDate),
  }
  if (existing && wouldChange(data, existing)) {
    const inProgress = w.inProgress ?? (await revisionsInProgress(state.payload, req, [existing.id]))
    if (inProgress.has(String(existing.id)))
      return {
        outcome: 'skipped',
        id: existing.id,
        warnings: [bilingual('มีฉบับแก้ไขที่อยู่ระหว่างดำเนินการใน infogo จึงไม่นำเข้าทับ', 'A revision is in progress in infogo: not overwritten')],
      }
  }
  const { outcome, id } = await save(w, 'manuals', existing, data)
  w.pending.push(() => state.manuals.set(record.legacyId, id))
  return { outcome: outcome === 'unchanged' && process.outcome !== 'unchanged' ? 'updated' : outcome, id, warnings: [] }
}

export async function upsertServicePoint(state: ImportState, w: WriteContext, record: ServicePointRecord, existing: Doc | undefined): Promise<Written> {
  const { req } = w
  const warnings: string[] = []
  await state.agencies.resolve([record.agencyLegacyId], req)
  const agency = state.agencies.get(record.agencyLegacyId)
  if (agency === undefined) throw new ImportRowError(bilingual(`ไม่พบหน่วยงาน "${record.agencyLegacyId}"`, `Agency "${record.agencyLegacyId}" not found`))
  let parent: Id | null = null
  if (record.parentLegacyId) {
    parent = w.created?.get(record.parentLegacyId) ?? null
    if (parent === null) {
      await state.servicePoints.resolve([record.parentLegacyId], req)
      parent = state.servicePoints.get(record.parentLegacyId) ?? null
    }
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
  const { outcome, id } = await save(w, 'service-points', existing, data)
  if (outcome === 'created') w.created?.set(record.legacyId, id)
  w.pending.push(() => state.servicePoints.set(record.legacyId, id))
  return { outcome, id, warnings }
}

/** A row that cannot be imported for a reason worth reporting as it is. */
export class ImportRowError extends Error {}

