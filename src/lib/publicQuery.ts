/**
 * Pure helpers of the public read model ("public snapshots", src/services/publicSnapshots/): which
 * anonymous REST reads it may answer, Payload's pagination envelope, and what a stored document
 * refers to. No Payload import: the shapes here mirror Payload 3.90's REST parser and the
 * PostgreSQL adapter's `find` (checked by tests/int/public-snapshots.test.ts against Payload itself).
 */
import crypto from 'node:crypto'

/** How a whitelisted list filter's value is checked before the fast path answers it. */
export type FilterKind = 'id' | 'text' | 'select'

/**
 * List filters the fast path answers (`where[<field>][equals]=<value>`), per collection. Each is a
 * column of the collection's own table (no join), so Payload's count and order are plain.
 */
export const SNAPSHOT_LIST_FILTERS: Record<string, Record<string, FilterKind>> = {
  agencies: { parent: 'id', kind: 'select', province: 'text' },
  'service-points': { agency: 'id', province: 'text', parent: 'id' },
  tags: { type: 'select', parent: 'id', agency: 'id' },
  processes: { agency: 'id' },
  manuals: { agency: 'id', process: 'id' },
  'other-services': { agency: 'id' },
}

/**
 * Collections whose by-id reads are also served at `depth=1` (a stored depth-1 body per document:
 * the manual page with its process, agency, form files and pinned service points populated).
 */
export const SNAPSHOT_DEPTH1: readonly string[] = ['manuals']

/** What the fast path needs to know of one collection (built from Payload's config at start). */
export type ReadSpec = {
  /** Lists are served only when Payload's default order is `-createdAt` (no `defaultSort`). */
  lists: boolean
  filters: Record<string, { kind: FilterKind; options?: string[] }>
  /** By-id reads at `depth=1` are served too (SNAPSHOT_DEPTH1). */
  depth1?: boolean
}

export type PublicRead =
  | { kind: 'id'; collection: string; id: number; depth: 0 | 1 }
  | { kind: 'list'; collection: string; key: string; limit: number; page: number }

const MAX_LIMIT = 100
const MAX_INT4 = 2147483647
const ID = /^[1-9]\d{0,9}$/

const positiveInt = (raw: string | undefined, fallback: number, max: number): number | null => {
  if (raw === undefined) return fallback
  if (!/^[1-9]\d{0,8}$/.test(raw)) return null
  const n = Number(raw)
  return n <= max ? n : null
}

/** The key a stored document carries for a list filter (also what a request's filter looks up). */
export const filterKey = (collection: string, field: string, value: string | number) => `${collection}|${field}=${value}`
/** The key every public document of a collection carries: its unfiltered list. */
export const allKey = (collection: string) => `${collection}|*`

/**
 * Parses an anonymous GET under /api into a read the snapshots can answer, or null (then the
 * request goes on to the cache and Payload unchanged). Only exact shapes: `depth=0` required
 * (by id, `depth=1` too where the collection has depth-1 bodies); `joins=false` allowed (Payload's REST parser turns the bare string into no join
 * option at all, so the answer is the same); lists take `limit` (1-100), `page` and at most one
 * whitelisted `where[<field>][equals]`. Any other or repeated parameter falls through.
 */
