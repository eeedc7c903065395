/*
 * The admin's own marks instead of Payload's: the login page's logo and the nav's icon say which
 * system an officer is in (ศูนย์ข้อมูลการติดต่อราชการ, admin.info.go.th).
 */
import type { ServerProps } from 'payload'
import React from 'react'

/** An "i" for information in the navy of Thai government sites; no outside file or font. */
function Emblem({ size }: { size: number }) {
  return (
    <svg aria-hidden="true" height={size} viewBox="0 0 48 48" width={size}>
      <circle cx="24" cy="24" fill="#1f3b73" r="23" />
      <circle cx="24" cy="13.5" fill="#fff" r="3.5" />
      <rect fill="#fff" height="19" rx="2.5" width="7" x="20.5" y="20" />
      <rect fill="#c8a24a" height="3" rx="1.5" width="22" x="13" y="41" />
    </svg>
  )
}

export function Logo({ i18n }: Partial<ServerProps>) {
  const english = i18n?.language === 'en'
  return (
    <div data-testid="infogo-logo" style={{ alignItems: 'center', display: 'flex', gap: 16 }}>
      <Emblem size={56} />
      <div style={{ lineHeight: 1.3, textAlign: 'left' }}>
        <div style={{ fontSize: 22, fontWeight: 700 }}>{english ? 'Government Contact Center' : 'ศูนย์ข้อมูลการติดต่อราชการ'}</div>
        <div style={{ fontSize: 14, opacity: 0.75 }}>{english ? 'Officers’ admin · admin.info.go.th' : 'ระบบสำหรับเจ้าหน้าที่ · admin.info.go.th'}</div>
      </div>
    </div>
  )
}

export function Icon() {
  return <Emblem size={25} />
}
