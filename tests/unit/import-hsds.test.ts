import { dataPackage, HSDS_FIELDS, hsdsId, locationRows, organizationRow, serviceAtLocationRow, serviceRow, stableUuid } from '../../src/lib/importHsds'
import { lexicalFromParagraphs } from '../../src/lib/lexical'

describe('HSDS ids', () => {
  it('are RFC 4122 version-5 UUIDs, stable for one record and distinct between records', () => {
    const a = hsdsId('service', 12)
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(hsdsId('service', { id: 12 })).toBe(a)
    expect(hsdsId('service', 13)).not.toBe(a)
    expect(hsdsId('location', 12)).not.toBe(a)
    expect(stableUuid('x')).toBe(stableUuid('x'))
  })
})

describe('HSDS rows', () => {
  it('maps an agency to an organization with its parent', () => {
    expect(organizationRow({ id: 2, name: 'กรมการปกครอง', nameEn: 'DOPA', kind: 'department', parent: 1, code: 'DOPA', province: 'กรุงเทพมหานคร' })).toEqual({
      id: hsdsId('organization', 2),
      name: 'กรมการปกครอง',
      alternate_name: 'DOPA',
      description: 'กรมหรือหน่วยงานเทียบเท่า (Department or equivalent) · จังหวัดกรุงเทพมหานคร',
      email: null,
      website: null,
      parent_organization_id: hsdsId('organization', 1),
      external_identifier: 'DOPA',
      external_identifier_type: 'infogo agency code',
    })
  })

  it('maps a published manual to a service: steps, total time, fees, laws, common names', () => {
    const row = serviceRow(
      {
        id: 5,
        agency: 2,
        title: 'การแจ้งเกิด',
        conditions: lexicalFromParagraphs(['ข้อหนึ่ง', 'ข้อสอง']),
        steps: [
          { title: 'ตรวจสอบ', duration: 10, durationUnit: 'minutes', responsibleUnit: 'งานทะเบียน' },
          { title: 'ลงนาม', duration: 1, durationUnit: 'days' },
        ],
        totalDuration: 1.02,
        totalDurationUnit: 'days',
        noFee: false,
        fees: [{ description: 'ค่าธรรมเนียม', amount: 1000 }],
        legalBasis: [{ title: 'พ.ร.บ. ก' }, { title: 'พ.ร.บ. ข' }],
        publishedAt: '2020-01-01T00:00:00.000Z',
      },
      { commonNames: ['แจ้งเกิด', 'สูติบัตร'] },
      'https://www.info.go.th/api/manuals/5',
    )
    expect(row).toEqual({
      id: hsdsId('service', 5),
      organization_id: hsdsId('organization', 2),
      name: 'การแจ้งเกิด',
      alternate_name: 'แจ้งเกิด; สูติบัตร',
      description: 'ข้อหนึ่ง\nข้อสอง',
      url: 'https://www.info.go.th/api/manuals/5',
      status: 'active',
      application_process: '1. ตรวจสอบ (10 นาที, งานทะเบียน)\n2. ลงนาม (1 วันทำการ)',
      wait_time: '1.02 วันทำการ',
      fees_description: 'ค่าธรรมเนียม: 1,000 บาท',
      licenses: 'พ.ร.บ. ก; พ.ร.บ. ข',
      last_modified: '2020-01-01T00:00:00.000Z',
    })
    expect(serviceRow({ id: 6, agency: 2, title: 'ก', noFee: true, fees: [] }, undefined, 'u').fees_description).toBe('ไม่มีค่าธรรมเนียม (No fee)')
  })

  it('maps a service point to a location and an address, and a pin with its details', () => {
    const point = {
      id: 9,
      agency: 2,
      name: 'สำนักทะเบียนอำเภอเมืองเชียงใหม่',
      legacyId: 'SP-1',
      province: 'เชียงใหม่',
      district: 'เมืองเชียงใหม่',
      address: 'ถนนโชตนา',
      phone: '053 112 390',
      location: { lat: 18.8, lng: 98.98 },
      openingHours: [{ day: 'mon', opens: '08:30', closes: '16:30' }],
      pinDetails: [{ manual: 5, hours: 'เฉพาะวันจันทร์', feeNote: 'ฟรีสำหรับผู้สูงอายุ' }],
    }
    const { location, address } = locationRows(point)
    expect(location).toEqual(expect.objectContaining({ id: hsdsId('location', 9), latitude: 18.8, longitude: 98.98, description: 'โทร 053 112 390 · จ. 08:30-16:30', external_identifier: 'SP-1' }))
    expect(address).toEqual(expect.objectContaining({ location_id: location.id, address_1: 'ถนนโชตนา', city: 'เมืองเชียงใหม่', state_province: 'เชียงใหม่', country: 'TH' }))
    expect(serviceAtLocationRow(point, 5)).toEqual({ id: hsdsId('service_at_location', 5, 9), service_id: hsdsId('service', 5), location_id: location.id, description: 'เฉพาะวันจันทร์ · ฟรีสำหรับผู้สูงอายุ' })
    expect(serviceAtLocationRow(point, 6).description).toBeNull()
    expect(locationRows({ id: 10, agency: 2, name: 'ก' }).address).toBeNull()
  })
})

it('describes every table, its fields and keys in datapackage.json', () => {
  const pkg = dataPackage('2026-01-01T00:00:00Z', { organizations: 1, services: 2, locations: 3, addresses: 3, service_at_location: 4 })
  expect(pkg.resources.map((r) => r.path)).toEqual(['organizations.csv', 'services.csv', 'locations.csv', 'addresses.csv', 'service_at_location.csv'])
  const sal = pkg.resources.find((r) => r.name === 'service_at_location')!
  expect(sal.schema.fields.map((f) => f.name)).toEqual([...HSDS_FIELDS.service_at_location])
  expect(sal.schema.foreignKeys).toEqual([
    { fields: 'service_id', reference: { resource: 'services', fields: 'id' } },
    { fields: 'location_id', reference: { resource: 'locations', fields: 'id' } },
  ])
  expect(pkg.resources.find((r) => r.name === 'locations')!.schema.fields.find((f) => f.name === 'latitude')!.type).toBe('number')
})
