'use client'
import { useAuth } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'

const EXPORTERS = ['central-officer', 'opdc-officer', 'system-admin']

/**
 * Above the delay-notice list: download the cases as CSV or XLSX with the list's current filter
 * (its `where` in the URL). Shown to central officers and OPDC; the endpoint checks again.
 */
export function ExportLinks() {
  const { user } = useAuth()
  const params = useSearchParams()
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!roles.some((role) => EXPORTERS.includes(role))) return null
  const filter = new URLSearchParams()
  params.forEach((value, key) => {
    if (key.startsWith('where')) filter.append(key, value)
  })
  const href = (format: 'csv' | 'xlsx') => `/api/delay-notices/export?format=${format}${filter.size ? `&${filter}` : ''}`
  return (
    <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', margin: '0 0 1rem' }}>
      <span>ส่งออกรายการตามตัวกรอง (Export the filtered list):</span>
      <a className="btn btn--style-secondary btn--size-small" href={href('csv')} download>
        CSV
      </a>
      <a className="btn btn--style-secondary btn--size-small" href={href('xlsx')} download>
        XLSX
      </a>
    </div>
  )
}
