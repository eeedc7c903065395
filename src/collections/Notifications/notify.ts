import type { Payload, PayloadRequest } from 'payload'

type Id = number | string
export type Notice = { th: string; en: string; link?: string; topic?: string }
export type Recipient = { id: Id; email?: string | null }

/**
 * Writes one notification per recipient as the system, inside `req`'s transaction, and returns
 * the emails to send once that transaction has committed (an email cannot be rolled back).
 */
export async function notify(req: PayloadRequest, recipients: Recipient[], notice: Notice): Promise<() => Promise<void>> {
  const unique = [...new Map(recipients.map((r) => [String(r.id), r])).values()]
  for (const recipient of unique) {
    await req.payload.create({
      collection: 'notifications',
      data: { recipient: recipient.id, message: notice.th, messageEn: notice.en, link: notice.link, topic: notice.topic } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  return () => emailNotice(req.payload, unique, notice)
}

/** Emails a notice when an email adapter is configured (SMTP_HOST); otherwise in-admin only. */
export async function emailNotice(payload: Payload, recipients: Recipient[], notice: Notice): Promise<void> {
  if (!payload.config.email) return
  const link = notice.link ? `${payload.config.serverURL ?? ''}${notice.link}` : ''
  for (const r of recipients) {
    if (!r.email) continue
    try {
      await payload.sendEmail({
        to: r.email,
        subject: `[info.go.th] ${notice.th}`,
        text: `${notice.th}\n${notice.en}${link ? `\n\n${link}` : ''}\n`,
      })
    } catch (error) {
      // The transition has happened; a mail server outage must not undo it.
      payload.logger.error({ err: error, msg: `notification email to ${r.email} failed` })
    }
  }
}
