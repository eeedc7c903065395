/**
 * Builds the OpenAPI 3.1 description of the public read API from collection configs: each
 * collection's fields become a schema, its list and by-id routes get Payload's query
 * parameters. Pure: the endpoint (src/endpoints/openapi.ts) passes in the live config and which
 * collections an anonymous reader may read.
 */

/** The parts of a Payload field this generator reads (structural, so no Payload import). */
export type FieldLike = {
  type: string
  name?: string
  label?: unknown
  required?: boolean
  hasMany?: boolean
  hidden?: boolean
  virtual?: unknown
  options?: Array<string | { value: string; label?: unknown }>
  relationTo?: string | string[]
  collection?: string | string[]
  fields?: FieldLike[]
  tabs?: Array<{ name?: string; label?: unknown; fields: FieldLike[] }>
  min?: number
  max?: number
  minRows?: number
  maxRows?: number
  admin?: { description?: unknown; readOnly?: boolean }
}

export type CollectionLike = {
  slug: string
  labels?: { singular?: unknown; plural?: unknown }
  fields: FieldLike[]
  upload?: unknown
  timestamps?: boolean
}

export type PublicCollection = {
  config: CollectionLike
  /** true: anonymous readers see every document; an object: the `where` they are limited to. */
  readRule: true | Record<string, unknown>
}

/** Which collection writes officers may make (create, update by id, delete by id). */
export type WritableCollection = {
  config: CollectionLike
  create: boolean
  update: boolean
  delete: boolean
}

export type EndpointDoc = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** `officer`: needs an officer session (the `payload-token` cookie or `Authorization: JWT …`). */
  access?: 'public' | 'officer'
  operationId?: string
  /** Payload's endpoint path under /api, e.g. `/service-points/nearby` or `/service-points/:id/poster`. */
  path: string
  summary: string
  description?: string
  tags?: string[]
  parameters?: Array<Record<string, unknown>>
  requestBody?: Record<string, unknown>
  responses?: Record<string, unknown>
}

type Schema = Record<string, unknown>

/** Thai first, English in brackets: the same convention as the admin labels. */
export function labelText(label: unknown): string | undefined {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') {
    const { th, en } = label as { th?: string; en?: string }
    if (th && en) return th === en ? th : `${th} (${en})`
    return th ?? en
  }
  return undefined
}

export const schemaName = (slug: string): string =>
  slug
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')

const ref = (slug: string) => ({ $ref: `#/components/schemas/${schemaName(slug)}` })

/** A related document: its id at depth 0, the populated document deeper. */
function relationSchema(relationTo: string | string[], known: Set<string>): Schema {
  const one = (slug: string): Schema => ({
    oneOf: [{ $ref: '#/components/schemas/Id' }, known.has(slug) ? ref(slug) : { type: 'object' }],
  })
  if (Array.isArray(relationTo)) {
    return {
      type: 'object',
      properties: { relationTo: { type: 'string', enum: relationTo }, value: { oneOf: relationTo.map(one) } },
    }
  }
  return one(relationTo)
}

const withMeta = (schema: Schema, field: FieldLike): Schema => {
  const description = [labelText(field.label), labelText(field.admin?.description)].filter(Boolean).join(' — ')
  return description ? { ...schema, description } : schema
}

const many = (schema: Schema, field: FieldLike): Schema =>
  field.hasMany ? { type: 'array', items: schema, ...(field.maxRows ? { maxItems: field.maxRows } : {}) } : schema

/** `read`: what a document holds (relations as id or document); `write`: what a client sends (ids only). */
type Mode = 'read' | 'write'

/** What a write sends for a relationship: an id, or `{ relationTo, value }` for several collections. */
function relationInput(relationTo: string | string[]): Schema {
  if (!Array.isArray(relationTo)) return { $ref: '#/components/schemas/Id', description: `The id of a ${relationTo} document` }
  return { type: 'object', required: ['relationTo', 'value'], properties: { relationTo: { type: 'string', enum: relationTo }, value: { $ref: '#/components/schemas/Id' } } }
}

