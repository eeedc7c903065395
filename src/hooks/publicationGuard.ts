import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type PayloadRequest, type RequestContext } from 'payload'

import { bilingual } from '../lib/messages'
import { transactionSession } from '../services/transactionSql'

/** Set on `req.context` only by a workflow service after it has authorised the step. */
export const WORKFLOW_WRITE = 'workflowWrite'

/** Seeds, imports and jobs (`systemWrite`) and the workflow services may publish; nobody else. */
export const isTrustedWrite = (context: RequestContext | undefined): boolean =>
  context?.systemWrite === true || context?.[WORKFLOW_WRITE] === true

/**
 * Locks a document's row until the surrounding transaction ends, so two writers of one
 * document (two approvers, or an approver and an author saving) run one after the other.
 * Returns false when `req` has no transaction (nothing to lock in).
 */
export async function lockDocumentRow(req: PayloadRequest, table: string, id: number | string): Promise<boolean> {
  const session = await transactionSession(req)
  if (!session) return false
  await session.execute(sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ${id} FOR UPDATE`)
  return true
}

type GuardOptions = {
  /** The collection's main table, for the row lock. */
  table: string
  /** Fields only a workflow step may set, with the value a new document starts with. */
  protectedFields: Record<string, unknown>
  /** The field holding the workflow state, and the states in which officers may edit. */
  state?: { field: string; editable: readonly string[]; lockedMessage: (state: string) => string }
  /** The route that publishes, named in the refusal. */
  workflowRoute: string
}

const same = (a: unknown, b: unknown): boolean => {
  const norm = (v: unknown) => {
    if (v === null || v === undefined || v === '') return ''
    if (v instanceof Date) return String(v.getTime())
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return String(new Date(v).getTime())
    if (typeof v === 'object' && v !== null && 'id' in v) return String((v as { id: unknown }).id)
    return String(v)
  }
  return norm(a) === norm(b)
}

/**
 * A refused write. Named like Payload's own Forbidden / Locked errors so that an expected refusal
 * is logged at info level, not as a server error.
 */
const refused = (message: string, status = 403, path?: string) => {
  const error = new APIError(message, status, path ? { errors: [{ path, message }] } : undefined, true)
  error.name = status === 403 ? 'Forbidden' : 'Locked'
  return error
}

/**
 * No way around the workflow: every write that is not a trusted one (REST, GraphQL, the admin,
 * the Local API with or without overrideAccess) is saved as a draft version, may not publish,
 * may not change the protected fields, and may edit only in an editable state.
 *
 * - `beforeOperation` turns every untrusted update and version restore into a draft save, so
 *   the published document (the main table, what citizens read) is never written by one.
 * - `beforeChange` refuses `_status: published`, a change of a protected field, or an edit in a
 *   locked state, after locking the row and reading the state again (an approval committed a
 *   moment earlier wins over a stale form).
 */
export function publicationGuard(options: GuardOptions): {
  beforeOperation: CollectionBeforeOperationHook
  beforeChange: CollectionBeforeChangeHook
} {
  const publishRefusal = () =>
    refused(
      bilingual(`เผยแพร่ได้ผ่านขั้นตอนอนุมัติเท่านั้น (${options.workflowRoute})`, `Publishing happens only through the workflow (${options.workflowRoute})`),
      403,
      '_status',
    )

  const beforeOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
    if (isTrustedWrite(req.context)) return args
    if (operation === 'restoreVersion' && !(args as { draft?: boolean }).draft) {
      // Payload reads `draft` for a restore before this hook runs, so it cannot be forced here.
      throw refused(
        bilingual('กู้คืนฉบับเก่าได้เป็นฉบับร่างเท่านั้น (?draft=true)', 'An old version can only be restored as a draft (?draft=true)'),
        403,
      )
    }
    if (operation === 'update' || operation === 'restoreVersion') return { ...args, draft: true }
    if (operation === 'create' && (args as { duplicateFromID?: unknown }).duplicateFromID !== undefined) {
      // A duplicate starts over as a new draft, whatever the original's state.
      req.context = { ...req.context, duplicatingDocument: true }
    }
    return args
  }

  const beforeChange: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, operation, req }) => {
    if (isTrustedWrite(req.context) || !data) return data
    const restoring = req.context?.isRestoringVersion === true
    const duplicating = operation === 'create' && req.context?.duplicatingDocument === true

    if (operation === 'create') {
      if (duplicating) data._status = 'draft'
      if (data._status === 'published') throw publishRefusal()
      for (const [field, initial] of Object.entries(options.protectedFields)) {
        if (!duplicating && field in data && !same(data[field], initial)) {
          throw refused(
            bilingual(`ไม่สามารถกำหนด ${field} เองได้ ระบบกำหนดตามขั้นตอนอนุมัติ`, `"${field}" is set by the workflow, not by the client`),
            403,
            field,
          )
        }
        data[field] = initial
      }
      return data
    }

    // update (including a restored version, which restores content only)
    if (restoring) data._status = 'draft'
    if (data._status === 'published') throw publishRefusal()
    for (const field of Object.keys(options.protectedFields)) {
      if (!restoring && field in data && !same(data[field], originalDoc?.[field])) {
        throw refused(
          bilingual(`เปลี่ยน ${field} ได้ผ่านขั้นตอนอนุมัติเท่านั้น (${options.workflowRoute})`, `"${field}" changes only through the workflow (${options.workflowRoute})`),
          403,
          field,
        )
      }
      if (originalDoc && field in originalDoc) data[field] = originalDoc[field]
    }
    if (options.state && originalDoc?.id !== undefined) {
      await lockDocumentRow(req, options.table, originalDoc.id)
      const { docs } = await req.payload.db.findVersions({
        collection: collection.slug,
        where: { and: [{ parent: { equals: originalDoc.id } }, { latest: { equals: true } }] },
        limit: 1,
        sort: '-updatedAt',
        pagination: false,
        req,
      })
      const read = (docs[0]?.version as Record<string, unknown> | undefined)?.[options.state.field] ?? originalDoc[options.state.field]
      const current = String(read ?? '')
      if (current !== String(originalDoc[options.state.field] ?? '')) {
        throw refused(
          bilingual('เอกสารถูกเปลี่ยนสถานะระหว่างที่ท่านแก้ไข กรุณาโหลดใหม่', 'The document changed state while you were editing; reload it'),
          409,
        )
      }
      if (!options.state.editable.includes(current)) throw refused(options.state.lockedMessage(current), 409)
    }
    return data
  }

  return { beforeOperation, beforeChange }
}
