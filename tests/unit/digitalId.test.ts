import { digitalIdSettings, devProviderEnabled } from '../../src/auth/config'
import { classifyLoginFailure, loginFailureMessage } from '../../src/lib/digitalIdErrors'

describe('classifyLoginFailure', () => {
  it.each([
    ['Unable to verify authorization request state.', 'state'],
    ['Invalid authorization request state.', 'state'],
    ['ID token contains invalid nonce.', 'nonce'],
    ['ID token has expired.', 'expired'],
    ['invalid signature', 'signature'],
    ['ID token not intended for this relying party.', 'audience'],
    ['unexpected "aud" claim value', 'audience'],
    ['ID token not issued by expected OpenID provider.', 'issuer'],
    ['unexpected "iss" claim value', 'issuer'],
    ['something else', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s → %s', (message, reason) => {
    expect(classifyLoginFailure(message)).toBe(reason)
  })

  it('explains every reason in Thai and English', () => {
    const m = loginFailureMessage('nonce')
    expect(m.th).toMatch(/[\u0E00-\u0E7F]/)
    expect(m.en).toMatch(/nonce/)
    expect(m.text).toBe(`${m.th} (${m.en})`)
  })
})

describe('digitalIdSettings', () => {
  it('uses OIDC_* and SERVER_URL when set', () => {
    const s = digitalIdSettings('http://127.0.0.1:9', {
      OIDC_ISSUER: 'https://id.example.go.th/',
      OIDC_CLIENT_ID: 'infogo',
      OIDC_CLIENT_SECRET: 's3cret',
      SERVER_URL: 'https://admin.info.go.th/',
      NODE_ENV: 'production',
    })
    expect(s).toEqual({
      issuer: 'https://id.example.go.th',
      clientId: 'infogo',
      clientSecret: 's3cret',
      callbackUrl: 'https://admin.info.go.th/auth/digital-id/callback',
      local: false,
    })
  })

  it('falls back to the local provider outside production, and to nothing in production', () => {
    const dev = digitalIdSettings('http://127.0.0.1:9', { NODE_ENV: 'development' })
    expect(dev).toMatchObject({ issuer: 'http://127.0.0.1:9/oidc-dev', local: true, callbackUrl: 'http://127.0.0.1:9/auth/digital-id/callback' })
    expect(devProviderEnabled({ NODE_ENV: 'development' })).toBe(true)
    expect(digitalIdSettings('http://x', { NODE_ENV: 'production' })).toBeNull()
    expect(devProviderEnabled({ NODE_ENV: 'production' })).toBe(false)
    expect(devProviderEnabled({ OIDC_ISSUER: 'https://id', NODE_ENV: 'development' })).toBe(false)
    expect(digitalIdSettings('http://x', { OIDC_ISSUER: 'https://id' })).toBeNull()
  })
})
