/* The citizen site's root layout: Thai first, light, no client JavaScript needed. */
import type { Metadata, Viewport } from 'next'
import React from 'react'

import './site.css'

export const metadata: Metadata = {
  title: { default: 'ศูนย์ข้อมูลการติดต่อราชการ', template: '%s · info.go.th' },
  description: 'ศูนย์ข้อมูลการติดต่อราชการ (info.go.th)',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="th">
      <body className="site">
        <a className="skip" href="#main">
          ข้ามไปยังเนื้อหา (Skip to content)
        </a>
        <header className="site-header">
          <span className="brand">ศูนย์ข้อมูลการติดต่อราชการ</span> <span lang="en">info.go.th</span>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  )
}
