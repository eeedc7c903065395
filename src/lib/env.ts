/** A positive whole number from an environment variable; `fallback` when unset, blank, zero, negative or not a number. */
export function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]
  const value = raw === undefined || raw === '' ? NaN : Number(raw)
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

/**
 * Connections per instance (DATABASE_POOL_MAX, default 10). Payload keeps one of them checked out
 * for the life of the process and the start needs two more at once, so fewer than 3 would hang
 * the start with no message: refused with one instead.
 */
export function databasePoolMax(env: Record<string, string | undefined>): number {
  const raw = env.DATABASE_POOL_MAX
  if (raw === undefined || raw.trim() === '') return 10
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 3) {
    throw new Error(`DATABASE_POOL_MAX must be a whole number of at least 3 (Payload holds one connection for good and the start needs two more); it is "${raw}"`)
  }
  return value
}
