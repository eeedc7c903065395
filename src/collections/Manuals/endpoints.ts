import { addDataAndFileToRequest, type Endpoint, NotFound } from 'payload'

import type { EndpointDoc } from '../../lib/openapi'
import { workflowRequestSchema, workflowStepsText } from '../../lib/openapiEndpoints'
import { MANUAL_ACTIONS, MANUAL_TRANSITIONS } from '../../lib/workflow'
import { manualWorkflowOptions, runManualWorkflow, type WorkflowRefusal } from './workflow'

/**
 * A refusal as Payload's error body, `{ errors: [{ name, message, data }] }`; 400s carry the field
 * paths (`data.errors[].path`) like Payload's ValidationError. Answered, not thrown: a refused
 * step is an expected outcome, not a server error worth logging.
 */
export function refusalResponse(collection: string, refusal: WorkflowRefusal): Response {
  const fieldErrors = refusal.missing?.length
    ? refusal.missing.map((m) => ({ path: m.path, message: m.message }))
    : refusal.path
      ? [{ path: refusal.path, message: refusal.message }]
      : null
  const error = fieldErrors
    ? { name: 'ValidationError', message: refusal.message, data: { collection, errors: fieldErrors } }
    : { name: 'WorkflowRefused', message: refusal.message, data: { code: refusal.code } }
  return Response.json({ errors: [error] }, { status: refusal.status })
}

export const workflowDoc: EndpointDoc = {
  method: 'post',
  path: '/manuals/{id}/workflow',
  tags: ['manuals'],
  access: 'officer',
  operationId: 'moveManualWorkflow',
  summary: 'Move a manual revision one workflow step (ส่งตรวจสอบ / อนุมัติ / ส่งกลับแก้ไข / เพิ่ม Revision)',
  description: `Steps (src/lib/workflow.ts): ${workflowStepsText(MANUAL_TRANSITIONS)}. 403: role or agency may not; 409: the action does not fit the state.`,
  parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
  requestBody: { required: true, content: { 'application/json': { schema: workflowRequestSchema(MANUAL_TRANSITIONS, MANUAL_ACTIONS) } } },
  responses: {
    200: { description: 'The manual after the step (the revision in progress, or the published one)' },
    400: { description: 'Unknown action, missing comment, or incomplete Act-required fields (each named by path)' },
    403: { description: 'The role or agency may not take this step' },
    409: { description: 'The action does not fit the current state' },
  },
}

/** POST /api/manuals/:id/workflow { action, comment? } (../shared/API.md). */
export const manualWorkflowEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  custom: { openapi: workflowDoc },
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const body = (req.data ?? {}) as { action?: unknown; comment?: unknown }
    const raw = String(req.routeParams?.id ?? '')
    if (!/^\d+$/.test(raw)) throw new NotFound(req.t)
    const id = Number(raw)
    const outcome = await runManualWorkflow({ req, id, action: body.action, comment: body.comment })
    if (!outcome.ok) return refusalResponse('manuals', outcome)
    return Response.json(outcome.doc)
  },
}

/** GET /api/manuals/:id/workflow: the state and the steps this officer may take now (the admin's buttons). */
export const manualWorkflowOptionsEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    const raw = String(req.routeParams?.id ?? '')
    if (!/^\d+$/.test(raw)) throw new NotFound(req.t)
    const options = await manualWorkflowOptions(req, Number(raw))
    if (!options) throw new NotFound(req.t)
    return Response.json(options)
  },
}

export const manualEndpoints: Endpoint[] = [manualWorkflowEndpoint, manualWorkflowOptionsEndpoint]