/** Schema of one data field; null for fields with no data of their own. */
function fieldSchema(field: FieldLike, known: Set<string>, mode: Mode = 'read'): Schema | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code':
      return many({ type: 'string' }, field)
    case 'email':
      return { type: 'string', format: 'email' }
    case 'number': {
      const base: Schema = { type: 'number' }
      if (typeof field.min === 'number') base.minimum = field.min
      if (typeof field.max === 'number') base.maximum = field.max
      return many(base, field)
    }
    case 'checkbox':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'select':
    case 'radio':
      return many({ type: 'string', enum: (field.options ?? []).map((o) => (typeof o === 'string' ? o : o.value)) }, field)
    case 'relationship':
    case 'upload': {
      const one = mode === 'write' ? relationInput(field.relationTo ?? []) : relationSchema(field.relationTo ?? [], known)
      return field.hasMany ? { type: 'array', items: one, ...(field.maxRows ? { maxItems: field.maxRows } : {}) } : one
    }
    case 'richText':
      return { type: 'object', description: 'Lexical editor state (root → children)' }
    case 'json':
      return {}
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }
    case 'array':
      return {
        type: 'array',
        items: objectSchema([{ type: 'text', name: 'id' }, ...(field.fields ?? [])], known, mode),
        ...(field.minRows ? { minItems: field.minRows } : {}),
      }
    case 'group':
      return objectSchema(field.fields ?? [], known, mode)
    case 'blocks':
      return { type: 'array', items: { type: 'object', properties: { blockType: { type: 'string' } } } }
    case 'join':
      if (mode === 'write') return null
      return {
        type: 'object',
        description: 'Documents that point here (a join); anonymous readers see only the ones they may read.',
        properties: {
          docs: { type: 'array', items: relationSchema(field.collection ?? [], known) },
          hasNextPage: { type: 'boolean' },
          totalDocs: { type: 'integer' },
        },
      }
    default:
      return null
  }
}

/** Fields without a name of their own (rows, collapsibles, unnamed tabs and groups) lend their fields to the parent. */
function dataFields(fields: FieldLike[]): FieldLike[] {
  const out: FieldLike[] = []
  for (const field of fields) {
    if (field.hidden) continue
    if (field.type === 'tabs') {
      for (const tab of field.tabs ?? []) {
        if (tab.name) out.push({ type: 'group', name: tab.name, label: tab.label, fields: tab.fields })
        else out.push(...dataFields(tab.fields))
      }
    } else if (!field.name && field.fields) out.push(...dataFields(field.fields))
    else if (field.name && field.type !== 'ui') out.push(field)
  }
  return out
}

function objectSchema(fields: FieldLike[], known: Set<string>, mode: Mode = 'read'): Schema {
  const properties: Record<string, Schema> = {}
  const required: string[] = []
  for (const field of dataFields(fields)) {
    // Read-only in the admin: set by the system (workflow state, derived agency, counters), not sent.
    if (mode === 'write' && (field.admin?.readOnly || field.virtual)) continue
    const schema = fieldSchema(field, known, mode)
    if (!schema || !field.name) continue
    properties[field.name] = withMeta(schema, field)
    if (field.required) required.push(field.name)
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) }
}

/** Dot paths that `where` and `sort` accept: every stored scalar, relationship or array sub-field. */
export function filterablePaths(fields: FieldLike[], prefix = ''): string[] {
  const paths: string[] = []
  for (const field of dataFields(fields)) {
    const path = `${prefix}${field.name}`
    if (field.type === 'array' || field.type === 'group') paths.push(...filterablePaths(field.fields ?? [], `${path}.`))
    else if (!['richText', 'join', 'blocks', 'json', 'ui'].includes(field.type) && !field.virtual) paths.push(path)
  }
  return paths
}

/** The body of a create (`required` kept) or of a partial update (`required` dropped). */
export function inputSchema(config: CollectionLike, known: Set<string>, partial = false): Schema {
  const { required, ...schema } = objectSchema(config.fields, known, 'write') as Schema & { required?: string[] }
  const description = labelText(config.labels?.singular)
  return {
    ...schema,
    ...(partial || !required ? {} : { required }),
    ...(description ? { description: partial ? `${description}: any of these fields` : description } : {}),
  }
}

export function collectionSchema(config: CollectionLike, known: Set<string>): Schema {
  const fields: FieldLike[] = [{ type: 'number', name: 'id', required: true }, ...config.fields]
  if (config.timestamps !== false)
    fields.push({ type: 'date', name: 'createdAt' }, { type: 'date', name: 'updatedAt' })
  const schema = objectSchema(fields, known)
  const description = labelText(config.labels?.singular)
  return description ? { ...schema, description } : schema
}

const OPERATORS = [
  'equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal',
  'less_than', 'less_than_equal', 'like', 'contains',
]

