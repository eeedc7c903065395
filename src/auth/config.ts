/**
 * Digital ID settings, read at each login so that a configuration change (and the tests) apply
 * without a restart. Without OIDC_ISSUER, development uses the local provider at /oidc-dev.
 */
import { digitalIdAvailable } from '../lib/localLogin'

export const DEV_PROVIDER_PATH = '/oidc-dev'
export const DEV_CLIENT_ID = 'infogo-dev'
export const DEV_CLIENT_SECRET = 'infogo-dev-client-secret'
export const CALLBACK_PATH = '/auth/digital-id/callback'

export type DigitalIdSettings = {
  issuer: string
  clientId: string
  clientSecret: string
  callbackUrl: string
  /** The built-in development provider is in use. */
  local: boolean
}

export function devProviderEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !env.OIDC_ISSUER && env.NODE_ENV !== 'production'
}

/** `origin` is the request's own origin, used when SERVER_URL is unset. Null: not configured. */
export function digitalIdSettings(origin: string, env: Record<string, string | undefined> = process.env): DigitalIdSettings | null {
  if (!digitalIdAvailable(env)) return null
  const base = (env.SERVER_URL || origin).replace(/\/+$/, '')
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID) {
    return {
      issuer: env.OIDC_ISSUER.replace(/\/+$/, ''),
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET ?? '',
      callbackUrl: `${base}${CALLBACK_PATH}`,
      local: false,
    }
  }
  return {
    issuer: `${base}${DEV_PROVIDER_PATH}`,
    clientId: DEV_CLIENT_ID,
    clientSecret: DEV_CLIENT_SECRET,
    callbackUrl: `${base}${CALLBACK_PATH}`,
    local: true,
  }
}
