/**
 * The approval workflow of a citizen manual revision and the publishing rule of other services,
 * as data (../shared/API.md, "Workflow of a manual revision"). Pure: no Payload import, so the
 * admin buttons, the REST endpoint and the unit tests read the same table.
 */
import { lexicalToText } from './lexical'
import { bilingual } from './messages'
import type { Role } from './roles'
import type { WorkflowState } from './workflowStates'

export const MANUAL_ACTIONS = ['submit', 'approve', 'reject', 'new-revision'] as const
export type ManualAction = (typeof MANUAL_ACTIONS)[number]

export const OTHER_SERVICE_ACTIONS = ['publish', 'unpublish'] as const
export type OtherServiceAction = (typeof OTHER_SERVICE_ACTIONS)[number]
export type OtherServiceState = 'draft' | 'published'

export type Transition<S extends string = string, A extends string = string> = {
  from: S
  action: A
  to: S
  /** Any one of these roles may take the step. */
  roles: readonly Role[]
  /** `agency`: the manual's agency must be in the officer's scope; `any`: every agency (OPDC). */
  scope: 'agency' | 'any'
  /** 1 = agency review, 2 = OPDC: the two approval steps of the Act's manual. */
  step?: 1 | 2
  commentRequired?: boolean
  /** Separation of duties: whoever submitted the revision may not approve it. */
  notBySubmitter?: boolean
  /** Every Act-required field must be filled before the step. */
  requiresComplete?: boolean
  /** The button in the admin. */
  label: { th: string; en: string }
}

const AUTHORS: readonly Role[] = ['manual-author', 'central-officer']
const SUBMIT = { th: 'ส่งตรวจสอบ', en: 'Submit for review' }
const REJECT = { th: 'ส่งกลับแก้ไข', en: 'Return for changes' }

export const MANUAL_TRANSITIONS: ReadonlyArray<Transition<WorkflowState, ManualAction>> = [
  { from: 'draft', action: 'submit', to: 'pending-review', roles: AUTHORS, scope: 'agency', requiresComplete: true, label: SUBMIT },
  { from: 'rejected', action: 'submit', to: 'pending-review', roles: AUTHORS, scope: 'agency', requiresComplete: true, label: SUBMIT },
  {
    from: 'pending-review',
    action: 'approve',
    to: 'pending-opdc',
    roles: ['manual-reviewer'],
    scope: 'agency',
    step: 1,
    notBySubmitter: true,
    label: { th: 'เห็นชอบ ส่ง ก.พ.ร.', en: 'Approve (step 1), send to OPDC' },
  },
  { from: 'pending-review', action: 'reject', to: 'rejected', roles: ['manual-reviewer'], scope: 'agency', step: 1, commentRequired: true, label: REJECT },
  {
    from: 'pending-opdc',
    action: 'approve',
    to: 'published',
    roles: ['opdc-officer'],
    scope: 'any',
    step: 2,
    notBySubmitter: true,
    label: { th: 'อนุมัติและเผยแพร่', en: 'Approve (step 2) and publish' },
  },
  { from: 'pending-opdc', action: 'reject', to: 'rejected', roles: ['opdc-officer'], scope: 'any', step: 2, commentRequired: true, label: REJECT },
  { from: 'published', action: 'new-revision', to: 'draft', roles: AUTHORS, scope: 'agency', label: { th: 'เพิ่ม Revision', en: 'New revision' } },
]

/** Other services: the agency's central officer or reviewer publishes, without the OPDC step. */
export const OTHER_SERVICE_TRANSITIONS: ReadonlyArray<Transition<OtherServiceState, OtherServiceAction>> = [
  { from: 'draft', action: 'publish', to: 'published', roles: ['central-officer', 'manual-reviewer'], scope: 'agency', label: { th: 'เผยแพร่', en: 'Publish' } },
  { from: 'published', action: 'unpublish', to: 'draft', roles: ['central-officer', 'manual-reviewer'], scope: 'agency', label: { th: 'ยกเลิกการเผยแพร่', en: 'Unpublish' } },
]

/** A manual's content may be edited only while the author holds it. */
export const EDITABLE_MANUAL_STATES: readonly WorkflowState[] = ['draft', 'rejected']

