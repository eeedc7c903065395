import { canGrantRole } from '../../src/lib/roleGrants'
import { issueRoleTokenCode, decryptRoleTokenCode, hashRoleTokenCode } from '../../src/lib/roleTokenCode'
import { agencyTokenRoles, roleTokenSlot, roleTokenState, SERVICE_POINT_TOKEN_ROLE } from '../../src/lib/roleTokenSlots'

describe('automatic role tokens', () => {
  it('gives departments and local governments central officer, author and reviewer; ministries and unknown kinds none', () => {
    expect(agencyTokenRoles('department')).toEqual(['central-officer', 'manual-author', 'manual-reviewer'])
    expect(agencyTokenRoles('local-government')).toEqual(['central-officer', 'manual-author', 'manual-reviewer'])
    expect(agencyTokenRoles('ministry')).toEqual([])
    expect(agencyTokenRoles('constructor')).toEqual([])
    expect(agencyTokenRoles(undefined)).toEqual([])
  })

  it('makes only rows someone may hand out: a system admin each, a parent’s central officer the sub-unit’s', () => {
    for (const role of [...agencyTokenRoles('department'), SERVICE_POINT_TOKEN_ROLE]) {
      expect(canGrantRole(['system-admin'], role, { inScope: false, ownAgency: false })).toBe(true)
      expect(canGrantRole(['central-officer'], role, { inScope: true, ownAgency: false })).toBe(true)
    }
    // Nobody in the department itself hands out its central-officer code.
    expect(canGrantRole(['central-officer'], 'central-officer', { inScope: true, ownAgency: true })).toBe(false)
  })

  it('puts one token per agency and role, and a service point’s in the point whatever its agency', () => {
    expect(roleTokenSlot({ role: 'manual-author', agency: 7 })).toBe('agency:7:manual-author')
    expect(roleTokenSlot({ role: 'manual-author', agency: 7, servicePoint: 3 })).toBe('agency:7:manual-author')
    expect(roleTokenSlot({ role: 'service-point-officer', agency: 7, servicePoint: 3 })).toBe(roleTokenSlot({ role: 'service-point-officer', agency: 8, servicePoint: 3 }))
    expect(roleTokenSlot({ role: 'central-officer', agency: 7 })).not.toBe(roleTokenSlot({ role: 'central-officer', agency: 8 }))
  })

  it('tells used (also once the account is gone) before expired before unused', () => {
    const now = new Date('2026-12-03T00:00:00Z')
    expect(roleTokenState({ usedBy: null, expiresAt: '2026-12-04T00:00:00Z' }, now)).toBe('unused')
    expect(roleTokenState({ usedBy: null, expiresAt: '2026-12-03T00:00:00Z' }, now)).toBe('expired')
    expect(roleTokenState({ usedBy: 5, usedAt: '2026-12-01T00:00:00Z', expiresAt: '2026-12-02T00:00:00Z' }, now)).toBe('used')
    expect(roleTokenState({ usedBy: null, usedAt: '2026-12-01T00:00:00Z', expiresAt: '2026-12-02T00:00:00Z' }, now)).toBe('used')
  })

  it('issues a code with its lookup hash, cipher and expiry', () => {
    const issued = issueRoleTokenCode('secret', new Date('2026-12-03T00:00:00Z'), 7)
    expect(issued.codeHash).toBe(hashRoleTokenCode(issued.code, 'secret'))
    expect(decryptRoleTokenCode(issued.codeCipher, 'secret')).toBe(issued.code)
    expect(decryptRoleTokenCode(issued.codeCipher, 'other')).toBeNull()
    expect(issued.expiresAt.toISOString()).toBe('2026-12-10T00:00:00.000Z')
  })
})
