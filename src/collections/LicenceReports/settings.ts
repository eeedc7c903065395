import type { PayloadRequest } from 'payload'

import { deadlineDayFrom } from '../../lib/licenceReport'

/**
 * "Now" for the licence-report rules. Tests and the Local API may set `req.context.licenceNow`;
 * outside production LICENCE_REPORT_NOW (an ISO instant) moves the clock for every request, so
 * tests over REST can stand at a deadline without sleeping. Production always uses the real time.
 */
export function licenceNow(req: Pick<PayloadRequest, 'context'>): Date {
  const fromContext = req.context?.licenceNow as Date | string | undefined
  if (fromContext) return new Date(fromContext)
  const fromEnv = process.env.NODE_ENV !== 'production' ? process.env.LICENCE_REPORT_NOW : undefined
  if (fromEnv && !Number.isNaN(Date.parse(fromEnv))) return new Date(fromEnv)
  return new Date()
}

/** Day of the following month through which a report is open (LICENCE_REPORT_DEADLINE_DAY, default 10). */
export const licenceDeadlineDay = (): number => deadlineDayFrom(process.env.LICENCE_REPORT_DEADLINE_DAY)

/** Who decides unlock requests (LICENCE_UNLOCK_APPROVER): the department's central officers, or OPDC. */
export const unlockApprover = (): 'central' | 'opdc' => (process.env.LICENCE_UNLOCK_APPROVER === 'opdc' ? 'opdc' : 'central')
