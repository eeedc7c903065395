import type { PayloadRequest, TaskConfig, Where } from 'payload'

import { idOf } from '../../access/user'
import {
  contactRetentionDays,
  delayState,
  formatTrackingCode,
  REMINDER_LEAD_HOURS,
  reminderDue,
  retentionCutoff,
} from '../../lib/delay'
import { formatDateFor, formatThaiDate } from '../../lib/thaiDate'
import { execFor } from '../../services/transactionSql'
import { notify, type Recipient } from '../Notifications/notify'

const SYSTEM = { overrideAccess: true, context: { systemWrite: true } } as const
export const DELAY_QUEUE = 'delay-notices'

type OpenCase = {
  id: number
  trackingCode: string
  servicePoint: unknown
  agency: unknown
  process: { name?: string } | number | null
  nextNoticeDueAt: string | null
  remindedFor: string | null
  state: string
}

/**
 * The unit to remind: the service-point officers of the case's service point (or of the unit
 * it is nested in), else the agency's central officers, so a reminder never goes nowhere.
 */
async function unitRecipients(req: PayloadRequest, c: OpenCase): Promise<Recipient[]> {
  const servicePointId = idOf(c.servicePoint)
  const servicePoint = servicePointId
    ? await req.payload.findByID({ collection: 'service-points', id: servicePointId, depth: 0, select: { parent: true }, req, ...SYSTEM }).catch(() => null)
    : null
  const units = [servicePointId, idOf(servicePoint?.parent)].filter((id) => id !== null)
  const find = (where: Where) =>
    req.payload.find({ collection: 'users', where, depth: 0, pagination: false, select: { email: true }, req, ...SYSTEM })
  const officers = units.length
    ? await find({ and: [{ roles: { in: ['service-point-officer'] } }, { servicePoint: { in: units } }] })
    : { docs: [] }
  const chosen = officers.docs.length
    ? officers.docs
    : (await find({ and: [{ roles: { in: ['central-officer'] } }, { agency: { equals: idOf(c.agency) } }] })).docs
  return chosen.map((u) => ({ id: u.id, email: (u as { email?: string }).email }))
}

/** Marks the case reminded for `due` unless it already is; false when another run got there first. */
async function claimReminder(req: PayloadRequest, id: number, due: Date): Promise<boolean> {
  const exec = await execFor(req)
  const { rows } = await exec('UPDATE delay_notices SET reminded_for = $1 WHERE id = $2 AND reminded_for IS DISTINCT FROM $1 RETURNING id', [due.toISOString(), id])
  return rows.length > 0
}

/** Gives a claim back when the reminder could not be made, so the task's retry makes it. */
async function releaseReminder(req: PayloadRequest, id: number, previous: string | null): Promise<void> {
  const exec = await execFor(req)
  await exec('UPDATE delay_notices SET reminded_for = $1 WHERE id = $2', [previous, id])
}

/**
 * Finds the undecided cases whose next notice falls due within a day (or is late), reminds the
 * unit once per due date (in the admin, and by email when an adapter is configured), and
 * refreshes each case's stored state so the admin's "overdue" filter stays true.
 */