export function parsePublicRead(path: string, query: string, specs: Record<string, ReadSpec>): PublicRead | null {
  const m = /^\/([a-z][a-z-]*)(?:\/(\d+))?$/.exec(path)
  if (!m) return null
  const [, collection, idText] = m
  const spec = Object.prototype.hasOwnProperty.call(specs, collection) ? specs[collection] : undefined
  if (!spec) return null
  const params = new Map<string, string>()
  for (const [key, value] of new URLSearchParams(query)) {
    if (params.has(key)) return null
    params.set(key, value)
  }
  const depth = params.get('depth')
  if (depth !== '0' && !(depth === '1' && idText !== undefined && spec.depth1)) return null
  params.delete('depth')
  if (params.has('joins')) {
    if (params.get('joins') !== 'false') return null
    params.delete('joins')
  }

  if (idText !== undefined) {
    if (params.size || !ID.test(idText) || Number(idText) > MAX_INT4) return null
    return { kind: 'id', collection, id: Number(idText), depth: depth === '1' ? 1 : 0 }
  }

  if (!spec.lists) return null
  const limit = positiveInt(params.get('limit'), 10, MAX_LIMIT)
  const page = positiveInt(params.get('page'), 1, 1_000_000)
  if (limit === null || page === null) return null
  params.delete('limit')
  params.delete('page')
  let key: string | null = null
  for (const [name, value] of params) {
    const w = /^where\[([A-Za-z]+)\]\[equals\]$/.exec(name)
    const filter = w && Object.prototype.hasOwnProperty.call(spec.filters, w[1]) ? spec.filters[w[1]] : undefined
    if (!w || !filter || key !== null) return null
    if (!filterValueOk(filter, value)) return null
    key = filterKey(collection, w[1], value)
  }
  return { kind: 'list', collection, key: key ?? allKey(collection), limit, page }
}

function filterValueOk(filter: { kind: FilterKind; options?: string[] }, value: string): boolean {
  // Payload reads 'null' as null for relationships and would fail in SQL on an unknown enum value
  // or an id past int4: such requests stay with Payload, which answers them its own way.
  if (value === '' || value === 'null') return false
  if (filter.kind === 'id') return ID.test(value) && Number(value) <= MAX_INT4
  if (filter.kind === 'select') return Boolean(filter.options?.includes(value))
  return true
}

/** The list keys of one document as anonymous clients read it (depth 0): all, then its filters. */
export function filterKeysOf(collection: string, doc: Record<string, unknown>): string[] {
  const filters = SNAPSHOT_LIST_FILTERS[collection] ?? {}
  const keys: string[] = [allKey(collection)]
  for (const [field, kind] of Object.entries(filters)) {
    const value = doc[field]
    if (kind === 'id' ? typeof value === 'number' && Number.isInteger(value) : typeof value === 'string' && value !== '')
      keys.push(filterKey(collection, field, value as string | number))
  }
  return keys
}

export type PaginationEnvelope = {
  hasNextPage: boolean
  hasPrevPage: boolean
  limit: number
  nextPage: number | null
  page: number
  pagingCounter: number
  prevPage: number | null
  totalDocs: number
  totalPages: number
}

/**
 * Payload's pagination fields for a paginated `find` (PostgreSQL adapter, no joined tables in the
 * query), in its key order. With no match at all it reports one page and keeps the asked page; a
 * page past the end has no docs but still counts from `(page - 1) * limit + 1`.
 */
export function paginationEnvelope(totalDocs: number, limit: number, page: number): PaginationEnvelope {
  if (!totalDocs) {
    return { hasNextPage: false, hasPrevPage: false, limit, nextPage: null, page, pagingCounter: 1, prevPage: null, totalDocs: 0, totalPages: 1 }
  }
  const totalPages = Math.ceil(totalDocs / limit)
  const hasPrevPage = page > 1
  const hasNextPage = totalPages > page
  return {
    hasNextPage,
    hasPrevPage,
    limit,
    nextPage: hasNextPage ? page + 1 : null,
    page,
    pagingCounter: (page - 1) * limit + 1,
    prevPage: hasPrevPage ? page - 1 : null,
    totalDocs,
    totalPages,
  }
}

/** A list answer as Payload serialises it: `docs` first, then the envelope; `docs` is already JSON. */
export function listBody(docsJson: string | null, envelope: PaginationEnvelope): string {
  return `{"docs":[${docsJson ?? ''}],${JSON.stringify(envelope).slice(1)}`
}

