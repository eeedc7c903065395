import {
  contactRetentionDays,
  contactRetentionEndsAt,
  decisionDueAt,
  delayState,
  formatTrackingCode,
  generateTrackingCode,
  lastNoticeAt,
  neutraliseFormula,
  nextNoticeDueAt,
  normalizeTrackingCode,
  reminderDue,
  retentionCutoff,
  statedWorkingMinutes,
  type AddWorkingDays,
} from '../../src/lib/delay'

const DAY = 24 * 60 * 60 * 1000
/** Weekends only, in UTC: enough to see that the arithmetic asks for working days. */
const addWeekdays: AddWorkingDays = (from, days) => {
  let current = new Date(from)
  for (let left = days; left > 0; ) {
    current = new Date(current.getTime() + DAY)
    if (current.getUTCDay() !== 0 && current.getUTCDay() !== 6) left -= 1
  }
  return current
}
const at = (iso: string) => new Date(iso)

describe('decision due date from the manual stated time', () => {
  // 2026-03-06 is a Friday.
  const friday = at('2026-03-06T02:00:00Z')

  it('counts days as working days, skipping the weekend', () => {
    expect(decisionDueAt(friday, { totalDuration: 1, totalDurationUnit: 'days' }, addWeekdays)).toEqual(at('2026-03-09T02:00:00Z'))
    expect(decisionDueAt(friday, { totalDuration: 5, totalDurationUnit: 'days' }, addWeekdays)).toEqual(at('2026-03-13T02:00:00Z'))
  })

  it('adds minutes as clock time', () => {
    expect(decisionDueAt(friday, { totalDuration: 30, totalDurationUnit: 'minutes' }, addWeekdays)).toEqual(at('2026-03-06T02:30:00Z'))
  })

  it('turns every 7 hours into a working day and adds the rest as hours', () => {
    // 10 hours = 1 working day (7 h) + 3 h.
    expect(decisionDueAt(friday, { totalDuration: 10, totalDurationUnit: 'hours' }, addWeekdays)).toEqual(at('2026-03-09T05:00:00Z'))
    // 1.5 working days = 1 day + 3.5 h.
    expect(decisionDueAt(friday, { totalDuration: 1.5, totalDurationUnit: 'days' }, addWeekdays)).toEqual(at('2026-03-09T05:30:00Z'))
  })

  it('has no due date when the manual states no time', () => {
    expect(decisionDueAt(friday, { totalDuration: null, totalDurationUnit: 'days' }, addWeekdays)).toBeNull()
    expect(decisionDueAt(friday, { totalDuration: 3, totalDurationUnit: 'weeks' }, addWeekdays)).toBeNull()
    expect(statedWorkingMinutes({ totalDuration: -1, totalDurationUnit: 'days' })).toBeNull()
    expect(statedWorkingMinutes({ totalDuration: 0, totalDurationUnit: 'minutes' })).toBeNull()
    expect(statedWorkingMinutes({ totalDuration: 2, totalDurationUnit: 'days' })).toBe(840)
  })
})

describe('7-day notice cadence', () => {
  const dueAt = at('2026-03-13T02:00:00Z')

  it('owes the first notice when the stated time runs out', () => {
    expect(nextNoticeDueAt({ dueAt, notices: [] })).toEqual(dueAt)
  })

  it('owes each next notice 7 calendar days after the latest one, whatever order they were entered in', () => {
    const notices = [{ sentAt: '2026-03-20T03:00:00Z' }, { sentAt: '2026-03-13T03:00:00Z' }]
    expect(lastNoticeAt(notices)).toEqual(at('2026-03-20T03:00:00Z'))
    expect(nextNoticeDueAt({ dueAt, notices })).toEqual(at('2026-03-27T03:00:00Z'))
  })

  it('does not owe a notice before the due date because of an early one', () => {
    expect(nextNoticeDueAt({ dueAt, notices: [{ sentAt: '2026-03-01T00:00:00Z' }] })).toEqual(dueAt)
    // Sent two days early: the next is 7 days after it, past the due date.
    expect(nextNoticeDueAt({ dueAt, notices: [{ sentAt: '2026-03-11T02:00:00Z' }] })).toEqual(at('2026-03-18T02:00:00Z'))
  })

  it('owes nothing once decided', () => {
    expect(nextNoticeDueAt({ dueAt, notices: [], decidedAt: '2026-03-14T00:00:00Z' })).toBeNull()
  })
})

