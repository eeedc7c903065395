/* Nav entry: Summary report > รายงานผลประเมินความพึงพอใจ (officers only). */
import type { ServerProps } from 'payload'
import React from 'react'

export function SatisfactionReportNavLink({ user }: ServerProps) {
  if (!user) return null
  return (
    <div style={{ marginTop: 16 }}>
      <div className="nav-group__toggle" style={{ cursor: 'default' }}>
        รายงานสรุป (Summary report)
      </div>
      <a className="nav__link" href="/admin/reports/satisfaction" style={{ display: 'block', padding: '4px 0' }}>
        รายงานผลประเมินความพึงพอใจ
      </a>
    </div>
  )
}
