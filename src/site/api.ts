/**
 * The citizen site's REST client. It reads the public API over HTTP, as an outside site would
 * (../shared/API.md), from INTERNAL_API_URL (default: this server, http://127.0.0.1:$PORT).
 *
 * Caching: content reads go through Next's data cache for REVALIDATE_SECONDS and carry tags
 * (`manuals`, `manual:<id>`, ...) so a publish hook could call revalidateTag(); the public API
 * itself drops its cache on every publish, so a page is at most a minute behind. Delay tracking is
 * never cached.
 */
export const REVALIDATE_SECONDS = 60

export const apiBaseUrl = (): string =>
  (process.env.INTERNAL_API_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/+$/, '')

type Id = number | string
export type Named = { id: Id; name?: string; nameEn?: string | null; title?: string }
type Ref<T> = Id | T | null | undefined

export type Agency = {
  id: Id
  name: string
  nameEn?: string | null
  kind?: 'ministry' | 'department' | 'local-government'
  parent?: Ref<Agency>
  province?: string | null
  address?: string | null
  phone?: string | null
  email?: string | null
  website?: string | null
}

export type OpeningHours = { day: string; opens?: string | null; closes?: string | null }

export type ServicePoint = {
  id: Id
  name: string
  nameEn?: string | null
  agency: Ref<Agency>
  address?: string | null
  province?: string | null
  district?: string | null
  postcode?: string | null
  location?: { lat?: number | null; lng?: number | null } | null
  openingHours?: OpeningHours[] | null
  phone?: string | null
  email?: string | null
  manuals?: Ref<ManualSummary>[] | null
  pinDetails?: { manual: Ref<ManualSummary>; hours?: string | null; phone?: string | null; feeNote?: string | null }[] | null
}

export type ManualSummary = {
  id: Id
  title: string
  agency?: Ref<Agency>
  process?: Ref<{ id: Id; name: string }>
  revision?: number
  publishedAt?: string | null
}

export type Manual = ManualSummary & {
  serviceType?: string | null
  conditions?: unknown
  serviceChannels?: { place: string; hours?: string | null }[] | null
  steps?: { title: string; description?: string | null; duration?: number | null; durationUnit?: string | null; responsibleUnit?: string | null }[] | null
  totalDuration?: number | null
  totalDurationUnit?: string | null
  documents?: { name: string; issuingAgency?: string | null; originals?: number | null; copies?: number | null; note?: string | null }[] | null
  noFee?: boolean | null
  fees?: { description: string; amount?: number | null }[] | null
  complaintChannels?: { channel: string; contact?: string | null }[] | null
  forms?: { title: string; file?: Ref<{ id: Id; url?: string | null; filename?: string | null; mimeType?: string | null }> }[] | null
  legalBasis?: { title: string }[] | null
  remarks?: string | null
  servicePoints?: { docs?: Ref<ServicePoint>[] } | null
  updatedAt?: string
}

export type OtherService = {
  id: Id
  title: string
  agency?: Ref<Agency>
  description?: string | null
  channels?: { place: string; hours?: string | null }[] | null
  contact?: string | null
}

export type Tag = { id: Id; name: string; nameEn?: string | null; type: string; parent?: Ref<Tag> }

export type SearchType = 'manual' | 'other-service' | 'service-point' | 'agency'
export type SearchHit = { id: Id; type: SearchType; title: string; agency?: { id: Id; name: string } | null; snippet?: string; score?: number }
export type SearchResult = { docs: SearchHit[]; totalDocs: number; page: number; limit: number }
export type Paginated<T> = { docs: T[]; totalDocs: number; page: number; totalPages: number; limit: number }

export type DelayTrack = {
  trackingCode: string
  state: 'open' | 'overdue' | 'closed'
  process?: { name?: string } | null
  servicePoint?: { id?: Id; name?: string } | null
  agency?: { name?: string } | null
  receivedAt?: string | null
  dueAt?: string | null
  noticeCount?: number
  lastNoticeAt?: string | null
  reasonGiven?: string | null
  nextNoticeDueAt?: string | null
  expectedDecisionAt?: string | null
  decidedAt?: string | null
}

export class SiteApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

type Options = { tags?: string[]; noStore?: boolean; headers?: Record<string, string> }

/** GET a public JSON resource; 404 is `null` (the page shows "not found"), other failures throw. */
async function get<T>(path: string, query: Record<string, string | number | undefined> = {}, options: Options = {}): Promise<T | null> {
  const url = new URL(`${apiBaseUrl()}/api${path}`)
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
  const res = await fetch(url, {
    headers: { Accept: 'application/json', 'Accept-Language': 'th', ...options.headers },
    ...(options.noStore ? { cache: 'no-store' as const } : { next: { revalidate: REVALIDATE_SECONDS, tags: options.tags ?? [] } }),
  })
  if (res.status === 404) return null
  if (!res.ok) {
    const body = await res.text().catch(() => '')
    throw new SiteApiError(res.status, `GET ${url.pathname}${url.search} answered ${res.status}: ${body.slice(0, 300)}`)
  }
  return (await res.json()) as T
}