const queryParameters = (paths: string[], hasJoins: boolean) => {
  const params: Array<Record<string, unknown>> = [
    {
      name: 'where',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description:
        `Filter: where[<field>][<operator>]=<value>, combined with where[and][0]... / where[or][0]... ` +
        `Operators: ${OPERATORS.join(', ')}. Fields: ${paths.join(', ')}.`,
      schema: { type: 'object', additionalProperties: true },
      'x-filterable-fields': paths,
      'x-operators': OPERATORS,
    },
    { name: 'limit', in: 'query', description: 'Documents per page (0 = all).', schema: { type: 'integer', minimum: 0, default: 10 } },
    { name: 'page', in: 'query', description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
    {
      name: 'sort',
      in: 'query',
      description: 'A field to sort by; a leading "-" sorts descending. Several: comma-separated.',
      schema: { type: 'string', examples: ['-updatedAt'] },
    },
    ...commonReadParameters(hasJoins),
  ]
  return params
}

const commonReadParameters = (hasJoins: boolean): Array<Record<string, unknown>> => [
  {
    name: 'depth',
    in: 'query',
    description: 'How deep relationships are populated (0 = ids only). Populated documents are lean (the related collection\'s defaultPopulate).',
    schema: { type: 'integer', minimum: 0, maximum: 10, default: 2 },
  },
  {
    name: 'select',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: 'Fields to return: select[<field>]=true (only those) or select[<field>]=false (all but those).',
    schema: { type: 'object', additionalProperties: true },
  },
  {
    name: 'populate',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: 'Fields of related documents to return: populate[<collection>][<field>]=true.',
    schema: { type: 'object', additionalProperties: true },
  },
  ...(hasJoins
    ? [
        {
          name: 'joins',
          in: 'query',
          style: 'deepObject',
          explode: true,
          description: 'Per join field: joins[<field>][limit|page|sort|where]=...; joins=false leaves them out.',
          schema: { type: 'object', additionalProperties: true },
        },
      ]
    : []),
]

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
})

/** `/service-points/:id/poster` → `/api/service-points/{id}/poster`, with its path parameters. */
export function openApiPath(path: string): { path: string; parameters: Array<Record<string, unknown>> } {
  const parameters: Array<Record<string, unknown>> = []
  const converted = path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } })
    return `{${name}}`
  })
  return { path: `/api${converted.startsWith('/') ? '' : '/'}${converted}`, parameters }
}

