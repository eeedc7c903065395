import type {
  AfterErrorHook,
  Block,
  CollectionBeforeValidateHook,
  CollectionConfig,
  Config,
  Field,
  FieldHook,
  GlobalBeforeValidateHook,
  GlobalConfig,
  PayloadRequest,
  Plugin,
} from 'payload'
import { ValidationError } from 'payload'
import { validations } from 'payload/shared'

import { isBlank } from '../lib/blank'
import {
  duplicateMessage,
  fieldAtPath,
  fieldErrorMessage,
  hasWrongShape,
  invalidFieldsSummary,
  invalidMessage,
  isBilingual,
  isValidId,
  labelWords,
  missingReferenceMessage,
  referencedIds,
  requiredMessage,
  type ShapeField,
} from '../lib/fieldShape'
import { bilingual } from '../lib/messages'

type FieldProblem = { path: string; message: string; label: string }
type AnyValidate = (value: unknown, options: any) => unknown
type AnyField = Field & ShapeField & { validate?: AnyValidate; hooks?: Record<string, unknown[] | undefined> }

/**
 * Shape problems found by the fields' beforeValidate hooks, per document being written (the
 * top-level data object every field hook and then the collection hook receive).
 */
const problemsOf = new WeakMap<object, FieldProblem[]>()

const record = (data: object, problem: FieldProblem) => {
  const list = problemsOf.get(data) ?? []
  list.push(problem)
  problemsOf.set(data, list)
}

/** A ValidationError whose top message is Thai then English too. */
export function bilingualValidationError(slug: string, problems: FieldProblem[], req?: PayloadRequest, global?: boolean): ValidationError {
  const error = new ValidationError({ ...(global ? { global: slug } : { collection: slug }), errors: problems, req } as never, req?.t)
  error.message = invalidFieldsSummary(problems)
  return error
}

/** Which of these ids have no document (one query per related collection, in the write's transaction). */
async function missingIds(req: PayloadRequest, refs: Array<{ collection: string; id: string | number }>) {
  const missing: Array<{ collection: string; id: string | number }> = []
  const byCollection = new Map<string, Array<string | number>>()
  for (const ref of refs) byCollection.set(ref.collection, [...(byCollection.get(ref.collection) ?? []), ref.id])
  for (const [collection, ids] of byCollection) {
    if (!req.payload.collections[collection as never]) continue
    const found = await req.payload.find({
      collection: collection as never,
      where: { id: { in: ids } },
      depth: 0,
      limit: 0,
      pagination: false,
      select: {} as never,
      overrideAccess: true,
      req,
    })
    const present = new Set(found.docs.map((d) => String((d as { id: unknown }).id)))
    for (const id of ids) if (!present.has(String(id))) missing.push({ collection, id })
  }
  return missing
}

/**
 * Runs before Payload's own coercions are stored and before any rule: a value of the wrong JSON
 * shape, or an id no document has, is recorded for the collection hook to refuse. Payload would
 * answer the first with a bare "ข้อมูลไม่ถูกต้อง" (or store nothing at all), and the second with a
 * foreign-key 500. Drafts run it too (their field rules are skipped). Only what the client sent is
 * looked at: stored values come from the database and are known to be good.
 */
const shapeHook =
  (field: AnyField): FieldHook =>
  async ({ data, siblingData, path, req }) => {
    const value = field.name ? (siblingData as Record<string, unknown> | undefined)?.[field.name] : undefined
    if (value === undefined || value === null || !data) return undefined
    const where = (path ?? []).join('.')
    const label = labelWords(field).th
    if (hasWrongShape(field, value)) {
      record(data, { path: where, message: invalidMessage(field), label })
      return undefined
    }
    const refs = referencedIds(field, value)
    const idType = (slug: string) =>
      ((req.payload.collections[slug as never] as { customIDType?: 'number' | 'text' } | undefined)?.customIDType ??
        (req.payload.db.defaultIDType as 'number' | 'text'))
    if (refs.some((ref) => !isValidId(ref.id, idType(ref.collection)))) {
      record(data, { path: where, message: invalidMessage(field), label })
      return undefined
    }
    if (refs.length) {
      for (const gone of await missingIds(req, refs)) record(data, { path: where, message: missingReferenceMessage(field, gone.collection, gone.id), label })
    }
    return undefined
  }

/**
 * The field's own rule (or Payload's default rule for its type), with an empty required field and
 * every one-language failure answered in Thai and English, naming what to send. Validate functions
 * run only on the server in Payload 3.90 (the admin's form state is built by a server function and
 * `validate` is stripped from the client config), so the admin shows these same messages.
 */
function bilingualValidate(field: AnyField): AnyValidate {
  const own = field.validate
  const fallback = (validations as unknown as Record<string, AnyValidate>)[field.type]
  return async (value, options) => {
    if (field.required && isBlank(value)) return requiredMessage(field)
    const result = own ? await own(value, options) : fallback ? await fallback(value, { ...field, ...options }) : true
    return typeof result === 'string' ? fieldErrorMessage(field, value, result) : result
  }
}

const hasData = (field: AnyField) => Boolean(field.name) && !['ui', 'join'].includes(field.type) && !field.virtual

