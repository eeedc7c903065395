import type { AddWorkingDays } from '../../lib/delay'
import { bangkokDateOf, startOfBangkokDay, thaiWorkingCalendar } from '../../lib/workingDays'

const calendar = thaiWorkingCalendar()

/**
 * Moves a moment forward by Thai working days on the Bangkok calendar (weekends, public
 * holidays and their substitute days skipped), keeping its time of day.
 */
export const addThaiWorkingDays: AddWorkingDays = (from, days) => {
  const day = bangkokDateOf(from)
  const target = calendar.addWorkingDays(day, days)
  return new Date(from.getTime() + (startOfBangkokDay(target).getTime() - startOfBangkokDay(day).getTime()))
}
