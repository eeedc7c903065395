import { nodemailerAdapter } from '@payloadcms/email-nodemailer'

/**
 * Email through SMTP when SMTP_HOST is set (see docs/manual-workflow.md); otherwise no adapter,
 * and notifications stay in the admin only. The transport is not verified at start, so a mail
 * server outage never stops the app; a failed send is logged.
 */
export function emailAdapterFromEnv(env: NodeJS.ProcessEnv = process.env) {
  if (!env.SMTP_HOST) return undefined
  const secure = env.SMTP_SECURE === 'true'
  return nodemailerAdapter({
    defaultFromAddress: env.SMTP_FROM || 'no-reply@info.go.th',
    defaultFromName: env.SMTP_FROM_NAME || 'ศูนย์ข้อมูลการติดต่อราชการ',
    skipVerify: true,
    transportOptions: {
      host: env.SMTP_HOST,
      port: Number(env.SMTP_PORT || (secure ? 465 : 587)),
      secure,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } : undefined,
    },
  })
}
