'use client'
import { useDocumentInfo, useField } from '@payloadcms/ui'

import { CopyButton } from './CopyButton'
import { RefreshButton } from './RefreshButton'
import { useRefreshedToken } from './refreshedTokens'

/** The code on the token's page: copy it, or "Refresh" to invalidate it and issue a new one. */
export function CodeField({ path }: { path: string }) {
  const { value } = useField<string>({ path })
  const { id } = useDocumentInfo()
  const refreshed = useRefreshedToken(id)
  const code = refreshed?.code ?? value
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <label className="field-label">รหัส Token (Code)</label>
      {code ? (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <code style={{ fontSize: '1.4rem', letterSpacing: '0.1em' }} data-testid="role-token-code">
            {code}
          </code>
          <CopyButton value={code} />
          {id ? <RefreshButton id={id} label="Refresh (ออกรหัสใหม่)" errorAs="p" /> : null}
        </div>
      ) : (
        <p>รหัสจะถูกสร้างเมื่อบันทึก (The code is generated when saved)</p>
      )}
      <p className="field-description">
        รหัสใช้ได้ครั้งเดียว กด Refresh เพื่อยกเลิกรหัสเดิมและออกรหัสใหม่ (A code works once; Refresh cancels it and issues a new one.)
      </p>
    </div>
  )
}
