'use client'
import type { DefaultCellComponentProps } from 'payload'
import { useState } from 'react'

import { refreshToken, useRefreshedToken } from './refreshedTokens'

/**
 * The "Refresh Token" column: a new code for the next officer (the old one stops working). Only
 * on rows whose code the reader may hand out, the same people the endpoint lets refresh.
 */
export function RefreshCell({ rowData }: DefaultCellComponentProps) {
  const id = rowData?.id as number | string | undefined
  const refreshed = useRefreshedToken(id)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (id === undefined || !(refreshed?.code ?? rowData?.code)) return <span>—</span>
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        style={{ margin: 0 }}
        disabled={busy}
        data-testid="role-token-refresh"
        onClick={async (event) => {
          event.stopPropagation()
          event.preventDefault()
          setBusy(true)
          setError(null)
          const result = await refreshToken(id)
          if (!result.ok) setError(result.message)
          setBusy(false)
        }}
      >
        {busy ? 'กำลังออกรหัสใหม่…' : 'Refresh'}
      </button>
      {error ? (
        <span role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </span>
      ) : null}
    </span>
  )
}

/** The edit view has Refresh beside the code (CodeField): nothing more to show here. */
export function RefreshFieldPlaceholder() {
  return null
}
