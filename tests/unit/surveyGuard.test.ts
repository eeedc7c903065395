import { duplicateGuardKeys, ratingFingerprint } from '../../src/lib/surveyGuard'

const base = {
  clientAddress: '203.0.113.5',
  userAgent: 'Mozilla/5.0',
  servicePoint: 12,
  answers: [
    { question: 'staff', score: 5 },
    { question: 'speed', score: 4 },
  ],
  comment: 'ดี',
  at: Date.UTC(2026, 10, 25, 10, 2, 0),
  windowMs: 5 * 60_000,
}

it('gives the same key to the same rating from the same device in the same window, whatever the answer order', () => {
  const a = duplicateGuardKeys(base)
  const b = duplicateGuardKeys({ ...base, answers: [...base.answers].reverse(), at: base.at + 60_000 })
  expect(b.current).toBe(a.current)
})

it('gives a different key to another device, service point, rating, form or window', () => {
  const key = duplicateGuardKeys(base).current
  expect(duplicateGuardKeys({ ...base, clientAddress: '203.0.113.6' }).current).not.toBe(key)
  expect(duplicateGuardKeys({ ...base, userAgent: 'Other' }).current).not.toBe(key)
  expect(duplicateGuardKeys({ ...base, servicePoint: 13 }).current).not.toBe(key)
  expect(duplicateGuardKeys({ ...base, comment: 'ดีมาก' }).current).not.toBe(key)
  expect(duplicateGuardKeys({ ...base, submissionId: 'form-1111' }).current).not.toBe(duplicateGuardKeys({ ...base, submissionId: 'form-2222' }).current)
  expect(duplicateGuardKeys({ ...base, at: base.at + 5 * 60_000 }).current).not.toBe(key)
})

it("finds a resend just after a window boundary through the previous window's key", () => {
  const boundary = Math.ceil(base.at / base.windowMs) * base.windowMs
  const before = duplicateGuardKeys({ ...base, at: boundary - 1000 })
  const after = duplicateGuardKeys({ ...base, at: boundary + 1000 })
  expect(after.current).not.toBe(before.current)
  expect(after.previous).toBe(before.current)
})

it('never contains the address itself', () => {
  const { current, previous } = duplicateGuardKeys(base)
  expect(current + previous).not.toContain('203.0.113.5')
  expect(ratingFingerprint({ submissionId: 'form-abc', answers: [], comment: 'x' })).toBe('form:form-abc')
})
