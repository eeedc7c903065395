import {
  changedCounts,
  deadlineDayFrom,
  editBlockedReason,
  formatThaiPeriod,
  monthsOfQuarter,
  neutraliseFormula,
  periodLocksAt,
  periodOf,
  periodState,
  sumPeriodCounts,
  unlockRequestBlockedReason,
  unlockTransition,
  unlockWindowEndsAt,
  validateLicenceCounts,
  type LicenceCounts,
} from '../../src/lib/licenceReport'
import { thaiWorkingCalendar } from '../../src/lib/workingDays'

const counts = (over: Partial<LicenceCounts> = {}): LicenceCounts => ({
  pendingCarriedOver: 2,
  received: 10,
  approved: 6,
  notApproved: 1,
  withdrawn: 1,
  pendingAtMonthEnd: 4,
  decidedLate: 1,
  ...over,
})

describe('validateLicenceCounts', () => {
  it('accepts consistent figures', () => {
    expect(validateLicenceCounts(counts())).toEqual([])
  })

  it('refuses negative, fractional, missing and text figures, naming the field', () => {
    const errors = validateLicenceCounts({ ...counts(), received: -1, approved: 1.5, withdrawn: '3' as never, decidedLate: undefined })
    expect(errors.map((e) => e.path).sort()).toEqual(['approved', 'decidedLate', 'received', 'withdrawn'])
    expect(errors[0].message).toMatch(/จำนวนเต็ม.*whole number/)
  })

  it('refuses more decided than received plus carried over', () => {
    const errors = validateLicenceCounts(counts({ approved: 11, pendingAtMonthEnd: 0 }))
    expect(errors).toHaveLength(1)
    expect(errors[0].path).toBe('approved')
    expect(errors[0].message).toContain('(12)')
  })

  it('accepts deciding exactly everything available', () => {
    expect(validateLicenceCounts(counts({ approved: 10, pendingAtMonthEnd: 0, decidedLate: 0 }))).toEqual([])
  })

  it('refuses a month-end pending that does not add up', () => {
    const errors = validateLicenceCounts(counts({ pendingAtMonthEnd: 5 }))
    expect(errors).toEqual([{ path: 'pendingAtMonthEnd', message: expect.stringContaining('4') }])
  })

  it('refuses more late decisions than decisions (withdrawals are not decisions)', () => {
    expect(validateLicenceCounts(counts({ decidedLate: 7 })).map((e) => e.path)).toEqual([])
    expect(validateLicenceCounts(counts({ decidedLate: 8 })).map((e) => e.path)).toEqual(['decidedLate'])
  })

  it('lists the figures that changed', () => {
    expect(changedCounts(counts(), counts({ received: 11, pendingAtMonthEnd: 5 }))).toEqual(['received', 'pendingAtMonthEnd'])
    expect(changedCounts(counts(), counts())).toEqual([])
  })
})

describe('deadlines', () => {
  it('reads LICENCE_REPORT_DEADLINE_DAY, defaulting to the 10th', () => {
    expect(deadlineDayFrom(undefined)).toBe(10)
    expect(deadlineDayFrom('15')).toBe(15)
    expect(deadlineDayFrom('31')).toBe(10)
    expect(deadlineDayFrom('abc')).toBe(10)
  })

  it('locks March at the end of 10 April, Bangkok time', () => {
    expect(periodLocksAt({ year: 2026, month: 3 }).toISOString()).toBe('2026-04-10T17:00:00.000Z')
    expect(periodLocksAt({ year: 2026, month: 12 }, 5).toISOString()).toBe('2027-01-05T17:00:00.000Z')
  })

  it('is open on the deadline day and locked the instant after it ends', () => {
    const march = { year: 2026, month: 3 }
    expect(periodState(march, new Date('2026-04-10T16:59:59Z'), []).status).toBe('open')
    const locked = periodState(march, new Date('2026-04-10T17:00:00Z'), [])
    expect(locked.status).toBe('locked')
    expect(locked.editable).toBe(false)
    expect(editBlockedReason(locked)).toMatch(/ล็อค.*locked/)
  })

  it('does not open a month before it begins', () => {
    const state = periodState({ year: 2026, month: 5 }, new Date('2026-04-30T16:59:00Z'), [])
    expect(state.status).toBe('not-open')
    expect(periodState({ year: 2026, month: 5 }, new Date('2026-04-30T17:00:00Z'), []).status).toBe('open')
  })

  it('places an instant in its Bangkok month', () => {
    expect(periodOf(new Date('2026-03-31T18:00:00Z'))).toEqual({ year: 2026, month: 4 })
  })

  it('names a period in Thai with the Buddhist year', () => {
    expect(formatThaiPeriod({ year: 2026, month: 4 })).toBe('เมษายน 2569')
  })
})