describe('case state', () => {
  const next = at('2026-03-13T02:00:00Z')
  it('is open until a notice is owed, overdue from then, closed once decided', () => {
    expect(delayState({ nextNoticeDueAt: next, now: at('2026-03-13T01:59:59Z') })).toBe('open')
    expect(delayState({ nextNoticeDueAt: next, now: next })).toBe('overdue')
    expect(delayState({ nextNoticeDueAt: null, decidedAt: '2026-03-14T00:00:00Z', now: at('2026-04-01T00:00:00Z') })).toBe('closed')
  })
})

describe('reminders', () => {
  const next = at('2026-03-13T02:00:00Z')
  it('reminds once a day before the notice falls due, and again for the next due date', () => {
    expect(reminderDue({ nextNoticeDueAt: next, now: at('2026-03-12T01:00:00Z') })).toBe(false)
    expect(reminderDue({ nextNoticeDueAt: next, now: at('2026-03-12T02:00:00Z') })).toBe(true)
    expect(reminderDue({ nextNoticeDueAt: next, remindedFor: next.toISOString(), now: at('2026-03-15T00:00:00Z') })).toBe(false)
    expect(reminderDue({ nextNoticeDueAt: at('2026-03-20T02:00:00Z'), remindedFor: next, now: at('2026-03-19T03:00:00Z') })).toBe(true)
    expect(reminderDue({ nextNoticeDueAt: null, now: next })).toBe(false)
  })
})

describe('PDPA retention of contact details', () => {
  it('ends the configured number of days after the decision', () => {
    expect(contactRetentionEndsAt('2026-03-14T00:00:00Z', 365)).toEqual(at('2027-03-14T00:00:00Z'))
    expect(contactRetentionEndsAt(null, 365)).toBeNull()
    expect(retentionCutoff(at('2027-03-14T00:00:00Z'), 365)).toEqual(at('2026-03-14T00:00:00Z'))
  })

  it('reads the retention from the environment, defaulting to 365 days', () => {
    expect(contactRetentionDays(undefined)).toBe(365)
    expect(contactRetentionDays('30')).toBe(30)
    expect(contactRetentionDays('0')).toBe(0)
    expect(contactRetentionDays('-5')).toBe(365)
    expect(contactRetentionDays('soon')).toBe(365)
  })
})

describe('tracking codes', () => {
  it('are 10 Crockford base32 characters and differ from one another', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => generateTrackingCode()))
    expect(codes.size).toBe(1000)
    for (const code of codes) expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/)
  })

  it('use every byte value evenly (byte modulo 32)', () => {
    expect(generateTrackingCode(() => new Uint8Array([0, 31, 32, 255, 10, 18, 20, 22, 26, 27]))).toBe('0Z0ZAJMPTV')
  })

  it('accept what a citizen types: lower case, hyphens, spaces, O for 0 and I or L for 1', () => {
    expect(normalizeTrackingCode('abcde-fghjk')).toBe('ABCDEFGHJK')
    expect(normalizeTrackingCode(' 0o1il 23456 ')).toBe('0011123456')
    expect(normalizeTrackingCode('ABCDEFGHJ')).toBeNull()
    expect(normalizeTrackingCode('ABCDEFGHJU')).toBeNull()
    expect(normalizeTrackingCode(42)).toBeNull()
    expect(formatTrackingCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK')
  })
})

describe('spreadsheet exports', () => {
  it('keep formula-looking text as text', () => {
    for (const risky of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutraliseFormula(risky)).toBe(`'${risky}`)
    expect(neutraliseFormula('เหตุล่าช้า = รอเอกสาร')).toBe('เหตุล่าช้า = รอเอกสาร')
  })
})
