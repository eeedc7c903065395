import {
  collectRefs,
  type FieldLike,
  filterKey,
  filterKeysOf,
  isAnonymousHeaders,
  joinFields,
  listBody,
  paginationEnvelope,
  parsePublicRead,
  populatedView,
  type ReadSpec,
  relationshipPaths,
  shapeFingerprint,
} from '../../src/lib/publicQuery'

const specs: Record<string, ReadSpec> = {
  manuals: { lists: true, filters: { agency: { kind: 'id' } }, depth1: true },
  'service-points': { lists: true, filters: { province: { kind: 'text' } } },
  agencies: { lists: true, filters: { kind: { kind: 'select', options: ['ministry', 'department'] } } },
  'survey-question-sets': { lists: false, filters: {} },
}

describe('parsePublicRead', () => {
  it('takes a document by id at depth 0, with or without joins=false', () => {
    expect(parsePublicRead('/manuals/12', 'depth=0', specs)).toEqual({ kind: 'id', collection: 'manuals', id: 12, depth: 0 })
    expect(parsePublicRead('/manuals/12', 'joins=false&depth=0', specs)).toEqual({ kind: 'id', collection: 'manuals', id: 12, depth: 0 })
    expect(parsePublicRead('/survey-question-sets/3', 'depth=0', specs)).toEqual({ kind: 'id', collection: 'survey-question-sets', id: 3, depth: 0 })
  })

  it('takes depth=1 by id only where the collection has depth-1 bodies', () => {
    expect(parsePublicRead('/manuals/12', 'depth=1', specs)).toEqual({ kind: 'id', collection: 'manuals', id: 12, depth: 1 })
    expect(parsePublicRead('/manuals/12', 'depth=1&joins=false', specs)).toEqual({ kind: 'id', collection: 'manuals', id: 12, depth: 1 })
    expect(parsePublicRead('/service-points/3', 'depth=1', specs)).toBeNull()
    expect(parsePublicRead('/manuals', 'depth=1', specs)).toBeNull()
    expect(parsePublicRead('/manuals', 'where[agency][equals]=7&depth=1', specs)).toBeNull()
  })

  it('takes a list with one whitelisted equals filter, limit and page, with Payload defaults', () => {
    expect(parsePublicRead('/manuals', 'where[agency][equals]=7&depth=0', specs)).toEqual({
      kind: 'list',
      collection: 'manuals',
      key: filterKey('manuals', 'agency', '7'),
      limit: 10,
      page: 1,
    })
    expect(parsePublicRead('/manuals', 'where%5Bagency%5D%5Bequals%5D=7&limit=25&page=3&depth=0', specs)).toMatchObject({ limit: 25, page: 3 })
    const thai = encodeURIComponent('เชียงใหม่')
    expect(parsePublicRead('/service-points', `where[province][equals]=${thai}&depth=0`, specs)).toMatchObject({
      key: filterKey('service-points', 'province', 'เชียงใหม่'),
    })
    expect(parsePublicRead('/agencies', 'where[kind][equals]=ministry&depth=0', specs)).toMatchObject({ key: 'agencies|kind=ministry' })
    expect(parsePublicRead('/manuals', 'depth=0', specs)).toMatchObject({ key: 'manuals|*' })
  })

  it.each([
    ['/manuals/12', ''], // default depth populates
    ['/manuals/12', 'depth=2'],
    ['/manuals/12', 'depth=01'],
    ['/manuals/12', 'depth=1&depth=1'],
    ['/manuals/12', 'depth=1&locale=en'],
    ['/manuals/12', 'depth=1&joins[servicePoints][limit]=5'],
    ['/manuals/12', 'depth=0&depth=0'],
    ['/manuals/12', 'depth=0&draft=false'],
    ['/manuals/12', 'depth=0&joins=true'],
    ['/manuals/12', 'depth=0&joins[servicePoints]=false'],
    ['/manuals/012', 'depth=0'],
    ['/manuals/99999999999', 'depth=0'],
    ['/manuals/12/', 'depth=0'],
    ['/manuals/12', 'depth=0&limit=5'],
    ['/users/1', 'depth=0'],
    ['/constructor', 'depth=0'],
    ['/manuals', 'where[agency][equals]=7&depth=0&sort=title'],
    ['/manuals', 'where[agency][equals]=7&depth=0&select[title]=true'],
    ['/manuals', 'where[agency][equals]=7&depth=0&locale=en'],
    ['/manuals', 'where[agency][equals]=7&depth=0&limit=0'],
    ['/manuals', 'where[agency][equals]=7&depth=0&limit=101'],
    ['/manuals', 'where[agency][equals]=7&depth=0&page=0'],
    ['/manuals', 'where[agency][equals]=7&depth=0&page=-1'],
    ['/manuals', 'where[agency][equals]=abc&depth=0'],
    ['/manuals', 'where[agency][equals]=null&depth=0'],
    ['/manuals', 'where[agency][equals]=&depth=0'],
    ['/manuals', 'where[agency][equals]=3000000000&depth=0'],
    ['/manuals', 'where[agency][in]=7&depth=0'],
    ['/manuals', 'where[title][equals]=x&depth=0'],
    ['/manuals', 'where[agency][equals]=7&where[agency][equals]=8&depth=0'],
    ['/manuals', 'where[or][0][agency][equals]=7&depth=0'],
    ['/agencies', 'where[kind][equals]=planet&depth=0'],
    ['/survey-question-sets', 'depth=0'],
  ])('falls through for %s?%s', (path, query) => {
    expect(parsePublicRead(path, query, specs)).toBeNull()
  })
})

