'use client'
import type { DefaultCellComponentProps } from 'payload'

import { CopyButton } from './CopyButton'

/** The list column: the code in monospace with a copy button, or a dash when the reader may not see it. */
export function CodeCell({ cellData }: DefaultCellComponentProps) {
  if (!cellData) return <span>—</span>
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <code>{String(cellData)}</code>
      <CopyButton value={String(cellData)} />
    </span>
  )
}
