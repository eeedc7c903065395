/**
 * Step durations of a citizen manual and their total. OPDC's template counts in minutes, hours,
 * working days; a working day is 7 working hours (08:30-16:30 less lunch).
 */
export const DURATION_UNITS = [
  { value: 'minutes', th: 'นาที', en: 'minutes', minutes: 1 },
  { value: 'hours', th: 'ชั่วโมง', en: 'hours', minutes: 60 },
  { value: 'days', th: 'วันทำการ', en: 'working days', minutes: 7 * 60 },
] as const

export type DurationUnit = (typeof DURATION_UNITS)[number]['value']

const minutesPer = (unit: string): number => DURATION_UNITS.find((u) => u.value === unit)?.minutes ?? 0

export type StepDuration = { duration?: number | null; durationUnit?: string | null }

/** Total of the steps, expressed in the largest unit any step uses (rounded to 2 decimals). */
export function totalDuration(steps: StepDuration[] | null | undefined): { value: number; unit: DurationUnit } {
  const list = (steps ?? []).filter((s) => typeof s.duration === 'number' && s.durationUnit)
  const minutes = list.reduce((sum, s) => sum + (s.duration as number) * minutesPer(String(s.durationUnit)), 0)
  const largest = [...DURATION_UNITS].reverse().find((u) => list.some((s) => s.durationUnit === u.value))
  const unit = largest ?? DURATION_UNITS[0]
  return { value: Math.round((minutes / unit.minutes) * 100) / 100, unit: unit.value }
}
