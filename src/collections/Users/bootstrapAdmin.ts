import type { Payload } from 'payload'

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set and no system admin yet, create one, so a new
 * installation can be entered before Digital ID is configured.
 */
export async function bootstrapAdmin(payload: Payload): Promise<'created' | 'exists' | 'skipped'> {
  const email = process.env.ADMIN_EMAIL
  const password = process.env.ADMIN_PASSWORD
  if (!email || !password) return 'skipped'
  const existing = await payload.count({
    collection: 'users',
    where: { roles: { in: ['system-admin'] } },
    overrideAccess: true,
  })
  if (existing.totalDocs > 0) return 'exists'
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'ผู้ดูแลระบบ (System administrator)', roles: ['system-admin'] },
    overrideAccess: true,
  })
  payload.logger.info(`Created the first system administrator ${email}`)
  return 'created'
}
