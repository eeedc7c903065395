/**
 * OpenAPI descriptions of the custom endpoints (public ones and the officers'), built from the
 * rules that run them: the workflow table (./workflow.ts), the rating rules (./surveyRules.ts),
 * the delay states (./delay.ts). Pure; src/endpoints/openapi.ts lists each one only while its
 * route is registered (an endpoint's own `custom.openapi` wins).
 */
import { DELAY_STATES } from './delay'
import type { EndpointDoc } from './openapi'
import { COMMENT_MAX_LENGTH, FORM_SCORE_PREFIX, HONEYPOT_FIELD, QUESTION_KEY_PATTERN, SCORE_MAX, SCORE_MIN } from './surveyRules'
import type { Transition } from './workflow'

type Schema = Record<string, unknown>

const ERRORS = { $ref: '#/components/schemas/Errors' }
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } })
const answer = (description: string, schema?: Schema) => ({ description, ...(schema ? json(schema) : {}) })
const failure = (description: string) => answer(description, ERRORS)
const query = (name: string, description: string, schema: Schema = { type: 'string' }, required = false) => ({ name, in: 'query', description, required, schema })
const id = { $ref: '#/components/schemas/Id' }
const bilingualMessage = { type: 'string', description: 'Thai, then English in brackets' }
const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } }
const exportFormat = query('format', 'csv (UTF-8 with a BOM) or xlsx', { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' })
const spreadsheet = {
  description: 'The spreadsheet',
  content: {
    'text/csv': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
  },
}

/** The request body of a workflow endpoint: its actions, and a comment where a step needs one. */
export function workflowRequestSchema(transitions: ReadonlyArray<Transition>, actions: readonly string[]): Schema {
  const needComment = [...new Set(transitions.filter((t) => t.commentRequired).map((t) => t.action))]
  const hasComment = transitions.some((t) => t.commentRequired)
  return {
    type: 'object',
    required: ['action'],
    properties: {
      action: { type: 'string', enum: [...actions] },
      ...(hasComment ? { comment: { type: 'string', description: `Required for ${needComment.join(', ')}; kept in the timeline` } } : {}),
    },
    ...(needComment.length ? { allOf: [{ if: { properties: { action: { enum: needComment } }, required: ['action'] }, then: { required: ['comment'] } }] } : {}),
  }
}

/** "submit: draft|rejected → pending-review by manual-author|central-officer; …", from the table. */
export function workflowStepsText(transitions: ReadonlyArray<Transition>): string {
  const byStep = new Map<string, { from: string[]; to: string; roles: readonly string[]; notes: string[] }>()
  for (const t of transitions) {
    // One entry per action, target and roles: "reject" by the reviewer and by OPDC stay apart.
    const key = `${t.action}→${t.to}→${t.roles.join('|')}`
    const notes = [t.commentRequired && 'comment required', t.notBySubmitter && 'not by the submitter', t.requiresComplete && 'Act-required fields complete'].filter(
      Boolean,
    ) as string[]
    const entry = byStep.get(key) ?? { from: [], to: t.to, roles: t.roles, notes }
    entry.from.push(t.from)
    byStep.set(key, entry)
  }
  return [...byStep.entries()]
    .map(([key, s]) => `${key.split('→')[0]}: ${s.from.join('|')} → ${s.to} by ${s.roles.join('|')}${s.notes.length ? ` (${s.notes.join(', ')})` : ''}`)
    .join('; ')
}

/** POST /api/survey-responses: the rating, as JSON or as the rating page's plain form. */
export function surveyIntakeDoc(): EndpointDoc {
  const score = { type: 'integer', minimum: SCORE_MIN, maximum: SCORE_MAX }
  const common = {
    manual: { description: 'Optional: the published manual rated', oneOf: [id, { type: 'null' }] },
    questionSet: { description: 'Optional: defaults to the active question set', oneOf: [id, { type: 'null' }] },
    comment: { type: 'string', maxLength: COMMENT_MAX_LENGTH, description: 'Plain text; markup is kept as typed and escaped when shown' },
    submissionId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'A random id per form shown, so a resend is recognised' },
    [HONEYPOT_FIELD]: { type: 'string', maxLength: 0, description: 'Leave empty (a field people never see); a filled one marks the rating as suspect' },
  }
  const body = {
    type: 'object',
    required: ['servicePoint', 'answers'],
    properties: {
      servicePoint: { ...id, description: 'A visible, active service point' },
      ...common,
      answers: {
        type: 'array',
        minItems: 1,
        description: 'One score per question of the set, each question once',
        items: { type: 'object', required: ['question', 'score'], properties: { question: { type: 'string', pattern: QUESTION_KEY_PATTERN.source }, score } },
      },
    },
  }
  const keyPattern = QUESTION_KEY_PATTERN.source.replace(/^\^/, '')
  const form = {
    type: 'object',
    required: ['servicePoint'],
    properties: { servicePoint: { type: 'string', pattern: '^[1-9][0-9]*$' }, ...common },
    patternProperties: { [`^${FORM_SCORE_PREFIX.replace('.', '\\.')}${keyPattern}`]: { type: 'string', enum: Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i)) } },
    description: `The rating page's form: one ${FORM_SCORE_PREFIX}<question key>=<score> field per question. Answered with 303 redirects instead of JSON.`,
  }
  const fieldErrors = {
    type: 'object',
    required: ['errors'],
    properties: { errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: bilingualMessage } } } },
  }
  return {
    method: 'post',
    path: '/survey-responses',
    tags: ['survey-responses'],
    access: 'public',
    operationId: 'rateServicePoint',
    summary: 'A citizen rates a service point (ประเมินความพึงพอใจ), no login',
    description:
      'Rate-limited per client address. The same device sending the same rating again within a few minutes is acknowledged (200, duplicate) and stored once.',
    requestBody: {
      required: true,
      content: { 'application/json': { schema: body }, 'application/x-www-form-urlencoded': { schema: form } },
    },
    responses: {
      201: answer('Stored', {
        type: 'object',
        properties: {
          doc: { type: 'object', properties: { id, servicePoint: id, questionSet: id, manual: { oneOf: [id, { type: 'null' }] }, createdAt: { type: 'string', format: 'date-time' } } },
          message: bilingualMessage,
        },
      }),
      200: answer('The same rating again: acknowledged, stored once', { type: 'object', properties: { duplicate: { const: true }, message: bilingualMessage } }),
      303: { description: 'Form posts: to the thank-you page, or back to the rating page with the reason', headers: { Location: { schema: { type: 'string' } } } },
      400: answer('A field is wrong (each named by path): unknown or hidden service point, a score outside 1-5, a question left out', fieldErrors),
      413: answer('Body over 32 KB', fieldErrors),
      429: { description: 'Too many ratings from this address', headers: retryAfter, ...json(fieldErrors) },
      503: answer('No active question set yet', fieldErrors),
    },
  }
}

