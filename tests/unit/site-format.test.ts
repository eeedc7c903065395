import {
  formatBaht,
  formatDuration,
  formatRevisionDate,
  governmentServiceJsonLd,
  hoursText,
  jsonForScript,
  mapsLink,
  pageParam,
  pageWindow,
  pick,
  queryString,
} from '../../src/site/format'
import { hitHref } from '../../src/site/labels'

describe('citizen site formatting', () => {
  test('revision dates are Buddhist era in Thai, Gregorian in English, Bangkok day', () => {
    // 2025-09-30T20:00Z is already 1 October in Bangkok.
    expect(formatRevisionDate('2025-09-30T20:00:00.000Z', 'th')).toBe('1 ตุลาคม 2568')
    expect(formatRevisionDate('2025-09-30T20:00:00.000Z', 'en')).toBe('1 Oct 2025')
    expect(formatRevisionDate(null, 'th')).toBe('')
  })

  test('durations and fees in the reader’s language', () => {
    expect(formatDuration(45, 'minutes', 'th')).toBe('45 นาที')
    expect(formatDuration(1.5, 'days', 'en')).toBe('1.5 working days')
    expect(formatDuration(undefined, 'days', 'th')).toBe('')
    expect(formatBaht(1500, 'th')).toBe('1,500 บาท')
    expect(formatBaht(50, 'en')).toBe('THB 50')
  })

  test('English falls back to Thai when there is no translation', () => {
    expect(pick('en', 'กรม', 'Department')).toBe('Department')
    expect(pick('en', 'กรม', null)).toBe('กรม')
    expect(pick('th', 'กรม', 'Department')).toBe('กรม')
  })

  test('opening hours and map links', () => {
    expect(hoursText('08:30', '16:30', 'th')).toBe('08:30–16:30 น.')
    expect(hoursText(null, null, 'en')).toBe('Closed')
    expect(mapsLink({ lat: 18.7883, lng: 98.9853 })).toBe('https://www.google.com/maps/search/?api=1&query=18.7883,98.9853')
    expect(mapsLink({ lat: 18.7883, lng: null })).toBeUndefined()
    expect(mapsLink(null)).toBeUndefined()
  })

  test('paging: query strings drop empty filters; the window keeps first and last', () => {
    expect(queryString({ q: 'แจ้งเกิด', type: '', agency: undefined, page: 2 })).toBe(`?q=${encodeURIComponent('แจ้งเกิด')}&page=2`)
    expect(queryString({ q: '' })).toBe('')
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(6, 20)).toEqual([1, 4, 5, 6, 7, 8, 20])
    expect(pageParam('3')).toBe(3)
    expect(pageParam('0')).toBe(1)
    expect(pageParam('-2')).toBe(1)
    expect(pageParam(undefined)).toBe(1)
  })

  test('search hits open the right page; other services open their agency', () => {
    expect(hitHref({ id: 5, type: 'manual' })).toBe('/manuals/5')
    expect(hitHref({ id: 2, type: 'service-point' })).toBe('/service-points/2')
    expect(hitHref({ id: 9, type: 'other-service', agency: { id: 3 } })).toBe('/agencies/3#other-service-9')
  })

  test('GovernmentService JSON-LD: no fee is a zero offer; locations carry coordinates; script-safe', () => {
    const ld = governmentServiceJsonLd({
      id: 1,
      title: 'คู่มือ </script><script>alert(1)</script>',
      agencyName: 'กรมการปกครอง',
      url: 'https://info.go.th/manuals/1',
      noFee: true,
      servicePoints: [{ name: 'อำเภอ', lat: 18.1, lng: 98.9, phone: '053-000000' }],
    })
    expect(ld['@type']).toBe('GovernmentService')
    expect(ld.offers).toEqual({ '@type': 'Offer', price: 0, priceCurrency: 'THB' })
    expect((ld.availableChannel as any[])[0].serviceLocation.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 18.1, longitude: 98.9 })
    const withFees = governmentServiceJsonLd({ id: 1, title: 't', url: 'u', fees: [{ description: 'ค่าธรรมเนียม', amount: 50 }], servicePoints: [] })
    expect(withFees.offers).toEqual([{ '@type': 'Offer', name: 'ค่าธรรมเนียม', price: 50, priceCurrency: 'THB' }])
    const text = jsonForScript(ld)
    expect(text).not.toContain('</script>')
    expect(JSON.parse(text).name).toBe('คู่มือ </script><script>alert(1)</script>')
  })
})
