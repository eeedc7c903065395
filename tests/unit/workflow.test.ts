import {
  availableTransitions,
  decideTransition,
  MANUAL_TRANSITIONS,
  missingManualFields,
  OTHER_SERVICE_TRANSITIONS,
  transitionNotice,
  type Actor,
} from '../../src/lib/workflow'
import { lexicalFromParagraphs } from '../../src/lib/lexical'
import type { Role } from '../../src/lib/roles'
import { WORKFLOW_STATES } from '../../src/lib/workflowStates'

const actor = (roles: Role[], over: Partial<Actor> = {}): Actor => ({ roles, inAgencyScope: true, isSubmitter: false, ...over })
const decide = (state: string, action: unknown, a: Actor, comment?: string) =>
  decideTransition(MANUAL_TRANSITIONS, { state: state as never, action, actor: a, comment })

describe('manual transition table', () => {
  it('walks draft → pending-review → pending-opdc → published with the right roles', () => {
    const submit = decide('draft', 'submit', actor(['manual-author']))
    const step1 = decide('pending-review', 'approve', actor(['manual-reviewer']))
    const step2 = decide('pending-opdc', 'approve', actor(['opdc-officer'], { inAgencyScope: false }))
    expect([submit, step1, step2].map((d) => (d.ok ? d.transition.to : d.status))).toEqual(['pending-review', 'pending-opdc', 'published'])
    expect(step1.ok && step1.transition.step).toBe(1)
    expect(step2.ok && step2.transition.step).toBe(2)
  })

  it('lets a rejected revision be submitted again and a published one start a new revision', () => {
    const again = decide('rejected', 'submit', actor(['manual-author']))
    expect(again.ok && again.transition.to).toBe('pending-review')
    const next = decide('published', 'new-revision', actor(['central-officer']))
    expect(next.ok && next.transition.to).toBe('draft')
  })

  it('only uses known states and marks both approvals as not for the submitter', () => {
    const states = WORKFLOW_STATES.map((s) => s.value as string)
    for (const t of MANUAL_TRANSITIONS) {
      expect(states).toContain(t.from)
      expect(states).toContain(t.to)
    }
    expect(MANUAL_TRANSITIONS.filter((t) => t.action === 'approve').every((t) => t.notBySubmitter)).toBe(true)
    // Nothing ever moves a revision into "superseded": only publishing the next one does.
    expect(MANUAL_TRANSITIONS.some((t) => t.to === 'superseded')).toBe(false)
  })

  it.each([
    ['service-point-officer', 'draft', 'submit'],
    ['manual-reviewer', 'draft', 'submit'],
    ['opdc-officer', 'draft', 'submit'],
    ['system-admin', 'draft', 'submit'],
    ['manual-author', 'pending-review', 'approve'],
    ['central-officer', 'pending-review', 'approve'],
    ['service-point-officer', 'pending-review', 'reject'],
    ['manual-author', 'pending-opdc', 'approve'],
    ['system-admin', 'pending-opdc', 'approve'],
    ['manual-reviewer', 'published', 'new-revision'],
    ['opdc-officer', 'published', 'new-revision'],
  ])('refuses %s to %s → %s with 403 (the role never takes that action)', (role, state, action) => {
    const d = decide(state, action, actor([role as Role]), 'เหตุผล')
    expect(!d.ok && [d.status, d.code]).toEqual([403, 'role'])
  })

  it('refuses an officer of another agency with 403 whatever the state, but not OPDC', () => {
    const outsider = actor(['manual-reviewer'], { inAgencyScope: false })
    const inReview = decide('pending-review', 'approve', outsider)
    const wrongState = decide('draft', 'approve', outsider)
    expect([inReview, wrongState].map((d) => !d.ok && [d.status, d.code])).toEqual([
      [403, 'agency'],
      [403, 'agency'],
    ])
    expect(decide('pending-opdc', 'approve', actor(['opdc-officer'], { inAgencyScope: false })).ok).toBe(true)
  })

  it.each([
    ['manual-author', 'pending-review', 'submit'],
    ['manual-author', 'published', 'submit'],
    ['manual-reviewer', 'draft', 'approve'],
    ['manual-reviewer', 'published', 'approve'],
    ['manual-reviewer', 'pending-opdc', 'approve'], // step 1 already done
    ['manual-reviewer', 'pending-opdc', 'reject'],
    ['opdc-officer', 'pending-review', 'approve'], // step 1 not yet done
    ['opdc-officer', 'pending-review', 'reject'],
    ['opdc-officer', 'published', 'approve'],
    ['manual-reviewer', 'rejected', 'reject'],
    ['manual-author', 'draft', 'new-revision'],
    ['manual-author', 'pending-opdc', 'new-revision'],
  ])('answers %s doing %s → %s with 409 (out of order)', (role, state, action) => {
    const d = decide(state, action, actor([role as Role]), 'เหตุผล')
    expect(!d.ok && [d.status, d.code]).toEqual([409, 'state'])
  })

  it('never lets the submitter approve, even with the reviewer role', () => {
    const both = actor(['manual-author', 'manual-reviewer'], { isSubmitter: true })
    const d = decide('pending-review', 'approve', both)
    expect(!d.ok && d.code).toBe('submitter')
    expect(!d.ok && d.status).toBe(403)
    expect(decide('pending-review', 'approve', { ...both, isSubmitter: false }).ok).toBe(true)
  })

  it('requires a comment to reject, in Thai and English, on the comment path', () => {
    const d = decide('pending-review', 'reject', actor(['manual-reviewer']), '   ')
    expect(d).toMatchObject({ ok: false, status: 400, path: 'comment' })
    expect(!d.ok && d.message).toMatch(/กรุณาระบุเหตุผล.*\(A comment is required/)
    expect(decide('pending-review', 'reject', actor(['manual-reviewer']), 'แก้ขั้นตอนที่ 2').ok).toBe(true)
  })

  it('answers an unknown action with 400 naming the actions', () => {
    const d = decide('draft', 'publish', actor(['manual-author']))
    expect(d).toMatchObject({ ok: false, status: 400, path: 'action' })
    expect(!d.ok && d.message).toContain('submit, approve, reject, new-revision')
  })

  it('lists the buttons an officer may use now', () => {
    const reviewer = availableTransitions(MANUAL_TRANSITIONS, 'pending-review', actor(['manual-reviewer']))
    expect(reviewer.map((t) => t.action)).toEqual(['approve', 'reject'])
    const submitterReviewer = availableTransitions(MANUAL_TRANSITIONS, 'pending-review', actor(['manual-reviewer'], { isSubmitter: true }))
    expect(submitterReviewer.map((t) => t.action)).toEqual(['reject'])
    expect(availableTransitions(MANUAL_TRANSITIONS, 'pending-review', actor(['manual-reviewer'], { inAgencyScope: false }))).toEqual([])
  })
})

describe('other services', () => {
  it('are published by the central officer or reviewer of the agency, never by an author or OPDC', () => {
    const publish = (roles: Role[], inAgencyScope = true) =>
      decideTransition(OTHER_SERVICE_TRANSITIONS, { state: 'draft', action: 'publish', actor: actor(roles, { inAgencyScope }) })
    expect(publish(['central-officer']).ok).toBe(true)
    expect(publish(['manual-reviewer']).ok).toBe(true)
    expect([publish(['manual-author']), publish(['opdc-officer']), publish(['central-officer'], false)].map((d) => !d.ok && d.status)).toEqual([403, 403, 403])
    const twice = decideTransition(OTHER_SERVICE_TRANSITIONS, { state: 'published', action: 'publish', actor: actor(['central-officer']) })
    expect(!twice.ok && twice.status).toBe(409)
  })
})

describe('missingManualFields', () => {
  const complete = {
    title: 'การแจ้งเกิด',
    process: 1,
    agency: 2,
    conditions: lexicalFromParagraphs(['ผู้แจ้งต้องเป็นบิดาหรือมารดา']),
    steps: [{ title: 'ตรวจสอบเอกสาร', duration: 15, durationUnit: 'minutes', responsibleUnit: 'งานทะเบียน' }],
    documents: [{ name: 'บัตรประจำตัวประชาชน' }],
    noFee: true,
    complaintChannels: [{ channel: 'สายด่วน 1111' }],
    legalBasis: [{ title: 'พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534' }],
  }

  it('is empty for a complete manual', () => {
    expect(missingManualFields(complete)).toEqual([])
  })

  it('names every missing Act-required field in Thai and English', () => {
    const result = missingManualFields({ title: ' ', conditions: lexicalFromParagraphs(['']), steps: [] })
    expect(result.map((m) => m.path)).toEqual(['title', 'process', 'agency', 'conditions', 'steps', 'documents', 'fees', 'complaintChannels', 'legalBasis'])
    expect(result[0].message).toBe('ชื่อคู่มือ (Title)')
  })

  it('checks each step and requires fees unless "no fee" is ticked', () => {
    const result = missingManualFields({
      ...complete,
      noFee: false,
      fees: [],
      steps: [complete.steps[0], { title: 'พิจารณา', duration: -1, durationUnit: 'days' }],
    })
    expect(result.map((m) => m.path)).toEqual(['steps.1.duration', 'steps.1.responsibleUnit', 'fees'])
    expect(result[0].th).toBe('ระยะเวลาของขั้นตอนที่ 2')
    expect(missingManualFields({ ...complete, noFee: false, fees: [{ description: 'ค่าคำขอ', amount: 0 }] })).toEqual([])
  })
})

describe('transitionNotice', () => {
  it('tells the next actor what waits for them, with the comment when returned', () => {
    const m = { title: 'การแจ้งเกิด', revision: 2 }
    expect(transitionNotice('pending-review', m)?.th).toBe('คู่มือ "การแจ้งเกิด" (Revision 2) รอท่านตรวจสอบ')
    expect(transitionNotice('rejected', m, 'แก้ค่าธรรมเนียม')?.en).toContain('returned for changes — แก้ค่าธรรมเนียม')
    expect(transitionNotice('draft', m)).toBeNull()
  })
})
