import type { PayloadRequest } from 'payload'

import { seesEverything } from '../../access/predicates'
import { agencyScopeIds } from '../../access/scope'

/**
 * The agencies a report view's filter offers: every agency for OPDC and system admins (`all`),
 * otherwise the officer's agency and its sub-units (`scopeIds`, all of them; the choices stop at
 * 1,000). The report itself checks the scope again.
 */
export async function agenciesToReportOn(
  req: PayloadRequest,
): Promise<{ all: boolean; scopeIds: Array<number | string> | null; agencies: Array<{ id: number | string; name?: unknown }> }> {
  const all = seesEverything(req)
  const scopeIds = all ? null : req.user ? await agencyScopeIds(req) : []
  const { docs } = await req.payload.find({
    collection: 'agencies',
    where: scopeIds ? { id: { in: scopeIds } } : {},
    sort: 'name',
    limit: 1000,
    depth: 0,
    select: { name: true },
    overrideAccess: true,
  })
  return { all, scopeIds, agencies: docs }
}
