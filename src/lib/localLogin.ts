type LoginEnv = { NODE_ENV?: string; LOCAL_LOGIN?: string; OIDC_ISSUER?: string; OIDC_CLIENT_ID?: string }

/**
 * Password login (API.md "Local login"): on outside production, or when LOCAL_LOGIN=true
 * keeps it on for a production installation that has no Digital ID yet.
 */
export function localLoginAllowed(env: LoginEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.LOCAL_LOGIN === 'true'
}

/**
 * Digital ID can log officers in: a real provider (OIDC_ISSUER with OIDC_CLIENT_ID) or, outside
 * production and without OIDC_ISSUER, the local development provider.
 */
export function digitalIdAvailable(env: LoginEnv = process.env): boolean {
  return env.OIDC_ISSUER ? Boolean(env.OIDC_CLIENT_ID) : env.NODE_ENV !== 'production'
}

/**
 * What the server warns at start when the login page would offer no working way in (a production
 * start with neither Digital ID nor LOCAL_LOGIN): ADMIN_EMAIL's admin could not log in either.
 */
export function loginSetupProblem(env: LoginEnv = process.env): string | null {
  if (digitalIdAvailable(env) || localLoginAllowed(env)) return null
  const half = env.OIDC_ISSUER ? 'OIDC_ISSUER is set without OIDC_CLIENT_ID' : 'Digital ID is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)'
  return `Nobody can log in: ${half} and password login is off in production. Configure Digital ID, or set LOCAL_LOGIN=true until it is (docs/operations.md).`
}