describe('unlock requests', () => {
  const march = { year: 2026, month: 3 }
  const calendar = thaiWorkingCalendar()

  it('moves requested → approved or refused, and nothing else', () => {
    expect(unlockTransition('requested', 'approved').ok).toBe(true)
    expect(unlockTransition('requested', 'refused').ok).toBe(true)
    expect(unlockTransition('approved', 'refused').ok).toBe(false)
    expect(unlockTransition('refused', 'approved').ok).toBe(false)
    expect(unlockTransition('approved', 'requested').ok).toBe(false)
  })

  it('gives 5 working days after approval, across Songkran', () => {
    const end = unlockWindowEndsAt(new Date('2026-04-10T03:00:00Z'), calendar)
    expect(end.toISOString()).toBe('2026-04-22T17:00:00.000Z')
  })

  it('lets a locked period request an unlock, once at a time', () => {
    const now = new Date('2026-04-20T03:00:00Z')
    expect(unlockRequestBlockedReason(periodState(march, now, []))).toBeNull()
    const waiting = periodState(march, now, [{ state: 'requested' }])
    expect(waiting.status).toBe('unlock-requested')
    expect(waiting.editable).toBe(false)
    expect(unlockRequestBlockedReason(waiting)).toMatch(/รอพิจารณา/)
  })

  it('refuses an unlock request for an open period', () => {
    expect(unlockRequestBlockedReason(periodState(march, new Date('2026-04-01T03:00:00Z'), []))).toMatch(/not locked/)
  })

  it('lets a refused unit ask again', () => {
    const state = periodState(march, new Date('2026-04-20T03:00:00Z'), [{ state: 'refused' }])
    expect(state.status).toBe('locked')
    expect(state.canRequestUnlock).toBe(true)
  })

  it('is editable inside the approved window and closed for good after it', () => {
    const approved = [{ state: 'approved' as const, windowEndsAt: '2026-04-22T17:00:00.000Z' }]
    const inside = periodState(march, new Date('2026-04-22T16:59:59Z'), approved)
    expect(inside.status).toBe('unlocked')
    expect(inside.editable).toBe(true)
    expect(inside.editableUntil?.toISOString()).toBe('2026-04-22T17:00:00.000Z')
    const after = periodState(march, new Date('2026-04-22T17:00:00Z'), approved)
    expect(after.status).toBe('closed')
    expect(after.editable).toBe(false)
    expect(after.canRequestUnlock).toBe(false)
    expect(editBlockedReason(after)).toMatch(/for good/)
    expect(unlockRequestBlockedReason(after)).toMatch(/once/)
  })

  it('counts an approval even when later requests were refused (one unlock per period)', () => {
    const requests = [
      { state: 'approved' as const, windowEndsAt: '2026-04-22T17:00:00.000Z' },
      { state: 'refused' as const },
    ]
    expect(periodState(march, new Date('2026-05-01T00:00:00Z'), requests).status).toBe('closed')
  })
})

describe('rollup arithmetic', () => {
  it('monthsOfQuarter gives calendar quarters', () => {
    expect(monthsOfQuarter(2)).toEqual([4, 5, 6])
    expect(() => monthsOfQuarter(5)).toThrow(RangeError)
  })

  it('sums flows and takes stocks from the first and last month of each series', () => {
    const total = sumPeriodCounts([
      { series: 'a', year: 2026, month: 1, ...counts({ pendingCarriedOver: 2, received: 10, approved: 8, notApproved: 0, withdrawn: 0, pendingAtMonthEnd: 4, decidedLate: 0 }) },
      { series: 'a', year: 2026, month: 2, ...counts({ pendingCarriedOver: 4, received: 5, approved: 9, notApproved: 0, withdrawn: 0, pendingAtMonthEnd: 0, decidedLate: 2 }) },
      { series: 'b', year: 2026, month: 1, ...counts({ pendingCarriedOver: 1, received: 3, approved: 1, notApproved: 0, withdrawn: 0, pendingAtMonthEnd: 3, decidedLate: 0 }) },
    ])
    expect(total).toEqual({ pendingCarriedOver: 3, received: 18, approved: 18, notApproved: 0, withdrawn: 0, pendingAtMonthEnd: 3, decidedLate: 2 })
  })
})

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`)
  })
  it('leaves plain text and numbers alone', () => {
    expect(neutraliseFormula('กรมการปกครอง')).toBe('กรมการปกครอง')
    expect(neutraliseFormula(-5)).toBe(-5)
  })
})
