/* The citizen site's root layout: Thai first with an English switch, light, no client JavaScript needed. */
import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import React, { Suspense } from 'react'

import { pick } from '../../site/format'
import { currentLang, currentPath } from '../../site/lang'
import { LangSwitch } from '../../site/LangSwitch'
import './site.css'

export const metadata: Metadata = {
  title: { default: 'ศูนย์ข้อมูลการติดต่อราชการ', template: '%s · info.go.th' },
  description: 'ศูนย์ข้อมูลการติดต่อราชการ (info.go.th)',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

/** The same path with `lang` set (the proxy stores the choice in a cookie). */
const withLang = (path: string, lang: 'th' | 'en') => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [lang, path] = await Promise.all([currentLang(), currentPath()])
  const other = lang === 'th' ? 'en' : 'th'
  return (
    <html lang={lang}>
      <body className="site">
        <a className="skip" href="#main">
          {pick(lang, 'ข้ามไปยังเนื้อหา', 'Skip to content')}
        </a>
        <header className="site-header">
          <Link className="brand" href="/">
            {pick(lang, 'ศูนย์ข้อมูลการติดต่อราชการ', 'Government Contact Center')}
          </Link>{' '}
          <span lang="en">info.go.th</span>
          <nav className="site-nav" aria-label={pick(lang, 'เมนูหลัก', 'Main menu')}>
            <Link href="/search">{pick(lang, 'ค้นหาบริการ', 'Find a service')}</Link>
            <Link href="/track">{pick(lang, 'ติดตามเรื่อง', 'Track an application')}</Link>
            <Suspense
              fallback={
                <a href={withLang(path, other)} lang={other} hrefLang={other}>
                  {other === 'en' ? 'English' : 'ภาษาไทย'}
                </a>
              }
            >
              <LangSwitch to={other} />
            </Suspense>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            {pick(
              lang,
              'ศูนย์ข้อมูลการติดต่อราชการ ตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558',
              'Government Contact Center under the Licensing Facilitation Act B.E. 2558 (2015)',
            )}
          </p>
        </footer>
      </body>
    </html>
  )
}