export async function runDelayReminders(req: PayloadRequest, now = new Date()) {
  const horizon = new Date(now.getTime() + REMINDER_LEAD_HOURS * 60 * 60 * 1000)
  const found = await req.payload.find({
    collection: 'delay-notices',
    where: { and: [{ 'decision.decidedAt': { exists: false } }, { nextNoticeDueAt: { less_than_equal: horizon.toISOString() } }] },
    depth: 1,
    pagination: false,
    select: { trackingCode: true, servicePoint: true, agency: true, process: true, nextNoticeDueAt: true, remindedFor: true, state: true },
    populate: { processes: { name: true } },
    req,
    ...SYSTEM,
  })
  const emails: Array<() => Promise<void>> = []
  let reminded = 0
  let markedOverdue = 0
  for (const doc of found.docs as unknown as OpenCase[]) {
    const next = doc.nextNoticeDueAt ? new Date(doc.nextNoticeDueAt) : null
    const state = delayState({ nextNoticeDueAt: next, now })
    const remind = reminderDue({ nextNoticeDueAt: next, remindedFor: doc.remindedFor, now })
    if (!remind && state === doc.state) continue
    // Claimed in one statement before anyone is told: a run beside this one (the cron and a run
    // started over REST) waits on the row, then finds it claimed and reminds nobody twice.
    const claimed = remind && next ? await claimReminder(req, doc.id, next) : false
    if (claimed && next) {
      const code = formatTrackingCode(doc.trackingCode)
      const process = typeof doc.process === 'object' && doc.process ? (doc.process.name ?? '') : ''
      const late = next.getTime() <= now.getTime()
      const message = {
        th: late
          ? `เลยกำหนดแจ้งเหตุล่าช้าเรื่อง ${code} ${process} (กำหนด ${formatThaiDate(next, { withTime: true, short: true })})`
          : `ต้องแจ้งเหตุล่าช้าเรื่อง ${code} ${process} ภายใน ${formatThaiDate(next, { withTime: true, short: true })}`,
        en: late
          ? `The delay notice for ${code} is late (due ${formatDateFor('en', next, true)})`
          : `Send the delay notice for ${code} by ${formatDateFor('en', next, true)}`,
        link: `/admin/collections/delay-notices/${doc.id}`,
        topic: 'delay-notice',
      }
      try {
        emails.push(await notify(req, await unitRecipients(req, doc), message))
      } catch (error) {
        await releaseReminder(req, doc.id, doc.remindedFor)
        throw error
      }
      reminded += 1
    }
    if (state === doc.state) continue
    if (state === 'overdue') markedOverdue += 1
    // Saved so the hooks refresh the stored state (the claim has already written remindedFor).
    await req.payload.update({ collection: 'delay-notices', id: doc.id, data: {}, depth: 0, req, ...SYSTEM })
  }
  for (const send of emails) await send()
  return { reminded, markedOverdue }
}

/** PDPA: deletes the applicant's contact details of cases decided longer ago than the retention period. */
export async function purgeExpiredContacts(req: PayloadRequest, now = new Date()) {
  const days = contactRetentionDays(process.env.DELAY_CONTACT_RETENTION_DAYS)
  const result = await req.payload.update({
    collection: 'delay-notices',
    where: {
      and: [
        { 'decision.decidedAt': { less_than_equal: retentionCutoff(now, days).toISOString() } },
        { contactPurgedAt: { exists: false } },
      ],
    },
    data: { applicant: { name: null, phone: null, email: null, address: null }, contactPurgedAt: now.toISOString() } as never,
    depth: 0,
    req,
    ...SYSTEM,
  })
  if (result.errors.length) req.payload.logger.error({ msg: 'delay-notice contact purge failed for some cases', errors: result.errors })
  return { purged: result.docs.length }
}

export const delayReminderTask: TaskConfig = {
  slug: 'delayNoticeReminders',
  label: 'เตือนกำหนดแจ้งเหตุล่าช้า (Delay notice reminders)',
  // Hourly, so a notice falling due is flagged within the hour.
  schedule: [{ cron: '0 7 * * * *', queue: DELAY_QUEUE }],
  retries: 2,
  outputSchema: [
    { name: 'reminded', type: 'number' },
    { name: 'markedOverdue', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await runDelayReminders(req) }),
}

export const delayContactRetentionTask: TaskConfig = {
  slug: 'delayContactRetention',
  label: 'ลบข้อมูลติดต่อผู้ยื่นคำขอที่พ้นระยะเก็บรักษา (PDPA retention)',
  // Nightly (02:17 Bangkok time on a UTC server), away from office hours.
  schedule: [{ cron: '0 17 19 * * *', queue: DELAY_QUEUE }],
  retries: 2,
  outputSchema: [{ name: 'purged', type: 'number' }],
  handler: async ({ req }) => ({ output: await purgeExpiredContacts(req) }),
}

export const delayNoticeTasks = [delayReminderTask, delayContactRetentionTask]
