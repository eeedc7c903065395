/**
 * The years a licence report or unlock request can be about (CE). Kept apart from licenceReport.ts
 * so the admin's drop-downs do not carry its holiday calendar into the browser.
 */

/** The Licensing Facilitation Act came into force in July 2015 (พ.ศ. 2558): no report is older. */
export const FIRST_REPORTING_YEAR = 2015

/**
 * Newest first: from FIRST_REPORTING_YEAR to the year after `current`, plus `value` when it lies
 * outside (an old or mistyped report still shows its own year).
 */
export function reportingYears(current: number, value?: number | null): number[] {
  const years = new Set<number>()
  for (let y = current + 1; y >= FIRST_REPORTING_YEAR; y--) years.add(y)
  if (typeof value === 'number' && Number.isInteger(value)) years.add(value)
  return [...years].sort((a, b) => b - a)
}
