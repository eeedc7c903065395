/** The reader's language on the server: src/proxy.ts sets x-site-lang from ?lang= or the cookie. */
import { cookies, headers } from 'next/headers'

import { type Lang, parseLang } from './format'

export const LANG_COOKIE = 'site-lang'

export async function currentLang(): Promise<Lang> {
  const [h, c] = await Promise.all([headers(), cookies()])
  return parseLang(h.get('x-site-lang')) ?? parseLang(c.get(LANG_COOKIE)?.value) ?? 'th'
}

/** The current path (without `lang`), for the language switch. */
export async function currentPath(): Promise<string> {
  const h = await headers()
  return h.get('x-site-path') || '/'
}
