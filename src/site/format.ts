/** Pure formatting for the citizen site (no Next, no Payload): unit-tested in tests/unit/site-format.test.ts. */
import { DURATION_UNITS } from '../lib/duration'
import { WEEKDAYS } from '../lib/servicePoint'
import { formatDateFor, formatThaiDate } from '../lib/thaiDate'

export type Lang = 'th' | 'en'

export const parseLang = (value: unknown): Lang | undefined => (value === 'en' || value === 'th' ? value : undefined)

/** Thai or English text; `en` falls back to Thai when no translation exists. */
export const pick = (lang: Lang, th: string, en?: string | null): string => (lang === 'en' && en ? en : th)

export function formatDuration(value: number | null | undefined, unit: string | null | undefined, lang: Lang): string {
  if (typeof value !== 'number') return ''
  const u = DURATION_UNITS.find((d) => d.value === unit)
  const number = new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 2 }).format(value)
  return u ? `${number} ${lang === 'th' ? u.th : u.en}` : number
}

export function formatBaht(amount: number | null | undefined, lang: Lang): string {
  if (typeof amount !== 'number') return ''
  const number = new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 2 }).format(amount)
  return lang === 'th' ? `${number} บาท` : `THB ${number}`
}

/** The revision date: Buddhist era for Thai readers (e.g. "1 ต.ค. 2568"), Gregorian in English. */
export const formatRevisionDate = (value: string | null | undefined, lang: Lang): string =>
  lang === 'th' ? formatThaiDate(value) : formatDateFor('en', value)

export const formatDate = (value: string | null | undefined, lang: Lang): string => formatDateFor(lang, value)

export const weekdayName = (day: string, lang: Lang): string => {
  const d = WEEKDAYS.find((w) => w.value === day)
  return d ? (lang === 'th' ? d.th : d.en) : day
}

/** "08:30–16:30"; an empty row reads "closed". */
export const hoursText = (opens: string | null | undefined, closes: string | null | undefined, lang: Lang): string =>
  opens && closes ? `${opens}–${closes}${lang === 'th' ? ' น.' : ''}` : lang === 'th' ? 'ปิด' : 'Closed'

/** A Google Maps link to the point (no API key, opens the app on phones); none without both coordinates. */
export function mapsLink(location: { lat?: number | null; lng?: number | null } | null | undefined): string | undefined {
  const lat = location?.lat
  const lng = location?.lng
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined
  return `https://www.google.com/maps/search/?api=1&query=${lat},${lng}`
}

/** Query string from filters, leaving out empty ones; `lang` is never carried (the cookie keeps it). */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** The page numbers to offer around the current one (first, last, and two either side). */
export function pageWindow(page: number, totalPages: number): number[] {
  const pages = new Set<number>([1, totalPages])
  for (let p = page - 2; p <= page + 2; p++) pages.add(p)
  return [...pages].filter((p) => p >= 1 && p <= totalPages).sort((a, b) => a - b)
}

/** A positive page number from a query value; anything else is page 1. */
export const pageParam = (value: unknown): number => {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1
  return n >= 1 ? n : 1
}

type JsonLdManual = {
  id: string | number
  title: string
  agencyName?: string
  url: string
  fees?: { description: string; amount?: number | null }[] | null
  noFee?: boolean | null
  servicePoints: { name: string; address?: string | null; phone?: string | null; lat?: number | null; lng?: number | null }[]
  revisedAt?: string | null
}

/** schema.org GovernmentService for a manual page. */
export function governmentServiceJsonLd(m: JsonLdManual): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    '@id': m.url,
    name: m.title,
    url: m.url,
    inLanguage: 'th',
    areaServed: { '@type': 'Country', name: 'Thailand' },
    ...(m.agencyName ? { provider: { '@type': 'GovernmentOrganization', name: m.agencyName } } : {}),
    ...(m.revisedAt ? { dateModified: m.revisedAt } : {}),
    offers: m.noFee
      ? { '@type': 'Offer', price: 0, priceCurrency: 'THB' }
      : (m.fees ?? []).map((f) => ({ '@type': 'Offer', name: f.description, price: f.amount ?? 0, priceCurrency: 'THB' })),
    availableChannel: m.servicePoints.map((p) => ({
      '@type': 'ServiceChannel',
      name: p.name,
      serviceLocation: {
        '@type': 'GovernmentOffice',
        name: p.name,
        ...(p.address ? { address: p.address } : {}),
        ...(p.phone ? { telephone: p.phone } : {}),
        ...(typeof p.lat === 'number' && typeof p.lng === 'number' ? { geo: { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lng } } : {}),
      },
    })),
  }
}

/** JSON for a <script type="application/ld+json">: `<` escaped so content cannot close the tag. */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c')
