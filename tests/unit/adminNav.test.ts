import { collectionVisibleTo, COLLECTION_NAV, menuFor, navLinksFor } from '../../src/lib/adminNav'
import { fixThaiMarkOrder, hasMisorderedMarks, parseOfficerFaq } from '../../src/lib/officerFaq'
import { helpBlocks } from '../../src/lib/helpText'
import { ROLES } from '../../src/lib/roles'
import { supportContact, telHref } from '../../src/lib/support'
import { OFFICER_FAQ } from '../../src/data/officerFaq'

const as = (...roles: string[]) => ({ roles })

describe('officer menu visibility', () => {
  it('shows a service-point officer their unit work and hides manual editing, accounts and settings', () => {
    const menu = menuFor(as('service-point-officer'))
    expect(menu.structure).toEqual(['service-points'])
    expect(menu.delay).toEqual(['delay-notices'])
    expect(menu.licence).toEqual(expect.arrayContaining(['licence-reports', 'licence-unlock-requests', 'licence']))
    // Rollups are for central and OPDC officers (GET /api/licence-reports/rollup refuses a service point).
    expect(menu.licence).not.toContain('licence-summary')
    expect(menu.summary).toEqual(expect.arrayContaining(['survey-responses', 'satisfaction', 'poster']))
    expect(menu.manuals).toEqual([])
    expect(menu.processes).toEqual([])
    expect(menu.accounts).toEqual(['notifications'])
    expect(menu.settings).toEqual([])
  })

  it('shows a manual author manuals and processes, not licence reports, delay notices or tokens', () => {
    const menu = menuFor(as('manual-author'))
    expect(menu.manuals).toEqual(expect.arrayContaining(['manuals', 'media']))
    expect(menu.processes).toEqual(['processes', 'tags'])
    expect(menu.licence).toEqual([])
    expect(menu.delay).toEqual([])
    expect(collectionVisibleTo('role-tokens', as('manual-author'))).toBe(false)
    expect(collectionVisibleTo('users', as('manual-author'))).toBe(false)
    expect(navLinksFor(as('manual-author')).map((l) => l.key)).toEqual(['guidelines', 'faq', 'guide'])
  })

  it('gives the central officer tokens and user management (จัดการ Token, จัดการรายละเอียดผู้ใช้งาน)', () => {
    const menu = menuFor(as('central-officer'))
    expect(menu.accounts).toEqual(expect.arrayContaining(['role-tokens', 'users', 'audit-logs']))
    expect(COLLECTION_NAV['role-tokens'].label?.th).toBe('จัดการ Token')
    expect(COLLECTION_NAV.users.label?.th).toBe('จัดการรายละเอียดผู้ใช้งาน')
    expect(menu.settings).toEqual([])
  })

  it('gives the licence issuance summary to those who see rollups: central officers, OPDC and system admins', () => {
    for (const role of ROLES) {
      const expected = ['central-officer', 'opdc-officer', 'system-admin'].includes(role)
      expect([role, navLinksFor(as(role)).some((l) => l.key === 'licence-summary' && l.href === '/admin/reports/licence')]).toEqual([role, expected])
    }
  })

  it('keeps FAQ, guideline editing and settings for system admins only', () => {
    for (const role of ROLES) {
      const expected = role === 'system-admin'
      expect([role, collectionVisibleTo('faqs', as(role))]).toEqual([role, expected])
      expect([role, collectionVisibleTo('extra-holidays', as(role))]).toEqual([role, expected])
    }
  })

  it('shows the OPDC officer question sets and manuals but not media uploads or the QR poster', () => {
    expect(collectionVisibleTo('survey-question-sets', as('opdc-officer'))).toBe(true)
    expect(collectionVisibleTo('manuals', as('opdc-officer'))).toBe(true)
    expect(collectionVisibleTo('media', as('opdc-officer'))).toBe(false)
    expect(navLinksFor(as('opdc-officer')).map((l) => l.key)).not.toContain('poster')
  })

  it('hides everything in the table from a user with no role or no user, and leaves unknown slugs alone', () => {
    for (const slug of Object.keys(COLLECTION_NAV)) {
      expect(collectionVisibleTo(slug, null)).toBe(false)
      expect(collectionVisibleTo(slug, as())).toBe(false)
    }
    expect(navLinksFor(null)).toEqual([])
    expect(collectionVisibleTo('payload-jobs', as('system-admin'))).toBeUndefined()
  })

  it('unions the entries of an officer with several roles', () => {
    const menu = menuFor(as('manual-author', 'service-point-officer'))
    expect(menu.manuals).toContain('manuals')
    expect(menu.delay).toContain('delay-notices')
  })
})

