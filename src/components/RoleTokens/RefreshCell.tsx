'use client'
import type { DefaultCellComponentProps } from 'payload'

import { RefreshButton } from './RefreshButton'
import { useRefreshedToken } from './refreshedTokens'

/**
 * The "Refresh Token" column: a new code for the next officer (the old one stops working). Only
 * on rows whose code the reader may hand out, the same people the endpoint lets refresh.
 */
export function RefreshCell({ rowData }: DefaultCellComponentProps) {
  const id = rowData?.id as number | string | undefined
  const refreshed = useRefreshedToken(id)
  if (id === undefined || !(refreshed?.code ?? rowData?.code)) return <span>—</span>
  return (
    <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <RefreshButton id={id} label="Refresh" />
    </span>
  )
}

/** The edit view has Refresh beside the code (CodeField): nothing more to show here. */
export function RefreshFieldPlaceholder() {
  return null
}
