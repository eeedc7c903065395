/** What a field expects, in Thai and English, and whether a value has the shape (src/lib/fieldShape.ts). */
import {
  expectedShape,
  fieldAtPath,
  fieldErrorMessage,
  hasWrongShape,
  invalidFieldsSummary,
  invalidMessage,
  isBilingual,
  isValidId,
  missingReferenceMessage,
  referencedIds,
  requiredMessage,
  type ShapeField,
} from '../../src/lib/fieldShape'

const complaintChannels: ShapeField = {
  type: 'array',
  name: 'complaintChannels',
  fields: [
    { type: 'text', name: 'channel', required: true },
    { type: 'text', name: 'contact' },
  ],
}
const durationUnit: ShapeField = { type: 'select', name: 'durationUnit', options: [{ value: 'minutes' }, { value: 'hours' }, 'days'] }
const agency: ShapeField = { type: 'relationship', name: 'agency', relationTo: 'agencies', required: true, label: { th: 'หน่วยงาน', en: 'Agency' } }

describe('the expected shape of each field type', () => {
  it('words the examples of the brief exactly', () => {
    expect(invalidMessage(complaintChannels)).toBe('ต้องเป็นรายการของ { channel, contact } (must be an array of { channel, contact })')
    expect(invalidMessage(durationUnit)).toBe('ต้องเป็น minutes, hours หรือ days (must be one of minutes|hours|days)')
    expect(invalidMessage(agency)).toBe('ต้องเป็นรหัส (id) ของ agencies (must be the id of an agencies document)')
  })

  it('names rows, groups and blocks by their keys, through rows, collapsibles and tabs', () => {
    const steps: ShapeField = {
      type: 'array',
      name: 'steps',
      minRows: 1,
      fields: [{ type: 'text', name: 'title' }, { type: 'row', fields: [{ type: 'number', name: 'duration' }, { type: 'ui', name: 'help' }] }],
    }
    expect(expectedShape(steps)).toEqual({ th: 'รายการของ { title, duration } อย่างน้อย 1 รายการ', en: 'an array of at least 1 { title, duration }' })
    expect(expectedShape({ ...steps, minRows: 2, maxRows: 5 }).en).toBe('an array of 2 to 5 { title, duration }')
    expect(expectedShape({ type: 'group', name: 'location', fields: [{ type: 'number', name: 'lat' }, { type: 'collapsible', fields: [{ type: 'number', name: 'lng' }] }] })).toEqual({
      th: 'ออบเจกต์ { lat, lng }',
      en: 'an object { lat, lng }',
    })
    expect(expectedShape({ type: 'blocks', name: 'content', blocks: [{ slug: 'quote', fields: [] }], blockReferences: ['cta'] }).en).toBe(
      'an array of blocks { blockType: quote|cta, ... }',
    )
  })

  it('gives numbers their range, whole numbers and lists', () => {
    expect(expectedShape({ type: 'number', min: 1, max: 5 })).toEqual({ th: 'ตัวเลขตั้งแต่ 1 ถึง 5', en: 'a number from 1 to 5' })
    expect(expectedShape({ type: 'number', min: 0 }).en).toBe('a number of at least 0')
    expect(expectedShape({ type: 'number', max: 10 }).th).toBe('ตัวเลขไม่เกิน 10')
    expect(expectedShape({ type: 'number', min: 0, custom: { integer: true } })).toEqual({ th: 'จำนวนเต็มตั้งแต่ 0 ขึ้นไป', en: 'a whole number of at least 0' })
    expect(expectedShape({ type: 'number', hasMany: true, min: 1, max: 5 }).en).toBe('an array of numbers from 1 to 5')
  })

  it('words text, email, date, checkbox, select hasMany, relationships and rich text', () => {
    expect(expectedShape({ type: 'text', maxLength: 100 }).en).toBe('text of at most 100 characters')
    expect(expectedShape({ type: 'text', hasMany: true }).en).toBe('an array of texts')
    expect(expectedShape({ type: 'email' }).en).toMatch(/^an email address/)
    expect(expectedShape({ type: 'date' }).en).toMatch(/^an ISO 8601 date-time/)
    expect(expectedShape({ type: 'checkbox' })).toEqual({ th: 'true หรือ false', en: 'true or false' })
    expect(expectedShape({ type: 'select', hasMany: true, options: ['a', 'b', 'c'] })).toEqual({
      th: 'รายการค่าที่ไม่ซ้ำกันจาก a, b หรือ c',
      en: 'an array of distinct values from a|b|c',
    })
    expect(expectedShape({ type: 'select', options: ['only'] }).en).toBe('only')
    expect(expectedShape({ type: 'relationship', relationTo: 'tags', hasMany: true }).en).toBe('an array of ids of tags documents')
    expect(expectedShape({ type: 'upload', relationTo: 'media' }).en).toBe('the id of a media document')
    expect(expectedShape({ type: 'relationship', relationTo: ['manuals', 'other-services'] }).en).toBe('{ relationTo: manuals|other-services, value: id }')
    expect(expectedShape({ type: 'relationship', relationTo: 'agencies', filterOptions: {} }).en).toBe('the id of an agencies document that may be chosen here')
    expect(expectedShape({ type: 'richText' }).en).toMatch(/^rich text as Lexical JSON/)
  })
})

