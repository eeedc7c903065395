'use client'
import { useField, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

import { ROLE_TOKEN_STATE_LABELS } from '../../lib/roleTokenSlots'
import { formatDateFor } from '../../lib/thaiDate'
import { type TokenStateView, useRefreshedToken } from './refreshedTokens'

/** ยังไม่ถูกใช้ / ใช้แล้วโดย … เมื่อ … / หมดอายุ, dates in the Buddhist era for Thai readers. */
function StateText({ state }: { state: TokenStateView | null | undefined }) {
  const { i18n } = useTranslation()
  if (!state?.status) return <span>—</span>
  const english = i18n?.language === 'en'
  const date = (value: string | null | undefined) => formatDateFor(i18n?.language, value ?? null, true)
  const label = ROLE_TOKEN_STATE_LABELS[state.status]
  let text: string
  if (state.status === 'used') {
    const who = state.usedByName ?? (english ? 'an officer' : 'เจ้าหน้าที่')
    text = english ? `Used by ${who} on ${date(state.usedAt)}` : `ใช้แล้วโดย ${who} เมื่อ ${date(state.usedAt)}`
  } else if (state.status === 'expired') {
    text = english ? `${label.en} (${date(state.expiresAt)})` : `${label.th} (${date(state.expiresAt)})`
  } else {
    text = english ? `${label.en} (expires ${date(state.expiresAt)})` : `${label.th} (หมดอายุ ${date(state.expiresAt)})`
  }
  return (
    <span data-testid="role-token-state" data-status={state.status}>
      {text}
    </span>
  )
}

export function StateCell({ cellData, rowData }: DefaultCellComponentProps) {
  const refreshed = useRefreshedToken(rowData?.id)
  return <StateText state={refreshed?.state ?? (cellData as TokenStateView | null)} />
}

/** The same on the token's own page. */
export function StateField({ path }: { path: string }) {
  const { value } = useField<TokenStateView>({ path })
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <label className="field-label">สถานะ (State)</label>
      <div>
        <StateText state={value} />
      </div>
    </div>
  )
}