describe('paginationEnvelope (Payload PostgreSQL find)', () => {
  it('counts pages and neighbours', () => {
    expect(paginationEnvelope(25, 10, 2)).toEqual({
      hasNextPage: true,
      hasPrevPage: true,
      limit: 10,
      nextPage: 3,
      page: 2,
      pagingCounter: 11,
      prevPage: 1,
      totalDocs: 25,
      totalPages: 3,
    })
    expect(paginationEnvelope(25, 10, 3)).toMatchObject({ hasNextPage: false, nextPage: null, totalPages: 3 })
    expect(paginationEnvelope(20, 10, 2)).toMatchObject({ hasNextPage: false, totalPages: 2 })
  })
  it('keeps a page past the end, and reports one page when nothing matches', () => {
    expect(paginationEnvelope(5, 10, 4)).toMatchObject({ page: 4, pagingCounter: 31, hasPrevPage: true, prevPage: 3, hasNextPage: false, totalPages: 1 })
    expect(paginationEnvelope(0, 10, 3)).toEqual({
      hasNextPage: false,
      hasPrevPage: false,
      limit: 10,
      nextPage: null,
      page: 3,
      pagingCounter: 1,
      prevPage: null,
      totalDocs: 0,
      totalPages: 1,
    })
  })
  it('serialises like Payload: docs first, then the envelope in its key order', () => {
    const envelope = paginationEnvelope(2, 10, 1)
    const body = listBody('{"id":2},{"id":1}', envelope)
    expect(body).toBe(JSON.stringify({ docs: [{ id: 2 }, { id: 1 }], ...envelope }))
    expect(listBody(null, paginationEnvelope(0, 10, 1))).toBe(JSON.stringify({ docs: [], ...paginationEnvelope(0, 10, 1) }))
  })
})

const fields: FieldLike[] = [
  { type: 'row', fields: [{ name: 'agency', type: 'relationship', relationTo: 'agencies' }] },
  { name: 'manuals', type: 'relationship', relationTo: 'manuals', hasMany: true },
  { name: 'pinDetails', type: 'array', fields: [{ name: 'manual', type: 'relationship', relationTo: 'manuals' }] },
  { name: 'location', type: 'group', fields: [{ name: 'lat', type: 'number' }] },
  { type: 'tabs', tabs: [{ name: 'extra', fields: [{ name: 'file', type: 'upload', relationTo: 'media' }] }, { fields: [{ name: 'tag', type: 'relationship', relationTo: 'tags' }] }] },
  { name: 'servicePoints', type: 'join', collection: 'service-points', on: 'manuals' },
  { name: 'title', type: 'text' },
]

