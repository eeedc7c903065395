import {
  detectKind,
  importedRemarks,
  listOf,
  mapAgencyRow,
  mapManualRow,
  mapServicePointRow,
  parseDate,
  parseDurationUnit,
  parseNumber,
  parseOpeningHours,
  pickColumns,
  MAX_TEXT_LENGTH,
  staleSearchRows,
  wouldChange,
  type ManualRecord,
} from '../../src/lib/import'
import { JsonRecordSplitter } from '../../src/lib/importJson'

const manualRow = (overrides: Record<string, unknown> = {}) => ({
  legacyId: 'MAN-1',
  title: 'คู่มือสำหรับประชาชน: การแจ้งเกิด',
  agencyLegacyId: 'ORG-1',
  conditions: 'ย่อหน้าแรก\nย่อหน้าที่สอง',
  steps: 'ตรวจสอบเอกสาร|10|นาที|งานทะเบียน\nพิจารณา|1|วันทำการ|นายทะเบียน',
  documents: 'บัตรประจำตัวประชาชน|กรมการปกครอง|1|1|รับรองสำเนา',
  fees: '',
  complaintChannels: 'สายด่วน|1111',
  legalBasis: 'พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534',
  publishedAt: '15/08/2559',
  ...overrides,
})

describe('column names', () => {
  it('finds a field under any of its aliases, ignoring case, underscores and spaces', () => {
    expect(pickColumns('manuals', { Agency_ID: 'ORG-9', 'Publish Date': '2020-01-01', extra: 'x' })).toEqual({ agencyLegacyId: 'ORG-9', publishedAt: '2020-01-01' })
  })

  it('tells the kind of a file from its name, then from its columns', () => {
    expect(detectKind('/x/agencies-2569.csv')).toBe('agencies')
    expect(detectKind('export/service-points.csv')).toBe('service-points')
    expect(detectKind('manuals.json')).toBe('manuals')
    expect(detectKind('dump.csv', ['legacyId', 'title', 'steps'])).toBe('manuals')
    expect(detectKind('dump.csv', ['legacyId', 'lat', 'lng'])).toBe('service-points')
    expect(detectKind('dump.csv', ['foo'])).toBeNull()
  })
})