describe('messages', () => {
  it('asks for a required field by its label, naming what to put there', () => {
    expect(requiredMessage(agency)).toBe('กรุณาเลือก "หน่วยงาน": ต้องเป็นรหัส (id) ของ agencies ("Agency" is required: must be the id of an agencies document)')
    expect(requiredMessage({ type: 'text', name: 'title', label: { th: 'ชื่อคู่มือ', en: 'Title' } })).toBe(
      'กรุณากรอก "ชื่อคู่มือ": ต้องเป็นข้อความ ("Title" is required: must be text)',
    )
    // A plain label or none: the same text in both languages.
    expect(requiredMessage({ type: 'text', name: 'code' })).toBe('กรุณากรอก "code": ต้องเป็นข้อความ ("code" is required: must be text)')
  })

  it('names the missing id', () => {
    expect(missingReferenceMessage(agency, 'agencies', 42)).toBe(
      'ไม่พบ agencies รหัส 42: ต้องเป็นรหัส (id) ของ agencies (no agencies document has the id 42: must be the id of an agencies document)',
    )
  })

  it('keeps a bilingual message and replaces a one-language one', () => {
    const own = 'ระยะเวลาต้องไม่ติดลบ (Duration must not be negative)'
    expect(isBilingual(own)).toBe(true)
    expect(isBilingual('กรุณากรอก "ชื่อ" ("Name (Thai)" is required)')).toBe(true)
    for (const payloadText of ['ข้อมูลไม่ถูกต้อง', 'ค่าที่เลือกไม่ถูกต้อง', 'This field is required.', 'วันที่ (ไทย)', 'Invalid (value)']) expect(isBilingual(payloadText)).toBe(false)
    expect(fieldErrorMessage(durationUnit, 'weeks', own)).toBe(own)
    expect(fieldErrorMessage(durationUnit, 'weeks', 'ค่าที่เลือกไม่ถูกต้อง')).toBe(invalidMessage(durationUnit))
    expect(fieldErrorMessage(agency, null, 'จำเป็นต้องระบุค่า')).toBe(requiredMessage(agency))
    expect(fieldErrorMessage(agency, '  ', 'จำเป็นต้องระบุค่า')).toBe(requiredMessage(agency))
  })

  it('sums up the invalid fields, Thai labels first, paths in English', () => {
    expect(invalidFieldsSummary([{ path: 'complaintChannels', label: 'ช่องทางการร้องเรียน' }])).toBe(
      'ข้อมูลไม่ถูกต้อง 1 ช่อง: ช่องทางการร้องเรียน (1 invalid field: complaintChannels)',
    )
    expect(invalidFieldsSummary([{ path: 'a' }, { path: 'b.0.c' }])).toBe('ข้อมูลไม่ถูกต้อง 2 ช่อง: a, b.0.c (2 invalid fields: a, b.0.c)')
  })
})

