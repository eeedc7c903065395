import { isValidLatitude, isValidLongitude } from './servicePoint'

/** Limits of the nearby search: a citizen looks for a point within a province's reach. */
export const NEARBY_DEFAULT_RADIUS_KM = 10
export const NEARBY_MAX_RADIUS_KM = 200
export const NEARBY_DEFAULT_LIMIT = 20
export const NEARBY_MAX_LIMIT = 100

export type NearbyQuery = { lat: number; lng: number; radiusKm: number; limit: number }
export type FieldError = { path: string; message: { th: string; en: string } }

const toNumber = (raw: unknown): number | null => {
  if (raw === null || raw === undefined || String(raw).trim() === '') return null
  const n = Number(raw)
  return Number.isFinite(n) ? n : Number.NaN
}

/** Reads and checks `lat`, `lng`, `radiusKm`, `limit` from a query string's values. */
export function parseNearbyQuery(params: Record<string, unknown>): { query: NearbyQuery } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const lat = toNumber(params.lat)
  const lng = toNumber(params.lng)
  const radius = toNumber(params.radiusKm)
  const limit = toNumber(params.limit)
  if (lat === null) errors.push({ path: 'lat', message: { th: 'กรุณาระบุละติจูด (lat)', en: 'lat is required' } })
  else if (!isValidLatitude(lat))
    errors.push({ path: 'lat', message: { th: 'ละติจูดต้องอยู่ในประเทศไทย (5.5 ถึง 20.5)', en: 'lat must be within Thailand (5.5 to 20.5)' } })
  if (lng === null) errors.push({ path: 'lng', message: { th: 'กรุณาระบุลองจิจูด (lng)', en: 'lng is required' } })
  else if (!isValidLongitude(lng))
    errors.push({ path: 'lng', message: { th: 'ลองจิจูดต้องอยู่ในประเทศไทย (97.3 ถึง 105.7)', en: 'lng must be within Thailand (97.3 to 105.7)' } })
  if (radius !== null && !(radius > 0 && radius <= NEARBY_MAX_RADIUS_KM))
    errors.push({
      path: 'radiusKm',
      message: { th: `รัศมีต้องมากกว่า 0 และไม่เกิน ${NEARBY_MAX_RADIUS_KM} กม.`, en: `radiusKm must be above 0 and at most ${NEARBY_MAX_RADIUS_KM}` },
    })
  if (limit !== null && !(Number.isInteger(limit) && limit >= 1 && limit <= NEARBY_MAX_LIMIT))
    errors.push({ path: 'limit', message: { th: `จำนวนต้องเป็นจำนวนเต็ม 1 ถึง ${NEARBY_MAX_LIMIT}`, en: `limit must be an integer from 1 to ${NEARBY_MAX_LIMIT}` } })
  if (errors.length) return { errors }
  return { query: { lat: lat!, lng: lng!, radiusKm: radius ?? NEARBY_DEFAULT_RADIUS_KM, limit: limit ?? NEARBY_DEFAULT_LIMIT } }
}

/** Great-circle distance in km (haversine, mean Earth radius): checks the database's ordering in tests. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h))
}
