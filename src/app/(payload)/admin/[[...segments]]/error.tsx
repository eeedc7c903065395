'use client'
/* An admin page failed: say so in Thai and English, offer a retry and the support contact. */
import React from 'react'

import { supportContact, telHref } from '../../../../lib/support'

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // Client side: only NEXT_PUBLIC_* settings reach the browser; the defaults are the DGA Contact Center.
  const c = supportContact({ SUPPORT_EMAIL: process.env.NEXT_PUBLIC_SUPPORT_EMAIL, SUPPORT_PHONE: process.env.NEXT_PUBLIC_SUPPORT_PHONE })
  return (
    <main style={{ maxWidth: 640, margin: '64px auto', padding: '0 24px', overflowWrap: 'anywhere' }}>
      <h1>เกิดข้อผิดพลาด (Something went wrong)</h1>
      <p>ระบบไม่สามารถแสดงหน้านี้ได้ กรุณาลองใหม่อีกครั้ง หากยังพบปัญหา กรุณาแจ้งรหัสอ้างอิงด้านล่างแก่ผู้ดูแลระบบ</p>
      {error.digest ? <p>รหัสอ้างอิง (Reference): {error.digest}</p> : null}
      <button type="button" className="btn btn--style-primary" onClick={() => reset()}>
        ลองอีกครั้ง (Try again)
      </button>
      <p style={{ marginTop: 24 }}>
        ติดต่อ {c.name}: <a href={`mailto:${c.email}`}>{c.email}</a> · โทร <a href={telHref(c.phone)}>{c.phone}</a>
      </p>
      <p>
        <a href="/admin">กลับหน้าแรก (Back to the dashboard)</a> · <a href="/admin/help">คำถามที่พบบ่อย (FAQ)</a>
      </p>
    </main>
  )
}
