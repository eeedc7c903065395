/** Thailand's extent, with a margin: a service point outside it is a typo (e.g. lat/lng swapped). */
export const THAILAND_BOUNDS = { minLat: 5.5, maxLat: 20.5, minLng: 97.3, maxLng: 105.7 }

export const isValidLatitude = (lat: number): boolean =>
  Number.isFinite(lat) && lat >= THAILAND_BOUNDS.minLat && lat <= THAILAND_BOUNDS.maxLat

export const isValidLongitude = (lng: number): boolean =>
  Number.isFinite(lng) && lng >= THAILAND_BOUNDS.minLng && lng <= THAILAND_BOUNDS.maxLng

export const isValidTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value)

export const WEEKDAYS = [
  { value: 'mon', th: 'จันทร์', en: 'Monday' },
  { value: 'tue', th: 'อังคาร', en: 'Tuesday' },
  { value: 'wed', th: 'พุธ', en: 'Wednesday' },
  { value: 'thu', th: 'พฤหัสบดี', en: 'Thursday' },
  { value: 'fri', th: 'ศุกร์', en: 'Friday' },
  { value: 'sat', th: 'เสาร์', en: 'Saturday' },
  { value: 'sun', th: 'อาทิตย์', en: 'Sunday' },
] as const