/** States in which someone other than the author has to act next (the "waiting for me" queues). */
export const WAITING_ON: Partial<Record<WorkflowState, readonly Role[]>> = {
  'pending-review': ['manual-reviewer'],
  'pending-opdc': ['opdc-officer'],
  rejected: ['manual-author', 'central-officer'],
}

export type Actor = {
  roles: readonly Role[]
  /** The document's agency is the officer's agency or one of its sub-units. */
  inAgencyScope: boolean
  /** The officer submitted the revision now under review. */
  isSubmitter: boolean
}

export type Refusal = { ok: false; status: 400 | 403 | 409; code: string; message: string; path?: string }
export type Decision<S extends string, A extends string> = { ok: true; transition: Transition<S, A> } | Refusal

const refuse = (status: Refusal['status'], code: string, th: string, en: string, path?: string): Refusal => ({
  ok: false,
  status,
  code,
  message: bilingual(th, en),
  ...(path ? { path } : {}),
})

const mayUse = (t: Transition, actor: Actor) =>
  t.roles.some((role) => actor.roles.includes(role)) && (t.scope === 'any' || actor.inAgencyScope)

/**
 * Whether `actor` may take `action` on a document in `state`, and where it leads. An officer who
 * may never take the action on this document (role, or agency) is told 403 before anything about
 * the state, so officers of other agencies learn nothing of a revision they cannot see. An officer
 * who takes the action at another point of the path (a reviewer approving what already went to
 * OPDC, OPDC approving what the agency has not yet reviewed) is told 409: wrong state.
 */
export function decideTransition<S extends string, A extends string>(
  table: ReadonlyArray<Transition<S, A>>,
  input: { state: S; action: unknown; actor: Actor; comment?: unknown },
): Decision<S, A> {
  const { state, action, actor } = input
  const known = [...new Set(table.map((t) => t.action))]
  if (typeof action !== 'string' || !known.includes(action as A)) {
    return refuse(400, 'unknown-action', `ไม่รู้จักคำสั่ง ใช้ได้: ${known.join(', ')}`, `Unknown action; use one of: ${known.join(', ')}`, 'action')
  }
  const usable = table.filter((t) => t.action === action && mayUse(t, actor))
  if (usable.length === 0) {
    const roleFits = table.some((t) => t.action === action && t.roles.some((r) => actor.roles.includes(r)))
    return roleFits
      ? refuse(403, 'agency', 'เอกสารนี้ไม่อยู่ในหน่วยงานของท่าน', 'This document belongs to another agency')
      : refuse(403, 'role', 'บทบาทของท่านไม่มีสิทธิ์ดำเนินการนี้', 'Your role may not take this action')
  }
  const transition = usable.find((t) => t.from === state)
  if (!transition) {
    return refuse(
      409,
      'state',
      `ไม่สามารถ${actionLabel(table, action).th}ในสถานะปัจจุบัน (${state})`,
      `The action "${action}" does not fit the current state "${state}"`,
    )
  }
  if (transition.notBySubmitter && actor.isSubmitter) {
    return refuse(403, 'submitter', 'ผู้ส่งคู่มือไม่สามารถอนุมัติคู่มือของตนเองได้', 'Whoever submitted a revision may not approve it')
  }
  if (transition.commentRequired && (typeof input.comment !== 'string' || input.comment.trim() === '')) {
    return refuse(400, 'comment', 'กรุณาระบุเหตุผลที่ส่งกลับแก้ไข', 'A comment is required to return the revision', 'comment')
  }
  return { ok: true, transition }
}

function actionLabel(table: ReadonlyArray<Transition>, action: string) {
  return table.find((t) => t.action === action)?.label ?? { th: action, en: action }
}

/** The transitions an officer may take now: the buttons shown in the admin. */
export function availableTransitions<S extends string, A extends string>(
  table: ReadonlyArray<Transition<S, A>>,
  state: S,
  actor: Actor,
): Array<Transition<S, A>> {
  return table.filter((t) => t.from === state && mayUse(t, actor) && !(t.notBySubmitter && actor.isSubmitter))
}

export type MissingField = { path: string; th: string; en: string; message: string }

const missing = (path: string, th: string, en: string): MissingField => ({ path, th, en, message: bilingual(th, en) })
const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
const rows = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? value : [])

