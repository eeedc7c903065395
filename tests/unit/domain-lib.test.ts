/** Pure domain logic behind the collections (src/lib): no database. */
import { isBlank } from '../../src/lib/blank'
import { totalDuration } from '../../src/lib/duration'
import { districtsOf, isDistrictOf, isProvince, isSubdistrictOf, PROVINCE_NAMES } from '../../src/lib/geography'
import { haversineKm, parseNearbyQuery } from '../../src/lib/nearby'
import { filterablePaths, generateOpenApi, labelText, openApiPath } from '../../src/lib/openapi'
import { duplicateDetailRows, isPinned } from '../../src/lib/pinning'
import { findCycle } from '../../src/lib/tree'
import { MEDIA_MAX_BYTES, uploadProblem } from '../../src/lib/uploads'

describe('totalDuration', () => {
  it('adds steps in the largest unit used (a working day is 7 hours)', () => {
    expect(
      totalDuration([
        { duration: 30, durationUnit: 'minutes' },
        { duration: 1, durationUnit: 'hours' },
        { duration: 2, durationUnit: 'days' },
      ]),
    ).toEqual({ value: 2.21, unit: 'days' })
    expect(totalDuration([{ duration: 90, durationUnit: 'minutes' }, { duration: 1, durationUnit: 'hours' }])).toEqual({ value: 2.5, unit: 'hours' })
  })
  it('ignores steps without a duration and answers 0 minutes for none', () => {
    expect(totalDuration([{ duration: null, durationUnit: 'days' }, { duration: 15, durationUnit: 'minutes' }])).toEqual({ value: 15, unit: 'minutes' })
    expect(totalDuration(undefined)).toEqual({ value: 0, unit: 'minutes' })
  })
})

describe('geography', () => {
  it('knows the 77 provinces by their official Thai names, NFC-normalised', () => {
    expect(PROVINCE_NAMES).toHaveLength(77)
    expect(isProvince('กรุงเทพมหานคร')).toBe(true)
    expect(isProvince('เชียงใหม่'.normalize('NFD'))).toBe(true)
    expect(isProvince('Bangkok')).toBe(false)
    expect(isProvince(42)).toBe(false)
  })
  it('checks districts and subdistricts against their province', () => {
    expect(districtsOf('เชียงใหม่')).toContain('เมืองเชียงใหม่')
    expect(isDistrictOf('เชียงใหม่', 'เมืองเชียงใหม่')).toBe(true)
    expect(isDistrictOf('ลำพูน', 'เมืองเชียงใหม่')).toBe(false)
    expect(isDistrictOf('ไม่มีจังหวัดนี้', 'เมืองเชียงใหม่')).toBe(false)
    expect(isSubdistrictOf('อุดรธานี', 'เมืองอุดรธานี', 'หมากแข้ง')).toBe(true)
    expect(isSubdistrictOf('อุดรธานี', 'กุดจับ', 'หมากแข้ง')).toBe(false)
  })
})

describe('findCycle', () => {
  const tree: Record<string, string | null> = { a: null, b: 'a', c: 'b', d: 'c' }
  const parentOf = async (id: string | number) => tree[String(id)] ?? null
  it('reports a parent that is the node itself or one of its descendants', async () => {
    expect(await findCycle('a', 'a', parentOf)).toBe(true)
    expect(await findCycle('a', 'd', parentOf)).toBe(true)
    expect(await findCycle('b', 'c', parentOf)).toBe(true)
  })
  it('accepts an ancestor or an unrelated node as parent', async () => {
    expect(await findCycle('d', 'a', parentOf)).toBe(false)
    expect(await findCycle('x', 'c', parentOf)).toBe(false)
  })
  it('treats a chain deeper than the limit as a cycle instead of walking forever', async () => {
    const endless = async (id: string | number) => `${id}x`
    expect(await findCycle('self', 'start', endless, 10)).toBe(true)
  })
  it('compares ids as strings (REST sends "3", the database 3)', async () => {
    expect(await findCycle(3, '3', async () => null)).toBe(true)
  })
})

describe('isBlank', () => {
  const lexical = (text: string) => ({ root: { type: 'root', children: [{ type: 'paragraph', children: text ? [{ type: 'text', text }] : [] }] } })
  it('treats empty strings, arrays and empty editor states as blank', () => {
    for (const v of [null, undefined, '', '   ', [], lexical(''), lexical('  ')]) expect(isBlank(v)).toBe(true)
  })
  it('treats 0, false-free text and filled editor states as filled', () => {
    for (const v of [0, 'ก', ['x'], lexical('เงื่อนไข'), { id: 1 }]) expect(isBlank(v)).toBe(false)
  })
})

describe('pinning', () => {
  it('finds a manual among pins, populated or not, whatever the id type', () => {
    expect(isPinned(3, [1, { id: 3 }])).toBe(true)
    expect(isPinned('3', [3])).toBe(true)
    expect(isPinned(4, [1, 3])).toBe(false)
    expect(isPinned(null, [1])).toBe(false)
    expect(isPinned(1, undefined)).toBe(false)
  })
  it('reports detail rows that repeat a manual', () => {
    expect(duplicateDetailRows([{ manual: 1 }, { manual: 2 }, { manual: { id: 1 } }, { manual: null }])).toEqual([2])
    expect(duplicateDetailRows(undefined)).toEqual([])
  })
})

