import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq, getFieldsToSign, jwtSign } from 'payload'
import { addSessionToUser, generatePayloadCookie } from 'payload/shared'

/**
 * A Payload session for a user who proved who they are elsewhere (Digital ID): the same session
 * record, JWT and `payload-token` cookie a password login makes, so the admin, REST and GraphQL
 * accept it and /api/users/logout ends it.
 */
export async function mintPayloadSession(payload: Payload, userId: number | string): Promise<{ token: string; cookie: string }> {
  const collectionConfig = payload.collections.users.config
  const req = (await createLocalReq({}, payload)) as PayloadRequest
  const user = await payload.db.findOne<Record<string, unknown> & { id: number | string; email?: string }>({
    collection: 'users',
    where: { id: { equals: userId } },
    req,
  })
  if (!user) throw new Error(`user ${userId} not found`)
  const { sid } = await addSessionToUser({ collectionConfig, payload, req, user: user as never })
  const fieldsToSign = getFieldsToSign({ collectionConfig, email: String(user.email ?? ''), sid, user: user as never })
  const { token } = await jwtSign({ fieldsToSign, secret: payload.secret, tokenExpiration: collectionConfig.auth.tokenExpiration })
  const cookie = generatePayloadCookie({ collectionAuthConfig: collectionConfig.auth, cookiePrefix: payload.config.cookiePrefix, token }) as string
  return { token, cookie }
}
