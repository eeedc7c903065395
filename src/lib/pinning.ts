/**
 * Pinning (ปักหมุดคู่มือ): a service point lists the manuals it offers and may add per-location
 * details (hours, phone, fee note) for some of them, as Open Referral's service_at_location does.
 * A detail row must refer to a manual the point actually pins.
 */
type Id = number | string

const idOf = (value: unknown): Id | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null
  return value as Id
}

/** The ids of a hasMany relationship value, populated or not. */
export const idsOf = (values: unknown): Id[] =>
  (Array.isArray(values) ? values : []).map(idOf).filter((id): id is Id => id !== null)

/** Whether `manual` is among `pinned` (ids compared as strings: REST sends strings, the DB numbers). */
export const isPinned = (manual: unknown, pinned: unknown): boolean => {
  const id = idOf(manual)
  return id !== null && idsOf(pinned).some((p) => String(p) === String(id))
}

/** Indexes of detail rows that name the same manual as an earlier row. */
export function duplicateDetailRows(details: Array<{ manual?: unknown }> | null | undefined): number[] {
  const seen = new Set<string>()
  const duplicates: number[] = []
  ;(details ?? []).forEach((row, index) => {
    const id = idOf(row?.manual)
    if (id === null) return
    if (seen.has(String(id))) duplicates.push(index)
    seen.add(String(id))
  })
  return duplicates
}
