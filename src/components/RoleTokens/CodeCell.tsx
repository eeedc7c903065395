'use client'
import type { DefaultCellComponentProps } from 'payload'

import { CopyButton } from './CopyButton'
import { useRefreshedToken } from './refreshedTokens'

/** The list column: the code in monospace with a copy button, or a dash when the reader may not see it. */
export function CodeCell({ cellData, rowData }: DefaultCellComponentProps) {
  const refreshed = useRefreshedToken(rowData?.id)
  const code = refreshed?.code ?? (cellData ? String(cellData) : null)
  if (!code) return <span>—</span>
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }} data-testid="role-token-code">
      <code>{code}</code>
      <CopyButton value={code} />
    </span>
  )
}
