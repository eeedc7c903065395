import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook, Payload, PayloadRequest } from 'payload'

import { idOf } from '../../access/user'
import { issueRoleTokenCode } from '../../lib/roleTokenCode'
import { AGENCY_TOKEN_ROLES, SERVICE_POINT_TOKEN_ROLE } from '../../lib/roleTokenSlots'
import { recordAudit } from '../AuditLog/record'
import { dbOf } from './db'

/**
 * The token rows that exist by themselves (src/lib/roleTokenSlots.ts): made with their agency or
 * service point in the same transaction, moved with a service point, removed with their owner.
 * Written in SQL, set-based, so the import and the seed can fill thousands of points at once;
 * the unique `slot` makes every insert idempotent.
 */

type Id = number | string

const numericIds = (ids: readonly Id[] | undefined): number[] | null =>
  ids === undefined ? null : ids.map(Number).filter((n) => Number.isInteger(n))

export type CreatedToken = { id: number; agency: number; servicePoint: number | null; role: string }

/**
 * Creates the missing token rows: for the given agencies and service points, or, with neither
 * given, for every agency and point (the seed, the import, an old development database). Rows
 * that are already there are left alone (their codes stay valid).
 */
export async function ensureRoleTokens(
  payload: Payload,
  options: { req?: Partial<PayloadRequest>; agencies?: readonly Id[]; servicePoints?: readonly Id[]; issuedBy?: Id | null } = {},
): Promise<CreatedToken[]> {
  const db = await dbOf(payload, options.req)
  const everything = options.agencies === undefined && options.servicePoints === undefined
  const agencies = everything ? null : (numericIds(options.agencies) ?? [])
  const points = everything ? null : (numericIds(options.servicePoints) ?? [])
  if (everything) {
    // Rows made before the slot existed (a development database pushed since) take theirs.
    await db.execute(sql`
      WITH computed AS (
        SELECT DISTINCT ON (s.slot) t.id, s.slot
        FROM role_tokens t
        CROSS JOIN LATERAL (SELECT CASE WHEN t.role = 'service-point-officer' THEN 'service-point:' || t.service_point_id ELSE 'agency:' || t.agency_id || ':' || t.role END AS slot) s
        WHERE t.slot IS NULL AND NOT EXISTS (SELECT 1 FROM role_tokens o WHERE o.slot = s.slot)
        ORDER BY s.slot, t.created_at DESC
      )
      UPDATE role_tokens t SET slot = c.slot FROM computed c WHERE t.id = c.id`)
    // Points the import moved to another agency around their hooks take their token along.
    await realignServicePointTokens(payload, { req: options.req, issuedBy: options.issuedBy })
  }
  const kindRoles = Object.entries(AGENCY_TOKEN_ROLES).flatMap(([kind, roles]) => roles.map((role) => ({ kind, role })))

  const agencyFilter = agencies === null ? sql`TRUE` : sql`a.id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(agencies)}::jsonb)::int))`
  const pointFilter = points === null ? sql`TRUE` : sql`sp.id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(points)}::jsonb)::int))`
  const missing = await db.execute(sql`
    WITH wanted AS (
      SELECT 'agency:' || a.id || ':' || k.role AS slot, a.id AS agency_id, NULL::int AS service_point_id, k.role
      FROM agencies a
      JOIN jsonb_to_recordset(${JSON.stringify(kindRoles)}::jsonb) AS k(kind text, role text) ON k.kind = a.kind::text
      WHERE ${agencyFilter}
      UNION ALL
      SELECT 'service-point:' || sp.id, sp.agency_id, sp.id, ${SERVICE_POINT_TOKEN_ROLE}::text
      FROM service_points sp
      WHERE sp.agency_id IS NOT NULL AND ${pointFilter}
    )
    SELECT w.* FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM role_tokens t WHERE t.slot = w.slot)
    ORDER BY w.slot`)
  if (!missing.rows.length) return []

  const now = new Date()
  const created: CreatedToken[] = []
  // One statement per thousand rows keeps the parameter small and the transaction short.
  for (let i = 0; i < missing.rows.length; i += 1000) {
    const rows = missing.rows.slice(i, i + 1000).map((row) => {
      const { codeHash, codeCipher, expiresAt } = issueRoleTokenCode(payload.secret, now)
      return { ...row, code_hash: codeHash, code_cipher: codeCipher, expires_at: expiresAt.toISOString(), issued_by_id: options.issuedBy ?? null }
    })
    const inserted = await db.execute(sql`
      INSERT INTO role_tokens (slot, role, agency_id, service_point_id, code_hash, code_cipher, expires_at, issued_by_id)
      SELECT r.slot, r.role::enum_role_tokens_role, r.agency_id, r.service_point_id, r.code_hash, r.code_cipher, r.expires_at, r.issued_by_id
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(slot text, role text, agency_id int, service_point_id int, code_hash text, code_cipher text, expires_at timestamptz, issued_by_id int)
      ON CONFLICT (slot) DO NOTHING
      RETURNING id, agency_id, service_point_id, role`)
    for (const row of inserted.rows)
      created.push({ id: Number(row.id), agency: Number(row.agency_id), servicePoint: row.service_point_id === null ? null : Number(row.service_point_id), role: String(row.role) })
  }
  return created
}