function wrapField(field: Field): Field {
  const f = field as AnyField & { tabs?: Array<{ fields: Field[] }>; blocks?: Block[] }
  let out: AnyField = { ...f }
  if (f.type === 'tabs' && f.tabs) out = { ...out, tabs: f.tabs.map((tab) => ({ ...tab, fields: wrapFields(tab.fields) })) } as AnyField
  if ('fields' in f && Array.isArray(f.fields)) out = { ...out, fields: wrapFields(f.fields as Field[]) } as AnyField
  if (f.type === 'blocks' && Array.isArray(f.blocks)) out = { ...out, blocks: f.blocks.map(wrapBlock) } as AnyField
  if (!hasData(f)) return out as Field
  const hooks = (f.hooks ?? {}) as Record<string, FieldHook[] | undefined>
  return {
    ...out,
    // Groups have no rule of their own in Payload; their sub-fields do.
    ...(f.type === 'group' ? {} : { validate: bilingualValidate(f) }),
    // First: the other hooks may rely on the shape.
    hooks: { ...hooks, beforeValidate: [shapeHook(f), ...(hooks.beforeValidate ?? [])] },
  } as Field
}

export const wrapFields = (fields: Field[]): Field[] => fields.map(wrapField)
const wrapBlock = (block: Block): Block => ({ ...block, fields: wrapFields(block.fields) })

const throwCollected = (slug: string, data: unknown, req: PayloadRequest, global = false) => {
  const problems = data && typeof data === 'object' ? problemsOf.get(data) : undefined
  if (!problems?.length) return
  problemsOf.delete(data as object)
  throw bilingualValidationError(slug, problems, req, global)
}

const collectionHook: CollectionBeforeValidateHook = ({ data, collection, req }) => {
  throwCollected(collection.slug, data, req)
  return data
}
const globalHook: GlobalBeforeValidateHook = ({ data, global, req }) => {
  throwCollected(global.slug, data, req, true)
  return data
}

/** The auth email field Payload adds itself (merged with this one), with the same messages. */
const authEmailField = (collection: CollectionConfig): Field[] => {
  const auth = collection.auth
  const local = auth && (!(typeof auth === 'object' && auth.disableLocalStrategy) || (typeof auth.disableLocalStrategy === 'object' && auth.disableLocalStrategy.enableFields))
  const declared = (collection.fields as AnyField[]).some((f) => f.name === 'email')
  if (!local || declared) return []
  const email: AnyField = { name: 'email', type: 'email', required: true, label: { th: 'อีเมล', en: 'Email' }, validate: validations.email as AnyValidate } as AnyField
  return [wrapField(email)]
}

/**
 * The last word on a REST error body: a field message Payload wrote in one language (a field
 * Payload adds itself, such as `_status`) becomes the bilingual one of the field at that path,
 * and the top message lists the fields in Thai and English.
 */
export const bilingualErrorBody: AfterErrorHook = ({ collection, req, result }) => {
  if (!result || !Array.isArray(result.errors)) return
  const fields = (collection?.fields ?? []) as unknown as ShapeField[]
  const required = req?.t ? req.t('validation:required') : undefined
  // The database's unique-violation answer (@payloadcms/drizzle handleUpsertError), in either language.
  const duplicate = new Set(['Value must be unique', ...(req?.t ? [req.t('error:valueMustBeUnique')] : [])])
  let changed = false
  const errors = result.errors.map((entry) => {
    const e = entry as { name?: string; message?: string; data?: { errors?: Array<{ path: string; message: string; label?: unknown }> } }
    if (e.name !== 'ValidationError' || !Array.isArray(e.data?.errors)) return entry
    const fieldErrors = e.data.errors.map((fe) => {
      if (isBilingual(fe.message)) return fe
      changed = true
      const field = fieldAtPath(fields, String(fe.path ?? ''))
      if (!field) return { ...fe, message: bilingual('ข้อมูลไม่ถูกต้อง', 'Invalid value') }
      if (duplicate.has(String(fe.message))) return { ...fe, message: duplicateMessage(field) }
      return { ...fe, message: fe.message === required ? requiredMessage(field) : invalidMessage(field) }
    })
    const message = isBilingual(e.message)
      ? e.message
      : invalidFieldsSummary(fieldErrors.map((fe) => ({ path: String(fe.path), label: typeof fe.label === 'string' ? fe.label : undefined })))
    if (message !== e.message) changed = true
    return { ...entry, message, data: { ...e.data, errors: fieldErrors } }
  })
  return changed ? { response: { ...result, errors } } : undefined
}

/**
 * Every validation message in Thai then English, naming the expected shape (docs/public-api.md,
 * Errors), once for all collections and globals: each data field's rule is wrapped, each field
 * gets the shape check, each collection and global refuses the recorded shape problems, and REST
 * error bodies get a bilingual top message. Place after the plugins that add collections or fields.
 */
export const fieldErrorsPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    blocks: config.blocks?.map(wrapBlock),
    collections: (config.collections ?? []).map(
      (collection): CollectionConfig => ({
        ...collection,
        fields: [...wrapFields(collection.fields), ...authEmailField(collection)],
        hooks: { ...collection.hooks, beforeValidate: [collectionHook, ...(collection.hooks?.beforeValidate ?? [])] },
      }),
    ),
    globals: config.globals?.map(
      (global): GlobalConfig => ({
        ...global,
        fields: wrapFields(global.fields),
        hooks: { ...global.hooks, beforeValidate: [globalHook, ...(global.hooks?.beforeValidate ?? [])] },
      }),
    ),
    hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), bilingualErrorBody] },
  })
