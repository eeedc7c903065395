'use client'
import { useDocumentInfo, useField } from '@payloadcms/ui'
import { useState } from 'react'

import { CopyButton } from './CopyButton'
import { refreshToken, useRefreshedToken } from './refreshedTokens'

/** The code on the token's page: copy it, or "Refresh" to invalidate it and issue a new one. */
export function CodeField({ path }: { path: string }) {
  const { value } = useField<string>({ path })
  const { id } = useDocumentInfo()
  const refreshed = useRefreshedToken(id)
  const code = refreshed?.code ?? value
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <label className="field-label">รหัส Token (Code)</label>
      {code ? (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <code style={{ fontSize: '1.4rem', letterSpacing: '0.1em' }} data-testid="role-token-code">
            {code}
          </code>
          <CopyButton value={code} />
          {id ? (
            <button
              type="button"
              className="btn btn--style-primary btn--size-small"
              style={{ margin: 0 }}
              disabled={busy}
              data-testid="role-token-refresh"
              onClick={async () => {
                setBusy(true)
                setError(null)
                const result = await refreshToken(id)
                if (!result.ok) setError(result.message)
                setBusy(false)
              }}
            >
              Refresh (ออกรหัสใหม่)
            </button>
          ) : null}
        </div>
      ) : (
        <p>รหัสจะถูกสร้างเมื่อบันทึก (The code is generated when saved)</p>
      )}
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      ) : null}
      <p className="field-description">
        รหัสใช้ได้ครั้งเดียว กด Refresh เพื่อยกเลิกรหัสเดิมและออกรหัสใหม่ (A code works once; Refresh cancels it and issues a new one.)
      </p>
    </div>
  )
}
