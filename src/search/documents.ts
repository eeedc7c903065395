/**
 * What the search index holds for each public document, and keeping it in step when something
 * it depends on changes (a process's common names, a service point pinning a manual).
 */
import { createHash } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'

import { idOf } from '../access/user'
import { lexicalToText } from '../lib/lexical'
import { compactText, indexTokens, normalizeThai } from '../lib/thaiText'
import { execFor } from '../services/transactionSql'
import { SEARCH_SLUG, searchPool } from './schema'

export const SEARCHABLE = ['manuals', 'other-services', 'service-points', 'agencies'] as const
export type SearchableCollection = (typeof SEARCHABLE)[number]

/** The `type` of a search result, per collection (../shared/API.md). */
export const RESULT_TYPE: Record<SearchableCollection, string> = {
  manuals: 'manual',
  'other-services': 'other-service',
  'service-points': 'service-point',
  agencies: 'agency',
}

/** Manuals first, then other services, service points and agencies, when relevance ties. */
export const TYPE_PRIORITY: Record<SearchableCollection, number> = {
  manuals: 3,
  'other-services': 2,
  'service-points': 1,
  agencies: 0,
}

/** Snippets are cut from at most this much body text. */
const BODY_TEXT_LIMIT = 4000

type Id = number | string
type Doc = Record<string, any>
export type SearchFields = {
  title: string
  type: string
  docId: number
  agency: number | null
  agencyName: string
  provinces: string
  tagIds: string
  tokensTitle: string
  tokensTags: string
  tokensAgency: string
  tokensBody: string
  headKey: string
  bodyText: string
  priority: number
}


/** Is this document one citizens may see? (The same rules as the collections' public read.) */
export function isPublic(collection: SearchableCollection, doc: Doc | null | undefined): boolean {
  if (!doc) return false
  if (collection === 'manuals' || collection === 'other-services') return doc._status === 'published'
  if (collection === 'service-points') return doc.visible === true && doc.status !== 'closed'
  return true
}

const SYSTEM = { overrideAccess: true, depth: 0 } as const

const delimited = (values: Array<string | number | null | undefined>) => {
  const clean = [...new Set(values.filter((v) => v !== null && v !== undefined && v !== '').map(String))]
  return clean.length ? `|${clean.join('|')}|` : ''
}

async function agencyOf(req: PayloadRequest, value: unknown): Promise<Doc | null> {
  const id = idOf(value)
  if (id === null) return null
  const cacheKey = `search:agency:${id}`
  if (req.context?.[cacheKey]) return req.context[cacheKey] as Doc
  const agency = await req.payload.findByID({ collection: 'agencies', id, ...SYSTEM, req, disableErrors: true })
  req.context = { ...(req.context ?? {}), [cacheKey]: agency }
  return agency as Doc | null
}

/** Tags with their parents' ids and names, so a filter or query by a category finds its sub-tags. */
async function tagsWithParents(req: PayloadRequest, ids: Id[]): Promise<Doc[]> {
  const seen = new Map<string, Doc>()
  let frontier = ids
  for (let depth = 0; depth < 4 && frontier.length; depth++) {
    const found = await req.payload.find({
      collection: 'tags',
      where: { id: { in: frontier } },
      limit: 0,
      pagination: false,
      ...SYSTEM,
      req,
    })
    frontier = []
    for (const tag of found.docs as Doc[]) {
      if (seen.has(String(tag.id))) continue
      seen.set(String(tag.id), tag)
      const parent = idOf(tag.parent)
      if (parent !== null && !seen.has(String(parent))) frontier.push(parent)
    }
  }
  return [...seen.values()]
}

function agencyFields(agency: Doc | null) {
  return {
    agency: agency ? Number(agency.id) : null,
    agencyName: agency?.name ?? '',
    tokensAgency: indexTokens(agency?.name, agency?.nameEn),
  }
}

function manualBody(doc: Doc): string {
  const parts: unknown[] = [lexicalToText(doc.conditions)]
  for (const c of doc.serviceChannels ?? []) parts.push(c.place, c.hours)
  for (const s of doc.steps ?? []) parts.push(s.title, s.description, s.responsibleUnit)
  for (const d of doc.documents ?? []) parts.push(d.name, d.issuingAgency)
  for (const f of doc.fees ?? []) parts.push(f.description)
  for (const l of doc.legalBasis ?? []) parts.push(l.title)
  parts.push(doc.remarks)
  return parts.filter((p) => typeof p === 'string' && p.trim()).join(' ')
}

