/** Where citizens rate a service point (pure): PUBLIC_SITE_URL + /rate/<id>[?manual=<id>]. */
export const DEFAULT_PUBLIC_SITE_URL = 'http://localhost:3000'

export function publicSiteUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.PUBLIC_SITE_URL || DEFAULT_PUBLIC_SITE_URL).replace(/\/+$/, '')
}

export function ratingUrl(servicePoint: number | string, options: { manual?: number | string | null; base?: string } = {}): string {
  const url = `${options.base ?? publicSiteUrl()}/rate/${encodeURIComponent(String(servicePoint))}`
  return options.manual ? `${url}?manual=${encodeURIComponent(String(options.manual))}` : url
}

/** Splits text into runs of Thai and of everything else, so each run gets a font that has its glyphs. */
export function scriptRuns(text: string): Array<{ thai: boolean; text: string }> {
  const runs: Array<{ thai: boolean; text: string }> = []
  for (const ch of text) {
    const thai = /[\u0E00-\u0E7F]/.test(ch)
    const last = runs[runs.length - 1]
    if (last && last.thai === thai) last.text += ch
    else runs.push({ thai, text: ch })
  }
  return runs
}
