import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { DigitalIdButton } from '../../src/components/Auth/DigitalIdButton'
import { digitalIdAvailable, localLoginAllowed, loginSetupProblem } from '../../src/lib/localLogin'

describe('localLoginAllowed', () => {
  it('is on outside production, off in production unless LOCAL_LOGIN=true', () => {
    expect(localLoginAllowed({ NODE_ENV: 'development' })).toBe(true)
    expect(localLoginAllowed({ NODE_ENV: 'test' })).toBe(true)
    expect(localLoginAllowed({})).toBe(true)
    expect(localLoginAllowed({ NODE_ENV: 'production' })).toBe(false)
    expect(localLoginAllowed({ NODE_ENV: 'production', LOCAL_LOGIN: 'false' })).toBe(false)
    expect(localLoginAllowed({ NODE_ENV: 'production', LOCAL_LOGIN: '1' })).toBe(false)
    expect(localLoginAllowed({ NODE_ENV: 'production', LOCAL_LOGIN: 'true' })).toBe(true)
  })
})

describe('digitalIdAvailable', () => {
  it('needs issuer and client id for a real provider; the local one only outside production', () => {
    expect(digitalIdAvailable({ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'infogo' })).toBe(true)
    expect(digitalIdAvailable({ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example' })).toBe(false)
    expect(digitalIdAvailable({ NODE_ENV: 'development', OIDC_ISSUER: 'https://id.example' })).toBe(false)
    expect(digitalIdAvailable({ NODE_ENV: 'development' })).toBe(true)
    expect(digitalIdAvailable({ NODE_ENV: 'production' })).toBe(false)
  })
})

describe('loginSetupProblem', () => {
  it('warns only when production offers no way in, naming what to set', () => {
    const none = loginSetupProblem({ NODE_ENV: 'production' })
    expect(none).toMatch(/Nobody can log in/)
    expect(none).toMatch(/OIDC_ISSUER/)
    expect(none).toMatch(/LOCAL_LOGIN=true/)
    expect(loginSetupProblem({ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example' })).toMatch(/without OIDC_CLIENT_ID/)
    expect(loginSetupProblem({ NODE_ENV: 'production', LOCAL_LOGIN: 'true' })).toBeNull()
    expect(loginSetupProblem({ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'infogo' })).toBeNull()
    expect(loginSetupProblem({ NODE_ENV: 'development' })).toBeNull()
  })
})

describe('the login page addition', () => {
  // The component reads process.env at render, as the admin's server does at each request.
  const env = process.env as Record<string, string | undefined>
  const saved = { ...env }
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete env[key]
      else env[key] = value
    }
  }
  afterEach(() => setEnv({ NODE_ENV: saved.NODE_ENV, LOCAL_LOGIN: saved.LOCAL_LOGIN, OIDC_ISSUER: saved.OIDC_ISSUER, OIDC_CLIENT_ID: saved.OIDC_CLIENT_ID }))
  const render = (values: Record<string, string | undefined>) => {
    setEnv(values)
    return renderToStaticMarkup(createElement(DigitalIdButton))
  }
  const HIDES_PASSWORD_FORM = '.login__form{display:none}'

  it('outside production: the password form stays and Digital ID (the local provider) is offered', () => {
    const html = render({ NODE_ENV: 'development', LOCAL_LOGIN: undefined, OIDC_ISSUER: undefined })
    expect(html).toContain('href="/auth/digital-id/login"')
    expect(html).not.toContain(HIDES_PASSWORD_FORM)
  })

  it('in production with Digital ID: only the Digital ID button (the server refuses passwords)', () => {
    const html = render({ NODE_ENV: 'production', LOCAL_LOGIN: undefined, OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'infogo' })
    expect(html).toContain('href="/auth/digital-id/login"')
    expect(html).toContain(HIDES_PASSWORD_FORM)
  })

  it('in production with LOCAL_LOGIN and no Digital ID: the password form, no button that would answer 503', () => {
    const html = render({ NODE_ENV: 'production', LOCAL_LOGIN: 'true', OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined })
    expect(html).not.toContain('/auth/digital-id/login')
    expect(html).not.toContain(HIDES_PASSWORD_FORM)
  })

  it('in production with no way in: says so in Thai and English', () => {
    const html = render({ NODE_ENV: 'production', LOCAL_LOGIN: undefined, OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined })
    expect(html).not.toContain('/auth/digital-id/login')
    expect(html).toContain(HIDES_PASSWORD_FORM)
    expect(html).toContain('ระบบยังไม่เปิดให้เข้าสู่ระบบ')
    expect(html).toContain('Login is not set up yet')
  })
})
