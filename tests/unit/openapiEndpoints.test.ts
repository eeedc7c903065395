/** The OpenAPI description of writes and officer endpoints (src/lib/openapi.ts, src/lib/openapiEndpoints.ts). */
import { generateOpenApi, inputSchema } from '../../src/lib/openapi'
import { endpointDocs, surveyIntakeDoc, workflowRequestSchema, workflowStepsText } from '../../src/lib/openapiEndpoints'
import { MANUAL_ACTIONS, MANUAL_TRANSITIONS, OTHER_SERVICE_ACTIONS, OTHER_SERVICE_TRANSITIONS } from '../../src/lib/workflow'

describe('workflow bodies come from the workflow table', () => {
  it('lists the actions and requires a comment exactly where a step does', () => {
    const schema = workflowRequestSchema(MANUAL_TRANSITIONS, MANUAL_ACTIONS) as any
    expect(schema.properties.action.enum).toEqual([...MANUAL_ACTIONS])
    expect(schema.allOf).toEqual([{ if: { properties: { action: { enum: ['reject'] } }, required: ['action'] }, then: { required: ['comment'] } }])
    const publish = workflowRequestSchema(OTHER_SERVICE_TRANSITIONS, OTHER_SERVICE_ACTIONS) as any
    expect(publish).toEqual({ type: 'object', required: ['action'], properties: { action: { type: 'string', enum: ['publish', 'unpublish'] } } })
  })
  it('words the steps with who may take them', () => {
    const text = workflowStepsText(MANUAL_TRANSITIONS)
    expect(text).toContain('submit: draft|rejected → pending-review by manual-author|central-officer (Act-required fields complete)')
    expect(text).toContain('approve: pending-opdc → published by opdc-officer (not by the submitter)')
    expect(text).toContain('reject: pending-review → rejected by manual-reviewer (comment required)')
    expect(text).toContain('reject: pending-opdc → rejected by opdc-officer (comment required)')
  })
})

describe('the rating intake', () => {
  it('takes JSON and the form, with the score range of the rules', () => {
    const doc = surveyIntakeDoc() as any
    expect(doc.access).toBe('public')
    const json = doc.requestBody.content['application/json'].schema
    expect(json.properties.answers.items.properties.score).toEqual({ type: 'integer', minimum: 1, maximum: 5 })
    expect(json.properties.comment.maxLength).toBe(1000)
    const form = doc.requestBody.content['application/x-www-form-urlencoded'].schema
    const [pattern] = Object.keys(form.patternProperties)
    expect(new RegExp(pattern).test('score.overall')).toBe(true)
    expect(new RegExp(pattern).test('score.Overall')).toBe(false)
    expect(Object.keys(doc.responses)).toEqual(expect.arrayContaining(['200', '201', '303', '400', '413', '429', '503']))
  })
})

describe('generateOpenApi with writes and officer endpoints', () => {
  const manuals = {
    slug: 'manuals',
    fields: [
      { type: 'text', name: 'title', required: true },
      { type: 'relationship', name: 'agency', relationTo: 'agencies', required: true },
      { type: 'relationship', name: 'tags', relationTo: 'tags', hasMany: true },
      { type: 'select', name: 'workflowState', options: ['draft'], admin: { readOnly: true } },
      { type: 'join', name: 'points', collection: 'service-points' },
      { type: 'array', name: 'steps', fields: [{ type: 'relationship', name: 'unit', relationTo: ['agencies', 'service-points'] }] },
    ],
  }
  const doc = generateOpenApi({
    title: 't',
    version: '1',
    collections: [{ config: { slug: 'agencies', fields: [{ type: 'text', name: 'name' }] }, readRule: true }],
    writable: [{ config: manuals, create: true, update: true, delete: false }],
    endpoints: [
      { method: 'post', path: '/manuals/:id/workflow', summary: 'move', access: 'officer', responses: { 200: { description: 'ok' } } },
      { method: 'get', path: '/a', summary: 'a', operationId: 'same' },
      { method: 'get', path: '/b', summary: 'b', operationId: 'same' },
    ],
  }) as any

  it('writes take ids for relationships, leave out read-only fields and joins, and need an officer session', () => {
    const input = doc.components.schemas.ManualsInput
    expect(input.required).toEqual(['title', 'agency'])
    expect(input.properties.agency.$ref).toBe('#/components/schemas/Id')
    expect(input.properties.tags).toEqual({ type: 'array', items: expect.objectContaining({ $ref: '#/components/schemas/Id' }) })
    expect(input.properties.steps.items.properties.unit.required).toEqual(['relationTo', 'value'])
    expect(input.properties.workflowState).toBeUndefined()
    expect(input.properties.points).toBeUndefined()
    expect(doc.components.schemas.ManualsPatch.required).toBeUndefined()
    expect(doc.paths['/api/manuals'].post.security).toEqual([{ payloadToken: [] }, { jwt: [] }])
    expect(doc.paths['/api/manuals/{id}'].patch).toBeDefined()
    expect(doc.paths['/api/manuals/{id}'].delete).toBeUndefined()
    expect(inputSchema(manuals, new Set(), true).required).toBeUndefined()
  })

  it('marks officer endpoints with the session schemes and 401/403; keeps operation ids unique', () => {
    const move = doc.paths['/api/manuals/{id}/workflow'].post
    expect(move.security).toEqual([{ payloadToken: [] }, { jwt: [] }])
    expect(Object.keys(move.responses)).toEqual(['200', '401', '403'])
    expect(doc.paths['/api/a'].get.security).toBeUndefined()
    expect([doc.paths['/api/a'].get.operationId, doc.paths['/api/b'].get.operationId]).toEqual(['same', 'same_'])
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['payloadToken', 'jwt'])
  })

  it('gives every listed endpoint an operation id of its own', () => {
    const ids = endpointDocs().map((d) => d.operationId)
    expect(ids.every(Boolean)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
