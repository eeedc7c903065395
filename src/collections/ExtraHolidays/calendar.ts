import type { PayloadRequest } from 'payload'

import { thaiWorkingCalendar, type WorkingDayCalendar } from '../../lib/workingDays'

/**
 * The Thai working-day calendar with the extra holidays system admins entered. Loaded once per
 * request (the list is short: a few days a year).
 */
export async function loadWorkingCalendar(req: PayloadRequest): Promise<WorkingDayCalendar> {
  const cached = req.context?.workingCalendar as WorkingDayCalendar | undefined
  if (cached) return cached
  const { docs } = await req.payload.find({
    collection: 'extra-holidays',
    pagination: false,
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const calendar = thaiWorkingCalendar(docs.map((doc) => ({ date: String(doc.date), name: doc.name as string })))
  req.context = { ...(req.context ?? {}), workingCalendar: calendar }
  return calendar
}
