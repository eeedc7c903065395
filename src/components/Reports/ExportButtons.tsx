'use client'
/*
 * "ส่งออก excel/ csv": downloads the export with fetch so the page can say "กำลังเตรียมไฟล์"
 * and how much has arrived (a large export streams for a while), then saves it as a file.
 * Without JavaScript the plain links still download.
 */
import React, { useState } from 'react'

export function ExportButtons({ href }: { href: { csv: string; xlsx: string } }) {
  const [state, setState] = useState<{ format: string; bytes: number } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const download = async (event: React.MouseEvent<HTMLAnchorElement>, format: 'csv' | 'xlsx') => {
    if (!window.ReadableStream) return // the link downloads by itself
    event.preventDefault()
    setError(null)
    setState({ format, bytes: 0 })
    try {
      const res = await fetch(href[format], { credentials: 'include' })
      if (!res.ok || !res.body) throw new Error(`${res.status}`)
      const reader = res.body.getReader()
      const parts: Uint8Array[] = []
      let bytes = 0
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        parts.push(value)
        bytes += value.byteLength
        setState({ format, bytes })
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `report.${format}`
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: res.headers.get('content-type') ?? undefined }))
      const a = document.createElement('a')
      a.href = url
      a.download = name
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (err) {
      setError(`ส่งออกไม่สำเร็จ (Export failed): ${(err as Error).message}`)
    } finally {
      setState(null)
    }
  }

  return (
    <p style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <a className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} href={href.xlsx} onClick={(e) => download(e, 'xlsx')} aria-disabled={Boolean(state)}>
        ส่งออก excel
      </a>
      <a className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} href={href.csv} onClick={(e) => download(e, 'csv')} aria-disabled={Boolean(state)}>
        ส่งออก csv
      </a>
      {state ? (
        <span role="status">
          <progress style={{ verticalAlign: 'middle' }} /> กำลังเตรียมไฟล์ {state.format.toUpperCase()}… {(state.bytes / 1024 / 1024).toFixed(1)} MB (Preparing the file)
        </span>
      ) : null}
      {error ? <span role="alert">{error}</span> : null}
    </p>
  )
}
