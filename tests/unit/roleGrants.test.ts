import { canGrantRole, changedRoles, isUnboundOfficer, servicePointRequired } from '../../src/lib/roleGrants'
import { ROLES } from '../../src/lib/roles'

const own = { inScope: true, ownAgency: true }
const sub = { inScope: true, ownAgency: false }
const outside = { inScope: false, ownAgency: false }

describe('canGrantRole', () => {
  it('lets a system admin grant every role anywhere', () => {
    for (const role of ROLES) expect(canGrantRole(['system-admin'], role, outside)).toBe(true)
  })

  it('lets a central officer grant the agency roles in their scope only', () => {
    for (const role of ['service-point-officer', 'manual-author', 'manual-reviewer'] as const) {
      expect(canGrantRole(['central-officer'], role, own)).toBe(true)
      expect(canGrantRole(['central-officer'], role, sub)).toBe(true)
      expect(canGrantRole(['central-officer'], role, outside)).toBe(false)
    }
  })

  it('lets a central officer name central officers of sub-units, not of their own agency', () => {
    expect(canGrantRole(['central-officer'], 'central-officer', sub)).toBe(true)
    expect(canGrantRole(['central-officer'], 'central-officer', own)).toBe(false)
  })

  it('never lets an agency grant OPDC or system-admin', () => {
    for (const target of [own, sub]) {
      expect(canGrantRole(['central-officer'], 'opdc-officer', target)).toBe(false)
      expect(canGrantRole(['central-officer'], 'system-admin', target)).toBe(false)
      expect(canGrantRole(['central-officer', 'manual-author'], 'system-admin', target)).toBe(false)
    }
  })

  it('gives other roles nothing to grant', () => {
    for (const actor of ['manual-author', 'manual-reviewer', 'service-point-officer', 'opdc-officer'] as const)
      for (const role of ROLES) expect(canGrantRole([actor], role, own)).toBe(false)
  })
})

describe('changedRoles', () => {
  it('lists added and removed roles once', () => {
    expect(changedRoles(['manual-author'], ['manual-author', 'manual-reviewer'])).toEqual(['manual-reviewer'])
    expect(changedRoles(['manual-author', 'central-officer'], ['manual-author'])).toEqual(['central-officer'])
    expect(changedRoles(['manual-author'], ['manual-reviewer']).sort()).toEqual(['manual-author', 'manual-reviewer'])
    expect(changedRoles(['manual-author', 'manual-reviewer'], ['manual-reviewer', 'manual-author'])).toEqual([])
  })
})

describe('isUnboundOfficer', () => {
  it('is an officer without an agency, unless their role needs none', () => {
    expect(isUnboundOfficer({ roles: [], agency: null })).toBe(true)
    expect(isUnboundOfficer({ roles: ['manual-author'] })).toBe(true)
    expect(isUnboundOfficer({ roles: ['manual-author'], agency: 3 })).toBe(false)
    expect(isUnboundOfficer({ roles: ['opdc-officer'], agency: null })).toBe(false)
    expect(isUnboundOfficer({ roles: ['system-admin'] })).toBe(false)
    expect(isUnboundOfficer(null)).toBe(false)
  })
})

it('requires a service point for service-point officer tokens only', () => {
  expect(servicePointRequired('service-point-officer')).toBe(true)
  expect(servicePointRequired('manual-author')).toBe(false)
})
