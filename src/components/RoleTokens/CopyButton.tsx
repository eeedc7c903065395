'use client'
import { useState } from 'react'

/** คัดลอก: puts a token code on the clipboard. */
export function CopyButton({ value }: { value: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      className="btn btn--style-secondary btn--size-small"
      style={{ margin: 0 }}
      onClick={async (event) => {
        event.stopPropagation()
        event.preventDefault()
        await navigator.clipboard.writeText(value)
        setCopied(true)
        setTimeout(() => setCopied(false), 2000)
      }}
    >
      {copied ? 'คัดลอกแล้ว (Copied)' : 'คัดลอก (Copy)'}
    </button>
  )
}
