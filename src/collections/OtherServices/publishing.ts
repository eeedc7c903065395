import {
  addDataAndFileToRequest,
  commitTransaction,
  createLocalReq,
  type Endpoint,
  initTransaction,
  killTransaction,
  NotFound,
  type PayloadRequest,
} from 'payload'

import { inAgencyScope } from '../../access/scope'
import { idOf, officerOf, rolesOf } from '../../access/user'
import { lockDocumentRow, publicationGuard, WORKFLOW_WRITE } from '../../hooks/publicationGuard'
import type { EndpointDoc } from '../../lib/openapi'
import { workflowRequestSchema, workflowStepsText } from '../../lib/openapiEndpoints'
import { decideTransition, OTHER_SERVICE_ACTIONS, OTHER_SERVICE_TRANSITIONS, type OtherServiceState } from '../../lib/workflow'
import { refusalResponse } from '../Manuals/endpoints'
import type { WorkflowRefusal } from '../Manuals/workflow'

/** Officers save drafts; only the publishing step (or a system write) changes what citizens read. */
export const otherServiceGuard = publicationGuard({
  table: 'other_services',
  workflowRoute: 'POST /api/other-services/:id/workflow',
  protectedFields: {},
})

type Doc = Record<string, any>
export type PublishOutcome = { ok: true; doc: Doc } | WorkflowRefusal

/**
 * Publishes (or withdraws) an other service: the agency's central officer or manual reviewer, no
 * OPDC step. Same shape as the manual workflow: decide with the table, then write as the system in
 * one transaction with the row locked, so two clicks give one change.
 */
export async function runOtherServicePublishing(args: { req: PayloadRequest; id: number; action: unknown }): Promise<PublishOutcome> {
  const { req, id } = args
  if (!officerOf(req)) return { ok: false, status: 401, code: 'login', message: 'กรุณาเข้าสู่ระบบ (Log in first)' }
  const system = await createLocalReq({ context: { [WORKFLOW_WRITE]: true } }, req.payload)
  const owns = await initTransaction(system)
  try {
    await lockDocumentRow(system, 'other_services', id)
    const current = (await system.payload.findByID({ collection: 'other-services', id, draft: true, depth: 0, overrideAccess: true, req: system, disableErrors: true })) as Doc | null
    if (!current) {
      if (owns) await killTransaction(system)
      return { ok: false, status: 404, code: 'not-found', message: 'ไม่พบบริการ (Service not found)' }
    }
    const decision = decideTransition(OTHER_SERVICE_TRANSITIONS, {
      state: (current._status === 'published' ? 'published' : 'draft') as OtherServiceState,
      action: args.action,
      actor: { roles: rolesOf(req), inAgencyScope: await inAgencyScope(req, idOf(current.agency)), isSubmitter: false },
    })
    if (!decision.ok) {
      if (owns) await killTransaction(system)
      return decision
    }
    await system.payload.update({
      collection: 'other-services',
      id,
      data: { _status: decision.transition.to } as never,
      draft: false,
      depth: 0,
      overrideAccess: true,
      req: system,
    })
    if (owns) await commitTransaction(system)
  } catch (error) {
    if (owns) await killTransaction(system)
    throw error
  }
  const doc = await req.payload.findByID({ collection: 'other-services', id, draft: true, overrideAccess: false, user: req.user, req })
  return { ok: true, doc: doc as Doc }
}

export const publishingDoc: EndpointDoc = {
  method: 'post',
  path: '/other-services/{id}/workflow',
  tags: ['other-services'],
  access: 'officer',
  operationId: 'publishOtherService',
  summary: 'Publish or unpublish an other service (เผยแพร่ / ยกเลิกการเผยแพร่)',
  description: `Steps (src/lib/workflow.ts): ${workflowStepsText(OTHER_SERVICE_TRANSITIONS)}; no OPDC step. 403: role or agency may not; 409: already in that state.`,
  parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
  requestBody: { required: true, content: { 'application/json': { schema: workflowRequestSchema(OTHER_SERVICE_TRANSITIONS, OTHER_SERVICE_ACTIONS) } } },
  responses: { 200: { description: 'The service after the step' }, 403: { description: 'Not allowed' }, 409: { description: 'Does not fit the state' } },
}

/** POST /api/other-services/:id/workflow { action: publish | unpublish }. */
export const otherServicePublishingEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  custom: { openapi: publishingDoc },
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const raw = String(req.routeParams?.id ?? '')
    if (!/^\d+$/.test(raw)) throw new NotFound(req.t)
    const outcome = await runOtherServicePublishing({ req, id: Number(raw), action: (req.data as Doc | undefined)?.action })
    if (!outcome.ok) return refusalResponse('other-services', outcome)
    return Response.json(outcome.doc)
  },
}
