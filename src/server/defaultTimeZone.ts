/**
 * Imported first by server.ts and the scripts, for its effect: the process runs in Bangkok time
 * unless `TZ` says otherwise. The dates Payload renders on the server (the version view's
 * breadcrumb, logs) use the process time zone; officers read Bangkok time. Node applies a `TZ`
 * set at run time to every Date and Intl formatter made afterwards. Storage stays UTC.
 */
import { BANGKOK_TZ } from '../lib/thaiDate'

if (!process.env.TZ) process.env.TZ = BANGKOK_TZ

/** The process's time zone as ICU and Date see it: "Asia/Bangkok (UTC+07:00)", for the start-up log. */
export function processTimeZone(now = new Date()): string {
  const minutes = -now.getTimezoneOffset()
  const abs = Math.abs(minutes)
  const offset = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${Intl.DateTimeFormat().resolvedOptions().timeZone} (UTC${offset})`
}
