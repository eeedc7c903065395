import {
  decryptRoleTokenCode,
  encryptRoleTokenCode,
  generateRoleTokenCode,
  hashRoleTokenCode,
  looksLikeRoleTokenCode,
  normalizeRoleTokenCode,
  roleTokenExpiry,
  roleTokenTtlDays,
} from '../../src/lib/roleTokenCode'

describe('role token codes', () => {
  it('are 16 unambiguous symbols in four groups, different every time', () => {
    const codes = new Set(Array.from({ length: 500 }, () => generateRoleTokenCode()))
    expect(codes.size).toBe(500)
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/)
      expect(code).not.toMatch(/[01OIL]/)
    }
  })

  it('uses every symbol about equally (no modulo bias)', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 2000; i++) for (const c of generateRoleTokenCode().replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1)
    expect(counts.size).toBe(31)
    const values = [...counts.values()]
    expect(Math.max(...values) / Math.min(...values)).toBeLessThan(1.3)
  })

  it('matches what an officer types with spaces, dashes or lower case', () => {
    const code = 'ABCD-EFGH-JKMN-PQRS'
    expect(normalizeRoleTokenCode(' abcd efgh-jkmn pqrs ')).toBe('ABCDEFGHJKMNPQRS')
    expect(hashRoleTokenCode('abcd efgh jkmn pqrs', 's')).toBe(hashRoleTokenCode(code, 's'))
    expect(looksLikeRoleTokenCode('abcd-efgh-jkmn-pqrs')).toBe(true)
    expect(looksLikeRoleTokenCode('ABCD-EFGH-JKMN-PQR')).toBe(false)
    expect(looksLikeRoleTokenCode('ABCD-EFGH-JKMN-PQR0')).toBe(false)
    expect(looksLikeRoleTokenCode(42)).toBe(false)
  })

  it('hashes with the server secret, so another secret gives another key', () => {
    expect(hashRoleTokenCode('ABCD-EFGH-JKMN-PQRS', 'one')).not.toBe(hashRoleTokenCode('ABCD-EFGH-JKMN-PQRS', 'two'))
    expect(hashRoleTokenCode('ABCD-EFGH-JKMN-PQRS', 'one')).not.toContain('ABCD')
  })

  it('encrypts reversibly with the secret only, and detects tampering', () => {
    const stored = encryptRoleTokenCode('ABCD-EFGH-JKMN-PQRS', 'secret')
    expect(stored).not.toContain('ABCD')
    expect(decryptRoleTokenCode(stored, 'secret')).toBe('ABCD-EFGH-JKMN-PQRS')
    expect(decryptRoleTokenCode(stored, 'other-secret')).toBeNull()
    const tampered = stored.slice(0, -2) + (stored.endsWith('AA') ? 'BB' : 'AA')
    expect(decryptRoleTokenCode(tampered, 'secret')).toBeNull()
  })

  it('expires after ROLE_TOKEN_TTL_DAYS (7 by default, at most 365)', () => {
    expect(roleTokenTtlDays(undefined)).toBe(7)
    expect(roleTokenTtlDays('')).toBe(7)
    expect(roleTokenTtlDays('abc')).toBe(7)
    expect(roleTokenTtlDays('-3')).toBe(7)
    expect(roleTokenTtlDays('14')).toBe(14)
    expect(roleTokenTtlDays('0.5')).toBe(0.5)
    expect(roleTokenTtlDays('9999')).toBe(365)
    expect(roleTokenExpiry(new Date('2026-01-01T00:00:00Z'), 2).toISOString()).toBe('2026-01-03T00:00:00.000Z')
  })
})
