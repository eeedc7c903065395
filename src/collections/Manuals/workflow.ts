import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type PayloadRequest,
  type Where,
} from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { inAgencyScope } from '../../access/scope'
import { idOf, officerOf, rolesOf } from '../../access/user'
import { lockDocumentRow, WORKFLOW_WRITE } from '../../hooks/publicationGuard'
import { bilingual } from '../../lib/messages'
import type { Role } from '../../lib/roles'
import {
  availableTransitions,
  decideTransition,
  MANUAL_TRANSITIONS,
  type ManualAction,
  missingFieldsSummary,
  missingManualFields,
  type MissingField,
  type Transition,
  transitionNotice,
} from '../../lib/workflow'
import type { WorkflowState } from '../../lib/workflowStates'
import { notify, type Recipient } from '../Notifications/notify'

type Id = number | string
type Doc = Record<string, any>

export type WorkflowRefusal = {
  ok: false
  status: 400 | 401 | 403 | 404 | 409
  code: string
  message: string
  path?: string
  missing?: MissingField[]
}
export type WorkflowOutcome = { ok: true; doc: Doc; transition: Transition<WorkflowState, ManualAction> } | WorkflowRefusal

const refusal = (status: WorkflowRefusal['status'], code: string, th: string, en: string): WorkflowRefusal => ({
  ok: false,
  status,
  code,
  message: bilingual(th, en),
})

/**
 * Moves one manual one step: decides with the transition table, then — in one transaction, with
 * the manual's row locked — writes the new state (publishing and superseding when it is step 2),
 * the timeline row and the notifications. Emails go out after the commit. Returns the manual as
 * the officer may read it, or why the step is refused.
 *
 * The writes run as the system (a request without a user, flagged with WORKFLOW_WRITE) because
 * the decision above is the authorisation: an OPDC officer publishes though the collection's
 * update access does not let them edit a manual.
 */
export async function runManualWorkflow(args: {
  req: PayloadRequest
  id: Id
  action: unknown
  comment?: unknown
}): Promise<WorkflowOutcome> {
  const { req, id } = args
  const user = officerOf(req)
  if (!user) return refusal(401, 'login', 'กรุณาเข้าสู่ระบบ', 'Log in first')
  const comment = typeof args.comment === 'string' ? args.comment.trim() : undefined

  const system = await createLocalReq({ context: { [WORKFLOW_WRITE]: true } }, req.payload)
  const owns = await initTransaction(system)
  let emails: Array<() => Promise<void>> = []
  let outcome: WorkflowOutcome
  try {
    outcome = await step(system)
    if (outcome.ok) {
      if (owns) await commitTransaction(system)
    } else if (owns) await killTransaction(system)
  } catch (error) {
    if (owns) await killTransaction(system)
    throw error
  }
  for (const send of emails) await send()
  if (!outcome.ok) return outcome
  const doc = await req.payload.findByID({ collection: 'manuals', id, draft: true, depth: 1, overrideAccess: false, user: req.user, req, disableErrors: true })
  return { ...outcome, doc: (doc as Doc | null) ?? outcome.doc }

  async function step(sys: PayloadRequest): Promise<WorkflowOutcome> {
    // Lock first, then read: a second approver waits here and then sees the state the first left.
    await lockDocumentRow(sys, 'manuals', id)
    const manual = (await sys.payload.findByID({ collection: 'manuals', id, draft: true, depth: 0, overrideAccess: true, req: sys, disableErrors: true })) as Doc | null
    if (!manual) return refusal(404, 'not-found', 'ไม่พบคู่มือ', 'Manual not found')
    const state = manual.workflowState as WorkflowState
    const lastSubmit = await latestTransition(sys, id, 'submit')
    const decision = decideTransition(MANUAL_TRANSITIONS, {
      state,
      action: args.action,
      comment,
      actor: {
        roles: rolesOf(req),
        inAgencyScope: await inAgencyScope(req, idOf(manual.agency)),
        isSubmitter: lastSubmit !== null && String(idOf(lastSubmit.actor)) === String(user!.id),
      },
    })
    if (!decision.ok) return { ...decision }
    const transition = decision.transition
    if (transition.requiresComplete) {
      const missing = missingManualFields(manual)
      if (missing.length) return { ok: false, status: 400, code: 'incomplete', message: missingFieldsSummary(missing), missing }
    }

    const revision = Number(manual.revision ?? 1) + (transition.action === 'new-revision' ? 1 : 0)
    let saved: Doc
    if (transition.to === 'published') {
      await supersedePublished(sys, id)
      saved = await sys.payload.update({
        collection: 'manuals',
        id,
        data: { workflowState: 'published', _status: 'published', publishedAt: new Date().toISOString() } as never,
        draft: false,
        depth: 0,
        overrideAccess: true,
        req: sys,
      })
    } else {
      saved = await sys.payload.update({
        collection: 'manuals',
        id,
        data: { workflowState: transition.to, revision, ...(transition.action === 'new-revision' ? { publishedAt: null } : {}) } as never,
        draft: true,
        depth: 0,
        overrideAccess: true,
        req: sys,
      })
    }

    await sys.payload.create({
      collection: 'manual-transitions',
      data: {
        manual: id,
        agency: idOf(manual.agency),
        revision,
        action: transition.action,
        fromState: state,
        toState: transition.to,
        actor: user!.id,
        actorName: String((req.user as Doc).name || (req.user as Doc).email || ''),
        actorRole: transition.roles.find((r) => rolesOf(req).includes(r)),
        comment: comment || undefined,
      } as never,
      depth: 0,
      overrideAccess: true,
      req: sys,
    })

    const notice = transitionNotice(transition.to, { title: String(manual.title ?? ''), revision }, comment)
    if (notice) {
      const recipients = (await recipientsFor(sys, transition.to, manual, lastSubmit)).filter((r) => String(r.id) !== String(user!.id))
      emails.push(await notify(sys, recipients, { ...notice, link: `/admin/collections/manuals/${id}`, topic: 'manual-workflow' }))
    }
    return { ok: true, doc: saved, transition }
  }
}

