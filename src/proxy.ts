/**
 * Citizen-site language: `?lang=en|th` sets the `site-lang` cookie (a year), and every site request
 * carries the chosen language (and its path, for the switch link) to the layout as headers.
 * Admin, API and static files are not touched.
 */
import { type NextRequest, NextResponse } from 'next/server'

const LANG_COOKIE = 'site-lang'

export function proxy(request: NextRequest) {
  const param = request.nextUrl.searchParams.get('lang')
  const chosen = param === 'en' || param === 'th' ? param : undefined
  const lang = chosen ?? (request.cookies.get(LANG_COOKIE)?.value === 'en' ? 'en' : 'th')
  const path = new URL(request.nextUrl.href)
  path.searchParams.delete('lang')
  const headers = new Headers(request.headers)
  headers.set('x-site-lang', lang)
  headers.set('x-site-path', `${path.pathname}${path.search}`)
  const response = NextResponse.next({ request: { headers } })
  if (chosen) response.cookies.set(LANG_COOKIE, chosen, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' })
  return response
}

export const config = { matcher: ['/((?!admin|api|_next|oidc-dev|auth|favicon\\.ico|.*\\.(?:css|js|png|jpg|svg|ico|woff2?)$).*)'] }
