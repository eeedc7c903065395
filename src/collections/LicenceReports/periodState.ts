import type { PayloadRequest } from 'payload'

import { periodState, type Period, type PeriodState, type UnlockRequestFacts } from '../../lib/licenceReport'
import { licenceDeadlineDay, licenceNow } from './settings'

/** The unlock requests of one unit's period (any state), read as the system: they decide the lock. */
export async function unlockRequestsOf(req: PayloadRequest, unitKey: string, period: Period) {
  const { docs } = await req.payload.find({
    collection: 'licence-unlock-requests',
    where: { and: [{ unitKey: { equals: unitKey } }, { year: { equals: period.year } }, { month: { equals: period.month } }] },
    pagination: false,
    limit: 0,
    depth: 0,
    sort: 'createdAt',
    overrideAccess: true,
    req,
  })
  return docs as unknown as Array<UnlockRequestFacts & { id: number | string }>
}

/** Where a unit's period stands now: open, locked, unlocked for its window, or closed for good. */
export async function loadPeriodState(req: PayloadRequest, unitKey: string, period: Period): Promise<PeriodState> {
  return periodState(period, licenceNow(req), await unlockRequestsOf(req, unitKey, period), licenceDeadlineDay())
}
