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
 * Service points: their token with the point. A point that moves to another agency takes its
 * token along with a new code: the old one was handed out for the other agency.
 */
export const servicePointTokensAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const agency = idOf(doc.agency)
  if (operation === 'update' && previousDoc && String(idOf(previousDoc.agency)) !== String(agency) && agency !== null) {
    const db = await dbOf(req.payload, req)
    const { codeHash, codeCipher, expiresAt } = issueRoleTokenCode(req.payload.secret)
    const moved = await db.execute(sql`
      UPDATE role_tokens SET agency_id = ${Number(agency)}, code_hash = ${codeHash}, code_cipher = ${codeCipher},
        expires_at = ${expiresAt.toISOString()}, used_by_id = NULL, used_at = NULL, issued_by_id = ${req.user?.id ?? null}, updated_at = now()
      WHERE slot = ${`service-point:${doc.id}`} RETURNING id`)
    for (const row of moved.rows)
      await recordAudit(req.payload, { action: 'token-refreshed', actor: req.user?.id ?? null, agency, details: { token: row.id, role: SERVICE_POINT_TOKEN_ROLE, servicePoint: doc.id, moved: true } }, req)
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
