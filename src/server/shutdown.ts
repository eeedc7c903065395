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
  await settledWithin(payload.destroy(), 3000)
  // getPayload caches the instance on globalThis; a restart in this process must build a new one.
  ;(globalThis as { _payload?: Map<string, unknown> })._payload?.clear()
  if (!pool) return
  releaseCheckedOut()
  if (!pool.ended) await settledWithin(pool.end(), 2000)
}

/**
 * Waits for `work` to settle, at most `ms`. The timer is a live handle on purpose: were it unref'd,
 * a close that waits on nothing alive would empty the event loop and node would exit (code 13, an
 * unsettled top-level await) before the code after the close ran.
 */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))])
  } finally {
    clearTimeout(timer)
  }
}
