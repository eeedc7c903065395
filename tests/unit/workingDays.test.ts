import {
  addCalendarDays,
  addWorkingDays,
  bangkokDateOf,
  bangkokDayOf,
  startOfBangkokDay,
  thaiPublicHolidays,
  thaiWorkingCalendar,
  workingDayWindowEnd,
} from '../../src/lib/workingDays'
import { isIsoDate } from '../../src/lib/thaiDate'

describe('Bangkok calendar days', () => {
  it('reads the day a date value means: a bare day as it is, an instant as its day in Bangkok', () => {
    expect(bangkokDayOf('2026-11-02')).toBe('2026-11-02')
    expect(bangkokDayOf('2026-11-02T12:00:00.000Z')).toBe('2026-11-02')
    expect(bangkokDayOf('2026-11-01T17:00:00.000Z')).toBe('2026-11-02') // 00:00 Bangkok
    expect(bangkokDayOf('2026-11-01T16:59:59.999Z')).toBe('2026-11-01')
    expect(bangkokDayOf('2026-11-02T23:30:00+07:00')).toBe('2026-11-02')
    expect(bangkokDayOf(new Date('2026-11-01T17:00:00Z'))).toBe('2026-11-02')
    // No guessing at locale texts, impossible days or instants without an offset (local time of whom?).
    for (const value of ['04/05/2026', '21/04/2026', '2026-02-30', '2026-11-02T12:00:00', 'พรุ่งนี้', '', null, undefined, 20261102, new Date('x')]) {
      expect([value, bangkokDayOf(value)]).toEqual([value, null])
    }
  })

  it('puts an instant on its Bangkok day, not its UTC day', () => {
    // 20:00 UTC on 9 April is 03:00 on 10 April in Bangkok.
    expect(bangkokDateOf(new Date('2026-04-09T20:00:00Z'))).toBe('2026-04-10')
    expect(bangkokDateOf(new Date('2026-04-09T16:59:59Z'))).toBe('2026-04-09')
    expect(startOfBangkokDay('2026-04-10').toISOString()).toBe('2026-04-09T17:00:00.000Z')
  })

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29')
  })

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-04-13')).toBe(true)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('13/04/2026')).toBe(false)
  })
})

describe('Thai public holidays', () => {
  it('lists Songkran and the Chakri Memorial Day of 2026', () => {
    const days = thaiPublicHolidays(2026)
    expect(days.has('2026-04-06')).toBe(true)
    expect(days.has('2026-04-13')).toBe(true)
    expect(days.has('2026-04-14')).toBe(true)
    expect(days.has('2026-04-15')).toBe(true)
    expect(days.has('2026-04-16')).toBe(false)
  })

  it('gives a substitute weekday for a holiday on a weekend', () => {
    // Songkran 2025 began on Sunday 13 April: the substitute is Wednesday 16 April, after 14-15.
    expect(thaiPublicHolidays(2025).get('2025-04-16')).toMatch(/^ชดเชย/)
    // Visakha Bucha 2026 is Sunday 31 May: Monday 1 June is off.
    expect(thaiPublicHolidays(2026).has('2026-06-01')).toBe(true)
  })
})

describe('addWorkingDays', () => {
  it('skips a long weekend (Friday + Chakri Day Monday)', () => {
    // Friday 3 April 2026, then Sat, Sun, Mon 6 April (Chakri Memorial Day): next working day Tuesday.
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07')
  })

  it('skips Songkran: 5 working days from Friday 10 April 2026 end on Wednesday 22 April', () => {
    // 11-12 weekend, 13-15 Songkran, then 16, 17, 20, 21, 22.
    expect(addWorkingDays('2026-04-10', 5)).toBe('2026-04-22')
  })

  it('skips extra holidays an administrator adds', () => {
    expect(addWorkingDays('2026-04-20', 1)).toBe('2026-04-21')
    expect(addWorkingDays('2026-04-20', 1, ['2026-04-21'])).toBe('2026-04-22')
  })

  it('counts from a weekend day to the first working day', () => {
    expect(addWorkingDays('2026-05-02', 1)).toBe('2026-05-05') // Sat; Mon 4 May is Coronation Day
  })

  it('answers the start day for zero and refuses negative or fractional counts', () => {
    expect(addWorkingDays('2026-04-13', 0)).toBe('2026-04-13')
    expect(() => addWorkingDays('2026-04-13', -1)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-04-13', 1.5)).toThrow(RangeError)
  })

  it('names the holiday of a day and knows weekends are not working days', () => {
    const calendar = thaiWorkingCalendar([{ date: '2026-11-02', name: 'วันหยุดพิเศษตามมติ ครม.' }])
    expect(calendar.holidayName('2026-11-02')).toBe('วันหยุดพิเศษตามมติ ครม.')
    expect(calendar.holidayName('2026-04-13')).not.toBeNull()
    expect(calendar.isWorkingDay('2026-04-18')).toBe(false)
    expect(calendar.isWorkingDay('2026-04-16')).toBe(true)
  })
})

describe('workingDayWindowEnd', () => {
  it('closes at Bangkok midnight after the n-th working day', () => {
    const calendar = thaiWorkingCalendar()
    // Approved Friday 10 April 2026, 16:00 Bangkok: open through Wednesday 22 April.
    const end = workingDayWindowEnd(new Date('2026-04-10T09:00:00Z'), 5, calendar)
    expect(end.toISOString()).toBe('2026-04-22T17:00:00.000Z')
  })

  it('uses the Bangkok day of the opening instant', () => {
    // 23:30 UTC Thursday 2 April is Friday 3 April 06:30 in Bangkok: +1 working day is Tuesday 7 April.
    const end = workingDayWindowEnd(new Date('2026-04-02T23:30:00Z'), 1, thaiWorkingCalendar())
    expect(bangkokDateOf(new Date(end.getTime() - 1))).toBe('2026-04-07')
  })
})