describe('officer FAQ from the old PDF', () => {
  it('puts Thai vowels before their tone marks', () => {
    expect(fixThaiMarkOrder('เพ่ือ ท่ี ข้ึน สิทธ์ิ ซ่ึง')).toBe('เพื่อ ที่ ขึ้น สิทธิ์ ซึ่ง')
    expect(fixThaiMarkOrder('เจ้าหน้าท่ีส่วนกลาง    :   สำหรับ')).toBe('เจ้าหน้าที่ส่วนกลาง: สำหรับ')
    expect(hasMisorderedMarks('ท่ี')).toBe(true)
    expect(hasMisorderedMarks('ที่')).toBe(false)
  })

  it('splits questions and answers and joins lines the PDF broke', () => {
    const raw = [
      'คำถามเก่ียวกับการใช้งานระบบ',
      '',
      'ระบบให้ข้อมูลอะไรบ้าง',
      '',
      '- ให้ข้อมูลการติดต่อราชการ สามารถแสดงความ',
      '',
      'คิดเห็นได้',
      '',
      'มีบทบาทใดบ้าง',
      '- บทบาทหนึ่ง',
      '- บทบาทสอง',
      'https://connect.egov.go.th/',
      '1. ข้อแรก',
    ].join('\n')
    expect(parseOfficerFaq(raw)).toEqual([
      {
        title: 'คำถามเกี่ยวกับการใช้งานระบบ',
        entries: [
          { question: 'ระบบให้ข้อมูลอะไรบ้าง', answer: ['ให้ข้อมูลการติดต่อราชการ สามารถแสดงความคิดเห็นได้'] },
          { question: 'มีบทบาทใดบ้าง', answer: ['บทบาทหนึ่ง', 'บทบาทสอง', '1. ข้อแรก'] },
        ],
      },
    ])
  })

  it('commits a normalised FAQ: every question answered, no mark out of order', () => {
    const entries = OFFICER_FAQ.flatMap((s) => s.entries)
    expect(entries.length).toBeGreaterThanOrEqual(30)
    expect(entries.every((e) => e.question && e.answer.length > 0)).toBe(true)
    expect(hasMisorderedMarks(JSON.stringify(OFFICER_FAQ))).toBe(false)
    expect(JSON.stringify(OFFICER_FAQ)).toBe(JSON.stringify(OFFICER_FAQ).normalize('NFC'))
  })
})

describe('help text and support contact', () => {
  it('groups "- " lines into one list between paragraphs', () => {
    expect(helpBlocks('หนึ่ง\n- ก\n- ข\n\nสอง')).toEqual([
      { kind: 'paragraph', text: 'หนึ่ง' },
      { kind: 'list', items: ['ก', 'ข'] },
      { kind: 'paragraph', text: 'สอง' },
    ])
  })

  it('defaults to the DGA Contact Center and follows SUPPORT_EMAIL / SUPPORT_PHONE', () => {
    expect(supportContact({})).toEqual({ name: 'DGA Contact Center', email: 'contact@dga.or.th', phone: '02-612-6060' })
    expect(supportContact({ SUPPORT_EMAIL: 'help@opdc.go.th', SUPPORT_PHONE: '1111' })).toMatchObject({ email: 'help@opdc.go.th', phone: '1111' })
    expect(telHref('02-612-6060')).toBe('tel:026126060')
  })
})
