import type { Payload, PayloadRequest } from 'payload'

import type { AuditAction } from './index'

export type AuditEntry = {
  action: AuditAction
  actor?: number | string | null
  targetUser?: number | string | null
  agency?: number | string | null
  ip?: string | null
  details?: Record<string, unknown>
}

/** The client address as Payload sees it (the REST bridge passes X-Forwarded-For). */
export function clientIp(req: Pick<PayloadRequest, 'headers'> | undefined): string | null {
  const forwarded = req?.headers?.get?.('x-forwarded-for')
  return forwarded ? forwarded.split(',')[0].trim() : null
}

/** Appends to the audit log. Inside a request, pass `req` so the entry joins its transaction. */
export async function recordAudit(payload: Payload, entry: AuditEntry, req?: PayloadRequest): Promise<void> {
  await payload.create({
    collection: 'audit-logs',
    data: { ...entry, ip: entry.ip ?? clientIp(req) } as never,
    overrideAccess: true,
    context: { systemWrite: true },
    ...(req ? { req } : {}),
  })
}
