/** The support contact shown on every help and error page (DGA Contact Center unless configured). */
export type SupportContact = { name: string; email: string; phone: string }

export function supportContact(env: Record<string, string | undefined> = process.env): SupportContact {
  return {
    name: env.SUPPORT_NAME || 'DGA Contact Center',
    email: env.SUPPORT_EMAIL || 'contact@dga.or.th',
    phone: env.SUPPORT_PHONE || '02-612-6060',
  }
}

/** tel: link target: digits and a leading + only. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`