describe('nearby query', () => {
  it('reads coordinates and applies the default radius and limit', () => {
    expect(parseNearbyQuery({ lat: '18.79', lng: '98.98' })).toEqual({ query: { lat: 18.79, lng: 98.98, radiusKm: 10, limit: 20 } })
  })
  it('names each bad parameter', () => {
    const result = parseNearbyQuery({ lat: '95', lng: 'abc', radiusKm: '-1', limit: '1000' })
    expect('errors' in result && result.errors.map((e) => e.path)).toEqual(['lat', 'lng', 'radiusKm', 'limit'])
    const missing = parseNearbyQuery({})
    expect('errors' in missing && missing.errors.map((e) => e.message.en)).toEqual(['lat is required', 'lng is required'])
  })
  it('computes great-circle distances (Bangkok to Chiang Mai about 580 km)', () => {
    const km = haversineKm({ lat: 13.7563, lng: 100.5018 }, { lat: 18.7883, lng: 98.9853 })
    expect(km).toBeGreaterThan(575)
    expect(km).toBeLessThan(590)
  })
})

describe('uploadProblem', () => {
  it('accepts PDF, DOCX and images under the limit', () => {
    expect(uploadProblem({ name: 'form.pdf', mimetype: 'application/pdf', size: 1000 })).toBeNull()
    expect(uploadProblem({ name: 'ฟอร์ม.DOCX', mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toBeNull()
    expect(uploadProblem({ name: 'photo.jpeg', mimetype: 'image/jpeg' })).toBeNull()
  })
  it('refuses other types, a mismatched extension, and too-large files', () => {
    expect(uploadProblem({ name: 'old.doc', mimetype: 'application/msword' })?.en).toMatch(/not allowed/)
    expect(uploadProblem({ name: 'form.exe', mimetype: 'application/pdf' })?.en).toMatch(/not allowed/)
    expect(uploadProblem({ name: 'big.pdf', mimetype: 'application/pdf', size: MEDIA_MAX_BYTES + 1 })?.en).toMatch(/larger than 10 MB/)
  })
})

describe('openapi generator', () => {
  const fields = [
    { type: 'text', name: 'title', required: true, label: { th: 'ชื่อ', en: 'Title' } },
    { type: 'row', fields: [{ type: 'number', name: 'fee', min: 0 }, { type: 'checkbox', name: 'free' }] },
    { type: 'relationship', name: 'agency', relationTo: 'agencies' },
    { type: 'relationship', name: 'tags', relationTo: 'tags', hasMany: true },
    { type: 'array', name: 'steps', fields: [{ type: 'text', name: 'title' }, { type: 'select', name: 'unit', options: ['minutes', { value: 'days' }] }] },
    { type: 'richText', name: 'body' },
    { type: 'join', name: 'points', collection: 'service-points' },
    { type: 'text', name: 'secret', hidden: true },
  ]
  const doc = generateOpenApi({
    title: 't',
    version: '1',
    collections: [
      { config: { slug: 'manuals', fields }, readRule: { _status: { equals: 'published' } } },
      { config: { slug: 'agencies', fields: [{ type: 'text', name: 'name' }] }, readRule: true },
    ],
    endpoints: [{ method: 'get', path: '/service-points/:id/poster', summary: 'poster' }],
  }) as any

  it('turns fields into schemas: rows flattened, relations as id or document, hidden fields left out', () => {
    const schema = doc.components.schemas.Manuals
    expect(doc.openapi).toBe('3.1.0')
    expect(schema.required).toEqual(['id', 'title'])
    expect(schema.properties.title).toEqual({ type: 'string', description: 'ชื่อ (Title)' })
    expect(schema.properties.fee).toEqual({ type: 'number', minimum: 0 })
    expect(schema.properties.agency.oneOf[1]).toEqual({ $ref: '#/components/schemas/Agencies' })
    expect(schema.properties.tags.type).toBe('array')
    expect(schema.properties.steps.items.properties.unit.enum).toEqual(['minutes', 'days'])
    expect(schema.properties.secret).toBeUndefined()
    expect(schema.properties.points.properties.docs.type).toBe('array')
  })
  it('documents list filters and the public read rule', () => {
    const list = doc.paths['/api/manuals'].get
    expect(list.parameters.map((p: any) => p.name)).toEqual(['where', 'limit', 'page', 'sort', 'depth', 'select', 'populate', 'joins'])
    expect(list['x-public-filter']).toEqual({ _status: { equals: 'published' } })
    expect(list.parameters[0]['x-filterable-fields']).toEqual(['title', 'fee', 'free', 'agency', 'tags', 'steps.title', 'steps.unit'])
    expect(doc.paths['/api/agencies/{id}'].get.parameters.map((p: any) => p.name)).toEqual(['id', 'depth', 'select', 'populate'])
    expect(doc.paths['/api/service-points/{id}/poster'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true })
  })
  it('writes labels Thai first and converts Payload paths', () => {
    expect(labelText({ th: 'ก', en: 'A' })).toBe('ก (A)')
    expect(labelText('x')).toBe('x')
    expect(openApiPath('/a/:id/b/:key').path).toBe('/api/a/{id}/b/{key}')
    expect(filterablePaths([{ type: 'group', name: 'location', fields: [{ type: 'number', name: 'lat' }] }])).toEqual(['location.lat'])
  })
})