const rollupParameters = [
  query('agency', 'Agency id (default: the officer’s own; OPDC and system admins: any, or all when left out)'),
  query('year', 'Calendar year (CE)', { type: 'integer', minimum: 2000, maximum: 2200 }, true),
  query('quarter', 'Calendar quarter', { type: 'integer', minimum: 1, maximum: 4 }),
  query('month', 'Month (inside the quarter, when both are given)', { type: 'integer', minimum: 1, maximum: 12 }),
]

const reportFilters = [
  query('groupBy', 'Rows per agency, ministry, province or service category', { type: 'string', enum: ['agency', 'ministry', 'province', 'category'], default: 'agency' }),
  query('agency', 'Agency id (within the officer’s scope)'),
  query('coverage', 'Only agencies with or without the data', { type: 'string', enum: ['with', 'without'] }),
  query('from', 'From date (ISO)', { type: 'string', format: 'date' }),
  query('to', 'To date (ISO)', { type: 'string', format: 'date' }),
  query('lang', 'Column headers: th or en', { type: 'string', enum: ['th', 'en'] }),
]

/** The officers' endpoints and the public ones that do not describe themselves. */
export function endpointDocs(): EndpointDoc[] {
  return [
    surveyIntakeDoc(),
    {
      method: 'post',
      path: '/users/login',
      tags: ['users'],
      access: 'public',
      operationId: 'login',
      summary: 'Password login (outside production, or with LOCAL_LOGIN=true); officers otherwise log in with Digital ID at /auth/digital-id/login',
      requestBody: {
        required: true,
        ...json({ type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } } }),
      },
      responses: {
        200: answer('Logged in: the `payload-token` cookie is set and the token returned (send it as `Authorization: JWT <token>`)', {
          type: 'object',
          properties: { token: { type: 'string' }, exp: { type: 'integer' }, user: { type: 'object' } },
        }),
        401: failure('Wrong email or password'),
        403: failure('Password login is off in production'),
        429: { description: 'Too many attempts', headers: retryAfter },
      },
    },
    {
      method: 'post',
      path: '/users/redeem-token',
      tags: ['users'],
      access: 'officer',
      operationId: 'redeemRoleToken',
      summary: 'Bind the logged-in officer (no agency yet) to a role token’s agency, service point and role (ใส่รหัส Token)',
      description: 'A code works once and expires; of concurrent redemptions of one code exactly one succeeds. Case, spaces and dashes in the code do not matter.',
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          required: ['token'],
          properties: { token: { type: 'string', pattern: '^[2-9A-HJKMNP-Za-hjkmnp-z -]{16,40}$', examples: ['ABCD-EFGH-JKMN-PQRS'], description: 'The code XXXX-XXXX-XXXX-XXXX' } },
        }),
      },
      responses: {
        200: answer('Bound', {
          type: 'object',
          properties: {
            message: bilingualMessage,
            user: { type: 'object', properties: { id, email: { type: 'string' }, agency: id, servicePoint: { oneOf: [id, { type: 'null' }] }, roles: { type: 'array', items: { type: 'string' } } } },
          },
        }),
        400: failure('The token is wrong, used or expired (path token)'),
        409: failure('This account already belongs to an agency'),
        429: { description: 'Too many attempts: wait and try again', headers: retryAfter, ...json(ERRORS) },
      },
    },
    {
      method: 'post',
      path: '/role-tokens/:id/refresh',
      tags: ['role-tokens'],
      access: 'officer',
      operationId: 'refreshRoleToken',
      summary: 'Issue a new code for the same agency and role; the old one stops working (Refresh Token)',
      description: 'A central officer for the tokens of their agency, a system admin for any. No request body.',
      responses: {
        200: answer('The token with its new code', { type: 'object', properties: { doc: { type: 'object' }, message: bilingualMessage } }),
        404: failure('No such token, or not one this officer may see'),
      },
    },
    {
      method: 'post',
      path: '/users/:id/remove-from-agency',
      tags: ['users'],
      access: 'officer',
      operationId: 'removeUserFromAgency',
      summary: 'Remove a user from their agency: agency, service point and roles cleared; the Digital ID account stays',
      description: 'A central officer for the users of their agency and its sub-units. No request body.',
      responses: {
        200: answer('The user, unbound', { type: 'object', properties: { doc: { type: 'object' }, message: bilingualMessage } }),
        400: failure('An officer cannot remove themselves'),
        404: failure('No such user, or not one this officer may see'),
      },
    },
    {
      method: 'get',
      path: '/manuals/:id/workflow',
      tags: ['manuals'],
      access: 'officer',
      operationId: 'manualWorkflowOptions',
      summary: 'The workflow state of a manual and the steps this officer may take now (the admin’s buttons)',
      responses: { 200: answer('State and steps', { type: 'object' }), 404: failure('No such manual, or not one this officer may see') },
    },
    {
      method: 'get',
      path: '/licence-reports/rollup',
      tags: ['licence-reports'],
      access: 'officer',
      operationId: 'licenceRollup',
      summary: 'Submitted licence-issuance figures: totals, by month, by department, and the units and months not yet reported',
      parameters: rollupParameters,
      responses: { 200: answer('The rollup', { type: 'object' }), 400: failure('Bad year, quarter or month'), 403: failure('Not an agency this officer may see') },
    },
    {
      method: 'get',
      path: '/licence-reports/export',
      tags: ['licence-reports'],
      access: 'officer',
      operationId: 'licenceExport',
      summary: 'The rollup’s reports as a spreadsheet (with the units that have not reported)',
      parameters: [exportFormat, ...rollupParameters],
      responses: { 200: spreadsheet, 400: failure('Bad format, year, quarter or month'), 403: failure('Not an agency this officer may see') },
    },
    {
      method: 'get',
      path: '/licence-reports/due',
      tags: ['licence-reports'],
      access: 'officer',
      operationId: 'licenceDue',
      summary: 'The months and processes the officer’s unit has to report (open, unlocked, waiting for an unlock, or locked with reports missing)',
      responses: { 200: answer('The unit and its periods', { type: 'object', properties: { unit: { type: ['object', 'null'] }, periods: { type: 'array' } } }) },
    },
    {
      method: 'get',
      path: '/delay-notices/track',
      tags: ['delay-notices'],
      access: 'public',
      operationId: 'trackDelayedApplication',
      summary: 'Public status of one delayed application (s.10), without personal data',
      parameters: [query('code', 'The tracking code, e.g. ABCDE-FGHJK (case, hyphens, O/0 and I/L/1 do not matter)', { type: 'string' }, true)],
      responses: {
        200: answer('State, reason last given, last and next notice, due and expected decision dates, unit and process', { type: 'object' }),
        400: failure('No code given'),
        404: failure('No application matches (the same answer for a malformed code)'),
        429: { description: 'Too many lookups from this address', headers: retryAfter },
      },
    },
    {
      method: 'get',
      path: '/delay-notices/export',
      tags: ['delay-notices'],
      access: 'officer',
      operationId: 'delayExport',
      summary: 'Delay cases as a spreadsheet, without the applicants’ contact details (central officers: their agency; OPDC: all)',
      parameters: [
        exportFormat,
        query('state', 'open, overdue or closed', { type: 'string', enum: DELAY_STATES.map((s) => s.value) }),
        query('process', 'Process id'),
        query('servicePoint', 'Service point id'),
        query('agency', 'Agency id'),
        { name: 'where', in: 'query', style: 'deepObject', explode: true, description: 'The admin list’s own filter', schema: { type: 'object', additionalProperties: true } },
      ],
      responses: { 200: spreadsheet, 400: failure('Bad format, state or id'), 403: failure('Only central officers and OPDC export delay cases') },
    },
    {
      method: 'get',
      path: '/reports',
      tags: ['reports'],
      access: 'officer',
      operationId: 'listReports',
      summary: 'The summary reports this server offers, with their JSON and export routes',
      responses: { 200: answer('The reports', { type: 'object', properties: { reports: { type: 'array', items: { type: 'object' } } } }) },
    },
    {
      method: 'get',
      path: '/reports/:report',
      tags: ['reports'],
      access: 'officer',
      operationId: 'getReport',
      summary: 'One summary report as JSON (at most a page of rows; the export has them all)',
      parameters: reportFilters,
      responses: { 200: answer('{ report, title, columns, rows, truncated }', { type: 'object' }), 400: failure('Bad filter'), 404: failure('No such report') },
    },
    {
      method: 'get',
      path: '/reports/:report/export',
      tags: ['reports'],
      access: 'officer',
      operationId: 'exportReport',
      summary: 'One summary report as a spreadsheet',
      parameters: [exportFormat, ...reportFilters],
      responses: { 200: spreadsheet, 400: failure('Bad format or filter'), 404: failure('No such report') },
    },
    {
      method: 'get',
      path: '/reports/satisfaction/export',
      tags: ['reports'],
      access: 'officer',
      operationId: 'exportSatisfaction',
      summary: 'The satisfaction summary as a spreadsheet',
      parameters: [exportFormat, query('servicePoint', 'Service point id'), query('agency', 'Agency id'), query('manual', 'Manual id'), query('from', 'From date (ISO)'), query('to', 'To date (ISO)')],
      responses: { 200: spreadsheet, 400: failure('Bad format') },
    },
    {
      method: 'get',
      path: '/site-search',
      tags: ['search'],
      access: 'public',
      operationId: 'siteSearch',
      summary: 'Ranked search over published manuals, other services, service points and agencies',
      parameters: [
        query('q', 'Search text; Thai without spaces is matched by words', { type: 'string' }, true),
        query('type', 'manual | other-service | service-point | agency'),
        query('agency', 'Agency id'),
        query('province', 'Province (Thai name)'),
        query('tag', 'Tag id'),
        query('page', 'Page, from 1', { type: 'integer', minimum: 1 }),
        query('limit', 'Results per page', { type: 'integer', minimum: 1 }),
      ],
      responses: { 200: answer('{ docs: [{ id, type, title, agency, snippet, score }], totalDocs, page, limit }', { type: 'object' }), 400: failure('Bad query') },
    },
    {
      method: 'get',
      path: '/survey-responses/summary',
      tags: ['survey-responses'],
      access: 'public',
      operationId: 'satisfactionSummary',
      summary: 'Aggregate satisfaction scores (anyone: public points; officers: their agency’s)',
      parameters: [query('servicePoint', 'Service point id'), query('agency', 'Agency id'), query('manual', 'Manual id'), query('from', 'From date (ISO)'), query('to', 'To date (ISO)')],
      responses: { 200: answer('Scope and scores', { type: 'object' }), 400: failure('Bad filter') },
    },
    {
      method: 'get',
      path: '/service-points/:id/poster',
      tags: ['service-points'],
      access: 'public',
      operationId: 'servicePointPoster',
      summary: 'QR-code poster of a service point (the QR encodes the public rating URL)',
      parameters: [query('format', 'png | pdf', { type: 'string', enum: ['png', 'pdf'] }), query('manual', 'Optional manual id printed on the poster')],
      responses: {
        200: { description: 'PNG or PDF', content: { 'image/png': { schema: { type: 'string', format: 'binary' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
        400: failure('Bad format or manual'),
        404: failure('No such public service point'),
      },
    },
    {
      method: 'get',
      path: '/health',
      tags: ['system'],
      access: 'public',
      operationId: 'health',
      summary: 'Liveness: 200 when the database answers, 503 when not',
      responses: { 200: { description: 'Up' }, 503: { description: 'Database down' } },
    },
    {
      method: 'get',
      path: '/openapi.json',
      tags: ['system'],
      access: 'public',
      operationId: 'openApi',
      summary: 'This description (OpenAPI 3.1), generated from the collection configs',
      responses: { 200: { description: 'OpenAPI document' } },
    },
  ]
}