async function latestTransition(req: PayloadRequest, manual: Id, action: ManualAction): Promise<Doc | null> {
  const { docs } = await req.payload.find({
    collection: 'manual-transitions',
    where: { and: [{ manual: { equals: manual } }, { action: { equals: action } }] },
    sort: '-id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (docs[0] as Doc | undefined) ?? null
}

/**
 * The revision citizens read until now becomes "superseded" in the revision history (its
 * version snapshots), so the history shows which revision replaced which.
 */
async function supersedePublished(req: PayloadRequest, manual: Id): Promise<void> {
  const adapter = req.payload.db as unknown as { sessions?: Record<string, { db: { execute: (q: unknown) => Promise<unknown> } }> }
  const session = adapter.sessions?.[String(await req.transactionID)]
  if (!session) throw new Error('supersedePublished needs a transaction')
  await session.db.execute(
    sql`UPDATE "_manuals_v" SET "version_workflow_state" = 'superseded' WHERE "parent_id" = ${manual} AND "version_workflow_state" = 'published'`,
  )
}

/** Who must act next: the agency's reviewers, OPDC, or the author who submitted. */
async function recipientsFor(req: PayloadRequest, to: WorkflowState, manual: Doc, lastSubmit: Doc | null): Promise<Recipient[]> {
  const users = async (where: Where) =>
    (
      await req.payload.find({ collection: 'users', where, depth: 0, limit: 200, overrideAccess: true, req })
    ).docs.map((u) => ({ id: (u as Doc).id as Id, email: (u as Doc).email as string | undefined }))
  const withRole = (role: Role): Where => ({ roles: { in: [role] } })

  if (to === 'pending-review') {
    // Reviewers of the manual's agency or of an agency above it (their scope covers sub-units).
    const agency = (await req.payload.findByID({ collection: 'agencies', id: idOf(manual.agency)!, depth: 0, overrideAccess: true, req, disableErrors: true })) as Doc | null
    const line = [idOf(manual.agency), ...((agency?.breadcrumbs as Doc[] | undefined) ?? []).map((b) => idOf(b.doc))].filter((x) => x !== null)
    return users({ and: [withRole('manual-reviewer'), { agency: { in: line } }] })
  }
  if (to === 'pending-opdc') return users(withRole('opdc-officer'))
  if ((to === 'rejected' || to === 'published') && lastSubmit) return users({ id: { equals: idOf(lastSubmit.actor) } })
  return []
}

export type WorkflowOptions = {
  state: WorkflowState
  revision: number
  /** A published revision exists (citizens read it) besides the one in progress. */
  hasPublished: boolean
  actions: Array<{ action: ManualAction; to: WorkflowState; label: { th: string; en: string }; commentRequired: boolean }>
}

/** What the officer may do with the manual now: the admin's buttons (GET /api/manuals/:id/workflow). */
export async function manualWorkflowOptions(req: PayloadRequest, id: Id): Promise<WorkflowOptions | null> {
  const user = officerOf(req)
  if (!user) return null
  const manual = (await req.payload.findByID({ collection: 'manuals', id, draft: true, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })) as Doc | null
  if (!manual) return null
  const lastSubmit = await latestTransition(req, id, 'submit')
  const actor = {
    roles: rolesOf(req),
    inAgencyScope: await inAgencyScope(req, idOf(manual.agency)),
    isSubmitter: lastSubmit !== null && String(idOf(lastSubmit.actor)) === String(user.id),
  }
  const published = await req.payload.count({ collection: 'manuals', where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] }, overrideAccess: true, req })
  return {
    state: manual.workflowState,
    revision: Number(manual.revision ?? 1),
    hasPublished: published.totalDocs > 0,
    actions: availableTransitions(MANUAL_TRANSITIONS, manual.workflowState as WorkflowState, actor).map((t) => ({
      action: t.action,
      to: t.to,
      label: t.label,
      commentRequired: Boolean(t.commentRequired),
    })),
  }
}
