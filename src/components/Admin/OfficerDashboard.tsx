/*
 * Admin home, above the collection cards: what waits for this officer ("งานที่รอท่านดำเนินการ"),
 * each a count linking to the filtered list (src/admin/officerDashboard.ts counts as the officer).
 */
import type { ServerProps, TypedUser } from 'payload'
import React from 'react'

import { ROLE_LABELS, isRole } from '../../lib/roles'
import { buildOfficerDashboard } from '../../admin/officerDashboard'
import { SupportContact } from './SupportContact'

export async function OfficerDashboard({ payload, user }: ServerProps) {
  if (!user || !payload) return null
  const items = await buildOfficerDashboard(payload, user as TypedUser)
  const roles = ((user as { roles?: unknown[] }).roles ?? []).filter(isRole)
  const name = (user as { name?: string }).name || (user as { email?: string }).email
  return (
    <section className="officer-dashboard" data-testid="officer-dashboard" style={{ marginBottom: 32 }}>
      <h2 style={{ marginBottom: 4 }}>งานที่รอท่านดำเนินการ</h2>
      <p style={{ marginTop: 0, opacity: 0.75 }}>
        Waiting for you · {name} · {roles.map((r) => ROLE_LABELS[r].th).join(', ') || 'ยังไม่มีบทบาท (no role yet)'}
      </p>
      <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 12 }}>
        {items.map((item) => (
          <li key={item.key} data-testid={`dashboard-${item.key}`} data-count={item.count}>
            <a
              href={item.href}
              className="card"
              style={{ display: 'block', padding: 16, textDecoration: 'none', borderLeft: item.count ? '4px solid var(--theme-warning-500)' : undefined }}
            >
              <span style={{ fontSize: 28, fontWeight: 700, display: 'block' }}>{item.count.toLocaleString('th-TH')}</span>
              <span>{item.th}</span>
              <span style={{ display: 'block', opacity: 0.7, fontSize: '0.85em' }}>{item.en}</span>
            </a>
          </li>
        ))}
      </ul>
      <p style={{ marginTop: 16 }}>
        <a href="/admin/help/guidelines">แนวทางปฏิบัติ (Guidelines)</a> · <a href="/admin/help">คำถามที่พบบ่อย (FAQ)</a> ·{' '}
        <a href="/officer-guide.pdf" download>
          คู่มือการใช้งาน PDF (User guide)
        </a>
      </p>
      <SupportContact />
    </section>
  )
}
