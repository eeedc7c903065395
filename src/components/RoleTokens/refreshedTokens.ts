'use client'
import { useSyncExternalStore } from 'react'

/**
 * Codes refreshed on this page, by token id: the Refresh cell writes, the code and state cells of
 * the same row read, so the new code shows at once without reloading the list.
 */
export type TokenStateView = { status: 'unused' | 'used' | 'expired'; usedByName?: string | null; usedAt?: string | null; expiresAt?: string | null }
export type RefreshedToken = { code: string | null; state: TokenStateView | null }

const refreshed = new Map<string, RefreshedToken>()
const listeners = new Set<() => void>()

export function publishRefreshedToken(id: number | string, token: RefreshedToken): void {
  refreshed.set(String(id), token)
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useRefreshedToken(id: number | string | undefined): RefreshedToken | undefined {
  return useSyncExternalStore(
    subscribe,
    () => (id === undefined ? undefined : refreshed.get(String(id))),
    () => undefined,
  )
}

/** POST /api/role-tokens/:id/refresh; the new code and state, or the server's (bilingual) message. */
export async function refreshToken(id: number | string): Promise<{ ok: true; token: RefreshedToken } | { ok: false; message: string }> {
  const res = await fetch(`/api/role-tokens/${id}/refresh`, { method: 'POST', credentials: 'include' })
  const body = await res.json().catch(() => null)
  if (!res.ok) return { ok: false, message: body?.errors?.[0]?.message ?? `HTTP ${res.status}` }
  const token = { code: body?.doc?.code ?? null, state: body?.doc?.state ?? null }
  publishRefreshedToken(id, token)
  return { ok: true, token }
}