export type MovedToken = { id: number; agency: number; servicePoint: number }

/**
 * Service-point tokens whose point now belongs to another agency (a save moved it, or the import
 * wrote it around the hooks) follow the point, with a new code: the old one was handed out by
 * the other agency's central officers. The given points, or every point.
 */
export async function realignServicePointTokens(
  payload: Payload,
  options: { req?: Partial<PayloadRequest>; servicePoints?: readonly Id[]; issuedBy?: Id | null } = {},
): Promise<MovedToken[]> {
  const db = await dbOf(payload, options.req)
  const points = numericIds(options.servicePoints)
  const pointFilter = points === null ? sql`TRUE` : sql`sp.id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(points)}::jsonb)::int))`
  const stale = await db.execute(sql`
    SELECT t.id, sp.agency_id, sp.id AS service_point_id
    FROM role_tokens t JOIN service_points sp ON sp.id = t.service_point_id
    WHERE t.role = ${SERVICE_POINT_TOKEN_ROLE} AND sp.agency_id IS NOT NULL AND t.agency_id <> sp.agency_id AND ${pointFilter}`)
  if (!stale.rows.length) return []
  const now = new Date()
  const rows = stale.rows.map((row) => {
    const { codeHash, codeCipher, expiresAt } = issueRoleTokenCode(payload.secret, now)
    return { id: row.id, agency_id: row.agency_id, code_hash: codeHash, code_cipher: codeCipher, expires_at: expiresAt.toISOString(), issued_by_id: options.issuedBy ?? null }
  })
  await db.execute(sql`
    UPDATE role_tokens t SET agency_id = r.agency_id, code_hash = r.code_hash, code_cipher = r.code_cipher, expires_at = r.expires_at,
      used_by_id = NULL, used_at = NULL, issued_by_id = r.issued_by_id, updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id int, agency_id int, code_hash text, code_cipher text, expires_at timestamptz, issued_by_id int)
    WHERE t.id = r.id`)
  return stale.rows.map((row) => ({ id: Number(row.id), agency: Number(row.agency_id), servicePoint: Number(row.service_point_id) }))
}

const auditCreated = async (req: PayloadRequest, created: CreatedToken[]) => {
  if (!created.length) return
  await recordAudit(
    req.payload,
    {
      action: 'token-created',
      actor: req.user?.id ?? null,
      agency: created[0].agency,
      details: { automatic: true, tokens: created.map((t) => t.id), roles: created.map((t) => t.role), servicePoint: created[0].servicePoint },
    },
    req,
  )
}

/**
 * Agencies: their tokens with the agency. Every save checks again (one indexed query), so a kind
 * that changes, or an agency written around the hooks, gets what is missing.
 */
export const agencyTokensAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await auditCreated(req, await ensureRoleTokens(req.payload, { req, agencies: [doc.id], issuedBy: req.user?.id ?? null }))
  return doc
}

/**
 * Service points: their token with the point; a point that moves to another agency takes its
 * token along with a new code (realignServicePointTokens).
 */
export const servicePointTokensAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && previousDoc && String(idOf(previousDoc.agency)) !== String(idOf(doc.agency))) {
    const moved = await realignServicePointTokens(req.payload, { req, servicePoints: [doc.id], issuedBy: req.user?.id ?? null })
    for (const token of moved)
      await recordAudit(req.payload, { action: 'token-refreshed', actor: req.user?.id ?? null, agency: token.agency, details: { token: token.id, role: SERVICE_POINT_TOKEN_ROLE, servicePoint: doc.id, moved: true } }, req)
  }
  await auditCreated(req, await ensureRoleTokens(req.payload, { req, servicePoints: [doc.id], issuedBy: req.user?.id ?? null }))
  return doc
}

/** The tokens go with their agency (their agency column cannot be emptied: it is required). */
export const agencyTokensBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await dbOf(req.payload, req)
  await db.execute(sql`DELETE FROM role_tokens WHERE agency_id = ${Number(id)}`)
}

export const servicePointTokensBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await dbOf(req.payload, req)
  await db.execute(sql`DELETE FROM role_tokens WHERE service_point_id = ${Number(id)}`)
}
