'use client'
import { Button, toast, useAuth, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

const PUBLISHERS = ['central-officer', 'manual-reviewer']

/**
 * Replaces Payload's Publish / Unpublish on an other service: the agency's central officer or
 * reviewer publishes through POST /api/other-services/:id/workflow (no OPDC step). Authors only
 * save drafts. The server checks role and agency again.
 */
export function OtherServiceActions() {
  const { id, hasPublishedDoc, unpublishedVersionCount } = useDocumentInfo()
  const { user } = useAuth()
  const modified = useFormModified()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!id || !roles.some((r) => PUBLISHERS.includes(r))) return null

  const run = async (action: 'publish' | 'unpublish', th: string) => {
    if (!window.confirm(`${th}?`)) return
    setBusy(true)
    const res = await fetch(`/api/other-services/${id}/workflow`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action }),
    })
    const body = await res.json().catch(() => null)
    setBusy(false)
    if (res.ok) {
      toast.success(th)
      router.refresh()
    } else toast.error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
  }

  const hasDraft = !hasPublishedDoc || (unpublishedVersionCount ?? 0) > 0
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      {hasDraft ? (
        <Button disabled={busy || modified} tooltip={modified ? 'บันทึกฉบับร่างก่อน (Save the draft first)' : 'Publish'} onClick={() => void run('publish', 'เผยแพร่')} size="medium">
          เผยแพร่
        </Button>
      ) : null}
      {hasPublishedDoc ? (
        <Button buttonStyle="secondary" disabled={busy} tooltip="Unpublish" onClick={() => void run('unpublish', 'ยกเลิกการเผยแพร่')} size="medium">
          ยกเลิกการเผยแพร่
        </Button>
      ) : null}
    </div>
  )
}
