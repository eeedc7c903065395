import type { Payload } from 'payload'

type PgPool = {
  _clients?: Array<{ release?: (err?: boolean) => void; end?: () => Promise<void> }>
  end: () => Promise<void>
  ended?: boolean
}

/**
 * Closes Payload and its `pg` pool. The Postgres adapter keeps one client checked out for the
 * life of the process, so `pool.end()` alone waits forever: release that client first.
 */
export async function closePayload(payload: Payload | null | undefined): Promise<void> {
  if (!payload) return
  const pool = (payload.db as unknown as { pool?: PgPool & { on?: (e: string, f: () => void) => void } }).pool
  // Connections cut by a stopping server must not crash the process on the way out.
  pool?.on?.('error', () => undefined)
  const releaseCheckedOut = () => {
    for (const client of [...(pool?._clients ?? [])]) {
      try {
        client.release?.(true)
      } catch {
        // idle clients have no release
      }
    }
  }
  releaseCheckedOut()
  await Promise.race([
    payload.destroy().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 3000).unref()),
  ])
  // getPayload caches the instance on globalThis; a restart in this process must build a new one.
  ;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()
  if (!pool) return
  releaseCheckedOut()
  if (!pool.ended) await Promise.race([pool.end().catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())])
}
