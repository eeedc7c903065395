'use client'
/**
 * The language switch. A client component because the layout is kept across client-side
 * navigations, so the path it was rendered for goes stale; this one follows the current URL.
 * A plain <a> (full load), so the layout renders again with <html lang> in the new language.
 */
import { usePathname, useSearchParams } from 'next/navigation'
import React from 'react'

export function LangSwitch({ to }: { to: 'th' | 'en' }) {
  const pathname = usePathname()
  const params = new URLSearchParams(useSearchParams()?.toString() ?? '')
  params.set('lang', to)
  return (
    <a href={`${pathname}?${params.toString()}`} lang={to} hrefLang={to}>
      {to === 'en' ? 'English' : 'ภาษาไทย'}
    </a>
  )
}