const headKeyOf = (type: string, tokensTitle: string, tokensTags: string) =>
  createHash('sha1').update(`${type}\n${tokensTitle}\n${tokensTags}`).digest('hex')

/**
 * Adds the document's head to search_heads unless an identical one is there (heads are
 * content-addressed). In the writing request's transaction: a second pool connection taken while
 * the transaction holds one deadlocks the pool once as many writes run at once as it has
 * connections (tests/int/search-concurrency.test.ts), and a rolled-back write leaves no head behind.
 */
export async function ensureHead(req: PayloadRequest, fields: SearchFields & { headText: string }): Promise<void> {
  const exec = await execFor(req)
  await exec(
    `INSERT INTO search_heads (head_key, type, priority, title, tokens_title, tokens_tags, head_text, updated_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now()) ON CONFLICT (head_key) DO NOTHING`,
    [fields.headKey, fields.type, fields.priority, fields.title, fields.tokensTitle, fields.tokensTags, fields.headText],
  )
}

/** The row fields (without the head's own text) after making sure the head exists. */
export async function searchRowData(req: PayloadRequest, collection: SearchableCollection, doc: Doc): Promise<SearchFields> {
  const { headText, ...fields } = await buildSearchFields(req, collection, doc)
  await ensureHead(req, { ...fields, headText })
  return fields
}

/** The search fields of one public document (the published main document for drafts-enabled ones). */
export async function buildSearchFields(
  req: PayloadRequest,
  collection: SearchableCollection,
  doc: Doc,
): Promise<SearchFields & { headText: string }> {
  const base = { type: RESULT_TYPE[collection], docId: Number(doc.id), priority: TYPE_PRIORITY[collection] }
  const finish = (f: {
    title: string
    names?: unknown[]
    tags?: Doc[]
    agency: Doc | null
    body: string
    provinces: Array<string | null | undefined>
  }): SearchFields & { headText: string } => {
    const names = (f.names ?? []).filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    const tags = f.tags ?? []
    const bodyText = normalizeThai(f.body)
    const tokensTitle = indexTokens(f.title, names)
    const tokensTags = indexTokens(tags.map((t) => t.name), tags.map((t) => t.nameEn))
    return {
      ...base,
      title: f.title,
      ...agencyFields(f.agency),
      provinces: delimited(f.provinces),
      tagIds: delimited(tags.map((t) => t.id)),
      tokensTitle,
      tokensTags,
      tokensBody: indexTokens(bodyText),
      headKey: headKeyOf(base.type, tokensTitle, tokensTags),
      headText: [f.title, ...names].map(compactText).join(' '),
      bodyText: bodyText.slice(0, BODY_TEXT_LIMIT),
    }
  }

  if (collection === 'manuals') {
    const processId = idOf(doc.process)
    const process = processId === null
      ? null
      : ((await req.payload.findByID({ collection: 'processes', id: processId, ...SYSTEM, req, disableErrors: true })) as Doc | null)
    const tagIds = ((process?.tags ?? []) as unknown[]).map(idOf).filter((id): id is Id => id !== null)
    const agency = await agencyOf(req, doc.agency)
    // Where a citizen can get it: the public service points that pin it, else the agency's province.
    const points = await req.payload.find({
      collection: 'service-points',
      where: { and: [{ manuals: { contains: doc.id } }, { visible: { equals: true } }, { status: { equals: 'active' } }] },
      select: { province: true },
      limit: 0,
      pagination: false,
      ...SYSTEM,
      req,
    })
    const provinces = points.docs.map((p) => (p as Doc).province)
    return finish({
      title: doc.title,
      names: [process?.name, ...((process?.commonNames as unknown[]) ?? [])],
      tags: tagIds.length ? await tagsWithParents(req, tagIds) : [],
      agency,
      body: manualBody(doc),
      provinces: provinces.length ? provinces : [agency?.province],
    })
  }
  if (collection === 'other-services') {
    const agency = await agencyOf(req, doc.agency)
    const channels = ((doc.channels ?? []) as Doc[]).flatMap((c) => [c.place, c.hours])
    return finish({
      title: doc.title,
      agency,
      body: [doc.description, ...channels, doc.contact].filter(Boolean).join(' '),
      provinces: [agency?.province],
    })
  }
  if (collection === 'service-points') {
    const agency = await agencyOf(req, doc.agency)
    return finish({
      title: doc.name,
      names: [doc.nameEn],
      agency,
      body: [doc.address, doc.subdistrict, doc.district, doc.province, doc.phone].filter(Boolean).join(' '),
      provinces: [doc.province],
    })
  }
  // agencies: the agency is its own; its parents' names help "กระทรวงมหาดไทย" find its departments.
  const parents = ((doc.breadcrumbs ?? []) as Doc[]).map((b) => b.label).filter((l) => l && l !== doc.name)
  return {
    ...finish({
      title: doc.name,
      names: [doc.nameEn, doc.code],
      agency: doc,
      body: [doc.address, doc.province, doc.phone, doc.website].filter(Boolean).join(' '),
      provinces: [doc.province],
    }),
    tokensAgency: indexTokens(parents),
  }
}

