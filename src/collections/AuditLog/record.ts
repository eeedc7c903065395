import type { Payload, PayloadRequest } from 'payload'

import { clientAddress } from '../../services/rateLimit'
import type { AuditAction } from './index'

export type AuditEntry = {
  action: AuditAction
  actor?: number | string | null
  targetUser?: number | string | null
  agency?: number | string | null
  ip?: string | null
  details?: Record<string, unknown>
}

/** The client address the Express host trusted (TRUST_PROXY), never what the client wrote itself; null outside a request. */
export function clientIp(req: Pick<PayloadRequest, 'headers'> | undefined): string | null {
  if (!req?.headers?.get) return null
  const address = clientAddress(req)
  return address === 'unknown' ? null : address
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