/** The ETag the public cache gives the same bytes, so either path revalidates the other's. */
export const etagOf = (body: string | Buffer) => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`

/** The same test as the public cache: no Authorization header and no Payload session cookie. */
export const isAnonymousHeaders = (headers: { authorization?: string; cookie?: string }) =>
  !headers.authorization && !/(?:^|;\s*)payload-token=/.test(headers.cookie ?? '')

// ---------------------------------------------------------------------------------------------
// Fields: what a document refers to, and which fields refer to a collection.

/** The parts of a Payload field (raw or sanitized config) these helpers read. */
export type FieldLike = {
  type: string
  name?: string
  relationTo?: string | string[]
  hasMany?: boolean
  collection?: string | string[]
  on?: string
  fields?: FieldLike[]
  flattenedFields?: FieldLike[]
  tabs?: Array<{ name?: string; fields: FieldLike[] }>
  blocks?: Array<{ slug: string; fields: FieldLike[] }>
  virtual?: boolean | string
  hidden?: boolean
  localized?: boolean
  defaultValue?: unknown
  options?: Array<string | { value: string }>
  access?: { read?: unknown }
  hooks?: { afterRead?: unknown[] }
}

const childrenOf = (field: FieldLike): FieldLike[] => field.fields ?? field.flattenedFields ?? []

type Visit = (field: FieldLike, value: unknown) => void

/** Calls `visit` for every relationship, upload and join field with its value in `doc`. */
function walkValues(fields: FieldLike[], doc: unknown, visit: Visit): void {
  if (!doc || typeof doc !== 'object') return
  const data = doc as Record<string, unknown>
  for (const field of fields) {
    switch (field.type) {
      case 'row':
      case 'collapsible':
        walkValues(childrenOf(field), data, visit)
        break
      case 'tabs':
        for (const tab of field.tabs ?? []) walkValues(tab.fields, tab.name ? data[tab.name] : data, visit)
        break
      case 'group':
        walkValues(childrenOf(field), field.name ? data[field.name] : data, visit)
        break
      case 'array':
        if (field.name && Array.isArray(data[field.name])) for (const row of data[field.name] as unknown[]) walkValues(childrenOf(field), row, visit)
        break
      case 'blocks':
        if (field.name && Array.isArray(data[field.name])) {
          for (const row of data[field.name] as Array<{ blockType?: string }>) {
            const block = field.blocks?.find((b) => b.slug === row?.blockType)
            if (block) walkValues(block.fields, row, visit)
          }
        }
        break
      case 'relationship':
      case 'upload':
      case 'join':
        if (field.name && field.name in data) visit(field, data[field.name])
        break
    }
  }
}

const idOf = (v: unknown): string | number | null =>
  typeof v === 'number' || typeof v === 'string' ? v : v && typeof v === 'object' && 'id' in v ? idOf((v as { id: unknown }).id) : null

/**
 * The documents an answer names (`<collection>:<id>`): relationship and upload ids, and the ids a
 * join lists. A change to one of them (deleted, hidden, pins moved) may change this answer. With
 * `fieldsOf` (a collection's fields), populated documents (depth >= 1) are walked too, so the
 * answer also names what they name (an agency's parent, a point's agency).
 */
export function collectRefs(fields: FieldLike[], doc: unknown, fieldsOf?: (collection: string) => FieldLike[] | undefined): string[] {
  const refs = new Set<string>()
  const seen = new Set<object>()
  const visitDoc = (list: FieldLike[], value: unknown) =>
    walkValues(list, value, (field, v) => {
      if (field.type === 'join') {
        const docs = (v as { docs?: unknown[] } | null)?.docs
        if (Array.isArray(docs)) docs.forEach((d) => add(field.collection, d))
        return
      }
      if (Array.isArray(v)) v.forEach((x) => add(field.relationTo, x))
      else add(field.relationTo, v)
    })
  const add = (relationTo: string | string[] | undefined, value: unknown) => {
    if (value && typeof value === 'object' && 'relationTo' in value && 'value' in value) {
      const poly = value as { relationTo: string; value: unknown }
      const id = idOf(poly.value)
      if (id !== null) refs.add(`${poly.relationTo}:${id}`)
      populated(poly.relationTo, poly.value)
      return
    }
    const id = idOf(value)
    if (id !== null && typeof relationTo === 'string') {
      refs.add(`${relationTo}:${id}`)
      populated(relationTo, value)
    }
  }
  const populated = (collection: string, value: unknown) => {
    if (!fieldsOf || !value || typeof value !== 'object' || seen.has(value)) return
    seen.add(value)
    const list = fieldsOf(collection)
    if (list) visitDoc(list, value)
  }
  visitDoc(fields, doc)
  return [...refs].sort()
}

/**
 * What of a document another document's answer shows when it populates it (depth >= 1): the
 * fields of its collection's `defaultPopulate` (with `id`), or all of it. Compared before and
 * after a write to skip recomputing the answers that populate it when none of that changed.
 */
export function populatedView(doc: Record<string, unknown> | null, select: Record<string, unknown> | undefined): string {
  if (!doc) return 'null'
  if (!select || !Object.keys(select).length) return JSON.stringify(doc)
  const include = Object.values(select).some((v) => v !== false)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(doc)) {
    if (include ? k === 'id' || (k in select && select[k] !== false) : select[k] !== false) out[k] = v
  }
  return JSON.stringify(out)
}

/** A relationship path (dotted, through groups and arrays) that can be queried with `where`. */
export type FieldPath = { path: string; relationTo: string[]; hasMany: boolean }

/** Every queryable relationship/upload path of a collection (blocks and polymorphic values skipped). */
export function relationshipPaths(fields: FieldLike[], prefix = ''): FieldPath[] {
  const out: FieldPath[] = []
  for (const field of fields) {
    const here = field.name ? `${prefix}${field.name}` : prefix.replace(/\.$/, '')
    switch (field.type) {
      case 'row':
      case 'collapsible':
        out.push(...relationshipPaths(childrenOf(field), prefix))
        break
      case 'tabs':
        for (const tab of field.tabs ?? []) out.push(...relationshipPaths(tab.fields, tab.name ? `${prefix}${tab.name}.` : prefix))
        break
      case 'group':
      case 'array':
        out.push(...relationshipPaths(childrenOf(field), field.name ? `${here}.` : prefix))
        break
      case 'relationship':
      case 'upload':
        if (field.name && typeof field.relationTo === 'string') out.push({ path: here, relationTo: [field.relationTo], hasMany: Boolean(field.hasMany) })
        break
    }
  }
  return out
}

/** The join fields of a collection: each lists documents of `collection` whose `on` points here. */
export function joinFields(fields: FieldLike[]): Array<{ name: string; collection: string }> {
  const out: Array<{ name: string; collection: string }> = []
  const walk = (list: FieldLike[]) => {
    for (const f of list) {
      if (f.type === 'join' && f.name && typeof f.collection === 'string') out.push({ name: f.name, collection: f.collection })
      else if (f.type === 'row' || f.type === 'collapsible' || (f.type === 'group' && !f.name)) walk(childrenOf(f))
      else if (f.type === 'tabs') for (const tab of f.tabs ?? []) if (!tab.name) walk(tab.fields)
    }
  }
  walk(fields)
  return out
}

/**
 * A fingerprint of what shapes a collection's stored answers: field names, types, relations and
 * read-time behaviour (hidden, virtual, read access, afterRead hooks), plus `format`. Stored
 * answers whose fingerprint differs from the running code's are not served (a deploy that adds a
 * field rebuilds them). Functions are counted, not compared: bump `format` when read logic changes.
 */
export function shapeFingerprint(fields: FieldLike[], collectionLevel: unknown, format: number): string {
  const shape = (list: FieldLike[]): unknown[] =>
    list.map((f) => [
      f.name ?? '',
      f.type,
      f.relationTo ?? f.collection ?? '',
      f.on ?? '',
      Boolean(f.hasMany),
      Boolean(f.hidden),
      Boolean(f.virtual),
      Boolean(f.localized),
      Boolean(f.access?.read),
      f.hooks?.afterRead?.length ?? 0,
      f.options ? f.options.map((o) => (typeof o === 'string' ? o : o.value)) : null,
      f.tabs ? f.tabs.map((t) => [t.name ?? '', shape(t.fields)]) : null,
      f.blocks ? f.blocks.map((b) => [b.slug, shape(b.fields)]) : null,
      f.fields || f.flattenedFields ? shape(childrenOf(f)) : null,
    ])
  return crypto.createHash('sha1').update(JSON.stringify([format, collectionLevel, shape(fields)])).digest('base64url').slice(0, 16)
}