describe('cells', () => {
  it('reads list cells as lines, JSON text or arrays', () => {
    expect(listOf('a\n\n b \r\nc')).toEqual(['a', 'b', 'c'])
    expect(listOf('["x","y"]')).toEqual(['x', 'y'])
    expect(listOf([{ a: 1 }])).toEqual([{ a: 1 }])
    expect(listOf('')).toEqual([])
  })

  it('reads numbers with thousands separators and baht', () => {
    expect(parseNumber('1,200')).toBe(1200)
    expect(parseNumber('10,000 บาท')).toBe(10000)
    expect(parseNumber('12.5')).toBe(12.5)
    expect(parseNumber('สิบ')).toBeUndefined()
  })

  it('reads Buddhist-era and ISO dates as Bangkok dates', () => {
    expect(parseDate('15/08/2559')).toBe('2016-08-14T17:00:00.000Z')
    expect(parseDate('2016-08-15')).toBe('2016-08-14T17:00:00.000Z')
    expect(parseDate('2559-08-15')).toBe('2016-08-14T17:00:00.000Z')
    expect(parseDate('2021-06-15T03:00:00Z')).toBe('2021-06-15T03:00:00.000Z')
    expect(parseDate('31/02/2563')).toBeUndefined()
    expect(parseDate('เมื่อวาน')).toBeUndefined()
  })

  it('reads duration units in Thai and English', () => {
    expect(parseDurationUnit('นาที')).toBe('minutes')
    expect(parseDurationUnit('วันทำการ')).toBe('days')
    expect(parseDurationUnit('Hours')).toBe('hours')
    expect(parseDurationUnit('สัปดาห์')).toBeUndefined()
  })

  it('expands opening hours into one period per day', () => {
    expect(parseOpeningHours('จันทร์-ศุกร์ 08:30-16:30; sat 9.00-12.00')).toEqual([
      ...['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, opens: '08:30', closes: '16:30' })),
      { day: 'sat', opens: '09:00', closes: '12:00' },
    ])
    expect(parseOpeningHours('จ-ศ 08:30-16:30 น.')).toHaveLength(5)
    expect(parseOpeningHours([{ day: 'sun', opens: '10:00', closes: '14:00' }])).toEqual([{ day: 'sun', opens: '10:00', closes: '14:00' }])
    expect(parseOpeningHours('')).toEqual([])
    expect(parseOpeningHours('ทุกวัน')).toBeNull()
    expect(parseOpeningHours('mon 16:30-08:30')).toBeNull()
    expect(parseOpeningHours('fri-mon 08:30-16:30')).toBeNull()
  })
})

describe('agency rows', () => {
  it('maps a department with Thai kind and its parent', () => {
    const r = mapAgencyRow({ legacyId: 'ORG-2', name: 'กรมการปกครอง', kind: 'กรม', parentLegacyId: 'ORG-1', province: 'กรุงเทพมหานคร' })
    expect(r).toEqual({ ok: true, record: expect.objectContaining({ legacyId: 'ORG-2', kind: 'department', parentLegacyId: 'ORG-1' }) })
  })

  it('reports every problem of a bad row, in Thai and English', () => {
    const r = mapAgencyRow({ legacyId: 'ORG-3', kind: 'กระทรวง', parentLegacyId: 'ORG-1', province: 'แคลิฟอร์เนีย', email: 'no-at-sign' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.legacyId).toBe('ORG-3')
    expect(r.errors).toEqual([
      expect.stringMatching(/ชื่อหน่วยงาน.*name is missing/),
      expect.stringMatching(/กระทรวงต้องไม่มี.*A ministry has no parent/),
      expect.stringMatching(/Unknown province/),
      expect.stringMatching(/Invalid email/),
    ])
  })

  it('refuses an unknown kind', () => {
    const r = mapAgencyRow({ legacyId: 'X', name: 'ก', kind: 'บริษัท' })
    expect(r.ok || r.errors[0]).toMatch(/Unknown agency kind "บริษัท"/)
  })
})

describe('service point rows', () => {
  const base = { legacyId: 'SP-1', name: 'สำนักทะเบียนอำเภอเมืองเชียงใหม่', agencyLegacyId: 'ORG-2', province: 'เชียงใหม่', district: 'เมืองเชียงใหม่' }

  it('maps visibility words, coordinates, hours and pins', () => {
    const r = mapServicePointRow({ ...base, visible: 'ไม่แสดง', status: 'ปิด', lat: '18.80', lng: '98.98', openingHours: 'mon-fri 08:30-16:30', manualLegacyIds: 'M1|M2, M1' })
    expect(r.ok && r.record).toEqual(
      expect.objectContaining({ visible: false, status: 'closed', location: { lat: 18.8, lng: 98.98 }, manualLegacyIds: ['M1', 'M2'] }),
    )
    expect(r.ok && r.record.openingHours).toHaveLength(5)
  })

  it('defaults to visible and active', () => {
    const r = mapServicePointRow(base)
    expect(r.ok && [r.record.visible, r.record.status, r.record.location]).toEqual([true, 'active', undefined])
  })

  it('refuses coordinates outside Thailand, a district of another province and unreadable hours', () => {
    const r = mapServicePointRow({ ...base, district: 'หลักสี่', lat: '98.98', lng: '18.80', openingHours: 'เช้า' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.join('\n')).toMatch(/"หลักสี่" is not a district of เชียงใหม่/)
    expect(r.errors.join('\n')).toMatch(/Coordinates outside Thailand/)
    expect(r.errors.join('\n')).toMatch(/Cannot read opening hours/)
  })
})

describe("what Payload's validation would refuse (batches skip it)", () => {
  const point = { legacyId: 'SP-1', name: 'จุดบริการ', agencyLegacyId: 'ORG-2', province: 'เชียงใหม่' }

  it("checks emails by Payload's own rule", () => {
    expect(mapServicePointRow({ ...point, email: 'saraban@dopa.go.th' }).ok).toBe(true)
    for (const email of ['a@b.c', 'a..b@dopa.go.th', 'a@-dopa.go.th', '"a"@dopa.go.th'])
      expect(mapServicePointRow({ ...point, email })).toEqual(expect.objectContaining({ ok: false, errors: [expect.stringMatching(/Invalid email/)] }))
  })

  it("refuses a text longer than Payload's limit, and remarks that grow too long with the history", () => {
    const long = 'ก'.repeat(MAX_TEXT_LENGTH + 1)
    expect(mapServicePointRow({ ...point, address: long })).toEqual(expect.objectContaining({ ok: false, errors: [expect.stringMatching(/address is longer than 40000/)] }))
    expect(mapManualRow(manualRow({ steps: `ตรวจสอบ|1|นาที|${long}` }))).toEqual(expect.objectContaining({ ok: false, errors: [expect.stringMatching(/steps\.0\.responsibleUnit is longer/)] }))
    expect(mapManualRow(manualRow({ remarks: 'ก'.repeat(MAX_TEXT_LENGTH - 50) }))).toEqual(expect.objectContaining({ ok: false, errors: [expect.stringMatching(/remarks with the history are longer/)] }))
    // Rich text has no limit.
    expect(mapManualRow(manualRow({ conditions: long })).ok).toBe(true)
  })
})

describe('manual rows', () => {
  it('maps a CSV row: steps, documents, no fee, Buddhist-era date, process named after the title', () => {
    const r = mapManualRow(manualRow())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.record).toEqual(
      expect.objectContaining({
        processLegacyId: 'manual:MAN-1',
        processName: 'การแจ้งเกิด',
        conditions: ['ย่อหน้าแรก', 'ย่อหน้าที่สอง'],
        noFee: true,
        fees: [],
        publishedAt: '2016-08-14T17:00:00.000Z',
        revision: 1,
      }),
    )
    expect(r.record.steps).toEqual([
      { title: 'ตรวจสอบเอกสาร', duration: 10, durationUnit: 'minutes', responsibleUnit: 'งานทะเบียน', description: undefined },
      { title: 'พิจารณา', duration: 1, durationUnit: 'days', responsibleUnit: 'นายทะเบียน', description: undefined },
    ])
    expect(r.record.documents).toEqual([{ name: 'บัตรประจำตัวประชาชน', issuingAgency: 'กรมการปกครอง', originals: 1, copies: 1, note: 'รับรองสำเนา' }])
  })

  it('maps a JSON record with nested arrays and snake_case keys', () => {
    const r = mapManualRow({
      id: 'MAN-9',
      title: 'การขออนุญาตผลิตอาหาร',
      agency_id: 'ORG-5',
      process_id: 'PROC-1',
      conditions: ['ข้อหนึ่ง'],
      steps: [{ title: 'ตรวจ', duration: 2, unit: 'hours', responsible_unit: 'กองอาหาร' }],
      fees: [{ description: 'ค่าคำขอ', amount: '2,000' }],
      legal_basis: [{ title: 'พระราชบัญญัติอาหาร พ.ศ. 2522' }],
      publish_date: '2021-06-15T03:00:00Z',
      revision: 2,
      history: [{ date: '2564-06-15', note: 'ปรับปรุง' }],
    })
    expect(r.ok && r.record).toEqual(
      expect.objectContaining({
        legacyId: 'MAN-9',
        agencyLegacyId: 'ORG-5',
        processLegacyId: 'PROC-1',
        noFee: false,
        fees: [{ description: 'ค่าคำขอ', amount: 2000 }],
        legalBasis: ['พระราชบัญญัติอาหาร พ.ศ. 2522'],
        revision: 2,
        history: ['2564-06-15 ปรับปรุง'],
        steps: [expect.objectContaining({ duration: 2, durationUnit: 'hours', responsibleUnit: 'กองอาหาร' })],
      }),
    )
  })

  it('names each broken part of a manual', () => {
    const r = mapManualRow(manualRow({ steps: 'ตรวจสอบ|สิบ|นาที', documents: 'บัตร||-1|0', fees: 'ค่าธรรมเนียม|ฟรี', publishedAt: '2020-13-01', revision: '0', conditions: '' }))
    expect(r.ok).toBe(false)
    if (r.ok) return
    const all = r.errors.join('\n')
    for (const expected of [/Step 1 is incomplete/, /Document 1 is invalid/, /Fee 1 is invalid/, /Invalid publishedAt/, /Invalid revision/, /conditions is missing/]) expect(all).toMatch(expected)
  })

  it('notes the history in the remarks without the import date, so a rerun writes the same text', () => {
    const r = mapManualRow(manualRow({ history: '10/06/2558 เผยแพร่ครั้งแรก\n15/08/2559 ปรับปรุง', remarks: 'หมายเหตุเดิม', revision: '2' }))
    const remarks = importedRemarks((r as { record: ManualRecord }).record, () => '15 ส.ค. 2559')
    expect(remarks).toBe(
      [
        'หมายเหตุเดิม',
        '',
        'นำเข้าจากระบบเดิม รหัส MAN-1 ฉบับที่ 2 เผยแพร่เมื่อ 15 ส.ค. 2559 (Imported from the earlier system, id MAN-1, revision 2, published 15 Aug 2016)',
        'ประวัติในระบบเดิม (History in the earlier system):',
        '- 10/06/2558 เผยแพร่ครั้งแรก',
        '- 15/08/2559 ปรับปรุง',
      ].join('\n'),
    )
  })
})

describe('wouldChange', () => {
  const stored = {
    id: 7,
    title: 'ก',
    agency: { id: 3, name: 'กรม' },
    publishedAt: '2016-08-14T17:00:00.000Z',
    steps: [{ id: 'abc', title: 'ตรวจ', duration: 10 }],
    nameEn: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }

  it('sees no change when the data equals what is stored (ids of rows and unknown keys ignored)', () => {
    expect(wouldChange({ title: 'ก', agency: 3, publishedAt: '2016-08-15T00:00:00+07:00', steps: [{ title: 'ตรวจ', duration: 10 }], nameEn: undefined }, stored)).toBe(false)
  })

  it('sees a changed value, a changed relation, a changed or extra array row and a cleared value', () => {
    expect(wouldChange({ title: 'ข' }, stored)).toBe(true)
    expect(wouldChange({ agency: 4 }, stored)).toBe(true)
    expect(wouldChange({ steps: [{ title: 'ตรวจ', duration: 11 }] }, stored)).toBe(true)
    expect(wouldChange({ steps: [{ title: 'ตรวจ', duration: 10 }, { title: 'ลงนาม', duration: 1 }] }, stored)).toBe(true)
    expect(wouldChange({ title: null }, stored)).toBe(true)
  })
})

describe('JsonRecordSplitter', () => {
  const records = [{ a: 'ข้อความ "มี" {วงเล็บ} [และ] \\ ทับ' }, { b: [1, { c: 2 }] }, { d: {} }]

  it('splits the records of an array or of the first array inside an object, across any chunking', () => {
    for (const doc of [JSON.stringify(records, null, 2), JSON.stringify({ meta: { n: 3 }, manuals: records, after: [{ x: 1 }] })]) {
      for (const size of [1, 3, 7, 64, 10_000]) {
        const splitter = new JsonRecordSplitter()
        const out: unknown[] = []
        for (let i = 0; i < doc.length; i += size) out.push(...splitter.push(doc.slice(i, i + size)).map((t) => JSON.parse(t)))
        expect(out).toEqual(records)
        expect(splitter.incomplete).toBe(false)
      }
    }
  })

  it('reads JSON Lines and notices a record cut off at the end', () => {
    const splitter = new JsonRecordSplitter({ lines: true })
    expect(splitter.push('{"a":1}\n{"b":2}\n{"c":').map((t) => JSON.parse(t))).toEqual([{ a: 1 }, { b: 2 }])
    expect(splitter.incomplete).toBe(true)
  })
})

describe('staleSearchRows', () => {
  const state = () => ({
    rows: new Map([
      ['manuals:1', 100],
      ['manuals:2', 100],
      ['manuals:3', 100],
      ['service-points:10', 100],
      ['service-points:11', 100],
    ]),
    manuals: [
      { id: 1, updatedAt: 50, process: 7, published: true },
      { id: 2, updatedAt: 50, process: 7, published: true },
      { id: 3, updatedAt: 50, process: null, published: false },
      { id: 4, updatedAt: 50, process: null, published: true },
    ],
    processes: new Map([['7', 50]]),
    points: [
      { id: 10, updatedAt: 50, public: true, manuals: [1] },
      { id: 11, updatedAt: 50, public: false, manuals: [] },
      { id: 12, updatedAt: 50, public: true, manuals: [] },
    ],
  })

  it('finds rows missing, and rows there for documents no longer public', () => {
    expect(staleSearchRows(state())).toEqual({ manuals: [3, 4], 'service-points': [11, 12] })
  })

  it('finds rows older than the document, its process or a service point pinning it', () => {
    const s = state()
    s.manuals[0].updatedAt = 150
    s.processes.set('7', 150)
    expect(staleSearchRows(s).manuals).toEqual([1, 2, 3, 4])
    const pinned = state()
    pinned.points[0].updatedAt = 150
    expect(staleSearchRows(pinned)).toEqual({ manuals: [1, 3, 4], 'service-points': [10, 11, 12] })
  })
})