/** Removes the search row of one document, if any. */
export async function removeSearchRow(req: PayloadRequest, collection: SearchableCollection, id: Id): Promise<void> {
  await req.payload.delete({
    collection: SEARCH_SLUG as never,
    where: { and: [{ 'doc.relationTo': { equals: collection } }, { 'doc.value': { equals: id } }] },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

async function writeSearchRow(req: PayloadRequest, collection: SearchableCollection, doc: Doc): Promise<void> {
  const data = { ...(await searchRowData(req, collection, doc)), doc: { relationTo: collection, value: doc.id } }
  const existing = await req.payload.find({
    collection: SEARCH_SLUG as never,
    where: { and: [{ 'doc.relationTo': { equals: collection } }, { 'doc.value': { equals: doc.id } }] },
    limit: 1,
    ...SYSTEM,
    req,
  })
  if (existing.docs[0]) {
    await req.payload.update({ collection: SEARCH_SLUG as never, id: existing.docs[0].id, data: data as never, ...SYSTEM, req })
  } else {
    await req.payload.create({ collection: SEARCH_SLUG as never, data: data as never, ...SYSTEM, req })
  }
}

/**
 * Writes (or removes) the search row of one document from its current public state: the
 * published main document, never a draft. Used when something the row depends on changed.
 */
export async function refreshSearchRow(req: PayloadRequest, collection: SearchableCollection, id: Id): Promise<void> {
  const doc = (await req.payload.findByID({ collection, id, ...SYSTEM, draft: false, req, disableErrors: true })) as Doc | null
  if (isPublic(collection, doc)) await writeSearchRow(req, collection, doc!)
  else await removeSearchRow(req, collection, id)
}

/**
 * Rebuilds the rows of one collection: rewrites every public document's row, then removes rows
 * of documents no longer public. Rows are replaced one by one, so search keeps answering meanwhile.
 */
export async function reindexCollection(payload: Payload, req: PayloadRequest, collection: SearchableCollection, batch = 100): Promise<number> {
  const kept: Id[] = []
  for (let page = 1; ; page++) {
    const found = await payload.find({ collection, ...SYSTEM, draft: false, limit: batch, page, sort: 'id', req })
    for (const doc of found.docs as Doc[]) {
      if (!isPublic(collection, doc)) continue
      await writeSearchRow(req, collection, doc)
      kept.push(doc.id)
    }
    if (!found.hasNextPage) break
  }
  await payload.delete({
    collection: SEARCH_SLUG as never,
    where: {
      and: [{ 'doc.relationTo': { equals: collection } }, ...(kept.length ? [{ 'doc.value': { not_in: kept } }] : [])],
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return kept.length
}

/** Rebuilds the whole index (`npm run search:reindex`); returns the rows written per collection. */
export async function reindexAll(payload: Payload, req: PayloadRequest): Promise<Record<SearchableCollection, number>> {
  const written = {} as Record<SearchableCollection, number>
  for (const collection of SEARCHABLE) written[collection] = await reindexCollection(payload, req, collection)
  // Heads no document uses any more (unpublished, deleted, renamed).
  await searchPool(payload).query('DELETE FROM search_heads h WHERE NOT EXISTS (SELECT 1 FROM search s WHERE s.head_key = h.head_key)')
  return written
}