describe('references', () => {
  it('collects the documents an answer names, joins included', () => {
    const doc = {
      agency: 4,
      manuals: [1, 2],
      pinDetails: [{ manual: 2 }, { manual: null }],
      location: { lat: 1 },
      extra: { file: 9 },
      tag: 3,
      servicePoints: { docs: [7, 8], hasNextPage: false },
      title: 'x',
    }
    expect(collectRefs(fields, doc)).toEqual(['agencies:4', 'manuals:1', 'manuals:2', 'media:9', 'service-points:7', 'service-points:8', 'tags:3'])
    expect(collectRefs(fields, { agency: null })).toEqual([])
  })
  it('walks populated documents with their own fields when asked (depth-1 answers)', () => {
    const byCollection: Record<string, FieldLike[]> = {
      agencies: [{ type: 'relationship', name: 'parent', relationTo: 'agencies' }],
      'service-points': [{ type: 'relationship', name: 'agency', relationTo: 'agencies' }],
      media: [],
    }
    const doc = {
      agency: { id: 4, name: 'กรม', parent: 1 },
      manuals: [],
      extra: { file: { id: 9, alt: 'x' } },
      tag: null,
      servicePoints: { docs: [{ id: 7, agency: 5 }, 8] },
    }
    const deep = collectRefs(fields, doc, (c) => byCollection[c])
    expect(deep).toEqual(['agencies:1', 'agencies:4', 'agencies:5', 'media:9', 'service-points:7', 'service-points:8'])
    // Without field lookups, only the answer's own references.
    expect(collectRefs(fields, doc)).toEqual(['agencies:4', 'media:9', 'service-points:7', 'service-points:8'])
  })
  it('takes what a populating answer shows of a document: its defaultPopulate fields and id, or all of it', () => {
    const before = { id: 3, name: 'ก', legalBasis: 'x', updatedAt: '1' }
    const after = { id: 3, name: 'ก', legalBasis: 'y', updatedAt: '2' }
    expect(populatedView(before, { name: true })).toBe(populatedView(after, { name: true }))
    expect(populatedView(before, { name: true })).toBe('{"id":3,"name":"ก"}')
    expect(populatedView(before, { name: true })).not.toBe(populatedView({ ...after, name: 'ข' }, { name: true }))
    expect(populatedView(before, undefined)).not.toBe(populatedView(after, undefined))
    expect(populatedView(before, { legalBasis: false, updatedAt: false })).toBe(populatedView(after, { legalBasis: false, updatedAt: false }))
    expect(populatedView(null, { name: true })).toBe('null')
  })
  it('lists queryable relationship paths and join fields', () => {
    expect(relationshipPaths(fields).map((p) => `${p.path}>${p.relationTo.join()}`)).toEqual([
      'agency>agencies',
      'manuals>manuals',
      'pinDetails.manual>manuals',
      'extra.file>media',
      'tag>tags',
    ])
    expect(joinFields(fields)).toEqual([{ name: 'servicePoints', collection: 'service-points' }])
  })
  it('keys a document by its whitelisted filter values only', () => {
    expect(filterKeysOf('service-points', { agency: 5, province: 'ลำพูน', parent: null, name: 'x' })).toEqual([
      'service-points|*',
      'service-points|agency=5',
      'service-points|province=ลำพูน',
    ])
  })
})

describe('shapeFingerprint', () => {
  it('changes with a field, not with labels or admin options', () => {
    const base = shapeFingerprint(fields, { defaultSort: null }, 1)
    expect(shapeFingerprint(fields.map((f) => ({ ...f, label: 'other', admin: { hidden: true } }) as FieldLike), { defaultSort: null }, 1)).toBe(base)
    expect(shapeFingerprint([...fields, { name: 'extraField', type: 'text' }], { defaultSort: null }, 1)).not.toBe(base)
    expect(shapeFingerprint(fields, { defaultSort: null }, 2)).not.toBe(base)
  })
})

describe('isAnonymousHeaders (the public cache test)', () => {
  it('treats a token or a Payload session cookie as an officer', () => {
    expect(isAnonymousHeaders({})).toBe(true)
    expect(isAnonymousHeaders({ cookie: 'theme=dark' })).toBe(true)
    expect(isAnonymousHeaders({ authorization: 'JWT x' })).toBe(false)
    expect(isAnonymousHeaders({ cookie: 'a=1; payload-token=abc' })).toBe(false)
  })
})
