'use client'
import { useDocumentInfo, useField } from '@payloadcms/ui'
import { useState } from 'react'

import { CopyButton } from './CopyButton'

/** The code on the token's page: copy it, or "Refresh" to invalidate it and issue a new one. */
export function CodeField({ path }: { path: string }) {
  const { value } = useField<string>({ path })
  const { id } = useDocumentInfo()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <label className="field-label">รหัส Token (Code)</label>
      {value ? (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <code style={{ fontSize: '1.4rem', letterSpacing: '0.1em' }}>{value}</code>
          <CopyButton value={value} />
          {id ? (
            <button
              type="button"
              className="btn btn--style-primary btn--size-small"
              style={{ margin: 0 }}
              disabled={busy}
              onClick={async () => {
                setBusy(true)
                setError(null)
                const res = await fetch(`/api/role-tokens/${id}/refresh`, { method: 'POST', credentials: 'include' })
                if (res.ok) window.location.reload()
                else {
                  const body = await res.json().catch(() => null)
                  setError(body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
                  setBusy(false)
                }
              }}
            >
              Refresh (ออกรหัสใหม่)
            </button>
          ) : null}
        </div>
      ) : (
        <p>รหัสจะถูกสร้างเมื่อบันทึก (The code is generated when saved)</p>
      )}
      {error ? <p style={{ color: 'var(--theme-error-500)' }}>{error}</p> : null}
      <p className="field-description">
        รหัสใช้ได้ครั้งเดียว กด Refresh เพื่อยกเลิกรหัสเดิมและออกรหัสใหม่ (A code works once; Refresh cancels it and issues a new one.)
      </p>
    </div>
  )
}