describe('hasWrongShape', () => {
  const cases: Array<[ShapeField, unknown, boolean]> = [
    [complaintChannels, 'text', true],
    [complaintChannels, { channel: 'x' }, true],
    [complaintChannels, ['x'], true],
    [complaintChannels, [{ channel: 'x' }], false],
    [complaintChannels, 0, false], // the row count Payload's admin form state may send
    [complaintChannels, null, false],
    [complaintChannels, undefined, false],
    [durationUnit, 'weeks', true],
    [durationUnit, 'days', false],
    [durationUnit, ['days'], true],
    [{ type: 'select', hasMany: true, options: ['a', 'b'] }, ['a', 'x'], true],
    [{ type: 'select', hasMany: true, options: ['a', 'b'] }, ['a', 'b'], false],
    [{ type: 'number' }, Number.NaN, true], // Payload's coercion of "abc"
    [{ type: 'number' }, { x: 1 }, true],
    [{ type: 'number' }, [1], true],
    [{ type: 'number' }, '12', false],
    [{ type: 'number' }, 0, false],
    [{ type: 'number', hasMany: true }, [1, '2'], false],
    [{ type: 'number', hasMany: true }, [1, 'x'], true],
    [{ type: 'number', custom: { integer: true } }, 2.5, true],
    [{ type: 'number', custom: { integer: true } }, '3', false],
    [{ type: 'text' }, 'ก', false],
    [{ type: 'text' }, 10110, false], // a postcode sent as a number
    [{ type: 'text' }, { th: 'ก' }, true],
    [{ type: 'text', hasMany: true }, ['ก', 'ข'], false],
    [{ type: 'text', hasMany: true }, 'ก', true],
    [{ type: 'checkbox' }, true, false],
    [{ type: 'checkbox' }, 'yes', true],
    [{ type: 'checkbox' }, 1, true],
    [{ type: 'date' }, '2026-01-31T09:00:00.000Z', false],
    [{ type: 'date' }, 'พรุ่งนี้', true],
    [{ type: 'date' }, '', false],
    [{ type: 'date' }, 20260131, true],
    [{ type: 'group', fields: [] }, [1, 2], true],
    [{ type: 'group', fields: [] }, 'x', true],
    [{ type: 'group', fields: [] }, { lat: 1 }, false],
    [agency, 3, false],
    [agency, Number.NaN, true],
    [agency, { id: 3 }, false],
    [agency, [3], true],
    [agency, true, true],
    [{ type: 'relationship', relationTo: 'tags', hasMany: true }, [1, 2], false],
    [{ type: 'relationship', relationTo: 'tags', hasMany: true }, 1, false], // Payload takes one id for hasMany
    [{ type: 'relationship', relationTo: 'tags', hasMany: true }, { a: 1 }, true],
    [{ type: 'relationship', relationTo: ['a', 'b'] }, { relationTo: 'a', value: 1 }, false],
    [{ type: 'relationship', relationTo: ['a', 'b'] }, { relationTo: 'c', value: 1 }, true],
    [{ type: 'relationship', relationTo: ['a', 'b'] }, 1, true],
    [{ type: 'richText' }, { root: { type: 'root', children: [] } }, false],
    [{ type: 'richText' }, 'plain text', true],
    [{ type: 'richText' }, { root: 'x' }, true],
    [{ type: 'point' }, [100.5, 13.7], false],
    [{ type: 'point' }, { lat: 1 }, true],
    [{ type: 'blocks', blocks: [{ slug: 'quote', fields: [] }] }, [{ blockType: 'quote' }], false],
    [{ type: 'blocks', blocks: [{ slug: 'quote', fields: [] }] }, [{ blockType: 'other' }], true],
    [{ type: 'json' }, 'anything', false],
    [{ type: 'text', virtual: true }, {}, false],
  ]
  it.each(cases)('%j with %j → %s', (field, value, wrong) => {
    expect(hasWrongShape(field, value)).toBe(wrong)
  })
})

describe('references and paths', () => {
  it('lists the ids a relationship names, per collection', () => {
    expect(referencedIds(agency, 3)).toEqual([{ collection: 'agencies', id: 3 }])
    expect(referencedIds({ type: 'relationship', relationTo: 'tags', hasMany: true }, [1, { id: 2 }])).toEqual([
      { collection: 'tags', id: 1 },
      { collection: 'tags', id: 2 },
    ])
    expect(referencedIds({ type: 'relationship', relationTo: ['a', 'b'], hasMany: true }, [{ relationTo: 'b', value: 7 }])).toEqual([{ collection: 'b', id: 7 }])
    expect(referencedIds({ type: 'text' }, 'x')).toEqual([])
  })

  it('knows a serial id from one that cannot be', () => {
    expect(isValidId(12, 'number')).toBe(true)
    expect(isValidId('12', 'number')).toBe(true)
    expect(isValidId('abc', 'number')).toBe(false)
    expect(isValidId(1.5, 'number')).toBe(false)
    expect(isValidId('abc', 'text')).toBe(true)
  })

  it('finds the field a dot path names, through tabs, groups, arrays and blocks', () => {
    const fields: ShapeField[] = [
      { type: 'tabs', tabs: [{ fields: [{ type: 'text', name: 'title' }] }, { name: 'meta', fields: [{ type: 'text', name: 'note' }] }] },
      { type: 'array', name: 'steps', fields: [{ type: 'row', fields: [durationUnit] }] },
      { type: 'group', name: 'location', fields: [{ type: 'number', name: 'lat' }] },
      { type: 'blocks', name: 'content', blocks: [{ slug: 'quote', fields: [{ type: 'text', name: 'quote' }] }] },
    ]
    expect(fieldAtPath(fields, 'title')?.name).toBe('title')
    expect(fieldAtPath(fields, 'meta.note')?.name).toBe('note')
    expect(fieldAtPath(fields, 'steps.0.durationUnit')).toBe(durationUnit)
    expect(fieldAtPath(fields, 'steps')?.type).toBe('array')
    expect(fieldAtPath(fields, 'location.lat')?.type).toBe('number')
    expect(fieldAtPath(fields, 'content.2.quote')?.name).toBe('quote')
    expect(fieldAtPath(fields, 'nothing.here')).toBeUndefined()
  })
})