/**
 * What the Licensing Facilitation Act B.E. 2558 s.7 (and OPDC's manual template) requires before
 * a manual may go to review; empty when complete. Each entry names the field path, in Thai and English.
 */
export function missingManualFields(manual: Record<string, unknown>): MissingField[] {
  const out: MissingField[] = []
  if (blank(manual.title)) out.push(missing('title', 'ชื่อคู่มือ', 'Title'))
  if (blank(manual.process)) out.push(missing('process', 'กระบวนงาน', 'Process'))
  if (blank(manual.agency)) out.push(missing('agency', 'หน่วยงานที่รับผิดชอบ', 'Responsible agency'))
  if (lexicalToText(manual.conditions) === '')
    out.push(missing('conditions', 'หลักเกณฑ์ วิธีการ เงื่อนไขในการยื่นคำขอ', 'Criteria, procedure and conditions'))
  const steps = rows(manual.steps)
  if (steps.length === 0) out.push(missing('steps', 'ขั้นตอนและระยะเวลาการให้บริการ (อย่างน้อย 1 ขั้นตอน)', 'Steps and time (at least one step)'))
  steps.forEach((step, i) => {
    const n = i + 1
    if (blank(step.title)) out.push(missing(`steps.${i}.title`, `ชื่อขั้นตอนที่ ${n}`, `Title of step ${n}`))
    if (typeof step.duration !== 'number' || step.duration < 0 || blank(step.durationUnit))
      out.push(missing(`steps.${i}.duration`, `ระยะเวลาของขั้นตอนที่ ${n}`, `Duration of step ${n}`))
    if (blank(step.responsibleUnit))
      out.push(missing(`steps.${i}.responsibleUnit`, `ส่วนงานที่รับผิดชอบขั้นตอนที่ ${n}`, `Responsible unit of step ${n}`))
  })
  const documents = rows(manual.documents)
  if (documents.length === 0 || documents.some((d) => blank(d.name)))
    out.push(missing('documents', 'รายการเอกสารหลักฐานประกอบการยื่นคำขอ', 'Required documents'))
  const fees = rows(manual.fees)
  if (manual.noFee !== true && (fees.length === 0 || fees.some((f) => blank(f.description) || typeof f.amount !== 'number')))
    out.push(missing('fees', 'ค่าธรรมเนียม (หรือเลือก "ไม่มีค่าธรรมเนียม")', 'Fees (or tick "No fee")'))
  if (rows(manual.complaintChannels).length === 0)
    out.push(missing('complaintChannels', 'ช่องทางการร้องเรียน', 'Complaint channels'))
  if (rows(manual.legalBasis).length === 0) out.push(missing('legalBasis', 'กฎหมายที่ให้อำนาจ', 'Legal basis'))
  return out
}

/** One line naming everything missing, for a notice at the top of an error. */
export const missingFieldsSummary = (fields: MissingField[]): string =>
  bilingual(
    `ข้อมูลตาม พ.ร.บ. การอำนวยความสะดวกฯ ยังไม่ครบ: ${fields.map((f) => f.th).join(', ')}`,
    `Act-required fields are missing: ${fields.map((f) => f.en).join(', ')}`,
  )

/** The in-admin notice (and email subject) sent to whoever must act after a transition. */
export function transitionNotice(
  to: string,
  manual: { title: string; revision: number },
  comment?: string,
): { th: string; en: string } | null {
  const name = `"${manual.title}" (Revision ${manual.revision})`
  const why = comment ? ` — ${comment}` : ''
  switch (to) {
    case 'pending-review':
      return { th: `คู่มือ ${name} รอท่านตรวจสอบ`, en: `Manual ${name} is waiting for your review` }
    case 'pending-opdc':
      return { th: `คู่มือ ${name} ผ่านการตรวจสอบของหน่วยงานแล้ว รอ ก.พ.ร. อนุมัติ`, en: `Manual ${name} passed agency review and waits for OPDC approval` }
    case 'rejected':
      return { th: `คู่มือ ${name} ถูกส่งกลับแก้ไข${why}`, en: `Manual ${name} was returned for changes${why}` }
    case 'published':
      return { th: `คู่มือ ${name} ได้รับอนุมัติและเผยแพร่แล้ว`, en: `Manual ${name} was approved and published` }
    default:
      return null
  }
}