/** Ids are positive integers here; anything else is "not found" without asking the API. */
export const isId = (value: unknown): value is string => typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value)

export type SearchParams = { q?: string; type?: string; agency?: string; province?: string; tag?: string; page?: number; limit?: number }

export const searchSite = (params: SearchParams) =>
  get<SearchResult>('/site-search', { ...params, limit: params.limit ?? 10 }, { tags: ['search'] })

export const getManual = (id: string) => (isId(id) ? get<Manual>(`/manuals/${id}`, { depth: 2 }, { tags: ['manuals', `manual:${id}`] }) : Promise.resolve(null))

/**
 * The revision in progress, read with the officer's own session (`?draft=true`): the API's access
 * rules decide what they may see, so a citizen or another agency's officer gets the published one.
 */
export const getManualPreview = (id: string, token: string) =>
  isId(id)
    ? get<Manual>(`/manuals/${id}`, { depth: 2, draft: 'true' }, { noStore: true, headers: { Authorization: `JWT ${token}` } })
    : Promise.resolve(null)

export const getServicePoint = (id: string) =>
  isId(id) ? get<ServicePoint>(`/service-points/${id}`, { depth: 1 }, { tags: ['service-points', `service-point:${id}`] }) : Promise.resolve(null)

export const getAgency = (id: string) => (isId(id) ? get<Agency>(`/agencies/${id}`, { depth: 1 }, { tags: ['agencies', `agency:${id}`] }) : Promise.resolve(null))

/** The public service points among `ids` (with their hours, which a manual's join leaves out). */
export const getServicePointsByIds = async (ids: Id[]) =>
  ids.length
    ? ((await get<Paginated<ServicePoint>>(
        '/service-points',
        { 'where[id][in]': ids.join(','), depth: 0, limit: 100, sort: 'province' },
        { tags: ['service-points'] },
      )) ?? emptyPage<ServicePoint>())
    : emptyPage<ServicePoint>()

export const listManualsOfAgency = async (agencyId: Id, page = 1) =>
  (await get<Paginated<ManualSummary>>(
    '/manuals',
    { 'where[agency][equals]': agencyId, depth: 0, limit: 50, page, sort: 'title', 'select[title]': 'true', 'select[revision]': 'true', 'select[publishedAt]': 'true' },
    { tags: ['manuals'] },
  )) ?? emptyPage<ManualSummary>()

export const listOtherServicesOfAgency = async (agencyId: Id) =>
  (await get<Paginated<OtherService>>('/other-services', { 'where[agency][equals]': agencyId, depth: 0, limit: 50, sort: 'title' }, { tags: ['other-services'] })) ??
  emptyPage<OtherService>()

export const listServicePointsOfAgency = async (agencyId: Id) =>
  (await get<Paginated<ServicePoint>>('/service-points', { 'where[agency][equals]': agencyId, depth: 0, limit: 100, sort: 'province' }, { tags: ['service-points'] })) ??
  emptyPage<ServicePoint>()

/** Departments and local governments (the agencies that own manuals), for the search filter. */
export const listServiceAgencies = async () =>
  (await get<Paginated<Agency>>('/agencies', { 'where[kind][not_equals]': 'ministry', depth: 0, limit: 200, sort: 'name', 'select[name]': 'true', 'select[nameEn]': 'true' }, { tags: ['agencies'] })) ??
  emptyPage<Agency>()

export const listTags = async () =>
  (await get<Paginated<Tag>>('/tags', { depth: 0, limit: 200, sort: 'name' }, { tags: ['tags'] })) ?? emptyPage<Tag>()

/**
 * One tracking look-up. The API limits look-ups per client address, so the citizen's address is
 * passed on (X-Forwarded-For; the server trusts it from loopback); 429 is `'rate-limited'`.
 */
export async function trackDelay(code: string, clientIp?: string): Promise<DelayTrack | null | 'rate-limited'> {
  try {
    return await get<DelayTrack>('/delay-notices/track', { code }, { noStore: true, headers: clientIp ? { 'X-Forwarded-For': clientIp } : {} })
  } catch (err) {
    if (err instanceof SiteApiError && err.status === 429) return 'rate-limited'
    throw err
  }
}

function emptyPage<T>(): Paginated<T> {
  return { docs: [], totalDocs: 0, page: 1, totalPages: 0, limit: 0 }
}

/** The id of a relationship value, populated or not. */
export const idOf = (value: Ref<{ id: Id }>): Id | undefined => (value && typeof value === 'object' ? value.id : (value ?? undefined))
