import type { PayloadRequest } from 'payload'

import { bangkokDateOf, thaiWorkingCalendar, type WorkingDayCalendar } from '../../lib/workingDays'

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
  // Each row's date is a day stored as an instant: the calendar counts its Bangkok day.
  const days = docs.map((doc) => ({ date: bangkokDateOf(new Date(doc.date)), name: doc.name as string }))
  const calendar = thaiWorkingCalendar(days)
  req.context = { ...(req.context ?? {}), workingCalendar: calendar }
  return calendar
}
