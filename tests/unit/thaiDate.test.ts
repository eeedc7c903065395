/**
 * The Buddhist-era date-fns locales behind Payload's admin (src/lib/thaiDate.ts): `yo` prints and
 * parses พ.ศ. in Thai and the plain year in English, with the date-fns Payload formats with (4.x)
 * and the one react-datepicker parses typed dates with (3.x, bundled into Payload's picker).
 */
import { createRequire } from 'node:module'

import { format, parse } from 'date-fns'
import { enUS, th } from 'date-fns/locale'

import {
  ADMIN_DATE_FORMAT,
  buddhistYearMistake,
  dayOfPicked,
  displayFormatFor,
  formatDateFor,
  formatMonthFor,
  isIsoDate,
  monthNameFor,
  PICKER_DISPLAY_FORMATS,
  pickedDayInstant,
  withBuddhistEraYears,
  withPlainYears,
  yearFor,
} from '../../src/lib/thaiDate'
import { FIRST_REPORTING_YEAR, reportingYears } from '../../src/lib/reportingYears'

const thaiBE = withBuddhistEraYears(th)
const english = withPlainYears(enUS)
// Local wall-clock time: date-fns formats in the process's time zone, as Payload does in the browser.
const dec3 = new Date(2026, 11, 3, 14, 5)
const reference = new Date(2000, 0, 1)

// react-datepicker 7.6 keeps its own date-fns 3.6 (Payload bundles both into its picker).
const requireFromPicker = createRequire(createRequire(import.meta.url).resolve('react-datepicker'))
const pickerDateFns = { format: requireFromPicker('date-fns/format').format, parse: requireFromPicker('date-fns/parse').parse } as { format: typeof format; parse: typeof parse }
if (!requireFromPicker('date-fns/package.json').version.startsWith('3.')) throw new Error('react-datepicker no longer brings date-fns 3: revisit this test')

describe('Buddhist-era date-fns locale', () => {
  test('Thai prints the Buddhist year for yo, English the plain year; unwrapped locales do not', () => {
    expect(format(dec3, ADMIN_DATE_FORMAT, { locale: thaiBE })).toBe('3 ธ.ค. 2569 14:05')
    expect(format(dec3, ADMIN_DATE_FORMAT, { locale: english })).toBe('3 Dec 2026 14:05')
    // Without the wrappers: the Gregorian year in Thai, an English ordinal.
    expect(format(dec3, ADMIN_DATE_FORMAT, { locale: th })).toBe('3 ธ.ค. 2026 14:05')
    expect(format(dec3, ADMIN_DATE_FORMAT, { locale: enUS })).toBe('3 Dec 2026th 14:05')
  })

  test('typed Buddhist years parse back to the Gregorian date (2569 is 2026, never 2569 CE)', () => {
    expect(parse('3 ธ.ค. 2569 14:05', ADMIN_DATE_FORMAT, reference, { locale: thaiBE })).toEqual(dec3)
    expect(parse('3 Dec 2026 14:05', ADMIN_DATE_FORMAT, reference, { locale: english })).toEqual(dec3)
    expect(parse('3 ธ.ค. 2569', PICKER_DISPLAY_FORMATS.default, reference, { locale: thaiBE })).toEqual(new Date(2026, 11, 3))
    expect(parse('ธันวาคม 2569', PICKER_DISPLAY_FORMATS.monthOnly, reference, { locale: thaiBE })).toEqual(new Date(2026, 11, 1))
  })

  test('every picker format round-trips in both languages, with the picker’s own date-fns too', () => {
    for (const [appearance, pattern] of Object.entries(PICKER_DISPLAY_FORMATS)) {
      for (const locale of [thaiBE, english]) {
        for (const dateFns of [{ format, parse }, pickerDateFns]) {
          const text = dateFns.format(dec3, pattern, { locale })
          const back = dateFns.parse(text, pattern, dec3, { locale })
          expect([appearance, locale.code, dateFns.format(back, pattern, { locale })]).toEqual([appearance, locale.code, text])
          if (pattern.includes('yo')) expect([appearance, back.getFullYear()]).toEqual([appearance, 2026])
        }
      }
    }
    expect(pickerDateFns.format(dec3, 'd MMM yo', { locale: thaiBE })).toBe('3 ธ.ค. 2569')
    expect(pickerDateFns.parse('3 ธ.ค. 2569', 'd MMM yo', reference, { locale: thaiBE })).toEqual(new Date(2026, 11, 3))
  })

  test('only the year changes: other ordinals, months and weekdays stay the locale’s', () => {
    expect(format(dec3, 'do EEEE', { locale: english })).toBe('3rd Thursday')
    expect(format(dec3, 'do MMMM EEEE', { locale: thaiBE })).toBe(format(dec3, 'do MMMM EEEE', { locale: th }))
    expect(parse('3rd', 'do', dec3, { locale: english }).getDate()).toBe(3)
    expect(format(dec3, 'yyyy', { locale: thaiBE })).toBe('2026')
  })

  test('picker display formats by appearance; an unknown one falls back to the default', () => {
    expect(displayFormatFor('dayAndTime')).toBe(ADMIN_DATE_FORMAT)
    expect(displayFormatFor(undefined)).toBe('d MMM yo')
    expect(displayFormatFor('weekly')).toBe('d MMM yo')
    expect(displayFormatFor('timeOnly')).toBe('HH:mm')
  })
})

