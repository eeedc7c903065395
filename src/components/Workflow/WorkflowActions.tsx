'use client'
import { Button, toast, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

type Action = { action: string; to: string; label: { th: string; en: string }; commentRequired: boolean }
type Options = { state: string; revision: number; hasPublished: boolean; actions: Action[] }

const errorOf = (body: any, status: number): string =>
  body?.errors?.[0]?.data?.errors?.map((e: { message: string }) => e.message).join(', ') || body?.errors?.[0]?.message || `HTTP ${status}`

/**
 * Replaces Payload's "Publish" button on a manual: the workflow steps this officer may take now
 * (ส่งตรวจสอบ, เห็นชอบ, อนุมัติและเผยแพร่, ส่งกลับแก้ไข, เพิ่ม Revision), as the server lists them
 * (GET /api/manuals/:id/workflow). The server decides again on every click.
 */
export function WorkflowActions() {
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const router = useRouter()
  const [options, setOptions] = useState<Options | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/manuals/${id}/workflow`, { credentials: 'include' })
    setOptions(res.ok ? await res.json() : null)
  }, [id])
  useEffect(() => {
    void load()
  }, [load])

  if (!id || !options || options.actions.length === 0) return null

  const run = async (a: Action) => {
    let comment: string | undefined
    if (a.commentRequired) {
      const answer = window.prompt('เหตุผลที่ส่งกลับแก้ไข (Reason for returning it)')
      if (answer === null) return
      comment = answer
    } else if (!window.confirm(`${a.label.th}?\n${a.label.en}?`)) return
    setBusy(true)
    const res = await fetch(`/api/manuals/${id}/workflow`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: a.action, comment }),
    })
    const body = await res.json().catch(() => null)
    setBusy(false)
    if (res.ok) {
      toast.success(`${a.label.th} (${a.label.en})`)
      router.refresh()
      void load()
    } else toast.error(errorOf(body, res.status))
  }

  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {options.actions.map((a) => (
        <Button
          key={a.action}
          buttonStyle={a.action === 'reject' ? 'secondary' : 'primary'}
          disabled={busy || (a.action === 'submit' && modified)}
          tooltip={a.action === 'submit' && modified ? 'บันทึกฉบับร่างก่อนส่ง (Save the draft first)' : a.label.en}
          onClick={() => void run(a)}
          size="medium"
        >
          {a.label.th}
        </Button>
      ))}
    </div>
  )
}

/** Replaces "Unpublish": a published manual is replaced by its next revision, never withdrawn by a click. */
export function NoUnpublish() {
  return null
}
