import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose'

/**
 * passport-openidconnect 0.1.2 reads the ID token without checking its signature: this checks
 * signature (the provider's JWKS), issuer, audience, expiry and nonce before `sub` is trusted.
 */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

export function keySetFor(jwksUri: string) {
  let keys = keySets.get(jwksUri)
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 30_000 })
    keySets.set(jwksUri, keys)
  }
  return keys
}

export class IdTokenRejected extends Error {}

export async function verifyIdToken(
  idToken: string,
  expected: { issuer: string; clientId: string; nonce: string | undefined; jwksUri: string },
): Promise<JWTPayload & { sub: string }> {
  if (!expected.nonce) throw new IdTokenRejected('no nonce was sent with this login')
  let claims: JWTPayload
  try {
    ;({ payload: claims } = await jwtVerify(idToken, keySetFor(expected.jwksUri), {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: ['RS256', 'PS256', 'ES256'],
      clockTolerance: 30,
      requiredClaims: ['sub', 'exp', 'iat'],
    }))
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    const message = (error as Error).message
    if (code === 'ERR_JWT_EXPIRED') throw new IdTokenRejected('ID token has expired')
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY') throw new IdTokenRejected('invalid signature')
    throw new IdTokenRejected(message)
  }
  if (claims.nonce !== expected.nonce) throw new IdTokenRejected('ID token contains invalid nonce')
  if (typeof claims.sub !== 'string' || !claims.sub) throw new IdTokenRejected('ID token has no subject')
  return claims as JWTPayload & { sub: string }
}