export function generateOpenApi(input: {
  title: string
  version: string
  description?: string
  serverUrl?: string
  collections: PublicCollection[]
  endpoints: EndpointDoc[]
  /** Collections officers write over REST (their create/update/delete routes and bodies). */
  writable?: WritableCollection[]
}): Record<string, unknown> {
  const known = new Set(input.collections.map((c) => c.config.slug))
  const schemas: Record<string, Schema> = {
    Id: { oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'Document id' },
    Errors: {
      type: 'object',
      required: ['errors'],
      properties: {
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['message'],
            properties: {
              name: { type: 'string', examples: ['ValidationError'] },
              message: { type: 'string', description: 'Thai, then English in brackets' },
              data: {
                type: 'object',
                properties: {
                  collection: { type: 'string' },
                  errors: {
                    type: 'array',
                    description: 'One entry per field: its dot path (e.g. steps.0.durationUnit) and what it must be, in Thai then English',
                    items: {
                      type: 'object',
                      required: ['path', 'message'],
                      properties: { path: { type: 'string' }, message: { type: 'string' }, label: { type: 'string', description: 'The field label (Thai)' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  }
  const paths: Record<string, Record<string, unknown>> = {}
  const tags: Array<{ name: string; description?: string }> = []

  for (const { config, readRule } of input.collections) {
    const name = schemaName(config.slug)
    const fields = [...config.fields]
    schemas[name] = collectionSchema(config, known)
    schemas[`${name}List`] = {
      type: 'object',
      properties: {
        docs: { type: 'array', items: ref(config.slug) },
        totalDocs: { type: 'integer' },
        limit: { type: 'integer' },
        totalPages: { type: 'integer' },
        page: { type: 'integer' },
        pagingCounter: { type: 'integer' },
        hasPrevPage: { type: 'boolean' },
        hasNextPage: { type: 'boolean' },
        prevPage: { type: ['integer', 'null'] },
        nextPage: { type: ['integer', 'null'] },
      },
    }
    const rule =
      readRule === true
        ? 'Anonymous readers see every document.'
        : `Anonymous readers see only the documents matching ${JSON.stringify(readRule)}; the others answer 404 by id and are left out of lists and relationships.`
    tags.push({ name: config.slug, description: [labelText(config.labels?.plural), rule].filter(Boolean).join('. ') })
    const hasJoins = dataFields(fields).some((f) => f.type === 'join')
    const extension = readRule === true ? {} : { 'x-public-filter': readRule }
    paths[`/api/${config.slug}`] = {
      get: {
        tags: [config.slug],
        operationId: `list${name}`,
        summary: `List ${config.slug}`,
        description: rule,
        parameters: queryParameters(filterablePaths(fields), hasJoins),
        responses: {
          200: { description: 'A page of documents', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}List` } } } },
          400: errorResponse('A filter names an unknown field or operator'),
        },
        ...extension,
      },
    }
    paths[`/api/${config.slug}/{id}`] = {
      get: {
        tags: [config.slug],
        operationId: `get${name}`,
        summary: `One document of ${config.slug}`,
        description: rule,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } }, ...commonReadParameters(hasJoins)],
        responses: {
          200: { description: 'The document', content: { 'application/json': { schema: ref(config.slug) } } },
          404: errorResponse('No such document, or not public'),
        },
        ...extension,
      },
    }
  }

  const officerOnly = [{ payloadToken: [] }, { jwt: [] }]
  const officerAnswers = {
    401: errorResponse('Not logged in (no officer session)'),
    403: errorResponse('This role or agency may not'),
  }

  for (const { config, create, update, delete: remove } of input.writable ?? []) {
    const name = schemaName(config.slug)
    schemas[`${name}Input`] = inputSchema(config, known)
    schemas[`${name}Patch`] = inputSchema(config, known, true)
    if (!tags.some((t) => t.name === config.slug)) tags.push({ name: config.slug, description: labelText(config.labels?.plural) })
    const written = { description: 'The document written', content: { 'application/json': { schema: { type: 'object', properties: { doc: { type: 'object' }, message: { type: 'string' } } } } } }
    const invalid = errorResponse('Field errors: each with its path and, in Thai then English, what the field must be')
    const byId = `/api/${config.slug}/{id}`
    const idParameter = { name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } }
    if (create) {
      paths[`/api/${config.slug}`] = {
        ...(paths[`/api/${config.slug}`] ?? {}),
        post: {
          tags: [config.slug],
          operationId: `create${name}`,
          summary: `Create a ${config.slug} document (officers)`,
          security: officerOnly,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Input` } } } },
          responses: { 201: written, 400: invalid, ...officerAnswers },
        },
      }
    }
    if (update || remove) {
      paths[byId] = {
        ...(paths[byId] ?? {}),
        ...(update
          ? {
              patch: {
                tags: [config.slug],
                operationId: `update${name}`,
                summary: `Change fields of a ${config.slug} document (officers)`,
                security: officerOnly,
                parameters: [idParameter],
                requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Patch` } } } },
                responses: { 200: written, 400: invalid, ...officerAnswers, 404: errorResponse('No such document, or not one this officer may see') },
              },
            }
          : {}),
        ...(remove
          ? {
              delete: {
                tags: [config.slug],
                operationId: `delete${name}`,
                summary: `Delete a ${config.slug} document (officers)`,
                security: officerOnly,
                parameters: [idParameter],
                responses: { 200: written, ...officerAnswers, 404: errorResponse('No such document, or not one this officer may see') },
              },
            }
          : {}),
      }
    }
  }

  const operationIds = new Set<string>(
    Object.values(paths).flatMap((item) => Object.values(item).map((op) => String((op as { operationId?: string }).operationId ?? ''))),
  )
  for (const endpoint of input.endpoints) {
    const { path, parameters } = openApiPath(endpoint.path)
    const officer = endpoint.access === 'officer'
    // Unique per document, as OpenAPI requires: a duplicate (or none) gets one from the route.
    let operationId = endpoint.operationId ?? `${endpoint.method}${schemaName(path.replace(/^\/api/, '').replace(/[{}]/g, ''))}`
    while (operationIds.has(operationId)) operationId += '_'
    operationIds.add(operationId)
    const responses = endpoint.responses ?? { 200: { description: 'OK' }, 400: errorResponse('Bad input') }
    paths[path] = {
      ...(paths[path] ?? {}),
      [endpoint.method]: {
        tags: endpoint.tags ?? ['endpoints'],
        operationId,
        summary: endpoint.summary,
        ...(endpoint.description ? { description: endpoint.description } : {}),
        ...(officer ? { security: officerOnly } : {}),
        parameters: [...parameters, ...(endpoint.parameters ?? [])],
        ...(endpoint.requestBody ? { requestBody: endpoint.requestBody } : {}),
        responses: officer ? { ...officerAnswers, ...responses } : responses,
      },
    }
  }

  return {
    openapi: '3.1.0',
    info: { title: input.title, version: input.version, ...(input.description ? { description: input.description } : {}) },
    ...(input.serverUrl ? { servers: [{ url: input.serverUrl }] } : {}),
    tags,
    paths,
    components: {
      schemas,
      securitySchemes: {
        payloadToken: {
          type: 'apiKey',
          in: 'cookie',
          name: 'payload-token',
          description: 'The officer session cookie, set by the Digital ID login (/auth/digital-id/callback) or POST /api/users/login',
        },
        jwt: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Authorization: JWT <token>, the token POST /api/users/login answers',
        },
      },
    },
  }
}
