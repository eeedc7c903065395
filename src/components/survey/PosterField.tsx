'use client'
/*
 * "Download QR Code/Link Poster" on a service point's edit view: the PNG and the A4 PDF poster,
 * and the rating link with a copy button for counters whose citizens cannot scan a code (the
 * officer opens the link on the counter tablet instead).
 */
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useRef, useState } from 'react'

export function PosterField({ siteUrl, apiRoute = '/api' }: { siteUrl: string; apiRoute?: string }) {
  const { id } = useDocumentInfo()
  const [copied, setCopied] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  if (!id) {
    return (
      <div className="field-type" style={{ marginBottom: 24 }}>
        <p style={{ opacity: 0.75 }}>บันทึกจุดบริการก่อน จึงจะดาวน์โหลดโปสเตอร์ QR Code ได้ (Save the service point first to get its poster)</p>
      </div>
    )
  }
  const link = `${siteUrl}/rate/${id}`
  const poster = (format: 'png' | 'pdf') => `${apiRoute}/service-points/${id}/poster?format=${format}&download=1`
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
    } catch {
      // Older browsers and plain-http admin: select the text and use the legacy copy command.
      input.current?.select()
      document.execCommand('copy')
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2500)
  }
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 4px' }}>ดาวน์โหลด QR Code/ลิงก์ประเมิน</h4>
      <p style={{ margin: '0 0 12px', opacity: 0.75 }}>Download QR Code/Link Poster</p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <a className="btn btn--style-primary btn--size-small" style={{ margin: 0 }} href={poster('pdf')}>
          โปสเตอร์ A4 (PDF)
        </a>
        <a className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} href={poster('png')}>
          QR Code (PNG)
        </a>
      </div>
      <label htmlFor="rating-link" style={{ display: 'block', marginBottom: 4 }}>
        ลิงก์หน้าประเมิน (Rating link)
      </label>
      <div style={{ display: 'flex', gap: 8 }}>
        <input id="rating-link" ref={input} readOnly value={link} onFocus={(e) => e.currentTarget.select()} style={{ flex: 1, minWidth: 0 }} />
        <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} onClick={copy} aria-live="polite">
          {copied ? 'คัดลอกแล้ว (Copied)' : 'คัดลอกลิงก์ (Copy link)'}
        </button>
      </div>
      <p style={{ marginTop: 8 }}>
        <a href={link} target="_blank" rel="noopener noreferrer">
          เปิดหน้าประเมินบนแท็บเล็ตที่เคาน์เตอร์ (Open the rating page on the counter tablet)
        </a>
      </p>
    </div>
  )
}
