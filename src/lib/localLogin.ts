/**
 * Password login (API.md "Local login"): on outside production, or when LOCAL_LOGIN=true
 * keeps it on for a production installation that has no Digital ID yet.
 */
export function localLoginAllowed(env: { NODE_ENV?: string; LOCAL_LOGIN?: string } = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.LOCAL_LOGIN === 'true'
}