describe('Buddhist year taken for Gregorian', () => {
  test('a 24xx–25xx CE year is refused, Thai first, naming the Gregorian year meant', () => {
    const message = buddhistYearMistake('2569-03-12T05:00:00.000Z')
    expect(message).toMatch(/^ปี 2569 ถูกบันทึกเป็น ค\.ศ\..*พ\.ศ\. 2569 = ค\.ศ\. 2026.* \(year 2569 CE looks like a Buddhist-era year/)
    expect(buddhistYearMistake(new Date(Date.UTC(2400, 0, 1)))).not.toBeNull()
  })

  test('the other way round, a CE year typed where the Thai admin reads พ.ศ. (2026 → 1483 CE), is refused too', () => {
    const message = buddhistYearMistake(new Date(Date.UTC(1483, 10, 2, 5)))
    expect(message).toMatch(/^ปี ค\.ศ\. 1483 \(พ\.ศ\. 2026\) น่าจะเป็นปี ค\.ศ\. ที่พิมพ์แทนปี พ\.ศ\..* \(year 1483 CE \(B\.E\. 2026\) looks like a Gregorian year/)
    expect(buddhistYearMistake('1899-12-31T12:00:00.000Z')).not.toBeNull()
    expect(buddhistYearMistake('1900-01-01T12:00:00.000Z')).toBeNull()
  })

  test('plausible dates and non-dates pass (their own validation handles the rest)', () => {
    expect(buddhistYearMistake('2026-12-03T07:05:00.000Z')).toBeNull()
    expect(buddhistYearMistake('2399-12-31T12:00:00.000Z')).toBeNull()
    expect(buddhistYearMistake(null)).toBeNull()
    expect(buddhistYearMistake('not a date')).toBeNull()
    expect(buddhistYearMistake({})).toBeNull()
  })
})

describe('ICU formatting used outside date-fns (site, timeline, exports)', () => {
  test('Bangkok time, Buddhist era in Thai and Gregorian in English', () => {
    expect(formatDateFor('th', '2026-12-03T07:05:00.000Z', true)).toBe('3 ธ.ค. 2569 14:05')
    expect(formatDateFor('en', '2026-12-03T07:05:00.000Z', true)).toBe('3 Dec 2026, 14:05')
  })
})

describe('months and picked days', () => {
  test('a month reads พ.ศ. in Thai (also for no language), Gregorian in English, long or short', () => {
    expect(formatMonthFor('th', 2026, 12)).toBe('ธันวาคม 2569')
    expect(formatMonthFor(undefined, 2027, 1)).toBe('มกราคม 2570')
    expect(formatMonthFor('th', 2026, 1, true)).toBe('ม.ค. 2569')
    expect(formatMonthFor('en', 2026, 12)).toBe('December 2026')
    expect(formatMonthFor('en', 2026, 1, true)).toBe('Jan 2026')
  })

  test('a year and a month name alone, as the licence report drop-downs and columns show them', () => {
    expect(yearFor('th', 2026)).toBe('2569')
    expect(yearFor(undefined, 2015)).toBe('2558')
    expect(yearFor('en', 2026)).toBe('2026')
    expect(monthNameFor('th', 12)).toBe('ธันวาคม')
    expect(monthNameFor('th', 1, true)).toBe('ม.ค.')
    expect(monthNameFor('en', 2)).toBe('February')
    // Every month once, in order, whatever the process's time zone.
    expect(Array.from({ length: 12 }, (_, i) => monthNameFor('th', i + 1, true))).toEqual(['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'])
  })

  test('reporting years: the Act’s first year up to next year, newest first, keeping an outlying value', () => {
    expect(FIRST_REPORTING_YEAR).toBe(2015)
    const years = reportingYears(2026)
    expect(years[0]).toBe(2027)
    expect(years.at(-1)).toBe(2015)
    expect(years).toHaveLength(13)
    expect(reportingYears(2026, 2026)).toEqual(years)
    expect(reportingYears(2026, 2010).at(-1)).toBe(2010)
    expect(reportingYears(2026, 2030)[0]).toBe(2030)
    expect(reportingYears(2026, null)).toEqual(years)
  })

  test('a day goes into Payload’s DatePicker as 12:00 UTC and comes back as the same day', () => {
    expect(pickedDayInstant('2026-04-30')).toBe('2026-04-30T12:00:00.000Z')
    expect(dayOfPicked(pickedDayInstant('2026-04-30'))).toBe('2026-04-30')
    // What the picker hands over for 30 April, picked in Bangkok (12:00 UTC, 19:00 local).
    expect(dayOfPicked(new Date(Date.UTC(2026, 3, 30, 12)))).toBe('2026-04-30')
    expect(isIsoDate('2026-04-30')).toBe(true)
    expect(isIsoDate('2028-02-29')).toBe(true)
    // Only real days: Date would roll these over into another month.
    for (const value of ['2026-04-30T00:00:00Z', '30/04/2026', '', null, '2026-13-01', '2026-02-30', '2027-02-29']) expect([value, isIsoDate(value)]).toEqual([value, false])
  })
})
