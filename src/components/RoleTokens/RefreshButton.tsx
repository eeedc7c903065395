'use client'
import { useState } from 'react'

import { refreshToken } from './refreshedTokens'

/**
 * "Refresh": cancels the token's code and issues a new one (shown in place by useRefreshedToken).
 * One button for the list's Refresh Token column and the token's own page.
 */
export function RefreshButton({ id, label, errorAs = 'span' }: { id: number | string; label: string; errorAs?: 'span' | 'p' }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ErrorTag = errorAs
  return (
    <>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        style={{ margin: 0 }}
        disabled={busy}
        data-testid="role-token-refresh"
        onClick={async (event) => {
          // In a list row the click must not open the document.
          event.stopPropagation()
          event.preventDefault()
          setBusy(true)
          setError(null)
          const result = await refreshToken(id)
          if (!result.ok) setError(result.message)
          setBusy(false)
        }}
      >
        {busy ? 'กำลังออกรหัสใหม่…' : label}
      </button>
      {error ? (
        <ErrorTag role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </ErrorTag>
      ) : null}
    </>
  )
}
